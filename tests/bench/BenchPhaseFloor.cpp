// Phase floor: the MQTT floor of each path (mysql-sync-mqtt-floor: Paho + Mosquitto alone,
// no database, no engine) and each path's end-to-end figure as a share of it.
#include "Bench.h"

#include <QJsonDocument>
#include <QProcess>

#include <algorithm>
#include <cmath>

namespace bench {

void Bench::phaseFloor()
{
    heading(QStringLiteral("[6] the MQTT floor: Paho + Mosquitto alone, no database, no engine"));
    // The daemons would compete with the floor for the broker and the CPU.
    stopEngines();
    const QJsonObject perRow = runFloor(1, false);
    const bool compress = configuredCompress();
    const QJsonObject batch = g_interrupted ? QJsonObject() : runFloor(batchRows(), compress);
    auto share = [&](const QJsonObject &floor, const char *e2eKey, const QString &what, QJsonObject *into) {
        const double rate = floor.value(QStringLiteral("rows_per_s")).toDouble();
        const double e2e =
            m_result.value(QLatin1String(e2eKey)).toObject().value(QStringLiteral("rows_per_s")).toDouble();
        if (rate > 0 && e2e > 0) {
            line(QStringLiteral("%1: end to end as a share of its floor").arg(what),
                 QStringLiteral("%1 % (%2 of %3 rows/s)")
                     .arg(num(100 * e2e / rate, 100 * e2e / rate < 10 ? 2 : 0), num(e2e), num(rate)));
            into->insert(QStringLiteral("e2e_share_percent"), std::round(10000 * e2e / rate) / 100);
        }
    };
    QJsonObject a = perRow, b = batch;
    heading(QStringLiteral("[6c] each path against its floor"));
    share(perRow, "e2e_per_row", QStringLiteral("per-row path"), &a);
    share(batch, "e2e", QStringLiteral("fast path"), &b);
    if (!a.isEmpty())
        m_result.insert(QStringLiteral("floor"), a);
    if (!b.isEmpty())
        m_result.insert(QStringLiteral("floor_batch"), b);
}

// One run of the floor program: `rowsPerMessage` 1 is the per-row protocol's traffic (a QoS 1
// change out and a QoS 1 receipt back per row); more is the fast path's (a batch of that many
// rows of the engine's row form, one receipt message per batch), compressed as the engine does.
QJsonObject Bench::runFloor(int rowsPerMessage, bool compress)
{
    const bool batch = rowsPerMessage > 1;
    heading(batch ? QStringLiteral("  fast path's shape: %1 rows per message%2")
                        .arg(rowsPerMessage)
                        .arg(compress ? QStringLiteral(", zlib") : QString())
                  : QStringLiteral("  per-row protocol's shape: one row per message"));
    const qint64 brokerPid = m_servers.pid(QStringLiteral("mosquitto.pid"));
    // The engine keeps at most 1000 rows unanswered per row, 4 batches when it batches.
    const int window = batch ? 4 * rowsPerMessage : 1000;
    // The batch shape carries 5000 batches: the same rows as phase e2e would be a few
    // messages, done in milliseconds, too short to measure.
    const qint64 rows = batch ? std::max<qint64>(m_opt.rows, 5000LL * rowsPerMessage) : m_opt.rows;
    QProcess floor;
    floor.setProcessChannelMode(QProcess::MergedChannels);
    floor.start(m_opt.floorProgram,
                {QStringLiteral("--port"), QString::number(m_servers.mqttPort), QStringLiteral("--rows"),
                 QString::number(rows), QStringLiteral("--window"), QString::number(window),
                 QStringLiteral("--rows-per-message"), QString::number(rowsPerMessage), QStringLiteral("--compress"),
                 compress ? QStringLiteral("1") : QStringLiteral("0"), QStringLiteral("--broker-pid"),
                 QString::number(std::max<qint64>(brokerPid, 0))});
    const int limitMs = int(timeout(std::max(120.0, m_opt.rows / 500.0)) * 1000);
    const QString phase = batch ? QStringLiteral("floor_batch") : QStringLiteral("floor");
    if (!floor.waitForStarted(10000) || !floor.waitForFinished(limitMs) || floor.exitCode() != 0) {
        fail(phase,
             QStringLiteral("%1 did not complete (%2): %3")
                 .arg(m_opt.floorProgram, floor.errorString(), QString::fromUtf8(floor.readAll().right(2000))));
        floor.kill();
        floor.waitForFinished(5000);
        return {};
    }
    const QList<QByteArray> lines = floor.readAll().trimmed().split('\n');
    const QJsonObject r = QJsonDocument::fromJson(lines.last()).object();
    const double rate = r.value(QStringLiteral("rows_per_s")).toDouble();
    if (rate <= 0) {
        fail(phase, QStringLiteral("unreadable result: %1").arg(QString::fromUtf8(lines.last())));
        return {};
    }
    if (batch)
        line(QStringLiteral("traffic"),
             QStringLiteral("%1 rows in %2-row QoS 1 messages (%3 bytes each), a QoS 1 receipt "
                            "message per batch (%4 bytes), at most %5 rows unanswered")
                 .arg(rows)
                 .arg(rowsPerMessage)
                 .arg(r.value(QStringLiteral("change_bytes")).toInteger())
                 .arg(r.value(QStringLiteral("receipt_bytes")).toInteger())
                 .arg(window));
    else
        line(QStringLiteral("traffic"),
             QStringLiteral("%1 rows: a QoS 1 change out and a QoS 1 receipt back each, "
                            "at most %2 unanswered, two processes")
                 .arg(m_opt.rows)
                 .arg(window));
    line(batch ? QStringLiteral("MQTT FLOOR, fast path's shape") : QStringLiteral("MQTT FLOOR, per-row"),
         QStringLiteral("%1 rows/s").arg(num(rate)));
    line(QStringLiteral("CPU per row"),
         QStringLiteral("Paho clients %1 us, broker %2 us")
             .arg(num(r.value(QStringLiteral("paho_cpu_us_per_row")).toDouble(), 1),
                  num(r.value(QStringLiteral("broker_cpu_us_per_row")).toDouble(), 1)));
    return r;
}

} // namespace bench
