#include "transform/SqlTransformDatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace mysqlsync {

SqlTransformDatabase::SqlTransformDatabase(QString connectionName)
    : m_connectionName(std::move(connectionName))
{ }

QList<QVariantMap> SqlTransformDatabase::query(const QString &sql, const QVariantList &values, QString *error)
{
    QList<QVariantMap> rows;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isValid() || !db.isOpen()) {
        *error = QStringLiteral("the database connection is not open");
        return rows;
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return rows;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        *error = q.lastError().text();
        return rows;
    }
    while (q.next()) {
        const QSqlRecord rec = q.record();
        QVariantMap row;
        for (int i = 0; i < rec.count(); ++i)
            row.insert(rec.fieldName(i), rec.value(i));
        rows.append(row);
    }
    return rows;
}

} // namespace mysqlsync
