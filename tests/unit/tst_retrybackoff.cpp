// RetryBackoff: keys a remote refused for a missing column, sent again after 1, 2, 4 ... 60 s.
#include "engine/RetryBackoff.h"

#include <QTest>

using namespace mysqlsync;

class TestRetryBackoff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void missingColumn()
    {
        QVERIFY(RetryBackoff::isMissingColumn(QStringLiteral("Unknown column \"qty\" in table `items`")));
        QVERIFY(RetryBackoff::isMissingColumn(QStringLiteral("Unknown column 'qty' in 'field list'")));
        QVERIFY(RetryBackoff::isMissingColumn(QStringLiteral("unknown COLUMN 'x'")));
        QVERIFY(!RetryBackoff::isMissingColumn(QStringLiteral("Duplicate entry '1' for key 'PRIMARY'")));
        QVERIFY(!RetryBackoff::isMissingColumn(QString()));
    }

    void delaysDoubleUpToAMinute()
    {
        RetryBackoff b;
        const QList<qint64> delays{1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000, 60000, 60000, 60000};
        QCOMPARE(delays.size(), RetryBackoff::kMaxTries);
        qint64 now = 1000000;
        for (qint64 delay : delays) {
            QVERIFY(b.refused(QStringLiteral("site_b"), QStringLiteral("items"), QStringLiteral("1"), now));
            QVERIFY(b.takeDue(now + delay - 1).isEmpty()); // not a millisecond early
            const auto due = b.takeDue(now + delay);
            QCOMPARE(due.value(QStringLiteral("site_b")).value(QStringLiteral("items")),
                     QStringList{QStringLiteral("1")});
            QVERIFY(b.takeDue(now + delay + 100000).isEmpty()); // taken: waits for the next answer
            now += delay;
        }
        // The 13th refusal: given up (it stays in error for the operator), forgotten.
        QVERIFY(!b.refused(QStringLiteral("site_b"), QStringLiteral("items"), QStringLiteral("1"), now));
        QVERIFY(b.isEmpty());
    }

    void acceptedIsForgotten()
    {
        RetryBackoff b;
        QVERIFY(b.refused(QStringLiteral("site_b"), QStringLiteral("items"), QStringLiteral("1"), 0));
        QVERIFY(b.refused(QStringLiteral("site_c"), QStringLiteral("items"), QStringLiteral("1"), 0));
        QCOMPARE(b.size(), 2);
        b.accepted(QStringLiteral("site_b"), QStringLiteral("items"), QStringLiteral("1"));
        QCOMPARE(b.size(), 1);
        const auto due = b.takeDue(1000);
        QCOMPARE(due.size(), 1);
        QVERIFY(due.contains(QStringLiteral("site_c")));
        // After an acceptance the count starts again: the next refusal waits 1 s.
        QVERIFY(b.refused(QStringLiteral("site_b"), QStringLiteral("items"), QStringLiteral("1"), 5000));
        QVERIFY(b.takeDue(5999).value(QStringLiteral("site_b")).isEmpty());
        QCOMPARE(b.takeDue(6000).value(QStringLiteral("site_b")).value(QStringLiteral("items")).size(), 1);
    }

    void dueGroupedByRemoteAndTable()
    {
        RetryBackoff b;
        for (const char *key : {"1", "2", "3"})
            b.refused(QStringLiteral("site_b"), QStringLiteral("items"), QLatin1String(key), 0);
        b.refused(QStringLiteral("site_b"), QStringLiteral("orders"), QStringLiteral("9"), 0);
        const auto due = b.takeDue(1000);
        QStringList items = due.value(QStringLiteral("site_b")).value(QStringLiteral("items"));
        items.sort();
        QCOMPARE(items, (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
        QCOMPARE(due.value(QStringLiteral("site_b")).value(QStringLiteral("orders")), QStringList{QStringLiteral("9")});
    }

    void bounded()
    {
        RetryBackoff b;
        for (int i = 0; i < RetryBackoff::kMaxEntries; ++i)
            QVERIFY(b.refused(QStringLiteral("site_b"), QStringLiteral("items"), QString::number(i), 0));
        // A flood of refusals: beyond the bound they stay in error, to be resent by hand.
        QVERIFY(!b.refused(QStringLiteral("site_b"), QStringLiteral("items"), QStringLiteral("one more"), 0));
        QCOMPARE(b.size(), RetryBackoff::kMaxEntries);
        // A key already known is still scheduled.
        QVERIFY(b.refused(QStringLiteral("site_b"), QStringLiteral("items"), QStringLiteral("7"), 0));
    }
};

QTEST_GUILESS_MAIN(TestRetryBackoff)
#include "tst_retrybackoff.moc"
