#include "brokersetup/BrokerSetupWizard.h"

#include "brokersetup/SetupFilesPage.h"
#include "brokersetup/SetupInstallPage.h"
#include "brokersetup/SetupKeychainPage.h"
#include "brokersetup/SetupParametersPage.h"
#include "brokersetup/SetupVerifyPage.h"

namespace mysqlsync::ui {

BrokerSetupWizard::BrokerSetupWizard(QWidget *parent)
    : QWizard(parent)
{
    setWindowTitle(tr("Secure broker setup"));
    setObjectName(QStringLiteral("brokerSetupWizard"));
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    setPage(ParametersPage, new SetupParametersPage(&m_state, this));
    setPage(FilesPage, new SetupFilesPage(&m_state, this));
    setPage(KeychainPage, new SetupKeychainPage(&m_state, this));
    setPage(InstallPage, new SetupInstallPage(&m_state, this));
    setPage(VerifyPage, new SetupVerifyPage(&m_state, this));
    setStartId(ParametersPage);
    resize(760, 560);
}

} // namespace mysqlsync::ui
