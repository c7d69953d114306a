// mysql-sync-gui-bench, phase live: MainWindow runs site_a's engine under a steady insert load
// while a "user" works the window (usage: gui_bench_main.cpp).
#include "GuiBench.h"

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

using namespace testsupport;
using namespace mysqlsync;
using namespace mysqlsync::ui;

namespace guibench {

namespace {

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

// The tab after `from` that is shown (the Feed tab is hidden without a feed section).
int nextShownTab(const QTabWidget *tabs, int from)
{
    int next = from;
    do {
        next = (next + 1) % tabs->count();
    } while (!tabs->isTabVisible(next) && next != from);
    return next;
}

} // namespace

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

    // The "user": every second the next tab shown (the Feed tab is hidden without a feed
    // section); on the Sync status tab, Refresh.
    QTimer user;
    user.setInterval(1000);
    int tabTurns = 0;
    QObject::connect(&user, &QTimer::timeout, &window, [&] {
        const int next = nextShownTab(window.tabs(), window.tabs()->currentIndex());
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
        if (!window.tabs()->isTabVisible(tab))
            continue; // the Feed tab without a feed section
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
        const int other = nextShownTab(window.tabs(), tab);
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

} // namespace guibench
