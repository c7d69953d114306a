// StatusTracker (engine/StatusTracker) while a batch is being written: a `pending` row that
// comes late for a send whose receipt is in that batch (an initial load's chunk answered just
// before its pending rows were due) must not be written after it, or the row would say
// `pending` for good. The writer's server is a closed port: the batch stays "being written"
// for as long as the test looks (its result is never collected).
#include "engine/StatusTracker.h"
#include "engine/StatusWriter.h"
#include "outbox/Outbox.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mysqlsync;

class TestStatusTracker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void latePendingRowDoesNotFollowItsReceipt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Outbox outbox(dir.path(), QStringLiteral("tst-statustracker-outbox"));
        QString error;
        QVERIFY2(outbox.open(&error), qPrintable(error));
        EngineContext ctx;
        ctx.config.clientName = QStringLiteral("site_a");
        ctx.config.remoteClients = {QStringLiteral("site_b")};
        ctx.outbox = &outbox;
        QList<InfoMessage> written;
        ctx.receiptsWritten = [&written](const QList<InfoMessage> &r) { written += r; };
        MysqlConfig closed;
        closed.host = QStringLiteral("127.0.0.1");
        closed.port = 1;
        closed.connectTimeoutMs = 1000;
        StatusWriter writer(closed, QStringLiteral("tst-statustracker-writer"));
        StatusTracker tracker(ctx, &writer);

        const QString items = QStringLiteral("items"), b = QStringLiteral("site_b");
        QString why;
        QVERIFY(tracker.receipt(InfoMessage::dataReceived(b, items, QStringLiteral("1"), 100), &why));
        QCOMPARE(tracker.waitingRows(), 1);
        tracker.flush(); // handed to the writer: being written
        QCOMPARE(tracker.waitingRows(), 0);

        // That send's pending row, or an older one's: its answer is being written, nothing waits.
        tracker.pending(items, QStringLiteral("1"), b, 100);
        tracker.pending(items, QStringLiteral("1"), b, 99);
        QCOMPARE(tracker.waitingRows(), 0);
        // A later send of the row, another row, another remote: their pending rows wait.
        tracker.pending(items, QStringLiteral("1"), b, 101);
        tracker.pending(items, QStringLiteral("2"), b, 100);
        tracker.pending(items, QStringLiteral("1"), QStringLiteral("site_c"), 100);
        QCOMPARE(tracker.waitingRows(), 3);
        tracker.clear();
        outbox.close();
    }
};

QTEST_GUILESS_MAIN(TestStatusTracker)
#include "tst_statustracker.moc"
