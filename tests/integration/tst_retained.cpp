// Retained messages are never replayed (issue 11, item 7). The protocol never retains; a
// message the broker keeps (published with retain by anyone) is handed to every new
// subscription, so an engine that took it would apply the same change, or the same receipt,
// again at every start and reconnect. The test plays site_a with mosquitto_pub: it leaves a
// valid change on /change/site_b and a receipt on /info/site_b retained on the broker, then
// starts the engine site_b (twice). "Nothing happened" is proven as in tst_hostile: a sentinel
// change and a sentinel receipt, published without retain afterwards, are awaited and their
// effects seen, and only then the retained ones' absence is checked.
//
// Transformers may not retain nor speak on the protocol's topics: context.mqtt.publish on
// /change/..., /info... or /mysql-sync/..., or with {retain: true}, fails that row (an error
// receipt naming why) and nothing is published there; a plain publish elsewhere works.
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

#include "EngineProcess.h"
#include "Mqtt.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {

const QString kSelf = QStringLiteral("site_b");
const QString kRemote = QStringLiteral("site_a");
const QString kDatabase = QStringLiteral("retained_b");
const QString kChangeTopic = QStringLiteral("/change/site_b");
const QString kOwnInfoTopic = QStringLiteral("/info/site_b");
const QString kReceiptTopic = QStringLiteral("/info/site_a");
const int kRetainedId = 1;                                // the row of the retained change: must never appear
const QString kRetainedReceiptKey = QStringLiteral("77"); // of `sent`, site_b's one sync table
const int kTimeoutMs = 20000;

// site_b's incoming transformer for `pub`: publishes what the row says, then keeps the row.
const char kPublisher[] =
    "module.exports = async function (context) {\n"
    "  var e = context.entity;\n"
    "  if (e === null) return null;\n"
    "  await context.mqtt.publish(e.topic, 'from a transformer, row ' + e.id, { qos: 1, retain: e.retain == 1 });\n"
    "  return e;\n"
    "};\n";

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray changePayload(const QString &table, int id, qint64 date, const QJsonObject &entity)
{
    return compact(QJsonObject{{QStringLiteral("sender"), kRemote},
                               {QStringLiteral("table"), table},
                               {QStringLiteral("id"), QString::number(id)},
                               {QStringLiteral("date"), date},
                               {QStringLiteral("entity"), entity}});
}

QByteArray receiptPayload(const QString &table, const QString &key, qint64 date)
{
    return compact(QJsonObject{{QStringLiteral("sender"), kRemote},
                               {QStringLiteral("message"), QStringLiteral("data_received")},
                               {QStringLiteral("args"),
                                QJsonObject{{QStringLiteral("table"), table},
                                            {QStringLiteral("id"), key},
                                            {QStringLiteral("date"), date}}}});
}

QJsonObject payloadOf(const QString &line, QString *topic = nullptr)
{
    const qsizetype space = line.indexOf(QLatin1Char(' '));
    if (topic)
        *topic = space < 0 ? line : line.left(space);
    return space < 0 ? QJsonObject() : QJsonDocument::fromJson(line.mid(space + 1).toUtf8()).object();
}

} // namespace

class TestRetained : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void retainedChangeAndReceiptIgnored();
    void ignoredAgainAfterRestart();
    void transformerPublish_data();
    void transformerPublish();

private:
    qint64 nextDate() { return m_dateBase + (++m_dateCounter); }
    bool startEngine();
    // The receipt on /info/site_a whose args.date is `date`.
    std::optional<QJsonObject> waitForReceipt(qint64 date);
    // A change of `items` and a receipt for site_b, both without retain, and their effects;
    // empty when both were handled.
    QString sentinels();
    // The retained change and receipt left no trace; empty when so.
    QString nothingFromRetained();
    // The engine's current run into the test's output (a failure message is cut short).
    QString engineLog() const
    {
        qWarning().noquote() << "==== engine log (this run)\n"
                             << QString::fromUtf8(m_engine->log().mid(m_runStart).right(12000));
        return QStringLiteral(" (engine log above)");
    }

    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_db;
    std::unique_ptr<MqttSubscriber> m_all;
    std::unique_ptr<EngineProcess> m_engine;
    QTemporaryDir m_transformers;
    qint64 m_dateBase = 0;
    qint64 m_dateCounter = 0;
    qint64 m_retainedChangeDate = 0;
    int m_sentinels = 0;
    int m_runStart = 0; // where the engine's current run starts in its log
};

void TestRetained::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    QVERIFY2(!EngineProcess::daemonPath().isEmpty(), "MYSQL_SYNC_DAEMON is not set");
    m_dateBase = QDateTime::currentMSecsSinceEpoch();

    m_db = std::make_unique<SiteDatabase>(m_servers, 'B', kDatabase);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->lastError()));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NULL)")));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE sent (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NULL)")));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE pub (id INT NOT NULL PRIMARY KEY, topic VARCHAR(200) NOT NULL, "
                                      "retain TINYINT NOT NULL)")));
    QFile js(m_transformers.filePath(QStringLiteral("pub.js")));
    QVERIFY(js.open(QIODevice::WriteOnly) && js.write(kPublisher) == qint64(sizeof(kPublisher) - 1));
    js.close();

    // Retained on the broker before the engine ever subscribes: a valid change from a
    // configured remote, and a receipt from it.
    m_retainedChangeDate = nextDate();
    QVERIFY(mqttPublish(m_servers, kChangeTopic,
                        changePayload(QStringLiteral("items"), kRetainedId, m_retainedChangeDate,
                                      QJsonObject{{QStringLiteral("id"), QString::number(kRetainedId)},
                                                  {QStringLiteral("name"), QStringLiteral("retained")}}),
                        1, true));
    QVERIFY(mqttPublish(m_servers, kOwnInfoTopic,
                        receiptPayload(QStringLiteral("sent"), kRetainedReceiptKey, nextDate()), 1, true));
    // They are there: a new subscription gets both (before its probe comes back).
    {
        MqttSubscriber check(m_servers, QStringList{kChangeTopic, kOwnInfoTopic});
        QVERIFY(check.isReady());
        QCOMPARE(check.count(kChangeTopic + QStringLiteral(" {")), 1);
        QCOMPARE(check.count(kOwnInfoTopic + QStringLiteral(" {")), 1);
    }

    m_all = std::make_unique<MqttSubscriber>(m_servers,
                                             QStringList{QStringLiteral("/info/#"), QStringLiteral("/change/#"),
                                                         QStringLiteral("/mysql-sync/#"), QStringLiteral("custom/#")});
    QVERIFY(m_all->isReady());
    QJsonObject config = EngineProcess::config(m_servers, 'B', kDatabase, kSelf, {kRemote}, {QStringLiteral("sent")},
                                               {QStringLiteral("items"), QStringLiteral("pub")});
    config.insert(QStringLiteral("transformerDirectory"), m_transformers.path());
    m_engine = std::make_unique<EngineProcess>(kSelf, config);
    QVERIFY(startEngine());
}

void TestRetained::cleanupTestCase()
{
    if (m_engine && m_engine->isRunning())
        m_engine->stop();
    m_engine.reset();
    m_all.reset();
    // Clear the retained messages (an empty retained message), also where a transformer's
    // retained message would be had it got through, and check that they are gone.
    for (const QString &topic :
         {kChangeTopic, kOwnInfoTopic, QStringLiteral("custom/retained"), QStringLiteral("/change/site_a")})
        QVERIFY(mqttPublish(m_servers, topic, QByteArray(), 1, true));
    MqttSubscriber check(m_servers,
                         QStringList{kChangeTopic, kOwnInfoTopic, QStringLiteral("custom/#"),
                                     QStringLiteral("/change/site_a")});
    QVERIFY(check.isReady());
    QVERIFY2(check.lines().isEmpty(), qPrintable(check.lines().join(QLatin1Char('\n'))));
    m_db.reset();
}

bool TestRetained::startEngine()
{
    m_runStart = int(m_engine->log().size());
    const int mark = int(m_all->lines().size());
    if (!m_engine->start())
        return false;
    // Its first heartbeat comes once it is subscribed.
    const bool up =
        waitUntil(
            [&] {
                const QStringList lines = m_all->lines();
                for (qsizetype i = mark; i < lines.size(); ++i) {
                    QString topic;
                    const QJsonObject o = payloadOf(lines.at(i), &topic);
                    if (topic == QLatin1String("/info") && o.value(QStringLiteral("sender")).toString() == kSelf
                        && o.value(QStringLiteral("message")).toString() == QLatin1String("connected"))
                        return true;
                }
                return !m_engine->isRunning();
            },
            30000)
        && m_engine->isRunning();
    if (!up) {
        qWarning().noquote() << "engine not up:\n" << QString::fromUtf8(m_engine->log().mid(m_runStart).right(6000));
        return false;
    }
    // site_a is online for the whole run: receipts go out directly.
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + 10 * 60 * 1000;
    return mqttPublish(m_servers, QStringLiteral("/info"),
                       compact(QJsonObject{{QStringLiteral("sender"), kRemote},
                                           {QStringLiteral("message"), QStringLiteral("connected")},
                                           {QStringLiteral("args"), QJsonObject{{QStringLiteral("until"), until}}}}))
        && m_engine->waitForLog("site_a is online", kTimeoutMs, m_runStart);
}

std::optional<QJsonObject> TestRetained::waitForReceipt(qint64 date)
{
    std::optional<QJsonObject> found;
    waitUntil(
        [&] {
            for (const QString &line : m_all->lines(kReceiptTopic + QStringLiteral(" {"))) {
                const QJsonObject o = payloadOf(line);
                if (o.value(QStringLiteral("args")).toObject().value(QStringLiteral("date")).toInteger(-1) == date) {
                    found = o;
                    return true;
                }
            }
            return false;
        },
        kTimeoutMs, 20);
    return found;
}

QString TestRetained::sentinels()
{
    const int id = 9000 + (++m_sentinels);
    const qint64 date = nextDate();
    if (!mqttPublish(m_servers, kChangeTopic,
                     changePayload(QStringLiteral("items"), id, date,
                                   QJsonObject{{QStringLiteral("id"), QString::number(id)},
                                               {QStringLiteral("name"), QStringLiteral("sentinel")}})))
        return QStringLiteral("cannot publish the sentinel change");
    const std::optional<QJsonObject> receipt = waitForReceipt(date);
    if (!receipt)
        return QStringLiteral("no receipt for sentinel change %1 (engine running: %2)")
            .arg(id)
            .arg(m_engine->isRunning());
    if (receipt->value(QStringLiteral("message")).toString() != QLatin1String("data_received"))
        return QStringLiteral("sentinel change answered: ") + QString::fromUtf8(compact(*receipt));
    if (m_db->scalar(QStringLiteral("SELECT name FROM items WHERE id = ?"), {id}).toString()
        != QLatin1String("sentinel"))
        return QStringLiteral("sentinel row %1 not written").arg(id);
    // A receipt for a key site_b never sent is still written to sync_status (it is what the
    // remote says): the retained one would be written the same way.
    const QString key = QString::number(id);
    if (!mqttPublish(m_servers, kOwnInfoTopic, receiptPayload(QStringLiteral("sent"), key, nextDate())))
        return QStringLiteral("cannot publish the sentinel receipt");
    if (!waitUntil(
            [&] {
                return m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE primary_key = ?"), {key})
                           .toInt()
                    == 1;
            },
            kTimeoutMs))
        return QStringLiteral("the sentinel receipt for %1 never reached sync_status").arg(key);
    return {};
}

QString TestRetained::nothingFromRetained()
{
    if (m_db->count(QStringLiteral("items")) != m_sentinels)
        return QStringLiteral("items holds %1 rows, expected only the %2 sentinels:\n%3")
            .arg(m_db->count(QStringLiteral("items")))
            .arg(m_sentinels)
            .arg(m_db->dump(QStringLiteral("items")));
    if (m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id = ?"), {kRetainedId}).toInt() != 0)
        return QStringLiteral("the retained change was applied");
    if (m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE primary_key = ?"), {kRetainedReceiptKey})
            .toInt()
        != 0)
        return QStringLiteral("the retained receipt was written to sync_status");
    // Nor answered: no receipt for the retained change's date ever went out.
    for (const QString &line : m_all->lines(kReceiptTopic + QStringLiteral(" {"))) {
        if (payloadOf(line).value(QStringLiteral("args")).toObject().value(QStringLiteral("date")).toInteger(-1)
            == m_retainedChangeDate)
            return QStringLiteral("the retained change was answered: ") + line;
    }
    return {};
}

void TestRetained::retainedChangeAndReceiptIgnored()
{
    const QString problem = sentinels();
    QVERIFY2(problem.isEmpty(), qPrintable(problem + engineLog()));
    const QString trace = nothingFromRetained();
    QVERIFY2(trace.isEmpty(), qPrintable(trace));
    QVERIFY2(m_engine->waitForLog("ignored a retained message on", kTimeoutMs, m_runStart), qPrintable(engineLog()));
}

void TestRetained::ignoredAgainAfterRestart()
{
    QVERIFY(m_engine->stop());
    QVERIFY(startEngine());
    const QString problem = sentinels();
    QVERIFY2(problem.isEmpty(), qPrintable(problem + engineLog()));
    const QString trace = nothingFromRetained();
    QVERIFY2(trace.isEmpty(), qPrintable(trace));
    QVERIFY2(m_engine->waitForLog("ignored a retained message on", kTimeoutMs, m_runStart), qPrintable(engineLog()));
}

void TestRetained::transformerPublish_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("retain");
    QTest::addColumn<QString>("refusal"); // in the error receipt; empty: the row is written and the message sent
    const QString protocol = QStringLiteral("transformers may not publish on the sync protocol's topic ");
    const QString retained = QStringLiteral("transformers may not publish retained messages");
    QTest::newRow("a plain message elsewhere") << "custom/plain" << false << QString();
    QTest::newRow("/change/site_a") << "/change/site_a" << false << protocol + QStringLiteral("/change/site_a");
    QTest::newRow("/change/site_b (its own)")
        << "/change/site_b" << false << protocol + QStringLiteral("/change/site_b");
    QTest::newRow("/info") << "/info" << false << protocol + QStringLiteral("/info");
    QTest::newRow("/info/site_a") << "/info/site_a" << false << protocol + QStringLiteral("/info/site_a");
    QTest::newRow("/mysql-sync/command") << "/mysql-sync/command" << false
                                         << protocol + QStringLiteral("/mysql-sync/command");
    QTest::newRow("retain elsewhere") << "custom/retained" << true << retained;
    QTest::newRow("retain on /change/site_a") << "/change/site_a" << true << retained;
}

void TestRetained::transformerPublish()
{
    QFETCH(QString, topic);
    QFETCH(bool, retain);
    QFETCH(QString, refusal);
    static int nextId = 0;
    const int id = ++nextId;
    const QString sent = QStringLiteral("from a transformer, row %1").arg(id);
    const int mark = int(m_all->lines().size());
    const qint64 date = nextDate();
    QVERIFY(mqttPublish(m_servers, kChangeTopic,
                        changePayload(QStringLiteral("pub"), id, date,
                                      QJsonObject{{QStringLiteral("id"), QString::number(id)},
                                                  {QStringLiteral("topic"), topic},
                                                  {QStringLiteral("retain"), retain ? 1 : 0}})));
    const std::optional<QJsonObject> receipt = waitForReceipt(date);
    QVERIFY2(receipt, qPrintable(engineLog()));
    const QString kind = receipt->value(QStringLiteral("message")).toString();
    const QString message =
        receipt->value(QStringLiteral("args")).toObject().value(QStringLiteral("message")).toString();
    if (refusal.isEmpty()) {
        QCOMPARE(kind, QStringLiteral("data_received"));
        QCOMPARE(m_db->count(QStringLiteral("pub")), qint64(1));
        // The control: a message the transformer may publish does arrive.
        QVERIFY(m_all->waitForLine(topic + QLatin1Char(' ') + sent, kTimeoutMs));
        QVERIFY(m_db->exec(QStringLiteral("DELETE FROM pub")));
        return;
    }
    QCOMPARE(kind, QStringLiteral("error"));
    QVERIFY2(message.contains(refusal) && message.contains(QLatin1String("pub.js")), qPrintable(message));
    QCOMPARE(m_db->count(QStringLiteral("pub")), qint64(0));
    // Whatever the engine had published would have arrived before the sentinels' answers.
    const QString problem = sentinels();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QStringList lines = m_all->lines();
    for (qsizetype i = mark; i < lines.size(); ++i)
        QVERIFY2(!lines.at(i).contains(sent), qPrintable(QStringLiteral("published: ") + lines.at(i)));
    // And nothing is retained there for a later subscriber.
    MqttSubscriber later(m_servers, topic);
    QVERIFY(later.isReady());
    QCOMPARE(later.count(sent), 0);
}

QTEST_GUILESS_MAIN(TestRetained)
#include "tst_retained.moc"
