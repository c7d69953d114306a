// RemoteNotifier with a fake clock: what is told, when, and what is not (the start, flaps,
// clients that are not our remotes, anything after the engine stopped); bursts become one
// notification; a remote is named at most once a minute.
#include "monitor/RemoteNotifier.h"

#include <QSignalSpy>
#include <QTest>

using namespace mysqlsync::ui;

namespace {
const QString B = QStringLiteral("site_b");
const QString C = QStringLiteral("site_c");
const QString D = QStringLiteral("site_d");
} // namespace

class TestRemoteNotifier : public QObject {
    Q_OBJECT
private:
    qint64 now = 0;
    // Started at 0 with site_b/c/d, the start-up grace over at 30 s, every remote online
    // (found during the grace: no notification).
    void startAllOnline(RemoteNotifier &n)
    {
        now = 0;
        n.setClock([this] { return now; });
        n.start({B, C, D});
        for (const QString &r : {B, C, D})
            n.onRemoteState(r, true, now + 5000);
        QCOMPARE(n.nextDueMs(), qint64(-1));
        now = 40000;
    }

private Q_SLOTS:
    void offlineIsToldAfterTheCoalescingDelay()
    {
        RemoteNotifier n;
        QSignalSpy spy(&n, &RemoteNotifier::notification);
        startAllOnline(n);
        n.onRemoteState(B, true, now + 5000); // a heartbeat: no change
        QCOMPARE(n.nextDueMs(), qint64(-1));
        n.onRemoteState(B, false);
        QCOMPARE(n.nextDueMs(), now + 3000);
        n.deliverDue(); // not yet
        QCOMPARE(spy.count(), 0);
        now += 3000;
        n.deliverDue();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("site_b is offline"));
        QVERIFY(spy.at(0).at(1).toString().contains(QStringLiteral("outbox")));
        QCOMPARE(spy.at(0).at(2).toBool(), true);
        QCOMPARE(n.nextDueMs(), qint64(-1));
        n.deliverDue(); // nothing more
        QCOMPARE(spy.count(), 1);
    }

    void atMostOncePerRemotePerMinute()
    {
        RemoteNotifier n;
        QSignalSpy spy(&n, &RemoteNotifier::notification);
        startAllOnline(n);
        const qint64 t0 = now;
        n.onRemoteState(B, false);
        now += 3000;
        n.deliverDue();
        QCOMPARE(spy.count(), 1); // told at t0 + 3 s
        now += 2000;
        n.onRemoteState(B, true, now + 5000); // back after 5 s: waits for the minute
        QCOMPARE(n.nextDueMs(), t0 + 3000 + 60000);
        now += 30000;
        n.deliverDue();
        QCOMPARE(spy.count(), 1);
        now = t0 + 3000 + 60000;
        n.deliverDue();
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("site_b is back online"));
        QCOMPARE(spy.at(1).at(2).toBool(), false);
    }

    void flappingBackIsNotTold()
    {
        RemoteNotifier n;
        QSignalSpy spy(&n, &RemoteNotifier::notification);
        startAllOnline(n);
        // Off and on within the coalescing delay: the user knows it online, it is online.
        n.onRemoteState(C, false);
        now += 1000;
        n.onRemoteState(C, true, now + 5000);
        QCOMPARE(n.nextDueMs(), qint64(-1));
        now += 10000;
        n.deliverDue();
        QCOMPARE(spy.count(), 0);

        // Told offline; then many flaps within the minute ending offline: nothing more.
        n.onRemoteState(C, false);
        now += 3000;
        n.deliverDue();
        QCOMPARE(spy.count(), 1);
        for (int i = 0; i < 10; ++i) {
            now += 2000;
            n.onRemoteState(C, true, now + 5000);
            now += 2000;
            n.onRemoteState(C, false);
        }
        now += 120000;
        n.deliverDue();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(n.nextDueMs(), qint64(-1));
    }

    void burstsBecomeOneNotification()
    {
        RemoteNotifier n;
        QSignalSpy spy(&n, &RemoteNotifier::notification);
        startAllOnline(n);
        // Our broker connection drops: every remote goes offline within a moment.
        n.onRemoteState(D, false);
        now += 500;
        n.onRemoteState(B, false);
        now += 2600; // D is due; B's delay is not over, it joins
        n.onRemoteState(C, false);
        n.deliverDue();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("3 remotes changed state"));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("Offline: site_b, site_c, site_d"));
        QCOMPARE(spy.at(0).at(2).toBool(), true);
        QCOMPARE(n.nextDueMs(), qint64(-1));

        // They come back at once: one notification again, when the minute is over.
        now += 10000;
        for (const QString &r : {B, C, D})
            n.onRemoteState(r, true, now + 5000);
        now += 60000;
        n.deliverDue();
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("Back online: site_b, site_c, site_d"));
        QCOMPARE(spy.at(1).at(2).toBool(), false);
    }

    void mixedBurstNamesBothKinds()
    {
        RemoteNotifier n;
        QSignalSpy spy(&n, &RemoteNotifier::notification);
        startAllOnline(n);
        n.onRemoteState(B, false);
        now += 3000;
        n.deliverDue();
        now += 60000;
        n.onRemoteState(B, true, now + 5000);
        n.onRemoteState(C, false);
        now += 3000;
        n.deliverDue();
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("2 remotes changed state"));
        QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("Offline: site_c\nBack online: site_b"));
    }

    void theStartIsNoNewsButALateArrivalIs()
    {
        RemoteNotifier n;
        QSignalSpy spy(&n, &RemoteNotifier::notification);
        now = 1000;
        n.setClock([this] { return now; });
        n.start({B, C});
        n.onRemoteState(B, true, now + 5000); // found at start
        now += 60000;                         // the grace is over; C was never seen
        n.onRemoteState(C, true, now + 5000);
        now += 3000;
        n.deliverDue();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("site_c is online"));
        QCOMPARE(spy.at(0).at(2).toBool(), false);
    }

    void othersAndStoppedEnginesAreIgnored()
    {
        RemoteNotifier n;
        QSignalSpy spy(&n, &RemoteNotifier::notification);
        startAllOnline(n);
        n.onRemoteState(QStringLiteral("someone_else"), true, now + 5000);
        n.onRemoteState(QStringLiteral("someone_else"), false);
        QCOMPARE(n.nextDueMs(), qint64(-1));
        // The engine stops: its remotes going offline on the way is not told.
        n.onRemoteState(B, false);
        n.stop();
        QCOMPARE(n.nextDueMs(), qint64(-1));
        n.onRemoteState(C, false);
        now += 10000;
        n.deliverDue();
        QCOMPARE(spy.count(), 0);
    }

    void theTimerDeliversOnItsOwn()
    {
        RemoteNotifier n; // the real clock
        n.setCoalesceMs(50);
        QSignalSpy spy(&n, &RemoteNotifier::notification);
        n.setStartGraceMs(0);
        n.start({B});
        n.onRemoteState(B, true, 0);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 2000);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("site_b is online"));
    }
};

QTEST_GUILESS_MAIN(TestRemoteNotifier)
#include "tst_remotenotifier.moc"
