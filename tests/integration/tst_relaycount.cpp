// The Overview's "Relayed" counter (EngineCounters::relayed) counts relays owed: each change
// received on a bidirectional table counts once per other remote it is owed on to. With no
// other remote (two sites) nothing is relayed and the counter stays 0; with one remote beside
// the sender it counts each row once, with two, twice. site_a is an in-process engine behind
// the Engine interface (ThreadedEngine, so that its counters can be read); the test plays
// site_b with mosquitto_pub; site_c and site_d never come online (their relays wait queued).
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "config/Config.h"
#include "engine/ThreadedEngine.h"

#include "EngineProcess.h"
#include "Mqtt.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

using namespace testsupport;
using namespace mysqlsync;

namespace {
const QString kDatabase = QStringLiteral("relaycount_a");
const int kRows = 30;
const int kTimeoutMs = 30000;
} // namespace

class TestRelayCount : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void relayedCountsWhatIsOwedToOtherRemotes_data();
    void relayedCountsWhatIsOwedToOtherRemotes();

private:
    Servers m_servers;
};

void TestRelayCount::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
}

void TestRelayCount::relayedCountsWhatIsOwedToOtherRemotes_data()
{
    QTest::addColumn<QStringList>("others");
    QTest::addColumn<qint64>("relayed");
    QTest::newRow("two sites: no one to relay to") << QStringList() << qint64(0);
    QTest::newRow("three sites: once per row") << QStringList{QStringLiteral("site_c")} << qint64(kRows);
    QTest::newRow("four sites: twice per row")
        << QStringList{QStringLiteral("site_c"), QStringLiteral("site_d")} << qint64(2 * kRows);
}

void TestRelayCount::relayedCountsWhatIsOwedToOtherRemotes()
{
    QFETCH(QStringList, others);
    QFETCH(qint64, relayed);
    SiteDatabase db(m_servers, 'A', kDatabase);
    QVERIFY2(db.isOpen(), qPrintable(db.lastError()));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(64))")));

    // items is sent and received: bidirectional, so what arrives is owed on to the others.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QJsonObject json = EngineProcess::config(m_servers, 'A', kDatabase, QStringLiteral("site_a"),
                                                   QStringList{QStringLiteral("site_b")} + others,
                                                   {QStringLiteral("items")}, {QStringLiteral("items")});
    QFile file(dir.filePath(QStringLiteral("site_a.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
    file.close();
    Config config;
    QString error;
    QVERIFY2(ConfigLoader::load(file.fileName(), &config, &error), qPrintable(error));

    MqttSubscriber info(m_servers, QStringLiteral("/info"));
    QVERIFY(info.isReady());
    ThreadedEngine engine;
    EngineCounters counters;
    bool databaseUp = false;
    connect(&engine, &Engine::countersChanged, this, [&](const EngineCounters &c) { counters = c; });
    connect(&engine, &Engine::databaseStateChanged, this, [&](bool up) { databaseUp = up; });
    connect(&engine, &Engine::fatalError, this, [&](const QString &message) { error = message; });
    engine.start(config);
    // Ready: the triggers are in place, the database is up and site_a says hello on /info
    // (it subscribes before it publishes anything).
    QVERIFY2(waitUntil(
                 [&] {
                     return !error.isEmpty()
                         || (databaseUp && info.count(QStringLiteral("\"sender\":\"site_a\"")) > 0
                             && db.scalar(QStringLiteral("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE "
                                                         "TRIGGER_SCHEMA = DATABASE()"))
                                     .toInt()
                                 == 3);
                 },
                 kTimeoutMs),
             "site_a did not get ready");
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const qint64 date = QDateTime::currentMSecsSinceEpoch();
    QList<QByteArray> changes;
    for (int i = 1; i <= kRows; ++i) {
        const QJsonObject entity{{QStringLiteral("id"), i},
                                 {QStringLiteral("name"), QStringLiteral("made on b %1").arg(i)}};
        changes << QJsonDocument(QJsonObject{{QStringLiteral("sender"), QStringLiteral("site_b")},
                                             {QStringLiteral("table"), QStringLiteral("items")},
                                             {QStringLiteral("id"), QString::number(i)},
                                             {QStringLiteral("date"), date},
                                             {QStringLiteral("entity"), entity}})
                       .toJson(QJsonDocument::Compact);
    }
    QVERIFY(mqttPublishLines(m_servers, QStringLiteral("/change/site_a"), changes));
    QVERIFY2(waitUntil([&] { return counters.applied == kRows; }, kTimeoutMs),
             qPrintable(QStringLiteral("applied %1 of %2").arg(counters.applied).arg(kRows)));
    QCOMPARE(db.count(QStringLiteral("items")), qint64(kRows));
    QCOMPARE(counters.relayed, relayed);
    QCOMPARE(counters.captured, qint64(0)); // applied rows are not captured again (echo suppression)

    QSignalSpy stopped(&engine, &Engine::stopped);
    engine.stop();
    QVERIFY(stopped.wait(20000));
}

QTEST_MAIN(TestRelayCount)
#include "tst_relaycount.moc"
