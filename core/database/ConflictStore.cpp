#include "database/ConflictStore.h"

#include "database/DbConnection.h"
#include "database/SqlDialect.h"
#include "database/SyncStatusStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QVariant>

namespace mysqlsync {

QString conflictOutcomeText(ConflictOutcome outcome)
{
    switch (outcome) {
    case ConflictOutcome::Local:
        return QStringLiteral("local");
    case ConflictOutcome::Remote:
        return QStringLiteral("remote");
    case ConflictOutcome::Edited:
        return QStringLiteral("edited");
    }
    return QString();
}

std::optional<ConflictOutcome> conflictOutcomeFromText(const QString &text)
{
    for (ConflictOutcome o : {ConflictOutcome::Local, ConflictOutcome::Remote, ConflictOutcome::Edited}) {
        if (conflictOutcomeText(o) == text)
            return o;
    }
    return std::nullopt;
}

namespace {

bool isPostgres(const QSqlDatabase &db)
{
    return SqlDialect::of(db).kind() == SqlDialect::Kind::Postgres;
}

// The columns fromQuery() reads; the dates as milliseconds since the epoch (stored as UTC on
// PostgreSQL, in the session's time zone on MariaDB).
QString columns(const QSqlDatabase &db)
{
    if (isPostgres(db))
        return QStringLiteral(
            "id, table_name, primary_key, local_site, remote_site, local_version, remote_version, local_time, "
            "remote_time, local_vector, remote_vector, policy, winner, "
            "CAST(extract(epoch FROM detected_at) * 1000 AS bigint), "
            "CAST(COALESCE(extract(epoch FROM settled_at) * 1000, 0) AS bigint), settled_by");
    return QStringLiteral(
        "id, `table_name`, primary_key, local_site, remote_site, local_version, remote_version, local_time, "
        "remote_time, local_vector, remote_vector, policy, winner, CAST(UNIX_TIMESTAMP(detected_at) * 1000 AS SIGNED), "
        "CAST(IFNULL(UNIX_TIMESTAMP(settled_at) * 1000, 0) AS SIGNED), settled_by");
}

QString tableName(const QSqlDatabase &db)
{
    return SqlDialect::of(db).quoteIdentifier(QStringLiteral("table_name"));
}

// A date column's value from a bound number of milliseconds.
QString fromMs(const QSqlDatabase &db)
{
    return isPostgres(db) ? QStringLiteral("(to_timestamp(? / 1000.0) AT TIME ZONE 'UTC')")
                          : QStringLiteral("FROM_UNIXTIME(? / 1000)");
}

QString jsonText(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return QStringLiteral("null");
}

QJsonValue fromJsonText(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(QJsonValue::Null);
}

bool fail(const QSqlQuery &q, const char *what, QString *error, QSqlError *sqlError)
{
    if (sqlError)
        *sqlError = q.lastError();
    *error = QStringLiteral("cannot %1 sync_conflicts: %2")
                 .arg(QString::fromLatin1(what), DbConnection::describe(q.lastError()));
    return false;
}

ConflictRecord fromQuery(const QSqlQuery &q)
{
    ConflictRecord c;
    c.id = q.value(0).toLongLong();
    c.table = q.value(1).toString();
    c.key = q.value(2).toString();
    c.localSite = q.value(3).toString();
    c.remoteSite = q.value(4).toString();
    c.localVersion = fromJsonText(q.value(5).toString());
    c.remoteVersion = fromJsonText(q.value(6).toString());
    c.local.origin = c.localSite;
    c.local.time = q.value(7).toLongLong();
    c.remote.origin = c.remoteSite;
    c.remote.time = q.value(8).toLongLong();
    QString ignored;
    (void)RowVersion::vectorFromText(q.value(9).toString(), &c.local.vector, &ignored);
    (void)RowVersion::vectorFromText(q.value(10).toString(), &c.remote.vector, &ignored);
    c.policy = q.value(11).toString();
    c.winner = conflictOutcomeFromText(q.value(12).toString());
    c.detectedAt = q.value(13).toLongLong();
    c.settledAt = q.value(14).toLongLong();
    c.settledBy = q.value(15).toString();
    return c;
}

} // namespace

bool ConflictStore::record(const QSqlDatabase &db, ConflictRecord *c, QString *error, QSqlError *sqlError)
{
    QSqlQuery q(db);
    const bool postgres = isPostgres(db);
    q.prepare(QStringLiteral("INSERT INTO sync_conflicts (%1, primary_key, local_site, remote_site, local_version, "
                             "remote_version, local_time, remote_time, local_vector, remote_vector, policy, winner, "
                             "detected_at, settled_at, settled_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,%2, "
                             "CASE WHEN ? = 0 THEN NULL ELSE %2 END,?)%3")
                  .arg(tableName(db), fromMs(db), postgres ? QStringLiteral(" RETURNING id") : QString()));
    q.addBindValue(c->table);
    q.addBindValue(c->key);
    q.addBindValue(c->localSite);
    q.addBindValue(c->remoteSite);
    q.addBindValue(jsonText(c->localVersion));
    q.addBindValue(jsonText(c->remoteVersion));
    q.addBindValue(c->local.time);
    q.addBindValue(c->remote.time);
    q.addBindValue(c->local.vectorText());
    q.addBindValue(c->remote.vectorText());
    q.addBindValue(c->policy);
    q.addBindValue(c->winner ? QVariant(conflictOutcomeText(*c->winner)) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(c->detectedAt);
    q.addBindValue(c->settledAt);
    q.addBindValue(c->settledAt);
    q.addBindValue(c->settledBy.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(c->settledBy));
    if (!q.exec())
        return fail(q, "write", error, sqlError);
    c->id = postgres ? (q.next() ? q.value(0).toLongLong() : 0) : q.lastInsertId().toLongLong();
    return true;
}

bool ConflictStore::openFor(const QSqlDatabase &db, const QString &table, const QStringList &keys,
                            QList<ConflictRecord> *out, QString *error, QSqlError *sqlError)
{
    out->clear();
    if (keys.isEmpty())
        return true;
    QStringList marks;
    for (qsizetype i = 0; i < keys.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM sync_conflicts WHERE settled_at IS NULL AND %3 = ? "
                             "AND primary_key IN (%2) ORDER BY id")
                  .arg(columns(db), marks.join(QLatin1Char(',')), tableName(db)));
    q.addBindValue(table);
    for (const QString &key : keys)
        q.addBindValue(key);
    if (!q.exec())
        return fail(q, "read", error, sqlError);
    while (q.next())
        out->append(fromQuery(q));
    return true;
}

bool ConflictStore::settleRow(const QSqlDatabase &db, const QString &table, const QString &key, ConflictOutcome winner,
                              const QString &settledBy, qint64 nowMs, QString *error, QSqlError *sqlError)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE sync_conflicts SET winner = ?, settled_at = %1, "
                             "settled_by = ? WHERE settled_at IS NULL AND %2 = ? AND primary_key = ?")
                  .arg(fromMs(db), tableName(db)));
    q.addBindValue(conflictOutcomeText(winner));
    q.addBindValue(nowMs);
    q.addBindValue(settledBy);
    q.addBindValue(table);
    q.addBindValue(key);
    if (!q.exec())
        return fail(q, "settle in", error, sqlError);
    return true;
}

bool ConflictStore::read(const QSqlDatabase &db, qint64 id, ConflictRecord *out, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM sync_conflicts WHERE id = ?").arg(columns(db)));
    q.addBindValue(id);
    if (!q.exec())
        return fail(q, "read", error, nullptr);
    if (!q.next()) {
        *error = QStringLiteral("sync_conflicts has no conflict %1").arg(id);
        return false;
    }
    *out = fromQuery(q);
    return true;
}

bool ConflictStore::readPage(const QSqlDatabase &db, const ConflictFilter &filter, qint64 beforeId, int limit,
                             QList<ConflictRecord> *out, QString *error)
{
    out->clear();
    QStringList where;
    QVariantList binds;
    if (filter.state == ConflictFilter::State::Open)
        where << QStringLiteral("settled_at IS NULL");
    else if (filter.state == ConflictFilter::State::Settled)
        where << QStringLiteral("settled_at IS NOT NULL");
    if (!filter.table.isEmpty()) {
        where << tableName(db) + QStringLiteral(" = ?");
        binds << filter.table;
    }
    if (!filter.remote.isEmpty()) {
        where << QStringLiteral("remote_site = ?");
        binds << filter.remote;
    }
    if (!filter.keySearch.isEmpty()) {
        where << QStringLiteral("primary_key LIKE ?");
        binds << SyncStatusStore::containsPattern(filter.keySearch);
    }
    if (beforeId > 0) {
        where << QStringLiteral("id < ?");
        binds << beforeId;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM sync_conflicts %2 ORDER BY id DESC LIMIT %3")
                  .arg(columns(db),
                       where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")))
                  .arg(qBound(1, limit, 10000)));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec())
        return fail(q, "read", error, nullptr);
    while (q.next())
        out->append(fromQuery(q));
    return true;
}

bool ConflictStore::countOpen(const QSqlDatabase &db, qint64 *count, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM sync_conflicts WHERE settled_at IS NULL")) || !q.next())
        return fail(q, "count in", error, nullptr);
    *count = q.value(0).toLongLong();
    return true;
}

} // namespace mysqlsync
