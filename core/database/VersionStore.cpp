#include "database/VersionStore.h"

#include "database/DbConnection.h"
#include "database/SqlDialect.h"

#include <QSqlQuery>
#include <QVariant>

namespace mysqlsync {

namespace {

constexpr qsizetype kRowsPerStatement = 500;

QString placeholders(qsizetype count, const QString &one)
{
    QStringList all;
    all.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        all << one;
    return all.join(QLatin1Char(','));
}

} // namespace

bool VersionStore::read(const QSqlDatabase &db, const QString &table, const QStringList &keys,
                        QHash<QString, RowVersion> *out, QString *error, QSqlError *sqlError)
{
    out->clear();
    QSqlQuery q(db);
    for (qsizetype from = 0; from < keys.size(); from += kRowsPerStatement) {
        const QStringList part = keys.mid(from, kRowsPerStatement);
        q.prepare(QStringLiteral("SELECT primary_key, origin, origin_time, vector, absorbed FROM sync_versions "
                                 "WHERE %1 = ? AND primary_key IN (%2)")
                      .arg(SqlDialect::of(db).quoteIdentifier(QStringLiteral("table_name")),
                           placeholders(part.size(), QStringLiteral("?"))));
        q.addBindValue(table);
        for (const QString &key : part)
            q.addBindValue(key);
        if (!q.exec()) {
            if (sqlError)
                *sqlError = q.lastError();
            *error = QStringLiteral("cannot read sync_versions: %1").arg(DbConnection::describe(q.lastError()));
            return false;
        }
        while (q.next()) {
            RowVersion v;
            v.origin = q.value(1).toString();
            v.time = q.value(2).toLongLong();
            QString why;
            if (!RowVersion::vectorFromText(q.value(3).toString(), &v.vector, &why)
                || (!q.value(4).isNull() && !RowVersion::vectorFromText(q.value(4).toString(), &v.absorbed, &why))) {
                *error = QStringLiteral("sync_versions holds an unreadable vector for %1 %2: %3")
                             .arg(table, q.value(0).toString(), why);
                return false;
            }
            out->insert(q.value(0).toString(), v);
        }
    }
    return true;
}

bool VersionStore::write(const QSqlDatabase &db, const QString &table,
                         const QList<QPair<QString, RowVersion>> &versions, QString *error, QSqlError *sqlError)
{
    const SqlDialect &dialect = SqlDialect::of(db);
    const QString tableName = dialect.quoteIdentifier(QStringLiteral("table_name"));
    QStringList assignments;
    for (const char *column : {"origin", "origin_time", "vector", "absorbed"}) {
        const QString name = QString::fromLatin1(column);
        assignments << QStringLiteral("%1 = %2").arg(name, dialect.insertedValue(name));
    }
    const QString updates = assignments.join(QStringLiteral(", "));
    QSqlQuery q(db);
    for (qsizetype from = 0; from < versions.size(); from += kRowsPerStatement) {
        const auto part = versions.mid(from, kRowsPerStatement);
        q.prepare(QStringLiteral("INSERT INTO sync_versions (%1, primary_key, origin, origin_time, vector, "
                                 "absorbed) VALUES %2 %3 %4")
                      .arg(tableName, placeholders(part.size(), QStringLiteral("(?,?,?,?,?,?)")),
                           dialect.upsertClause({tableName, QStringLiteral("primary_key")}), updates));
        for (const auto &[key, v] : part) {
            q.addBindValue(table);
            q.addBindValue(key);
            q.addBindValue(v.origin);
            q.addBindValue(v.time);
            q.addBindValue(v.vectorText());
            RowVersion absorbed;
            absorbed.vector = v.absorbed;
            q.addBindValue(v.absorbed.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                : QVariant(absorbed.vectorText()));
        }
        if (!q.exec()) {
            if (sqlError)
                *sqlError = q.lastError();
            *error = QStringLiteral("cannot write sync_versions: %1").arg(DbConnection::describe(q.lastError()));
            return false;
        }
    }
    return true;
}

} // namespace mysqlsync
