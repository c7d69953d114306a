// Issue 13: the fast path between our engines (docs/protocol.md, "Extensions"). Two daemons on
// the real servers; what they say is read off the broker:
//   - two engines of ours carry changes in batches and answer with batch receipts, nothing on
//     the per-row topics;
//   - a peer that never announces (extensions off, as an earlier engine) gets the per-row
//     protocol;
//   - a peer rolled back to per-row and forward again in the middle of a stream loses nothing;
//   - kill -9 of either engine in the middle of batches, and a broker restart, lose nothing;
//   - a batch whose payload names another sender than its topic, or from a site that is not
//     a remote, is dropped;
//   - a numbered batch is answered with one summary receipt (its errors only), an unnumbered
//     one (an engine of ours from before summaries) with a receipt per row, and a batch with
//     a malformed number is dropped.
// "Loses nothing": both sites hold the same rows, no table_changes left, every sync_status row
// successful.
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimer>

#include "Mqtt.h"
#include "SiteSet.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {
constexpr int kTimeoutMs = 60000;
const QString kItems = QStringLiteral("items");
const QString kBatchAtoB = QStringLiteral("/mysql-sync/site_a/batch/site_b ");
const QString kReceiptsBtoA = QStringLiteral("/mysql-sync/site_b/receipts/site_a ");
const QString kChangeToB = QStringLiteral("/change/site_b ");
const QString kInfoToA = QStringLiteral("/info/site_a ");

QJsonObject extensions(bool enabled)
{
    // Uncompressed, so that the test can read the batches on the wire.
    return {{QStringLiteral("extensions"),
             QJsonObject{{QStringLiteral("enabled"), enabled}, {QStringLiteral("compress"), false}}}};
}

// Rows carried by the batch lines (topic, space, JSON) among `lines`.
int batchRows(const QStringList &lines)
{
    int rows = 0;
    for (const QString &line : lines) {
        if (!line.startsWith(kBatchAtoB))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line.mid(kBatchAtoB.size()).toUtf8()).object();
        rows += o.value(QStringLiteral("changes")).toArray().size();
    }
    return rows;
}

int linesStartingWith(const QStringList &lines, const QString &prefix)
{
    int n = 0;
    for (const QString &line : lines)
        n += line.startsWith(prefix) ? 1 : 0;
    return n;
}
} // namespace

class TestFastPath : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void twoEnginesUseBatches();
    void aPeerThatNeverAnnouncesGetsPerRow();
    void rollbackAndForwardMidStream();
    void killNineAndBrokerRestart();
    void forgedSendersAreDropped();
    void eachBatchAnsweredInItsForm();

private:
    bool startBoth(bool bSpeaksExtensions);
    // Both sites hold the same items, nothing waits in table_changes, every row of A's
    // sync_status for site_b is successful (one at least per item), and A holds `rows` items.
    bool settled(qint64 rows);
    bool insertRows(int from, int count);

    Servers m_servers;
    std::unique_ptr<SiteSet> m_sites;
    Site *m_a = nullptr;
    Site *m_b = nullptr;
    std::unique_ptr<MqttSubscriber> m_wire;
};

void TestFastPath::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
}

void TestFastPath::init()
{
    const QStringList ddl{QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, "
                                         "qty INT NULL) ENGINE=InnoDB")};
    m_sites = std::make_unique<SiteSet>(m_servers);
    m_a = m_sites->make(QStringLiteral("site_a"), 'A', QStringLiteral("fastpath_a"), ddl);
    m_b = m_sites->make(QStringLiteral("site_b"), 'B', QStringLiteral("fastpath_b"), ddl);
    QVERIFY(m_a && m_b);
    m_wire = std::make_unique<MqttSubscriber>(m_servers,
                                              QStringList{QStringLiteral("/change/#"), QStringLiteral("/info/#"),
                                                          QStringLiteral("/mysql-sync/#")});
    QVERIFY(m_wire->isReady());
}

void TestFastPath::cleanup()
{
    for (Site *s : {m_a, m_b}) {
        if (s && s->engine)
            s->engine->stop();
    }
    m_wire.reset();
    m_sites.reset();
}

bool TestFastPath::startBoth(bool bSpeaksExtensions)
{
    m_sites->configure(*m_a, {m_b->client}, {kItems}, {}, extensions(true));
    m_sites->configure(*m_b, {m_a->client}, {}, {kItems}, extensions(bSpeaksExtensions));
    return m_sites->start(*m_a) && m_sites->start(*m_b) && m_sites->waitReady(*m_a, {m_b->client})
        && m_sites->waitReady(*m_b, {m_a->client});
}

bool TestFastPath::settled(qint64 rows)
{
    return m_a->db->count(kItems) == rows && SiteSet::sameDumps(*m_a, *m_b, kItems)
        && SiteSet::pendingChanges(*m_a) == 0 && SiteSet::unsettled(*m_a, m_b->client) == 0
        && m_a->db->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE remote = 'site_b'")).toLongLong()
        >= rows;
}

bool TestFastPath::insertRows(int from, int count)
{
    QStringList values;
    for (int i = from; i < from + count; ++i)
        values << QStringLiteral("(%1, 'row %1', %2)").arg(i).arg(i % 97);
    return m_a->db->exec(
        QStringLiteral("INSERT INTO items (id, name, qty) VALUES %1").arg(values.join(QLatin1Char(','))));
}

void TestFastPath::twoEnginesUseBatches()
{
    QVERIFY(startBoth(true));
    // Each announced the channel beside its heartbeat, and each serves the other batches.
    QVERIFY(m_wire->waitForLine(QStringLiteral("/mysql-sync/site_b/hello "), 15000));
    QVERIFY(waitUntil([&] { return SiteSet::logged(*m_a, "site_b is served on the batch path"); }, 15000));

    QVERIFY(insertRows(1, 300));
    QVERIFY(m_a->db->exec(QStringLiteral("UPDATE items SET qty = NULL WHERE id <= 10")));
    QVERIFY(m_a->db->exec(QStringLiteral("DELETE FROM items WHERE id > 290")));
    SITES_WAIT(*m_sites, QStringList{kItems}, settled(290), kTimeoutMs);
    QCOMPARE(m_b->db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE qty IS NULL")).toInt(), 10);

    const QStringList lines = m_wire->lines();
    const int batches = linesStartingWith(lines, kBatchAtoB);
    qInfo() << "300 inserts, 10 updates, 10 deletes:" << batches << "batch message(s) carrying" << batchRows(lines)
            << "row(s)," << linesStartingWith(lines, kReceiptsBtoA) << "batch receipt(s)";
    QVERIFY(batches >= 1);
    QVERIFY2(batches < 50, qPrintable(QString::number(batches))); // many rows per message
    QVERIFY(batchRows(lines) >= 300);                             // every row went in a batch
    QVERIFY(linesStartingWith(lines, kReceiptsBtoA) >= 1);
    // Each batch was answered whole, so with a summary: no row listed as received.
    for (const QString &line : lines) {
        if (!line.startsWith(kReceiptsBtoA))
            continue;
        const QJsonObject receipt = QJsonDocument::fromJson(line.mid(kReceiptsBtoA.size()).toUtf8()).object();
        QVERIFY2(receipt.value(QStringLiteral("batch")).toInteger() > 0
                     && !receipt.contains(QStringLiteral("received")),
                 qPrintable(line.left(300)));
    }
    QCOMPARE(linesStartingWith(lines, kChangeToB), 0); // nothing per row
    QCOMPARE(linesStartingWith(lines, kInfoToA), 0);
}

void TestFastPath::aPeerThatNeverAnnouncesGetsPerRow()
{
    QVERIFY(startBoth(false));
    QVERIFY(insertRows(1, 50));
    SITES_WAIT(*m_sites, QStringList{kItems}, settled(50), kTimeoutMs);
    const QStringList lines = m_wire->lines();
    QCOMPARE(linesStartingWith(lines, QStringLiteral("/mysql-sync/site_b/")), 0); // site_b says nothing on the channel
    QCOMPARE(linesStartingWith(lines, kBatchAtoB), 0);
    QVERIFY(linesStartingWith(lines, kChangeToB) >= 50);
    QVERIFY(linesStartingWith(lines, kInfoToA) >= 50);
}

void TestFastPath::rollbackAndForwardMidStream()
{
    QVERIFY(startBoth(true));
    QVERIFY(waitUntil([&] { return SiteSet::logged(*m_a, "site_b is served on the batch path"); }, 15000));
    // A steady stream of inserts and updates on A while site_b is rolled back to an engine that
    // speaks only the per-row protocol, and then forward again.
    int next = 1;
    QTimer stream;
    stream.setInterval(20);
    connect(&stream, &QTimer::timeout, this, [&] {
        insertRows(next, 20);
        m_a->db->exec(QStringLiteral("UPDATE items SET qty = qty + 1 WHERE id = %1").arg(qMax(1, next - 7)));
        next += 20;
    });
    stream.start();
    auto onB = [&](int rows) { return waitUntil([&] { return m_b->db->count(kItems) >= rows; }, kTimeoutMs); };

    QVERIFY(onB(400));
    QVERIFY(m_b->engine->stop());
    m_sites->configure(*m_b, {m_a->client}, {}, {kItems}, extensions(false));
    m_wire->clear();
    QVERIFY(m_sites->start(*m_b));
    QVERIFY(waitUntil([&] { return SiteSet::logged(*m_a, "site_b is served on the per-row path"); }, kTimeoutMs));
    QVERIFY(onB(next + 200));
    QVERIFY(m_wire->count(kChangeToB) > 0);

    QVERIFY(m_b->engine->stop());
    m_sites->configure(*m_b, {m_a->client}, {}, {kItems}, extensions(true));
    QVERIFY(m_sites->start(*m_b));
    m_wire->clear();
    QVERIFY(onB(next + 200));
    QVERIFY(waitUntil([&] { return m_wire->count(kBatchAtoB) > 0; }, kTimeoutMs));
    stream.stop();
    const qint64 rows = m_a->db->count(kItems);
    qInfo() << rows << "rows streamed across a rollback to per-row and back";
    SITES_WAIT(*m_sites, QStringList{kItems}, settled(rows), kTimeoutMs);
}

void TestFastPath::killNineAndBrokerRestart()
{
    QVERIFY(startBoth(true));
    QVERIFY(waitUntil([&] { return SiteSet::logged(*m_a, "site_b is served on the batch path"); }, 15000));
    for (int t = 0; t < 5; ++t)
        QVERIFY(insertRows(1 + t * 1000, 1000));
    // Batches in flight: the receiver dies, then the sender, then the broker goes.
    QVERIFY(waitUntil([&] { return m_b->db->count(kItems) > 0; }, kTimeoutMs));
    m_b->engine->kill9();
    QVERIFY(m_sites->start(*m_b));
    QVERIFY(waitUntil([&] { return m_b->db->count(kItems) > 2000; }, kTimeoutMs));
    m_a->engine->kill9();
    for (int t = 5; t < 8; ++t)
        QVERIFY(insertRows(1 + t * 1000, 1000));
    QVERIFY(m_sites->start(*m_a));
    QVERIFY(waitUntil([&] { return m_b->db->count(kItems) > 5000; }, kTimeoutMs));
    m_wire.reset(); // it would see the broker go away
    QVERIFY(m_servers.broker(QStringLiteral("restart-broker")));
    QVERIFY(m_a->db->exec(QStringLiteral("UPDATE items SET name = 'after the broker restart' WHERE id % 100 = 0")));
    SITES_WAIT(*m_sites, QStringList{kItems}, settled(8000), kTimeoutMs * 2);
    QCOMPARE(m_b->db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE name = 'after the broker restart'"))
                 .toInt(),
             80);
}

void TestFastPath::forgedSendersAreDropped()
{
    QVERIFY(startBoth(true));
    QVERIFY(waitUntil([&] { return SiteSet::logged(*m_b, "site_a is served on the batch path"); }, 15000));
    auto batch = [](const QString &sender, int id) {
        const QJsonObject row{{QStringLiteral("table"), kItems},
                              {QStringLiteral("id"), QString::number(id)},
                              {QStringLiteral("entity"),
                               QJsonObject{{QStringLiteral("id"), QString::number(id)},
                                           {QStringLiteral("name"), QStringLiteral("forged")},
                                           {QStringLiteral("qty"), 1}}}};
        return QJsonDocument(QJsonObject{{QStringLiteral("sender"), sender},
                                         {QStringLiteral("date"), QDateTime::currentMSecsSinceEpoch()},
                                         {QStringLiteral("count"), 1},
                                         {QStringLiteral("changes"), QJsonArray{row}}})
            .toJson(QJsonDocument::Compact);
    };
    // The topic says site_a, the payload site_c: the two disagree.
    QVERIFY(mqttPublish(m_servers, QStringLiteral("/mysql-sync/site_a/batch/site_b"),
                        batch(QStringLiteral("site_c"), 9001)));
    // site_c is no remote of site_b.
    QVERIFY(mqttPublish(m_servers, QStringLiteral("/mysql-sync/site_c/batch/site_b"),
                        batch(QStringLiteral("site_c"), 9002)));
    // Addressed to another site.
    QVERIFY(mqttPublish(m_servers, QStringLiteral("/mysql-sync/site_a/batch/site_x"),
                        batch(QStringLiteral("site_a"), 9003)));
    // What site_a itself could send: applied (on a broker set up by setup-broker only site_a's
    // login may publish under /mysql-sync/site_a/; tst_extacl checks that ACL).
    QVERIFY(mqttPublish(m_servers, QStringLiteral("/mysql-sync/site_a/batch/site_b"),
                        batch(QStringLiteral("site_a"), 9004)));
    QVERIFY(waitUntil(
        [&] { return m_b->db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id = 9004")).toInt() == 1; },
        kTimeoutMs));
    QCOMPARE(m_b->db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id IN (9001, 9002, 9003)")).toInt(), 0);
    QVERIFY(SiteSet::logged(*m_b, "is not the site the topic names"));
    QVERIFY(SiteSet::logged(*m_b, "unknown sender \"site_c\""));
}

void TestFastPath::eachBatchAnsweredInItsForm()
{
    QVERIFY(startBoth(true));
    QVERIFY(waitUntil([&] { return SiteSet::logged(*m_b, "site_a is served on the batch path"); }, 15000));
    // Published as site_a would: two rows, the second for a table site_b does not receive.
    auto batch = [](const QJsonValue &number, int id) {
        const QJsonObject good{{QStringLiteral("table"), kItems},
                               {QStringLiteral("id"), QString::number(id)},
                               {QStringLiteral("entity"),
                                QJsonObject{{QStringLiteral("id"), QString::number(id)},
                                            {QStringLiteral("name"), QStringLiteral("by hand")},
                                            {QStringLiteral("qty"), 2}}}};
        const QJsonObject refused{{QStringLiteral("table"), QStringLiteral("nosuch")},
                                  {QStringLiteral("id"), QString::number(id + 1)},
                                  {QStringLiteral("entity"), QJsonValue(QJsonValue::Null)}};
        QJsonObject o{{QStringLiteral("sender"), QStringLiteral("site_a")},
                      {QStringLiteral("date"), QDateTime::currentMSecsSinceEpoch()},
                      {QStringLiteral("count"), 2},
                      {QStringLiteral("changes"), QJsonArray{good, refused}}};
        if (!number.isUndefined())
            o.insert(QStringLiteral("batch"), number);
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    };
    const QString topic = QStringLiteral("/mysql-sync/site_a/batch/site_b");
    // The receipt from site_b that names `contains` (the batch itself names it too).
    auto receiptFor = [&](const QString &contains) {
        QJsonObject found;
        waitUntil(
            [&] {
                for (const QString &line : m_wire->lines(contains)) {
                    if (line.startsWith(kReceiptsBtoA))
                        found = QJsonDocument::fromJson(line.mid(kReceiptsBtoA.size()).toUtf8()).object();
                }
                return !found.isEmpty();
            },
            kTimeoutMs);
        return found;
    };

    // Unnumbered, as an engine of ours from before summaries sends: a receipt per row.
    QVERIFY(mqttPublish(m_servers, topic, batch(QJsonValue(QJsonValue::Undefined), 9101)));
    const QJsonObject full = receiptFor(QStringLiteral("\"9102\""));
    QVERIFY2(!full.contains(QStringLiteral("batch")), QJsonDocument(full).toJson().constData());
    QCOMPARE(full.value(QStringLiteral("count")).toInt(), 2);
    QCOMPARE(full.value(QStringLiteral("received")).toArray().size(), 1);
    QCOMPARE(full.value(QStringLiteral("received")).toArray().at(0)[QStringLiteral("id")].toString(),
             QStringLiteral("9101"));
    QCOMPARE(full.value(QStringLiteral("errors")).toArray().at(0)[QStringLiteral("id")].toString(),
             QStringLiteral("9102"));

    // Numbered: one summary, the refused row its only error.
    QVERIFY(mqttPublish(m_servers, topic, batch(4503599627370000.0, 9201)));
    const QJsonObject summary = receiptFor(QStringLiteral("\"batch\":4503599627370000"));
    QVERIFY2(!summary.contains(QStringLiteral("received")), QJsonDocument(summary).toJson().constData());
    QCOMPARE(summary.value(QStringLiteral("count")).toInt(), 2);
    const QJsonArray errors = summary.value(QStringLiteral("errors")).toArray();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0)[QStringLiteral("id")].toString(), QStringLiteral("9202"));
    QVERIFY(errors.at(0)[QStringLiteral("message")].toString().contains(QStringLiteral("receive table")));
    QCOMPARE(m_b->db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id IN (9101, 9201)")).toInt(), 2);
    // site_a's engine never sent that batch: the summary is not used for anything of its own.
    QVERIFY(waitUntil([&] { return SiteSet::logged(*m_a, "is not one this engine sent lately"); }, kTimeoutMs));

    // A malformed number: the whole batch is dropped, unanswered.
    QVERIFY(mqttPublish(m_servers, topic, batch(1.5, 9301)));
    QVERIFY(waitUntil([&] { return SiteSet::logged(*m_b, "field `batch` must be an integer"); }, kTimeoutMs));
    QCOMPARE(m_b->db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id = 9301")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestFastPath)
#include "tst_fastpath.moc"
