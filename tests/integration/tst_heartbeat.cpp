// Heartbeats do not stop while the engine's thread waits for the database. Engine "site_a"
// receives `items` from "site_b", played by the test. The test holds a write lock on site_a's
// table_changes (LOCK TABLES, which an incoming row's short lock wait does not bound: capture
// reads table_changes) and sends a change: the engine's thread waits in its capture read for
// longer than 2 × checkInterval + 3000 ms (what one heartbeat promises). Meanwhile every `connected` of site_a on /info must arrive before the
// `until` of the one before: a remote never sees site_a offline. The engine was really
// blocked: the change's receipt comes only after the lock is released.
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

#include "EngineProcess.h"
#include "Mqtt.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {

const QString kSelf = QStringLiteral("site_a");
const QString kRemote = QStringLiteral("site_b");
const QString kDatabase = QStringLiteral("heartbeat_a");
const QString kInfoTopic = QStringLiteral("/info");
const QString kReceiptTopic = QStringLiteral("/info/site_b");
const int kCheckIntervalMs = 1000;
const int kPromiseMs = 2 * kCheckIntervalMs + 3000; // how far one heartbeat's `until` reaches
const int kHoldMs = 2 * kPromiseMs + 2000;          // the engine waits this long for the lock

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject parse(const QString &line, QString *topic)
{
    const qsizetype space = line.indexOf(QLatin1Char(' '));
    *topic = space < 0 ? line : line.left(space);
    return space < 0 ? QJsonObject() : QJsonDocument::fromJson(line.mid(space + 1).toUtf8()).object();
}

} // namespace

class TestHeartbeat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void heartbeatsWhileTheEngineWaitsForALock();
    void heartbeatsWhileTheDatabaseNeverAnswers();

private:
    // Reads new lines: site_a's heartbeats move m_until (and m_beats) on.
    void scan();
    bool sendChange(int id, const QString &name, qint64 date);
    bool receiptArrived(qint64 date) const;

    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_db;
    std::unique_ptr<SiteDatabase> m_locker;
    std::unique_ptr<MqttSubscriber> m_sub;
    std::unique_ptr<EngineProcess> m_engine;
    int m_scanned = 0;
    int m_beats = 0;
    qint64 m_until = 0;
};

void TestHeartbeat::scan()
{
    const QStringList lines = m_sub->lines();
    for (; m_scanned < lines.size(); ++m_scanned) {
        QString topic;
        const QJsonObject o = parse(lines.at(m_scanned), &topic);
        if (topic == kInfoTopic && o.value(QStringLiteral("sender")).toString() == kSelf
            && o.value(QStringLiteral("message")).toString() == QLatin1String("connected")) {
            ++m_beats;
            m_until =
                qMax(m_until, o.value(QStringLiteral("args")).toObject().value(QStringLiteral("until")).toInteger());
        }
    }
}

bool TestHeartbeat::sendChange(int id, const QString &name, qint64 date)
{
    const QJsonObject entity{{QStringLiteral("id"), id}, {QStringLiteral("name"), name}};
    return mqttPublish(m_servers, QStringLiteral("/change/") + kSelf,
                       compact(QJsonObject{{QStringLiteral("sender"), kRemote},
                                           {QStringLiteral("table"), QStringLiteral("items")},
                                           {QStringLiteral("id"), QString::number(id)},
                                           {QStringLiteral("date"), date},
                                           {QStringLiteral("entity"), entity}}));
}

bool TestHeartbeat::receiptArrived(qint64 date) const
{
    for (const QString &line : m_sub->lines(kReceiptTopic + QLatin1Char(' '))) {
        QString topic;
        const QJsonObject o = parse(line, &topic);
        if (topic == kReceiptTopic
            && o.value(QStringLiteral("args")).toObject().value(QStringLiteral("date")).toInteger() == date)
            return true;
    }
    return false;
}

void TestHeartbeat::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    QVERIFY2(!EngineProcess::daemonPath().isEmpty(), "MYSQL_SYNC_DAEMON is not set");
    m_db = std::make_unique<SiteDatabase>(m_servers, 'A', kDatabase);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->lastError()));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NULL)")));
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO items VALUES (1, 'one')")));

    m_sub = std::make_unique<MqttSubscriber>(m_servers, QStringList{kInfoTopic, kReceiptTopic});
    QVERIFY(m_sub->isReady());
    QJsonObject config =
        EngineProcess::config(m_servers, 'A', kDatabase, kSelf, {kRemote}, {}, {QStringLiteral("items")});
    config.insert(QStringLiteral("checkInterval"), kCheckIntervalMs);
    m_engine = std::make_unique<EngineProcess>(kSelf, config);
    QVERIFY(m_engine->start());
    QVERIFY2(waitUntil(
                 [&] {
                     scan();
                     return m_beats > 0 || !m_engine->isRunning();
                 },
                 30000)
                 && m_engine->isRunning(),
             m_engine->log().right(3000).constData());
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + 10 * 60 * 1000;
    QVERIFY(mqttPublish(m_servers, kInfoTopic,
                        compact(QJsonObject{{QStringLiteral("sender"), kRemote},
                                            {QStringLiteral("message"), QStringLiteral("connected")},
                                            {QStringLiteral("args"), QJsonObject{{QStringLiteral("until"), until}}}})));
    // The engine applies and answers.
    const qint64 date = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(sendChange(2, QStringLiteral("two"), date));
    QVERIFY2(waitUntil([&] { return receiptArrived(date); }, 30000), m_engine->log().right(3000).constData());
}

void TestHeartbeat::cleanupTestCase()
{
    if (m_locker)
        m_locker->exec(QStringLiteral("UNLOCK TABLES"));
    if (m_engine)
        QVERIFY(m_engine->stop());
}

void TestHeartbeat::heartbeatsWhileTheEngineWaitsForALock()
{
    m_locker = std::make_unique<SiteDatabase>(m_servers, 'A', kDatabase, SiteDatabase::Attach);
    QVERIFY2(m_locker->isOpen(), qPrintable(m_locker->lastError()));
    QVERIFY(m_locker->exec(QStringLiteral("LOCK TABLES table_changes WRITE")));
    // The engine's thread is held once its capture waits for the lock (it polls table_changes
    // every captureInterval); a change sent before that could be applied first.
    QVERIFY2(waitUntil(
                 [&] {
                     return m_db->scalar(QStringLiteral(
                                             "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE "
                                             "'%table_changes%' AND STATE LIKE 'Waiting for table%'"))
                                .toInt()
                         > 0;
                 },
                 10000, 10),
             "the engine's capture never waited for the table lock");

    scan();
    const int beatsBefore = m_beats;
    const qint64 date = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(sendChange(1, QStringLiteral("changed"), date));
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    // A remote sees site_a online while now < the latest `until`: never offline in the hold.
    qint64 offlineSince = 0, offlineMs = 0, longestOfflineMs = 0;
    bool receiptEarly = false;
    waitUntil(
        [&] {
            scan();
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (now >= m_until) {
                offlineSince = offlineSince ? offlineSince : m_until;
                offlineMs = now - offlineSince;
                longestOfflineMs = qMax(longestOfflineMs, offlineMs);
            } else {
                offlineSince = 0;
            }
            receiptEarly = receiptEarly || receiptArrived(date);
            return now - start >= kHoldMs;
        },
        kHoldMs + 5000, 20);
    const int beatsDuring = m_beats - beatsBefore;
    QVERIFY(m_locker->exec(QStringLiteral("UNLOCK TABLES")));
    // The engine waited for the lock: its receipt comes now, not during the hold.
    QVERIFY2(waitUntil([&] { return receiptArrived(date); }, 60000), m_engine->log().right(3000).constData());
    QVERIFY2(!receiptEarly, "the change was applied during the hold: the engine's thread never waited for the lock");
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 1")).toString(), QStringLiteral("changed"));
    qInfo() << beatsDuring << "heartbeat(s) during a hold of" << kHoldMs << "ms; longest time shown offline"
            << longestOfflineMs << "ms";
    QVERIFY2(longestOfflineMs == 0,
             qPrintable(QStringLiteral("remotes saw site_a offline for %1 ms while its engine waited for a table lock "
                                       "(%2 heartbeat(s) in %3 ms)")
                            .arg(longestOfflineMs)
                            .arg(beatsDuring)
                            .arg(kHoldMs)));
    QVERIFY(beatsDuring >= kHoldMs / kPromiseMs); // one at least every checkInterval + 2000 ms, rounded up to a look
}

void TestHeartbeat::heartbeatsWhileTheDatabaseNeverAnswers()
{
    // A "database server" that accepts connections and never says a word: each connection
    // attempt (DNS, TCP, the greeting, TLS) takes the whole connectTimeout. None of it may
    // hold the engine's thread: site_c's heartbeats keep every promise meanwhile.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *s = silent.nextPendingConnection())
            held.append(s);
    });
    const QString self = QStringLiteral("site_c");
    QJsonObject config =
        EngineProcess::config(m_servers, 'A', kDatabase, self, {kRemote}, {}, {QStringLiteral("items")});
    config.insert(QStringLiteral("checkInterval"), kCheckIntervalMs);
    QJsonObject mysql = config.value(QStringLiteral("mysqlConfig")).toObject();
    mysql.insert(QStringLiteral("port"), int(silent.serverPort()));
    mysql.insert(QStringLiteral("connectTimeout"), 8000);
    config.insert(QStringLiteral("mysqlConfig"), mysql);
    EngineProcess engine(self, config);
    MqttSubscriber info(m_servers, kInfoTopic);
    QVERIFY(info.isReady());
    QVERIFY(engine.start());
    int scanned = 0, beats = 0;
    qint64 until = 0;
    auto scanC = [&] {
        const QStringList lines = info.lines();
        for (; scanned < lines.size(); ++scanned) {
            QString topic;
            const QJsonObject o = parse(lines.at(scanned), &topic);
            if (o.value(QStringLiteral("sender")).toString() == self
                && o.value(QStringLiteral("message")).toString() == QLatin1String("connected")) {
                ++beats;
                until =
                    qMax(until, o.value(QStringLiteral("args")).toObject().value(QStringLiteral("until")).toInteger());
            }
        }
    };
    QVERIFY2(waitUntil(
                 [&] {
                     scanC();
                     return beats > 0 || !engine.isRunning();
                 },
                 30000)
                 && engine.isRunning(),
             engine.log().right(3000).constData());
    QVERIFY(waitUntil([&] { return !held.isEmpty(); }, 30000)); // it is trying to connect
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    const int beatsBefore = beats;
    qint64 longestOfflineMs = 0;
    waitUntil(
        [&] {
            scanC();
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (now >= until)
                longestOfflineMs = qMax(longestOfflineMs, now - until);
            return now - start >= kHoldMs;
        },
        kHoldMs + 5000, 20);
    qInfo() << beats - beatsBefore << "heartbeat(s) in" << kHoldMs << "ms against a silent database server ("
            << held.size() << "connection attempt(s)); longest time shown offline" << longestOfflineMs << "ms";
    QVERIFY(engine.isRunning());
    QCOMPARE(longestOfflineMs, qint64(0));
    QVERIFY(engine.log().contains("cannot connect") || engine.log().contains("database"));
    qDeleteAll(held);
    QVERIFY(engine.stop());
}

QTEST_GUILESS_MAIN(TestHeartbeat)
#include "tst_heartbeat.moc"
