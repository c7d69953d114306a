#pragma once
// mysql-sync-gui-bench (usage: gui_bench_main.cpp): the options, the helpers both phases use,
// StallMeter and the GuiBench class. Its parts: GuiBenchInfra.cpp (the helpers, opening a
// window on a configuration, the order of the phases and the JSON line), GuiBenchPhaseLive.cpp
// (phase live, with the Inserter thread) and GuiBenchPhaseStatus.cpp (phase status).
#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <functional>
#include <map>
#include <vector>

#include "Servers.h"

class QPushButton;
namespace mysqlsync::ui {
class MainWindow;
}

namespace guibench {

using mysqlsync::ui::MainWindow;
using testsupport::Servers;

// ------------------------------------------------------------------ helpers (GuiBenchInfra.cpp)

extern volatile std::sig_atomic_t g_interrupted;
extern "C" void onSignal(int);
QTextStream &out();
void line(const QString &label, const QString &value);
void heading(const QString &text);
QString num(double v, int decimals = 0);
// Runs the event loop (the GUI keeps working) until `condition` holds; false on timeout or signal.
bool spinUntil(const std::function<bool()> &condition, double timeoutS);
// Nanoseconds this thread has waited, runnable, for a CPU (Linux schedstat; 0 elsewhere).
double runQueueWaitMs();
double threadCpuMs();
// Sets the nice value of every thread of process `pid`; false when a thread refused.
bool reniceProcess(qint64 pid, int nice);

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

} // namespace guibench
