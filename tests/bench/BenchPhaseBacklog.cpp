// Phase backlog: B's daemon offline while --backlog-rows rows change on A (A's daemon running,
// capturing them into its outbox for B); then B returns and the drain is timed, with both
// daemons' peak RSS sampled throughout.
#include "Bench.h"

#include "ProcStat.h"

#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace bench {

void Bench::phaseBacklog()
{
    const int n = m_opt.backlogRows;
    const QString phase = QStringLiteral("backlog");
    heading(
        QStringLiteral("[7] backlog: site_b offline while %1 rows are inserted on A, then site_b returns (fast path)")
            .arg(n));
    // Fresh daemons, so that their peak RSS is this phase's.
    if (!usePath(PathSetting{true, configuredCompress()}, true))
        return;
    QSqlDatabase a = m_a->database(), b = m_b->database(), aCheck = m_aCheck->database();
    double peakA = 0, peakB = 0;
    auto sample = [&] {
        if (m_engineA->isRunning())
            peakA = std::max(peakA, procStatusKb(daemonPid(*m_engineA), "VmHWM") / 1024.0);
        if (m_engineB->isRunning())
            peakB = std::max(peakB, procStatusKb(daemonPid(*m_engineB), "VmHWM") / 1024.0);
    };
    sample();
    if (!m_engineB->stop()) {
        fail(phase, QStringLiteral("site_b did not stop cleanly:\n") + logTail(*m_engineB));
        return;
    }
    // 1. The inserts, 1000-row transactions, each statement built just before it runs (the
    // whole backlog's text at once would be hundreds of MB); only the database time counts.
    QString error;
    const auto t0 = Clock::now();
    double insertS = 0;
    auto lastSample = Clock::now();
    for (int done = 0; done < n && !g_interrupted; done += m_opt.batch) {
        const int rows = std::min(m_opt.batch, n - done);
        const QStringList sql =
            buildInserts(QStringLiteral("items"), 1 + done, rows, rows, 10 + quint32(done / m_opt.batch));
        double s = 0;
        if (timedInserts(a, sql, rows, &error, &s) < 0) {
            fail(phase, error);
            return;
        }
        insertS += s;
        if (secondsSince(lastSample) > 0.5) {
            lastSample = Clock::now();
            sample();
            pumpEvents();
        }
        if (!m_engineA->isRunning()) {
            fail(phase, QStringLiteral("site_a stopped during the inserts; end of its log:\n") + logTail(*m_engineA));
            return;
        }
    }
    const double insertedS = secondsSince(t0);
    line(QStringLiteral("inserts on A (1000-row transactions)"),
         QStringLiteral("%1 s in the database, %2 s with building the statements (%3 rows/s)")
             .arg(num(insertS, 1), num(insertedS, 1), num(n / insertS)));
    // 2. site_a captures everything into its outbox: table_changes empties.
    const double captureLimit = timeout(std::max(300.0, n / 1000.0));
    const bool captured = pollUntil(
        [&] {
            sample();
            return !m_engineA->isRunning()
                || scalarInt(aCheck, QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM table_changes LIMIT 1) t"))
                == 0;
        },
        captureLimit, 250);
    if (!captured || !m_engineA->isRunning()) {
        fail(phase,
             m_engineA->isRunning()
                 ? QStringLiteral("table_changes on A not empty %1 s after the inserts (%2 rows left)")
                       .arg(captureLimit)
                       .arg(scalarInt(aCheck, QStringLiteral("SELECT COUNT(*) FROM table_changes")))
                 : QStringLiteral("site_a stopped; end of its log:\n") + logTail(*m_engineA));
        return;
    }
    const double capturedS = secondsSince(t0);
    line(QStringLiteral("capture into A's outbox done after"),
         QStringLiteral("%1 s from the first insert (%2 s after the last; %3 rows/s overall)")
             .arg(num(capturedS, 1), num(capturedS - insertedS, 1), num(n / capturedS)));

    // 3. site_b returns; timed until every row is on B and acknowledged on A. B is checked
    // by the contiguous prefix of ids present (cheap range counts), A by the pending rows
    // and then one full count of the successful ones.
    const auto t1 = Clock::now();
    if (!startEngine(
            *m_engineB, [] { return true; }, QStringLiteral("running"))) {
        fail(phase, QStringLiteral("site_b did not start again"));
        return;
    }
    // CPU seconds of each process during the drain, to see where its time goes.
    QList<QPair<QString, QPair<qint64, double>>> procs{{QStringLiteral("site_a"), {daemonPid(*m_engineA), 0}},
                                                       {QStringLiteral("site_b"), {daemonPid(*m_engineB), 0}}};
    for (const auto &[name, file] : {std::pair{"mariadbd A", "mysql-a.pid"}, std::pair{"mariadbd B", "mysql-b.pid"},
                                     std::pair{"mosquitto", "mosquitto.pid"}})
        procs.append({QLatin1String(name), {m_servers.pid(QLatin1String(file)), 0}});
    for (auto &p : procs)
        p.second.second = cpuSeconds(p.second.first);
    const double drainLimit = timeout(std::max(300.0, n / 1000.0));
    const qint64 chunk = 10000;
    qint64 prefix = 0; // ids 1..prefix are all on B
    double appliedS = -1, ackedS = -1;
    qint64 acked = 0;
    QStringList steps;
    double nextStep = 5;
    QString why;
    const QString countAcked =
        QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE `status` = 'successful' AND remote = 'site_b'")
        + notProbes();
    while (!g_interrupted && secondsSince(t1) < drainLimit) {
        pumpEvents();
        sample();
        if (!enginesAlive(&why))
            break;
        while (appliedS < 0 && prefix < n) {
            const qint64 to = std::min<qint64>(n, prefix + chunk);
            if (scalarInt(b,
                          QStringLiteral("SELECT COUNT(*) FROM items WHERE id BETWEEN %1 AND %2")
                              .arg(prefix + 1)
                              .arg(to))
                != to - prefix)
                break;
            prefix = to;
        }
        if (appliedS < 0 && prefix >= n)
            appliedS = secondsSince(t1);
        if (secondsSince(t1) >= nextStep) {
            steps << QStringLiteral("%1s:%2").arg(num(nextStep, 0)).arg(prefix);
            nextStep += 5;
        }
        if (appliedS >= 0) {
            const qint64 pending =
                scalarInt(aCheck,
                          QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE `status` = 'pending' "
                                         "AND remote = 'site_b'"),
                          1);
            if (pending == 0) {
                acked = scalarInt(aCheck, countAcked, acked);
                if (acked >= n) {
                    ackedS = secondsSince(t1);
                    break;
                }
            }
        }
        sleepMs(250);
    }
    sample();
    QStringList cpuText;
    QJsonObject cpu;
    for (const auto &p : std::as_const(procs)) {
        const double now = cpuSeconds(p.second.first);
        if (p.second.second < 0 || now < 0)
            continue;
        cpuText << QStringLiteral("%1 %2").arg(p.first, num(now - p.second.second, 1));
        cpu.insert(QString(p.first).replace(QLatin1Char(' '), QLatin1Char('_')),
                   std::round((now - p.second.second) * 10) / 10);
    }
    line(QStringLiteral("CPU seconds used in the drain (%1 s wall)").arg(num(secondsSince(t1), 1)),
         cpuText.join(QStringLiteral(", ")));
    if (appliedS >= 0)
        line(QStringLiteral("all rows on B after"), QStringLiteral("%1 s after site_b started").arg(num(appliedS, 1)));
    for (int i = 0; i < steps.size(); i += 10)
        line(i == 0 ? QStringLiteral("rows on B (all ids up to) over time") : QString(),
             steps.mid(i, 10).join(QLatin1Char(' ')));
    QJsonObject r;
    r.insert(QStringLiteral("rows"), n);
    r.insert(QStringLiteral("insert_seconds"), std::round(insertS * 10) / 10);
    r.insert(QStringLiteral("capture_seconds"), std::round(capturedS * 10) / 10);
    r.insert(QStringLiteral("drain_cpu_seconds"), cpu);
    if (ackedS < 0) {
        fail(phase,
             !why.isEmpty()      ? why
                 : g_interrupted ? QStringLiteral("interrupted")
                                 : QStringLiteral("after %1 s: ids 1..%2 of %3 on B, %4 acknowledged on A")
                                       .arg(drainLimit)
                                       .arg(prefix)
                                       .arg(n)
                                       .arg(acked));
    } else {
        const double rate = n / ackedS;
        line(QStringLiteral("BACKLOG DRAIN (all on B and acknowledged)"),
             QStringLiteral("%1 rows/s   (%2 s; target >= 15000)").arg(num(rate), num(ackedS, 1)));
        r.insert(QStringLiteral("drain_seconds"), std::round(ackedS * 10) / 10);
        r.insert(QStringLiteral("rows_per_s"), qRound(rate));
        target(QStringLiteral("backlog_rows_per_s"), rate >= 15000);
        const QString fa = fingerprint(a, 1, n), fb = fingerprint(b, 1, n);
        line(QStringLiteral("B's rows equal A's"),
             fa == fb ? QStringLiteral("yes") : QStringLiteral("NO (A %1, B %2)").arg(fa, fb));
        r.insert(QStringLiteral("equal"), fa == fb);
        if (fa != fb)
            fail(phase, QStringLiteral("the rows on B differ from A's"));
    }
    line(QStringLiteral("PEAK RSS during the phase (VmHWM)"),
         QStringLiteral("site_a %1 MB, site_b %2 MB   (target <= 80 each)").arg(num(peakA, 1), num(peakB, 1)));
    r.insert(QStringLiteral("site_a_peak_rss_mb"), std::round(peakA * 10) / 10);
    r.insert(QStringLiteral("site_b_peak_rss_mb"), std::round(peakB * 10) / 10);
    target(QStringLiteral("backlog_site_a_peak_rss_mb"), peakA > 0 && peakA <= 80);
    target(QStringLiteral("backlog_site_b_peak_rss_mb"), peakB > 0 && peakB <= 80);
    m_result.insert(phase, r);
}

} // namespace bench
