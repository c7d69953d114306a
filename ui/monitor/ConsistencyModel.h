#pragma once
// The Consistency page's rows: one per (sync table, remote) of the open configuration, with the
// pair's initial load (sync_loads), its newest verification and its newest finished one
// (sync_verifies), and, for a running load or verification, the progress against the table's
// rows with a rate and the time left. Read off the GUI thread by a ConsistencyLoader on a
// WorkerThread of its own, polled every second while something runs and every 5 s otherwise
// (the next poll is set when an answer comes, so two never overlap). verify() and loadAgain()
// ask the loader to queue a verification or restart the load; actionFinished() says how it
// went. A database switch retires the old thread without waiting; stale answers are dropped.
#include "config/Config.h"
#include "database/LoadStore.h"
#include "database/VerifyStore.h"
#include "monitor/RequestGeneration.h"
#include "monitor/WorkerThread.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

namespace mysqlsync::ui {

class ConsistencyLoader;
struct ConsistencySnapshot;

class ConsistencyModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Table, Remote, Verified, Result, Load, Progress, ColumnCount };
    // Progress column: the running work's fraction done (0..1), -1 when nothing runs.
    enum Role { FractionRole = Qt::UserRole + 1 };
    static constexpr int kBusyPollMs = 1000;
    static constexpr int kIdlePollMs = 5000;

    struct Pair {
        Pair() = default;
        Pair(const QString &t, const QString &r)
            : table(t)
            , remote(r)
        { }

        QString table;
        QString remote;
        bool hasLoad = false;
        LoadState load;
        bool hasLatest = false; // the newest verification (queued, running or finished)
        VerifyRun latest;
        bool hasFinished = false; // the newest done or failed one
        VerifyRun finished;
        qint64 total = -1; // the table's rows while something runs; -1 unknown
        // Rate of the running work, from the polls.
        QString workKey;
        qint64 sampleDone = 0;
        qint64 sampleAtMs = 0;
        double rate = 0; // rows/s

        bool verifyPending() const;
        // The load is not done (it may wait for the remote to come online).
        bool loadPending() const { return hasLoad && !load.done; }
        // The engine has begun it and it is not done.
        bool loading() const { return loadPending() && (load.startedAt > 0 || load.rows > 0); }
    };

    explicit ConsistencyModel(QObject *parent = nullptr);
    ~ConsistencyModel() override; // joins the threads still running (quit already asked)

    // Reads `mysql` (password resolved) from now on; an empty database name disconnects.
    void setDatabase(const MysqlConfig &mysql);
    // The rows: every table of `tables` against every remote of `remotes`.
    void setPairs(const QStringList &tables, const QStringList &remotes);
    // Polls now (and from then on at pollInterval()).
    void refresh();
    // Queues a verification of `row`'s pair (with `repair`: its differing rows are sent again).
    void verify(int row, bool repair);
    // Loads `row`'s pair again from its first key.
    void loadAgain(int row);

    bool hasDatabase() const { return m_loader != nullptr; }
    const Pair &pair(int row) const { return m_pairs.at(row); }
    int rowOf(const QString &table, const QString &remote) const;
    // Whether a load or a verification runs (or is queued) on some pair.
    bool isBusy() const;
    int pollInterval() const { return isBusy() ? kBusyPollMs : kIdlePollMs; }
    // Answers arrived since setDatabase (tests wait on it).
    int snapshots() const { return m_snapshots; }

    // "identical", "2 differ, 1 missing there", "failed: …" (a repair adds what it sent).
    static QString resultText(const VerifyRun &run);
    static QString loadText(const Pair &pair);
    static QString progressText(const Pair &pair);
    static double fraction(const Pair &pair);
    static QString timeText(qint64 ms);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // A poll's answer is shown.
    void refreshed();
    void readFailed(const QString &message);
    void actionFinished(bool ok, const QString &message);

private:
    void retire();
    void onSnapshot(quint64 generation, const mysqlsync::ui::ConsistencySnapshot &snapshot);
    void onReadFailed(quint64 generation, const QString &message);
    void updateRate(Pair *pair, qint64 nowMs);

    WorkerThread m_thread{QStringLiteral("sync-ui-consistency")};
    ConsistencyLoader *m_loader = nullptr;
    RequestGeneration m_generation;
    QList<Pair> m_pairs;
    QTimer m_poll;
    int m_snapshots = 0;
};

} // namespace mysqlsync::ui
