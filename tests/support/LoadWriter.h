#pragma once
// A load for the resilience tests (tst_resilience*): writes to one site's `items` table.
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QString>
#include <QThread>

#include <atomic>

#include "Servers.h"
#include "SiteDatabase.h"

namespace testsupport {

// Changes `items` of one site in small transactions on a thread of its own, so that it
// keeps writing while the test thread is blocked (a broker restart, a kill and its wait).
// Each transaction inserts `rowsPerTick` new keys, updates a few live keys, deletes one
// and now and then brings a deleted key back. It keeps a model of the keys it left alive.
class LoadWriter : public QThread {
public:
    LoadWriter(const Servers &servers, char site, const QString &database, int firstId, int rowsPerTick, int intervalMs,
               quint32 seed)
        : m_servers(servers)
        , m_site(site)
        , m_database(database)
        , m_nextId(firstId)
        , m_rowsPerTick(rowsPerTick)
        , m_intervalMs(intervalMs)
        , m_seed(seed)
    { }
    ~LoadWriter() override { finish(); }

    void finish()
    {
        m_stop.store(true);
        wait();
    }
    int transactions() const { return m_transactions.load(); }
    qint64 connectionId() const { return m_connectionId.load(); }
    int failures() const { return m_failures.load(); }
    QString error() const
    {
        QMutexLocker lock(&m_mutex);
        return m_error;
    }
    // Read after finish().
    QSet<int> alive() const { return QSet<int>(m_alive.cbegin(), m_alive.cend()); }
    QSet<int> touched() const { return m_touched; }

    // Writes `transactions` transactions at once on the calling thread (the writer's own
    // thread must not run): a burst while nothing else happens. `touched`: the keys it changed.
    bool burst(int transactions, QSet<int> *touched = nullptr);

protected:
    void run() override;

private:
    void tick(SiteDatabase &db, QRandomGenerator &rng);

    Servers m_servers;
    char m_site;
    QString m_database;
    int m_nextId;
    int m_rowsPerTick;
    int m_intervalMs;
    quint32 m_seed;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_transactions{0};
    std::atomic<int> m_failures{0};
    std::atomic<qint64> m_connectionId{0};
    mutable QMutex m_mutex;
    QString m_error;
    QList<int> m_alive;
    QList<int> m_gone;
    QSet<int> m_touched;
    QSet<int> m_recent;
};

} // namespace testsupport
