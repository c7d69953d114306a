// InitialLoader's chunks on the batch path (engine/LoadChunks): a pair's position moves only past
// chunks whose every receipt is written, in key order; receipts match by table, remote and send
// date; overdue chunks give their waiting keys once for `pending` rows and once to be owed again.
#include "engine/LoadChunks.h"

#include <QTest>

using namespace mysqlsync;

namespace {
LoadChunk chunk(const QString &remote, const QString &last, qint64 date, qint64 sentAt, const QStringList &keys)
{
    LoadChunk c;
    c.table = QStringLiteral("items");
    c.remote = remote;
    c.lastKey = last;
    c.date = date;
    c.sentAt = sentAt;
    c.rows = int(keys.size());
    c.waiting = QSet<QString>(keys.cbegin(), keys.cend());
    c.unanswered = int(keys.size());
    return c;
}
InfoMessage ack(const QString &remote, const QString &key, qint64 date)
{
    return InfoMessage::dataReceived(remote, QStringLiteral("items"), key, date);
}
const QString kItems = QStringLiteral("items");
const QString kB = QStringLiteral("site_b");
const QString kC = QStringLiteral("site_c");
} // namespace

class TestLoadChunks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readFromFollowsTheLastChunkSent()
    {
        LoadChunks chunks;
        QCOMPARE(chunks.readFrom(kItems, kB, QStringLiteral("10")), QStringLiteral("10"));
        chunks.add(chunk(kB, QStringLiteral("12"), 100, 0, {QStringLiteral("11"), QStringLiteral("12")}));
        chunks.add(chunk(kB, QStringLiteral("14"), 101, 0, {QStringLiteral("13"), QStringLiteral("14")}));
        QCOMPARE(chunks.readFrom(kItems, kB, QStringLiteral("10")), QStringLiteral("14"));
        QCOMPARE(chunks.readFrom(kItems, kC, QStringLiteral("3")), QStringLiteral("3"));
        QCOMPARE(chunks.inFlight(kItems, kB), 2);
        QCOMPARE(chunks.inFlight(kItems, kC), 0);
    }

    void settlesOnlyInKeyOrder()
    {
        LoadChunks chunks;
        chunks.add(chunk(kB, QStringLiteral("2"), 100, 0, {QStringLiteral("1"), QStringLiteral("2")}));
        chunks.add(chunk(kB, QStringLiteral("4"), 101, 0, {QStringLiteral("3"), QStringLiteral("4")}));
        int rows = -1;
        // The second chunk answered first: nothing moves, the first still waits.
        chunks.written({ack(kB, QStringLiteral("3"), 101), ack(kB, QStringLiteral("4"), 101)});
        QVERIFY(chunks.takeSettled(kItems, kB, &rows).isNull());
        QCOMPARE(rows, 0);
        chunks.written({ack(kB, QStringLiteral("1"), 100)});
        QVERIFY(chunks.takeSettled(kItems, kB, &rows).isNull());
        chunks.written({ack(kB, QStringLiteral("2"), 100)});
        QCOMPARE(chunks.takeSettled(kItems, kB, &rows), QStringLiteral("4"));
        QCOMPARE(rows, 4);
        QVERIFY(chunks.isEmpty());
    }

    void receiptsMatchTheirSendOnly()
    {
        LoadChunks chunks;
        chunks.add(chunk(kB, QStringLiteral("1"), 100, 0, {QStringLiteral("1")}));
        int rows = 0;
        chunks.written({ack(kB, QStringLiteral("1"), 99)});  // an older send of the key
        chunks.written({ack(kC, QStringLiteral("1"), 100)}); // another remote
        InfoMessage other = ack(kB, QStringLiteral("1"), 100);
        other.table = QStringLiteral("orders"); // another table
        chunks.written({other});
        QVERIFY(chunks.takeSettled(kItems, kB, &rows).isNull());
        chunks.written({InfoMessage::error(kB, kItems, QStringLiteral("1"), 100, QStringLiteral("refused"))});
        QCOMPARE(chunks.takeSettled(kItems, kB, &rows), QStringLiteral("1")); // an error settles it too
    }

    void overdueGivesPendingOnceThenOwesOnce()
    {
        LoadChunks chunks;
        chunks.add(chunk(kB, QStringLiteral("2"), 100, 1000, {QStringLiteral("1"), QStringLiteral("2")}));
        chunks.add(chunk(kB, QStringLiteral("4"), 101, 5000, {QStringLiteral("3"), QStringLiteral("4")}));
        chunks.written({ack(kB, QStringLiteral("1"), 100)});
        QVERIFY(chunks.overdue(1000, false).isEmpty()); // sent at 1000: not before 1000
        QList<LoadChunk> slow = chunks.overdue(2000, false);
        QCOMPARE(slow.size(), 1);
        QCOMPARE(slow.first().waiting, QSet<QString>{QStringLiteral("2")});
        QVERIFY(chunks.overdue(2000, false).isEmpty()); // pending rows once per chunk
        int rows = 0;
        QVERIFY(chunks.takeSettled(kItems, kB, &rows).isNull());
        const QList<LoadChunk> lost = chunks.overdue(2000, true);
        QCOMPARE(lost.size(), 1);
        QCOMPARE(lost.first().waiting, QSet<QString>{QStringLiteral("2")});
        QCOMPARE(lost.first().date, qint64(100));
        // Owed through the outbox now: the chunk counts as settled, the next one still waits.
        QCOMPARE(chunks.takeSettled(kItems, kB, &rows), QStringLiteral("2"));
        QCOMPARE(rows, 2);
        QVERIFY(chunks.overdue(2000, true).isEmpty());
        QCOMPARE(chunks.inFlight(kItems, kB), 1);
    }

    void answeredChunksMakeRoomButStayUntilWritten()
    {
        LoadChunks chunks;
        chunks.add(chunk(kB, QStringLiteral("2"), 100, 1000, {QStringLiteral("1"), QStringLiteral("2")}));
        chunks.add(chunk(kB, QStringLiteral("4"), 101, 1000, {QStringLiteral("3"), QStringLiteral("4")}));
        QCOMPARE(chunks.unanswered(kItems, kB), 2);
        QVERIFY(!chunks.answered(kItems, kB, 100, 1)); // one of two
        QVERIFY(!chunks.answered(kItems, kC, 100, 1)); // another remote's
        QVERIFY(!chunks.answered(kItems, kB, 99, 2));  // no chunk of that date
        QVERIFY(chunks.answered(kItems, kB, 100, 1));  // now whole
        QVERIFY(!chunks.answered(kItems, kB, 100, 1)); // once
        QCOMPARE(chunks.unanswered(kItems, kB), 1);
        QCOMPARE(chunks.inFlight(kItems, kB), 2); // its receipts are not written yet
        // Overdue: pending rows only for the chunk still unanswered; the answered one's
        // receipts wait for sync_status and must not be hidden by pending rows.
        const QList<LoadChunk> slow = chunks.overdue(2000, false);
        QCOMPARE(slow.size(), 1);
        QCOMPARE(slow.first().date, qint64(101));
        // Lost: an answered chunk whose receipts were never written is owed again all the same.
        const QList<LoadChunk> lost = chunks.overdue(2000, true);
        QCOMPARE(lost.size(), 2);
        QCOMPARE(chunks.unanswered(kItems, kB), 0);
        int rows = 0;
        QCOMPARE(chunks.takeSettled(kItems, kB, &rows), QStringLiteral("4"));
        QCOMPARE(rows, 4);
    }

    void dropForgetsOnePair()
    {
        LoadChunks chunks;
        chunks.add(chunk(kB, QStringLiteral("1"), 100, 0, {QStringLiteral("1")}));
        chunks.add(chunk(kC, QStringLiteral("1"), 100, 0, {QStringLiteral("1")}));
        chunks.drop(kItems, kB);
        QCOMPARE(chunks.inFlight(kItems, kB), 0);
        QCOMPARE(chunks.inFlight(kItems, kC), 1);
    }
};

QTEST_APPLESS_MAIN(TestLoadChunks)
#include "tst_loadchunks.moc"
