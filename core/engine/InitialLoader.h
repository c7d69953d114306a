#pragma once
// Initial loads (docs/protocol.md, "Initial load"): the rows a sync table already holds are
// sent to each remote that has never had them, in key order, a chunk at a time, and only while
// the remote's outbox is nearly empty, so live changes never wait behind more than a chunk or
// two. To a remote on the batch path a chunk is read once (rows with their keys) and published
// at once, without the outbox (LoadChunks keeps it until its receipts are written): wire order
// is read order, so a change made during the load, sent after its row was read, is never
// overtaken. Its `pending` rows are written only for rows not answered within a second (a
// row answered sooner gets one `successful` write); rows not answered within resendTimeout are
// owed through the outbox. To an earlier engine each row is owed through the outbox like any
// change. How far each (table, remote) got is kept in sync_loads, moved only past settled
// chunks: a restart resumes there, and a finished pair is not loaded again, unless an operator
// asks (`mysql-sync load`). A remote that comes back with another identity (database
// recreated) is verified and repaired instead.
#include "database/LoadStore.h"
#include "database/RowStore.h"
#include "engine/EngineContext.h"
#include "engine/LoadChunks.h"

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
    // The connection is opened again: statements are prepared again, and chunks still out are
    // sent again from the last settled key (their receipts may never be written now).
    void resetStatements()
    {
        m_rows.reset();
        m_chunks.clear();
    }
    // Whether the pair's load is known and not done (EngineContext::loadOwed).
    bool owes(const QString &table, const QString &remote) const
    {
        const auto it = m_states.constFind(pairKey(table, remote));
        return it != m_states.cend() && !it->done;
    }
    // `count` receipts for the rows of `table` sent to `remote` at `date` arrived
    // (EngineContext::receiptsArrived).
    void receiptsArrived(const QString &table, const QString &remote, qint64 date, int count);
    // Receipts whose sync_status rows are written (EngineContext::receiptsWritten).
    void receiptsWritten(const QList<InfoMessage> &receipts);

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
    // The batch path's chunk of one pair (see above); true while the pair is busy.
    bool stepLane(LoadState *state, const TableInfo &table, int chunk, qint64 now);
    // Whether a read of the pair's rows or keys worked; a failure is reported (a lost
    // connection as such; a table changed under the engine has the catalogue read again).
    bool readOk(RowStore::Result result, const QString &error, const LoadState &state);
    // Moves the pair's position past its settled chunks; false when sync_loads failed.
    bool settle(LoadState *state);
    // `pending` rows for chunk rows not answered within a second; the rows of chunks not
    // answered within resendTimeout owed through the outbox.
    void chaseOverdue(qint64 now);
    // The pair has nothing more to send: recorded as done, and verified.
    void finish(LoadState *state, qint64 now);
    static QString pairKey(const QString &table, const QString &remote);

    EngineContext &m_ctx;
    RowStore m_rows;
    ChangeSender *m_sender = nullptr;
    ConflictResolver *m_versions = nullptr;
    std::function<void(const QString &)> m_flush;
    QHash<QString, LoadState> m_states; // pairKey -> state
    LoadChunks m_chunks;                // chunks out on the batch path
    QElapsedTimer m_statesRead;
    QTimer m_timer;
    bool m_running = false;
    bool m_paused = false;
};

} // namespace mysqlsync
