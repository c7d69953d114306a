#include "engine/EngineContext.h"

#include "common/Logging.h"
#include "database/DbConnection.h"
#include "engine/RemotePaths.h"
#include "mqtt/Presence.h"
#include "mqtt/Transport.h"

namespace mysqlsync {

void EngineContext::rowsChanged(const QList<TableKey> &keys) const
{
    if (!rowSink || keys.isEmpty())
        return;
    QList<ChangedRow> rows;
    rows.reserve(keys.size());
    for (const TableKey &k : keys)
        rows.append({k.table, k.key});
    rowSink->rowsChanged(rows);
}

bool EngineContext::canSendTo(const QString &remote, qint64 at) const
{
    return mqtt && mqtt->isReady() && presence->isOnline(remote, at)
        && !(paths && mqtt->optionalReady() && paths->awaitingAnnouncement(remote, at));
}

bool EngineContext::batchesTo(const QString &remote, qint64 at) const
{
    return paths && mqtt && mqtt->optionalReady() && paths->batches(remote, at);
}

void EngineContext::databaseFailure(const QSqlError &error, const QString &what)
{
    const QString message = QStringLiteral("%1: %2").arg(what, DbConnection::describe(error));
    // A connection of the engine that is no longer open was lost, whatever the error says.
    if (DbConnection::isConnectionError(error) || (db && DbConnection::isConnectionError(error, db->db()))
        || (applyDb && DbConnection::isConnectionError(error, applyDb->db())))
        databaseLost(message);
    else {
        // The daemon has no error list: what is reported is logged too.
        qCWarning(lcDatabase).noquote() << message;
        reportError(EngineError::Source::Database, message);
    }
}

void EngineContext::reportError(EngineError::Source source, const QString &message, const QString &remote,
                                const QString &table, const QString &key)
{
    ++counters.errors;
    report(EngineError::now(source, message, remote, table, key));
}

} // namespace mysqlsync
