#pragma once
// Small helpers the outbox's source files share (internal to core/outbox).
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace mysqlsync::outboxsql {

inline QSqlQuery prepared(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    return q;
}

inline QString describe(const QSqlQuery &q)
{
    return q.lastError().text();
}

} // namespace mysqlsync::outboxsql
