#pragma once
// What /proc says about a process, for the benchmarks (Linux): CPU time and memory.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QString>

#include <algorithm>

#include <unistd.h>

// CPU time (user + system) of a process in seconds, from /proc/PID/stat; -1 when unreadable.
inline double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray s = f.readAll();
    const int close = s.lastIndexOf(')');
    const QList<QByteArray> fields = s.mid(close + 2).split(' ');
    // After "pid (comm) ": state is field 3, utime 14, stime 15 -> indexes 11 and 12 here.
    if (fields.size() < 13)
        return -1;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

// cpuSeconds() of a process plus those of its living children (PostgreSQL's postmaster and
// its backends); -1 when the process's own is unreadable.
inline double cpuSecondsWithChildren(qint64 pid)
{
    double total = cpuSeconds(pid);
    if (total < 0)
        return -1;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 child = e.toLongLong(&ok);
        QFile f(QStringLiteral("/proc/%1/stat").arg(child));
        if (!ok || !f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray s = f.readAll();
        // After "pid (comm) ": the state, then the parent's pid.
        if (s.mid(s.lastIndexOf(')') + 2).split(' ').value(1).toLongLong() == pid)
            total += std::max(0.0, cpuSeconds(child));
    }
    return total;
}

// A field of /proc/PID/status in kB (VmHWM, VmRSS), -1 when unreadable.
inline qint64 procStatusKb(qint64 pid, const char *field)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (pid <= 0 || !f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &l : f.readAll().split('\n')) {
        if (l.startsWith(prefix))
            return l.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// The whole machine's CPU time from /proc/stat's "cpu" line, in clock ticks: busy (user, nice,
// system, irq, softirq), all (busy + idle + iowait + steal) and steal (taken by the host from
// this virtual machine). False when unreadable.
struct MachineCpu {
    qint64 busy = 0, all = 0, steal = 0;
};
inline bool machineCpu(MachineCpu *m)
{
    QFile f(QStringLiteral("/proc/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> v = f.readLine().simplified().split(' ');
    if (v.size() < 9 || v.at(0) != "cpu")
        return false;
    auto at = [&](int i) { return v.at(i).toLongLong(); };
    m->busy = at(1) + at(2) + at(3) + at(6) + at(7);
    m->steal = at(8);
    m->all = m->busy + at(4) + at(5) + m->steal;
    return true;
}

// Seconds all threads of a process have spent on a CPU and waiting in a run queue for one
// (/proc/PID/task/*/schedstat: ns on CPU, ns waiting, time slices); false when unreadable.
// Waiting time that grows is CPU starvation: the process was ready and something else ran.
inline bool schedSeconds(qint64 pid, double *onCpu, double *waiting)
{
    const QString dir = QStringLiteral("/proc/%1/task").arg(pid);
    const QStringList tasks = QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (pid <= 0 || tasks.isEmpty())
        return false;
    qint64 run = 0, wait = 0;
    for (const QString &t : tasks) {
        QFile f(dir + QLatin1Char('/') + t + QStringLiteral("/schedstat"));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> v = f.readAll().simplified().split(' ');
        if (v.size() >= 2) {
            run += v.at(0).toLongLong();
            wait += v.at(1).toLongLong();
        }
    }
    *onCpu = run / 1e9;
    *waiting = wait / 1e9;
    return true;
}
