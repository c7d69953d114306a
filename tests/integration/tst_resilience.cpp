// Faults under load. Two real engines (site_a on server A, site_b on server B) keep a
// bidirectional table `items` in sync while a writer changes rows in small transactions,
// and something goes wrong mid-stream: the sender or the receiver is killed with SIGKILL
// (three times each, once in the middle of the catch-up that follows a restart), the broker
// restarts and forgets every session (twice in a row, then it is away for longer than a
// heartbeat's promise), a remote is offline while rows change, both sites write while the
// sender dies twice, or a site's database goes away for a few seconds. Afterwards the two
// sites must hold the same rows (exactly the rows the writers left), nothing may be owed
// any more (no `pending` or `error` row in sync_status, an empty table_changes, an empty
// outbox) and every key the writers touched, and no other, must have its sync_status row:
// the end-to-end at-least-once contract of docs/protocol.md.
//
// MYSQL_SYNC_TEST_LOG_DIR=dir keeps the engines' logs of every test function there.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>

#include "EngineProcess.h"
#include "LoadWriter.h"
#include "OutboxCounts.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "SiteState.h"
#include "TestUtil.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {

const QString kTable = QStringLiteral("items");
const QString kClientA = QStringLiteral("site_a");
const QString kClientB = QStringLiteral("site_b");
constexpr int kSettleTimeoutMs = 90000;

} // namespace

class TestResilience : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();

    void engineKilledMidStream_data();
    void engineKilledMidStream();
    void brokerRestartMidStream();
    void remoteOfflineWhileRowsChange();
    void bothDirectionsSenderKilledTwice();
    void databaseLostMidStream();

private:
    // ACCOUNT LOCK / UNLOCK of the harness user on one server (open connections stay).
    static bool lockAccount(SiteDatabase &db, bool lock);
    // Kills every connection to the site's database but the test's own and `keep`; returns how many.
    int killConnections(SiteDatabase &db, const QList<qint64> &keep);

    // Fresh databases resil_<tag> on both servers with `items`, both engines started and
    // each seeing the other online.
    bool setUpSites(const QString &tag);
    bool startEngine(EngineProcess &engine, const QString &remote, int timeoutMs = 30000);
    bool waitOnline(EngineProcess &engine, const QString &remote, int fromOffset, int timeoutMs = 20000);
    // The end condition; `why` says what does not hold yet.
    bool settled(QString *why);
    // Waits for settled(); on failure prints everything useful and returns false.
    bool waitSettled(const QString &what);
    QString diagnostics();
    // After settling: the rows are exactly the writers' models, and every key a writer
    // touched (and no other) has its sync_status row on the writer's site, successful.
    void verifyAgainstModels(const QList<const LoadWriter *> &writersA, const QList<const LoadWriter *> &writersB);

    Servers m_servers;
    QString m_database;
    std::unique_ptr<SiteDatabase> m_dbA;
    std::unique_ptr<SiteDatabase> m_dbB;
    std::unique_ptr<EngineProcess> m_engineA;
    std::unique_ptr<EngineProcess> m_engineB;
    QElapsedTimer m_clock;
};

void TestResilience::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    QVERIFY2(QFileInfo(EngineProcess::daemonPath()).isExecutable(),
             qPrintable(QStringLiteral("MYSQL_SYNC_DAEMON is not an executable: ") + EngineProcess::daemonPath()));
    // A previous test may have left the broker stopped.
    QVERIFY(m_servers.broker(QStringLiteral("start-broker")));
}

void TestResilience::cleanup()
{
    // Never leave the harness user locked out (databaseLostMidStream).
    for (SiteDatabase *db : {m_dbA.get(), m_dbB.get()}) {
        if (db && db->isOpen())
            lockAccount(*db, false);
    }
    const bool failed = QTest::currentTestFailed();
    if (failed) {
        // Engines still run: one more look at how things stand, then their logs follow
        // from EngineProcess's destructor.
        qWarning().noquote() << "==== state at cleanup ====\n" << diagnostics();
    }
    // MYSQL_SYNC_TEST_LOG_DIR: keep the engines' logs (one file per test function and site).
    const QString keep = qEnvironmentVariable("MYSQL_SYNC_TEST_LOG_DIR");
    for (EngineProcess *e : {m_engineA.get(), m_engineB.get()}) {
        if (e && !keep.isEmpty()) {
            e->stop();
            QDir().mkpath(keep);
            const QString target = QDir(keep).filePath(
                QStringLiteral("%1-%2.log").arg(QLatin1String(QTest::currentTestFunction()), e->name()));
            QFile::remove(target);
            QFile::copy(e->logPath(), target);
        }
    }
    m_engineA.reset();
    m_engineB.reset();
    m_dbA.reset();
    m_dbB.reset();
    if (failed)
        m_servers.broker(QStringLiteral("start-broker"));
    qInfo() << QTest::currentTestFunction() << "took" << m_clock.elapsed() << "ms";
}

bool TestResilience::setUpSites(const QString &tag)
{
    m_clock.start();
    m_database = QStringLiteral("resil_") + tag;
    m_dbA = std::make_unique<SiteDatabase>(m_servers, 'A', m_database);
    m_dbB = std::make_unique<SiteDatabase>(m_servers, 'B', m_database);
    if (!m_dbA->isOpen() || !m_dbB->isOpen()) {
        qWarning() << "cannot open the site databases:" << m_dbA->lastError() << m_dbB->lastError();
        return false;
    }
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(64), qty INT) ENGINE=InnoDB");
    if (!m_dbA->exec(ddl) || !m_dbB->exec(ddl))
        return false;

    const QStringList tables{kTable};
    QJsonObject configA = EngineProcess::config(m_servers, 'A', m_database, kClientA, {kClientB}, tables, tables);
    QJsonObject configB = EngineProcess::config(m_servers, 'B', m_database, kClientB, {kClientA}, tables, tables);
    for (QJsonObject *c : {&configA, &configB}) {
        c->insert(QStringLiteral("checkInterval"), 500);
        c->insert(QStringLiteral("resendTimeout"), 3000);
        // The tables start empty and every row comes from the writers, whose keys the test
        // counts exactly in sync_status. An initial load that reached the table after rows from
        // the other site had arrived would send those back too (harmless, and not what this
        // test is about).
        c->insert(QStringLiteral("initialLoad"), false);
    }
    m_engineA = std::make_unique<EngineProcess>(kClientA, configA);
    m_engineB = std::make_unique<EngineProcess>(kClientB, configB);
    if (!m_engineA->start() || !m_engineB->start())
        return false;
    return waitOnline(*m_engineA, kClientB, 0, 30000) && waitOnline(*m_engineB, kClientA, 0, 30000);
}

bool TestResilience::waitOnline(EngineProcess &engine, const QString &remote, int fromOffset, int timeoutMs)
{
    if (engine.waitForLog((remote + QStringLiteral(" is online")).toUtf8(), timeoutMs, fromOffset))
        return true;
    qWarning().noquote() << engine.name() << "did not see" << remote << "online within" << timeoutMs << "ms";
    return false;
}

bool TestResilience::startEngine(EngineProcess &engine, const QString &remote, int timeoutMs)
{
    const int offset = int(engine.log().size());
    if (!engine.start())
        return false;
    if (!engine.waitForLog("subscribed to", timeoutMs, offset)) {
        qWarning().noquote() << engine.name() << "did not subscribe within" << timeoutMs << "ms";
        return false;
    }
    return waitOnline(engine, remote, offset, timeoutMs);
}

bool TestResilience::settled(QString *why)
{
    for (SiteDatabase *db : {m_dbA.get(), m_dbB.get()}) {
        const qint64 changes = db->count(QStringLiteral("table_changes"));
        if (changes != 0) {
            *why = QStringLiteral("site %1: table_changes holds %2 row(s)").arg(QLatin1Char(db->site())).arg(changes);
            return false;
        }
        const QVariant open =
            db->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE `status` <> 'successful'"));
        if (!open.isValid() || open.toLongLong() != 0) {
            *why = QStringLiteral("site %1: %2 sync_status row(s) pending or error")
                       .arg(QLatin1Char(db->site()))
                       .arg(open.toString());
            return false;
        }
    }
    for (EngineProcess *e : {m_engineA.get(), m_engineB.get()}) {
        const OutboxCounts c = readOutbox(e->queueDirectory());
        if (!c.ok || c.total() != 0) {
            *why = QStringLiteral("%1 outbox: %2").arg(e->name(), c.text());
            return false;
        }
    }
    const QString a = m_dbA->dump(kTable, QStringLiteral("id"));
    const QString b = m_dbB->dump(kTable, QStringLiteral("id"));
    if (a.isEmpty() || a != b) {
        *why = QStringLiteral("the sites' items differ (%1 vs %2 rows)")
                   .arg(m_dbA->count(kTable))
                   .arg(m_dbB->count(kTable));
        return false;
    }
    return true;
}

bool TestResilience::waitSettled(const QString &what)
{
    QElapsedTimer t;
    t.start();
    QString why;
    const bool ok = waitUntil([&] { return settled(&why); }, kSettleTimeoutMs, 500);
    if (ok) {
        qInfo().noquote() << what << ": settled" << t.elapsed() << "ms after the load stopped (" << m_dbA->count(kTable)
                          << "rows )";
        return true;
    }
    qWarning().noquote() << "====" << what << ": NOT settled within" << kSettleTimeoutMs << "ms:" << why << "====\n"
                         << diagnostics() << "\n==== engine site_a ====\n"
                         << logTail(m_engineA->log(), 60) << "\n==== engine site_b ====\n"
                         << logTail(m_engineB->log(), 60);
    return false;
}

QString TestResilience::diagnostics()
{
    if (!m_dbA || !m_dbB)
        return QStringLiteral("(no sites)");
    return twoSitesState(*m_dbA, *m_dbB, {m_engineA.get(), m_engineB.get()}, kTable);
}

void TestResilience::verifyAgainstModels(const QList<const LoadWriter *> &writersA,
                                         const QList<const LoadWriter *> &writersB)
{
    QSet<int> expected;
    for (const LoadWriter *w : writersA + writersB)
        expected += w->alive();
    for (SiteDatabase *db : {m_dbA.get(), m_dbB.get()}) {
        QSet<int> ids;
        for (const QVariantMap &r : db->rows(QStringLiteral("SELECT id FROM items")))
            ids.insert(r.value(QStringLiteral("id")).toInt());
        if (ids != expected) {
            qWarning().noquote() << "site" << db->site() << "missing:" << keyText(expected - ids)
                                 << "| unexpected:" << keyText(ids - expected);
        }
        QCOMPARE(ids.size(), expected.size());
        QVERIFY2(ids == expected, "the rows are not exactly those the writers left");
    }
    // Every key a site's writer touched went through its sync_status, and only those: no
    // echo of a received change went back.
    const auto check = [](SiteDatabase &db, const QList<const LoadWriter *> &writers, const QString &remote) {
        QSet<int> touched;
        for (const LoadWriter *w : writers)
            touched += w->touched();
        QSet<int> status;
        for (const QVariantMap &r : db.rows(QStringLiteral("SELECT primary_key, remote FROM sync_status"))) {
            if (r.value(QStringLiteral("remote")).toString() != remote)
                return QStringLiteral("site %1: sync_status row for unexpected remote %2")
                    .arg(QLatin1Char(db.site()))
                    .arg(r.value(QStringLiteral("remote")).toString());
            status.insert(r.value(QStringLiteral("primary_key")).toInt());
        }
        if (status != touched)
            return QStringLiteral("site %1: sync_status keys differ from the touched keys: untracked %2 | extra %3")
                .arg(QLatin1Char(db.site()))
                .arg(keyText(touched - status), keyText(status - touched));
        return QString();
    };
    const QString problemA = check(*m_dbA, writersA, kClientB);
    QVERIFY2(problemA.isEmpty(), qPrintable(problemA));
    const QString problemB = check(*m_dbB, writersB, kClientA);
    QVERIFY2(problemB.isEmpty(), qPrintable(problemB));
}

// Lets the writer do `n` more transactions (the stream goes on while something is down).
#define WRITE_MORE(writer, n)                                                                                          \
    do {                                                                                                               \
        const int target_ = (writer).transactions() + (n);                                                             \
        QVERIFY2(waitUntil([&] { return (writer).transactions() >= target_; }, 60000), "the writer is stuck");         \
    } while (false)

// 1. kill -9 of one engine while rows stream, three times: in the steady stream, in the
// middle of the catch-up that follows its restart, and in the steady stream again.
// "sender": site_a restarts with the same outbox each time, and its catch-up is what was
// queued while it was down and what it had sent unacknowledged. "receiver": site_b is killed
// while it applies (once while it takes in the sender's catch-up); the sender must notice
// (the will) and send again what was lost with it.
void TestResilience::engineKilledMidStream_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<bool>("killReceiver");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("sender") << QStringLiteral("kill_sender") << false << quint32(1001);
    QTest::newRow("receiver") << QStringLiteral("kill_receiver") << true << quint32(2002);
}

void TestResilience::engineKilledMidStream()
{
    QFETCH(QString, tag);
    QFETCH(bool, killReceiver);
    QFETCH(quint32, seed);
    QVERIFY(setUpSites(tag));
    LoadWriter writer(m_servers, 'A', m_database, 1, 20, 20, seed);
    writer.start();
    // Mid-stream: B is receiving.
    QVERIFY2(waitUntil([&] { return m_dbB->count(kTable) >= 400; }, 30000, 50), qPrintable(diagnostics()));
    int offsetA = int(m_engineA->log().size());
    for (int round = 0; round < 3; ++round) {
        if (round == 1) {
            // A sends its catch-up.
            QVERIFY(m_engineA->waitForLog("owed change(s) to site_b", 20000, offsetA));
            if (killReceiver) {
                // B is taking rows in: its table has grown since A sent the catch-up.
                const qint64 rowsB = m_dbB->count(kTable);
                QVERIFY2(waitUntil([&] { return m_dbB->count(kTable) > rowsB; }, 20000, 5), qPrintable(diagnostics()));
            }
        } else if (round == 2) {
            if (!killReceiver)
                QVERIFY(waitOnline(*m_engineA, kClientB, offsetA));
            WRITE_MORE(writer, killReceiver ? 50 : 60);
        }
        if (killReceiver) {
            offsetA = int(m_engineA->log().size());
            m_engineB->kill9();
            // The broker publishes B's will: A must see it gone and queue from then on.
            QVERIFY(m_engineA->waitForLog("site_b is offline", 10000, offsetA));
            WRITE_MORE(writer, 60);
            QVERIFY(startEngine(*m_engineB, kClientA));
            QVERIFY(waitOnline(*m_engineA, kClientB, offsetA));
        } else {
            m_engineA->kill9();
            WRITE_MORE(writer, 60);
            offsetA = int(m_engineA->log().size());
            QVERIFY(m_engineA->start());
        }
    }
    if (!killReceiver)
        QVERIFY(waitOnline(*m_engineA, kClientB, offsetA));
    WRITE_MORE(writer, 100);
    writer.finish();
    QVERIFY2(writer.error().isEmpty(), qPrintable(writer.error()));
    qInfo() << "writer:" << writer.transactions() << "transactions," << writer.failures() << "rolled back,"
            << writer.touched().size() << "keys touched";
    QVERIFY(waitSettled(killReceiver ? QStringLiteral("receiver killed") : QStringLiteral("sender killed")));
    verifyAgainstModels({&writer}, {});
}

// 2. The broker restarts mid-stream (persistence off: it forgets sessions, subscriptions
// and whatever it had queued) twice in a row, then goes away for longer than a heartbeat's
// promise, so that each side also sees the other expire while it is itself cut off.
void TestResilience::brokerRestartMidStream()
{
    QVERIFY(setUpSites(QStringLiteral("broker_restart")));
    LoadWriter writer(m_servers, 'A', m_database, 1, 20, 20, 3003);
    writer.start();
    QVERIFY2(waitUntil([&] { return m_dbB->count(kTable) >= 400; }, 30000, 50), qPrintable(diagnostics()));

    // The harness call blocks: run it on a thread and keep this one's event loop (and so
    // the engines' output pipes) going.
    const auto brokerAction = [&](const QString &action) {
        std::atomic<bool> done{false};
        bool ok = false;
        std::unique_ptr<QThread> t(QThread::create([&] {
            ok = m_servers.broker(action);
            done.store(true);
        }));
        t->start();
        waitUntil([&] { return done.load(); }, 180000, 50);
        t->wait();
        return ok;
    };

    for (int round = 0; round < 3; ++round) {
        const int offsetA = int(m_engineA->log().size());
        const int offsetB = int(m_engineB->log().size());
        if (round < 2) {
            QVERIFY(brokerAction(QStringLiteral("restart-broker")));
        } else {
            // Longer than the heartbeat's promise (checkInterval + 3500 ms).
            QVERIFY(brokerAction(QStringLiteral("stop-broker")));
            WRITE_MORE(writer, 300);
            QVERIFY(brokerAction(QStringLiteral("start-broker")));
        }
        // Both engines reconnect and subscribe again.
        QVERIFY2(m_engineA->waitForLog("subscribed to", 60000, offsetA), "site_a did not resubscribe");
        QVERIFY2(m_engineB->waitForLog("subscribed to", 60000, offsetB), "site_b did not resubscribe");
        // The second restart follows the first at once: the catch-up after the first is cut.
        if (round != 0)
            WRITE_MORE(writer, 120);
    }
    writer.finish();
    QVERIFY2(writer.error().isEmpty(), qPrintable(writer.error()));
    qInfo() << "writer:" << writer.transactions() << "transactions," << writer.failures() << "rolled back,"
            << writer.touched().size() << "keys touched";
    QVERIFY(waitSettled(QStringLiteral("broker restarted")));
    verifyAgainstModels({&writer}, {});
}

// 3. A remote is offline (stopped cleanly) while rows change: everything for it waits,
// pending, in the sender's outbox, survives a kill of the sender, and arrives once it is back.
void TestResilience::remoteOfflineWhileRowsChange()
{
    QVERIFY(setUpSites(QStringLiteral("remote_offline")));
    LoadWriter writer(m_servers, 'A', m_database, 1, 20, 0, 4004);
    // A synchronised start.
    QVERIFY(writer.burst(5));
    QVERIFY(waitSettled(QStringLiteral("before going offline")));
    const QString dumpB = m_dbB->dump(kTable, QStringLiteral("id"));

    const int offsetA = int(m_engineA->log().size());
    QVERIFY(m_engineB->stop());
    QVERIFY(m_engineA->waitForLog("site_b is offline", 10000, offsetA));

    // 500 new rows (25 transactions of 20) plus updates, deletes and revivals of old and new
    // keys, in two bursts a few seconds apart: resends fall due meanwhile and must not go out.
    QSet<int> offline;
    QSet<int> second;
    QVERIFY(writer.burst(12, &offline));
    // Time itself is the subject here: the first burst's resends fall due (2.5 s) while site_b
    // is away, and must not go out. No condition to wait on stands for "time has passed".
    QTest::qWait(2500);
    QVERIFY(writer.burst(13, &second));
    offline += second;
    QVERIFY2(waitUntil([&] { return m_dbA->count(QStringLiteral("table_changes")) == 0; }, 30000),
             "site_a did not capture the changes");
    // Exactly the keys changed meanwhile are pending for site_b, and queued (never sent).
    const auto pendingKeys = [&] {
        QSet<int> keys;
        for (const QVariantMap &r : m_dbA->rows(QStringLiteral(
                 "SELECT primary_key FROM sync_status WHERE remote = 'site_b' AND `status` = 'pending'")))
            keys.insert(r.value(QStringLiteral("primary_key")).toInt());
        return keys;
    };
    // sync_status is written behind the outbox (a few milliseconds later).
    QSet<int> pending;
    waitUntil([&] { return (pending = pendingKeys()) == offline; }, 10000, 100);
    const OutboxCounts queued = readOutbox(m_engineA->queueDirectory());
    qInfo() << "while site_b is offline:" << offline.size() << "keys changed," << pending.size()
            << "pending in sync_status, outbox:" << queued.text();
    QVERIFY2(pending == offline,
             qPrintable(QStringLiteral("not pending: %1 | pending but unchanged: %2")
                            .arg(keyText(offline - pending), keyText(pending - offline))));
    QVERIFY(offline.size() >= 500);
    QVERIFY2(queued.ok && queued.queued == offline.size() && queued.sent == 0 && queued.receipts == 0,
             qPrintable(queued.text()));
    // Nothing reached B.
    QCOMPARE(m_dbB->dump(kTable, QStringLiteral("id")), dumpB);
    QCOMPARE(m_dbB->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id > 100")).toInt(), 0);

    // The queue survives a kill of the sender.
    const int offsetRestart = int(m_engineA->log().size());
    m_engineA->kill9();
    QVERIFY(m_engineA->start());
    QVERIFY(m_engineA->waitForLog("subscribed to", 30000, offsetRestart));
    // Nothing must go out: a negative check over a second of the restarted engine's life (it
    // would send at once, on subscribing, if it took site_b for online).
    QTest::qWait(1000);
    const OutboxCounts afterKill = readOutbox(m_engineA->queueDirectory());
    QVERIFY2(afterKill.ok && afterKill.queued == offline.size() && afterKill.sent == 0, qPrintable(afterKill.text()));
    QVERIFY(pendingKeys() == offline);

    QVERIFY(startEngine(*m_engineB, kClientA));
    QVERIFY(waitSettled(QStringLiteral("remote back online")));
    verifyAgainstModels({&writer}, {});
}

// 4. Both sites write (different key ranges) while the sender is killed and restarted twice.
void TestResilience::bothDirectionsSenderKilledTwice()
{
    QVERIFY(setUpSites(QStringLiteral("both_ways")));
    LoadWriter writerA(m_servers, 'A', m_database, 1, 20, 20, 5005);
    LoadWriter writerB(m_servers, 'B', m_database, 1000000, 10, 20, 5006);
    writerA.start();
    writerB.start();
    QVERIFY2(waitUntil(
                 [&] {
                     return m_dbB->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id < 1000000")).toInt()
                         >= 300
                         && m_dbA->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id >= 1000000")).toInt()
                         >= 150;
                 },
                 30000, 100),
             qPrintable(diagnostics()));
    for (int round = 0; round < 2; ++round) {
        const int offsetB = int(m_engineB->log().size());
        m_engineA->kill9();
        QVERIFY(m_engineB->waitForLog("site_a is offline", 10000, offsetB));
        const int before = writerA.transactions();
        QVERIFY(waitUntil([&] { return writerA.transactions() >= before + 60; }, 20000));
        QVERIFY(startEngine(*m_engineA, kClientB));
        QVERIFY(waitOnline(*m_engineB, kClientA, offsetB));
        const int after = writerA.transactions();
        QVERIFY(waitUntil([&] { return writerA.transactions() >= after + 120; }, 30000));
    }
    writerA.finish();
    writerB.finish();
    QVERIFY2(writerA.error().isEmpty(), qPrintable(writerA.error()));
    QVERIFY2(writerB.error().isEmpty(), qPrintable(writerB.error()));
    qInfo() << "writer A:" << writerA.transactions() << "transactions," << writerA.failures() << "rolled back,"
            << writerA.touched().size() << "keys | writer B:" << writerB.transactions() << "transactions,"
            << writerB.failures() << "rolled back," << writerB.touched().size() << "keys";
    QVERIFY(waitSettled(QStringLiteral("both directions")));
    verifyAgainstModels({&writerA}, {&writerB});
}

bool TestResilience::lockAccount(SiteDatabase &db, bool lock)
{
    bool ok = true;
    for (const char *host : {"127.0.0.1", "localhost", "::1"}) {
        ok = db.exec(QStringLiteral("ALTER USER '%1'@'%2' ACCOUNT %3")
                         .arg(db.scalar(QStringLiteral("SELECT SUBSTRING_INDEX(USER(), '@', 1)")).toString(),
                              QLatin1String(host), lock ? QStringLiteral("LOCK") : QStringLiteral("UNLOCK")))
            && ok;
    }
    return ok;
}

int TestResilience::killConnections(SiteDatabase &db, const QList<qint64> &keep)
{
    const qint64 self = db.scalar(QStringLiteral("SELECT CONNECTION_ID()")).toLongLong();
    int killed = 0;
    for (const QVariantMap &r :
         db.rows(QStringLiteral("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ?"), {db.databaseName()})) {
        const qint64 id = r.value(QStringLiteral("ID")).toLongLong();
        if (id == self || keep.contains(id))
            continue;
        if (db.exec(QStringLiteral("KILL CONNECTION %1").arg(id)))
            ++killed;
    }
    return killed;
}

// 5. A site's database goes away mid-stream: the engine's connections are killed and it
// cannot connect again for a few seconds (the account is locked). First the sender's: the
// receipts that arrive meanwhile cannot be recorded, so what they acknowledged must be sent
// again and acknowledged again. Then the receiver's: what arrives meanwhile is not applied
// and not acknowledged, so it must be sent again.
void TestResilience::databaseLostMidStream()
{
    QVERIFY(setUpSites(QStringLiteral("db_lost")));
    LoadWriter writer(m_servers, 'A', m_database, 1, 20, 20, 6006);
    writer.start();
    QVERIFY2(waitUntil([&] { return m_dbB->count(kTable) >= 400 && writer.connectionId() > 0; }, 30000, 50),
             qPrintable(diagnostics()));
    for (int round = 0; round < 2; ++round) {
        SiteDatabase &db = round == 0 ? *m_dbA : *m_dbB;
        EngineProcess &engine = round == 0 ? *m_engineA : *m_engineB;
        const int offset = int(engine.log().size());
        QVERIFY(lockAccount(db, true));
        const int killed = killConnections(db, {writer.connectionId()});
        QVERIFY2(killed >= 2, qPrintable(QStringLiteral("killed %1 connection(s)").arg(killed)));
        QVERIFY(engine.waitForLog("database connection lost", 10000, offset));
        // Longer than the resend period: resends fall due while the database is away.
        WRITE_MORE(writer, 120);
        QVERIFY(lockAccount(db, false));
        QVERIFY(engine.waitForLog("database connection restored", 30000, offset));
        WRITE_MORE(writer, 60);
    }
    writer.finish();
    QVERIFY2(writer.error().isEmpty(), qPrintable(writer.error()));
    qInfo() << "writer:" << writer.transactions() << "transactions," << writer.failures() << "rolled back,"
            << writer.touched().size() << "keys touched";
    QVERIFY(waitSettled(QStringLiteral("database lost")));
    verifyAgainstModels({&writer}, {});
}

QTEST_GUILESS_MAIN(TestResilience)
#include "tst_resilience.moc"
