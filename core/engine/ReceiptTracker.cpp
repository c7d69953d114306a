#include "engine/ReceiptTracker.h"

#include "common/Logging.h"
#include "database/DbConnection.h"
#include "database/SyncStatusStore.h"
#include "outbox/Outbox.h"
#include "protocol/Messages.h"

namespace mysqlsync {

void ReceiptTracker::handle(const QList<InfoMessage> &receipts)
{
    if (!m_ctx.databaseUp) {
        // The outbox keeps the entries; they are sent again and answered again.
        qCDebug(lcEngine) << "database down: leaving" << receipts.size() << "receipt(s) for a later resend";
        return;
    }
    QList<StatusUpdate> updates;
    updates.reserve(receipts.size());
    QString error;
    m_ctx.outbox->begin();
    for (const InfoMessage &r : receipts) {
        ++m_ctx.counters.receiptsIn;
        const Outbox::Ack ack = m_ctx.outbox->acknowledge(r.sender, r.table, r.id, r.date, &error);
        if (!error.isEmpty()) {
            m_ctx.outbox->rollback();
            m_ctx.reportError(EngineError::Source::Outbox, error, r.sender, r.table, r.id);
            return;
        }
        if (ack == Outbox::Ack::Stale) {
            // The key changed or was sent again since: the newer send's receipt decides.
            qCDebug(lcEngine).noquote() << "stale receipt from" << r.sender << "for" << r.table << r.id;
            continue;
        }
        const bool failed = r.kind == InfoKind::Error;
        updates.append({r.table, r.id, r.sender, failed ? StatusUpdate::Error : StatusUpdate::Successful,
                        failed ? r.message : QString(), r.date});
        if (failed) {
            qCWarning(lcEngine).noquote() << r.sender << "could not apply" << r.table << r.id << ":" << r.message;
            m_ctx.reportError(EngineError::Source::Remote, r.message, r.sender, r.table, r.id);
        }
    }
    QSqlError sqlError;
    if (!SyncStatusStore::applyReceipts(m_ctx.db->db(), updates, &sqlError)) {
        // Keep the outbox as it was: the entries are resent and their receipts come again.
        m_ctx.outbox->rollback();
        m_ctx.databaseFailure(sqlError, QStringLiteral("writing sync_status"));
        return;
    }
    if (!m_ctx.outbox->commit(&error))
        m_ctx.reportError(EngineError::Source::Outbox, error);
    m_ctx.outboxChanged = true;
}

} // namespace mysqlsync
