// mysql-sync-bench: the order of the phases, the daemons' memory and the summary (see Bench.h).
#include "Bench.h"

#include "ProcStat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QThread>

#include <cmath>

using namespace testsupport;

namespace bench {

// Peak RSS (VmHWM) of each daemon over every run of them so far (each path restarts them),
// the running ones read now.
void Bench::phaseMemory()
{
    heading(QStringLiteral("[5] daemon memory, peak RSS (VmHWM) of each run of the daemons so far"));
    recordPeakRss();
    QJsonObject r;
    double peak[2] = {-1, -1};
    QJsonArray runs;
    for (const auto &p : std::as_const(m_peaks)) {
        line(p.first,
             QStringLiteral("site_a %1 MB, site_b %2 MB").arg(num(p.second.first, 1), num(p.second.second, 1)));
        peak[0] = std::max(peak[0], p.second.first);
        peak[1] = std::max(peak[1], p.second.second);
        runs.append(QJsonObject{{QStringLiteral("path"), p.first},
                                {QStringLiteral("site_a_mb"), std::round(p.second.first * 10) / 10},
                                {QStringLiteral("site_b_mb"), std::round(p.second.second * 10) / 10}});
    }
    m_peaks.clear(); // the running daemons' figures are in; they are not counted twice
    const char *names[] = {"site_a", "site_b"};
    for (int i = 0; i < 2; ++i) {
        if (peak[i] < 0)
            continue;
        line(QStringLiteral("%1 peak RSS, all runs").arg(QLatin1String(names[i])),
             QStringLiteral("%1 MB   (target <= 60)").arg(num(peak[i], 1)));
        r.insert(QLatin1String(names[i]) + QStringLiteral("_peak_rss_mb"), std::round(peak[i] * 10) / 10);
        target(QLatin1String(names[i]) + QStringLiteral("_peak_rss_mb"), peak[i] <= 60);
    }
    r.insert(QStringLiteral("runs"), runs);
    m_result.insert(QStringLiteral("memory"), r);
}

int Bench::run()
{
    const auto t0 = Clock::now();
    out() << "mysql-sync benchmark: one direction, site_a (server A, syncTables [items]) -> site_b (server B, "
             "receiveTables [items])"
          << Qt::endl;
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    const QString load = loadavg.open(QIODevice::ReadOnly)
        ? QString::fromLatin1(loadavg.readAll()).section(QLatin1Char(' '), 0, 2)
        : QString();
    line(QStringLiteral("daemon"), m_opt.daemon);
    line(QStringLiteral("machine"),
         QStringLiteral("%1 CPU(s), load average %2").arg(QThread::idealThreadCount()).arg(load));
    line(QStringLiteral("servers"),
         QStringLiteral("MariaDB A :%1, B :%2, Mosquitto :%3 (%4)")
             .arg(m_servers.mysqlPortA)
             .arg(m_servers.mysqlPortB)
             .arg(m_servers.mqttPort)
             .arg(m_servers.dir));
    QStringList extra;
    for (auto it = m_opt.extraConfig.constBegin(); it != m_opt.extraConfig.constEnd(); ++it)
        extra << it.key() + QLatin1Char('=')
                + QString::fromUtf8(
                     QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
    line(QStringLiteral("engine settings"),
         QStringLiteral("loggingLevel %1, checkInterval %2 ms%3, other keys at their defaults "
                        "(extensions.enabled set by each phase's path)")
             .arg(m_opt.logLevel)
             .arg(m_opt.checkInterval)
             .arg(extra.isEmpty() ? QString() : QStringLiteral(", ") + extra.join(QStringLiteral(", "))));
    if (!extra.isEmpty())
        m_result.insert(QStringLiteral("extra_config"), m_opt.extraConfig);

    m_brokerLogStart = QFileInfo(QDir(m_servers.dir).filePath(QStringLiteral("mosquitto.log"))).size();
    if (setup()) {
        if (m_opt.phases.contains(QStringLiteral("insert")) && !g_interrupted)
            phaseInsert();
        if (m_opt.phases.contains(QStringLiteral("e2e")) && !g_interrupted)
            phaseEndToEnd();
        if (m_opt.phases.contains(QStringLiteral("latency")) && !g_interrupted)
            phaseLatency();
        if (m_opt.phases.contains(QStringLiteral("wire")) && !g_interrupted)
            phaseWire();
        // Before the floor, which stops the daemons, and the backlog, which has its own.
        phaseMemory();
        if (m_opt.phases.contains(QStringLiteral("floor")) && !g_interrupted)
            phaseFloor();
        if (m_opt.phases.contains(QStringLiteral("backlog")) && !g_interrupted)
            phaseBacklog();
        // After the backlog, whose rows it verifies and loads again.
        if (m_opt.phases.contains(QStringLiteral("consistency")) && !g_interrupted)
            phaseConsistency();
        // Last: it moves the sites onto other servers (the PostgreSQL one among them).
        if (m_opt.phases.contains(QStringLiteral("pg")) && !g_interrupted)
            phasePostgres();
    }

    for (EngineProcess *e : {m_engineA.get(), m_engineB.get()}) {
        if (!e)
            continue;
        pumpEvents();
        if (e->isRunning() && !e->stop())
            fail(QStringLiteral("shutdown"),
                 QStringLiteral("%1 did not stop cleanly; end of its log:\n%2").arg(e->name(), logTail(*e)));
        if (!m_opt.logDir.isEmpty()) {
            QDir().mkpath(m_opt.logDir);
            const QString to = QDir(m_opt.logDir).filePath(e->name() + QStringLiteral(".log"));
            QFile::remove(to);
            QFile::copy(e->logPath(), to);
        }
    }

    heading(QStringLiteral("summary"));
    // What went wrong along the way, in a line each: the daemons' warnings (the most frequent
    // one, numbers masked) and the broker's notes about messages it dropped.
    QJsonObject warnings;
    for (EngineProcess *e : {m_engineA.get(), m_engineB.get()}) {
        if (!e)
            continue;
        static const QRegularExpression level(QStringLiteral("^\\S+ (warn|error|critical|fatal) "));
        static const QRegularExpression digits(QStringLiteral("\\d+"));
        QHash<QString, int> kinds;
        int total = 0;
        for (const QByteArray &raw : e->log().split('\n')) {
            const QString l = QString::fromUtf8(raw);
            const auto m = level.match(l);
            if (!m.hasMatch() && !l.startsWith(QLatin1String("terminate called")))
                continue;
            ++total;
            ++kinds[QString(l.mid(m.hasMatch() ? m.capturedEnd() : 0)).replace(digits, QStringLiteral("N")).left(110)];
        }
        QString top;
        int topCount = 0;
        for (auto it = kinds.cbegin(); it != kinds.cend(); ++it) {
            if (it.value() > topCount) {
                top = it.key();
                topCount = it.value();
            }
        }
        line(QStringLiteral("%1 warnings/errors logged").arg(e->name()),
             total ? QStringLiteral("%1, most often (%2x): %3").arg(total).arg(topCount).arg(top)
                   : QStringLiteral("0"));
        warnings.insert(e->name(), total);
    }
    QFile brokerLog(QDir(m_servers.dir).filePath(QStringLiteral("mosquitto.log")));
    if (brokerLog.open(QIODevice::ReadOnly)) {
        const int drops = int(brokerLog.readAll().mid(m_brokerLogStart).count("Outgoing messages are being dropped"));
        line(QStringLiteral("broker: \"outgoing messages are being dropped\""),
             QStringLiteral("%1 time(s) during the run").arg(drops));
        warnings.insert(QStringLiteral("broker_drop_notices"), drops);
    }
    m_result.insert(QStringLiteral("warnings"), warnings);
    const double total = secondsSince(t0);
    line(QStringLiteral("total time"), num(total, 1) + QStringLiteral(" s"));
    if (!m_opt.logDir.isEmpty())
        line(QStringLiteral("daemon logs"), m_opt.logDir);
    line(QStringLiteral("targets missed"),
         m_missed.isEmpty() ? QStringLiteral("none") : m_missed.join(QStringLiteral(", ")));
    line(QStringLiteral("result"),
         m_failures.isEmpty() ? QStringLiteral("completed")
                              : QStringLiteral("FAILED: %1 phase(s)").arg(m_failures.size()));

    m_result.insert(QStringLiteral("direction"), QStringLiteral("site_a->site_b"));
    m_result.insert(QStringLiteral("status"), m_failures.isEmpty() ? QStringLiteral("ok") : QStringLiteral("failed"));
    m_result.insert(QStringLiteral("failures"), QJsonArray::fromStringList(m_failures));
    m_result.insert(QStringLiteral("targets_missed"), QJsonArray::fromStringList(m_missed));
    m_result.insert(QStringLiteral("total_seconds"), std::round(total * 10) / 10);
    m_result.insert(QStringLiteral("log_level"), m_opt.logLevel);
    m_result.insert(QStringLiteral("load_average_start"), load);
    m_result.insert(QStringLiteral("cpus"), QThread::idealThreadCount());
    out() << QJsonDocument(m_result).toJson(QJsonDocument::Compact) << Qt::endl;

    if (!m_failures.isEmpty())
        return 1;
    if (m_opt.strict && !m_missed.isEmpty())
        return 3;
    return 0;
}

} // namespace bench
