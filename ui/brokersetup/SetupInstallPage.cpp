#include "brokersetup/SetupInstallPage.h"

#include "brokersetup/BrokerSetupWizard.h"

#include <QDir>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mysqlsync::ui {

SetupInstallPage::SetupInstallPage(BrokerSetupState *state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_text(new QTextBrowser(this))
{
    setTitle(tr("Where the files go"));
    setSubTitle(tr("Install the broker's files and restart Mosquitto, then copy each site's files to that site. "
                   "The next page checks the result."));
    m_text->setObjectName(QStringLiteral("setup.install"));
    m_text->setOpenExternalLinks(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
}

void SetupInstallPage::initializePage()
{
    m_text->setHtml(instructions(*m_state));
}

QString SetupInstallPage::instructions() const
{
    return m_text->toHtml();
}

QString SetupInstallPage::instructions(const BrokerSetupState &state)
{
    const QString dir = QDir::toNativeSeparators(state.options.outDir).toHtmlEscaped();
    const QString port = QString::number(state.options.port);
    const QString site = state.options.clients.value(0, QStringLiteral("site_a")).toHtmlEscaped();
    const QString sites = state.options.clients.join(QStringLiteral(", ")).toHtmlEscaped();
    const QString password = state.passwordFilesKept
        ? tr("<code>clients/%1.password</code> (keep it <code>chmod 600</code>, owned by the user that runs "
             "mysql-sync)")
              .arg(site)
        : tr("nothing: the password is in this computer's keychain as <code>%1-broker</code>; on another computer "
             "store "
             "it in that keychain under the same name, or put it in a 0600 file and set "
             "<code>\"password\": {\"file\": \"%1.password\"}</code>")
              .arg(site);
    QString html;
    html +=
        tr("<p><b>The broker.</b> <code>%1/mosquitto.conf</code> enables a TLS listener on port %2 that requires a "
           "client certificate signed by <code>ca.crt</code> <i>and</i> a password (<code>passwordfile</code>), and "
           "applies the per-site rights of <code>acl</code>. It names <code>ca.crt</code>, <code>server.crt</code>, "
           "<code>server.key</code>, <code>passwordfile</code> and <code>acl</code> by their absolute paths in "
           "%1: if you move them, change those lines. Mosquitto's user must be able to read "
           "<code>server.key</code>, <code>passwordfile</code> and <code>acl</code> (give them to that user, keep "
           "mode 0600). <code>ca.key</code> is not needed by the broker: keep it offline, it makes certificates.</p>")
            .arg(dir, port);
    html +=
        tr("<h3>Linux</h3><ul>"
           "<li>Copy the broker's files to <code>/etc/mosquitto/mysql-sync/</code> and <code>chown mosquitto</code> "
           "the key, password and ACL files.</li>"
           "<li>Put <code>mosquitto.conf</code> in <code>/etc/mosquitto/conf.d/mysql-sync.conf</code> (Debian and "
           "Ubuntu include that folder) with the paths changed, or start Mosquitto with <code>-c</code> on it.</li>"
           "<li><code>sudo systemctl restart mosquitto</code>, then <code>journalctl -u mosquitto</code> shows "
           "\"Opening ipv4 listen socket on port %1\".</li>"
           "<li>Open port %1/tcp in the firewall (e.g. <code>sudo ufw allow %1/tcp</code>).</li></ul>")
            .arg(port);
    html += tr("<h3>Windows</h3><ul>"
               "<li>Copy the broker's files to <code>C:\\Program Files\\mosquitto\\mysql-sync\\</code>.</li>"
               "<li>Merge <code>mosquitto.conf</code> into <code>C:\\Program Files\\mosquitto\\mosquitto.conf</code> "
               "with the paths changed (forward slashes work).</li>"
               "<li>Restart the service: <code>net stop mosquitto</code> and <code>net start mosquitto</code> in an "
               "administrator prompt (or Services, \"Mosquitto Broker\", Restart).</li>"
               "<li>Allow port %1 in Windows Defender Firewall (inbound rule, TCP).</li></ul>")
                .arg(port);
    html += tr("<h3>macOS</h3><ul>"
               "<li>Homebrew's Mosquitto reads <code>/opt/homebrew/etc/mosquitto/mosquitto.conf</code> (Apple silicon) "
               "or <code>/usr/local/etc/mosquitto/mosquitto.conf</code> (Intel): copy the files next to it and merge "
               "the configuration with the paths changed.</li>"
               "<li><code>brew services restart mosquitto</code>.</li></ul>");
    html += tr("<h3>Each site (%1)</h3><p>Copy to the computer of the site, e.g. <code>%2</code>: "
               "<code>ca.crt</code>, <code>clients/%2.crt</code>, <code>clients/%2.key</code> (mode 0600), "
               "<code>clients/%2.json</code> and %3. <code>%2.json</code> expects <code>ca.crt</code> one folder above "
               "it (<code>\"ca\": \"../ca.crt\"</code>): keep that layout or change the path.</p><ul>"
               "<li>Linux: <code>/etc/mysql-sync/</code> (folder <code>root:mysql-sync</code>, mode 0750) for the "
               "daemon, with the key and password files owned by <code>mysql-sync</code> and mode 0600 (mysql-sync "
               "refuses a password file that others can read), or any folder of the user who runs the desktop "
               "app.</li>"
               "<li>Windows: <code>C:\\ProgramData\\mysql-sync\\</code>, readable only by the service's account and "
               "administrators.</li>"
               "<li>macOS: <code>/Library/Application Support/mysql-sync/</code> for a LaunchDaemon, or the user's "
               "<code>~/Library/Application Support/mysql-sync/</code>.</li></ul>"
               "<p>Then complete <code>mysqlConfig</code>, <code>syncTables</code> and <code>receiveTables</code> in "
               "the site's file (the Configuration tab does it and keeps the database password in the keychain) and "
               "start mysql-sync.</p>")
                .arg(sites, site, password);
    return html;
}

} // namespace mysqlsync::ui
