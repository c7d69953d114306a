#include "metrics/EngineMetrics.h"

#include "common/Logging.h"
#include "metrics/PrometheusText.h"

namespace mysqlsync {

EngineMetrics::EngineMetrics(QObject *parent)
    : QObject(parent)
{ }

void EngineMetrics::watch(EngineReports *engine, const QString &site, const QStringList &remotes)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_site = site;
    m_remotes.clear();
    for (const QString &r : remotes)
        m_remotes.insert(r, Remote());
    m_database = m_broker = false;
    m_counters = EngineCounters();
    m_conflictsOpen = 0;
    m_connections << connect(engine, &EngineReports::databaseStateChanged, this,
                             [this](bool connected, const QString &detail) {
                                 if (connected != m_database)
                                     qCDebug(lcMetrics) << "database" << (connected ? "connected" : "disconnected");
                                 m_database = connected;
                                 m_databaseDetail = detail;
                             });
    m_connections << connect(engine, &EngineReports::brokerStateChanged, this,
                             [this](bool connected, const QString &detail) {
                                 if (connected != m_broker)
                                     qCDebug(lcMetrics) << "broker" << (connected ? "connected" : "disconnected");
                                 m_broker = connected;
                                 m_brokerDetail = detail;
                             });
    m_connections << connect(engine, &EngineReports::remoteStateChanged, this,
                             [this](const QString &name, bool online, qint64) {
                                 if (m_remotes.contains(name))
                                     m_remotes[name].online = online;
                             });
    m_connections << connect(engine, &EngineReports::outboxDepthChanged, this, [this](const QString &name, int depth) {
        if (m_remotes.contains(name))
            m_remotes[name].outboxDepth = depth;
    });
    m_connections << connect(engine, &EngineReports::countersChanged, this,
                             [this](const EngineCounters &c) { m_counters = c; });
    m_connections << connect(engine, &EngineReports::conflictsChanged, this,
                             [this](qint64 open, int) { m_conflictsOpen = open; });
    m_connections << connect(engine, &EngineReports::stopped, this, [this] { m_database = m_broker = false; });
    m_connections << connect(engine, &EngineReports::fatalError, this,
                             [this](const QString &) { m_database = m_broker = false; });
}

void EngineMetrics::addGauge(const QString &name, const QString &help, std::function<double()> read)
{
    m_gauges.append({name, help, std::move(read)});
}

QByteArray EngineMetrics::prometheusText() const
{
    using T = PrometheusText::Type;
    PrometheusText p;
    const PrometheusText::Labels site{{QStringLiteral("site"), m_site}};
    auto gauge = [&](const QString &name, const QString &help, double value) {
        p.family(name, T::Gauge, help);
        p.sample(name, site, value);
    };
    auto counter = [&](const QString &name, const QString &help, qint64 value) {
        p.family(name, T::Counter, help);
        p.sample(name, site, double(value));
    };
    gauge(QStringLiteral("mysql_sync_database_connected"), QStringLiteral("1 while the engine's database is connected"),
          m_database ? 1 : 0);
    gauge(QStringLiteral("mysql_sync_broker_connected"), QStringLiteral("1 while the engine's broker is connected"),
          m_broker ? 1 : 0);
    const EngineCounters &c = m_counters;
    counter(QStringLiteral("mysql_sync_changes_captured_total"), QStringLiteral("table_changes rows taken"),
            c.captured);
    counter(QStringLiteral("mysql_sync_changes_sent_total"), QStringLiteral("changes published, resends included"),
            c.sent);
    counter(QStringLiteral("mysql_sync_changes_resent_total"), QStringLiteral("changes published again"), c.resent);
    counter(QStringLiteral("mysql_sync_changes_applied_total"), QStringLiteral("incoming changes written"), c.applied);
    counter(QStringLiteral("mysql_sync_changes_relayed_total"),
            QStringLiteral("incoming changes owed on to other remotes, once per remote"), c.relayed);
    counter(QStringLiteral("mysql_sync_receipts_received_total"), QStringLiteral("receipts received"), c.receiptsIn);
    counter(QStringLiteral("mysql_sync_receipts_sent_total"), QStringLiteral("receipts published"), c.receiptsOut);
    counter(QStringLiteral("mysql_sync_errors_total"), QStringLiteral("error events"), c.errors);
    counter(QStringLiteral("mysql_sync_unknown_sender_messages_total"),
            QStringLiteral("messages dropped because their sender is not in remoteClients"), c.unknownSenders);
    counter(QStringLiteral("mysql_sync_messages_sent_total"), QStringLiteral("MQTT messages that carried changes"),
            c.messagesOut);
    counter(QStringLiteral("mysql_sync_sent_bytes_total"), QStringLiteral("payload bytes of those messages"),
            c.bytesOut);
    counter(QStringLiteral("mysql_sync_conflicts_settled_total"), QStringLiteral("conflicts settled"),
            c.conflictsSettled);

    const QString conflicts = QStringLiteral("mysql_sync_conflicts_total");
    p.family(conflicts, T::Counter,
             QStringLiteral("conflicts seen, per table and remote (the origin of the version "
                            "that arrived)"));
    for (auto it = c.conflictsByTable.cbegin(); it != c.conflictsByTable.cend(); ++it) {
        const qsizetype slash = it.key().lastIndexOf(QLatin1Char('/'));
        p.sample(conflicts,
                 site
                     + PrometheusText::Labels{{QStringLiteral("table"), it.key().left(slash)},
                                              {QStringLiteral("remote"), it.key().mid(slash + 1)}},
                 double(it.value()));
    }
    gauge(QStringLiteral("mysql_sync_conflicts_open"), QStringLiteral("conflicts of sync_conflicts not settled"),
          double(m_conflictsOpen));

    const QString online = QStringLiteral("mysql_sync_remote_online");
    p.family(online, T::Gauge, QStringLiteral("1 while the remote is online"));
    for (auto it = m_remotes.cbegin(); it != m_remotes.cend(); ++it)
        p.sample(online, site + PrometheusText::Labels{{QStringLiteral("remote"), it.key()}}, it->online ? 1 : 0);
    const QString depth = QStringLiteral("mysql_sync_outbox_depth");
    p.family(depth, T::Gauge, QStringLiteral("changes owed to the remote, queued or not yet acknowledged"));
    for (auto it = m_remotes.cbegin(); it != m_remotes.cend(); ++it)
        p.sample(depth, site + PrometheusText::Labels{{QStringLiteral("remote"), it.key()}}, it->outboxDepth);

    const QString latency = QStringLiteral("mysql_sync_apply_latency_seconds");
    p.family(latency, T::Histogram,
             QStringLiteral("from an incoming change's send date (its sender's clock) to its commit here"));
    p.histogram(latency, site, LatencyHistogram::kBounds, c.applyLatency.counts, c.applyLatency.sum);

    for (const Gauge &g : m_gauges)
        gauge(g.name, g.help, g.read ? g.read() : 0);
    return p.text();
}

bool EngineMetrics::healthy(QString *why) const
{
    if (m_database && m_broker) {
        *why = QStringLiteral("ok: database and broker connected");
        return true;
    }
    QStringList down;
    if (!m_database)
        down << QStringLiteral("database not connected")
                + (m_databaseDetail.isEmpty() ? QString() : QStringLiteral(" (") + m_databaseDetail + QLatin1Char(')'));
    if (!m_broker)
        down << QStringLiteral("broker not connected")
                + (m_brokerDetail.isEmpty() ? QString() : QStringLiteral(" (") + m_brokerDetail + QLatin1Char(')'));
    *why = down.join(QStringLiteral("; "));
    return false;
}

} // namespace mysqlsync
