// Proves the integration test harness: the private MariaDB servers, the private broker
// (including restarts on the same port), stopping and starting PostgreSQL, and the test support
// library.
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "EngineProcess.h"
#include "Mqtt.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

using namespace testsupport;

class TestHarness : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void databasesAnswer_data();
    void databasesAnswer();
    void sitesCompareEqual();
    void postgresAnswers();
    void attachKeepsData();
    void mqttRoundTrip();
    void brokerStopStart();
    void brokerRestartKeepsPort();
    void postgresStopStartKeepsData();
    void engineConfig();
    void engineProcessLifecycle();
    void waitUntilTimesOut();

private:
    Servers m_servers;
};

void TestHarness::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    QVERIFY(m_servers.mysqlPortA != m_servers.mysqlPortB);
    QVERIFY(m_servers.mysqlPortA != 3306 && m_servers.mysqlPortB != 3306);
    QVERIFY(m_servers.mqttPort != 1883);
    QCOMPARE(m_servers.user, QStringLiteral("sync"));
    QVERIFY(!m_servers.harness.isEmpty());
}

void TestHarness::databasesAnswer_data()
{
    QTest::addColumn<char>("site");
    QTest::newRow("A") << 'A';
    QTest::newRow("B") << 'B';
}

static bool createSampleTable(SiteDatabase &db)
{
    return db.exec(QStringLiteral("CREATE TABLE sample (id INT NOT NULL PRIMARY KEY, name VARCHAR(100), data BLOB, "
                                  "price DECIMAL(12,3), ts DATETIME(3), note TEXT NULL) ENGINE=InnoDB"));
}

static bool fillSampleTable(SiteDatabase &db)
{
    const QByteArray bytes("\x00\xff\x10 \n\x7f", 6);
    return db.exec(QStringLiteral("INSERT INTO sample VALUES (?, ?, ?, ?, ?, ?)"),
                   {1, QStringLiteral("Grüße\tand 'quotes' \\ 😀"), bytes, QStringLiteral("12345.678"),
                    QDateTime(QDate(2024, 2, 29), QTime(23, 59, 58, 123)), QVariant()})
        && db.exec(QStringLiteral("INSERT INTO sample (id, name) VALUES (2, 'plain'), (3, NULL)"));
}

void TestHarness::databasesAnswer()
{
    QFETCH(char, site);
    SiteDatabase db(m_servers, site, QStringLiteral("harness_db"));
    QVERIFY2(db.isOpen(), qPrintable(db.lastError()));
    QCOMPARE(db.site(), site);
    QVERIFY(!db.name().isEmpty());
    QCOMPARE(db.scalar(QStringLiteral("SELECT DATABASE()")).toString(), QStringLiteral("harness_db"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT @@port")).toInt(), m_servers.mysqlPort(site));
    QCOMPARE(db.scalar(QStringLiteral("SELECT @@log_bin")).toInt(), 0);

    QVERIFY(createSampleTable(db));
    QVERIFY(fillSampleTable(db));
    QCOMPARE(db.count(QStringLiteral("sample")), 3);
    QCOMPARE(db.scalar(QStringLiteral("SELECT name FROM sample WHERE id = ?"), {2}).toString(),
             QStringLiteral("plain"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT name FROM sample WHERE id = 1")).toString(),
             QStringLiteral("Grüße\tand 'quotes' \\ 😀"));

    const QList<QVariantMap> rows = db.rows(QStringLiteral("SELECT id, data, note FROM sample ORDER BY id"));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0].value(QStringLiteral("id")).toInt(), 1);
    QCOMPARE(rows[0].value(QStringLiteral("data")).toByteArray(), QByteArray("\x00\xff\x10 \n\x7f", 6));
    QVERIFY(rows[0].value(QStringLiteral("note")).isNull());

    const QString dump = db.dump(QStringLiteral("sample"), QStringLiteral("id"));
    qDebug().noquote() << "dump of site" << site << ":\n" << dump;
    const QStringList lines = dump.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[0], QStringLiteral("id\tname\tdata\tprice\tts\tnote"));
    QVERIFY2(lines[1].contains(QStringLiteral("x'00FF10200A7F'")), qPrintable(lines[1]));
    QVERIFY2(lines[1].contains(QStringLiteral("'12345.678'")), qPrintable(lines[1]));
    QVERIFY2(lines[1].contains(QStringLiteral("\\t")), qPrintable(lines[1]));
    QVERIFY2(lines[1].endsWith(QStringLiteral("\tNULL")), qPrintable(lines[1]));
    QVERIFY2(lines[3].startsWith(QStringLiteral("'3'\tNULL")), qPrintable(lines[3]));

    // A failing statement reports false and keeps the connection usable.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("SiteDatabase .*failed: SELECT nope")));
    QVERIFY(!db.exec(QStringLiteral("SELECT nope FROM sample")));
    QVERIFY(!db.lastError().isEmpty());
    QCOMPARE(db.count(QStringLiteral("sample")), 3);

    // The sync user may create triggers (no binary log, so no error 1419).
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE audit (id INT)")));
    QVERIFY(db.exec(QStringLiteral(
        "CREATE TRIGGER sample_ai AFTER INSERT ON sample FOR EACH ROW BEGIN INSERT INTO audit VALUES (NEW.id); END")));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO sample (id) VALUES (4)")));
    QCOMPARE(db.scalar(QStringLiteral("SELECT COUNT(*) FROM audit")).toInt(), 1);
}

void TestHarness::postgresAnswers()
{
    QVERIFY(m_servers.pgPort > 0);
    QVERIFY(m_servers.pgPort != 5432);
    QVERIFY(m_servers.pgPort != m_servers.mysqlPortA && m_servers.pgPort != m_servers.mysqlPortB);
    QVERIFY(m_servers.pid(QStringLiteral("postgres.pid")) > 0);
    SiteDatabase db(m_servers, 'P', QStringLiteral("harness_pg"));
    QVERIFY2(db.isOpen(), qPrintable(db.lastError()));
    QVERIFY(db.isPostgres());
    QCOMPARE(db.scalar(QStringLiteral("SELECT current_database()")).toString(), QStringLiteral("harness_pg"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT current_setting('port')")).toInt(), m_servers.pgPort);
    QCOMPARE(db.scalar(QStringLiteral("SELECT current_user")).toString(), m_servers.pgUser);
    // The sync role is no superuser (a site's engine must not need one).
    QCOMPARE(db.scalar(QStringLiteral("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).toBool(), false);
    QCOMPARE(db.scalar(QStringLiteral("SELECT server_encoding = 'UTF8' FROM (SELECT current_setting('server_encoding') "
                                      "AS server_encoding) s"))
                 .toBool(),
             true);

    QVERIFY(db.exec(QStringLiteral("CREATE TABLE \"Sample\" (id integer PRIMARY KEY, name text, data bytea, "
                                   "price numeric(12,3))")));
    const QByteArray bytes("\x00\xff\x10 \n\x7f", 6);
    QVERIFY(db.exec(QStringLiteral("INSERT INTO \"Sample\" VALUES (?, ?, ?, ?)"),
                    {1, QStringLiteral("Grüße\tand 'quotes' \\ 😀"), bytes, QStringLiteral("12345.678")}));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO \"Sample\" (id, name) VALUES (2, 'plain')")));
    QCOMPARE(db.count(QStringLiteral("Sample")), 2);
    QCOMPARE(db.scalar(QStringLiteral("SELECT name FROM \"Sample\" WHERE id = 1")).toString(),
             QStringLiteral("Grüße\tand 'quotes' \\ 😀"));
    const QStringList lines =
        db.dump(QStringLiteral("Sample"), QStringLiteral("id")).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QStringLiteral("id\tname\tdata\tprice"));
    QVERIFY2(lines[1].contains(QStringLiteral("x'00FF10200A7F'")), qPrintable(lines[1]));
    QVERIFY2(lines[1].endsWith(QStringLiteral("'12345.678'")), qPrintable(lines[1]));

    // Attach keeps the data; Recreate starts afresh even while another connection is open.
    {
        SiteDatabase again(m_servers, 'P', QStringLiteral("harness_pg"), SiteDatabase::Attach);
        QVERIFY2(again.isOpen(), qPrintable(again.lastError()));
        QCOMPARE(again.count(QStringLiteral("Sample")), 2);
    }
    SiteDatabase fresh(m_servers, 'P', QStringLiteral("harness_pg"));
    QVERIFY2(fresh.isOpen(), qPrintable(fresh.lastError()));
    QCOMPARE(fresh.scalar(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).toInt(), 0);
}

void TestHarness::sitesCompareEqual()
{
    SiteDatabase a(m_servers, 'A', QStringLiteral("harness_cmp"));
    SiteDatabase b(m_servers, 'B', QStringLiteral("harness_cmp"));
    QVERIFY(a.isOpen() && b.isOpen());
    QVERIFY(createSampleTable(a) && createSampleTable(b));
    QVERIFY(fillSampleTable(a) && fillSampleTable(b));
    QCOMPARE(a.dump(QStringLiteral("sample"), QStringLiteral("id")),
             b.dump(QStringLiteral("sample"), QStringLiteral("id")));
    QVERIFY(b.exec(QStringLiteral("UPDATE sample SET data = ? WHERE id = 1"), {QByteArray("\x00\xff\x10 \n\x7e", 6)}));
    QVERIFY(a.dump(QStringLiteral("sample"), QStringLiteral("id"))
            != b.dump(QStringLiteral("sample"), QStringLiteral("id")));
    // The same database name on the other server is a different database.
    QCOMPARE(a.scalar(QStringLiteral("SELECT @@port")).toInt(), m_servers.mysqlPortA);
    QCOMPARE(b.scalar(QStringLiteral("SELECT @@port")).toInt(), m_servers.mysqlPortB);
}

void TestHarness::attachKeepsData()
{
    {
        SiteDatabase a(m_servers, 'A', QStringLiteral("harness_attach"));
        QVERIFY(a.exec(QStringLiteral("CREATE TABLE t (id INT PRIMARY KEY)")));
        QVERIFY(a.exec(QStringLiteral("INSERT INTO t VALUES (7)")));
    }
    SiteDatabase again(m_servers, 'A', QStringLiteral("harness_attach"), SiteDatabase::Attach);
    QVERIFY(again.isOpen());
    QCOMPARE(again.scalar(QStringLiteral("SELECT id FROM t")).toInt(), 7);
    SiteDatabase fresh(m_servers, 'A', QStringLiteral("harness_attach"));
    QVERIFY(fresh.isOpen());
    QCOMPARE(fresh
                 .scalar(QStringLiteral(
                     "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'harness_attach'"))
                 .toInt(),
             0);
}

void TestHarness::mqttRoundTrip()
{
    MqttSubscriber sub(m_servers, {QStringLiteral("harness/+/x"), QStringLiteral("harness/other")});
    QVERIFY(sub.isReady());
    QVERIFY(mqttPublish(m_servers, QStringLiteral("harness/1/x"), "hello world 1"));
    QVERIFY(mqttPublish(m_servers, QStringLiteral("harness/other"), QByteArray("Grüße {\"a\":1}"), 0));
    QVERIFY(mqttPublish(m_servers, QStringLiteral("harness/nope"), "not subscribed"));
    QVERIFY(sub.waitForLine(QStringLiteral("harness/1/x hello world 1"), 10000));
    QVERIFY(sub.waitForLine(QStringLiteral("harness/other Grüße {\"a\":1}"), 10000));
    QTest::qWait(200);
    QCOMPARE(sub.count(QStringLiteral("harness/nope")), 0);
    QCOMPARE(sub.lines().size(), 2);
    sub.clear();
    QVERIFY(sub.lines().isEmpty());

    // Retained message, then cleared with an empty retained one.
    QVERIFY(mqttPublish(m_servers, QStringLiteral("harness/retained"), "kept", 1, true));
    {
        MqttSubscriber late(m_servers, QStringLiteral("harness/retained"));
        QVERIFY(late.waitForLine(QStringLiteral("harness/retained kept"), 10000));
    }
    QVERIFY(mqttPublish(m_servers, QStringLiteral("harness/retained"), QByteArray(), 1, true));
}

void TestHarness::brokerStopStart()
{
    QVERIFY(m_servers.broker(QStringLiteral("stop-broker")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("mqttPublish: mosquitto_pub .*failed")));
    QVERIFY(!mqttPublish(m_servers, QStringLiteral("harness/down"), "x"));
    QVERIFY(m_servers.broker(QStringLiteral("stop-broker"))); // stopping twice is fine
    QVERIFY(m_servers.broker(QStringLiteral("start-broker")));
    QVERIFY(m_servers.broker(QStringLiteral("start-broker"))); // starting twice too
    MqttSubscriber sub(m_servers, QStringLiteral("harness/up"));
    QVERIFY(sub.isReady());
    QVERIFY(mqttPublish(m_servers, QStringLiteral("harness/up"), "again"));
    QVERIFY(sub.waitForLine(QStringLiteral("harness/up again"), 10000));
}

void TestHarness::brokerRestartKeepsPort()
{
    QVERIFY(mqttPublish(m_servers, QStringLiteral("harness/forgotten"), "retained before restart", 1, true));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_servers.broker(QStringLiteral("restart-broker")));
    qDebug() << "restart-broker took" << timer.elapsed() << "ms";
    const Servers after = Servers::fromEnvironment();
    QVERIFY(after.valid);
    QCOMPARE(after.mqttPort, m_servers.mqttPort);

    MqttSubscriber sub(m_servers, {QStringLiteral("harness/after"), QStringLiteral("harness/forgotten")});
    QVERIFY(sub.isReady());
    QVERIFY(mqttPublish(m_servers, QStringLiteral("harness/after"), "round trip after restart"));
    QVERIFY(sub.waitForLine(QStringLiteral("harness/after round trip after restart"), 10000));
    // persistence false: the retained message is gone.
    QCOMPARE(sub.count(QStringLiteral("harness/forgotten")), 0);
}

void TestHarness::postgresStopStartKeepsData()
{
    {
        SiteDatabase db(m_servers, 'P', QStringLiteral("harness_pg_restart"));
        QVERIFY2(db.isOpen(), qPrintable(db.lastError()));
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE kept (id integer PRIMARY KEY)")));
        QVERIFY(db.exec(QStringLiteral("INSERT INTO kept VALUES (1), (2)")));
    }
    const qint64 before = m_servers.pid(QStringLiteral("postgres.pid"));
    QVERIFY(before > 0);
    QVERIFY(m_servers.postgres(QStringLiteral("stop-postgres")));
    QVERIFY(m_servers.postgres(QStringLiteral("stop-postgres"))); // stopping twice is fine
    {
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(
                                 QStringLiteral("SiteDatabase: cannot open database harness_pg_restart")));
        SiteDatabase down(m_servers, 'P', QStringLiteral("harness_pg_restart"), SiteDatabase::Attach);
        QVERIFY(!down.isOpen());
    }
    QVERIFY(m_servers.postgres(QStringLiteral("start-postgres")));
    QVERIFY(m_servers.postgres(QStringLiteral("start-postgres"))); // starting twice too
    QVERIFY(m_servers.pid(QStringLiteral("postgres.pid")) > 0);
    QVERIFY(m_servers.pid(QStringLiteral("postgres.pid")) != before);
    QCOMPARE(Servers::fromEnvironment().pgPort, m_servers.pgPort);
    SiteDatabase again(m_servers, 'P', QStringLiteral("harness_pg_restart"), SiteDatabase::Attach);
    QVERIFY2(again.isOpen(), qPrintable(again.lastError()));
    QCOMPARE(again.count(QStringLiteral("kept")), 2);
}

void TestHarness::engineConfig()
{
    const QJsonObject c = EngineProcess::config(m_servers, 'B', QStringLiteral("db_b"), QStringLiteral("site-b"),
                                                {QStringLiteral("site-a")}, {QStringLiteral("t1")},
                                                {QStringLiteral("t1"), QStringLiteral("t2")});
    QCOMPARE(c.value(QStringLiteral("mqttConfig")).toObject().value(QStringLiteral("port")).toInt(),
             m_servers.mqttPort);
    QCOMPARE(c.value(QStringLiteral("mqttConfig")).toObject().value(QStringLiteral("host")).toString(),
             QStringLiteral("127.0.0.1"));
    const QJsonObject mysql = c.value(QStringLiteral("mysqlConfig")).toObject();
    QCOMPARE(mysql.value(QStringLiteral("port")).toInt(), m_servers.mysqlPortB);
    QCOMPARE(mysql.value(QStringLiteral("database")).toString(), QStringLiteral("db_b"));
    QCOMPARE(mysql.value(QStringLiteral("password")).toString(), m_servers.password);
    QCOMPARE(c.value(QStringLiteral("clientName")).toString(), QStringLiteral("site-b"));
    QCOMPARE(c.value(QStringLiteral("receiveTables")).toArray().size(), 2);
    QCOMPARE(c.value(QStringLiteral("checkInterval")).toInt(), 500);
    QVERIFY(QDir(c.value(QStringLiteral("queueDirectory")).toString()).exists());

    EngineProcess engine(QStringLiteral("site-b"), c);
    const QString queue = engine.queueDirectory();
    QVERIFY(QDir(queue).exists());
    QFile f(engine.configPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject written = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(written.value(QStringLiteral("queueDirectory")).toString(), queue);
    QCOMPARE(written.value(QStringLiteral("clientName")).toString(), QStringLiteral("site-b"));

    // A new config() keeps this engine's queue directory; an explicit one is kept as given.
    QJsonObject c2 =
        EngineProcess::config(m_servers, 'B', QStringLiteral("db_b"), QStringLiteral("site-b"), {}, {}, {});
    engine.setConfig(c2);
    QCOMPARE(engine.currentConfig().value(QStringLiteral("queueDirectory")).toString(), queue);
    QTemporaryDir explicitQueue;
    c2.insert(QStringLiteral("queueDirectory"), explicitQueue.path());
    engine.setConfig(c2);
    QCOMPARE(engine.currentConfig().value(QStringLiteral("queueDirectory")).toString(), explicitQueue.path());
}

// EngineProcess mechanics with a stand-in daemon (the real one is tested elsewhere).
void TestHarness::engineProcessLifecycle()
{
    QTemporaryDir tmp;
    const QString fake = tmp.filePath(QStringLiteral("fake-daemon.sh"));
    {
        QFile f(fake);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\n"
                "echo \"fake daemon config=$1\"\n"
                "echo \"to stderr\" >&2\n"
                "trap 'echo got TERM; exit 0' TERM\n"
                "while :; do sleep 0.05; done\n");
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const QByteArray saved = qgetenv("MYSQL_SYNC_DAEMON");
    qputenv("MYSQL_SYNC_DAEMON", fake.toUtf8());
    {
        EngineProcess engine(QStringLiteral("fake"),
                             EngineProcess::config(m_servers, 'A', QStringLiteral("db"), QStringLiteral("fake"), {}, {},
                                                   {}));
        const QString queue = engine.queueDirectory();
        QVERIFY(!engine.isRunning());
        QVERIFY(engine.start());
        QVERIFY(engine.isRunning());
        QVERIFY(engine.waitForLog("fake daemon config=" + engine.configPath().toUtf8(), 10000));
        QVERIFY(engine.waitForLog("to stderr", 10000));
        QVERIFY(engine.stop());
        QVERIFY(!engine.isRunning());
        QVERIFY(engine.log().contains("got TERM"));

        const int offset = engine.log().size(); // before start: its output may come at once
        QVERIFY(engine.start());
        QVERIFY(engine.waitForLog("fake daemon", 10000, offset));
        engine.kill9();
        QVERIFY(!engine.isRunning());
        QVERIFY(!engine.stop()); // the last run did not end with exit code 0
        QCOMPARE(engine.exitStatus(), QProcess::CrashExit);

        QVERIFY(engine.start());
        QVERIFY(engine.isRunning());
        QCOMPARE(engine.queueDirectory(), queue);
        QCOMPARE(engine.currentConfig().value(QStringLiteral("queueDirectory")).toString(), queue);
        QCOMPARE(engine.log().count("==== "), 5); // 3 starts, 2 exits
        QFile logFile(engine.logPath());
        QVERIFY(logFile.open(QIODevice::ReadOnly));
        QVERIFY(logFile.readAll().contains("got TERM"));
        // The destructor stops the running daemon.
    }
    qputenv("MYSQL_SYNC_DAEMON", saved);
}

void TestHarness::waitUntilTimesOut()
{
    QElapsedTimer t;
    t.start();
    QVERIFY(!waitUntil([] { return false; }, 200));
    QVERIFY(t.elapsed() >= 200);
    int n = 0;
    QVERIFY(waitUntil([&] { return ++n >= 3; }, 5000, 10));
}

QTEST_GUILESS_MAIN(TestHarness)
#include "tst_harness.moc"
