#include "database/LoadStore.h"

#include "database/DbConnection.h"
#include "database/SqlDialect.h"

#include <QSqlQuery>
#include <QVariant>

namespace mysqlsync {

namespace {

bool fail(const QSqlQuery &q, const char *what, QString *error, QSqlError *sqlError)
{
    if (sqlError)
        *sqlError = q.lastError();
    *error = QStringLiteral("cannot %1: %2").arg(QString::fromLatin1(what), DbConnection::describe(q.lastError()));
    return false;
}

QVariant nullable(const QString &s)
{
    return s.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

// The column `table_name`, quoted for the connection's dialect.
QString tableNameColumn(const QSqlDatabase &db)
{
    return SqlDialect::of(db).quoteIdentifier(QStringLiteral("table_name"));
}

} // namespace

bool LoadStore::readAll(const QSqlDatabase &db, QList<LoadState> *out, QString *error, QSqlError *sqlError)
{
    out->clear();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT %1, remote, remote_site, state = 'done', last_key, rows_sent, "
                               "started_at, COALESCE(finished_at, 0) FROM sync_loads")
                    .arg(tableNameColumn(db))))
        return fail(q, "read sync_loads", error, sqlError);
    while (q.next()) {
        LoadState s;
        s.table = q.value(0).toString();
        s.remote = q.value(1).toString();
        s.remoteSite = q.value(2).toString();
        s.done = q.value(3).toBool();
        s.lastKey = q.value(4).isNull() ? QString() : q.value(4).toString();
        s.rows = q.value(5).toLongLong();
        s.startedAt = q.value(6).toLongLong();
        s.finishedAt = q.value(7).toLongLong();
        out->append(s);
    }
    return true;
}

bool LoadStore::write(const QSqlDatabase &db, const LoadState &s, QString *error, QSqlError *sqlError)
{
    const SqlDialect &dialect = SqlDialect::of(db);
    QStringList updates;
    for (const char *column : {"remote_site", "state", "last_key", "rows_sent", "started_at", "finished_at"}) {
        const QString name = QString::fromLatin1(column);
        updates << QStringLiteral("%1 = %2").arg(name, dialect.insertedValue(name));
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO sync_loads (%1, remote, remote_site, state, last_key, rows_sent, started_at, "
                             "finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) %2 %3")
                  .arg(tableNameColumn(db), dialect.upsertClause({tableNameColumn(db), QStringLiteral("remote")}),
                       updates.join(QStringLiteral(", "))));
    q.addBindValue(s.table);
    q.addBindValue(s.remote);
    q.addBindValue(s.remoteSite.isNull() ? QStringLiteral("") : s.remoteSite); // NOT NULL: "" while unknown
    q.addBindValue(s.done ? QStringLiteral("done") : QStringLiteral("loading"));
    q.addBindValue(nullable(s.lastKey));
    q.addBindValue(s.rows);
    q.addBindValue(s.startedAt);
    q.addBindValue(s.finishedAt == 0 ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(s.finishedAt));
    if (!q.exec())
        return fail(q, "write sync_loads", error, sqlError);
    return true;
}

bool LoadStore::everSynced(const QSqlDatabase &db, const QString &table, const QString &remote, bool *synced,
                           QString *error, QSqlError *sqlError)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM sync_status WHERE %1 = ? AND remote = ? LIMIT 1").arg(tableNameColumn(db)));
    q.addBindValue(table);
    q.addBindValue(remote);
    if (!q.exec())
        return fail(q, "read sync_status", error, sqlError);
    *synced = q.next();
    return true;
}

bool LoadStore::isDone(const QSqlDatabase &db, const QString &table, const QString &remote, bool *done, QString *error)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT state = 'done' FROM sync_loads WHERE %1 = ? AND remote = ?").arg(tableNameColumn(db)));
    q.addBindValue(table);
    q.addBindValue(remote);
    if (!q.exec())
        return fail(q, "read sync_loads", error, nullptr);
    *done = q.next() && q.value(0).toBool();
    return true;
}

bool LoadStore::restart(const QSqlDatabase &db, const QString &table, const QString &remote, QString *error)
{
    const SqlDialect &dialect = SqlDialect::of(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO sync_loads (%1, remote, remote_site, state, last_key, rows_sent, "
                             "started_at) VALUES (?, ?, '', 'loading', NULL, 0, 0) %2 "
                             "state = 'loading', last_key = NULL, rows_sent = 0, started_at = 0, finished_at = NULL")
                  .arg(tableNameColumn(db), dialect.upsertClause({tableNameColumn(db), QStringLiteral("remote")})));
    q.addBindValue(table);
    q.addBindValue(remote);
    if (!q.exec())
        return fail(q, "write sync_loads", error, nullptr);
    return true;
}

} // namespace mysqlsync
