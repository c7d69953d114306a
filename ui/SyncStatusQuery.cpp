#include "SyncStatusQuery.h"

#include <QStringList>

namespace mysqlsync::ui {

QString SyncStatusQuery::sortExpression(int column)
{
    switch (column) {
    case StatusFilter::Table: return QStringLiteral("`table_name`");
    case StatusFilter::Key: return QStringLiteral("primary_key");
    case StatusFilter::Remote: return QStringLiteral("remote");
    // An ENUM sorts by its index but compares as text: compare and sort as text.
    case StatusFilter::Status: return QStringLiteral("CAST(`status` AS CHAR)");
    case StatusFilter::Message: return QStringLiteral("COALESCE(message, '')");
    case StatusFilter::Date:
    default: return QStringLiteral("`date`");
    }
}

QString SyncStatusQuery::containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString SyncStatusQuery::where(const StatusFilter &filter, QStringList *conditions, QVariantList *binds)
{
    if (!filter.status.isEmpty()) {
        *conditions << QStringLiteral("`status` = ?");
        *binds << filter.status;
    }
    if (!filter.table.isEmpty()) {
        *conditions << QStringLiteral("`table_name` = ?");
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
    return conditions->isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions->join(QStringLiteral(" AND "));
}

QVariant SyncStatusQuery::sortValue(const StatusFilter &filter, const StatusRow &row)
{
    switch (filter.sortColumn) {
    case StatusFilter::Table: return row.table;
    case StatusFilter::Key: return row.key;
    case StatusFilter::Remote: return row.remote;
    case StatusFilter::Status: return row.status;
    case StatusFilter::Message: return row.message;
    case StatusFilter::Date:
    default: return row.date.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
}

QString SyncStatusQuery::page(const StatusFilter &filter, const StatusRow *after, int limit, QVariantList *binds)
{
    QStringList conditions;
    where(filter, &conditions, binds);
    const QString expr = sortExpression(filter.sortColumn);
    const QString cmp = filter.descending ? QStringLiteral("<") : QStringLiteral(">");
    if (after) {
        const QVariant value = sortValue(filter, *after);
        conditions << QStringLiteral("(%1 %2 ? OR (%1 = ? AND id %2 ?))").arg(expr, cmp);
        *binds << value << value << after->id;
    }
    const QString dir = filter.descending ? QStringLiteral(" DESC") : QString();
    QString sql = QStringLiteral("SELECT id, `table_name`, primary_key, remote, CAST(`status` AS CHAR), `date`, message "
                                 "FROM sync_status");
    // A key search (LIKE '%x%') can use no index. Left alone, the optimizer walks the date
    // index in order and looks up every row until it has a page: with few matches, one random
    // read per row of the table (minutes for 1,000,000 rows on a small buffer pool). One scan
    // and a sort of the matches is bounded by the table's size instead.
    if (!filter.keySearch.isEmpty())
        sql += QStringLiteral(" USE INDEX FOR ORDER BY ()");
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY %1%2, id%2 LIMIT %3").arg(expr, dir).arg(limit);
    return sql;
}

QString SyncStatusQuery::count(const StatusFilter &filter, qint64 limit, QVariantList *binds)
{
    QStringList conditions;
    return QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM sync_status%1 LIMIT %2) AS counted")
        .arg(where(filter, &conditions, binds)).arg(limit + 1);
}

} // namespace mysqlsync::ui
