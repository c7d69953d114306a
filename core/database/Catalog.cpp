#include "database/Catalog.h"

#include "database/DbConnection.h"
#include "database/SqlDialect.h"

#include <QSqlQuery>
#include <QVariant>

namespace mysqlsync {

const TableInfo *findTable(const QHash<QString, TableInfo> &tables, const QString &name)
{
    if (tables.size() <= kScannedNames) {
        for (auto it = tables.cbegin(); it != tables.cend(); ++it) {
            if (it.key() == name)
                return &it.value();
        }
        return nullptr;
    }
    auto it = tables.constFind(name);
    return it == tables.cend() ? nullptr : &it.value();
}

bool Catalog::load(const QSqlDatabase &db, const QStringList &tables, QHash<QString, TableInfo> *out,
                   QStringList *problems)
{
    out->clear();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // All tables of the schema, filtered here with exact (case-sensitive) names.
    const SqlDialect &dialect = SqlDialect::of(db);
    if (!q.exec(dialect.catalogColumnsSql())) {
        problems->append(
            QStringLiteral("cannot read the database catalogue: %1").arg(DbConnection::describe(q.lastError())));
        return false;
    }
    QHash<QString, QList<int>> keyColumns;
    while (q.next()) {
        const QString table = q.value(0).toString();
        if (!tables.contains(table))
            continue;
        TableInfo &info = (*out)[table];
        info.name = table;
        const QString column = q.value(1).toString();
        ColumnInfo mapped;
        QString problem;
        if (!dialect.mapColumn(table, column, q.value(2).toString(), q.value(3).toString(),
                               q.value(4).toString() == QLatin1String("YES"), &mapped, &problem)) {
            problems->append(problem);
            mapped.name = column; // still listed, so that the key checks below name the real problems
        }
        info.columnIndex.insert(column, int(info.columns.size()));
        if (q.value(5).toInt() > 0)
            keyColumns[table].append(int(info.columns.size()));
        info.columns.append(mapped);
    }
    if (!q.exec(dialect.otherUniqueKeyTablesSql())) {
        problems->append(
            QStringLiteral("cannot read the database's indexes: %1").arg(DbConnection::describe(q.lastError())));
        return false;
    }
    while (q.next()) {
        auto it = out->find(q.value(0).toString());
        if (it != out->end())
            it->hasOtherUniqueKeys = true;
    }
    for (const QString &table : tables) {
        auto it = out->find(table);
        if (it == out->end()) {
            problems->append(QStringLiteral("table `%1` does not exist in the database").arg(table));
            continue;
        }
        const QList<int> keys = keyColumns.value(table);
        if (keys.isEmpty())
            problems->append(
                QStringLiteral("table `%1` has no primary key: a synced table needs a single-column primary key")
                    .arg(table));
        else if (keys.size() > 1)
            problems->append(QStringLiteral("table `%1` has a composite primary key (%2 columns): a synced table needs "
                                            "a single-column primary key")
                                 .arg(table)
                                 .arg(keys.size()));
        else
            it->primaryKey = keys.first();
    }
    return problems->isEmpty();
}

QStringList Catalog::tableNames(const QSqlDatabase &db, QString *error)
{
    QStringList names;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(SqlDialect::of(db).tableNamesSql())) {
        *error = QStringLiteral("cannot read the database catalogue: %1").arg(DbConnection::describe(q.lastError()));
        return names;
    }
    while (q.next())
        names << q.value(0).toString();
    return names;
}

} // namespace mysqlsync
