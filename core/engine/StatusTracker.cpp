#include "engine/StatusTracker.h"

#include "common/Logging.h"
#include "database/DbConnection.h"
#include "outbox/Outbox.h"

namespace mysqlsync {

void StatusTracker::pending(const QString &table, const QString &key, const QString &remote, qint64 date)
{
    m_rows.pending({table, key, remote, SyncStatus::Pending, {}, date});
}

bool StatusTracker::receipt(const InfoMessage &r, QString *why)
{
    *why = SyncStatusStore::check(r.table, r.id, r.sender, r.date);
    if (!why->isEmpty())
        return false;
    m_receipts.append(r);
    ++m_receiptsWaiting[r.sender];
    const bool failed = r.kind == InfoKind::Error;
    m_rows.receipt({r.table, r.id, r.sender, failed ? SyncStatus::Error : SyncStatus::Successful,
                    failed ? r.message : QString(), r.date});
    return true;
}

void StatusTracker::clear()
{
    m_rows.clear();
    m_receipts.clear();
    m_receiptsWaiting.clear();
}

void StatusTracker::flush()
{
    if (isEmpty())
        return;
    bool settled = false;
    // Settle the outbox first, inside a transaction that commits only after sync_status:
    // a receipt for an older send than the one now owed is stale, and its row is not written.
    QString error;
    if (!m_ctx.outbox->begin()) {
        // Nothing is written and nothing is dropped: the rows wait for the next write.
        m_ctx.outbox->commit(&error);
        m_ctx.reportError(EngineError::Source::Outbox, error);
        m_ctx.statusQueued();
        return;
    }
    for (const InfoMessage &r : std::as_const(m_receipts)) {
        const Outbox::Ack ack = m_ctx.outbox->acknowledge(r.sender, r.table, r.id, r.date, &error);
        if (!error.isEmpty()) {
            m_ctx.outbox->rollback();
            m_ctx.reportError(EngineError::Source::Outbox, error, r.sender, r.table, r.id);
            // The receipts settle nothing now (their changes stay owed, are sent again and
            // answered again); the pending rows are written all the same.
            QList<StatusUpdate> pending;
            m_rows.split(&pending, nullptr);
            clear();
            QSqlError sqlError;
            if (!write(pending, {}, &sqlError))
                m_ctx.databaseFailure(sqlError, QStringLiteral("writing sync_status"));
            return;
        }
        if (ack == Outbox::Ack::Matched) {
            settled = true;
        } else if (ack == Outbox::Ack::Stale) {
            m_rows.dropReceipt(r.table, r.id, r.sender, r.date);
            qCDebug(lcEngine).noquote() << "stale receipt from" << r.sender << "for" << r.table << r.id;
        }
    }
    QList<StatusUpdate> pending, receipts;
    m_rows.split(&pending, &receipts);
    clear();
    QSqlError sqlError;
    if (!write(pending, receipts, &sqlError)) {
        // Keep the outbox as it was: the entries are sent again and answered again.
        m_ctx.outbox->rollback();
        m_ctx.databaseFailure(sqlError, QStringLiteral("writing sync_status"));
        return;
    }
    if (!m_ctx.outbox->commit(&error)) {
        m_ctx.reportError(EngineError::Source::Outbox, error);
        return;
    }
    if (settled)
        m_ctx.outboxChanged = true;
}

bool StatusTracker::write(const QList<StatusUpdate> &pending, const QList<StatusUpdate> &receipts, QSqlError *error)
{
    QSqlDatabase db = m_ctx.db->db();
    // Both statements in one transaction: one commit (one log flush on the server).
    const bool both = !pending.isEmpty() && !receipts.isEmpty();
    QSqlError sqlError;
    if ((!both || db.transaction()) && SyncStatusStore::setPending(db, pending, &sqlError)
        && SyncStatusStore::applyReceipts(db, receipts, &sqlError) && (!both || db.commit()))
        return true;
    if (!sqlError.isValid())
        sqlError = db.lastError();
    if (both)
        db.rollback();
    if (DbConnection::isConnectionError(sqlError)) {
        *error = sqlError;
        return false;
    }
    // A row the server refuses (a value it cannot store) fails the whole statement: row by
    // row, every other row is still written; the refused one is named in the log.
    qCWarning(lcEngine).noquote() << "sync_status: a multi-row write was refused (" << DbConnection::describe(sqlError)
                                  << "): writing" << pending.size() + receipts.size() << "row(s) one by one";
    for (int kind = 0; kind < 2; ++kind) {
        for (const StatusUpdate &u : kind == 0 ? pending : receipts) {
            QSqlError rowError;
            const bool ok = kind == 0 ? SyncStatusStore::setPending(db, {u}, &rowError)
                                      : SyncStatusStore::applyReceipts(db, {u}, &rowError);
            if (ok)
                continue;
            if (DbConnection::isConnectionError(rowError)) {
                *error = rowError;
                return false;
            }
            const QString message = QStringLiteral("sync_status refused the row of %1 %2 for %3: %4")
                                        .arg(u.table.left(64), u.key.left(64), u.remote, DbConnection::describe(rowError));
            qCWarning(lcEngine).noquote() << message;
            m_ctx.reportError(EngineError::Source::Database, message, u.remote, u.table, u.key);
        }
    }
    return true;
}

} // namespace mysqlsync
