#include "FeedBenchLoad.h"

#include <QDir>
#include <QFile>
#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <chrono>

#include <unistd.h>

#include "SiteDatabase.h"

using namespace testsupport;

namespace feedbench {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double threadCpu(qint64 pid, const QByteArray &name)
{
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == name) {
            QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
            if (!stat.open(QIODevice::ReadOnly))
                return -1;
            const QByteArray s = stat.readAll();
            const QList<QByteArray> f = s.mid(s.lastIndexOf(')') + 2).split(' ');
            if (f.size() < 13)
                return -1;
            return double(f.at(11).toLongLong() + f.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
        }
    }
    return -1;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

Inserter::Inserter(const Servers &servers, const QString &database, int users, int rows, double rate, int batch,
                   std::vector<qint64> *commitNs)
    : m_servers(servers)
    , m_database(database)
    , m_users(users)
    , m_rows(rows)
    , m_rate(rate)
    , m_batch(batch)
    , m_commitNs(commitNs)
{ }

void Inserter::run()
{
    SiteDatabase db(m_servers, 'A', m_database, SiteDatabase::Attach);
    if (!db.isOpen()) {
        error = QStringLiteral("cannot connect: ") + db.lastError();
        return;
    }
    QSqlQuery q(db.database());
    const qint64 start = nowNs();
    for (int first = 1; first <= m_rows; first += m_batch) {
        // The schedule: row `first` is due at start + (first - 1) / rate.
        const qint64 due = start + qint64(double(first - 1) / m_rate * 1e9);
        while (nowNs() < due)
            QThread::usleep(200);
        QStringList values;
        const int last = std::min(m_rows, first + m_batch - 1);
        for (int id = first; id <= last; ++id)
            values << QStringLiteral("(%1,%2,'item-%1')").arg(id).arg(id % m_users + 1);
        if (!q.exec(QStringLiteral("INSERT INTO orders (id, user_id, item) VALUES ") + values.join(QLatin1Char(',')))) {
            error = q.lastError().text();
            return;
        }
        const qint64 committed = nowNs();
        for (int id = first; id <= last; ++id)
            (*m_commitNs)[size_t(id)] = committed;
    }
    seconds = double(nowNs() - start) / 1e9;
}

} // namespace feedbench
