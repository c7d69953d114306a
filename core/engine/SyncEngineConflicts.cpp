// SyncEngine's part in conflicts: an operator's settlement and the open count. Detection and
// the policies are ConflictResolver's (docs/ARCHITECTURE.md, "Conflicts").
#include "engine/SyncEngine.h"

#include "common/Logging.h"
#include "database/ConflictStore.h"
#include "database/DbConnection.h"
#include "engine/CaptureScheduler.h"
#include "engine/ConflictSettlement.h"


namespace mysqlsync {

void SyncEngine::reportConflicts(int detected)
{
    if (!m_ctx.databaseUp)
        return;
    qint64 open = 0;
    QString error;
    if (!ConflictStore::countOpen(m_ctx.db->db(), &open, &error)) {
        qCWarning(lcEngine).noquote() << error;
        return;
    }
    Q_EMIT conflictsChanged(open, detected);
}

void SyncEngine::settleConflict(qint64 id, ConflictOutcome choice, const QJsonValue &edited, const QString &by)
{
    if (!m_running || !m_ctx.databaseUp) {
        m_ctx.reportError(EngineError::Source::Apply,
                          QStringLiteral("cannot settle conflict %1: the engine is not connected to its database")
                              .arg(id));
        return;
    }
    const ConflictSettlement::Result r =
        ConflictSettlement::settle(m_ctx.db->db(), m_ctx.config, m_ctx.tables, id, choice, edited, by);
    if (!r.ok) {
        qCWarning(lcEngine).noquote() << r.error;
        m_ctx.reportError(EngineError::Source::Apply, r.error, {}, r.conflict.table, r.conflict.key);
        if (DbConnection::isConnectionError(r.sqlError))
            m_ctx.databaseLost(r.error);
        return;
    }
    m_ctx.counters.conflictsSettled += r.settled;
    m_capture->schedule(0);
    reportConflicts(0);
}

} // namespace mysqlsync
