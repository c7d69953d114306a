// ChangeSender's receipts through the Transport seam: a fake transport, a real outbox in a
// temporary folder, Presence fed by hand. No broker, no database server.
#include "FakeTransport.h"
#include "database/DbConnection.h"
#include "engine/ChangeSender.h"
#include "engine/RemotePaths.h"
#include "mqtt/Presence.h"
#include "outbox/Outbox.h"
#include "protocol/Extensions.h"
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
    void numberedBatchAnsweredWholeGetsASummary();
    void batchAnsweredInPartGetsItsRowsListed();
    void unnumberedBatchGetsItsRowsListed();
    void summaryKeptRowByRowWhenThePublishIsRefused();

private:
    void remoteOnline();
    // site_b online on the batch path; `count` receipts of a batch numbered `number` (0: none)
    // of `rows` rows, the second one an error, handed to the ReceiptSender.
    void sendBatchReceipts(qint64 number, int rows, int count);
    // The one receipt message published on the receipts topic, read back (empty if not so).
    ext::ReceiptBatch publishedReceipts();
    int storedReceipts();

    std::unique_ptr<QTemporaryDir> m_dir;
    EngineContext m_ctx;
    FakeTransport m_transport;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<Presence> m_presence;
    std::unique_ptr<DbConnection> m_db;
    std::unique_ptr<ChangeSender> m_sender;
    RemotePaths m_paths;
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
    m_paths = RemotePaths();
    m_errors.clear();
    m_ctx.report = [this](const EngineError &e) { m_errors.append(e); };
    m_ctx.statusQueued = [] {};
    m_transport.published.clear();
    m_transport.setRefusing(false);
    m_transport.setOptionalReady(false);
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
    m_sender->receipts().send(QStringLiteral("site_b"), receipt);
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
    m_sender->receipts().send(QStringLiteral("site_b"), first);
    m_sender->receipts().send(QStringLiteral("site_b"), second);
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
    m_sender->receipts().send(QStringLiteral("site_b"),
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
    m_sender->receipts().send(QStringLiteral("site_b"),
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
    m_sender->receipts().send(QStringLiteral("site_x"),
                              InfoMessage::dataReceived(QStringLiteral("site_a"), QStringLiteral("items"),
                                                        QStringLiteral("1"), 10));
    QVERIFY(m_transport.published.isEmpty());
    QString error;
    QVERIFY(m_outbox->receipts(QStringLiteral("site_x"), 100, &error).isEmpty());
    QVERIFY(m_outbox->depths().isEmpty() || m_outbox->depths().value(QStringLiteral("site_x")) == 0);
}

void TestChangeSender::sendBatchReceipts(qint64 number, int rows, int count)
{
    remoteOnline();
    const qint64 now = EngineContext::now();
    ext::Announcement hello;
    hello.sender = QStringLiteral("site_b");
    hello.capabilities = {ext::capabilityBatch()};
    m_paths.cameOnline(hello.sender, now);
    m_paths.announced(hello, now + 60000, now);
    m_ctx.paths = &m_paths;
    m_transport.setOptionalReady(true);
    QVERIFY(m_ctx.batchesTo(hello.sender, now));
    ChangeMessage change;
    change.batch = number;
    change.batchRows = number > 0 ? rows : 0;
    for (int i = 0; i < count; ++i) {
        const QString id = QString::number(i);
        m_sender->receipts().send(hello.sender,
                                  i == 1 ? InfoMessage::error(QStringLiteral("site_a"), QStringLiteral("items"), id, 50,
                                                              QStringLiteral("refused"))
                                         : InfoMessage::dataReceived(QStringLiteral("site_a"), QStringLiteral("items"),
                                                                     id, 50),
                                  change);
    }
    QVERIFY(m_transport.published.isEmpty()); // on the batch path they wait for flush()
    m_sender->receipts().flush();
}

ext::ReceiptBatch TestChangeSender::publishedReceipts()
{
    ext::ReceiptBatch read;
    QStringList skipped;
    QString error;
    if (m_transport.published.size() != 1
        || m_transport.published.first().topic != ext::receiptsTopic(QStringLiteral("site_a"), QStringLiteral("site_b"))
        || !ext::ReceiptBatch::fromJson(m_transport.published.first().payload, QStringLiteral("site_a"), &read,
                                        &skipped, &error)
        || !skipped.isEmpty()) {
        qWarning() << "not one receipt message:" << m_transport.published.size() << error << skipped;
        return ext::ReceiptBatch();
    }
    return read;
}

void TestChangeSender::numberedBatchAnsweredWholeGetsASummary()
{
    sendBatchReceipts(41, 3, 3);
    QCOMPARE(m_transport.published.size(), 1);
    const ext::ReceiptBatch summary = publishedReceipts();
    QCOMPARE(summary.batch, qint64(41));
    QCOMPARE(summary.date, qint64(50));
    QCOMPARE(summary.rows, 3);
    QCOMPARE(summary.receipts.size(), 1); // the error only
    QCOMPARE(summary.receipts.first().id, QStringLiteral("1"));
    QCOMPARE(summary.receipts.first().message, QStringLiteral("refused"));
    QCOMPARE(m_ctx.counters.receiptsOut, qint64(3));
    QCOMPARE(storedReceipts(), 0);
}

void TestChangeSender::batchAnsweredInPartGetsItsRowsListed()
{
    // Two of three rows answered (the third waits for a lock, say): no summary can stand for
    // the batch, the two are listed.
    sendBatchReceipts(41, 3, 2);
    QCOMPARE(m_transport.published.size(), 1);
    const ext::ReceiptBatch listed = publishedReceipts();
    QCOMPARE(listed.batch, qint64(0));
    QCOMPARE(listed.receipts.size(), 2);
}

void TestChangeSender::unnumberedBatchGetsItsRowsListed()
{
    sendBatchReceipts(0, 3, 3);
    QCOMPARE(m_transport.published.size(), 1);
    const ext::ReceiptBatch listed = publishedReceipts();
    QCOMPARE(listed.batch, qint64(0));
    QCOMPARE(listed.receipts.size(), 3);
}

void TestChangeSender::summaryKeptRowByRowWhenThePublishIsRefused()
{
    m_transport.setRefusing(true);
    sendBatchReceipts(41, 3, 3);
    QVERIFY(m_transport.published.isEmpty());
    // Kept as the per-row receipts they stand for, sent again when the remote can be reached.
    QCOMPARE(storedReceipts(), 3);
    QCOMPARE(m_ctx.counters.receiptsOut, qint64(0));
}

QTEST_GUILESS_MAIN(TestChangeSender)
#include "tst_changesender.moc"
