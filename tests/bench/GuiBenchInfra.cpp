// mysql-sync-gui-bench: the helpers, opening a window on a configuration, and the order of the
// phases with the summary JSON line (see GuiBench.h).
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

QString num(double v, int decimals)
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

} // namespace guibench
