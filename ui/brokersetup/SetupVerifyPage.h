#pragma once
// Broker setup, last page: connects to the broker with a site's new certificate, key and
// password (BrokerVerifier, off the GUI thread) and says whether it worked or exactly what
// failed.
#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace mysqlsync::ui {

struct BrokerSetupState;
class BrokerVerifier;

class SetupVerifyPage : public QWizardPage {
    Q_OBJECT
public:
    SetupVerifyPage(BrokerSetupState *state, QWidget *parent = nullptr);
    void initializePage() override;
    QString resultText() const;
    bool isRunning() const;

public Q_SLOTS:
    void verify();

Q_SIGNALS:
    void verified(bool ok, const QString &message);

private:
    void onFinished(bool ok, const QString &message);

    BrokerSetupState *m_state;
    BrokerVerifier *m_verifier;
    QComboBox *m_site;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_password;
    QPushButton *m_run;
    QLabel *m_result;
};

} // namespace mysqlsync::ui
