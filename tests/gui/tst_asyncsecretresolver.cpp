// AsyncSecretResolver: the desktop app's non-blocking way to fill in password references
// (the keychain through SecretJob; environment variables and files at once). Messages are
// SecretResolver's; a newer start() supersedes an older one. The main window opens a
// configuration through it and reports a password it cannot read. Run inside
// tests/harness/with-keyring.sh (a private, unlocked gnome-keyring) for the keychain cases.
#include "StallMeter.h"
#include "mainwindow/MainWindow.h"
#include "monitor/AsyncSecretResolver.h"
#include "security/SecretJob.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync;
using namespace mysqlsync::ui;

namespace {

Config configWith(const SecretRef &mysqlRef)
{
    Config c;
    c.filePath = QStringLiteral("/etc/site.json");
    c.mysql.password = mysqlRef.kind == SecretRef::Kind::Plain ? QStringLiteral("plain") : QString();
    c.mysql.passwordRef = mysqlRef;
    c.mqtt.password = QStringLiteral("broker-plain");
    return c;
}

SecretRef keychainRef(const QString &account)
{
    SecretRef r;
    r.kind = SecretRef::Kind::Keychain;
    r.name = account;
    r.service = QStringLiteral("mysql-sync-gui-test");
    r.key = QStringLiteral("mysqlConfig.password");
    return r;
}

SecretRef envRef(const QString &name)
{
    SecretRef r;
    r.kind = SecretRef::Kind::Env;
    r.name = name;
    r.key = QStringLiteral("mysqlConfig.password");
    return r;
}

} // namespace

class TestAsyncSecretResolver : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resolvesReferences()
    {
        qputenv("ASYNC_RESOLVER_PW", "from-env");
        AsyncSecretResolver resolver;
        QSignalSpy finished(&resolver, &AsyncSecretResolver::finished);
        resolver.start(configWith(envRef(QStringLiteral("ASYNC_RESOLVER_PW"))));
        QCOMPARE(finished.count(), 0); // never from inside start()
        QVERIFY(resolver.isBusy());
        QVERIFY(finished.wait(5000));
        QVERIFY(finished.first().at(0).toBool());
        const Config c = finished.first().at(1).value<Config>();
        QCOMPARE(c.mysql.password, QStringLiteral("from-env"));
        QCOMPARE(c.mqtt.password, QStringLiteral("broker-plain"));
        QVERIFY(!resolver.isBusy());
    }

    void failureNamesFileAndKey()
    {
        qunsetenv("ASYNC_RESOLVER_MISSING");
        AsyncSecretResolver resolver;
        QSignalSpy finished(&resolver, &AsyncSecretResolver::finished);
        resolver.start(configWith(envRef(QStringLiteral("ASYNC_RESOLVER_MISSING"))));
        QVERIFY(finished.wait(5000));
        QVERIFY(!finished.first().at(0).toBool());
        QCOMPARE(finished.first().at(2).toString(),
                 QStringLiteral("/etc/site.json: mysqlConfig.password: the environment variable ASYNC_RESOLVER_MISSING "
                                "is not set (it should hold the password)"));
    }

    // mysqlConfig.transformerPassword is resolved with the others (the app runs the engine
    // in-process), and its failure names its key.
    void resolvesTheTransformersPassword()
    {
        qputenv("ASYNC_RESOLVER_PW", "from-env");
        qputenv("ASYNC_RESOLVER_READER_PW", "reader-from-env");
        Config config = configWith(envRef(QStringLiteral("ASYNC_RESOLVER_PW")));
        config.mysql.transformerUser = QStringLiteral("reader");
        config.mysql.transformerPasswordRef = envRef(QStringLiteral("ASYNC_RESOLVER_READER_PW"));
        config.mysql.transformerPasswordRef.key = QStringLiteral("mysqlConfig.transformerPassword");
        AsyncSecretResolver resolver;
        QSignalSpy finished(&resolver, &AsyncSecretResolver::finished);
        resolver.start(config);
        QVERIFY(finished.wait(5000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
        const Config c = finished.first().at(1).value<Config>();
        QCOMPARE(c.mysql.password, QStringLiteral("from-env"));
        QCOMPARE(c.mysql.transformerPassword, QStringLiteral("reader-from-env"));

        qunsetenv("ASYNC_RESOLVER_READER_PW");
        finished.clear();
        resolver.start(config);
        QVERIFY(finished.wait(5000));
        QVERIFY(!finished.first().at(0).toBool());
        QCOMPARE(finished.first().at(2).toString(),
                 QStringLiteral("/etc/site.json: mysqlConfig.transformerPassword: the environment variable "
                                "ASYNC_RESOLVER_READER_PW is not set (it should hold the password)"));
    }

    // A PostgreSQL site (issue 17): postgresConfig.password is the database password, read
    // from the keychain as mysqlConfig's is, and left out of the Config's other copies.
    void resolvesAPostgresSitesPassword()
    {
        QString error;
        QCOMPARE(SecretStore::write(QStringLiteral("mysql-sync-gui-test"), QStringLiteral("site_p-database"),
                                    QStringLiteral("pg-from-keychain"), &error),
                 SecretJob::Error::NoError);
        Config config = configWith(SecretRef());
        config.mysql = MysqlConfig();
        config.databaseKind = DatabaseKind::Postgres;
        config.postgres.database = QStringLiteral("shop");
        config.postgres.passwordRef = keychainRef(QStringLiteral("site_p-database"));
        config.postgres.passwordRef.key = QStringLiteral("postgresConfig.password");
        AsyncSecretResolver resolver;
        QSignalSpy finished(&resolver, &AsyncSecretResolver::finished);
        resolver.start(config);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
        const Config c = finished.first().at(1).value<Config>();
        QCOMPARE(c.postgres.password, QStringLiteral("pg-from-keychain"));
        QCOMPARE(c.siteDatabase().postgres->password, QStringLiteral("pg-from-keychain"));

        // Missing: named by its key.
        config.postgres.passwordRef = keychainRef(QStringLiteral("no-such-entry"));
        config.postgres.passwordRef.key = QStringLiteral("postgresConfig.password");
        finished.clear();
        resolver.start(config);
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY2(finished.first().at(2).toString().startsWith(
                     QStringLiteral("/etc/site.json: postgresConfig.password: cannot read the password")),
                 qPrintable(finished.first().at(2).toString()));
    }

    void newerStartSupersedes()
    {
        qputenv("ASYNC_RESOLVER_PW", "from-env");
        qunsetenv("ASYNC_RESOLVER_MISSING");
        AsyncSecretResolver resolver;
        QSignalSpy finished(&resolver, &AsyncSecretResolver::finished);
        resolver.start(configWith(envRef(QStringLiteral("ASYNC_RESOLVER_MISSING"))));
        resolver.start(configWith(envRef(QStringLiteral("ASYNC_RESOLVER_PW"))));
        QVERIFY(finished.wait(5000));
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.first().at(0).toBool());
    }

    void readsTheKeychainWithoutBlocking()
    {
        QString error;
        QCOMPARE(SecretStore::write(QStringLiteral("mysql-sync-gui-test"), QStringLiteral("site_a-database"),
                                    QStringLiteral("from-keychain"), &error),
                 SecretJob::Error::NoError);
        AsyncSecretResolver resolver;
        QSignalSpy finished(&resolver, &AsyncSecretResolver::finished);
        StallMeter meter;
        resolver.start(configWith(keychainRef(QStringLiteral("site_a-database"))));
        QCOMPARE(finished.count(), 0);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
        QCOMPARE(finished.first().at(1).value<Config>().mysql.password, QStringLiteral("from-keychain"));
        QVERIFY2(meter.longestMs() < 100, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(meter.longestMs())));

        // An entry that is not there: SecretResolver's words, with the file and the key.
        finished.clear();
        resolver.start(configWith(keychainRef(QStringLiteral("no-such-entry"))));
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished.first().at(0).toBool());
        const QString message = finished.first().at(2).toString();
        QVERIFY2(message.startsWith(QStringLiteral("/etc/site.json: mysqlConfig.password: cannot read the password "
                                                   "from the keychain")),
                 qPrintable(message));
    }

    void mainWindowReportsAPasswordItCannotRead()
    {
        qunsetenv("ASYNC_RESOLVER_MISSING");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("site.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"mqttConfig": {"host": "127.0.0.1"},
                    "mysqlConfig": {"host": "127.0.0.1", "user": "u", "database": "d",
                                    "password": {"env": "ASYNC_RESOLVER_MISSING"}},
                    "syncTables": [], "receiveTables": [], "clientName": "site_a", "remoteClients": ["site_b"],
                    "queueDirectory": "queue", "checkInterval": 1000})");
        f.close();
        MainWindow window(false);
        QSignalSpy failed(&window, &MainWindow::openFailed);
        QVERIFY(window.openConfiguration(path)); // the file is fine; its password comes later
        QCOMPARE(failed.count(), 0);
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.first().at(0).toString().contains(QStringLiteral("mysqlConfig.password")),
                 qPrintable(failed.first().at(0).toString()));

        // A keychain reference: read by a SecretJob while the event loop runs.
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(R"({"mqttConfig": {"host": "127.0.0.1"},
                    "mysqlConfig": {"host": "127.0.0.1", "user": "u", "database": "d",
                                    "password": {"keychain": "missing-entry", "service": "mysql-sync-gui-test"}},
                    "syncTables": [], "receiveTables": [], "clientName": "site_a", "remoteClients": ["site_b"],
                    "queueDirectory": "queue", "checkInterval": 1000})");
        f.close();
        failed.clear();
        StallMeter meter;
        QVERIFY(window.openConfiguration(path));
        QCOMPARE(failed.count(), 0);
        QVERIFY(failed.wait(20000));
        QVERIFY2(failed.first().at(0).toString().contains(QStringLiteral("mysqlConfig.password: cannot read the "
                                                                         "password from the keychain")),
                 qPrintable(failed.first().at(0).toString()));
        QVERIFY2(meter.longestMs() < 100, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(meter.longestMs())));
        QVERIFY(!window.isFirstRunShown());
    }
};

QTEST_MAIN(TestAsyncSecretResolver)
#include "tst_asyncsecretresolver.moc"
