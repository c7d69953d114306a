#pragma once
// The chunks of initial loads that went out on the batch path without the outbox
// (InitialLoader): per (table, remote), in key order, each with its send date and the keys
// whose receipts are not written to sync_status yet. A pair's load position moves past a
// chunk only once every chunk up to it is settled, so a crash or a lost message sends the
// chunk again, never skips it.
#include "protocol/Messages.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace mysqlsync {

struct LoadChunk {
    QString table;
    QString remote;
    QString lastKey;       // the chunk's highest key
    qint64 date = 0;       // its send date (its receipts carry it)
    qint64 sentAt = 0;     // when it was sent
    QSet<QString> waiting; // keys whose receipts are not written yet
    int rows = 0;
    int unanswered = 0; // rows sent whose receipts have not arrived yet (pacing only)
    bool pendingWritten = false;
};

class LoadChunks {
public:
    void add(LoadChunk chunk);
    // Chunks of the pair not settled yet.
    int inFlight(const QString &table, const QString &remote) const;
    // Chunks of the pair whose receipts have not all arrived: they, and nothing else of the
    // load, wait ahead of a live change on the wire and at the remote.
    int unanswered(const QString &table, const QString &remote) const;
    // `count` receipts for the pair's chunk sent at `date` arrived (their sync_status rows
    // are still to be written); true when that chunk has now had all of them.
    bool answered(const QString &table, const QString &remote, qint64 date, int count);
    // Where the next chunk of the pair starts: the last key sent, or `settled` when none is out.
    QString readFrom(const QString &table, const QString &remote, const QString &settled) const;
    // Receipts whose sync_status rows are written (any that is not of a chunk is ignored).
    void written(const QList<InfoMessage> &receipts);
    // The highest key up to which every chunk of the pair is settled, those chunks removed
    // (*rows: how many rows they held); a null string when the first chunk is not settled.
    QString takeSettled(const QString &table, const QString &remote, int *rows);
    // Forgets the pair's chunks (its load starts again elsewhere).
    void drop(const QString &table, const QString &remote) { m_chunks.remove(pairKey(table, remote)); }
    // Chunks sent before `before` that still wait for receipts. With `takeKeys` their waiting
    // keys are moved out (returned) and the chunks count as settled: the caller owes them
    // through the outbox. Without, the chunks not answered whole are marked pendingWritten and
    // the keys returned once per chunk, for their `pending` rows.
    QList<LoadChunk> overdue(qint64 before, bool takeKeys);
    void clear() { m_chunks.clear(); }
    bool isEmpty() const { return m_chunks.isEmpty(); }

private:
    static QString pairKey(const QString &table, const QString &remote);
    QHash<QString, QList<LoadChunk>> m_chunks; // pairKey -> chunks in key order
};

} // namespace mysqlsync
