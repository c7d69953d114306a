// The secret store over QtKeychain against a real Secret Service (gnome-keyring on a private
// D-Bus session: run through tests/harness/with-keyring.sh), and the plain error when there
// is no secret service at all (a child run of this program with D-Bus pointing nowhere).
#include "config/Config.h"
#include "security/SecretJob.h"
#include "security/SecretResolver.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace mysqlsync;

class TestKeychain : public QObject {
    Q_OBJECT
private slots:
    void storeReadReplaceDelete();
    void asyncJob();
    void resolverReadsKeychain();
    void noSecretService();
};

void TestKeychain::storeReadReplaceDelete()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run me through tests/harness/with-keyring.sh");
    const QString service = QStringLiteral("mysql-sync-test");
    const QString account = QStringLiteral("site_a-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString secret, error;
    QCOMPARE(SecretStore::read(service, account, &secret, &error), SecretJob::Error::NotFound);
    QVERIFY2(error.contains(account), qPrintable(error));
    QCOMPARE(SecretStore::write(service, account, QStringLiteral("first ünïcode"), &error), SecretJob::Error::NoError);
    QCOMPARE(SecretStore::read(service, account, &secret, &error), SecretJob::Error::NoError);
    QCOMPARE(secret, QStringLiteral("first ünïcode"));
    QCOMPARE(SecretStore::write(service, account, QStringLiteral("second"), &error), SecretJob::Error::NoError);
    QCOMPARE(SecretStore::read(service, account, &secret, &error), SecretJob::Error::NoError);
    QCOMPARE(secret, QStringLiteral("second"));
    QCOMPARE(SecretStore::remove(service, account, &error), SecretJob::Error::NoError);
    QCOMPARE(SecretStore::read(service, account, &secret, &error), SecretJob::Error::NotFound);
    QVERIFY(secret.isEmpty());
}

void TestKeychain::asyncJob()
{
    const QString account = QStringLiteral("async-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto *write = new SecretJob(SecretJob::Operation::Write, QStringLiteral("mysql-sync-test"), account);
    write->setSecret(QStringLiteral("s3cret"));
    QSignalSpy wrote(write, &SecretJob::finished);
    write->start();
    QVERIFY(wrote.wait(20000));
    auto *read = new SecretJob(SecretJob::Operation::Read, QStringLiteral("mysql-sync-test"), account);
    read->setAutoDelete(false);
    QSignalSpy got(read, &SecretJob::finished);
    read->start();
    QVERIFY(got.count() == 1 || got.wait(20000));
    QCOMPARE(read->error(), SecretJob::Error::NoError);
    QCOMPARE(read->secret(), QStringLiteral("s3cret"));
    delete read;
    QString error;
    QCOMPARE(SecretStore::remove(QStringLiteral("mysql-sync-test"), account, &error), SecretJob::Error::NoError);
}

void TestKeychain::resolverReadsKeychain()
{
    const QString account = QStringLiteral("resolver-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString error;
    SecretRef ref{SecretRef::Kind::Keychain, account, QStringLiteral("mysql-sync-test"),
                  QStringLiteral("mqttConfig.password")};
    QString out;
    QVERIFY(!SecretResolver::resolve(ref, &out, &error));
    QVERIFY2(error.startsWith(
                 QStringLiteral("mqttConfig.password: cannot read the password from the keychain: there is "
                                "no secret \"%1\"")
                     .arg(account)),
             qPrintable(error));
    QCOMPARE(SecretStore::write(ref.service, account, QStringLiteral("broker-pw"), &error), SecretJob::Error::NoError);
    QVERIFY2(SecretResolver::resolve(ref, &out, &error), qPrintable(error));
    QCOMPARE(out, QStringLiteral("broker-pw"));
    SecretStore::remove(ref.service, account, &error);
}

void TestKeychain::noSecretService()
{
    if (qEnvironmentVariableIsSet("MYSQL_SYNC_KEYCHAIN_CHILD")) {
        // The child: no usable D-Bus session.
        QString secret, error;
        const SecretJob::Error e =
            SecretStore::read(QStringLiteral("mysql-sync-test"), QStringLiteral("x"), &secret, &error, 15000);
        QTextStream(stdout) << "RESULT " << int(e) << " " << error << "\n";
        return;
    }
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MYSQL_SYNC_KEYCHAIN_CHILD"), QStringLiteral("1"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/mysql-sync-no-bus"));
    env.remove(QStringLiteral("DISPLAY"));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("noSecretService")});
    QVERIFY(child.waitForFinished(60000));
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    const int at = out.indexOf(QStringLiteral("RESULT "));
    QVERIFY2(at >= 0, qPrintable(out + QString::fromUtf8(child.readAllStandardError())));
    const QString line = out.mid(at).section(QLatin1Char('\n'), 0, 0);
    QCOMPARE(line.section(QLatin1Char(' '), 1, 1).toInt(), int(SecretJob::Error::Unavailable));
    QVERIFY2(line.contains(QStringLiteral("no keychain is available")), qPrintable(line));
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
