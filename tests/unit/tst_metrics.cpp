// GET /metrics' text (issue 18): metrics/PrometheusText and metrics/EngineMetrics. The text is
// read back with Prometheus' own parser (Debian's python3-prometheus-client, strict about the
// exposition format), so a malformed line, a wrong type or a histogram whose buckets do not
// add up fails here; the values are checked against what the engine reported.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include "PrometheusParse.h"
#include "engine/EngineReports.h"
#include "metrics/EngineMetrics.h"
#include "metrics/PrometheusText.h"

using namespace mysqlsync;

namespace {

double value(const QJsonObject &families, const QString &family, const QString &sample, const QJsonObject &labels)
{
    for (const QJsonValue &s : families.value(family).toObject().value(QStringLiteral("samples")).toArray()) {
        const QJsonObject o = s.toObject();
        if (o.value(QStringLiteral("name")).toString() == sample
            && o.value(QStringLiteral("labels")).toObject() == labels)
            return o.value(QStringLiteral("value")).toDouble();
    }
    return -1;
}

} // namespace

class TestMetrics : public QObject {
    Q_OBJECT
private slots:
    void namesAndNumbers();
    void labelValuesEscaped();
    void engineReportsBecomeMetrics();
    void healthFollowsDatabaseAndBroker();
};

void TestMetrics::namesAndNumbers()
{
    QVERIFY(PrometheusText::validName(QStringLiteral("mysql_sync_up")));
    QVERIFY(PrometheusText::validName(QStringLiteral("a:b_c9")));
    QVERIFY(!PrometheusText::validName(QStringLiteral("9lives")));
    QVERIFY(!PrometheusText::validName(QStringLiteral("has-dash")));
    QVERIFY(!PrometheusText::validName(QString()));
    QCOMPARE(PrometheusText::number(3), QStringLiteral("3"));
    QCOMPARE(PrometheusText::number(0.25), QStringLiteral("0.25"));
    QCOMPARE(PrometheusText::number(1e300 * 1e300), QStringLiteral("+Inf"));
}

void TestMetrics::labelValuesEscaped()
{
    PrometheusText p;
    p.family(QStringLiteral("t_gauge"), PrometheusText::Type::Gauge, QStringLiteral("help with \\ and\nnewline"));
    const QString hostile = QStringLiteral("a \"quoted\" \\ back\nslash}");
    p.sample(QStringLiteral("t_gauge"), {{QStringLiteral("remote"), hostile}}, 7);
    QString error;
    const QJsonObject f = testsupport::parsePrometheus(p.text(), &error);
    QVERIFY2(!f.isEmpty(), qPrintable(error + QStringLiteral("\n") + QString::fromUtf8(p.text())));
    QCOMPARE(f.value(QStringLiteral("t_gauge")).toObject().value(QStringLiteral("help")).toString(),
             QStringLiteral("help with \\ and\nnewline"));
    QCOMPARE(value(f, QStringLiteral("t_gauge"), QStringLiteral("t_gauge"), {{QStringLiteral("remote"), hostile}}),
             7.0);
}

void TestMetrics::engineReportsBecomeMetrics()
{
    EngineReports engine;
    EngineMetrics metrics;
    metrics.watch(&engine, QStringLiteral("site_a"), {QStringLiteral("site_b"), QStringLiteral("site_c")});
    int clients = 3;
    metrics.addGauge(QStringLiteral("mysql_sync_feed_clients"), QStringLiteral("feed clients"),
                     [&clients] { return double(clients); });
    Q_EMIT engine.databaseStateChanged(true, QStringLiteral("db"));
    Q_EMIT engine.brokerStateChanged(true, QStringLiteral("broker"));
    Q_EMIT engine.remoteStateChanged(QStringLiteral("site_b"), true, 0);
    Q_EMIT engine.remoteStateChanged(QStringLiteral("not_configured"), true, 0);
    Q_EMIT engine.outboxDepthChanged(QStringLiteral("site_c"), 42);
    Q_EMIT engine.conflictsChanged(5, 2);
    EngineCounters c;
    c.captured = 10;
    c.applied = 4;
    c.sent = 12;
    c.conflictsByTable.insert(QStringLiteral("items/site_b"), 2);
    c.applyLatency.add(0.003); // le 0.005
    c.applyLatency.add(0.02);  // le 0.025
    c.applyLatency.add(0.02);  // le 0.025
    c.applyLatency.add(400);   // above every bound
    c.applyLatency.add(-1);    // a clock ahead: counts as 0
    Q_EMIT engine.countersChanged(c);

    QString error;
    const QJsonObject f = testsupport::parsePrometheus(metrics.prometheusText(), &error);
    QVERIFY2(!f.isEmpty(), qPrintable(error + QStringLiteral("\n") + QString::fromUtf8(metrics.prometheusText())));
    const QJsonObject site{{QStringLiteral("site"), QStringLiteral("site_a")}};
    auto with = [&site](const QString &k, const QString &v) {
        QJsonObject o = site;
        o.insert(k, v);
        return o;
    };
    // The parser drops a counter's _total from the family name, not from the sample's.
    QCOMPARE(f.value(QStringLiteral("mysql_sync_changes_captured")).toObject().value(QStringLiteral("type")).toString(),
             QStringLiteral("counter"));
    QCOMPARE(value(f, QStringLiteral("mysql_sync_changes_captured"),
                   QStringLiteral("mysql_sync_changes_captured_total"), site),
             10.0);
    QCOMPARE(value(f, QStringLiteral("mysql_sync_changes_applied"), QStringLiteral("mysql_sync_changes_applied_total"),
                   site),
             4.0);
    QCOMPARE(value(f, QStringLiteral("mysql_sync_database_connected"), QStringLiteral("mysql_sync_database_connected"),
                   site),
             1.0);
    QCOMPARE(value(f, QStringLiteral("mysql_sync_remote_online"), QStringLiteral("mysql_sync_remote_online"),
                   with(QStringLiteral("remote"), QStringLiteral("site_b"))),
             1.0);
    QCOMPARE(value(f, QStringLiteral("mysql_sync_remote_online"), QStringLiteral("mysql_sync_remote_online"),
                   with(QStringLiteral("remote"), QStringLiteral("site_c"))),
             0.0);
    QCOMPARE(f.value(QStringLiteral("mysql_sync_remote_online"))
                 .toObject()
                 .value(QStringLiteral("samples"))
                 .toArray()
                 .size(),
             2); // a remote that is not configured is not reported
    QCOMPARE(value(f, QStringLiteral("mysql_sync_outbox_depth"), QStringLiteral("mysql_sync_outbox_depth"),
                   with(QStringLiteral("remote"), QStringLiteral("site_c"))),
             42.0);
    QJsonObject conflictLabels = with(QStringLiteral("table"), QStringLiteral("items"));
    conflictLabels.insert(QStringLiteral("remote"), QStringLiteral("site_b"));
    QCOMPARE(value(f, QStringLiteral("mysql_sync_conflicts"), QStringLiteral("mysql_sync_conflicts_total"),
                   conflictLabels),
             2.0);
    QCOMPARE(value(f, QStringLiteral("mysql_sync_conflicts_open"), QStringLiteral("mysql_sync_conflicts_open"), site),
             5.0);
    QCOMPARE(value(f, QStringLiteral("mysql_sync_feed_clients"), QStringLiteral("mysql_sync_feed_clients"), site), 3.0);

    const QString h = QStringLiteral("mysql_sync_apply_latency_seconds");
    QCOMPARE(f.value(h).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("histogram"));
    const QString bucket = h + QStringLiteral("_bucket");
    QCOMPARE(value(f, h, bucket, with(QStringLiteral("le"), QStringLiteral("0.005"))), 2.0); // 0.003 and the 0
    QCOMPARE(value(f, h, bucket, with(QStringLiteral("le"), QStringLiteral("0.01"))), 2.0);
    QCOMPARE(value(f, h, bucket, with(QStringLiteral("le"), QStringLiteral("0.025"))), 4.0);
    QCOMPARE(value(f, h, bucket, with(QStringLiteral("le"), QStringLiteral("30"))), 4.0);
    QCOMPARE(value(f, h, bucket, with(QStringLiteral("le"), QStringLiteral("+Inf"))), 5.0);
    QCOMPARE(value(f, h, h + QStringLiteral("_count"), site), 5.0);
    QVERIFY(qAbs(value(f, h, h + QStringLiteral("_sum"), site) - 400.043) < 1e-9);
}

void TestMetrics::healthFollowsDatabaseAndBroker()
{
    EngineReports engine;
    EngineMetrics metrics;
    metrics.watch(&engine, QStringLiteral("site_a"), {});
    QString why;
    QVERIFY(!metrics.healthy(&why));
    QCOMPARE(why, QStringLiteral("database not connected; broker not connected"));
    Q_EMIT engine.databaseStateChanged(true, QString());
    Q_EMIT engine.brokerStateChanged(false, QStringLiteral("connection refused"));
    QVERIFY(!metrics.healthy(&why));
    QCOMPARE(why, QStringLiteral("broker not connected (connection refused)"));
    Q_EMIT engine.brokerStateChanged(true, QString());
    QVERIFY(metrics.healthy(&why));
    Q_EMIT engine.stopped();
    QVERIFY(!metrics.healthy(&why));
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
