// The engine's commands, as the desktop app uses them: an in-process SyncEngine on its
// EngineThread (site_a) against a real site_b daemon: pause/resume, resend the rows a remote
// refused once the cause is fixed, and the sync_status indexes the app's filters use.
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "config/Config.h"
#include "engine/EngineThread.h"
#include "engine/SyncEngine.h"

#include "EngineProcess.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

using namespace testsupport;
using namespace mysqlsync;

class TestEngineCommands : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pauseResendAndIndexes();

private:
    Servers m_servers;
};

void TestEngineCommands::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
}

void TestEngineCommands::pauseResendAndIndexes()
{
    const QString database = QStringLiteral("engine_commands");
    SiteDatabase a(m_servers, 'A', database);
    SiteDatabase b(m_servers, 'B', database);
    QVERIFY(a.exec(QStringLiteral("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(64))")));
    // site_b's column is too short at first: its server refuses long names (strict mode).
    QVERIFY(b.exec(QStringLiteral("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(4))")));

    EngineProcess siteB(QStringLiteral("site_b"),
                        EngineProcess::config(m_servers, 'B', database, QStringLiteral("site_b"),
                                              {QStringLiteral("site_a")}, {}, {QStringLiteral("items")}));
    QVERIFY(siteB.start());

    QTemporaryDir dir;
    QJsonObject json = EngineProcess::config(m_servers, 'A', database, QStringLiteral("site_a"),
                                             {QStringLiteral("site_b")}, {QStringLiteral("items")}, {});
    json.insert(QStringLiteral("queueDirectory"), dir.filePath(QStringLiteral("queue")));
    json.insert(QStringLiteral("loggingLevel"), QStringLiteral("warn"));
    json.insert(QStringLiteral("initialLoad"), false); // only the rows the test writes travel
    QFile file(dir.filePath(QStringLiteral("site_a.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
    file.close();
    Config config;
    QString error;
    QVERIFY2(ConfigLoader::load(file.fileName(), &config, &error), qPrintable(error));
    EngineThread engine(config);
    engine.start();

    auto status = [&](int id) {
        return a
            .scalar(QStringLiteral("SELECT status FROM sync_status WHERE table_name = 'items' AND primary_key = ?"),
                    {QString::number(id)})
            .toString();
    };
    // The engine starts in the background: write once its triggers are in place.
    QVERIFY(waitUntil(
        [&] {
            return a.scalar(QStringLiteral("SELECT COUNT(*) FROM information_schema.TRIGGERS "
                                           "WHERE TRIGGER_SCHEMA = DATABASE()"))
                       .toInt()
                == 3;
        },
        30000));
    QVERIFY(a.exec(QStringLiteral("INSERT INTO items VALUES (1, 'bolt'), (2, 'long name')")));
    QVERIFY2(waitUntil([&] { return status(1) == QLatin1String("successful") && status(2) == QLatin1String("error"); },
                       45000),
             siteB.log().right(3000).constData());
    QCOMPARE(b.count(QStringLiteral("items")), 1);

    // The app's filters have their indexes; the contract's columns are unchanged.
    QCOMPARE(a.scalar(QStringLiteral("SELECT COUNT(DISTINCT INDEX_NAME) FROM information_schema.STATISTICS WHERE "
                                     "TABLE_SCHEMA = DATABASE() "
                                     "AND TABLE_NAME = 'sync_status' AND INDEX_NAME LIKE 'mysql_sync_status_%'"))
                 .toInt(),
             3);
    QCOMPARE(a.scalar(QStringLiteral(
                          "SELECT GROUP_CONCAT(COLUMN_NAME ORDER BY ORDINAL_POSITION) FROM information_schema.COLUMNS "
                          "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'sync_status'"))
                 .toString(),
             QStringLiteral("id,table_name,primary_key,remote,date,status,message"));

    // Paused: nothing is taken from table_changes, nothing is sent.
    QObject receiver; // the engine's signals, queued to this thread
    bool paused = false;
    int heartbeatsOfB = 0;
    connect(engine.engine(), &SyncEngine::pausedChanged, &receiver, [&](bool p) { paused = p; });
    connect(engine.engine(), &SyncEngine::remoteClockSkew, &receiver, [&](const QString &name, qint64) {
        if (name == QLatin1String("site_b"))
            ++heartbeatsOfB;
    });
    engine.setPaused(true);
    QTRY_VERIFY_WITH_TIMEOUT(paused, 10000);
    QVERIFY(a.exec(QStringLiteral("INSERT INTO items VALUES (3, 'nut')")));
    // The engine's thread runs on meanwhile: it has handled two of site_b's heartbeats since
    // the insert (a heartbeat period is many capture intervals), and still took nothing.
    const int heartbeats = heartbeatsOfB;
    QTRY_VERIFY_WITH_TIMEOUT(heartbeatsOfB >= heartbeats + 2, 30000);
    QCOMPARE(a.count(QStringLiteral("table_changes")), 1);
    QCOMPARE(b.count(QStringLiteral("items")), 1);
    engine.setPaused(false);
    QVERIFY(waitUntil([&] { return status(3) == QLatin1String("successful"); }, 45000));
    QCOMPARE(b.scalar(QStringLiteral("SELECT name FROM items WHERE id = 3")).toString(), QStringLiteral("nut"));

    // The cause is fixed on site_b: resending the errors delivers the row.
    QVERIFY(b.exec(QStringLiteral("ALTER TABLE items MODIFY name VARCHAR(64)")));
    engine.resendErrors(QStringLiteral("site_b"));
    QVERIFY2(waitUntil([&] { return status(2) == QLatin1String("successful"); }, 45000),
             siteB.log().right(3000).constData());
    QCOMPARE(b.scalar(QStringLiteral("SELECT name FROM items WHERE id = 2")).toString(), QStringLiteral("long name"));

    // Resending chosen rows sends their current state again.
    QVERIFY(b.exec(QStringLiteral("UPDATE items SET name = 'changed on b' WHERE id = 1")));
    engine.resend(QStringLiteral("site_b"), QStringLiteral("items"), {QStringLiteral("1")});
    QVERIFY(waitUntil(
        [&] {
            return b.scalar(QStringLiteral("SELECT name FROM items WHERE id = 1")).toString() == QLatin1String("bolt");
        },
        45000));
    QVERIFY(engine.stopAndWait());
    QVERIFY(siteB.stop());
}

QTEST_GUILESS_MAIN(TestEngineCommands)
#include "tst_engine_commands.moc"
