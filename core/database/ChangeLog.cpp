#include "database/ChangeLog.h"

#include "database/SqlDialect.h"

#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace mysqlsync {

bool ChangeLog::read(const QSqlDatabase &db, int limit, QList<CapturedChange> *out, QSqlError *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // Not "id > last id": an earlier id may commit after a later one. Rows leave the
    // table only once the outbox holds what they caused, so the smallest ids are next.
    if (!q.exec(QStringLiteral("SELECT id, %1, primary_key FROM table_changes ORDER BY id LIMIT %2")
                    .arg(SqlDialect::of(db).quoteIdentifier(QStringLiteral("table_name")))
                    .arg(limit))) {
        *error = q.lastError();
        return false;
    }
    out->clear();
    while (q.next())
        out->append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return true;
}

bool ChangeLog::backlogStarts(const QSqlDatabase &db, QSqlError *error)
{
    if (SqlDialect::of(db).kind() != SqlDialect::Kind::Postgres)
        return true;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("ANALYZE table_changes")))
        return true;
    *error = q.lastError();
    return false;
}

bool ChangeLog::remove(const QSqlDatabase &db, const QList<qint64> &ids, QSqlError *error)
{
    QSqlQuery q(db);
    for (qsizetype start = 0; start < ids.size(); start += 1000) {
        QStringList list;
        for (qsizetype i = start; i < qMin(ids.size(), start + 1000); ++i)
            list << QString::number(ids.at(i));
        if (!q.exec(QStringLiteral("DELETE FROM table_changes WHERE id IN (%1)").arg(list.join(QLatin1Char(','))))) {
            *error = q.lastError();
            return false;
        }
    }
    return true;
}

ChangeBatch ChangeLog::collapse(const QList<CapturedChange> &changes)
{
    ChangeBatch batch;
    QSet<QPair<QString, QString>> seen;
    for (const CapturedChange &c : changes) {
        batch.ids.append(c.id);
        const QPair<QString, QString> k(c.table, c.key);
        if (!seen.contains(k)) {
            seen.insert(k);
            batch.keys.append(k);
        }
    }
    return batch;
}

bool ChangeLog::rowsFor(const QSqlDatabase &db, const QString &table, const QStringList &keys,
                        QList<CapturedChange> *out, QSqlError *error)
{
    out->clear();
    QStringList marks;
    for (qsizetype i = 0; i < keys.size(); ++i)
        marks << QStringLiteral("?");
    if (keys.isEmpty())
        return true;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, primary_key FROM table_changes WHERE %1 = ? AND primary_key IN (%2)")
                  .arg(SqlDialect::of(db).quoteIdentifier(QStringLiteral("table_name")), marks.join(QLatin1Char(','))));
    q.addBindValue(table);
    for (const QString &key : keys)
        q.addBindValue(key);
    if (!q.exec()) {
        *error = q.lastError();
        return false;
    }
    while (q.next())
        out->append({q.value(0).toLongLong(), table, q.value(1).toString()});
    return true;
}

} // namespace mysqlsync
