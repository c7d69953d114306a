#pragma once
// Broker setup, page 1: what to make. Checked with BrokerSetup::validate before going on.
#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace mysqlsync::ui {

struct BrokerSetupState;

class SetupParametersPage : public QWizardPage {
    Q_OBJECT
public:
    SetupParametersPage(BrokerSetupState *state, QWidget *parent = nullptr);
    bool validatePage() override;

private:
    BrokerSetupState *m_state;
    QLineEdit *m_hosts;
    QLineEdit *m_clients;
    QSpinBox *m_days;
    QSpinBox *m_port;
    QLineEdit *m_bind;
    QSpinBox *m_wsPort;
    QLineEdit *m_outDir;
    QCheckBox *m_force;
    QLabel *m_error;
};

} // namespace mysqlsync::ui
