#pragma once
// Broker setup, page 4: where the files go on Linux, Windows and macOS (the broker's
// mosquitto.conf and its files, the service restart, each site's files), with this run's
// folder, port and site names filled in.
#include <QWizardPage>

class QTextBrowser;

namespace mysqlsync::ui {

struct BrokerSetupState;

class SetupInstallPage : public QWizardPage {
    Q_OBJECT
public:
    SetupInstallPage(BrokerSetupState *state, QWidget *parent = nullptr);
    void initializePage() override;
    // The instructions as shown (HTML), for tests.
    QString instructions() const;
    static QString instructions(const BrokerSetupState &state);

private:
    BrokerSetupState *m_state;
    QTextBrowser *m_text;
};

} // namespace mysqlsync::ui
