// Unit tests for core/engine/RemotePaths: which path each remote is served on (issue 13), the
// traffic counted per path, and the check that refuses a batch receipt naming a row the batch
// of its date never carried.
#include "engine/RemotePaths.h"

#include <QTest>

#include <algorithm>

using namespace mysqlsync;

Q_DECLARE_METATYPE(mysqlsync::RemotePaths::Path)

namespace {
const QString kB = QStringLiteral("site_b");
const QString kC = QStringLiteral("site_c");
constexpr qint64 kNow = 1700000000000;

ext::Announcement hello(const QString &sender, const QStringList &capabilities, int protocol = 1)
{
    ext::Announcement a;
    a.sender = sender;
    a.protocol = protocol;
    a.capabilities = capabilities;
    a.site = QStringLiteral("id-") + sender;
    return a;
}
const QStringList kBatchZlib{QStringLiteral("batch"), QStringLiteral("zlib")};

// A summary receipt from site_b of batch `number`, sent at `date` with `count` rows.
ext::ReceiptBatch summaryOf(qint64 number, qint64 date, int count)
{
    ext::ReceiptBatch summary;
    summary.sender = kB;
    summary.batch = number;
    summary.date = date;
    summary.rows = count;
    return summary;
}

QList<ChangeMessage> rows(const QString &table, int from, int to)
{
    QList<ChangeMessage> out;
    for (int i = from; i < to; ++i) {
        ChangeMessage c;
        c.table = table;
        c.id = QString::number(i);
        out << c;
    }
    return out;
}
} // namespace

class TestRemotePaths : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nothingAnnouncedIsPerRow()
    {
        RemotePaths paths;
        QCOMPARE(paths.path(kB, kNow), RemotePaths::Path::PerRow);
        QVERIFY(!paths.batches(kB, kNow));
        QVERIFY(!paths.compresses(kB, kNow));
        QVERIFY(paths.site(kB).isEmpty());
        QVERIFY(!paths.wentOffline(kB, kNow)); // nothing to forget, no change
        QCOMPARE(paths.path(kB, kNow), RemotePaths::Path::PerRow);
        QCOMPARE(paths.traffic(kB, RemotePaths::Path::Batch).messages, 0);
        QCOMPARE(RemotePaths::name(RemotePaths::Path::PerRow), QStringLiteral("per-row"));
        QCOMPARE(RemotePaths::name(RemotePaths::Path::Batch), QStringLiteral("batch"));
    }

    void announcedPath_data()
    {
        QTest::addColumn<QStringList>("capabilities");
        QTest::addColumn<int>("protocol");
        QTest::addColumn<RemotePaths::Path>("path");
        QTest::addColumn<bool>("compresses");
        const auto batch = RemotePaths::Path::Batch, perRow = RemotePaths::Path::PerRow;
        QTest::newRow("batch and zlib") << kBatchZlib << 1 << batch << true;
        QTest::newRow("batch only") << QStringList{QStringLiteral("batch")} << 1 << batch << false;
        QTest::newRow("zlib only") << QStringList{QStringLiteral("zlib")} << 1 << perRow << false;
        QTest::newRow("nothing") << QStringList{} << 1 << perRow << false;
        QTest::newRow("unknown capabilities only")
            << QStringList{QStringLiteral("stream"), QStringLiteral("Batch")} << 1 << perRow << false;
        QTest::newRow("newer protocol with batch") << kBatchZlib << 2 << batch << true;
        QTest::newRow("protocol 0 with batch") << kBatchZlib << 0 << perRow << false;
    }
    void announcedPath()
    {
        QFETCH(QStringList, capabilities);
        QFETCH(int, protocol);
        QFETCH(RemotePaths::Path, path);
        QFETCH(bool, compresses);
        RemotePaths paths;
        QCOMPARE(paths.announced(hello(kB, capabilities, protocol), kNow + 10000, kNow),
                 path == RemotePaths::Path::Batch);
        QCOMPARE(paths.path(kB, kNow), path);
        QCOMPARE(paths.compresses(kB, kNow), compresses);
        QCOMPARE(paths.site(kB), QStringLiteral("id-site_b"));
        QCOMPARE(paths.path(kC, kNow), RemotePaths::Path::PerRow); // one remote's word is its own
    }

    void announcementLapses()
    {
        RemotePaths paths;
        QVERIFY(paths.announced(hello(kB, kBatchZlib), kNow + 1000, kNow));
        QCOMPARE(paths.path(kB, kNow + 999), RemotePaths::Path::Batch);
        QVERIFY(paths.compresses(kB, kNow + 999));
        QCOMPARE(paths.path(kB, kNow + 1000), RemotePaths::Path::PerRow); // the deadline itself is past
        QVERIFY(!paths.compresses(kB, kNow + 1000));
        // The next announcement, beside the next heartbeat, renews it.
        QVERIFY(!paths.announced(hello(kB, kBatchZlib), kNow + 2000, kNow + 500)); // still batch: no change
        QCOMPARE(paths.path(kB, kNow + 1500), RemotePaths::Path::Batch);
        QVERIFY(paths.announced(hello(kB, kBatchZlib), kNow + 5000, kNow + 3000)); // had lapsed: a change
        QCOMPARE(paths.path(kB, kNow + 4999), RemotePaths::Path::Batch);
        // An announcement whose deadline is already past changes nothing.
        QVERIFY(!paths.announced(hello(kC, kBatchZlib), kNow, kNow));
        QCOMPARE(paths.path(kC, kNow), RemotePaths::Path::PerRow);
    }

    void wentOfflineIsPerRowAtOnce()
    {
        RemotePaths paths;
        paths.announced(hello(kB, kBatchZlib), kNow + 60000, kNow);
        paths.announced(hello(kC, kBatchZlib), kNow + 60000, kNow);
        QVERIFY(paths.wentOffline(kB, kNow + 1));
        QCOMPARE(paths.path(kB, kNow + 1), RemotePaths::Path::PerRow);
        QVERIFY(!paths.compresses(kB, kNow + 1));
        QCOMPARE(paths.path(kC, kNow + 1), RemotePaths::Path::Batch); // the other remote keeps its path
        QVERIFY(!paths.wentOffline(kB, kNow + 2));                    // already per-row
        QCOMPARE(paths.site(kB), QStringLiteral("id-site_b"));        // its identity is remembered
        // Back online, it is per-row until it announces again in this online period.
        QCOMPARE(paths.path(kB, kNow + 3), RemotePaths::Path::PerRow);
        QVERIFY(paths.announced(hello(kB, kBatchZlib), kNow + 60000, kNow + 4));
        QCOMPARE(paths.path(kB, kNow + 4), RemotePaths::Path::Batch);
    }

    void rolledBackAnnouncementIsPerRow()
    {
        // A remote restarted as an older engine of ours that no longer speaks "batch".
        RemotePaths paths;
        paths.announced(hello(kB, kBatchZlib), kNow + 60000, kNow);
        QVERIFY(paths.announced(hello(kB, {}), kNow + 60000, kNow + 1));
        QCOMPARE(paths.path(kB, kNow + 1), RemotePaths::Path::PerRow);
        QVERIFY(!paths.compresses(kB, kNow + 1));
    }

    void traffic()
    {
        RemotePaths paths;
        paths.sent(kB, RemotePaths::Path::PerRow, 1, 120);
        paths.sent(kB, RemotePaths::Path::PerRow, 1, 130);
        paths.sent(kB, RemotePaths::Path::Batch, 500, 40000);
        paths.sent(kC, RemotePaths::Path::Batch, 3, 300);
        const RemotePaths::Traffic perRow = paths.traffic(kB, RemotePaths::Path::PerRow);
        QCOMPARE(perRow.messages, 2);
        QCOMPARE(perRow.rows, 2);
        QCOMPARE(perRow.bytes, 250);
        const RemotePaths::Traffic batch = paths.traffic(kB, RemotePaths::Path::Batch);
        QCOMPARE(batch.messages, 1);
        QCOMPARE(batch.rows, 500);
        QCOMPARE(batch.bytes, 40000);
        QCOMPARE(paths.traffic(kC, RemotePaths::Path::Batch).rows, 3);
        QCOMPARE(paths.traffic(kC, RemotePaths::Path::PerRow).messages, 0);
        // Counting traffic does not make a path: nothing was announced.
        QCOMPARE(paths.path(kB, kNow), RemotePaths::Path::PerRow);
        // Going offline keeps the counts.
        paths.wentOffline(kB, kNow);
        QCOMPARE(paths.traffic(kB, RemotePaths::Path::Batch).rows, 500);
    }

    void receiptsNameOnlyRowsTheBatchCarried()
    {
        RemotePaths paths;
        const qint64 date = 1000;
        paths.sentBatch(kB, date, rows(QStringLiteral("items"), 0, 10));
        paths.sentBatch(kB, date, rows(QStringLiteral("items"), 10, 12)); // a second batch of the same send
        paths.sentBatch(kB, date, rows(QStringLiteral("other"), 0, 1));
        // Carried.
        QVERIFY(paths.couldHaveSent(kB, QStringLiteral("items"), QStringLiteral("0"), date));
        QVERIFY(paths.couldHaveSent(kB, QStringLiteral("items"), QStringLiteral("11"), date));
        QVERIFY(paths.couldHaveSent(kB, QStringLiteral("other"), QStringLiteral("0"), date));
        // Never carried at that date: a receipt for them is refused.
        QVERIFY(!paths.couldHaveSent(kB, QStringLiteral("items"), QStringLiteral("12"), date));
        QVERIFY(!paths.couldHaveSent(kB, QStringLiteral("other"), QStringLiteral("1"), date));
        QVERIFY(!paths.couldHaveSent(kB, QStringLiteral("nope"), QStringLiteral("0"), date));
        QVERIFY(!paths.couldHaveSent(kB, QStringLiteral("Items"), QStringLiteral("0"), date));
        QVERIFY(!paths.couldHaveSent(kB, QStringLiteral("items"), QString(), date));
        // Dates it does not remember, and remotes it never sent batches to, are left to the outbox.
        QVERIFY(paths.couldHaveSent(kB, QStringLiteral("items"), QStringLiteral("12"), date + 1));
        QVERIFY(paths.couldHaveSent(kC, QStringLiteral("items"), QStringLiteral("12"), date));
        // What was sent to one remote says nothing about another's receipts at that date.
        paths.sentBatch(kC, date, rows(QStringLiteral("items"), 100, 101));
        QVERIFY(!paths.couldHaveSent(kC, QStringLiteral("items"), QStringLiteral("0"), date));
        QVERIFY(paths.couldHaveSent(kC, QStringLiteral("items"), QStringLiteral("100"), date));
    }

    void rememberedRowsAreBounded()
    {
        const qsizetype bound = RemotePaths::kRememberedRows;
        RemotePaths paths;
        paths.sentBatch(kB, 1, rows(QStringLiteral("items"), 0, 10));
        paths.sentBatch(kB, 2, rows(QStringLiteral("items"), 0, 10));
        QVERIFY(!paths.couldHaveSent(kB, QStringLiteral("items"), QStringLiteral("99"), 1));
        // Up to the bound, everything is remembered.
        paths.sentBatch(kB, 3, rows(QStringLiteral("items"), 0, int(bound - 20)));
        QVERIFY(!paths.couldHaveSent(kB, QStringLiteral("items"), QStringLiteral("99999999"), 1));
        QVERIFY(!paths.couldHaveSent(kB, QStringLiteral("items"), QStringLiteral("99999999"), 3));
        // One row more: the oldest date is forgotten (its receipts go back to the outbox's rules),
        // the newer ones are still checked.
        paths.sentBatch(kB, 4, rows(QStringLiteral("items"), 0, 1));
        QVERIFY(paths.couldHaveSent(kB, QStringLiteral("items"), QStringLiteral("99"), 1));
        QVERIFY(!paths.couldHaveSent(kB, QStringLiteral("items"), QStringLiteral("99"), 2));
        QVERIFY(!paths.couldHaveSent(kB, QStringLiteral("items"), QStringLiteral("99999999"), 3));
        QVERIFY(!paths.couldHaveSent(kB, QStringLiteral("items"), QStringLiteral("1"), 4));
        // A send bigger than the bound pushes out every older date but is itself kept.
        paths.sentBatch(kB, 5, rows(QStringLiteral("items"), 0, int(bound + 5)));
        QVERIFY(paths.couldHaveSent(kB, QStringLiteral("items"), QStringLiteral("99"), 2));
        QVERIFY(paths.couldHaveSent(kB, QStringLiteral("items"), QStringLiteral("1"), 4));
        QVERIFY(paths.couldHaveSent(kB, QStringLiteral("items"), QString::number(bound + 4), 5));
        QVERIFY(!paths.couldHaveSent(kB, QStringLiteral("items"), QString::number(bound + 5), 5));
        // Another remote's memory is its own.
        paths.sentBatch(kC, 1, rows(QStringLiteral("items"), 0, 1));
        QVERIFY(!paths.couldHaveSent(kC, QStringLiteral("items"), QStringLiteral("99"), 1));
    }

    void summaryStandsForItsBatchRows()
    {
        RemotePaths paths;
        paths.sentBatch(kB, 100, rows(QStringLiteral("items"), 0, 4), 77);
        paths.sentBatch(kB, 100, rows(QStringLiteral("items"), 4, 6), 78); // the same send's next batch
        ext::ReceiptBatch summary = summaryOf(77, 100, 4);
        summary.receipts = {
            InfoMessage::error(kB, QStringLiteral("items"), QStringLiteral("2"), 100, QStringLiteral("refused"))};
        QList<InfoMessage> out;
        QString why;
        QStringList skipped;
        QVERIFY2(paths.expand(kB, summary, &out, &why, &skipped), qPrintable(why));
        QVERIFY(skipped.isEmpty());
        // Batch 77's rows, in order, and only those: the error where listed, received otherwise.
        QCOMPARE(out.size(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(out.at(i).id, QString::number(i));
            QCOMPARE(out.at(i).sender, kB);
            QCOMPARE(out.at(i).date, qint64(100));
            QCOMPARE(out.at(i).kind, i == 2 ? InfoKind::Error : InfoKind::DataReceived);
        }
        QCOMPARE(out.at(2).message, QStringLiteral("refused"));
    }

    void summaryThatDoesNotMatchIsRefused()
    {
        RemotePaths paths;
        paths.sentBatch(kB, 100, rows(QStringLiteral("items"), 0, 4), 77);
        ext::ReceiptBatch summary = summaryOf(77, 100, 4);
        QList<InfoMessage> out;
        QString why;
        QStringList skipped;
        // Another size, another date, a number never sent, another remote: nothing is taken.
        summary.rows = 5;
        QVERIFY(!paths.expand(kB, summary, &out, &why, &skipped));
        QVERIFY2(why.contains(QStringLiteral("says 5 row(s) sent at 100; the batch held 4 sent at 100")),
                 qPrintable(why));
        summary.rows = 4;
        summary.date = 101;
        QVERIFY(!paths.expand(kB, summary, &out, &why, &skipped));
        summary.date = 100;
        summary.batch = 76;
        QVERIFY(!paths.expand(kB, summary, &out, &why, &skipped));
        QVERIFY2(why.contains(QStringLiteral("batch 76 is not one this engine sent lately")), qPrintable(why));
        summary.batch = 77;
        QVERIFY(!paths.expand(kC, summary, &out, &why, &skipped));
        QVERIFY(out.isEmpty());
        // An error for a row the batch did not carry is named and left out; the rest counts.
        summary.receipts = {InfoMessage::error(kB, QStringLiteral("items"), QStringLiteral("9"), 100, QString())};
        QVERIFY2(paths.expand(kB, summary, &out, &why, &skipped), qPrintable(why));
        QCOMPARE(out.size(), 4);
        QVERIFY(std::all_of(out.cbegin(), out.cend(),
                            [](const InfoMessage &r) { return r.kind == InfoKind::DataReceived; }));
        QCOMPARE(skipped.size(), 1);
        QVERIFY2(skipped.first().contains(QStringLiteral("items 9, which the batch did not carry")),
                 qPrintable(skipped.first()));
    }

    void numberedBatchesAreBounded()
    {
        const qsizetype bound = RemotePaths::kRememberedRows;
        RemotePaths paths;
        paths.sentBatch(kB, 1, rows(QStringLiteral("items"), 0, 10), 1);
        paths.sentBatch(kB, 2, rows(QStringLiteral("items"), 0, int(bound - 10)), 2);
        ext::ReceiptBatch summary = summaryOf(1, 1, 10);
        QList<InfoMessage> out;
        QString why;
        QStringList skipped;
        QVERIFY(paths.expand(kB, summary, &out, &why, &skipped));
        // One row more: the oldest batch is forgotten, its summary no longer taken.
        paths.sentBatch(kB, 3, rows(QStringLiteral("items"), 0, 1), 3);
        QVERIFY(!paths.expand(kB, summary, &out, &why, &skipped));
        summary.batch = 3;
        summary.date = 3;
        summary.rows = 1;
        QVERIFY(paths.expand(kB, summary, &out, &why, &skipped));
    }
};

QTEST_GUILESS_MAIN(TestRemotePaths)
#include "tst_remotepaths.moc"
