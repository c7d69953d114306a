#include "engine/OutboxRebuild.h"

#include "common/Logging.h"
#include "database/DbConnection.h"
#include "database/SyncStatusStore.h"
#include "engine/ChangeSender.h"
#include "engine/EngineContext.h"
#include "outbox/Outbox.h"


namespace mysqlsync {

bool OutboxRebuild::run(EngineContext &ctx, ChangeSender &sender, int *owed, QString *error)
{
    *owed = 0;
    QList<SyncStatusStore::RemoteKey> pending;
    QSqlError sqlError;
    if (!SyncStatusStore::pendingKeys(ctx.db->db(), &pending, &sqlError)) {
        *error =
            QStringLiteral("rebuilding the outbox: cannot read sync_status: %1").arg(DbConnection::describe(sqlError));
        return false;
    }
    QHash<QString, QList<TableKey>> byRemote;
    for (const SyncStatusStore::RemoteKey &row : std::as_const(pending)) {
        // Only what this configuration still sends: other rows are left as they are.
        if (ctx.config.remoteClients.contains(row.remote) && ctx.config.syncTables.contains(row.table)
            && ctx.tables.contains(row.table))
            byRemote[row.remote].append({row.table, row.key});
    }
    if (!ctx.outbox->begin(Outbox::Durability::PowerSafe)) {
        ctx.outbox->commit(error);
        return false;
    }
    for (auto it = byRemote.cbegin(); it != byRemote.cend(); ++it) {
        // oweTo reports its own failure and rolls the whole transaction back.
        if (!sender.oweTo({it.key()}, it.value())) {
            *error = QStringLiteral("rebuilding the outbox: cannot owe the pending keys to %1 again").arg(it.key());
            return false;
        }
        *owed += int(it.value().size());
    }
    if (!ctx.outbox->markRebuilt(error)) {
        ctx.outbox->rollback();
        return false;
    }
    if (!ctx.outbox->commit(error))
        return false;
    for (auto it = byRemote.cbegin(); it != byRemote.cend(); ++it)
        qCWarning(lcEngine).noquote() << "outbox rebuilt from sync_status:" << it.value().size()
                                      << "pending key(s) owed to" << it.key() << "again";
    ctx.outboxChanged = true;
    return true;
}

} // namespace mysqlsync
