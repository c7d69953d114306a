#pragma once
// Broker setup, page 3: each site's new broker password goes into the OS keychain (SecretJob,
// service "mysql-sync", account "<site>-broker"). The 0600 files DIR/clients/NAME.password
// stay unless the operator unticks "keep"; then, once every password is in the keychain, the
// files are removed and each NAME.json refers to the keychain instead. A keychain that is
// missing or locked is said plainly and the files are kept.
#include <QList>
#include <QWizardPage>

class QCheckBox;
class QLabel;
class QListWidget;

namespace mysqlsync {
class SecretJob;
}

namespace mysqlsync::ui {

struct BrokerSetupState;

class SetupKeychainPage : public QWizardPage {
    Q_OBJECT
public:
    SetupKeychainPage(BrokerSetupState *state, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    // Every password of this run is in the keychain.
    bool allStored() const { return m_pending == 0 && m_failed == 0 && m_stored > 0; }

Q_SIGNALS:
    void keychainDone();

private:
    void onJob(int row, SecretJob *job);
    bool dropPasswordFiles(QString *error);

    BrokerSetupState *m_state;
    QListWidget *m_sites;
    QCheckBox *m_keep;
    QLabel *m_summary;
    int m_generation = 0;
    int m_pending = 0;
    int m_stored = 0;
    int m_failed = 0;
};

} // namespace mysqlsync::ui
