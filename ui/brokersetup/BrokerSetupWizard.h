#pragma once
// "Secure broker setup": the desktop form of `mysql-sync setup-broker`. Pages: what to make
// (hosts, sites, validity, port, folder) -> the files, made by core's BrokerSetup on a worker
// thread -> each site's password into the OS keychain (optionally keeping the 0600 files) ->
// where the files go on Linux, Windows and macOS -> Verify: a real connection with a site's
// new certificate and password (BrokerVerifier).
#include "security/BrokerSetup.h"

#include <QWizard>

namespace mysqlsync::ui {

// What the pages share.
struct BrokerSetupState {
    BrokerSetupOptions options;
    BrokerSetupResult result;
    bool generated = false;        // result holds the files of `options`
    bool passwordFilesKept = true; // DIR/clients/NAME.password still exist
};

class BrokerSetupWizard : public QWizard {
    Q_OBJECT
public:
    enum Page { ParametersPage, FilesPage, KeychainPage, InstallPage, VerifyPage };

    explicit BrokerSetupWizard(QWidget *parent = nullptr);
    const BrokerSetupState &state() const { return m_state; }

private:
    BrokerSetupState m_state;
};

} // namespace mysqlsync::ui
