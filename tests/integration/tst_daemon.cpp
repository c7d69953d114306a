// QJsonObject writes keys in sorted order, so a message reads {"args":…,"message":…,"sender":…}.
// The mysql-sync executable: command line, --check (changes nothing), fatal
// configuration errors, clean stop on SIGTERM, the will on kill -9, no secrets in logs.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "EngineProcess.h"
#include "Mqtt.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {
struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runDaemon(const QStringList &args, int timeoutMs = 60000)
{
    QProcess p;
    p.start(EngineProcess::daemonPath(), args);
    Run r;
    if (!p.waitForStarted() || !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("daemon did not finish");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString writeConfig(const QTemporaryDir &dir, const QJsonObject &config,
                    const QString &name = QStringLiteral("config.json"))
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(QJsonDocument(config).toJson());
    return path;
}
} // namespace

class TestDaemon : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void helpAndVersion();
    void wrongArguments();
    void invalidConfiguration_data();
    void invalidConfiguration();
    void postgresSiteRuns();
    void checkPassesAndChangesNothing();
    void checkNamesBadTables_data();
    void checkNamesBadTables();
    void checkReportsUnreachableServers();
    void badTableStopsTheDaemon();
    void sigtermSaysGoodbye();
    void kill9LeavesTheWill();
    void secretsNeverLogged();

private:
    QJsonObject config(const QString &database, const QStringList &sync, const QStringList &receive) const
    {
        return EngineProcess::config(m_servers, 'A', database, QStringLiteral("site_a"), {QStringLiteral("site_b")},
                                     sync, receive);
    }
    Servers m_servers;
    QTemporaryDir m_dir;
};

void TestDaemon::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    QVERIFY(!EngineProcess::daemonPath().isEmpty());
}

void TestDaemon::helpAndVersion()
{
    const Run help = runDaemon({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QLatin1String("--check")) && help.out.contains(QLatin1String("--log-level"))
                 && help.out.contains(QLatin1String("configuration.json")),
             qPrintable(help.out));
    const Run version = runDaemon({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.out.contains(QLatin1String("mysql-sync"))
                 && version.out.contains(QLatin1String(MYSQL_SYNC_VERSION)),
             qPrintable(version.out));
}

void TestDaemon::wrongArguments()
{
    Run r = runDaemon({});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("expected one configuration file")), qPrintable(r.err));
    const QString path = writeConfig(m_dir, config(QStringLiteral("daemon_args"), {}, {}));
    r = runDaemon({QStringLiteral("--log-level"), QStringLiteral("loud"), path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("--log-level")) && r.err.contains(QLatin1String("loud")), qPrintable(r.err));
}

void TestDaemon::invalidConfiguration_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown key") << "fooBar" << QJsonValue(1) << "unknown key \"fooBar\"";
    QTest::newRow("bad port") << QStringLiteral("mqttConfig")
                              << QJsonValue(QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                                                        {QStringLiteral("port"), QStringLiteral("abc")}})
                              << "mqttConfig.port";
    QTest::newRow("bad client name") << QStringLiteral("clientName") << QJsonValue(QStringLiteral("no spaces allowed"))
                                     << QStringLiteral("clientName");
    QTest::newRow("checkInterval type") << QStringLiteral("checkInterval") << QJsonValue(QStringLiteral("often"))
                                        << QStringLiteral("checkInterval");
}

void TestDaemon::invalidConfiguration()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    QJsonObject c = config(QStringLiteral("daemon_invalid"), {}, {});
    c.insert(key, value);
    const QString path = writeConfig(m_dir, c, QStringLiteral("invalid.json"));
    const Run r = runDaemon({path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(expected) && r.err.contains(path), qPrintable(r.err));

    const Run missing = runDaemon({m_dir.filePath(QStringLiteral("does-not-exist.json"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(QLatin1String("does-not-exist.json")), qPrintable(missing.err));
}

// Issue 17: until the engine runs on PostgreSQL, a postgresConfig is refused plainly, before
// anything connects (the server is there and the login is right: nothing is made in it).
void TestDaemon::postgresSiteRuns()
{
    SiteDatabase pg(m_servers, 'P', QStringLiteral("daemon_pg"));
    QVERIFY2(pg.isOpen(), qPrintable(pg.lastError()));
    QVERIFY(pg.exec(QStringLiteral("CREATE TABLE items (id integer PRIMARY KEY, name text)")));
    QVERIFY(pg.exec(QStringLiteral("CREATE TABLE tagged (id integer PRIMARY KEY, tags text[])")));
    QJsonObject c = config(QStringLiteral("daemon_pg"), {QStringLiteral("items")}, {QStringLiteral("items")});
    c.remove(QStringLiteral("mysqlConfig"));
    c.insert(QStringLiteral("postgresConfig"),
             QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                         {QStringLiteral("port"), m_servers.pgPort},
                         {QStringLiteral("user"), m_servers.pgUser},
                         {QStringLiteral("password"), m_servers.pgPassword},
                         {QStringLiteral("database"), QStringLiteral("daemon_pg")}});
    const QString path = writeConfig(m_dir, c, QStringLiteral("postgres.json"));
    auto tables = [&] {
        return pg.scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).toInt();
    };
    auto triggers = [&] {
        return pg.scalar(QStringLiteral("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'mysqlSync%'")).toInt();
    };

    // --check works on a PostgreSQL site and changes nothing there.
    Run r = runDaemon({QStringLiteral("--check"), path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    for (const char *expected : {"mysqlSyncInsert_items", "mysqlSyncUpdate_items", "mysqlSyncDelete_items",
                                 "primary key `id` (bidirectional)", "check passed"})
        QVERIFY2(r.out.contains(QLatin1String(expected)),
                 qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(QLatin1String(expected), r.out)));
    QVERIFY2(!QString(r.out + r.err).contains(m_servers.pgPassword), qPrintable(r.out + r.err));
    QCOMPARE(tables(), 2);
    QCOMPARE(triggers(), 0);

    // Still refused: a column type that has no wire form, named with its table.
    QJsonObject arrays = c;
    arrays.insert(QStringLiteral("syncTables"), QJsonArray{QStringLiteral("tagged")});
    r = runDaemon({QStringLiteral("--check"), writeConfig(m_dir, arrays, QStringLiteral("arrays.json"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(QString(r.out + r.err).contains(QLatin1String("table \"tagged\", column \"tags\" (text[]) is an array")),
             qPrintable(r.out + r.err));

    // The daemon runs on it: the engine's tables and the three triggers are made.
    EngineProcess engine(QStringLiteral("site_a"), c);
    QVERIFY(engine.start());
    QVERIFY2(engine.waitForLog(" ready (", 30000), engine.log().constData());
    QCOMPARE(triggers(), 3);
    QVERIFY(tables() > 2);
    QCOMPARE(pg.scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename IN ('table_changes', "
                                      "'sync_status')"))
                 .toInt(),
             2);
    QVERIFY(engine.stop());
    QVERIFY2(!engine.log().contains(m_servers.pgPassword.toUtf8()), engine.log().constData());

    // Both databases at once: the loader says so, naming the file.
    c.insert(QStringLiteral("mysqlConfig"),
             config(QStringLiteral("daemon_pg"), {}, {}).value(QStringLiteral("mysqlConfig")));
    const QString both = writeConfig(m_dir, c, QStringLiteral("both.json"));
    r = runDaemon({both});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(both + QStringLiteral(": postgresConfig: mysqlConfig is given too")), qPrintable(r.err));
}

void TestDaemon::checkPassesAndChangesNothing()
{
    SiteDatabase db(m_servers, 'A', QStringLiteral("daemon_check"));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))")));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE inbox (code VARCHAR(10) PRIMARY KEY, body TEXT)")));
    const QString path = writeConfig(m_dir,
                                     config(db.databaseName(), {QStringLiteral("items")},
                                            {QStringLiteral("items"), QStringLiteral("inbox")}),
                                     QStringLiteral("check.json"));
    const Run r = runDaemon({QStringLiteral("--check"), path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    for (const char *expected :
         {"mysqlSyncInsert_items", "mysqlSyncUpdate_items", "mysqlSyncDelete_items", "primary key `id` (bidirectional)",
          "primary key `code` (receive)", "/change/site_b", "/change/site_a", "/info/site_a", "check passed"})
        QVERIFY2(r.out.contains(QLatin1String(expected)),
                 qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(QLatin1String(expected), r.out)));
    // Nothing was changed: no engine tables, no triggers.
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                                      "AND TABLE_NAME IN ('table_changes', 'sync_status')"))
                 .toInt(),
             0);
    QCOMPARE(db.scalar(
                   QStringLiteral("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"))
                 .toInt(),
             0);
}

void TestDaemon::checkNamesBadTables_data()
{
    QTest::addColumn<QString>("ddl");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << QString() << "nowhere"
                             << "table `nowhere` does not exist";
    QTest::newRow("no key") << "CREATE TABLE nokey (a INT, b INT)"
                            << "nokey"
                            << "table `nokey` has no primary key";
    QTest::newRow("composite") << "CREATE TABLE pair (a INT, b INT, PRIMARY KEY (a, b))"
                               << "pair"
                               << "table `pair` has a composite primary key";
}

void TestDaemon::checkNamesBadTables()
{
    QFETCH(QString, ddl);
    QFETCH(QString, table);
    QFETCH(QString, expected);
    SiteDatabase db(m_servers, 'A', QStringLiteral("daemon_badtables"));
    if (!ddl.isEmpty())
        QVERIFY(db.exec(ddl));
    const QString path = writeConfig(m_dir, config(db.databaseName(), {table}, {}), QStringLiteral("bad.json"));
    const Run r = runDaemon({QStringLiteral("--check"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(expected) && r.out.contains(QLatin1String("check FAILED")), qPrintable(r.out + r.err));
}

void TestDaemon::checkReportsUnreachableServers()
{
    SiteDatabase db(m_servers, 'A', QStringLiteral("daemon_unreachable"));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE items (id INT PRIMARY KEY)")));
    QJsonObject c = config(db.databaseName(), {QStringLiteral("items")}, {});
    QJsonObject mqtt = c.value(QStringLiteral("mqttConfig")).toObject();
    mqtt.insert(QStringLiteral("port"), 9); // discard port: nothing listens
    mqtt.insert(QStringLiteral("connectTimeout"), 3000);
    c.insert(QStringLiteral("mqttConfig"), mqtt);
    QJsonObject mysql = c.value(QStringLiteral("mysqlConfig")).toObject();
    mysql.insert(QStringLiteral("password"), QStringLiteral("wrong-secret-pw"));
    c.insert(QStringLiteral("mysqlConfig"), mysql);
    const QString path = writeConfig(m_dir, c, QStringLiteral("unreachable.json"));
    const Run r = runDaemon({QStringLiteral("--check"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QLatin1String("database: FAILED")) && r.out.contains(QLatin1String("Access denied")),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("broker: FAILED")) && r.out.contains(QLatin1String("tcp://127.0.0.1:9")),
             qPrintable(r.out));
    QVERIFY(!QString(r.out + r.err).contains(QLatin1String("wrong-secret-pw")));
}

void TestDaemon::badTableStopsTheDaemon()
{
    SiteDatabase db(m_servers, 'A', QStringLiteral("daemon_fatal"));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE nokey (a INT)")));
    EngineProcess engine(QStringLiteral("fatal"), config(db.databaseName(), {QStringLiteral("nokey")}, {}));
    QVERIFY(engine.start());
    QVERIFY(engine.waitForExit(30000));
    QCOMPARE(engine.exitCode(), 1);
    QVERIFY2(engine.log().contains("table `nokey` has no primary key"), engine.log().right(2000).constData());
}

void TestDaemon::sigtermSaysGoodbye()
{
    SiteDatabase db(m_servers, 'A', QStringLiteral("daemon_sigterm"));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE items (id INT PRIMARY KEY)")));
    MqttSubscriber info(m_servers, QStringLiteral("/info"));
    QVERIFY(info.isReady());
    EngineProcess engine(QStringLiteral("sigterm"), config(db.databaseName(), {QStringLiteral("items")}, {}));
    QVERIFY(engine.start());
    QVERIFY(info.waitForLine(QStringLiteral("\"message\":\"connected\",\"sender\":\"site_a\""), 30000));
    QVERIFY(engine.stop());
    QCOMPARE(engine.exitCode(), 0);
    QVERIFY(
        info.waitForLine(QStringLiteral("{\"args\":{},\"message\":\"connection_lost\",\"sender\":\"site_a\"}"), 10000));
    QVERIFY(engine.log().contains("stopped"));
}

void TestDaemon::kill9LeavesTheWill()
{
    SiteDatabase db(m_servers, 'A', QStringLiteral("daemon_kill"));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE items (id INT PRIMARY KEY)")));
    MqttSubscriber info(m_servers, QStringLiteral("/info"));
    QVERIFY(info.isReady());
    EngineProcess engine(QStringLiteral("kill"), config(db.databaseName(), {QStringLiteral("items")}, {}));
    QVERIFY(engine.start());
    QVERIFY(info.waitForLine(QStringLiteral("\"message\":\"connected\",\"sender\":\"site_a\""), 30000));
    QCOMPARE(info.count(QStringLiteral("connection_lost")), 0);
    engine.kill9();
    // The broker publishes the will as soon as it sees the connection drop.
    QVERIFY(
        info.waitForLine(QStringLiteral("{\"args\":{},\"message\":\"connection_lost\",\"sender\":\"site_a\"}"), 15000));
}

void TestDaemon::secretsNeverLogged()
{
    SiteDatabase db(m_servers, 'A', QStringLiteral("daemon_secrets"));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))")));
    QJsonObject c = config(db.databaseName(), {QStringLiteral("items")}, {});
    c.insert(QStringLiteral("loggingLevel"), QStringLiteral("trace"));
    QJsonObject mqtt = c.value(QStringLiteral("mqttConfig")).toObject();
    mqtt.insert(QStringLiteral("username"), QStringLiteral("site_a"));
    mqtt.insert(QStringLiteral("password"), QStringLiteral("mqtt-secret-pw"));
    c.insert(QStringLiteral("mqttConfig"), mqtt);
    EngineProcess engine(QStringLiteral("secrets"), c);
    QVERIFY(engine.start());
    QVERIFY(engine.waitForLog("subscribed to", 30000));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO items VALUES (1, 'x')")));
    QVERIFY(
        waitUntil([&] { return db.scalar(QStringLiteral("SELECT COUNT(*) FROM table_changes")).toInt() == 0; }, 20000));
    QVERIFY(engine.stop());
    const QByteArray log = engine.log();
    QVERIFY(log.contains("sync.engine"));
    QVERIFY2(!log.contains(m_servers.password.toUtf8()), "the database password appears in the log");
    QVERIFY2(!log.contains("mqtt-secret-pw"), "the broker password appears in the log");
}

QTEST_GUILESS_MAIN(TestDaemon)
#include "tst_daemon.moc"
