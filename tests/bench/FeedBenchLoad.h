#pragma once
// The feed benchmark's load and arithmetic (mysql-sync-feed-bench, docs/BENCHMARKS.md "Live
// feed"): the thread that commits the routed rows on schedule, the steady clock both sides of a
// push are read on, percentiles, and a daemon thread's CPU time.
#include <QByteArray>
#include <QString>
#include <QThread>

#include <vector>

#include "Servers.h"

namespace feedbench {

// Nanoseconds on the steady clock (commit and push times are both taken on it).
qint64 nowNs();
// CPU seconds of the thread named `name` of process `pid` (Linux: /proc/PID/task/TID), -1 if none.
double threadCpu(qint64 pid, const QByteArray &name);
// The p-th percentile (0..1) of `v`, -1 when empty.
double percentile(std::vector<double> v, double p);

// Commits `rows` rows of `orders` at `rate` rows/s in transactions of `batch` rows (row `id`
// belongs to user id % users + 1), recording each row's commit time (commitNs[id]); its own
// connection to MariaDB A, on its own thread.
class Inserter : public QThread {
public:
    Inserter(const testsupport::Servers &servers, const QString &database, int users, int rows, double rate, int batch,
             std::vector<qint64> *commitNs);
    QString error;
    double seconds = 0;

protected:
    void run() override;

private:
    testsupport::Servers m_servers;
    QString m_database;
    int m_users;
    int m_rows;
    double m_rate;
    int m_batch;
    std::vector<qint64> *m_commitNs;
};

} // namespace feedbench
