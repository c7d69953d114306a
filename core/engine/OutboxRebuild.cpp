#include "engine/OutboxRebuild.h"

#include "common/Logging.h"
#include "database/DbConnection.h"
#include "engine/ChangeSender.h"
#include "engine/EngineContext.h"
#include "outbox/Outbox.h"

#include <QSqlQuery>

namespace mysqlsync {

bool OutboxRebuild::run(EngineContext &ctx, ChangeSender &sender, int *owed, QString *error)
{
    *owed = 0;
    QSqlQuery q(ctx.db->db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT remote, `table_name`, primary_key FROM sync_status WHERE `status` = 'pending'"))) {
        *error = QStringLiteral("rebuilding the outbox: cannot read sync_status: %1").arg(DbConnection::describe(q.lastError()));
        return false;
    }
    QHash<QString, QList<TableKey>> byRemote;
    while (q.next()) {
        const QString remote = q.value(0).toString();
        const QString table = q.value(1).toString();
        // Only what this configuration still sends: other rows are left as they are.
        if (ctx.config.remoteClients.contains(remote) && ctx.config.syncTables.contains(table) && ctx.tables.contains(table))
            byRemote[remote].append({table, q.value(2).toString()});
    }
    if (q.lastError().isValid()) {
        *error = QStringLiteral("rebuilding the outbox: cannot read sync_status: %1").arg(DbConnection::describe(q.lastError()));
        return false;
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
        qCWarning(lcEngine).noquote() << "outbox rebuilt from sync_status:" << it.value().size() << "pending key(s) owed to"
                                      << it.key() << "again";
    ctx.outboxChanged = true;
    return true;
}

} // namespace mysqlsync
