#pragma once
// sync_status bookkeeping with write-behind: `pending` rows for what is sent or queued, and
// the receipts that remotes send back. Updates wait a few milliseconds and are written
// together, several updates of one row collapsing into the last that counts (a row that is
// sent and acknowledged within one interval is written once, as successful).
// A receipt settles the outbox only once its sync_status row is written: a crash in between
// leaves the change owed (it is sent again), never a row stuck at 'pending'.
#include "database/SyncStatusStore.h"
#include "engine/EngineContext.h"
#include "engine/StatusRows.h"
#include "protocol/Messages.h"

#include <QHash>

namespace mysqlsync {

class StatusTracker {
public:
    explicit StatusTracker(EngineContext &context) : m_ctx(context) {}

    // The change of (table, key) was sent to `remote` (or queued for it) with this date.
    void pending(const QString &table, const QString &key, const QString &remote, qint64 date);
    // A data_received or error from a remote. A receipt that sync_status cannot hold (see
    // SyncStatusStore::check) is refused alone: false, with the reason in *why.
    bool receipt(const InfoMessage &receipt, QString *why);

    bool isEmpty() const { return m_rows.isEmpty() && m_receipts.isEmpty(); }
    // Receipts from `remote` waiting to settle the outbox: those changes are no longer in
    // flight, though the outbox still counts them until the next flush().
    int receiptsWaiting(const QString &remote) const { return m_receiptsWaiting.value(remote); }
    // Writes what waits. Nothing is settled when sync_status cannot be written.
    void flush();
    // Forgets what waits (the database went away: the outbox still owes it all).
    void clear();

private:
    // Writes the rows in one transaction; on a statement the server refuses, row by row,
    // so that one row it cannot take never costs the others theirs. False only when the
    // connection was lost (then nothing was written and *error says why).
    bool write(const QList<StatusUpdate> &pending, const QList<StatusUpdate> &receipts, QSqlError *error);
    EngineContext &m_ctx;
    StatusRows m_rows;                    // the updates that count, one per row
    QList<InfoMessage> m_receipts;        // to settle in the outbox, in arrival order
    QHash<QString, int> m_receiptsWaiting; // remote -> receipts in m_receipts
};

} // namespace mysqlsync
