// Phase latency: single-row autocommit INSERTs at a steady rate; COMMIT on A -> visible on B,
// on both paths.
#include "Bench.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

namespace bench {

// The per-row path first (where phase e2e left the daemons), then the fast path.
void Bench::phaseLatency()
{
    static constexpr LatencyTargets kTargets{15, 20};
    heading(QStringLiteral("[3] latency, site_a -> site_b, single-row inserts at a steady rate: per-row path"));
    if (usePath(PathSetting{false, false}))
        runLatency(QStringLiteral("latency_per_row"), kTargets);
    if (g_interrupted)
        return;
    heading(QStringLiteral("[3b] latency, the same on the fast path"));
    if (usePath(PathSetting{true, configuredCompress()}))
        runLatency(QStringLiteral("latency"), kTargets);
}

// From site_a to site_b on whichever servers m_sites names; `targets` decide PASS or MISS.
QJsonObject Bench::runLatency(const QString &phase, const LatencyTargets &targets)
{
    QJsonObject r;
    const int n = m_opt.latencyRows;
    const double intervalMs = 1000.0 / m_opt.latencyRate;
    QStringList statements;
    for (int i = 0; i < n; ++i)
        statements << buildInserts(QStringLiteral("items"), kLatencyBase + i, 1, 1, 1000 + i).first();

    QSqlQuery insert(m_a->database());
    // The poller: one connection to B, one cheap indexed range query per round:
    // which of the rows inserted and not yet seen are there now.
    QSqlQuery poll(m_b->database());
    poll.setForwardOnly(true);
    if (!poll.prepare(QStringLiteral("SELECT id FROM items WHERE id >= ? AND id < ?"))) {
        fail(phase, sqlError(poll));
        return r;
    }
    std::vector<Clock::time_point> committed(n);
    std::vector<double> latency(n, -1);
    std::vector<char> seen(n, 0);
    int inserted = 0, oldest = 0, seenCount = 0;
    qint64 polls = 0;
    double pollMsTotal = 0;
    QString why;
    const double drainS = timeout(30);
    const auto start = Clock::now();
    auto nextInsert = start;
    Clock::time_point lastInsert = start;
    auto lastPump = start;
    while (seenCount < n) {
        auto now = Clock::now();
        if (inserted < n && now >= nextInsert) {
            if (!insert.exec(statements.at(inserted))) {
                fail(phase, QStringLiteral("INSERT: ") + sqlError(insert));
                return r;
            }
            committed[inserted] = Clock::now(); // autocommit: the statement's return is the COMMIT
            lastInsert = committed[inserted];
            ++inserted;
            nextInsert += std::chrono::microseconds(qint64(intervalMs * 1000));
        }
        if (oldest < inserted) {
            const auto p0 = Clock::now();
            poll.bindValue(0, kLatencyBase + oldest);
            poll.bindValue(1, kLatencyBase + inserted);
            if (!poll.exec()) {
                fail(phase, QStringLiteral("poll: ") + sqlError(poll));
                return r;
            }
            const auto p1 = Clock::now();
            ++polls;
            pollMsTotal += msBetween(p0, p1);
            while (poll.next()) {
                const qint64 i = poll.value(0).toLongLong() - kLatencyBase;
                if (i >= 0 && i < inserted && !seen[i]) {
                    seen[i] = 1;
                    // Visible at the latest when the answer came back (resolution: one poll round).
                    latency[i] = msBetween(committed[i], p1);
                    ++seenCount;
                }
            }
            poll.finish();
            while (oldest < inserted && seen[oldest])
                ++oldest;
        }
        now = Clock::now();
        if (now - lastPump > std::chrono::milliseconds(200)) {
            lastPump = now;
            pumpEvents();
            if (!enginesAlive(&why))
                break;
        }
        if (g_interrupted || (inserted == n && secondsSince(lastInsert) > drainS))
            break;
        // About 1 ms between polls, never past the next insert.
        auto wake = now + std::chrono::milliseconds(1);
        if (inserted < n && nextInsert < wake)
            wake = nextInsert;
        if (wake > Clock::now())
            std::this_thread::sleep_until(wake);
    }
    const double spanS = std::chrono::duration<double>(lastInsert - start).count();
    if (!m_opt.latencyTrace.isEmpty()) {
        // Unix times, to line up with the daemons' logs and an MQTT sniffer's timestamps.
        const double wallStart = QDateTime::currentMSecsSinceEpoch() - secondsSince(start) * 1000.0;
        // Phase latency's in FILE, every other run's in FILE.<phase> (FILE.latency_per_row ...).
        QFile trace(phase == QLatin1String("latency") ? m_opt.latencyTrace
                                                      : m_opt.latencyTrace + QLatin1Char('.') + phase);
        if (trace.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
            QTextStream t(&trace);
            t << "id,commit_ms,seen_ms,latency_ms\n";
            for (int i = 0; i < inserted; ++i) {
                const double c = wallStart + msBetween(start, committed[i]);
                t << (kLatencyBase + i) << ',' << num(c, 3) << ','
                  << (latency[i] >= 0 ? num(c + latency[i], 3) : QString()) << ','
                  << (latency[i] >= 0 ? num(latency[i], 3) : QString()) << '\n';
            }
        }
    }

    std::vector<double> got;
    for (double l : latency)
        if (l >= 0)
            got.push_back(l);
    std::sort(got.begin(), got.end());
    auto pct = [&](double p) {
        if (got.empty())
            return -1.0;
        const size_t rank = size_t(std::ceil(p / 100.0 * got.size()));
        return got[std::min(got.size() - 1, rank > 0 ? rank - 1 : 0)];
    };
    r.insert(QStringLiteral("path"), m_path.label());
    r.insert(QStringLiteral("sites"), m_sites.label());
    r.insert(QStringLiteral("rows"), n);
    r.insert(QStringLiteral("check_interval_ms"), m_opt.checkInterval);
    line(QStringLiteral("rows, rate"),
         QStringLiteral("%1 single-row autocommit INSERTs in %2 s (%3 rows/s), checkInterval %4 ms")
             .arg(inserted)
             .arg(num(spanS, 1))
             .arg(num(spanS > 0 ? (inserted - 1) / spanS : 0, 1))
             .arg(m_opt.checkInterval));
    line(QStringLiteral("B polled"),
         QStringLiteral("%1 times, every ~1 ms, mean round trip %2 ms")
             .arg(polls)
             .arg(num(polls ? pollMsTotal / polls : 0, 2)));
    r.insert(QStringLiteral("polls"), polls);
    if (!got.empty()) {
        const double p50 = pct(50), p90 = pct(90), p99 = pct(99), mx = got.back();
        auto verdict = [](double v, double limit) {
            return QStringLiteral(" ms   (target <= %1: %2)")
                .arg(num(limit), v <= limit ? QStringLiteral("PASS") : QStringLiteral("MISS"));
        };
        line(QStringLiteral("latency COMMIT on A -> row on B  p50"), num(p50, 1) + verdict(p50, targets.p50Ms));
        line(QStringLiteral("                                 p90"), num(p90, 1) + QStringLiteral(" ms"));
        line(QStringLiteral("                                 p99"), num(p99, 1) + verdict(p99, targets.p99Ms));
        line(QStringLiteral("                                 max"),
             num(mx, 1) + QStringLiteral(" ms   (%1 rows seen)").arg(got.size()));
        r.insert(QStringLiteral("p50_ms"), p50);
        r.insert(QStringLiteral("p90_ms"), p90);
        r.insert(QStringLiteral("p99_ms"), p99);
        r.insert(QStringLiteral("max_ms"), mx);
        r.insert(QStringLiteral("seen"), int(got.size()));
        target(phase + QStringLiteral("_p50_ms"), p50 <= targets.p50Ms);
        target(phase + QStringLiteral("_p99_ms"), p99 <= targets.p99Ms);
    }
    if (seenCount < n) {
        if (!why.isEmpty())
            fail(phase, why);
        else
            fail(phase,
                 QStringLiteral("%1 of %2 rows never reached B (waited %3 s after the last insert)%4")
                     .arg(n - seenCount)
                     .arg(n)
                     .arg(drainS)
                     .arg(g_interrupted ? QStringLiteral(", interrupted") : QString()));
    }
    m_result.insert(phase, r);
    return r;
}

} // namespace bench
