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
#include "database/Schema.h"
#include "engine/Engine.h"
#include "engine/EngineTypes.h"
#include "mainwindow/MainWindow.h"
#include "monitor/SyncStatusModel.h"
#include "syncstatus/SyncStatusPage.h"

#include "BenchSetup.h"
#include "EngineProcess.h"
#include "Servers.h"
#include "SiteDatabase.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <functional>
#include <map>
#include <memory>
#include <sys/resource.h>
#include <vector>

#include <time.h>

#ifndef MYSQL_SYNC_BENCH_DAEMON
#define MYSQL_SYNC_BENCH_DAEMON ""
#endif
#ifndef MYSQL_SYNC_BENCH_HARNESS
#define MYSQL_SYNC_BENCH_HARNESS ""
#endif

using namespace testsupport;
using namespace mysqlsync;
using namespace mysqlsync::ui;

namespace {

volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void onSignal(int)
{
    g_interrupted = 1;
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

void line(const QString &label, const QString &value)
{
    out() << "  " << label.leftJustified(52, QLatin1Char(' ')) << ' ' << value << Qt::endl;
}

void heading(const QString &text)
{
    out() << Qt::endl << text << Qt::endl;
}

QString num(double v, int decimals = 0)
{
    return QString::number(v, 'f', decimals);
}

// Runs the event loop (the GUI keeps working) until `condition` holds; false on timeout or signal.
// The loop sleeps between events as the app's own does, and `condition` is checked every 5 ms:
// QCoreApplication::processEvents(flags, maxtime) ignores WaitForMoreEvents, and a loop around
// it kept the GUI thread busy all the time, competing with the work it measures.
bool spinUntil(const std::function<bool()> &condition, double timeoutS)
{
    QElapsedTimer t;
    t.start();
    if (condition())
        return true;
    bool met = false;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (condition()) {
            met = true;
            loop.quit();
        } else if (g_interrupted || t.elapsed() > qint64(timeoutS * 1000)) {
            loop.quit();
        }
    });
    poll.start();
    loop.exec();
    return met;
}

// Nanoseconds this thread has waited, runnable, for a CPU (Linux schedstat; 0 elsewhere).
// Called on the GUI thread only: the file stays open (thread-self is resolved when it is
// opened) and is read again from its start, so that measuring costs the thread little.
double runQueueWaitMs()
{
    static QFile f(QStringLiteral("/proc/thread-self/schedstat"));
    if (!f.isOpen() && !f.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return 0;
    f.seek(0);
    char buffer[128];
    const qint64 n = f.read(buffer, sizeof buffer - 1);
    if (n <= 0)
        return 0;
    const QList<QByteArray> fields = QByteArray(buffer, int(n)).split(' ');
    return fields.size() >= 2 ? fields.at(1).toDouble() / 1e6 : 0;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Sets the nice value of every thread of process `pid` (threads made later inherit it from
// their creator). False when a thread refused (a process of another user, say).
bool reniceProcess(qint64 pid, int nice)
{
    bool ok = pid > 0;
    const QStringList tasks =
        QDir(QStringLiteral("/proc/%1/task").arg(pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks)
        ok = ::setpriority(PRIO_PROCESS, id_t(task.toLongLong()), nice) == 0 && ok;
    return ok && !tasks.isEmpty();
}

// The longest gap between ticks of a 5 ms timer on the GUI thread: how long it did not get to
// its events. The GUI thread's own CPU time in each gap tells work on it (busy) from a thread
// that was ready but not scheduled, or blocked (the rest of the gap).
class StallMeter : public QObject {
public:
    StallMeter()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 gap = m_clock.nsecsElapsed();
            m_clock.restart();
            const double cpu = threadCpuMs();
            const double wait = runQueueWaitMs();
            m_gaps.push_back(gap / 1e6);
            m_busy.push_back(cpu - m_cpu);
            m_waits.push_back(wait - m_wait);
            if (m_label) {
                double &most = m_busiestBy[m_label()];
                most = std::max(most, cpu - m_cpu);
            }
            m_cpu = cpu;
            m_wait = wait;
        });
    }
    void start()
    {
        m_gaps.clear();
        m_busy.clear();
        m_waits.clear();
        m_busiestBy.clear();
        m_cpu = threadCpuMs();
        m_wait = runQueueWaitMs();
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    // Names what the GUI showed in each gap (read at its end), for busiestBy().
    void setLabel(std::function<QString()> label) { m_label = std::move(label); }
    // The most CPU time the GUI thread used in one gap, by label.
    const std::map<QString, double> &busiestBy() const { return m_busiestBy; }
    double longestMs() const { return m_gaps.empty() ? 0 : *std::max_element(m_gaps.begin(), m_gaps.end()); }
    // The GUI thread's CPU time in the longest gap, and the most it used in any one gap.
    double busyInLongestMs() const
    {
        return m_gaps.empty() ? 0 : m_busy[size_t(std::max_element(m_gaps.begin(), m_gaps.end()) - m_gaps.begin())];
    }
    // The time the GUI thread waited for a CPU (runnable, not scheduled) in the longest gap.
    double waitInLongestMs() const
    {
        return m_gaps.empty() ? 0 : m_waits[size_t(std::max_element(m_gaps.begin(), m_gaps.end()) - m_gaps.begin())];
    }
    double longestBusyMs() const { return m_busy.empty() ? 0 : *std::max_element(m_busy.begin(), m_busy.end()); }
    double percentileMs(double p) const
    {
        if (m_gaps.empty())
            return 0;
        std::vector<double> g = m_gaps;
        std::sort(g.begin(), g.end());
        return g[std::min(g.size() - 1, size_t(p / 100.0 * double(g.size())))];
    }
    int over(double ms) const
    {
        return int(std::count_if(m_gaps.begin(), m_gaps.end(), [ms](double g) { return g > ms; }));
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::vector<double> m_gaps;
    std::vector<double> m_busy;  // the GUI thread's CPU ms in each gap
    std::vector<double> m_waits; // its ms waiting for a CPU in each gap
    double m_cpu = 0;
    double m_wait = 0;
    std::function<QString()> m_label;
    std::map<QString, double> m_busiestBy;
};

// Inserts `rate` rows/s into items on its own connection and thread, in multi-row INSERTs
// every 10 ms, for `seconds`.
class Inserter : public QThread {
public:
    Inserter(const Servers &servers, const QString &database, double rate, double seconds)
        : m_servers(servers)
        , m_database(database)
        , m_rate(rate)
        , m_seconds(seconds)
    { }
    std::atomic<qint64> inserted{0};
    QString error;
    double elapsedS = 0;

protected:
    void run() override
    {
        SiteDatabase db(m_servers, 'A', m_database, SiteDatabase::Attach);
        if (!db.isOpen()) {
            error = db.lastError();
            return;
        }
        const qint64 total = qint64(m_rate * m_seconds);
        QElapsedTimer t;
        t.start();
        qint64 next = 1;
        while (next <= total && !g_interrupted) {
            const qint64 due = std::min(total, qint64(m_rate * double(t.nsecsElapsed()) / 1e9));
            if (due < next) {
                QThread::usleep(2000);
                continue;
            }
            QString sql = QStringLiteral("INSERT INTO items (id, name, qty, price, updated) VALUES ");
            for (qint64 id = next; id <= due; ++id) {
                if (id > next)
                    sql += QLatin1Char(',');
                sql += QStringLiteral("(%1,'item %1',%2,%3.25,NOW())").arg(id).arg(id % 97).arg(id % 1000);
            }
            if (!db.exec(sql)) {
                error = db.lastError().isEmpty() ? QStringLiteral("INSERT failed") : db.lastError();
                return;
            }
            inserted = due;
            next = due + 1;
        }
        elapsedS = double(t.nsecsElapsed()) / 1e9;
    }

private:
    Servers m_servers;
    QString m_database;
    double m_rate;
    double m_seconds;
};

struct Options {
    QString serversDir;
    QString daemon;
    QString logLevel = QStringLiteral("warn");
    QStringList phases{QStringLiteral("live"), QStringLiteral("status")};
    double rate = 5000;
    double seconds = 20;
    qint64 statusRows = 1000000;
    qint64 bufferPoolMb = 512;
    int remoteNice = 0;
};

class GuiBench {
public:
    GuiBench(const Options &options, const Servers &servers)
        : m_opt(options)
        , m_servers(servers)
    { }
    int run();

private:
    bool live();
    bool status();
    bool writeConfig(const QJsonObject &json, QString *path);
    bool openWindow(MainWindow *window, const QString &configPath, QString *error);
    QPushButton *refreshButton(MainWindow *window) const;
    bool fail(const QString &phase, const QString &why);

    Options m_opt;
    Servers m_servers;
    QTemporaryDir m_dir;
    QJsonObject m_json;
    bool m_failed = false;
};

bool GuiBench::fail(const QString &phase, const QString &why)
{
    line(phase, QStringLiteral("FAILED: ") + why);
    m_json.insert(phase + QStringLiteral("_error"), why);
    m_failed = true;
    return false;
}

bool GuiBench::writeConfig(const QJsonObject &json, QString *path)
{
    *path = m_dir.filePath(json.value(QStringLiteral("clientName")).toString() + QStringLiteral(".json"));
    QFile file(*path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(QJsonDocument(json).toJson()) > 0;
}

bool GuiBench::openWindow(MainWindow *window, const QString &configPath, QString *error)
{
    bool started = false;
    QString fatal;
    QObject::connect(window->engine(), &Engine::started, window, [&] { started = true; });
    QObject::connect(window->engine(), &Engine::fatalError, window, [&](const QString &m) { fatal = m; });
    if (!window->openConfiguration(configPath)) {
        *error = QStringLiteral("the window did not open %1").arg(configPath);
        return false;
    }
    window->show();
    if (!spinUntil([&] { return started || !fatal.isEmpty(); }, 60)) {
        *error = QStringLiteral("the engine did not start within 60 s");
        return false;
    }
    if (!fatal.isEmpty()) {
        *error = fatal;
        return false;
    }
    return true;
}

QPushButton *GuiBench::refreshButton(MainWindow *window) const
{
    for (QPushButton *b : window->syncStatusPage()->findChildren<QPushButton *>()) {
        if (b->text() == QLatin1String("Refresh"))
            return b;
    }
    return nullptr;
}

// ------------------------------------------------------------------ live

bool GuiBench::live()
{
    const QString phase = QStringLiteral("live");
    heading(QStringLiteral("Live sync: MainWindow runs site_a, %1 rows/s for %2 s to a site_b daemon")
                .arg(num(m_opt.rate), num(m_opt.seconds)));
    const QString database = QStringLiteral("gui_bench_live");
    const QString ddl = QStringLiteral("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(64), qty INT, "
                                       "price DECIMAL(10,2), updated DATETIME)");
    SiteDatabase a(m_servers, 'A', database);
    SiteDatabase b(m_servers, 'B', database);
    if (!a.isOpen() || !b.isOpen() || !a.exec(ddl) || !b.exec(ddl))
        return fail(phase, QStringLiteral("cannot prepare the databases: %1 %2").arg(a.lastError(), b.lastError()));

    QJsonObject configB = EngineProcess::config(m_servers, 'B', database, QStringLiteral("site_b"),
                                                {QStringLiteral("site_a")}, {}, {QStringLiteral("items")});
    configB.insert(QStringLiteral("loggingLevel"), m_opt.logLevel);
    configB.insert(QStringLiteral("checkInterval"), 1000);
    EngineProcess siteB(QStringLiteral("site_b"), configB);
    if (!siteB.start())
        return fail(phase,
                    QStringLiteral("site_b's daemon did not start: %1")
                        .arg(QString::fromUtf8(siteB.log().right(1000))));

    QJsonObject configA = EngineProcess::config(m_servers, 'A', database, QStringLiteral("site_a"),
                                                {QStringLiteral("site_b")}, {QStringLiteral("items")}, {});
    configA.insert(QStringLiteral("loggingLevel"), m_opt.logLevel);
    configA.insert(QStringLiteral("checkInterval"), 1000);
    configA.insert(QStringLiteral("queueDirectory"), m_dir.filePath(QStringLiteral("queue-live")));
    QString path;
    if (!writeConfig(configA, &path))
        return fail(phase, QStringLiteral("cannot write %1").arg(path));

    MainWindow window(false);
    EngineCounters counters;
    bool online = false;
    QObject::connect(window.engine(), &Engine::countersChanged, &window,
                     [&](const EngineCounters &c) { counters = c; });
    QObject::connect(window.engine(), &Engine::remoteStateChanged, &window, [&](const QString &name, bool up, qint64) {
        if (name == QLatin1String("site_b"))
            online = up;
    });
    QString error;
    if (!openWindow(&window, path, &error))
        return fail(phase, error);
    if (!spinUntil([&] { return online; }, 60))
        return fail(phase, QStringLiteral("site_a never saw site_b online"));
    if (m_opt.remoteNice != 0) {
        QStringList refused;
        const std::pair<QString, qint64> remote[] = {{QStringLiteral("site_b's daemon"), siteB.processId()},
                                                     {QStringLiteral("MariaDB B"),
                                                      m_servers.pid(QStringLiteral("mysql-b.pid"))},
                                                     {QStringLiteral("Mosquitto"),
                                                      m_servers.pid(QStringLiteral("mosquitto.pid"))}};
        for (const auto &[name, pid] : remote) {
            if (!reniceProcess(pid, m_opt.remoteNice))
                refused << name;
        }
        line(QStringLiteral("site_b's daemon, MariaDB B, Mosquitto at nice"),
             QString::number(m_opt.remoteNice)
                 + (refused.isEmpty() ? QString()
                                      : QStringLiteral(" (refused: %1)").arg(refused.join(QStringLiteral(", ")))));
    } else {
        line(QStringLiteral("every process at nice"), QStringLiteral("0 (--remote-nice 0)"));
    }
    m_json.insert(QStringLiteral("live_remote_nice"), m_opt.remoteNice);
    // Both engines capture changes once their triggers are in place (A's are, the engine started).
    QPushButton *refresh = refreshButton(&window);
    if (!refresh)
        return fail(phase, QStringLiteral("no Refresh button on the Sync status page"));
    const qint64 base = counters.receiptsIn;

    // The "user": every second the next tab; on the Sync status tab, Refresh.
    QTimer user;
    user.setInterval(1000);
    int tabTurns = 0;
    QObject::connect(&user, &QTimer::timeout, &window, [&] {
        const int next = (window.tabs()->currentIndex() + 1) % window.tabs()->count();
        window.tabs()->setCurrentIndex(next);
        if (next == MainWindow::SyncStatusTab)
            refresh->click();
        ++tabTurns;
    });

    StallMeter meter;
    meter.setLabel(
        [&window] { return window.tabs()->tabText(window.tabs()->currentIndex()).remove(QLatin1Char('&')); });
    Inserter inserter(m_servers, database, m_opt.rate, m_opt.seconds);
    const qint64 total = qint64(m_opt.rate * m_opt.seconds);
    QElapsedTimer clock;
    clock.start();
    meter.start();
    user.start();
    inserter.start();
    const double limit = m_opt.seconds + 120;
    const bool done = spinUntil(
        [&] { return (inserter.isFinished() && !inserter.error.isEmpty()) || counters.receiptsIn - base >= total; },
        limit);
    const double syncedS = double(clock.nsecsElapsed()) / 1e9;
    meter.stop();
    user.stop();
    inserter.wait();
    if (!inserter.error.isEmpty())
        return fail(phase, QStringLiteral("inserting on A: %1").arg(inserter.error));
    if (!done)
        return fail(phase,
                    QStringLiteral("%1 of %2 rows acknowledged after %3 s")
                        .arg(counters.receiptsIn - base)
                        .arg(total)
                        .arg(num(limit)));

    const qint64 onB = b.count(QStringLiteral("items"));
    // The engine writes sync_status a moment after the receipts it counted (write-behind).
    qint64 successful = 0;
    spinUntil(
        [&] {
            successful =
                a.scalar(QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE status = 'successful'")).toLongLong();
            return successful >= total;
        },
        10);
    line(QStringLiteral("rows inserted on A"),
         QStringLiteral("%1 in %2 s (%3 rows/s)")
             .arg(total)
             .arg(num(inserter.elapsedS, 1))
             .arg(num(double(total) / inserter.elapsedS)));
    line(QStringLiteral("all acknowledged after"),
         QStringLiteral("%1 s (%2 rows/s end to end)").arg(num(syncedS, 1), num(double(total) / syncedS)));
    line(QStringLiteral("rows on B / successful in A's sync_status"),
         QStringLiteral("%1 / %2").arg(onB).arg(successful));
    line(QStringLiteral("GUI stall: longest (target <= 50 ms)"), num(meter.longestMs(), 1) + QStringLiteral(" ms"));
    line(QStringLiteral("GUI stall: p99 / p99.9 of 5 ms ticks"),
         QStringLiteral("%1 / %2 ms").arg(num(meter.percentileMs(99), 1), num(meter.percentileMs(99.9), 1)));
    line(QStringLiteral("ticks later than 50 ms"), QString::number(meter.over(50)));
    line(QStringLiteral("GUI thread's CPU time in the longest stall"),
         num(meter.busyInLongestMs(), 1) + QStringLiteral(" ms"));
    line(QStringLiteral("... waiting for a CPU in the longest stall"),
         num(meter.waitInLongestMs(), 1) + QStringLiteral(" ms"));
    line(QStringLiteral("GUI thread's most CPU time between two ticks"),
         num(meter.longestBusyMs(), 1) + QStringLiteral(" ms"));
    m_json.insert(QStringLiteral("live_stall_wait_ms"), std::round(meter.waitInLongestMs() * 10) / 10);
    m_json.insert(QStringLiteral("live_stall_busy_ms"), std::round(meter.busyInLongestMs() * 10) / 10);
    m_json.insert(QStringLiteral("live_busy_max_ms"), std::round(meter.longestBusyMs() * 10) / 10);
    QStringList byTab;
    QJsonObject byTabJson;
    for (const auto &[tab, ms] : meter.busiestBy()) {
        byTab << QStringLiteral("%1 %2").arg(tab, num(ms, 1));
        byTabJson.insert(tab, std::round(ms * 10) / 10);
    }
    line(QStringLiteral("... by the tab shown (ms)"), byTab.join(QStringLiteral(", ")));
    m_json.insert(QStringLiteral("live_busy_max_ms_by_tab"), byTabJson);
    line(QStringLiteral("tab switches / refreshes by the \"user\""), QString::number(tabTurns));

    // The app's own work, without the load: the GUI thread's CPU time for one full repaint of
    // each tab (median of 15), once every row is synced.
    QStringList paints;
    QJsonObject paintJson;
    for (int tab = 0; tab < window.tabs()->count(); ++tab) {
        window.tabs()->setCurrentIndex(tab);
        spinUntil([] { return false; }, 0.1);
        std::vector<double> cpu;
        for (int i = 0; i < 15; ++i) {
            const double before = threadCpuMs();
            window.repaint();
            cpu.push_back(threadCpuMs() - before);
        }
        std::sort(cpu.begin(), cpu.end());
        // Switching to the tab from the next one: events, layout and repaint together.
        std::vector<double> switching;
        const int other = (tab + 1) % window.tabs()->count();
        for (int i = 0; i < 15; ++i) {
            window.tabs()->setCurrentIndex(other);
            QCoreApplication::sendPostedEvents();
            window.repaint();
            const double before = threadCpuMs();
            window.tabs()->setCurrentIndex(tab);
            QCoreApplication::sendPostedEvents();
            window.repaint();
            switching.push_back(threadCpuMs() - before);
        }
        std::sort(switching.begin(), switching.end());
        const QString name = window.tabs()->tabText(tab).remove(QLatin1Char('&'));
        paints << QStringLiteral("%1 %2 / %3")
                      .arg(name, num(cpu[cpu.size() / 2], 1), num(switching[switching.size() / 2], 1));
        paintJson.insert(name,
                         QJsonArray{std::round(cpu[cpu.size() / 2] * 10) / 10,
                                    std::round(switching[switching.size() / 2] * 10) / 10});
    }
    line(QStringLiteral("per tab, CPU ms: repaint / switch to it (medians)"), paints.join(QStringLiteral(", ")));
    m_json.insert(QStringLiteral("live_repaint_switch_ms_by_tab"), paintJson);
    m_json.insert(QStringLiteral("live_rows"), total);
    m_json.insert(QStringLiteral("live_insert_rate"), qRound(double(total) / inserter.elapsedS));
    m_json.insert(QStringLiteral("live_e2e_rate"), qRound(double(total) / syncedS));
    m_json.insert(QStringLiteral("live_stall_max_ms"), std::round(meter.longestMs() * 10) / 10);
    m_json.insert(QStringLiteral("live_stall_p99_ms"), std::round(meter.percentileMs(99) * 10) / 10);
    m_json.insert(QStringLiteral("live_ticks_over_50ms"), meter.over(50));
    if (onB != total || successful != total)
        return fail(phase,
                    QStringLiteral("rows missing: %1 on B, %2 successful, %3 inserted")
                        .arg(onB)
                        .arg(successful)
                        .arg(total));

    bool stopped = false;
    QObject::connect(window.engine(), &Engine::stopped, &window, [&] { stopped = true; });
    window.engine()->stop();
    spinUntil([&] { return stopped; }, 30);
    siteB.stop();
    return true;
}

// ------------------------------------------------------------------ status

bool GuiBench::status()
{
    const QString phase = QStringLiteral("status");
    heading(QStringLiteral("Sync status view over %1 sync_status rows").arg(m_opt.statusRows));
    const QString database = QStringLiteral("gui_bench_status");
    SiteDatabase a(m_servers, 'A', database);
    if (!a.isOpen() || !a.exec(QStringLiteral("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(64))")))
        return fail(phase, QStringLiteral("cannot prepare the database: %1").arg(a.lastError()));
    // The harness's servers have a 64 MB buffer pool, a quarter of what 1,000,000 rows of
    // sync_status and its indexes take: every figure would be disk reads (and the fill takes
    // many minutes). A server that holds such a table has a pool to match: --buffer-pool-mb.
    const qint64 poolBefore = a.scalar(QStringLiteral("SELECT @@GLOBAL.innodb_buffer_pool_size")).toLongLong();
    if (m_opt.bufferPoolMb > 0 && poolBefore < m_opt.bufferPoolMb * 1048576) {
        if (!a.exec(QStringLiteral("SET GLOBAL innodb_buffer_pool_size = %1").arg(m_opt.bufferPoolMb * 1048576)))
            return fail(phase, QStringLiteral("cannot resize the buffer pool: %1").arg(a.lastError()));
        spinUntil(
            [&] {
                return a.scalar(QStringLiteral("SELECT @@GLOBAL.innodb_buffer_pool_size")).toLongLong()
                    >= m_opt.bufferPoolMb * 1048576;
            },
            60);
    }
    const qint64 pool = a.scalar(QStringLiteral("SELECT @@GLOBAL.innodb_buffer_pool_size")).toLongLong();
    line(QStringLiteral("InnoDB buffer pool of server A"),
         QStringLiteral("%1 MB (was %2 MB)").arg(pool / 1048576).arg(poolBefore / 1048576));
    m_json.insert(QStringLiteral("status_buffer_pool_mb"), pool / 1048576);
    // The engine's own tables and indexes, created by its own code.
    QString error;
    if (!Schema::install(a.database(), true, {}, &error))
        return fail(phase, error);
    // Row n: table items/orders/customers, remote site_b/site_c, every 10th pending, every
    // 100th an error; one row a second back from 2026-01-01. MariaDB's sequence engine makes
    // the numbers (seq_1_to_N), so the fill is one INSERT ... SELECT.
    QElapsedTimer fill;
    fill.start();
    const QString select =
        QStringLiteral(
            "SELECT MD5(CONCAT(seq)), ELT(1 + seq MOD 3, 'items', 'orders', 'customers'), CAST(seq AS CHAR), "
            "IF(seq MOD 2 = 1, 'site_b', 'site_c'), TIMESTAMP('2026-01-01') - INTERVAL seq SECOND, "
            "IF(seq MOD 100 = 0, 'error', IF(seq MOD 10 = 0, 'pending', 'successful')), "
            "IF(seq MOD 100 = 0, CONCAT('Duplicate entry ', seq, ' for key PRIMARY'), NULL) FROM seq_1_to_%1")
            .arg(m_opt.statusRows);
    if (!a.exec(QStringLiteral("INSERT INTO sync_status ") + select))
        return fail(phase,
                    QStringLiteral("cannot fill sync_status (needs MariaDB's sequence engine): %1").arg(a.lastError()));
    a.exec(QStringLiteral("ANALYZE TABLE sync_status"));
    const qint64 rows = a.count(QStringLiteral("sync_status"));
    line(QStringLiteral("filled sync_status"),
         QStringLiteral("%1 rows in %2 s").arg(rows).arg(num(fill.elapsed() / 1000.0, 1)));
    m_json.insert(QStringLiteral("status_rows"), rows);

    QJsonObject config =
        EngineProcess::config(m_servers, 'A', database, QStringLiteral("site_a"),
                              {QStringLiteral("site_b"), QStringLiteral("site_c")}, {QStringLiteral("items")}, {});
    config.insert(QStringLiteral("loggingLevel"), m_opt.logLevel);
    config.insert(QStringLiteral("queueDirectory"), m_dir.filePath(QStringLiteral("queue-status")));
    QString path;
    if (!writeConfig(config, &path))
        return fail(phase, QStringLiteral("cannot write %1").arg(path));

    MainWindow window(false);
    window.tabs()->setCurrentIndex(MainWindow::SyncStatusTab);
    SyncStatusModel *model = window.syncStatusModel();
    // Time of the first page and of the count after `t0` (the model's latest request).
    QElapsedTimer t0;
    qint64 firstPageMs = -1;
    qint64 countMs = -1;
    QObject::connect(model, &SyncStatusModel::pageLoaded, &window, [&](int n, qint64) {
        if (firstPageMs < 0 && (n > 0 || !model->canFetchMore({})))
            firstPageMs = t0.elapsed();
    });
    QObject::connect(model, &SyncStatusModel::totalRowsChanged, &window, [&](qint64 total) {
        if (countMs < 0 && total >= 0)
            countMs = t0.elapsed();
    });
    QString loadError;
    QObject::connect(model, &SyncStatusModel::loadFailed, &window, [&](const QString &m) { loadError = m; });
    auto settled = [&] { return !loadError.isEmpty() || (firstPageMs >= 0 && countMs >= 0 && !model->isLoading()); };
    auto restartClock = [&] {
        firstPageMs = -1;
        countMs = -1;
        t0.start();
    };

    StallMeter meter;
    meter.start();
    // Open: the configuration is opened with the tab showing; the engine's start refreshes the
    // view once more (sync_status may have just been created), so the clock restarts there too.
    restartClock();
    QElapsedTimer open;
    open.start();
    bool started = false;
    QObject::connect(window.engine(), &Engine::started, &window, [&] {
        started = true;
        restartClock();
    });
    if (!window.openConfiguration(path))
        return fail(phase, QStringLiteral("the window did not open %1").arg(path));
    window.show();
    if (!spinUntil([&] { return started && settled(); }, 120))
        return fail(phase, QStringLiteral("the view did not open within 120 s (%1)").arg(loadError));
    if (!loadError.isEmpty())
        return fail(phase, loadError);
    const qint64 openMs = open.elapsed();
    struct Figure {
        QString key;
        QString label;
        qint64 firstPage;
        qint64 count;
        qint64 shown;
        bool capped;
    };
    std::vector<Figure> figures;
    figures.push_back({QStringLiteral("open"), QStringLiteral("open (from the engine's start)"), firstPageMs, countMs,
                       model->totalRows(), model->countCapped()});
    line(QStringLiteral("open the configuration until the view is filled"),
         QStringLiteral("%1 ms (engine start included)").arg(openMs));

    // A fresh load after each change, as the page's controls make it.
    const struct {
        const char *key;
        const char *label;
        std::function<void(StatusFilter &)> change;
    } steps[] = {
        {"status_error", "filter status = error", [](StatusFilter &f) { f.status = SyncStatus::Error; }},
        {"remote", "filter remote = site_c",
         [](StatusFilter &f) {
             f = StatusFilter();
             f.remote = QStringLiteral("site_c");
         }},
        {"table_remote_status", "filter table + remote + status = pending",
         [](StatusFilter &f) {
             f = StatusFilter();
             f.table = QStringLiteral("orders");
             f.remote = QStringLiteral("site_c");
             f.status = SyncStatus::Pending;
         }},
        {"key_search", "search key containing 12345",
         [](StatusFilter &f) {
             f = StatusFilter();
             f.keySearch = QStringLiteral("12345");
         }},
        {"sort_key", "sort by key, no filter",
         [](StatusFilter &f) {
             f = StatusFilter();
             f.sortColumn = StatusFilter::Key;
             f.descending = false;
         }},
        {"sort_status_error_date", "status = error, sort by date ascending",
         [](StatusFilter &f) {
             f = StatusFilter();
             f.status = SyncStatus::Error;
             f.descending = false;
         }},
        {"cleared", "filters cleared (newest first)", [](StatusFilter &f) { f = StatusFilter(); }},
    };
    for (const auto &step : steps) {
        StatusFilter f = model->filter();
        step.change(f);
        restartClock();
        model->setFilter(f);
        if (!spinUntil(settled, 120))
            return fail(phase, QStringLiteral("%1 did not load within 120 s").arg(QLatin1String(step.label)));
        if (!loadError.isEmpty())
            return fail(phase, loadError);
        figures.push_back({QLatin1String(step.key), QLatin1String(step.label), firstPageMs, countMs, model->totalRows(),
                           model->countCapped()});
        spinUntil([] { return false; }, 0.2); // a user's pause between clicks
    }
    meter.stop();

    qint64 worst = 0;
    for (const Figure &f : figures) {
        const qint64 both = std::max(f.firstPage, f.count);
        worst = std::max(worst, both);
        line(f.label,
             QStringLiteral("first page %1 ms, count %2 ms (%3%4 rows)")
                 .arg(f.firstPage)
                 .arg(f.count)
                 .arg(f.capped ? QStringLiteral("more than ") : QString())
                 .arg(f.shown));
        m_json.insert(QStringLiteral("status_%1_page_ms").arg(f.key), f.firstPage);
        m_json.insert(QStringLiteral("status_%1_count_ms").arg(f.key), f.count);
    }
    line(QStringLiteral("slowest open/filter (target < 1000 ms)"), QStringLiteral("%1 ms").arg(worst));
    line(QStringLiteral("GUI stall meanwhile: longest"), num(meter.longestMs(), 1) + QStringLiteral(" ms"));
    line(QStringLiteral("GUI thread's most CPU time between two ticks"),
         num(meter.longestBusyMs(), 1) + QStringLiteral(" ms"));
    m_json.insert(QStringLiteral("status_busy_max_ms"), std::round(meter.longestBusyMs() * 10) / 10);
    m_json.insert(QStringLiteral("status_open_ms"), std::max(figures.front().firstPage, figures.front().count));
    m_json.insert(QStringLiteral("status_slowest_ms"), worst);
    m_json.insert(QStringLiteral("status_stall_max_ms"), std::round(meter.longestMs() * 10) / 10);

    bool stopped = false;
    QObject::connect(window.engine(), &Engine::stopped, &window, [&] { stopped = true; });
    window.engine()->stop();
    spinUntil([&] { return stopped; }, 30);
    return true;
}

int GuiBench::run()
{
    out() << "mysql-sync-gui-bench " << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << ", "
          << QThread::idealThreadCount() << " cores" << Qt::endl;
    m_json.insert(QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!m_dir.isValid())
        return fail(QStringLiteral("setup"), QStringLiteral("no temporary directory")), 1;
    if (m_opt.phases.contains(QLatin1String("live")) && !g_interrupted)
        live();
    if (m_opt.phases.contains(QLatin1String("status")) && !g_interrupted)
        status();
    if (g_interrupted)
        fail(QStringLiteral("run"), QStringLiteral("interrupted"));
    out() << Qt::endl << QJsonDocument(m_json).toJson(QJsonDocument::Compact) << Qt::endl;
    return m_failed ? 1 : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("mysql-sync"));
    QApplication::setApplicationName(QStringLiteral("mysql-sync-gui-bench"));
    QStandardPaths::setTestModeEnabled(true); // the window's settings stay out of the user's
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Benchmarks the desktop app's GUI thread on the private test servers."));
    parser.addHelpOption();
    const QCommandLineOption servers(QStringLiteral("servers"),
                                     QStringLiteral("Directory of tests/harness/servers.sh start DIR."),
                                     QStringLiteral("dir"));
    const QCommandLineOption daemon(QStringLiteral("daemon"), QStringLiteral("The mysql-sync executable (site_b)."),
                                    QStringLiteral("path"), QStringLiteral(MYSQL_SYNC_BENCH_DAEMON));
    const QCommandLineOption phases(QStringLiteral("phases"), QStringLiteral("Comma separated: live,status (both)."),
                                    QStringLiteral("list"), QStringLiteral("live,status"));
    const QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("Rows/s inserted on A in phase live (5000)."),
                                  QStringLiteral("r"), QStringLiteral("5000"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("Seconds of inserting in phase live (20)."), QStringLiteral("s"),
                                     QStringLiteral("20"));
    const QCommandLineOption statusRows(QStringLiteral("status-rows"),
                                        QStringLiteral("sync_status rows of phase status (1000000)."),
                                        QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"), QStringLiteral("The engines' loggingLevel (warn)."),
                                      QStringLiteral("level"), QStringLiteral("warn"));
    const QCommandLineOption
        bufferPool(QStringLiteral("buffer-pool-mb"),
                   QStringLiteral(
                       "Raise server A's InnoDB buffer pool to this size for phase status (512; 0: leave it)."),
                   QStringLiteral("mb"), QStringLiteral("512"));
    const QCommandLineOption remoteNice(QStringLiteral("remote-nice"),
                                        QStringLiteral("Nice value for site_b's daemon, MariaDB B and Mosquitto in "
                                                       "phase live (0: all compete as equals)."),
                                        QStringLiteral("n"), QStringLiteral("0"));
    parser.addOptions({servers, daemon, phases, rate, seconds, statusRows, logLevel, bufferPool, remoteNice});
    parser.process(app);

    Options o;
    o.serversDir = parser.value(servers);
    o.daemon = QFileInfo(parser.value(daemon)).absoluteFilePath();
    o.phases = parser.value(phases).split(QLatin1Char(','), Qt::SkipEmptyParts);
    o.rate = parser.value(rate).toDouble();
    o.seconds = parser.value(seconds).toDouble();
    o.statusRows = parser.value(statusRows).toLongLong();
    o.logLevel = parser.value(logLevel);
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
