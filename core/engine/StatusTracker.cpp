#include "engine/StatusTracker.h"

#include "common/Logging.h"
#include "database/DbConnection.h"
#include "outbox/Outbox.h"

namespace mysqlsync {

namespace {
QString rowKey(const QString &table, const QString &key, const QString &remote)
{
    return table + QLatin1Char('\n') + key + QLatin1Char('\n') + remote;
}

// The rule of docs/protocol.md: the stored row stays when its date is newer, and for the
// same date an error is never overwritten by a success.
bool keeps(const StatusUpdate &stored, const StatusUpdate &incoming)
{
    return stored.date > incoming.date
        || (stored.date == incoming.date && stored.status == StatusUpdate::Error
            && incoming.status == StatusUpdate::Successful);
}
} // namespace

void StatusTracker::pending(const QString &table, const QString &key, const QString &remote, qint64 date)
{
    m_rows.insert(rowKey(table, key, remote), {{table, key, remote, StatusUpdate::Pending, {}, date}, false});
}

void StatusTracker::receipt(const InfoMessage &r)
{
    m_receipts.append(r);
    ++m_receiptsWaiting[r.sender];
    const bool failed = r.kind == InfoKind::Error;
    StatusUpdate update{r.table, r.id, r.sender, failed ? StatusUpdate::Error : StatusUpdate::Successful,
                        failed ? r.message : QString(), r.date};
    auto it = m_rows.find(rowKey(r.table, r.id, r.sender));
    if (it == m_rows.end())
        m_rows.insert(rowKey(r.table, r.id, r.sender), {update, true});
    else if (!keeps(it->update, update))
        *it = {update, true};
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
            clear();
            return;
        }
        if (ack == Outbox::Ack::Matched) {
            settled = true;
        } else if (ack == Outbox::Ack::Stale) {
            auto it = m_rows.find(rowKey(r.table, r.id, r.sender));
            if (it != m_rows.end() && it->fromReceipt && it->update.date == r.date)
                m_rows.erase(it);
            qCDebug(lcEngine).noquote() << "stale receipt from" << r.sender << "for" << r.table << r.id;
        }
    }
    QList<StatusUpdate> pending, receipts;
    for (const Row &row : std::as_const(m_rows))
        (row.fromReceipt ? receipts : pending).append(row.update);
    clear();
    QSqlError sqlError;
    QSqlDatabase db = m_ctx.db->db();
    // Both statements in one transaction: one commit (one log flush on the server).
    const bool both = !pending.isEmpty() && !receipts.isEmpty();
    if ((both && !db.transaction()) || !SyncStatusStore::setPending(db, pending, &sqlError)
        || !SyncStatusStore::applyReceipts(db, receipts, &sqlError) || (both && !db.commit())) {
        if (!sqlError.isValid())
            sqlError = db.lastError();
        if (both)
            db.rollback();
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

} // namespace mysqlsync
