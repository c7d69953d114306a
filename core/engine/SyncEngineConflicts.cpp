// SyncEngine's part in conflicts: an operator's settlement and the open count. Detection and
// the policies are ConflictResolver's (docs/ARCHITECTURE.md, "Conflicts").
#include "engine/SyncEngine.h"

#include "common/Logging.h"
#include "database/ConflictStore.h"
#include "database/DbConnection.h"
#include "database/RowStore.h"
#include "database/VersionStore.h"
#include "engine/CaptureScheduler.h"

#include <QSqlQuery>

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
    auto refuse = [&](const QString &why, const QString &table = {}, const QString &key = {}) {
        const QString message = QStringLiteral("cannot settle conflict %1: %2").arg(id).arg(why);
        qCWarning(lcEngine).noquote() << message;
        m_ctx.reportError(EngineError::Source::Apply, message, {}, table, key);
    };
    if (!m_running || !m_ctx.databaseUp) {
        refuse(QStringLiteral("the engine is not connected to its database"));
        return;
    }
    QSqlDatabase db = m_ctx.db->db();
    ConflictRecord conflict;
    QString error;
    if (!ConflictStore::read(db, id, &conflict, &error)) {
        refuse(error);
        return;
    }
    if (!conflict.isOpen()) {
        refuse(QStringLiteral("it was settled already, by %1").arg(conflict.settledBy), conflict.table, conflict.key);
        return;
    }
    const auto table = m_ctx.tables.constFind(conflict.table);
    if (!m_ctx.config.isBidirectional(conflict.table) || table == m_ctx.tables.cend() || table->primaryKey < 0) {
        refuse(QStringLiteral("%1 is no longer a bidirectional table of this site").arg(conflict.table), conflict.table,
               conflict.key);
        return;
    }
    RowStore rows(m_ctx.db->name());
    QJsonValue content;
    switch (choice) {
    case ConflictOutcome::Local: {
        QHash<QString, QJsonObject> current;
        if (rows.fetch(*table, {conflict.key}, &current, &error) != RowStore::Result::Ok) {
            refuse(error, conflict.table, conflict.key);
            return;
        }
        content =
            current.contains(conflict.key) ? QJsonValue(current.value(conflict.key)) : QJsonValue(QJsonValue::Null);
        break;
    }
    case ConflictOutcome::Remote:
        content = conflict.remoteVersion;
        break;
    case ConflictOutcome::Edited:
        content = edited;
        break;
    }
    if (!content.isObject() && !content.isNull()) {
        refuse(QStringLiteral("the row to keep must be an object, or null to delete it"), conflict.table, conflict.key);
        return;
    }
    if (content.isObject() && !RowStore::validate(*table, conflict.key, content.toObject(), &error)) {
        refuse(error, conflict.table, conflict.key);
        return;
    }

    // The row's version is made to include every version in conflict, so the change capture
    // makes of it next includes them all and every site takes it.
    QList<ConflictRecord> open;
    QHash<QString, RowVersion> stored;
    QSqlError sqlError;
    bool ok = db.transaction();
    ok = ok && ConflictStore::openFor(db, conflict.table, {conflict.key}, &open, &error, &sqlError);
    ok = ok && VersionStore::read(db, conflict.table, {conflict.key}, &stored, &error, &sqlError);
    if (ok) {
        RowVersion version = stored.value(conflict.key);
        if (version.isNull())
            version = conflict.local;
        for (const ConflictRecord &o : std::as_const(open))
            version.vector = RowVersion::merge(version.vector, RowVersion::merge(o.local.vector, o.remote.vector));
        ok = VersionStore::write(db, conflict.table, {{conflict.key, version}}, &error, &sqlError);
    }
    if (ok) {
        bool changed = false;
        const RowStore::Result r = rows.apply(*table, conflict.key, content, &error, &changed);
        ok = r == RowStore::Result::Ok;
    }
    if (ok) {
        // Captured even when the row already was so (keep this site's).
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO table_changes (`table_name`, primary_key, `date`) VALUES (?, ?, NOW())"));
        q.addBindValue(conflict.table);
        q.addBindValue(conflict.key);
        ok = q.exec();
        if (!ok) {
            sqlError = q.lastError();
            error = QStringLiteral("cannot write table_changes: %1").arg(DbConnection::describe(sqlError));
        }
    }
    ok = ok
        && ConflictStore::settleRow(db, conflict.table, conflict.key, choice, by, EngineContext::now(), &error,
                                    &sqlError);
    if (!ok || !db.commit()) {
        if (ok)
            error = DbConnection::describe(db.lastError());
        db.rollback();
        refuse(error, conflict.table, conflict.key);
        if (DbConnection::isConnectionError(sqlError))
            m_ctx.databaseLost(error);
        return;
    }
    qCInfo(lcEngine).noquote() << "conflict" << id << "on" << conflict.table << conflict.key << "settled by" << by
                               << ":" << conflictOutcomeText(choice) << "(" << open.size()
                               << "open conflict(s) of the row)";
    m_ctx.counters.conflictsSettled += open.size();
    m_capture->schedule(0);
    reportConflicts(0);
}

} // namespace mysqlsync
