// mysql-sync-gui-bench: how the desktop app's GUI thread holds up. Not a test: it prints
// figures, not verdicts.
//
// Usage (normally through `bash scripts/bench-gui.sh`, which builds, starts and stops the servers):
//   mysql-sync-gui-bench --servers DIR [--daemon PATH] [--phases live,status] [--rate 5000]
//                        [--seconds 20] [--status-rows 1000000] [--buffer-pool-mb 512] [--log-level warn]
//                        [--remote-nice 0]
//
// Phases:
//   live    MainWindow (offscreen) runs site_a's engine; a mysql-sync daemon is site_b. A worker
//           thread inserts --rate rows/s into items on A for --seconds (multi-row INSERTs every
//           10 ms) while the window is shown and a "user" switches tabs and refreshes the Sync
//           status view every second. Measured: the longest gap between ticks of a 5 ms timer
//           on the GUI thread (its longest stall; target <= 50 ms) from the first insert until
//           every row is acknowledged by site_b, and the rates achieved. --remote-nice N runs
//           what stands for the other site and the broker (site_b's daemon, MariaDB B,
//           Mosquitto; in use on machines of their own) at nice N, to see how much of a stall
//           is their competition for the two cores (0, the default: all compete as equals).
//   status  --status-rows sync_status rows (the engine's own table and indexes) in a fresh
//           database; MainWindow opens a configuration on it with the Sync status tab showing.
//           Measured: time until the view shows its first page and its row count (open), then
//           the same for each filter and sort a user would choose (target < 1 s each), and the
//           longest GUI stall meanwhile.
// The last line of the output is one JSON object with every figure. Exit status: 0 when every
// phase completed, 1 when one failed (timeout, engine error), 2 on bad usage.
// The program's parts: GuiBench.h.
#include "mainwindow/MainWindow.h"

#include "BenchSetup.h"
#include "GuiBench.h"
#include "Servers.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTextStream>

#include <csignal>

#ifndef MYSQL_SYNC_BENCH_DAEMON
#define MYSQL_SYNC_BENCH_DAEMON ""
#endif
#ifndef MYSQL_SYNC_BENCH_HARNESS
#define MYSQL_SYNC_BENCH_HARNESS ""
#endif

using namespace testsupport;
using namespace guibench;

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("mysql-sync"));
    QApplication::setApplicationName(QStringLiteral("mysql-sync-gui-bench"));
    QStandardPaths::setTestModeEnabled(true); // the window's settings stay out of the user's
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    BenchCommandLine cli(QStringLiteral("Benchmarks the desktop app's GUI thread on the private test servers."),
                         QStringLiteral("The mysql-sync executable (site_b)."), QStringLiteral(MYSQL_SYNC_BENCH_DAEMON),
                         QStringLiteral("Comma separated: live,status (both)."), QStringLiteral("live,status"));
    QCommandLineParser &parser = cli.parser();
    const QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("Rows/s inserted on A in phase live (5000)."),
                                  QStringLiteral("r"), QStringLiteral("5000"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("Seconds of inserting in phase live (20)."), QStringLiteral("s"),
                                     QStringLiteral("20"));
    const QCommandLineOption statusRows(QStringLiteral("status-rows"),
                                        QStringLiteral("sync_status rows of phase status (1000000)."),
                                        QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption
        bufferPool(QStringLiteral("buffer-pool-mb"),
                   QStringLiteral(
                       "Raise server A's InnoDB buffer pool to this size for phase status (512; 0: leave it)."),
                   QStringLiteral("mb"), QStringLiteral("512"));
    const QCommandLineOption remoteNice(QStringLiteral("remote-nice"),
                                        QStringLiteral("Nice value for site_b's daemon, MariaDB B and Mosquitto in "
                                                       "phase live (0: all compete as equals)."),
                                        QStringLiteral("n"), QStringLiteral("0"));
    parser.addOptions({rate, seconds, statusRows, bufferPool, remoteNice});
    cli.process(app);

    Options o;
    cli.readCommon(&o);
    o.rate = parser.value(rate).toDouble();
    o.seconds = parser.value(seconds).toDouble();
    o.statusRows = parser.value(statusRows).toLongLong();
    o.bufferPoolMb = parser.value(bufferPool).toLongLong();
    o.remoteNice = parser.value(remoteNice).toInt();
    QTextStream err(stderr);
    if (o.serversDir.isEmpty() || o.rate <= 0 || o.seconds <= 0 || o.statusRows < 1 || o.remoteNice < 0
        || o.remoteNice > 19) {
        err << "mysql-sync-gui-bench: needs --servers DIR and positive numbers (see --help)\n";
        return 2;
    }
    Servers s;
    if (!prepareBench("mysql-sync-gui-bench", o.daemon, o.serversDir, QStringLiteral(MYSQL_SYNC_BENCH_HARNESS), &s))
        return 2;
    GuiBench bench(o, s);
    return bench.run();
}
