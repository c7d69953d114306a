#include "engine/ConflictSettlement.h"

#include "common/Logging.h"
#include "database/DbConnection.h"
#include "database/RowStore.h"
#include "database/Schema.h"
#include "database/SqlDialect.h"
#include "database/VersionStore.h"

#include <QDateTime>
#include <QSqlQuery>

namespace mysqlsync {

ConflictSettlement::Result ConflictSettlement::settle(const QSqlDatabase &dbIn, const Config &config,
                                                      const QHash<QString, TableInfo> &tables, qint64 id,
                                                      ConflictOutcome choice, const QJsonValue &edited,
                                                      const QString &by)
{
    QSqlDatabase db = dbIn;
    Result r;
    auto refuse = [&](const QString &why) {
        r.error = QStringLiteral("cannot settle conflict %1: %2").arg(id).arg(why);
        return r;
    };
    QString error;
    if (!ConflictStore::read(db, id, &r.conflict, &error))
        return refuse(error);
    const ConflictRecord &conflict = r.conflict;
    if (!conflict.isOpen())
        return refuse(QStringLiteral("it was settled already, by %1").arg(conflict.settledBy));
    const auto table = tables.constFind(conflict.table);
    if (!config.isBidirectional(conflict.table) || table == tables.cend() || table->primaryKey < 0)
        return refuse(QStringLiteral("%1 is not a bidirectional table of this site").arg(conflict.table));
    RowStore rows(db.connectionName());
    QJsonValue content;
    switch (choice) {
    case ConflictOutcome::Local: {
        QHash<QString, QJsonObject> current;
        if (rows.fetch(*table, {conflict.key}, &current, &error) != RowStore::Result::Ok)
            return refuse(error);
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
    if (!content.isObject() && !content.isNull())
        return refuse(QStringLiteral("the row to keep must be an object, or null to delete it"));
    if (content.isObject() && !RowStore::validate(*table, conflict.key, content.toObject(), &error))
        return refuse(error);

    // The row's version is made to include every version in conflict, so the change capture
    // makes of it next includes them all and every site takes it.
    QList<ConflictRecord> open;
    QHash<QString, RowVersion> stored;
    bool ok = db.transaction();
    if (!ok) {
        r.sqlError = db.lastError();
        error = DbConnection::describe(r.sqlError);
    }
    ok = ok && ConflictStore::openFor(db, conflict.table, {conflict.key}, &open, &error, &r.sqlError);
    ok = ok && VersionStore::read(db, conflict.table, {conflict.key}, &stored, &error, &r.sqlError);
    if (ok) {
        RowVersion version = stored.value(conflict.key);
        if (version.isNull())
            version = conflict.local;
        for (const ConflictRecord &o : std::as_const(open))
            version.vector = RowVersion::merge(version.vector, RowVersion::merge(o.local.vector, o.remote.vector));
        ok = VersionStore::write(db, conflict.table, {{conflict.key, version}}, &error, &r.sqlError);
    }
    if (ok) {
        bool changed = false;
        ok = rows.apply(*table, conflict.key, content, &error, &changed) == RowStore::Result::Ok;
    }
    if (ok) {
        // Captured even when the row already was so (keep this site's).
        QSqlQuery q(db);
        const SqlDialect &d = SqlDialect::of(db);
        q.prepare(
            d.kind() == SqlDialect::Kind::Postgres
                ? QStringLiteral("INSERT INTO table_changes (table_name, primary_key, \"date\") VALUES (?, ?, %1)")
                      .arg(d.utcNow())
                : QStringLiteral("INSERT INTO table_changes (`table_name`, primary_key, `date`) VALUES (?, ?, NOW())"));
        q.addBindValue(conflict.table);
        q.addBindValue(conflict.key);
        ok = q.exec();
        // On PostgreSQL the capture waits for a notification, as the triggers send one (at
        // commit); a settlement that changed no row fired no trigger.
        if (ok && d.kind() == SqlDialect::Kind::Postgres) {
            q.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
            q.addBindValue(Schema::notifyChannel());
            q.addBindValue(conflict.table);
            ok = q.exec();
        }
        if (!ok) {
            r.sqlError = q.lastError();
            error = QStringLiteral("cannot record the row for capture (table_changes): %1")
                        .arg(DbConnection::describe(r.sqlError));
        }
    }
    ok = ok
        && ConflictStore::settleRow(db, conflict.table, conflict.key, choice, by, QDateTime::currentMSecsSinceEpoch(),
                                    &error, &r.sqlError);
    if (ok && !db.commit()) {
        ok = false;
        r.sqlError = db.lastError();
        error = DbConnection::describe(r.sqlError);
    }
    if (!ok) {
        db.rollback();
        return refuse(error);
    }
    r.ok = true;
    r.settled = int(open.size());
    qCInfo(lcEngine).noquote() << "conflict" << id << "on" << conflict.table << conflict.key << "settled by" << by
                               << ":" << conflictOutcomeText(choice) << "(" << open.size()
                               << "open conflict(s) of the row)";
    return r;
}

} // namespace mysqlsync
