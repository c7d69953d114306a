// Certificate expiry in the desktop app: ExpiryWatcher finds the configuration's certificates
// that expire within 30 days, the Overview shows a banner and the tray gets a notification
// (MainWindow's wiring); nothing is shown for certificates that are far from expiring.
#include "mainwindow/MainWindow.h"
#include "mainwindow/TrayController.h"
#include "monitor/ExpiryWatcher.h"
#include "overview/ExpiryBanner.h"
#include "overview/OverviewPage.h"
#include "security/CertificateIssuer.h"
#include "security/SecureFile.h"

#include <QAction>
#include <QTemporaryDir>
#include <QTest>
#include <QWizard>

using namespace mysqlsync;
using namespace mysqlsync::ui;

class TestExpiryBanner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bannerAndTrayWarnBeforeExpiry();
    void toolsMenuOpensTheWizard();

private:
    Config makeConfig(const QTemporaryDir &dir, int caDays, int certDays);
};

Config TestExpiryBanner::makeConfig(const QTemporaryDir &dir, int caDays, int certDays)
{
    QString error;
    Validity caValidity;
    caValidity.days = caDays;
    Validity certValidity;
    certValidity.days = certDays;
    const PemPair ca = CertificateIssuer::createAuthority(QStringLiteral("test CA"), caValidity, &error);
    const PemPair cert = CertificateIssuer::issueClient(ca, QStringLiteral("site_a"), certValidity, &error);
    Config c;
    c.clientName = QStringLiteral("site_a");
    c.mqtt.tls.ca = dir.filePath(QStringLiteral("ca.crt"));
    c.mqtt.tls.cert = dir.filePath(QStringLiteral("site_a.crt"));
    c.mqtt.tls.key = dir.filePath(QStringLiteral("site_a.key"));
    if (!SecureFile::write(c.mqtt.tls.ca, ca.certificate, 0644, true, &error)
        || !SecureFile::write(c.mqtt.tls.cert, cert.certificate, 0644, true, &error)
        || !SecureFile::write(c.mqtt.tls.key, cert.key, 0600, true, &error))
        qFatal("%s", qPrintable(error));
    return c;
}

void TestExpiryBanner::bannerAndTrayWarnBeforeExpiry()
{
    MainWindow window(false);
    ExpiryBanner *banner = window.overview()->expiryBanner();
    QVERIFY(banner->isHidden());

    // Far from expiring: no banner, no notification.
    QTemporaryDir fine;
    window.expiryWatcher()->setConfig(makeConfig(fine, 3650, 365));
    QVERIFY(window.expiryWatcher()->notices().isEmpty());
    QVERIFY(banner->isHidden());
    QVERIFY(window.tray()->lastNotification().isEmpty());

    // The client certificate expires in 20 days: banner and tray.
    QTemporaryDir soon;
    int checks = 0;
    connect(window.expiryWatcher(), &ExpiryWatcher::checked, this, [&checks] { ++checks; });
    window.expiryWatcher()->setConfig(makeConfig(soon, 3650, 20));
    QCOMPARE(checks, 1);
    QCOMPARE(window.expiryWatcher()->notices().size(), 1);
    QCOMPARE(window.expiryWatcher()->notices().first().key, QStringLiteral("mqttConfig.cert"));
    QVERIFY(!banner->isHidden());
    QVERIFY2(banner->text().contains(QStringLiteral("A certificate expires soon.")), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(QStringLiteral("mqttConfig.cert"))
                 && banner->text().contains(QStringLiteral("CN site_a"))
                 && banner->text().contains(QStringLiteral("expires in 19 days")),
             qPrintable(banner->text()));
    QVERIFY2(window.tray()->lastNotification().contains(QStringLiteral("mqttConfig.cert")),
             qPrintable(window.tray()->lastNotification()));

    // The CA too (it expires within 30 days as well): both named.
    QTemporaryDir both;
    window.expiryWatcher()->setConfig(makeConfig(both, 10, 5));
    QCOMPARE(window.expiryWatcher()->notices().size(), 2);
    QVERIFY(banner->text().contains(QStringLiteral("mqttConfig.ca ")));

    // Renewed: the banner goes away at the next check.
    window.expiryWatcher()->setConfig(makeConfig(fine, 3650, 365));
    QVERIFY(banner->isHidden());
}

void TestExpiryBanner::toolsMenuOpensTheWizard()
{
    MainWindow window(false);
    auto *action = window.findChild<QAction *>(QStringLiteral("brokerSetupAction"));
    QVERIFY(action);
    action->trigger();
    auto *wizard = window.findChild<QWizard *>(QStringLiteral("brokerSetupWizard"));
    QVERIFY(wizard);
    QVERIFY(wizard->isVisible());
    wizard->close();
}

QTEST_MAIN(TestExpiryBanner)
#include "tst_expirybanner.moc"
