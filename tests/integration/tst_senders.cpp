// Only configured remotes are heard (issue 11, item 1). An in-process SyncEngine "site_b"
// (so that its counters and its log can be read) on the harness's MariaDB B; the test plays its
// configured remote site_a and two names that are not configured ("mallory", "site_c") with
// mosquitto_pub. Whatever an unknown name sends (a change, a malformed change, receipts,
// presence) is dropped: nothing applied, nothing stored (outbox_receipts, sync_status), nothing
// published to it, no presence kept; it is counted, and logged once a minute per name.
//
// "Nothing happened" is proven without sleeping: after the messages the test sends a valid
// change from site_a on the same topic and waits for its receipt (one topic is handled in order).
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "common/Logging.h"
#include "config/Config.h"
#include "engine/EngineThread.h"

#include "EngineProcess.h"
#include "Mqtt.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

using namespace testsupport;
using namespace mysqlsync;

namespace {

const QString kSelf = QStringLiteral("site_b");
const QString kRemote = QStringLiteral("site_a");
const QString kDatabase = QStringLiteral("senders_b");
const int kTimeoutMs = 20000;

// Every log line of this process (the engine runs in it), for the checks on what was logged.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(QString::fromUtf8(context.category ? context.category : "default") + QStringLiteral(": ")
                     + message);
    }
    if (g_previous)
        g_previous(type, context, message);
}

QStringList logLines(const QString &contains)
{
    QMutexLocker lock(&g_logMutex);
    return g_log.filter(contains);
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray change(const QString &sender, const QString &id, qint64 date,
                  const QJsonValue &dateValue = QJsonValue(QJsonValue::Undefined))
{
    return json(
        {{QStringLiteral("sender"), sender},
         {QStringLiteral("table"), QStringLiteral("items")},
         {QStringLiteral("id"), id},
         {QStringLiteral("date"), dateValue.isUndefined() ? QJsonValue(date) : dateValue},
         {QStringLiteral("entity"), QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), sender}}}});
}

QByteArray info(const QString &sender, const QString &message, const QJsonObject &args)
{
    return json(
        {{QStringLiteral("sender"), sender}, {QStringLiteral("message"), message}, {QStringLiteral("args"), args}});
}

} // namespace

class TestSenders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void unknownSendersAreNotHeard();
    void loggedOncePerMinutePerName();

private:
    bool publish(const QString &topic, const QByteArray &payload) { return mqttPublish(m_servers, topic, payload); }
    // A change from site_a, and its data_received; empty when all went well.
    QString sentinel();
    qint64 outboxReceiptsFor(const QString &remote);

    Servers m_servers;
    QTemporaryDir m_dir;
    std::unique_ptr<SiteDatabase> m_db;
    std::unique_ptr<MqttSubscriber> m_all;
    std::unique_ptr<EngineThread> m_engine;
    EngineCounters m_counters;
    qint64 m_date = 0;
    int m_sentinels = 0;
};

void TestSenders::initTestCase()
{
    g_previous = qInstallMessageHandler(captureLog);
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    m_date = QDateTime::currentMSecsSinceEpoch();
    m_db = std::make_unique<SiteDatabase>(m_servers, 'B', kDatabase);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->lastError()));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NULL)")));
    m_all = std::make_unique<MqttSubscriber>(m_servers,
                                             QStringList{QStringLiteral("/info/#"), QStringLiteral("/change/#")});
    QVERIFY(m_all->isReady());

    QJsonObject cfg = EngineProcess::config(m_servers, 'B', kDatabase, kSelf, {kRemote}, {QStringLiteral("items")},
                                            {QStringLiteral("items")});
    cfg.insert(QStringLiteral("queueDirectory"), m_dir.filePath(QStringLiteral("queue")));
    QFile file(m_dir.filePath(QStringLiteral("site_b.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(cfg).toJson());
    file.close();
    Config config;
    QString error;
    QVERIFY2(ConfigLoader::load(file.fileName(), &config, &error), qPrintable(error));
    applyLoggingLevel(QStringLiteral("info"));
    m_engine = std::make_unique<EngineThread>(config);
    QObject::connect(m_engine->engine(), &SyncEngine::countersChanged, this,
                     [this](const EngineCounters &c) { m_counters = c; });
    m_engine->start();
    QVERIFY2(waitUntil([&] { return m_all->count(QStringLiteral("\"sender\":\"site_b\"")) > 0; }, 30000),
             "site_b sent no heartbeat");
    QVERIFY(publish(QStringLiteral("/info"),
                    info(kRemote, QStringLiteral("connected"),
                         {{QStringLiteral("until"), QDateTime::currentMSecsSinceEpoch() + 600000}})));
    const QString problem = sentinel();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestSenders::cleanupTestCase()
{
    if (m_engine)
        QVERIFY(m_engine->stopAndWait());
    m_engine.reset();
    m_all.reset();
    m_db.reset();
    qInstallMessageHandler(g_previous);
}

QString TestSenders::sentinel()
{
    const qint64 date = ++m_date;
    const QString id = QStringLiteral("9999");
    const QString name = QStringLiteral("\"date\":%1").arg(date);
    if (!publish(QStringLiteral("/change/site_b"), change(kRemote, id, date)))
        return QStringLiteral("cannot publish the sentinel");
    if (!waitUntil(
            [&] {
                for (const QString &l : m_all->lines(QStringLiteral("/info/site_a ")))
                    if (l.contains(name) && l.contains(QStringLiteral("data_received")))
                        return true;
                return false;
            },
            kTimeoutMs))
        return QStringLiteral("no data_received for sentinel #%1").arg(++m_sentinels);
    return QString();
}

qint64 TestSenders::outboxReceiptsFor(const QString &remote)
{
    const QString name = QStringLiteral("tst_senders_outbox");
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_dir.filePath(QStringLiteral("queue/outbox.sqlite")));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox_receipts WHERE remote = '%1'").arg(remote))
                && q.next())
                n = q.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

void TestSenders::unknownSendersAreNotHeard()
{
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + 600000;
    const qint64 date = ++m_date;
    // mallory: presence, a valid change, a malformed one, two receipts; site_c: a change.
    QVERIFY(publish(QStringLiteral("/info"),
                    info(QStringLiteral("mallory"), QStringLiteral("connected"), {{QStringLiteral("until"), until}})));
    QVERIFY(publish(QStringLiteral("/change/site_b"), change(QStringLiteral("mallory"), QStringLiteral("500"), date)));
    QVERIFY(publish(QStringLiteral("/change/site_b"),
                    change(QStringLiteral("mallory"), QStringLiteral("501"), date, QStringLiteral("soon"))));
    QVERIFY(publish(QStringLiteral("/info/site_b"),
                    info(QStringLiteral("mallory"), QStringLiteral("data_received"),
                         {{QStringLiteral("table"), QStringLiteral("items")},
                          {QStringLiteral("id"), QStringLiteral("7")},
                          {QStringLiteral("date"), date}})));
    QVERIFY(publish(QStringLiteral("/info/site_b"),
                    info(QStringLiteral("mallory"), QStringLiteral("error"),
                         {{QStringLiteral("table"), QStringLiteral("items")},
                          {QStringLiteral("id"), QStringLiteral("8")},
                          {QStringLiteral("date"), date},
                          {QStringLiteral("message"), QStringLiteral("no")}})));
    QVERIFY(publish(QStringLiteral("/change/site_b"), change(QStringLiteral("site_c"), QStringLiteral("502"), date)));
    const QString problem = sentinel();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // Nothing applied.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id IN (500, 501, 502)")).toInt(), 0);
    // Nothing stored: no receipt owed to them, no sync_status row of theirs.
    QCOMPARE(outboxReceiptsFor(QStringLiteral("mallory")), 0);
    QCOMPARE(outboxReceiptsFor(QStringLiteral("site_c")), 0);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE remote IN ('mallory', 'site_c')"))
                 .toInt(),
             0);
    // Nothing published to them.
    QCOMPARE(m_all->count(QStringLiteral("/info/mallory ")), 0);
    QCOMPARE(m_all->count(QStringLiteral("/change/mallory ")), 0);
    QCOMPARE(m_all->count(QStringLiteral("/info/site_c ")), 0);
    // No presence kept: mallory never counted as online.
    QVERIFY2(logLines(QStringLiteral("mallory is online")).isEmpty(),
             qPrintable(logLines(QStringLiteral("mallory")).join(QLatin1Char('\n'))));
    // Counted (6 messages) and logged once per name.
    QVERIFY2(waitUntil([&] { return m_counters.unknownSenders == 6; }, kTimeoutMs),
             qPrintable(QString::number(m_counters.unknownSenders)));
    QCOMPARE(logLines(QStringLiteral("unknown sender \"mallory\"")).size(), 1);
    QCOMPARE(logLines(QStringLiteral("unknown sender \"site_c\"")).size(), 1);
    // The configured remote is still heard.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 9999")).toString(), kRemote);
}

void TestSenders::loggedOncePerMinutePerName()
{
    const qint64 before = m_counters.unknownSenders;
    for (int i = 0; i < 10; ++i)
        QVERIFY(publish(QStringLiteral("/change/site_b"),
                        change(QStringLiteral("mallory"), QString::number(600 + i), ++m_date)));
    const QString problem = sentinel();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(waitUntil([&] { return m_counters.unknownSenders == before + 10; }, kTimeoutMs),
             qPrintable(QString::number(m_counters.unknownSenders)));
    QCOMPARE(logLines(QStringLiteral("unknown sender \"mallory\"")).size(), 1);
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id BETWEEN 600 AND 609")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestSenders)
#include "tst_senders.moc"
