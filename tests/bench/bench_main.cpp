// mysql-sync-bench: throughput, latency, wire cost and memory of two mysql-sync daemons on the
// private test servers (tests/harness/servers.sh), on both of the paths between two engines of
// ours: the fast path (the extension channel's batches, the configuration's default) and the
// per-row path (extensions.enabled false on both: what an earlier engine gets). Not a test: it
// prints figures, not verdicts.
//
// Usage (normally through `bash scripts/bench.sh`, which builds, starts and stops the servers):
//   mysql-sync-bench --servers DIR [--daemon PATH] [--rows 50000] [--batch 1000]
//                    [--latency-rows 1000] [--latency-rate 100] [--insert-repeats 3]
//                    [--wire-rows 5000] [--backlog-rows 1000000]
//                    [--phases insert,e2e,latency,wire,floor,backlog,consistency,pg]
//                    [--log-level warn] [--log-dir DIR] [--timeout-scale 1] [--strict]
//                    [--latency-trace FILE] [--check-interval 1000] [--set KEY=VALUE ...]
//   DIR is a directory made by `tests/harness/servers.sh start DIR` (its env file is read);
//   PATH defaults to the mysql-sync built with this benchmark. --set adds keys to both daemons'
//   configuration (e.g. 'extensions={"batchRows":500}'); each phase sets extensions.enabled
//   (and, in phase wire, extensions.compress) for the path it measures. Switching path
//   restarts both daemons and empties items, table_changes and sync_status on both sites; a
//   warm-up probe row then has to travel on the expected path (seen on the broker).
//
// Direction: one way only, site_a (server A, items in syncTables) -> site_b (server B, items
// in receiveTables). Phases:
//   insert   the database's own insert rate with the engine's triggers installed (engine
//            stopped), --insert-repeats times on emptied tables: min/median/max, and per run
//            MariaDB A's CPU per row, how busy the machine was, InnoDB fsyncs and page flushes
//   e2e      rows/s from the first insert on A until every row is on B and acknowledged on A,
//            CPU seconds per process: on the fast path, then on the per-row path, and the ratio
//   latency  single rows at a steady rate; COMMIT on A -> row visible on B, percentiles; on
//            the per-row path, then on the fast path
//   wire     --wire-rows rows on each path (fast, fast uncompressed, per-row) with a Paho
//            observer on the broker (not timed): messages, payload bytes and MQTT bytes per
//            row, changes and receipts
//   floor    the MQTT floor: mysql-sync-mqtt-floor carries the same traffic through the same
//            broker with Paho alone, no database and no engine (daemons stopped): per-row (a
//            QoS 1 change out, a QoS 1 receipt back per row) and in the fast path's shape
//            (batches of batchRows rows, a receipt message per batch); each path's e2e as a
//            share of its floor
//   memory   peak RSS (VmHWM) of both daemons over every run of them before the floor (always)
//   backlog  site_b's daemon stopped while --backlog-rows rows are inserted on A and site_a
//            captures them into its outbox; then site_b starts and the drain is timed until
//            every row is on B and acknowledged on A; both daemons' peak RSS in the phase
//   consistency  (issue 14) on the rows backlog left on both sites (else --backlog-rows rows
//            written on both directly): `mysql-sync verify` of the identical table, timed; one
//            byte of one row changed on B and verified again (exactly that key must be named);
//            B emptied and `mysql-sync load` timed until every row is on B and acknowledged,
//            with a live single-row insert on A every 100 ms timed to B meanwhile
//   pg       (issue 17) PostgreSQL sites, on the fast path, run last: latency as above with
//            site_a on the PostgreSQL server and site_b on MariaDB B (targets p50 <= 10 ms,
//            p99 <= 30 ms); then --rows rows end to end (as e2e) PostgreSQL -> MariaDB B,
//            MariaDB A -> PostgreSQL and MariaDB A -> MariaDB B, each run on fresh daemons and
//            emptied tables, and the first two as a share of the third (target >= 70 %)
// Every phase is bounded in time and reports FAILED rather than hanging. The last line of the
// output is one JSON object with every figure (keys e2e = fast path, e2e_per_row, ratio,
// latency = fast path, latency_per_row, wire, floor, floor_batch, backlog, consistency, db_insert,
// memory, pg_latency, pg_e2e_pg_mariadb, pg_e2e_mariadb_pg, pg_e2e_mariadb_mariadb and the two
// shares pg_e2e_pg_mariadb_share, pg_e2e_mariadb_pg_share).
// Exit status: 0 when every phase completed, 1 when one failed (timeout, daemon died, wrong
// data), 2 on bad usage; with --strict also 3 when a figure misses its target.
#include "Bench.h"
#include "BenchSetup.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <csignal>

#ifndef MYSQL_SYNC_BENCH_DAEMON
#define MYSQL_SYNC_BENCH_DAEMON ""
#endif
#ifndef MYSQL_SYNC_BENCH_FLOOR
#define MYSQL_SYNC_BENCH_FLOOR ""
#endif
#ifndef MYSQL_SYNC_BENCH_HARNESS
#define MYSQL_SYNC_BENCH_HARNESS ""
#endif

using namespace bench;
using namespace testsupport;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mysql-sync-bench"));
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    BenchCommandLine cli(QStringLiteral("Benchmarks two mysql-sync daemons on the private test servers."),
                         QStringLiteral("The mysql-sync executable."), QStringLiteral(MYSQL_SYNC_BENCH_DAEMON),
                         QStringLiteral("Comma separated: %1 (all). pg: PostgreSQL sites, latency PostgreSQL -> "
                                        "MariaDB and e2e both ways against MariaDB -> MariaDB (a few minutes).")
                             .arg(Options::allPhases().join(QLatin1Char(','))),
                         Options::allPhases().join(QLatin1Char(',')));
    QCommandLineParser &parser = cli.parser();
    const QCommandLineOption rows(QStringLiteral("rows"), QStringLiteral("Rows of phases insert, e2e and pg (50000)."),
                                  QStringLiteral("n"), QStringLiteral("50000"));
    const QCommandLineOption batch(QStringLiteral("batch"), QStringLiteral("Rows per INSERT transaction (1000)."),
                                   QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption latencyRows(QStringLiteral("latency-rows"),
                                         QStringLiteral("Rows of each latency run (phases latency, pg) (1000)."),
                                         QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption latencyRate(QStringLiteral("latency-rate"),
                                         QStringLiteral("Rows/s of each latency run (100)."), QStringLiteral("r"),
                                         QStringLiteral("100"));
    const QCommandLineOption insertRepeats(QStringLiteral("insert-repeats"),
                                           QStringLiteral("Runs of phase insert (3)."), QStringLiteral("n"),
                                           QStringLiteral("3"));
    const QCommandLineOption wireRows(QStringLiteral("wire-rows"),
                                      QStringLiteral("Rows of each run of phase wire (5000)."), QStringLiteral("n"),
                                      QStringLiteral("5000"));
    const QCommandLineOption backlogRows(QStringLiteral("backlog-rows"),
                                         QStringLiteral("Rows of phases backlog and consistency (1000000)."),
                                         QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption logDir(QStringLiteral("log-dir"),
                                    QStringLiteral("Copy the daemons' logs here at the end."), QStringLiteral("dir"));
    const QCommandLineOption checkInterval(QStringLiteral("check-interval"),
                                           QStringLiteral("The daemons' checkInterval in ms (1000)."),
                                           QStringLiteral("ms"), QStringLiteral("1000"));
    const QCommandLineOption timeoutScale(QStringLiteral("timeout-scale"),
                                          QStringLiteral("Multiply every phase's time limit (1)."), QStringLiteral("x"),
                                          QStringLiteral("1"));
    const QCommandLineOption
        latencyTrace(QStringLiteral("latency-trace"),
                     QStringLiteral(
                         "Write id, COMMIT time and seen-on-B time (Unix ms) of every latency row to this CSV file."),
                     QStringLiteral("file"));
    const QCommandLineOption set(QStringLiteral("set"),
                                 QStringLiteral("Add KEY=VALUE (VALUE as JSON, else a string) to both daemons' "
                                                "configuration, e.g. captureInterval=5. Repeatable."),
                                 QStringLiteral("key=value"));
    const QCommandLineOption strict(QStringLiteral("strict"),
                                    QStringLiteral("Exit with 3 when a figure misses its target."));
    parser.addOptions({rows, batch, latencyRows, latencyRate, insertRepeats, wireRows, backlogRows, logDir,
                       checkInterval, timeoutScale, latencyTrace, set, strict});
    cli.process(app);

    Options o;
    cli.readCommon(&o);
    o.floorProgram = QStringLiteral(MYSQL_SYNC_BENCH_FLOOR);
    o.rows = parser.value(rows).toInt();
    o.batch = parser.value(batch).toInt();
    o.latencyRows = parser.value(latencyRows).toInt();
    o.latencyRate = parser.value(latencyRate).toDouble();
    o.insertRepeats = parser.value(insertRepeats).toInt();
    o.wireRows = parser.value(wireRows).toInt();
    o.backlogRows = parser.value(backlogRows).toInt();
    o.logDir = parser.value(logDir);
    o.checkInterval = parser.value(checkInterval).toInt();
    o.timeoutScale = parser.value(timeoutScale).toDouble();
    o.latencyTrace = parser.value(latencyTrace);
    for (const QString &kv : parser.values(set)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            QTextStream(stderr) << "mysql-sync-bench: --set expects KEY=VALUE, got " << kv << "\n";
            return 2;
        }
        const QByteArray raw = kv.mid(eq + 1).toUtf8();
        const QJsonDocument doc = QJsonDocument::fromJson("[" + raw + "]");
        o.extraConfig.insert(kv.left(eq),
                             doc.isArray() && doc.array().size() == 1 ? doc.array().at(0)
                                                                      : QJsonValue(QString::fromUtf8(raw)));
    }
    o.strict = parser.isSet(strict);

    QTextStream err(stderr);
    for (const QString &p : std::as_const(o.phases)) {
        if (!Options::allPhases().contains(p)) {
            err << "mysql-sync-bench: unknown phase " << p
                << " (phases: " << Options::allPhases().join(QLatin1Char(',')) << ")\n";
            return 2;
        }
    }
    if (o.serversDir.isEmpty() || o.rows < 1 || o.batch < 1 || o.latencyRows < 1 || o.latencyRate <= 0
        || o.checkInterval < 10 || o.timeoutScale <= 0 || o.insertRepeats < 1 || o.wireRows < 1 || o.backlogRows < 1) {
        err << "mysql-sync-bench: needs --servers DIR and positive numbers (see --help)\n";
        return 2;
    }
    Servers s;
    if (!prepareBench("mysql-sync-bench", o.daemon, o.serversDir, QStringLiteral(MYSQL_SYNC_BENCH_HARNESS), &s))
        return 2;
    Bench bench(o, s);
    return bench.run();
}
