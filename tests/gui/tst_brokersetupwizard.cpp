// The "Secure broker setup" wizard end to end in a temporary folder: the files are made (keys
// and passwords 0600), every site's password lands in the keychain (a private gnome-keyring:
// run through tests/harness/with-keyring.sh), the install page explains the three systems,
// and Verify connects to a real Mosquitto started with the produced mosquitto.conf on a free
// loopback port: success, then a wrong password and a wrong host name, each with its own message. A second run drops the
// password files and leaves the site configurations referring to the keychain.
#include "brokersetup/BrokerSetupWizard.h"
#include "brokersetup/SetupFilesPage.h"
#include "brokersetup/SetupInstallPage.h"
#include "brokersetup/SetupKeychainPage.h"
#include "brokersetup/SetupVerifyPage.h"
#include "security/SecretJob.h"

#include "TestUtil.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace mysqlsync;
using namespace testsupport;
using namespace mysqlsync::ui;

namespace {

const QFileDevice::Permissions kOwnerOnly =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser;

template <typename T> T *field(QWidget *wizard, const char *name)
{
    T *w = wizard->findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("no widget %s", name);
    return w;
}

// Fills the first page and moves to the files page.
void fillParameters(BrokerSetupWizard &wizard, const QString &out, const QString &clients, int port)
{
    field<QLineEdit>(&wizard, "setup.hosts")->setText(QStringLiteral("127.0.0.1"));
    field<QLineEdit>(&wizard, "setup.clients")->setText(clients);
    field<QSpinBox>(&wizard, "setup.days")->setValue(30);
    field<QSpinBox>(&wizard, "setup.port")->setValue(port);
    field<QLineEdit>(&wizard, "setup.bind")->setText(QStringLiteral("127.0.0.1"));
    field<QLineEdit>(&wizard, "setup.outDir")->setText(out);
}

} // namespace

class TestBrokerSetupWizard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void endToEnd();
    void refusesBadInputAndExistingFiles();
    void withoutPasswordFiles();

private:
    QTemporaryDir m_dir;
    QProcess m_broker;
    QStringList m_accounts;
};

void TestBrokerSetupWizard::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run me through tests/harness/with-keyring.sh");
    QVERIFY(m_dir.isValid());
}

void TestBrokerSetupWizard::cleanupTestCase()
{
    if (m_broker.state() == QProcess::Running) {
        m_broker.terminate();
        if (!m_broker.waitForFinished(10000))
            m_broker.kill();
    }
    QString error;
    for (const QString &a : std::as_const(m_accounts))
        SecretStore::remove(SecretStore::defaultService(), a, &error);
}

void TestBrokerSetupWizard::endToEnd()
{
    const QString out = m_dir.filePath(QStringLiteral("broker"));
    const int port = freePort();
    QVERIFY(port > 0);
    // Unique site names: the private keyring is per run, but stay clear of other entries.
    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QString siteA = QStringLiteral("a_") + tag, siteB = QStringLiteral("b_") + tag;
    m_accounts << siteA + QStringLiteral("-broker") << siteB + QStringLiteral("-broker");

    BrokerSetupWizard wizard;
    wizard.show();
    fillParameters(wizard, out, siteA + QStringLiteral(", ") + siteB, port);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(BrokerSetupWizard::FilesPage));
    auto *files = qobject_cast<SetupFilesPage *>(wizard.currentPage());
    // Keys are made on a worker thread: the GUI keeps running meanwhile.
    QVERIFY(files->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(files->isComplete(), 60000);

    for (const QString &f : {QStringLiteral("ca.crt"), QStringLiteral("ca.key"), QStringLiteral("server.crt"),
                             QStringLiteral("server.key"), QStringLiteral("mosquitto.conf"),
                             QStringLiteral("passwordfile"), QStringLiteral("acl")})
        QVERIFY2(QFile::exists(out + QLatin1Char('/') + f), qPrintable(f));
    for (const QString &site : {siteA, siteB}) {
        for (const char *ext : {".crt", ".key", ".password", ".json"})
            QVERIFY2(QFile::exists(out + QStringLiteral("/clients/") + site + QLatin1String(ext)), ext);
        QCOMPARE(QFile::permissions(out + QStringLiteral("/clients/") + site + QStringLiteral(".key")), kOwnerOnly);
        QCOMPARE(QFile::permissions(out + QStringLiteral("/clients/") + site + QStringLiteral(".password")),
                 kOwnerOnly);
    }
    QCOMPARE(QFile::permissions(out + QStringLiteral("/ca.key")), kOwnerOnly);
    QCOMPARE(QFile::permissions(out + QStringLiteral("/server.key")), kOwnerOnly);
    const QString listing = field<QPlainTextEdit>(&wizard, "setup.files")->toPlainText();
    QVERIFY2(listing.contains(QStringLiteral("0600  clients/%1.password").arg(siteA)), qPrintable(listing));
    QVERIFY2(listing.contains(QStringLiteral("0644  ca.crt")), qPrintable(listing));

    // The keychain page stores every site's password.
    wizard.next();
    QCOMPARE(wizard.currentId(), int(BrokerSetupWizard::KeychainPage));
    auto *keychain = qobject_cast<SetupKeychainPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(keychain->isComplete(), 30000);
    QVERIFY2(keychain->allStored(),
             qPrintable(field<QWidget>(&wizard, "setup.keychainSummary")->property("text").toString()));
    for (const QString &site : {siteA, siteB}) {
        QString secret, error;
        QCOMPARE(SecretStore::read(SecretStore::defaultService(), site + QStringLiteral("-broker"), &secret, &error),
                 SecretJob::Error::NoError);
        QCOMPARE(secret.toUtf8() + '\n',
                 readFile(out + QStringLiteral("/clients/") + site + QStringLiteral(".password")));
        QCOMPARE(secret.size(), 32);
    }
    QVERIFY(field<QCheckBox>(&wizard, "setup.keepFiles")->isChecked());

    wizard.next();
    QCOMPARE(wizard.currentId(), int(BrokerSetupWizard::InstallPage));
    const QString text = qobject_cast<SetupInstallPage *>(wizard.currentPage())->instructions();
    for (const char *needle :
         {"Linux", "Windows", "macOS", "systemctl restart mosquitto", "net start mosquitto",
          "brew services restart mosquitto", "/etc/mosquitto/conf.d/mysql-sync.conf", "C:\\ProgramData\\mysql-sync"})
        QVERIFY2(text.contains(QLatin1String(needle)), needle);
    QVERIFY(text.contains(QDir::toNativeSeparators(out)));
    QVERIFY(text.contains(QString::number(port)));

    wizard.next();
    QCOMPARE(wizard.currentId(), int(BrokerSetupWizard::VerifyPage));
    auto *verify = qobject_cast<SetupVerifyPage *>(wizard.currentPage());

    // The broker: the produced mosquitto.conf as it is, plus what a test run needs.
    const QString conf = m_dir.filePath(QStringLiteral("test-mosquitto.conf"));
    QFile f(conf);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(readFile(out + QStringLiteral("/mosquitto.conf")));
    f.write("\nuser root\nlog_dest stderr\nlog_type all\n");
    f.close();
    m_broker.setProcessChannelMode(QProcess::MergedChannels);
    m_broker.start(QStandardPaths::findExecutable(QStringLiteral("mosquitto"),
                                                  {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")}),
                   {QStringLiteral("-c"), conf});
    QVERIFY(m_broker.waitForStarted(10000));
    QTRY_VERIFY2_WITH_TIMEOUT(m_broker.state() == QProcess::Running
                                  && QByteArray(m_broker.peek(1 << 20)).contains(" running"),
                              m_broker.peek(1 << 20).constData(), 15000);

    // Success, while the GUI thread keeps its event loop turning.
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
    ticker.start(10);
    QElapsedTimer clock;
    clock.start();
    field<QAbstractButton>(&wizard, "verify.run")->click();
    QVERIFY(clock.elapsed() < 100); // the click returned at once
    QVERIFY(verify->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!verify->isRunning(), 30000);
    QVERIFY2(verify->resultText().startsWith(QStringLiteral("Connected to ssl://127.0.0.1:%1 with the certificate and "
                                                            "password of %2")
                                                 .arg(port)
                                                 .arg(siteA)),
             qPrintable(verify->resultText() + QLatin1Char('\n') + QString::fromUtf8(m_broker.peek(1 << 20))));
    QVERIFY(ticks > 0);

    // The other site, with a wrong password: its own message.
    field<QComboBox>(&wizard, "verify.site")->setCurrentIndex(1);
    QCOMPARE(field<QLineEdit>(&wizard, "verify.password")->text().toUtf8() + '\n',
             readFile(out + QStringLiteral("/clients/") + siteB + QStringLiteral(".password")));
    field<QLineEdit>(&wizard, "verify.password")->setText(QStringLiteral("not-the-password"));
    field<QAbstractButton>(&wizard, "verify.run")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!verify->isRunning(), 30000);
    QVERIFY2(verify->resultText().startsWith(
                 QStringLiteral("Failed: the broker refused the connection: not authorised: "
                                "wrong user name or password")),
             qPrintable(verify->resultText()));
    QVERIFY(!verify->resultText().contains(QStringLiteral("TLS")));

    // The right password but a host name the broker's certificate does not list: the TLS
    // diagnosis says so.
    field<QComboBox>(&wizard, "verify.site")->setCurrentIndex(0);
    field<QLineEdit>(&wizard, "verify.host")->setText(QStringLiteral("localhost"));
    field<QAbstractButton>(&wizard, "verify.run")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!verify->isRunning(), 30000);
    QVERIFY2(verify->resultText().startsWith(
                 QStringLiteral("Failed: cannot connect over TLS: the broker's certificate is "
                                "not issued for \"localhost\" (it names 127.0.0.1)")),
             qPrintable(verify->resultText()));
}

void TestBrokerSetupWizard::refusesBadInputAndExistingFiles()
{
    const QString out = m_dir.filePath(QStringLiteral("broker")); // made by endToEnd
    BrokerSetupWizard wizard;
    wizard.show();
    fillParameters(wizard, out, QStringLiteral("site a"), 8883);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(BrokerSetupWizard::ParametersPage));
    QVERIFY(field<QWidget>(&wizard, "setup.error")
                ->property("text")
                .toString()
                .contains(QStringLiteral("\"site a\" is not a client name")));
    // Existing files: refused by the run, nothing overwritten.
    const QByteArray caBefore = readFile(out + QStringLiteral("/ca.crt"));
    QVERIFY(!caBefore.isEmpty());
    QTemporaryDir other;
    field<QLineEdit>(&wizard, "setup.clients")->setText(QStringLiteral("site_x"));
    QFile::copy(out + QStringLiteral("/ca.crt"), other.filePath(QStringLiteral("ca.crt")));
    field<QLineEdit>(&wizard, "setup.outDir")->setText(other.path());
    wizard.next();
    auto *files = qobject_cast<SetupFilesPage *>(wizard.currentPage());
    QVERIFY(files);
    QTRY_VERIFY_WITH_TIMEOUT(!files->isRunning(), 60000);
    QVERIFY(!files->isComplete());
    const QString status = field<QWidget>(&wizard, "setup.status")->property("text").toString();
    QVERIFY2(status.contains(QStringLiteral("already exists; nothing was written")), qPrintable(status));
    QVERIFY(!QFile::exists(other.filePath(QStringLiteral("ca.key"))));
}

void TestBrokerSetupWizard::withoutPasswordFiles()
{
    const QString out = m_dir.filePath(QStringLiteral("nofiles"));
    const QString site = QStringLiteral("c_") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_accounts << site + QStringLiteral("-broker");
    BrokerSetupWizard wizard;
    wizard.show();
    fillParameters(wizard, out, site, 8883);
    wizard.next();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), 60000);
    wizard.next();
    auto *keychain = qobject_cast<SetupKeychainPage *>(wizard.currentPage());
    QTRY_VERIFY_WITH_TIMEOUT(keychain->isComplete(), 30000);
    QVERIFY(keychain->allStored());
    const QByteArray password =
        readFile(out + QStringLiteral("/clients/") + site + QStringLiteral(".password")).trimmed();
    QVERIFY(!password.isEmpty());
    field<QCheckBox>(&wizard, "setup.keepFiles")->setChecked(false);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(BrokerSetupWizard::InstallPage));
    QVERIFY(!QFile::exists(out + QStringLiteral("/clients/") + site + QStringLiteral(".password")));
    const QJsonObject json =
        QJsonDocument::fromJson(readFile(out + QStringLiteral("/clients/") + site + QStringLiteral(".json"))).object();
    QCOMPARE(json.value(QStringLiteral("mqttConfig")).toObject().value(QStringLiteral("password")).toObject(),
             (QJsonObject{{QStringLiteral("keychain"), QString(site + QStringLiteral("-broker"))}}));
    QString secret, error;
    QCOMPARE(SecretStore::read(SecretStore::defaultService(), site + QStringLiteral("-broker"), &secret, &error),
             SecretJob::Error::NoError);
    QCOMPARE(secret.toUtf8(), password);
    QVERIFY(qobject_cast<SetupInstallPage *>(wizard.currentPage())
                ->instructions()
                .contains(site + QStringLiteral("-broker")));
}

QTEST_MAIN(TestBrokerSetupWizard)
#include "tst_brokersetupwizard.moc"
