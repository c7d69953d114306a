#include "monitor/RateTracker.h"
#include "monitor/SyncState.h"

#include <QTest>

using namespace mysqlsync;
using namespace mysqlsync::ui;

class TestRateTracker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ratesFromDeltas()
    {
        RateTracker r;
        EngineCounters c;
        c.applied = 100;
        c.sent = 50;
        r.add(c, 1000);
        QCOMPARE(r.rowsInPerSecond(), 0.0); // one report: no delta yet
        c.applied = 300;                    // +200 in 0.5 s
        c.sent = 150;                       // +100 in 0.5 s
        r.add(c, 1500);
        QCOMPARE(r.rowsInPerSecond(), 400.0);
        QCOMPARE(r.rowsOutPerSecond(), 200.0);
        r.idle(2000); // not idle long enough
        QCOMPARE(r.rowsInPerSecond(), 400.0);
        r.idle(4000);
        QCOMPARE(r.rowsInPerSecond(), 0.0);
        QCOMPARE(r.rowsOutPerSecond(), 0.0);
    }
    void totalsSumTheDeltas()
    {
        RateTracker r;
        EngineCounters c;
        c.applied = 500; // the engine's count before we listened is not ours
        c.sent = 40;
        r.add(c, 0);
        QCOMPARE(r.totalIn(), qint64(0));
        c.applied = 520;
        c.sent = 45;
        r.add(c, 200);
        c.applied = 530;
        r.add(c, 200); // same millisecond: no rate, but the rows still count
        QCOMPARE(r.totalIn(), qint64(30));
        QCOMPARE(r.totalOut(), qint64(5));
        r.add(EngineCounters(), 400); // a restarted engine: nothing is taken back
        c = EngineCounters();
        c.applied = 4;
        r.add(c, 600);
        QCOMPARE(r.totalIn(), qint64(34));
        QCOMPARE(r.totalOut(), qint64(5));
        r.reset();
        QCOMPARE(r.totalIn(), qint64(0));
    }
    void restartedEngineGivesNoNegativeRate()
    {
        RateTracker r;
        EngineCounters c;
        c.applied = 1000;
        r.add(c, 0);
        r.add(EngineCounters(), 1000);
        QCOMPARE(r.rowsInPerSecond(), 0.0);
    }
    void stateOrder()
    {
        SyncStateTracker t;
        QCOMPARE(t.state(0), SyncState::Disconnected);
        t.setRunning(true);
        t.setDatabase(true);
        t.setBroker(true);
        QCOMPARE(t.state(0), SyncState::InSync);
        t.setOutboxDepth(QStringLiteral("b"), 3);
        QCOMPARE(t.state(0), SyncState::Syncing);
        t.setRemote(QStringLiteral("b"), false);
        QCOMPARE(t.state(0), SyncState::RemoteOffline);
        t.errorAt(1000);
        QCOMPARE(t.state(2000), SyncState::Error);
        QCOMPARE(t.state(100000), SyncState::RemoteOffline); // errors fade after a minute
        t.setBroker(false);
        QCOMPARE(t.state(100000), SyncState::Disconnected);
        t.setFatal(true);
        QCOMPARE(t.state(100000), SyncState::Error);
    }
};

QTEST_GUILESS_MAIN(TestRateTracker)
#include "tst_ratetracker.moc"
