// NotificationPacer: the first event after a quiet interval is told at once, the ones within the
// interval are summed and told once when it ends (by the timer too), reset forgets them.
#include "monitor/NotificationPacer.h"

#include <QSignalSpy>
#include <QTest>

using namespace mysqlsync::ui;

class TestNotificationPacer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstAtOnceTheRestSummedOncePerInterval()
    {
        qint64 now = 1000000;
        NotificationPacer pacer;
        pacer.setClock([&] { return now; });
        pacer.setIntervalMs(60000);
        QSignalSpy due(&pacer, &NotificationPacer::due);
        QVERIFY(pacer.offer());
        QCOMPARE(pacer.nextDueMs(), qint64(-1));

        now += 1000;
        QVERIFY(!pacer.offer(3));
        now += 1000;
        QVERIFY(!pacer.offer(2));
        QCOMPARE(pacer.nextDueMs(), qint64(1000000 + 60000));
        pacer.deliverDue(); // the interval is not over
        QCOMPARE(due.count(), 0);

        now = 1000000 + 60000;
        pacer.deliverDue();
        QCOMPARE(due.count(), 1);
        QCOMPARE(due.last().at(0).toInt(), 5);
        QCOMPARE(pacer.nextDueMs(), qint64(-1));
        pacer.deliverDue(); // nothing waits: nothing more
        QCOMPARE(due.count(), 1);

        // That telling started a new interval.
        now += 10;
        QVERIFY(!pacer.offer());
        QCOMPARE(pacer.nextDueMs(), now - 10 + 60000);
        now += 60000;
        pacer.deliverDue();
        QCOMPARE(due.count(), 2);
        QCOMPARE(due.last().at(0).toInt(), 1);
    }

    void resetForgetsWhatWaits()
    {
        qint64 now = 5000;
        NotificationPacer pacer;
        pacer.setClock([&] { return now; });
        QSignalSpy due(&pacer, &NotificationPacer::due);
        QVERIFY(pacer.offer());
        QVERIFY(!pacer.offer());
        pacer.reset();
        QCOMPARE(pacer.nextDueMs(), qint64(-1));
        now += 120000;
        pacer.deliverDue();
        QCOMPARE(due.count(), 0);
        QVERIFY(pacer.offer()); // after a reset, at once
    }

    void theTimerDeliversWhenTheIntervalEnds()
    {
        NotificationPacer pacer; // the real clock
        pacer.setIntervalMs(200);
        QSignalSpy due(&pacer, &NotificationPacer::due);
        QVERIFY(pacer.offer());
        QVERIFY(!pacer.offer(4));
        QVERIFY(due.wait(5000));
        QCOMPARE(due.last().at(0).toInt(), 4);
    }
};

QTEST_GUILESS_MAIN(TestNotificationPacer)
#include "tst_notificationpacer.moc"
