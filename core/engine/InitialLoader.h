#pragma once
// Initial loads (docs/protocol.md, "Initial load"): the rows a sync table already holds are
// owed to each remote that has never had them, in key order, a chunk at a time, and only while
// the remote's outbox is nearly empty, so live changes never wait behind more than a chunk or
// two. Each row goes out through the outbox like any change (its current state when it is sent,
// a sync_status row, a receipt), so a change made during the load is never reverted. How far
// each (table, remote) got is kept in sync_loads: a restart resumes there, and a finished pair
// is not loaded again, unless an operator asks (`mysql-sync load`). A remote that comes back
// with another identity (database recreated) is verified and repaired instead.
#include "database/LoadStore.h"
#include "database/RowStore.h"
#include "engine/EngineContext.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace mysqlsync {

class ChangeSender;
class ConflictResolver;

class InitialLoader : public QObject {
    Q_OBJECT
public:
    InitialLoader(EngineContext &context, QObject *parent);

    // `flush(remote)`: send what the remote is owed now.
    void start(ChangeSender *sender, ConflictResolver *versions, std::function<void(const QString &)> flush);
    void stop();
    void setPaused(bool paused);
    // The database is back, or a remote came online: look again now.
    void poke();
    void resetStatements() { m_rows.reset(); }

    // Rows per chunk, and how many a remote may be owed before the next chunk.
    int chunkFor(const QString &remote, qint64 now) const;

private:
    void tick();
    bool readStates();
    // Whether `table` holds no row (false on a database error, reported).
    bool isEmpty(const QString &table, bool *empty);
    // The remote announced another identity than the pair was loaded into: a verification
    // with repair is queued (or, to an engine without verify, the load starts again).
    bool recover(LoadState *state, qint64 now);
    // One chunk of one pair; true when something was owed.
    bool step(LoadState *state, qint64 now);
    static QString pairKey(const QString &table, const QString &remote);

    EngineContext &m_ctx;
    RowStore m_rows;
    ChangeSender *m_sender = nullptr;
    ConflictResolver *m_versions = nullptr;
    std::function<void(const QString &)> m_flush;
    QHash<QString, LoadState> m_states; // pairKey -> state
    QElapsedTimer m_statesRead;
    QTimer m_timer;
    bool m_running = false;
    bool m_paused = false;
};

} // namespace mysqlsync
