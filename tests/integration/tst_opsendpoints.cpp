// Issue 18, operations: a daemon with `http.listen` serves GET /metrics (read back with
// Prometheus' own parser: the counters move as rows are captured and applied, the remote is
// online) and GET /healthz (200 while the database and the broker are connected; 503 naming
// the broker while it cannot reach it), without any feed.
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

#include "EngineProcess.h"
#include "PrometheusParse.h"
#include "SiteSet.h"
#include "TestUtil.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {

struct Answer {
    int status = 0; // 0: no answer
    QByteArray body;
};

Answer get(int port, const QString &path)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path))));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    reply->deleteLater();
    return a;
}

double sample(const QJsonObject &families, const QString &family, const QString &name, const QJsonObject &labels)
{
    for (const QJsonValue &s : families.value(family).toObject().value(QStringLiteral("samples")).toArray()) {
        const QJsonObject o = s.toObject();
        if (o.value(QStringLiteral("name")).toString() == name
            && o.value(QStringLiteral("labels")).toObject() == labels)
            return o.value(QStringLiteral("value")).toDouble();
    }
    return -1;
}

} // namespace

class TestOpsEndpoints : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void metricsAndHealth();
    void unhealthyWithoutBroker();
    void feedClientsGauge();

private:
    Servers m_servers;
};

void TestOpsEndpoints::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
}

void TestOpsEndpoints::metricsAndHealth()
{
    const QString table = QStringLiteral("items");
    const QStringList tables{table};
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL) ENGINE=InnoDB");
    SiteSet sites(m_servers);
    SITES_MAKE(sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("ops_a"), QStringList{ddl});
    SITES_MAKE(sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("ops_b"), QStringList{ddl});
    const int portA = freePort();
    const int portB = freePort();
    QVERIFY(portA > 0 && portB > 0 && portA != portB);
    auto http = [](int port) {
        return QJsonObject{{QStringLiteral("http"),
                            QJsonObject{{QStringLiteral("listen"), QStringLiteral("127.0.0.1:%1").arg(port)}}}};
    };
    sites.configure(a, {QStringLiteral("site_b")}, tables, {}, http(portA));
    sites.configure(b, {QStringLiteral("site_a")}, {}, tables, http(portB));
    QVERIFY(sites.start(b));
    QVERIFY(sites.start(a));
    QVERIFY(sites.waitReady(a, {QStringLiteral("site_b")}));
    QVERIFY(waitUntil([&] { return get(portA, QStringLiteral("/healthz")).status == 200; }, 10000, 100));
    QCOMPARE(get(portA, QStringLiteral("/healthz")).body, QByteArray("ok: database and broker connected\n"));
    QCOMPARE(get(portA, QStringLiteral("/nothing")).status, 404);

    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'three')")));
    SITES_WAIT(sites, tables, SiteSet::sameDumps(a, b, table) && SiteSet::unsettled(a, QStringLiteral("site_b")) == 0,
               30000);
    const QJsonObject siteA{{QStringLiteral("site"), QStringLiteral("site_a")}};
    const QJsonObject siteB{{QStringLiteral("site"), QStringLiteral("site_b")}};
    QJsonObject fa;
    QJsonObject fb;
    QString error;
    // Counters reach the endpoint with the engine's next report (about a second).
    const bool counted = waitUntil(
        [&] {
            const Answer ma = get(portA, QStringLiteral("/metrics"));
            const Answer mb = get(portB, QStringLiteral("/metrics"));
            fa = parsePrometheus(ma.body, &error);
            fb = parsePrometheus(mb.body, &error);
            return ma.status == 200 && mb.status == 200
                && sample(fa, QStringLiteral("mysql_sync_changes_captured"),
                          QStringLiteral("mysql_sync_changes_captured_total"), siteA)
                == 3
                && sample(fb, QStringLiteral("mysql_sync_changes_applied"),
                          QStringLiteral("mysql_sync_changes_applied_total"), siteB)
                == 3;
        },
        15000, 200);
    QVERIFY2(counted,
             qPrintable(error + QStringLiteral("\n") + QString::fromUtf8(get(portA, QStringLiteral("/metrics")).body)));
    QJsonObject remote = siteA;
    remote.insert(QStringLiteral("remote"), QStringLiteral("site_b"));
    QCOMPARE(sample(fa, QStringLiteral("mysql_sync_remote_online"), QStringLiteral("mysql_sync_remote_online"), remote),
             1.0);
    // No feed: its gauge is there, 0.
    QCOMPARE(sample(fa, QStringLiteral("mysql_sync_feed_clients"), QStringLiteral("mysql_sync_feed_clients"), siteA),
             0.0);
    QCOMPARE(fa.value(QStringLiteral("mysql_sync_feed_clients")).toObject().value(QStringLiteral("type")).toString(),
             QStringLiteral("gauge"));
    QCOMPARE(sample(fa, QStringLiteral("mysql_sync_database_connected"),
                    QStringLiteral("mysql_sync_database_connected"), siteA),
             1.0);
    // Site B applied three rows: each counted once in its latency histogram.
    QCOMPARE(sample(fb, QStringLiteral("mysql_sync_apply_latency_seconds"),
                    QStringLiteral("mysql_sync_apply_latency_seconds_count"), siteB),
             3.0);
    QJsonObject inf = siteB;
    inf.insert(QStringLiteral("le"), QStringLiteral("+Inf"));
    QCOMPARE(sample(fb, QStringLiteral("mysql_sync_apply_latency_seconds"),
                    QStringLiteral("mysql_sync_apply_latency_seconds_bucket"), inf),
             3.0);
    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

void TestOpsEndpoints::unhealthyWithoutBroker()
{
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL) ENGINE=InnoDB");
    SiteSet sites(m_servers);
    SITES_MAKE(sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("ops2_a"), QStringList{ddl});
    const int port = freePort();
    const int nobody = freePort(); // no broker listens there
    QVERIFY(port > 0 && nobody > 0 && port != nobody);
    QJsonObject extra{
        {QStringLiteral("http"), QJsonObject{{QStringLiteral("listen"), QStringLiteral("127.0.0.1:%1").arg(port)}}}};
    sites.configure(a, {QStringLiteral("site_b")}, {QStringLiteral("items")}, {}, extra);
    QJsonObject config = a.engine->currentConfig();
    QJsonObject mqtt = config.value(QStringLiteral("mqttConfig")).toObject();
    mqtt.insert(QStringLiteral("port"), nobody);
    config.insert(QStringLiteral("mqttConfig"), mqtt);
    a.engine->setConfig(config);
    QVERIFY(sites.start(a));
    Answer h;
    QVERIFY(waitUntil(
        [&] {
            h = get(port, QStringLiteral("/healthz"));
            return h.status == 503 && h.body.startsWith("broker not connected");
        },
        20000, 200));
    QVERIFY(a.engine->stop());
}

// mysql_sync_feed_clients follows the feed's open WebSocket connections.
void TestOpsEndpoints::feedClientsGauge()
{
    const QStringList
        ddl{QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL) ENGINE=InnoDB"),
            QStringLiteral("CREATE TABLE users (id INT PRIMARY KEY, token VARCHAR(64) NULL)"),
            QStringLiteral("INSERT INTO users VALUES (1, 'tok-1')")};
    SiteSet sites(m_servers);
    SITES_MAKE(sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("ops3_a"), ddl);
    const int port = freePort();
    const int feedPort = freePort();
    QVERIFY(port > 0 && feedPort > 0 && port != feedPort);
    QJsonObject extra{{QStringLiteral("http"),
                       QJsonObject{{QStringLiteral("listen"), QStringLiteral("127.0.0.1:%1").arg(port)}}},
                      {QStringLiteral("feed"),
                       QJsonObject{{QStringLiteral("listen"), QStringLiteral("127.0.0.1:%1").arg(feedPort)},
                                   {QStringLiteral("tokens"),
                                    QJsonObject{{QStringLiteral("table"), QStringLiteral("users")},
                                                {QStringLiteral("tokenColumn"), QStringLiteral("token")},
                                                {QStringLiteral("userColumn"), QStringLiteral("id")}}},
                                   {QStringLiteral("routing"),
                                    QJsonObject{{QStringLiteral("items"), QStringLiteral("*")}}}}}};
    sites.configure(a, {QStringLiteral("site_b")}, {QStringLiteral("items")}, {}, extra);
    QVERIFY(sites.start(a));
    const QJsonObject siteA{{QStringLiteral("site"), QStringLiteral("site_a")}};
    auto gauge = [&] {
        QString error;
        const QJsonObject f = parsePrometheus(get(port, QStringLiteral("/metrics")).body, &error);
        return sample(f, QStringLiteral("mysql_sync_feed_clients"), QStringLiteral("mysql_sync_feed_clients"), siteA);
    };
    QVERIFY(waitUntil([&] { return gauge() == 0; }, 20000, 200));
    QWebSocket one;
    QWebSocket two;
    one.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/?token=tok-1").arg(feedPort)));
    two.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(feedPort)));
    QVERIFY(waitUntil([&] { return gauge() == 2; }, 10000, 100));
    two.close();
    QVERIFY(waitUntil([&] { return gauge() == 1; }, 10000, 100));
    one.close();
    QVERIFY(waitUntil([&] { return gauge() == 0; }, 10000, 100));
    QVERIFY(a.engine->stop());
}

QTEST_GUILESS_MAIN(TestOpsEndpoints)
#include "tst_opsendpoints.moc"
