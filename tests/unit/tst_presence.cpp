// Presence: heartbeat timing and online/offline tracking (docs/protocol.md, "Presence").
#include "mqtt/Presence.h"
#include "protocol/Messages.h"

#include <QSignalSpy>
#include <QTest>

using namespace mysqlsync;

class TestPresence : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void heartbeatFollowsTheEarlierEngine_data();
    void heartbeatFollowsTheEarlierEngine();
    void resetMakesTheNextHeartbeatDue();
    void connectedMakesOnlineUntilUntil();
    void connectionLostIsOfflineAtOnce();
    void ownMessagesAreIgnored();
    void unknownSendersAreIgnored();
    void receiptsDoNotChangePresence();
    void forgetAllAndNextExpiry();
    void clockSkew_data();
    void clockSkew();
    void longerCheckIntervalIsTrusted();
    void connectionLostWithSkew();
    void aSingleFarUntilIsTrusted();
};

void TestPresence::heartbeatFollowsTheEarlierEngine_data()
{
    QTest::addColumn<int>("checkInterval");
    QTest::newRow("100 ms") << 100;
    QTest::newRow("1000 ms") << 1000;
    QTest::newRow("5000 ms") << 5000;
}

void TestPresence::heartbeatFollowsTheEarlierEngine()
{
    QFETCH(int, checkInterval);
    Presence p(QStringLiteral("site_a"), {QStringLiteral("site_b")}, checkInterval);
    const qint64 t0 = 1767225600000;
    auto first = p.heartbeatDue(t0);
    QVERIFY(first.has_value());
    // next = now + checkInterval + 2000; until = next + checkInterval + 1000
    QCOMPARE(*first, t0 + checkInterval + 2000 + checkInterval + 1000);
    // Not due again until now > next.
    QVERIFY(!p.heartbeatDue(t0 + 1).has_value());
    QVERIFY(!p.heartbeatDue(t0 + checkInterval + 2000).has_value());
    auto second = p.heartbeatDue(t0 + checkInterval + 2001);
    QVERIFY(second.has_value());
    QCOMPARE(*second, t0 + checkInterval + 2001 + checkInterval + 2000 + checkInterval + 1000);
}

void TestPresence::resetMakesTheNextHeartbeatDue()
{
    Presence p(QStringLiteral("site_a"), {}, 1000);
    QVERIFY(p.heartbeatDue(1000000).has_value());
    QVERIFY(!p.heartbeatDue(1000001).has_value());
    p.resetHeartbeat();
    QVERIFY(p.heartbeatDue(1000002).has_value());
}

void TestPresence::connectedMakesOnlineUntilUntil()
{
    Presence p(QStringLiteral("site_a"), {QStringLiteral("site_b")}, 1000);
    QSignalSpy spy(&p, &Presence::remoteStateChanged);
    const qint64 now = 5000000;
    QVERIFY(!p.isOnline(QStringLiteral("site_b"), now));
    QVERIFY(p.handle(InfoMessage::connected(QStringLiteral("site_b"), now + 4000), now));
    QVERIFY(p.isOnline(QStringLiteral("site_b"), now));
    QVERIFY(p.isOnline(QStringLiteral("site_b"), now + 3999));
    QVERIFY(!p.isOnline(QStringLiteral("site_b"), now + 4000));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("site_b"));
    QCOMPARE(spy.at(0).at(1).toBool(), true);
    QCOMPARE(spy.at(0).at(2).toLongLong(), now + 4000);
    // A later heartbeat moves `until` on without a state change.
    QVERIFY(!p.handle(InfoMessage::connected(QStringLiteral("site_b"), now + 8000), now + 3000));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(1).toBool(), true);
    p.expire(now + 7999);
    QVERIFY(p.isOnline(QStringLiteral("site_b"), now + 7999));
    p.expire(now + 8000);
    QVERIFY(!p.isOnline(QStringLiteral("site_b"), now + 8000));
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(1).toBool(), false);
    // A heartbeat whose `until` has passed comes from a clock that is behind ours: online for
    // the lead of the heartbeat rule (2 * 1000 + 3000), in our clock.
    QVERIFY(p.handle(InfoMessage::connected(QStringLiteral("site_b"), now + 100), now + 9000));
    QVERIFY(p.isOnline(QStringLiteral("site_b"), now + 13999));
    QVERIFY(!p.isOnline(QStringLiteral("site_b"), now + 14000));
}

namespace {
// A remote whose clock is `skew` ms off ours, following the heartbeat rule with `ci`: it sends
// at our times `start`, `start + period`, ... `count` heartbeats. Returns the last send time.
qint64 heartbeats(Presence &p, qint64 skew, int ci, qint64 start, int count, qint64 period)
{
    qint64 t = start;
    for (int i = 0; i < count; ++i, t += period) {
        p.expire(t);
        p.handle(InfoMessage::connected(QStringLiteral("site_b"), t + skew + 2 * ci + 3000), t);
    }
    return t - period;
}
} // namespace

void TestPresence::clockSkew_data()
{
    QTest::addColumn<qint64>("skew");
    QTest::newRow("remote 60 s behind") << qint64(-60000);
    QTest::newRow("in step") << qint64(0);
    QTest::newRow("remote 60 s ahead") << qint64(60000);
    QTest::newRow("remote 30 s behind") << qint64(-30000);
}

// Heartbeats every 3 s (checkInterval 500) keep the remote online whatever the skew, between
// heartbeats too (heartbeats() calls expire() before each); the skew is measured; and once they stop, it goes offline on time: within
// the rule's lead (4 s) of its last heartbeat, not a minute early or late.
void TestPresence::clockSkew()
{
    QFETCH(qint64, skew);
    const int ci = 500;
    Presence p(QStringLiteral("site_a"), {QStringLiteral("site_b")}, ci);
    QSignalSpy skews(&p, &Presence::remoteClockSkew);
    const qint64 t0 = 1767225600000;
    const qint64 period = 3000;
    const qint64 last = heartbeats(p, skew, ci, t0, 20, period);
    QVERIFY(p.isOnline(QStringLiteral("site_b"), last + period - 1));
    QCOMPARE(skews.count(), 20);
    QCOMPARE(skews.last().at(1).toLongLong(), skew);
    const RemoteState state = p.states().first();
    QCOMPARE(state.skewMs, skew);
    QVERIFY(state.skewKnown);
    // It stops: offline by last + 4 s (+ the period's second, for a skewed one), never later.
    p.expire(last + 2 * ci + 3000 + 1000);
    QVERIFY(!p.isOnline(QStringLiteral("site_b"), last + 2 * ci + 3000 + 1000));
    // And not offline before its next heartbeat was due.
    Presence q(QStringLiteral("site_a"), {QStringLiteral("site_b")}, ci);
    const qint64 lastQ = heartbeats(q, skew, ci, t0, 5, period);
    q.expire(lastQ + period);
    QVERIFY(q.isOnline(QStringLiteral("site_b"), lastQ + period));
}

// A remote with a longer checkInterval (5000: heartbeats every 10 s, `until` 13 s ahead) in
// step with us is taken at its word, not cut short by our own shorter rule.
void TestPresence::longerCheckIntervalIsTrusted()
{
    Presence p(QStringLiteral("site_a"), {QStringLiteral("site_b")}, 500);
    const qint64 t0 = 1767225600000;
    heartbeats(p, 0, 5000, t0, 3, 10000);
    p.expire(t0 + 20000 + 9999);
    QVERIFY(p.isOnline(QStringLiteral("site_b"), t0 + 20000 + 9999));
    QVERIFY(!p.isOnline(QStringLiteral("site_b"), t0 + 20000 + 13000));
    QCOMPARE(p.states().first().skewMs, 2 * (5000 - 500));
}

// One heartbeat with a far `until` (a remote that announced a long lead) is taken at its word;
// from the second in a row on, the period decides.
void TestPresence::aSingleFarUntilIsTrusted()
{
    Presence p(QStringLiteral("site_a"), {QStringLiteral("site_b")}, 500);
    const qint64 t0 = 1767225600000;
    p.handle(InfoMessage::connected(QStringLiteral("site_b"), t0 + 600000), t0);
    p.expire(t0 + 599999);
    QVERIFY(p.isOnline(QStringLiteral("site_b"), t0 + 599999));
    QVERIFY(!p.isOnline(QStringLiteral("site_b"), t0 + 600000));
}

// connection_lost is immediate, whatever the skew.
void TestPresence::connectionLostWithSkew()
{
    Presence p(QStringLiteral("site_a"), {QStringLiteral("site_b")}, 500);
    const qint64 t0 = 1767225600000;
    heartbeats(p, -60000, 500, t0, 3, 3000);
    QVERIFY(p.isOnline(QStringLiteral("site_b"), t0 + 6001));
    QVERIFY(p.handle(InfoMessage::connectionLost(QStringLiteral("site_b")), t0 + 6002));
    QVERIFY(!p.isOnline(QStringLiteral("site_b"), t0 + 6003));
}

void TestPresence::connectionLostIsOfflineAtOnce()
{
    Presence p(QStringLiteral("site_a"), {QStringLiteral("site_b")}, 1000);
    const qint64 now = 100000;
    p.handle(InfoMessage::connected(QStringLiteral("site_b"), now + 60000), now);
    QVERIFY(p.isOnline(QStringLiteral("site_b"), now + 1));
    QVERIFY(p.handle(InfoMessage::connectionLost(QStringLiteral("site_b")), now + 2));
    QVERIFY(!p.isOnline(QStringLiteral("site_b"), now + 3));
    // Twice is harmless.
    QVERIFY(!p.handle(InfoMessage::connectionLost(QStringLiteral("site_b")), now + 4));
}

void TestPresence::ownMessagesAreIgnored()
{
    Presence p(QStringLiteral("site_a"), {QStringLiteral("site_b")}, 1000);
    QSignalSpy spy(&p, &Presence::remoteStateChanged);
    QVERIFY(!p.handle(InfoMessage::connected(QStringLiteral("site_a"), 999999999), 1000));
    QCOMPARE(spy.count(), 0);
    QVERIFY(!p.isOnline(QStringLiteral("site_a"), 1000));
}

void TestPresence::unknownSendersAreIgnored()
{
    // Nothing is kept per name that is not configured (a flood of names costs no memory).
    Presence p(QStringLiteral("site_a"), {QStringLiteral("site_b")}, 1000);
    QSignalSpy spy(&p, &Presence::remoteStateChanged);
    for (int i = 0; i < 1000; ++i)
        QVERIFY(!p.handle(InfoMessage::connected(QStringLiteral("x%1").arg(i), 5000), 1000));
    QVERIFY(!p.isOnline(QStringLiteral("x1"), 1000));
    QCOMPARE(spy.count(), 0);
    const QList<RemoteState> states = p.states();
    QCOMPARE(states.size(), 1);
    QCOMPARE(states.first().name, QStringLiteral("site_b"));
    QVERIFY(states.first().configured);
    QCOMPARE(p.configuredRemotes(), QStringList{QStringLiteral("site_b")});
}

void TestPresence::receiptsDoNotChangePresence()
{
    Presence p(QStringLiteral("site_a"), {QStringLiteral("site_b")}, 1000);
    QVERIFY(!p.handle(InfoMessage::dataReceived(QStringLiteral("site_b"), QStringLiteral("t"), QStringLiteral("1"), 5),
                      10));
    QVERIFY(!p.isOnline(QStringLiteral("site_b"), 10));
}

void TestPresence::forgetAllAndNextExpiry()
{
    Presence p(QStringLiteral("site_a"), {QStringLiteral("site_b"), QStringLiteral("site_c")}, 1000);
    QCOMPARE(p.msUntilNextExpiry(0), -1);
    p.handle(InfoMessage::connected(QStringLiteral("site_b"), 5000), 1000);
    p.handle(InfoMessage::connected(QStringLiteral("site_c"), 3000), 1000);
    QCOMPARE(p.msUntilNextExpiry(1000), 2000);
    p.forgetAll();
    QVERIFY(!p.isOnline(QStringLiteral("site_b"), 1001));
    QVERIFY(!p.isOnline(QStringLiteral("site_c"), 1001));
    QCOMPARE(p.msUntilNextExpiry(1001), -1);
}

QTEST_GUILESS_MAIN(TestPresence)
#include "tst_presence.moc"
