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
    // A heartbeat that is already stale does not make it online.
    QVERIFY(!p.handle(InfoMessage::connected(QStringLiteral("site_b"), now + 100), now + 9000));
    QVERIFY(!p.isOnline(QStringLiteral("site_b"), now + 9000));
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
    QVERIFY(!p.handle(InfoMessage::dataReceived(QStringLiteral("site_b"), QStringLiteral("t"), QStringLiteral("1"), 5), 10));
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
