// ConflictNotifier: conflicts detected are told at once, those within the next minute together
// when it ends (added up, with the open count of then); settlements alone say nothing.
#include "monitor/ConflictNotifier.h"

#include <QSignalSpy>
#include <QTest>

using namespace mysqlsync::ui;

class TestConflictNotifier : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstAtOnceThenOnePerMinute()
    {
        qint64 now = 5000000;
        ConflictNotifier n;
        n.setClock([&] { return now; });
        QSignalSpy told(&n, &ConflictNotifier::notification);
        n.onConflicts(4, 0); // the count at connect
        QCOMPARE(told.count(), 0);
        n.onConflicts(5, 1);
        QCOMPARE(told.count(), 1);
        QVERIFY2(told.last().at(1).toString().contains(QStringLiteral("1 new conflict")),
                 qPrintable(told.last().at(1).toString()));
        for (int i = 0; i < 40; ++i) {
            now += 1000;
            n.onConflicts(6 + i, 1);
        }
        n.onConflicts(30, 0); // settled some
        QCOMPARE(told.count(), 1);
        QCOMPARE(n.nextDueMs(), qint64(5000000 + 60000));
        now = 5000000 + 59999;
        n.deliverDue();
        QCOMPARE(told.count(), 1);
        now = 5000000 + 60000;
        n.deliverDue();
        QCOMPARE(told.count(), 2);
        const QString summary = told.last().at(1).toString();
        QVERIFY2(summary.contains(QStringLiteral("40 new conflict")) && summary.contains(QStringLiteral("30 open")),
                 qPrintable(summary));
        n.deliverDue();
        QCOMPARE(told.count(), 2);
        // After a quiet minute, at once again; reset() forgets what waits.
        now += 60000;
        n.onConflicts(31, 1);
        QCOMPARE(told.count(), 3);
        n.onConflicts(32, 1);
        n.reset();
        QCOMPARE(n.nextDueMs(), qint64(-1));
        now += 120000;
        n.deliverDue();
        QCOMPARE(told.count(), 3);
    }

    void theTimerDelivers()
    {
        ConflictNotifier n;
        n.setIntervalMs(200);
        QSignalSpy told(&n, &ConflictNotifier::notification);
        n.onConflicts(1, 1);
        n.onConflicts(3, 2);
        QCOMPARE(told.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(told.count(), 2, 5000);
        QVERIFY(told.last().at(1).toString().contains(QStringLiteral("2 new conflict")));
    }
};

QTEST_GUILESS_MAIN(TestConflictNotifier)
#include "tst_conflictnotifier.moc"
