// IncomingMessages: who is heard. Presence messages and changes from names that are not
// remotes are dropped and counted before anything else sees them. No servers: a change that
// got through would reach the (absent) receiver.
#include "engine/CaptureScheduler.h"
#include "engine/FlushScheduler.h"
#include "engine/IncomingMessages.h"
#include "engine/RetryBackoff.h"
#include "mqtt/Presence.h"
#include "protocol/Messages.h"

#include <QTest>

#include <memory>

using namespace mysqlsync;

class TestIncomingMessages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_ctx = EngineContext();
        m_ctx.config.clientName = QStringLiteral("site_a");
        m_ctx.config.remoteClients = {QStringLiteral("site_b")};
        m_ctx.report = [](const EngineError &) {};
        m_presence = std::make_unique<Presence>(QStringLiteral("site_a"), m_ctx.config.remoteClients, 1000);
        m_ctx.presence = m_presence.get();
        m_capture = std::make_unique<CaptureScheduler>(m_ctx, nullptr);
        m_flush = std::make_unique<FlushScheduler>(m_ctx, nullptr);
        m_incoming = std::make_unique<IncomingMessages>(m_ctx, m_retries, *m_flush, *m_capture);
    }

    void heartbeatOfARemoteIsHeard()
    {
        const qint64 now = EngineContext::now();
        m_incoming->handle({{topics::info(), InfoMessage::connected(QStringLiteral("site_b"), now + 60000).toJson()}});
        QVERIFY(m_presence->isOnline(QStringLiteral("site_b"), now));
        QCOMPARE(m_ctx.counters.unknownSenders, qint64(0));
    }

    void unknownSendersAreCountedAndDropped()
    {
        const qint64 now = EngineContext::now();
        const QByteArray stranger = InfoMessage::connected(QStringLiteral("site_x"), now + 60000).toJson();
        ChangeMessage change;
        change.sender = QStringLiteral("site_x");
        change.table = QStringLiteral("items");
        change.id = QStringLiteral("1");
        change.date = now;
        change.entity = QJsonObject{{QStringLiteral("id"), 1}};
        m_incoming->handle(
            {{topics::info(), stranger},
             {topics::info(), stranger},
             {topics::changeFor(QStringLiteral("site_a")), change.toJson()},
             {topics::infoFor(QStringLiteral("site_a")),
              InfoMessage::dataReceived(QStringLiteral("site_x"), QStringLiteral("items"), QStringLiteral("1"), now)
                  .toJson()}});
        QCOMPARE(m_ctx.counters.unknownSenders, qint64(4));
        QVERIFY(!m_presence->isOnline(QStringLiteral("site_x"), now));
        QVERIFY(!m_presence->isOnline(QStringLiteral("site_b"), now));
    }

    void ourOwnHeartbeatIsNotAStranger()
    {
        const qint64 now = EngineContext::now();
        m_incoming->handle({{topics::info(), InfoMessage::connected(QStringLiteral("site_a"), now + 60000).toJson()}});
        QCOMPARE(m_ctx.counters.unknownSenders, qint64(0));
    }

    void messagesOnOtherTopicsAreIgnored()
    {
        const qint64 now = EngineContext::now();
        m_incoming->handle(
            {{QStringLiteral("/info/site_c"), InfoMessage::connected(QStringLiteral("site_b"), now + 60000).toJson()},
             {QStringLiteral("/elsewhere"), QByteArray("{")}});
        QVERIFY(!m_presence->isOnline(QStringLiteral("site_b"), now));
        QCOMPARE(m_ctx.counters.unknownSenders, qint64(0));
    }

private:
    EngineContext m_ctx;
    RetryBackoff m_retries;
    std::unique_ptr<Presence> m_presence;
    std::unique_ptr<CaptureScheduler> m_capture;
    std::unique_ptr<FlushScheduler> m_flush;
    std::unique_ptr<IncomingMessages> m_incoming;
};

QTEST_GUILESS_MAIN(TestIncomingMessages)
#include "tst_incomingmessages.moc"
