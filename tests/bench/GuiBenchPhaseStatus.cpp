// mysql-sync-gui-bench, phase status: the Sync status view over --status-rows sync_status rows
// (usage: gui_bench_main.cpp).
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

} // namespace guibench
