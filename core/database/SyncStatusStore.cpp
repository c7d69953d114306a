#include "database/SyncStatusStore.h"

#include "common/Logging.h"
#include "database/DbConnection.h"
#include "database/SqlDialect.h"
#include "database/SqlLiteral.h"
#include "protocol/Messages.h"
#include "protocol/Refusal.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

namespace mysqlsync {

namespace {
constexpr int kRowsPerStatement = 500;

} // namespace

QString syncStatusText(SyncStatus status)
{
    switch (status) {
    case SyncStatus::Successful:
        return QStringLiteral("successful");
    case SyncStatus::Pending:
        return QStringLiteral("pending");
    case SyncStatus::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

std::optional<SyncStatus> syncStatusFromText(const QString &text)
{
    for (SyncStatus s : {SyncStatus::Successful, SyncStatus::Pending, SyncStatus::Error}) {
        if (text == syncStatusText(s))
            return s;
    }
    return std::nullopt;
}

QString SyncStatusStore::check(const QString &table, const QString &key, const QString &remote, qint64 dateMs)
{
    constexpr qint64 kMaxSeconds = 2147483647; // FROM_UNIXTIME's last second on MariaDB 10.x
    if (table.isEmpty() || table.size() > 255)
        return QStringLiteral("the table name has %1 characters (sync_status holds 1 to 255)").arg(table.size());
    if (key.isEmpty() || key.size() > 255)
        return QStringLiteral("the key has %1 characters (sync_status holds 1 to 255)").arg(key.size());
    if (remote.isEmpty() || remote.size() > 32)
        return QStringLiteral("the remote name has %1 characters (sync_status holds 1 to 32)").arg(remote.size());
    if (dateMs < 0 || dateMs / 1000 > kMaxSeconds)
        return QStringLiteral("the date %1 is outside what sync_status.date holds (1970-01-01 to 2038-01-19)")
            .arg(dateMs);
    return {};
}

QList<StatusUpdate> SyncStatusStore::foldDuplicates(const QList<StatusUpdate> &updates, bool receipts)
{
    // What MariaDB's multi-row upsert leaves, row after row, for one id: a pending row takes
    // the later row's values; a receipt replaces the stored one unless keeps() says otherwise
    // (its date then being the later one of the two, as GREATEST gives).
    QList<StatusUpdate> folded;
    QHash<QString, qsizetype> at;
    for (const StatusUpdate &u : updates) {
        const QString id = syncStatusId(u.table, u.key, u.remote);
        const auto it = at.constFind(id);
        if (it == at.cend()) {
            at.insert(id, folded.size());
            folded.append(u);
        } else if (!receipts || !keeps(folded.at(*it), u)) {
            folded[*it] = u;
        }
    }
    return folded;
}

bool SyncStatusStore::upsert(const QSqlDatabase &db, const QList<StatusUpdate> &updates, bool receipts,
                             QSqlError *error)
{
    // Many rows per statement, as literals escaped by the driver (mysql_real_escape_string):
    // binding thousands of placeholders costs more in Qt than the statement itself.
    // `date` is whole seconds, as DATETIME holds it: integer division keeps MySQL
    // (which rounds fractions) and MariaDB (which truncates) the same.
    const SqlDialect &dialect = SqlDialect::of(db);
    const bool postgres = dialect.kind() == SqlDialect::Kind::Postgres;
    const QString onDuplicate = receipts ? receiptAssignments(dialect) : pendingAssignments(dialect);
    // PostgreSQL refuses a statement that upserts one row twice: the duplicates are folded
    // first into the row that MariaDB's left-to-right application would leave.
    const QList<StatusUpdate> rows = postgres ? foldDuplicates(updates, receipts) : updates;
    const QString head = postgres
        ? QStringLiteral(
            "INSERT INTO sync_status(id, table_name, primary_key, remote, \"date\", status, message) VALUES ")
        : QStringLiteral(
            "INSERT INTO sync_status(id, `table_name`, primary_key, remote, `date`, `status`, message) VALUES ");
    // PostgreSQL: the UTC time as a literal of the column's type, rather than a function call
    // per row (resolving to_timestamp for each of a thousand rows was a sixth of the statement).
    const QString fromUnixTime = postgres ? QStringLiteral(",'%1','") : QStringLiteral(",FROM_UNIXTIME(%1),'");
    auto dateText = [postgres](qint64 ms) {
        const qint64 seconds = ms / 1000;
        return postgres
            ? QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
            : QString::number(seconds);
    };
    const QString tail = QLatin1Char(' ') + dialect.upsertClause({QStringLiteral("id")}) + QLatin1Char(' ');
    const QSqlDriver *driver = db.driver();
    auto literal = [driver](const QString &value) { return sqlLiteral(driver, value); };
    for (qsizetype start = 0; start < rows.size(); start += kRowsPerStatement) {
        const qsizetype n = qMin<qsizetype>(kRowsPerStatement, rows.size() - start);
        QString sql = head;
        sql.reserve(int(n) * 120 + 400);
        for (qsizetype i = start; i < start + n; ++i) {
            const StatusUpdate &u = rows.at(i);
            if (i > start)
                sql += QLatin1Char(',');
            sql += QLatin1Char('(') + literal(syncStatusId(u.table, u.key, u.remote)) + QLatin1Char(',')
                + literal(u.table.left(255)) + QLatin1Char(',') + literal(u.key.left(255)) + QLatin1Char(',')
                + literal(u.remote.left(32)) + fromUnixTime.arg(dateText(u.date)) + syncStatusText(u.status)
                + QStringLiteral("',")
                + (u.status == SyncStatus::Error ? literal(u.message.left(255)) : QStringLiteral("NULL"))
                + QLatin1Char(')');
        }
        sql += tail + onDuplicate;
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            *error = q.lastError();
            return false;
        }
    }
    return true;
}

QString SyncStatusStore::pendingAssignments(const SqlDialect &dialect)
{
    if (dialect.kind() == SqlDialect::Kind::Postgres)
        return QStringLiteral("status = EXCLUDED.status, message = NULL, \"date\" = EXCLUDED.\"date\"");
    return QStringLiteral("`status` = VALUES(`status`), message = NULL, `date` = VALUES(`date`)");
}

QString SyncStatusStore::receiptAssignments(const SqlDialect &dialect)
{
    // keeps() in SQL. MariaDB runs assignments left to right, each seeing the values already
    // assigned: `keep` is evaluated on the stored row before status and date change.
    // PostgreSQL's assignments all see the stored row, which is the same thing here.
    if (dialect.kind() == SqlDialect::Kind::Postgres) {
        const QString keep =
            QStringLiteral("(sync_status.\"date\" > EXCLUDED.\"date\" OR (sync_status.\"date\" = EXCLUDED.\"date\" "
                           "AND sync_status.status = 'error' AND EXCLUDED.status = 'successful'))");
        return QStringLiteral("message = CASE WHEN %1 THEN sync_status.message ELSE EXCLUDED.message END, "
                              "status = CASE WHEN %1 THEN sync_status.status ELSE EXCLUDED.status END, "
                              "\"date\" = GREATEST(sync_status.\"date\", EXCLUDED.\"date\")")
            .arg(keep);
    }
    const QString keep = QStringLiteral("(`date` > VALUES(`date`) OR (`date` = VALUES(`date`) AND `status` = 'error' "
                                        "AND VALUES(`status`) = 'successful'))");
    return QStringLiteral("message = IF(%1, message, VALUES(message)), "
                          "`status` = IF(%1, `status`, VALUES(`status`)), "
                          "`date` = GREATEST(`date`, VALUES(`date`))")
        .arg(keep);
}

bool SyncStatusStore::setPending(const QSqlDatabase &db, const QList<StatusUpdate> &updates, QSqlError *error)
{
    return upsert(db, updates, false, error);
}

bool SyncStatusStore::keeps(const StatusUpdate &stored, const StatusUpdate &incoming)
{
    return stored.date > incoming.date
        || (stored.date == incoming.date && stored.status == SyncStatus::Error
            && incoming.status == SyncStatus::Successful);
}

bool SyncStatusStore::applyReceipts(const QSqlDatabase &db, const QList<StatusUpdate> &updates, QSqlError *error)
{
    return upsert(db, updates, true, error);
}

bool SyncStatusStore::write(const QSqlDatabase &db, const QList<StatusUpdate> &pending,
                            const QList<StatusUpdate> &receipts, QList<RefusedStatusRow> *refused, QSqlError *error)
{
    QSqlDatabase session = db;
    const bool both = !pending.isEmpty() && !receipts.isEmpty();
    QSqlError sqlError;
    if ((!both || session.transaction()) && setPending(db, pending, &sqlError) && applyReceipts(db, receipts, &sqlError)
        && (!both || session.commit()))
        return true;
    if (!sqlError.isValid())
        sqlError = session.lastError();
    if (both)
        session.rollback();
    if (DbConnection::isConnectionError(sqlError)) {
        *error = sqlError;
        return false;
    }
    qCWarning(lcDatabase).noquote() << "sync_status: a multi-row write was refused ("
                                    << DbConnection::describe(sqlError) << "): writing"
                                    << pending.size() + receipts.size() << "row(s) one by one";
    for (int kind = 0; kind < 2; ++kind) {
        for (const StatusUpdate &u : kind == 0 ? pending : receipts) {
            QSqlError rowError;
            if (kind == 0 ? setPending(db, {u}, &rowError) : applyReceipts(db, {u}, &rowError))
                continue;
            if (DbConnection::isConnectionError(rowError)) {
                *error = rowError;
                return false;
            }
            refused->append({u, DbConnection::describe(rowError)});
        }
    }
    return true;
}

// ---------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------

bool SyncStatusStore::keysInError(const QSqlDatabase &db, const QString &remote, QHash<QString, QStringList> *byTable,
                                  QSqlError *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const SqlDialect &d = SqlDialect::of(db);
    q.prepare(QStringLiteral("SELECT %1, primary_key FROM sync_status WHERE remote = ? AND %2 = 'error'")
                  .arg(d.quoteIdentifier(QStringLiteral("table_name")), d.quoteIdentifier(QStringLiteral("status"))));
    q.addBindValue(remote);
    if (!q.exec()) {
        *error = q.lastError();
        return false;
    }
    while (q.next())
        (*byTable)[q.value(0).toString()].append(q.value(1).toString());
    return true;
}

bool SyncStatusStore::pendingKeys(const QSqlDatabase &db, QList<RemoteKey> *out, QSqlError *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const SqlDialect &d = SqlDialect::of(db);
    if (!q.exec(
            QStringLiteral("SELECT remote, %1, primary_key FROM sync_status WHERE %2 = 'pending'")
                .arg(d.quoteIdentifier(QStringLiteral("table_name")), d.quoteIdentifier(QStringLiteral("status"))))) {
        *error = q.lastError();
        return false;
    }
    while (q.next())
        out->append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    if (q.lastError().isValid()) {
        *error = q.lastError();
        return false;
    }
    return true;
}

namespace {
bool run(QSqlQuery &query, const QString &sql, const QVariantList &binds)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return false;
    for (int i = 0; i < binds.size(); ++i)
        query.bindValue(i, binds.at(i));
    return query.exec();
}
} // namespace

bool SyncStatusStore::readPage(const QSqlDatabase &db, const StatusFilter &filter, const StatusRow *after, int limit,
                               QList<StatusRow> *rows, bool *atEnd, QSqlError *error)
{
    QVariantList binds;
    // One row more than asked: it only tells that more follow.
    const QString sql = pageSql(SqlDialect::of(db), filter, after, limit + 1, &binds);
    QSqlQuery query(db);
    if (!run(query, sql, binds)) {
        *error = query.lastError();
        return false;
    }
    // PostgreSQL's sync_status.date is UTC (timestamp without time zone); MariaDB's is in the
    // session's time zone, which the driver reads as local time.
    const bool utc = SqlDialect::of(db).kind() == SqlDialect::Kind::Postgres;
    rows->reserve(limit);
    while (query.next()) {
        if (rows->size() == limit)
            break;
        StatusRow r;
        r.id = query.value(0).toString();
        r.table = query.value(1).toString();
        r.key = query.value(2).toString();
        r.remote = query.value(3).toString();
        r.status = syncStatusFromText(query.value(4).toString()).value_or(SyncStatus::Error);
        r.date = query.value(5).toDateTime();
        if (utc)
            r.date = QDateTime(r.date.date(), r.date.time(), QTimeZone::utc());
        r.message = query.value(6).toString();
        rows->append(r);
    }
    *atEnd = !query.isValid();
    return true;
}

bool SyncStatusStore::countRows(const QSqlDatabase &db, const StatusFilter &filter, qint64 limit, qint64 *count,
                                QSqlError *error)
{
    QVariantList binds;
    QSqlQuery query(db);
    if (!run(query, countSql(SqlDialect::of(db), filter, limit, &binds), binds) || !query.next()) {
        *error = query.lastError();
        return false;
    }
    *count = query.value(0).toLongLong();
    return true;
}

QString SyncStatusStore::countsByRemoteSql(const SqlDialect &dialect)
{
    // The index mysql_sync_status_filter (status, remote, ...) answers this.
    const QString status = dialect.quoteIdentifier(QStringLiteral("status"));
    return QStringLiteral("SELECT remote, %1, COUNT(*) FROM sync_status "
                          "WHERE %1 IN ('pending', 'error') GROUP BY remote, %1")
        .arg(status);
}

bool SyncStatusStore::countsByRemote(const QSqlDatabase &db, StatusCountsByRemote *counts, QSqlError *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(countsByRemoteSql(SqlDialect::of(db)))) {
        *error = query.lastError();
        return false;
    }
    while (query.next()) {
        StatusCounts &c = (*counts)[query.value(0).toString()];
        if (syncStatusFromText(query.value(1).toString()) == SyncStatus::Pending)
            c.pending = query.value(2).toLongLong();
        else
            c.errors = query.value(2).toLongLong();
    }
    return true;
}

QString SyncStatusStore::sortExpression(const SqlDialect &dialect, int column)
{
    switch (column) {
    case StatusFilter::Table:
        return dialect.quoteIdentifier(QStringLiteral("table_name"));
    case StatusFilter::Key:
        return QStringLiteral("primary_key");
    case StatusFilter::Remote:
        return QStringLiteral("remote");
    // An ENUM sorts by its index but compares as text: compare and sort as text.
    case StatusFilter::Status:
        return dialect.textCast(dialect.quoteIdentifier(QStringLiteral("status")));
    case StatusFilter::Message:
        return QStringLiteral("COALESCE(message, '')");
    case StatusFilter::Date:
    default:
        return dialect.quoteIdentifier(QStringLiteral("date"));
    }
}

QString SyncStatusStore::containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString SyncStatusStore::where(const SqlDialect &dialect, const StatusFilter &filter, QStringList *conditions,
                               QVariantList *binds)
{
    const QString status = dialect.quoteIdentifier(QStringLiteral("status"));
    if (filter.status) {
        *conditions << status + QStringLiteral(" = ?");
        *binds << syncStatusText(*filter.status);
    }
    if (!filter.table.isEmpty()) {
        *conditions << dialect.quoteIdentifier(QStringLiteral("table_name")) + QStringLiteral(" = ?");
        *binds << filter.table;
    }
    if (!filter.remote.isEmpty()) {
        *conditions << QStringLiteral("remote = ?");
        *binds << filter.remote;
    }
    if (!filter.keySearch.isEmpty()) {
        *conditions << QStringLiteral("primary_key LIKE ?");
        *binds << containsPattern(filter.keySearch);
    }
    if (filter.refusedOnly) {
        *conditions << status + QStringLiteral(" = 'error' AND (message LIKE ? OR message = ?)");
        *binds << containsPattern(refusal::rulePrefix()).mid(1) << refusal::notReceivedMessage(); // a prefix
    }
    return conditions->isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions->join(QStringLiteral(" AND "));
}

QVariant SyncStatusStore::sortValue(const StatusFilter &filter, const StatusRow &row)
{
    switch (filter.sortColumn) {
    case StatusFilter::Table:
        return row.table;
    case StatusFilter::Key:
        return row.key;
    case StatusFilter::Remote:
        return row.remote;
    case StatusFilter::Status:
        return syncStatusText(row.status);
    case StatusFilter::Message:
        return row.message;
    case StatusFilter::Date:
    default:
        return row.date.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
}

QString SyncStatusStore::pageSql(const SqlDialect &dialect, const StatusFilter &filter, const StatusRow *after,
                                 int limit, QVariantList *binds)
{
    QStringList conditions;
    where(dialect, filter, &conditions, binds);
    const QString expr = sortExpression(dialect, filter.sortColumn);
    const QString cmp = filter.descending ? QStringLiteral("<") : QStringLiteral(">");
    if (after) {
        const QVariant value = sortValue(filter, *after);
        conditions << QStringLiteral("(%1 %2 ? OR (%1 = ? AND id %2 ?))").arg(expr, cmp);
        *binds << value << value << after->id;
    }
    const QString dir = filter.descending ? QStringLiteral(" DESC") : QString();
    QString sql = QStringLiteral("SELECT id, %1, primary_key, remote, %2, %3, message FROM sync_status")
                      .arg(dialect.quoteIdentifier(QStringLiteral("table_name")),
                           sortExpression(dialect, StatusFilter::Status), sortExpression(dialect, StatusFilter::Date));
    // A key search (LIKE '%x%') can use no index. Left alone, MariaDB's optimizer walks the
    // date index in order and looks up every row until it has a page: with few matches, one
    // random read per row of the table (minutes for 1,000,000 rows on a small buffer pool).
    // One scan and a sort of the matches is bounded by the table's size instead. (PostgreSQL
    // has no index hints; its planner costs the LIMIT against the filter's selectivity.)
    if (!filter.keySearch.isEmpty() && dialect.kind() == SqlDialect::Kind::MariaDb)
        sql += QStringLiteral(" USE INDEX FOR ORDER BY ()");
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY %1%2, id%2 LIMIT %3").arg(expr, dir).arg(limit);
    return sql;
}

QString SyncStatusStore::countSql(const SqlDialect &dialect, const StatusFilter &filter, qint64 limit,
                                  QVariantList *binds)
{
    QStringList conditions;
    return QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM sync_status%1 LIMIT %2) AS counted")
        .arg(where(dialect, filter, &conditions, binds))
        .arg(limit + 1);
}

} // namespace mysqlsync
