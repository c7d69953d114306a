// Phase pg (issue 17): PostgreSQL sites against MariaDB ones, on the fast path (the
// configuration's default), with the latency and e2e phases' own runs on other servers:
// single-row latency PostgreSQL -> MariaDB at --latency-rate, then --rows rows end to end
// MariaDB -> MariaDB, PostgreSQL -> MariaDB and MariaDB -> PostgreSQL, each of the last two
// as a share of the first.
#include "Bench.h"

#include <cmath>

namespace bench {

namespace {

// The targets.
constexpr LatencyTargets kLatencyTargets{10, 30};
constexpr double kMinShareOfMariaDb = 0.70;

} // namespace

// Runs last: it leaves the sites on whichever servers its last run used.
void Bench::phasePostgres()
{
    const PathSetting fast{true, configuredCompress()};
    const SitePair pgToMaria{'P', 'B'};
    heading(QStringLiteral("[pg] latency, site_a on PostgreSQL -> site_b on MariaDB B, single-row inserts at a "
                           "steady rate: fast path"));
    if (useSites(pgToMaria) && usePath(fast, true))
        runLatency(QStringLiteral("pg_latency"), kLatencyTargets);

    struct Run {
        SitePair sites;
        QString phase;
        double rowsPerS = -1;
    };
    Run runs[] = {{pgToMaria, QStringLiteral("pg_e2e_pg_mariadb"), -1},
                  {SitePair{'A', 'P'}, QStringLiteral("pg_e2e_mariadb_pg"), -1},
                  {SitePair{'A', 'B'}, QStringLiteral("pg_e2e_mariadb_mariadb"), -1}};
    for (Run &run : runs) {
        if (g_interrupted)
            return;
        heading(QStringLiteral("[pg-b] end to end, %1 (%2)").arg(run.sites.label(), fast.label()));
        // Each run on fresh daemons and emptied tables.
        if (useSites(run.sites) && usePath(fast, true))
            run.rowsPerS = runEndToEnd(run.phase).value(QStringLiteral("rows_per_s")).toDouble(-1);
    }

    heading(QStringLiteral("[pg-c] end to end with PostgreSQL sites against MariaDB -> MariaDB, the same run"));
    const double base = runs[2].rowsPerS;
    line(QStringLiteral("MariaDB -> MariaDB"),
         base > 0 ? QStringLiteral("%1 rows/s").arg(num(base)) : QStringLiteral("FAILED"));
    for (int i = 0; i < 2; ++i) {
        const Run &run = runs[i];
        const double share = base > 0 && run.rowsPerS > 0 ? run.rowsPerS / base : -1;
        const bool met = share >= kMinShareOfMariaDb;
        line(run.sites.label(),
             run.rowsPerS > 0 ? QStringLiteral("%1 rows/s, %2 % of MariaDB -> MariaDB   (target >= %3 %: %4)")
                                    .arg(num(run.rowsPerS), num(100 * share), num(100 * kMinShareOfMariaDb),
                                         met ? QStringLiteral("PASS") : QStringLiteral("MISS"))
                              : QStringLiteral("FAILED"));
        const QString key = run.phase + QStringLiteral("_share");
        if (share > 0)
            m_result.insert(key, std::round(share * 100) / 100);
        target(key, met);
    }
}

} // namespace bench
