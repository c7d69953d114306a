// ChangeSender's receipts through the Transport seam: a fake transport, a real outbox in a
// temporary folder, Presence fed by hand. No broker, no database server.
#include "FakeTransport.h"
#include "database/DbConnection.h"
#include "engine/ChangeSender.h"
#include "mqtt/Presence.h"
#include "outbox/Outbox.h"
#include "protocol/Messages.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mysqlsync;
using testsupport::FakeTransport;

class TestChangeSender : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void receiptPublishedToAnOnlineRemote();
    void receiptKeptWhileTheBrokerIsDown();
    void receiptKeptWhileTheRemoteIsOffline();
    void receiptKeptWhenThePublishIsRefused();
    void receiptsForAnUnknownNameAreDropped();

private:
    void remoteOnline();
    int storedReceipts();

    std::unique_ptr<QTemporaryDir> m_dir;
    EngineContext m_ctx;
    FakeTransport m_transport;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<Presence> m_presence;
    std::unique_ptr<DbConnection> m_db;
    std::unique_ptr<ChangeSender> m_sender;
    QList<EngineError> m_errors;
};

void TestChangeSender::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_ctx = EngineContext();
    m_ctx.config.clientName = QStringLiteral("site_a");
    m_ctx.config.remoteClients = {QStringLiteral("site_b")};
    m_outbox = std::make_unique<Outbox>(m_dir->path(), QStringLiteral("tst-changesender-outbox"));
    QString error;
    QVERIFY2(m_outbox->open(&error), qPrintable(error));
    m_presence = std::make_unique<Presence>(QStringLiteral("site_a"), m_ctx.config.remoteClients, 1000);
    m_db = std::make_unique<DbConnection>(MysqlConfig(), QStringLiteral("tst-changesender-db")); // never opened
    m_ctx.outbox = m_outbox.get();
    m_ctx.presence = m_presence.get();
    m_ctx.mqtt = &m_transport;
    m_ctx.db = m_db.get();
    m_errors.clear();
    m_ctx.report = [this](const EngineError &e) { m_errors.append(e); };
    m_ctx.statusQueued = [] {};
    m_transport.published.clear();
    m_transport.setRefusing(false);
    m_transport.setReady(true);
    m_sender = std::make_unique<ChangeSender>(m_ctx);
}

void TestChangeSender::cleanup()
{
    m_sender.reset();
    m_outbox->close();
    m_outbox.reset();
    m_presence.reset();
    m_db.reset();
    m_dir.reset();
}

void TestChangeSender::remoteOnline()
{
    const qint64 now = EngineContext::now();
    m_presence->handle(InfoMessage::connected(QStringLiteral("site_b"), now + 60000), now);
    QVERIFY(m_presence->isOnline(QStringLiteral("site_b"), now));
}

int TestChangeSender::storedReceipts()
{
    QString error;
    const int n = int(m_outbox->receipts(QStringLiteral("site_b"), 100, &error).size());
    return error.isEmpty() ? n : -1;
}

void TestChangeSender::receiptPublishedToAnOnlineRemote()
{
    remoteOnline();
    const InfoMessage receipt =
        InfoMessage::dataReceived(QStringLiteral("site_a"), QStringLiteral("items"), QStringLiteral("1"), 1234);
    m_sender->sendReceipt(QStringLiteral("site_b"), receipt);
    QCOMPARE(m_transport.published.size(), 1);
    QCOMPARE(m_transport.published.first().topic, topics::infoFor(QStringLiteral("site_b")));
    QCOMPARE(m_transport.published.first().payload, receipt.toJson());
    QCOMPARE(m_transport.published.first().qos, 1);
    QVERIFY(!m_transport.published.first().retain);
    QCOMPARE(m_ctx.counters.receiptsOut, qint64(1));
    QCOMPARE(storedReceipts(), 0);
    QVERIFY(m_errors.isEmpty());
}

void TestChangeSender::receiptKeptWhileTheBrokerIsDown()
{
    remoteOnline();
    m_transport.setReady(false);
    const InfoMessage first =
        InfoMessage::dataReceived(QStringLiteral("site_a"), QStringLiteral("items"), QStringLiteral("1"), 10);
    const InfoMessage second = InfoMessage::error(QStringLiteral("site_a"), QStringLiteral("items"),
                                                  QStringLiteral("2"), 11, QStringLiteral("refused"));
    m_sender->sendReceipt(QStringLiteral("site_b"), first);
    m_sender->sendReceipt(QStringLiteral("site_b"), second);
    QVERIFY(m_transport.published.isEmpty());
    QCOMPARE(storedReceipts(), 2);
    QVERIFY(m_ctx.outboxChanged);
    // The broker is back: the next flush publishes them in order and forgets them.
    m_transport.setReady(true);
    QVERIFY(m_sender->flush(QStringLiteral("site_b"), 0));
    QCOMPARE(m_transport.published.size(), 2);
    QCOMPARE(m_transport.published.at(0).payload, first.toJson());
    QCOMPARE(m_transport.published.at(1).payload, second.toJson());
    QCOMPARE(storedReceipts(), 0);
    QCOMPARE(m_ctx.counters.receiptsOut, qint64(2));
}

void TestChangeSender::receiptKeptWhileTheRemoteIsOffline()
{
    // No heartbeat from site_b: offline.
    m_sender->sendReceipt(QStringLiteral("site_b"),
                          InfoMessage::dataReceived(QStringLiteral("site_a"), QStringLiteral("items"),
                                                    QStringLiteral("1"), 10));
    QVERIFY(m_transport.published.isEmpty());
    QCOMPARE(storedReceipts(), 1);
    // Nothing is flushed to a remote that is offline.
    QVERIFY(!m_sender->flush(QStringLiteral("site_b"), 0));
    QVERIFY(m_transport.published.isEmpty());
    QCOMPARE(storedReceipts(), 1);
}

void TestChangeSender::receiptKeptWhenThePublishIsRefused()
{
    remoteOnline();
    m_transport.setRefusing(true);
    m_sender->sendReceipt(QStringLiteral("site_b"),
                          InfoMessage::dataReceived(QStringLiteral("site_a"), QStringLiteral("items"),
                                                    QStringLiteral("1"), 10));
    QVERIFY(m_transport.published.isEmpty());
    QCOMPARE(storedReceipts(), 1);
    QCOMPARE(m_ctx.counters.receiptsOut, qint64(0));
}

void TestChangeSender::receiptsForAnUnknownNameAreDropped()
{
    remoteOnline();
    // Never owed to a name that is not a remote: it would wait in the outbox for ever.
    m_sender->sendReceipt(QStringLiteral("site_x"),
                          InfoMessage::dataReceived(QStringLiteral("site_a"), QStringLiteral("items"),
                                                    QStringLiteral("1"), 10));
    QVERIFY(m_transport.published.isEmpty());
    QString error;
    QVERIFY(m_outbox->receipts(QStringLiteral("site_x"), 100, &error).isEmpty());
    QVERIFY(m_outbox->depths().isEmpty() || m_outbox->depths().value(QStringLiteral("site_x")) == 0);
}

QTEST_GUILESS_MAIN(TestChangeSender)
#include "tst_changesender.moc"
