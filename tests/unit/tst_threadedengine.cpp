// ThreadedEngine without servers (the database and the broker listen nowhere: refused at once):
// commands without an engine do nothing, start() while one runs restarts it with the new
// configuration after the old one's goodbye, and a fatal error ends the run, so that the next
// start() starts at once and nothing waits for a stopped() that never comes.
#include "engine/ThreadedEngine.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync;

namespace {
Config unreachable(const QString &queueDirectory, const QString &remote = QStringLiteral("site_b"))
{
    Config config;
    config.clientName = QStringLiteral("site_a");
    config.remoteClients = {remote};
    config.syncTables = {QStringLiteral("items")};
    config.queueDirectory = queueDirectory;
    config.mysql.host = QStringLiteral("127.0.0.1");
    config.mysql.port = 1;
    config.mysql.user = QStringLiteral("nobody");
    config.mysql.database = QStringLiteral("nothing");
    config.mysql.connectTimeoutMs = 1000;
    config.mqtt.host = QStringLiteral("127.0.0.1");
    config.mqtt.port = 1;
    config.mqtt.connectTimeoutMs = 1000;
    return config;
}
} // namespace

class TestThreadedEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void commandsWithoutAnEngineDoNothing()
    {
        ThreadedEngine engine;
        QSignalSpy paused(&engine, &Engine::pausedChanged);
        QSignalSpy stopped(&engine, &Engine::stopped);
        engine.setPaused(true);
        engine.resend(QStringLiteral("site_b"), QStringLiteral("items"), {QStringLiteral("1")});
        engine.resendErrors(QStringLiteral("site_b"));
        engine.stop();
        QCoreApplication::processEvents();
        QVERIFY(!engine.isRunning());
        QVERIFY(!engine.isPaused());
        QCOMPARE(paused.count(), 0);
        QCOMPARE(stopped.count(), 0);
    }

    void startWhileRunningRestartsWithTheNewConfiguration()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ThreadedEngine engine;
        QSignalSpy started(&engine, &Engine::started);
        QSignalSpy stopped(&engine, &Engine::stopped);
        engine.start(unreachable(dir.filePath(QStringLiteral("one"))));
        QVERIFY(engine.isRunning());
        QVERIFY(started.wait(15000));
        engine.setPaused(true);
        QTRY_VERIFY_WITH_TIMEOUT(engine.isPaused(), 5000);

        engine.start(unreachable(dir.filePath(QStringLiteral("two")), QStringLiteral("site_c")));
        QCOMPARE(engine.config().remoteClients, QStringList{QStringLiteral("site_c")});
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 20000);
        QCOMPARE(stopped.count(), 1); // the old engine said goodbye first
        QVERIFY(engine.isRunning());
        QVERIFY(!engine.isPaused()); // a new engine starts unpaused

        engine.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 2, 20000);
        QVERIFY(!engine.isRunning());
        QCOMPARE(started.count(), 2); // no restart was pending
    }

    void fatalErrorEndsTheRun()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A queue directory that is a file: the outbox cannot be opened, the engine fails at start.
        const QString notADirectory = dir.filePath(QStringLiteral("file"));
        QFile file(notADirectory);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        ThreadedEngine engine;
        QSignalSpy started(&engine, &Engine::started);
        QSignalSpy stopped(&engine, &Engine::stopped);
        QSignalSpy fatal(&engine, &Engine::fatalError);
        engine.start(unreachable(notADirectory));
        QVERIFY(fatal.wait(15000));
        QVERIFY(!engine.isRunning());
        QCOMPARE(started.count(), 0);

        // The corrected configuration starts at once.
        engine.start(unreachable(dir.filePath(QStringLiteral("queue"))));
        QVERIFY(started.wait(15000));
        QCOMPARE(stopped.count(), 0);
        engine.stop();
        QVERIFY(stopped.wait(20000));
    }
};

QTEST_MAIN(TestThreadedEngine)
#include "tst_threadedengine.moc"
