// Clock skew between sites (issue 11, item 14). A mysql-sync daemon "site_a" on MariaDB A syncs
// `items` to site_b, which the test plays: its `connected` heartbeats carry an `until` of a clock
// a minute behind ours (until = its now + 2 * checkInterval + 3000, its now = ours - 60 s, so
// every `until` is already in the past by our clock), sent every checkInterval. The engine must
// count site_b as online (a row written on A is published on /change/site_b instead of staying
// queued), log the skew it measured, and still take site_b offline within seconds once the
// heartbeats stop.
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

#include "EngineProcess.h"
#include "Mqtt.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

using namespace testsupport;

class TestClockSkew : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aRemoteOneMinuteBehindIsOnline();
};

void TestClockSkew::aRemoteOneMinuteBehindIsOnline()
{
    const Servers servers = Servers::fromEnvironment();
    QVERIFY2(servers.valid, qPrintable(servers.error));
    SiteDatabase a(servers, 'A', QStringLiteral("clockskew_a"));
    QVERIFY2(a.isOpen(), qPrintable(a.lastError()));
    QVERIFY(a.exec(QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NULL)")));
    MqttSubscriber changes(servers, QStringLiteral("/change/site_b"));
    QVERIFY(changes.isReady());

    const QJsonObject config =
        EngineProcess::config(servers, 'A', QStringLiteral("clockskew_a"), QStringLiteral("site_a"),
                              {QStringLiteral("site_b")}, {QStringLiteral("items")}, {});
    const int checkInterval = config.value(QStringLiteral("checkInterval")).toInt();
    QCOMPARE(checkInterval, 500);
    EngineProcess engine(QStringLiteral("site_a"), config);
    QVERIFY(engine.start());
    QVERIFY2(engine.waitForLog("subscribed to", 30000), engine.log().right(2000).constData());

    const qint64 skew = -60000;
    QTimer heartbeat;
    heartbeat.setInterval(checkInterval);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 until = QDateTime::currentMSecsSinceEpoch() + skew + 2 * checkInterval + 3000;
        mqttPublish(servers, QStringLiteral("/info"),
                    QJsonDocument(QJsonObject{{QStringLiteral("sender"), QStringLiteral("site_b")},
                                              {QStringLiteral("message"), QStringLiteral("connected")},
                                              {QStringLiteral("args"), QJsonObject{{QStringLiteral("until"), until}}}})
                        .toJson(QJsonDocument::Compact));
    });
    heartbeat.start();

    QVERIFY(a.exec(QStringLiteral("INSERT INTO items VALUES (1, 'sent despite the skew')")));
    QElapsedTimer timer;
    timer.start();
    const bool sent = waitUntil([&] { return changes.count(QStringLiteral("sent despite the skew")) > 0; }, 20000);
    qInfo() << "change published on /change/site_b after" << timer.elapsed() << "ms:" << sent;
    QVERIFY2(sent, engine.log().right(3000).constData());
    QVERIFY2(engine.log().contains("site_b is online"), engine.log().right(3000).constData());
    // The estimate is off by the time a heartbeat takes to arrive (a mosquitto_pub process each,
    // a tenth of a second or two on a busy machine).
    static const QRegularExpression estimate(
        QStringLiteral("the clock of site_b is about (59\\.[5-9]|60\\.[0-4]) s behind ours"));
    QVERIFY2(estimate.match(QString::fromUtf8(engine.log())).hasMatch(), engine.log().right(3000).constData());
    // Heartbeats keep it online: no flapping while they come.
    QTest::qWait(5000);
    QVERIFY2(!engine.log().contains("site_b is offline"), engine.log().right(3000).constData());

    // It stops: offline on time (the rule's lead, 4 s, plus a second), not a minute off.
    heartbeat.stop();
    timer.restart();
    const int from = int(engine.log().size());
    QVERIFY2(engine.waitForLog("site_b is offline", 15000, from), engine.log().right(3000).constData());
    qInfo() << "offline" << timer.elapsed() << "ms after the last heartbeat was sent";
    QVERIFY2(timer.elapsed() < 8000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(engine.stop());
}

QTEST_GUILESS_MAIN(TestClockSkew)
#include "tst_clockskew.moc"
