#pragma once
// When and how much SyncEngine takes from table_changes: capture every captureInterval (at
// once while batches are full or receipts make room), at most what the widest send window
// has room for, and the rows taken kept until OutboxSyncer says the outbox holding what
// they caused is on the disk; then they are removed. Lives on the engine's thread.
#include "engine/EngineContext.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QSet>
#include <QTimer>

namespace mysqlsync {

class ChangeSender;
class DbConnection;
class Outbox;
class OutboxSyncer;

class CaptureScheduler : public QObject {
    Q_OBJECT
public:
    // A child of the engine: it moves to the engine's thread with it.
    CaptureScheduler(EngineContext &context, QObject *parent);

    // The engine's parts, once started.
    void attach(ChangeSender *sender, OutboxSyncer *syncer, DbConnection *db);
    void detach();
    // The engine runs (between start and stop); paused, nothing is captured.
    void setRunning(bool running) { m_isRunning = running; }
    void setPaused(bool paused) { m_paused = paused; }

    // Captures after `delayMs` (while the database is up and the engine runs).
    void schedule(int delayMs);
    // How long an idle engine waits before it looks at table_changes again (0: captureInterval).
    // A PostgreSQL site woken by notifications looks less often: the look is a safety net.
    void setIdleInterval(int ms) { m_idleMs = ms; }
    // Receipts made room: capture now, unless capture is backing off after a failure.
    void roomMade();
    void stop() { m_timer.stop(); }
    // The database is back: the removal of rows taken before failed with it, ask again.
    void resume();
    // A clean stop: the outbox to the disk and what was taken removed now rather than taken
    // again at the next start.
    void finish(Outbox *outbox);

    // Whether capture has taken this table_changes row (sent it; removed once on the disk).
    bool isTaken(qint64 id) const { return m_takenIds.contains(id); }

private:
    void capture();
    void onSynced(quint64 ticket);
    void onSyncFailed(const QString &error);
    void removeTaken(quint64 ticket);

    EngineContext &m_ctx;
    ChangeSender *m_sender = nullptr;
    OutboxSyncer *m_syncer = nullptr;
    DbConnection *m_db = nullptr;
    bool m_isRunning = false;
    bool m_paused = false;
    QTimer m_timer;
    int m_idleMs = 0;
    bool m_backlog = false; // the last capture left rows in table_changes
    // table_changes rows dispatched but not removed yet (until the outbox is on the disk),
    // by the syncer ticket that covers them.
    QList<QPair<quint64, QList<qint64>>> m_taken;
    QSet<qint64> m_takenIds;
    quint64 m_ticket = 0;
};

} // namespace mysqlsync
