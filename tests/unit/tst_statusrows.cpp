// StatusTracker's write-behind collapse (engine/StatusRows) and the rule it shares with the
// SQL of SyncStatusStore::applyReceipts (SyncStatusStore::keeps, check).
#include "engine/StatusRows.h"

#include <QTest>

using namespace mysqlsync;

namespace {
StatusUpdate update(SyncStatus status, qint64 date, const QString &key = QStringLiteral("1"),
                    const QString &remote = QStringLiteral("site_b"))
{
    return {QStringLiteral("items"),
            key,
            remote,
            status,
            status == SyncStatus::Error ? QStringLiteral("refused") : QString(),
            date};
}

QList<StatusUpdate> pendingOf(const StatusRows &rows)
{
    QList<StatusUpdate> pending;
    rows.split(&pending, nullptr);
    return pending;
}

QList<StatusUpdate> receiptsOf(const StatusRows &rows)
{
    QList<StatusUpdate> receipts;
    rows.split(nullptr, &receipts);
    return receipts;
}
} // namespace

class TestStatusRows : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keepsRule_data()
    {
        QTest::addColumn<int>("stored");
        QTest::addColumn<qint64>("storedDate");
        QTest::addColumn<int>("incoming");
        QTest::addColumn<qint64>("incomingDate");
        QTest::addColumn<bool>("keeps");
        const int ok = int(SyncStatus::Successful), err = int(SyncStatus::Error), pend = int(SyncStatus::Pending);
        QTest::newRow("newer stored wins") << ok << qint64(20) << err << qint64(10) << true;
        QTest::newRow("newer incoming wins") << err << qint64(10) << ok << qint64(20) << false;
        QTest::newRow("same date: error stays over success") << err << qint64(10) << ok << qint64(10) << true;
        QTest::newRow("same date: error replaces success") << ok << qint64(10) << err << qint64(10) << false;
        QTest::newRow("same date: success over pending") << pend << qint64(10) << ok << qint64(10) << false;
        QTest::newRow("same date: error over error") << err << qint64(10) << err << qint64(10) << false;
    }
    void keepsRule()
    {
        QFETCH(int, stored);
        QFETCH(qint64, storedDate);
        QFETCH(int, incoming);
        QFETCH(qint64, incomingDate);
        QFETCH(bool, keeps);
        QCOMPARE(SyncStatusStore::keeps(update(SyncStatus(stored), storedDate),
                                        update(SyncStatus(incoming), incomingDate)),
                 keeps);
    }

    void sentAndAcknowledgedIsWrittenOnce()
    {
        StatusRows rows;
        rows.pending(update(SyncStatus::Pending, 100));
        rows.receipt(update(SyncStatus::Successful, 100));
        QCOMPARE(rows.size(), 1);
        QVERIFY(pendingOf(rows).isEmpty());
        const QList<StatusUpdate> receipts = receiptsOf(rows);
        QCOMPARE(receipts.size(), 1);
        QCOMPARE(receipts.first().status, SyncStatus::Successful);
    }

    void pendingReplacesAllButTheAnswer()
    {
        StatusRows rows;
        rows.receipt(update(SyncStatus::Error, 200));
        // A pending row for that send, or an older one (a load chunk's, written late): the
        // answer stays. Replaced, the row would say `pending` for good.
        rows.pending(update(SyncStatus::Pending, 150));
        rows.pending(update(SyncStatus::Pending, 200));
        QCOMPARE(rows.size(), 1);
        QVERIFY(pendingOf(rows).isEmpty());
        QCOMPARE(receiptsOf(rows).first().status, SyncStatus::Error);
        QCOMPARE(receiptsOf(rows).first().date, qint64(200));
        // Sent again later: the pending row is what counts.
        rows.pending(update(SyncStatus::Pending, 250));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(pendingOf(rows).first().date, qint64(250));
        QVERIFY(receiptsOf(rows).isEmpty());
        // A pending row replaces a pending row, whatever its date.
        rows.pending(update(SyncStatus::Pending, 240));
        QCOMPARE(pendingOf(rows).first().date, qint64(240));
    }

    void olderReceiptDoesNotOverwrite()
    {
        StatusRows rows;
        rows.receipt(update(SyncStatus::Successful, 300));
        rows.receipt(update(SyncStatus::Error, 200)); // late error of an older send
        QCOMPARE(receiptsOf(rows).first().status, SyncStatus::Successful);
        QCOMPARE(receiptsOf(rows).first().date, qint64(300));
        rows.receipt(update(SyncStatus::Error, 300)); // same date: the error wins
        QCOMPARE(receiptsOf(rows).first().status, SyncStatus::Error);
        rows.receipt(update(SyncStatus::Successful, 300)); // ... and stays
        QCOMPARE(receiptsOf(rows).first().status, SyncStatus::Error);
        QCOMPARE(receiptsOf(rows).first().message, QStringLiteral("refused"));
        rows.receipt(update(SyncStatus::Successful, 301));
        QCOMPARE(receiptsOf(rows).first().status, SyncStatus::Successful);
    }

    void rowsAreKeyedByTableKeyAndRemote()
    {
        StatusRows rows;
        rows.pending(update(SyncStatus::Pending, 1, QStringLiteral("1"), QStringLiteral("site_b")));
        rows.pending(update(SyncStatus::Pending, 1, QStringLiteral("1"), QStringLiteral("site_c")));
        rows.pending(update(SyncStatus::Pending, 1, QStringLiteral("2"), QStringLiteral("site_b")));
        StatusUpdate other = update(SyncStatus::Pending, 1);
        other.table = QStringLiteral("orders");
        rows.pending(other);
        QCOMPARE(rows.size(), 4);
        rows.pending(update(SyncStatus::Pending, 2, QStringLiteral("2"), QStringLiteral("site_b")));
        QCOMPARE(rows.size(), 4);
        rows.clear();
        QVERIFY(rows.isEmpty());
    }

    void staleReceiptIsDropped()
    {
        StatusRows rows;
        rows.receipt(update(SyncStatus::Successful, 100));
        rows.dropReceipt(QStringLiteral("items"), QStringLiteral("1"), QStringLiteral("site_b"), 99); // another date
        QCOMPARE(rows.size(), 1);
        rows.dropReceipt(QStringLiteral("items"), QStringLiteral("1"), QStringLiteral("site_b"), 100);
        QVERIFY(rows.isEmpty());
        // A pending row is never dropped as a stale receipt.
        rows.pending(update(SyncStatus::Pending, 100));
        rows.dropReceipt(QStringLiteral("items"), QStringLiteral("1"), QStringLiteral("site_b"), 100);
        QCOMPARE(rows.size(), 1);
    }

    void checkWhatTheTableHolds()
    {
        QVERIFY(SyncStatusStore::check(QStringLiteral("items"), QStringLiteral("1"), QStringLiteral("site_b"), 0)
                    .isEmpty());
        QVERIFY(SyncStatusStore::check(QStringLiteral("items"), QStringLiteral("1"), QStringLiteral("site_b"),
                                       qint64(2147483647) * 1000)
                    .isEmpty());
        QVERIFY(!SyncStatusStore::check(QStringLiteral("items"), QStringLiteral("1"), QStringLiteral("site_b"),
                                        qint64(2147483648) * 1000)
                     .isEmpty());
        QVERIFY(!SyncStatusStore::check(QStringLiteral("items"), QStringLiteral("1"), QStringLiteral("site_b"), -1)
                     .isEmpty());
        QVERIFY(!SyncStatusStore::check(QString(), QStringLiteral("1"), QStringLiteral("site_b"), 0).isEmpty());
        QVERIFY(!SyncStatusStore::check(QStringLiteral("items"), QString(256, QLatin1Char('k')),
                                        QStringLiteral("site_b"), 0)
                     .isEmpty());
        QVERIFY(
            SyncStatusStore::check(QStringLiteral("items"), QString(255, QLatin1Char('k')), QStringLiteral("site_b"), 0)
                .isEmpty());
        QVERIFY(!SyncStatusStore::check(QStringLiteral("items"), QStringLiteral("1"), QString(33, QLatin1Char('r')), 0)
                     .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStatusRows)
#include "tst_statusrows.moc"
