#include "database/RowStore.h"

#include "common/Logging.h"
#include "database/DbConnection.h"
#include "database/SqlLiteral.h"
#include "protocol/Messages.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>

namespace mysqlsync {

namespace {
constexpr int kFetchChunk = 500;
constexpr int kMaxStatementChars = 4 * 1024 * 1024;
}

QSqlQuery *RowStore::statement(const QString &sql, QString *error, Result *result)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        q.setForwardOnly(true);
        if (!q.prepare(sql)) {
            *result = fail(q, QStringLiteral("preparing a statement"), error);
            return nullptr;
        }
        if (m_statements.size() > 256)
            m_statements.clear();
        it = m_statements.insert(sql, q);
    }
    return &it.value();
}

RowStore::Result RowStore::fail(const QSqlQuery &q, const QString &what, QString *error)
{
    *error = QStringLiteral("%1: %2").arg(what, DbConnection::describe(q.lastError()));
    return DbConnection::isConnectionError(q.lastError()) ? Result::ConnectionLost : Result::Rejected;
}

RowStore::Result RowStore::fetch(const TableInfo &table, const QStringList &keys, QHash<QString, QJsonObject> *rows,
                                 QString *error)
{
    QStringList select;
    select << QStringLiteral("CAST(%1 AS CHAR)").arg(quoteIdentifier(table.key().name));
    for (const ColumnInfo &c : table.columns)
        select << ValueCodec::selectExpression(c, quoteIdentifier(c.name));
    const QString head = QStringLiteral("SELECT %1 FROM %2 WHERE %3 IN (")
                             .arg(select.join(QStringLiteral(", ")), quoteIdentifier(table.name),
                                  quoteIdentifier(table.key().name));
    // Keys as literals of the key column's own type: a string compared with an integer
    // key makes the server scan the whole table instead of using the primary key.
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const QSqlDriver *driver = db.driver();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    for (qsizetype start = 0; start < keys.size(); start += kFetchChunk) {
        const qsizetype n = qMin<qsizetype>(kFetchChunk, keys.size() - start);
        QString sql = head;
        for (qsizetype i = 0; i < n; ++i) {
            QVariant key;
            if (!ValueCodec::decode(table.key(), QJsonValue(keys.at(start + i)), &key, nullptr))
                key = keys.at(start + i); // no such key can exist; compare as text, harmlessly
            if (i > 0)
                sql += QLatin1Char(',');
            sql += sqlLiteral(driver, key);
        }
        sql += QLatin1Char(')');
        QSqlQuery *q = &query;
        if (!q->exec(sql))
            return fail(*q, QStringLiteral("reading `%1`").arg(table.name), error);
        while (q->next()) {
            const QString key = q->value(0).toString();
            QJsonObject entity;
            for (int i = 0; i < table.columns.size(); ++i)
                entity.insert(table.columns.at(i).name, ValueCodec::encode(table.columns.at(i), q->value(i + 1)));
            entity.insert(table.key().name, key); // the key travels as the same string as `id`
            rows->insert(key, entity);
        }
        q->finish();
    }
    return Result::Ok;
}

bool RowStore::validate(const TableInfo &table, const QString &key, const QJsonObject &entity, QString *error)
{
    for (auto it = entity.constBegin(); it != entity.constEnd(); ++it) {
        const ColumnInfo *column = table.column(it.key());
        if (!column) {
            *error = QStringLiteral("Unknown column \"%1\" in table `%2`").arg(it.key().left(64), table.name);
            return false;
        }
        QVariant value;
        if (!ValueCodec::decode(*column, it.value(), &value, error))
            return false;
    }
    const QJsonValue sentKey = entity.value(table.key().name);
    // Only a string or a number is a key: a missing, null or boolean key gives a null QString,
    // which Qt would find equal to an empty `id`.
    if ((!sentKey.isString() && !sentKey.isDouble()) || keyToString(sentKey) != key) {
        *error = QStringLiteral("Sent id does not match entity id!");
        return false;
    }
    return true;
}

RowStore::Result RowStore::upsertMany(const TableInfo &table, const QList<QPair<QString, QJsonObject>> &rows,
                                      QString *error)
{
    if (rows.isEmpty())
        return Result::Ok;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const QSqlDriver *driver = db.driver();
    // The columns of the first entity, in the table's order (the caller groups rows by columns).
    QList<int> columns;
    QStringList names, updates;
    for (int i = 0; i < table.columns.size(); ++i) {
        if (!rows.first().second.contains(table.columns.at(i).name))
            continue;
        columns << i;
        const QString quoted = quoteIdentifier(table.columns.at(i).name);
        names << quoted;
        updates << QStringLiteral("%1 = VALUES(%1)").arg(quoted);
    }
    const QString head = QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(quoteIdentifier(table.name), names.join(QStringLiteral(", ")));
    const QString tail = QStringLiteral(" ON DUPLICATE KEY UPDATE ") + updates.join(QStringLiteral(", "));
    QString sql = head;
    bool first = true;
    QSqlQuery q(db);
    for (qsizetype r = 0; r < rows.size(); ++r) {
        sql += first ? QStringLiteral("(") : QStringLiteral(",(");
        first = false;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const ColumnInfo &column = table.columns.at(columns.at(c));
            QVariant value;
            if (columns.at(c) == table.primaryKey)
                value = rows.at(r).first;
            else if (!ValueCodec::decode(column, rows.at(r).second.value(column.name), &value, error))
                return Result::Rejected;
            if (c > 0)
                sql += QLatin1Char(',');
            sql += sqlLiteral(driver, value);
        }
        sql += QLatin1Char(')');
        // Statements stay well under the server's max_allowed_packet (16 MiB by default).
        if (sql.size() > kMaxStatementChars || r == rows.size() - 1) {
            if (!q.exec(sql + tail))
                return fail(q, QStringLiteral("writing `%1`").arg(table.name), error);
            sql = head;
            first = true;
        }
    }
    return Result::Ok;
}

RowStore::Result RowStore::apply(const TableInfo &table, const QString &key, const QJsonValue &entity, QString *error,
                                 bool *changed)
{
    if (changed)
        *changed = true;
    const QString quotedTable = quoteIdentifier(table.name);
    const QString quotedKey = quoteIdentifier(table.key().name);
    if (entity.isNull()) {
        // A key that is no value of the key column ("42abc", "" for an INT key) must not reach
        // the server, whose loose conversion would make it match another row (42, 0).
        if (!ValueCodec::decode(table.key(), QJsonValue(key), nullptr, error))
            return Result::Rejected;
        Result result = Result::Ok;
        QSqlQuery *q = statement(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(quotedTable, quotedKey), error, &result);
        if (!q)
            return result;
        q->bindValue(0, key);
        if (!q->exec())
            return fail(*q, QStringLiteral("deleting from `%1`").arg(table.name), error);
        if (changed)
            *changed = q->numRowsAffected() != 0;
        return Result::Ok;
    }
    const QJsonObject object = entity.toObject();
    if (!validate(table, key, object, error))
        return Result::Rejected;
    QStringList columns, marks, updates;
    QVariantList values;
    // Columns in the table's order: one statement shape per set of columns.
    for (const ColumnInfo &c : table.columns) {
        auto it = object.constFind(c.name);
        if (it == object.constEnd())
            continue;
        QVariant value;
        if (&c == &table.key())
            value = key;
        else
            ValueCodec::decode(c, it.value(), &value, error);
        const QString quoted = quoteIdentifier(c.name);
        columns << quoted;
        marks << QStringLiteral("?");
        updates << QStringLiteral("%1 = VALUES(%1)").arg(quoted);
        values << value;
    }
    const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON DUPLICATE KEY UPDATE %4")
                            .arg(quotedTable, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")),
                                 updates.join(QStringLiteral(", ")));
    Result result = Result::Ok;
    QSqlQuery *q = statement(sql, error, &result);
    if (!q)
        return result;
    for (int i = 0; i < values.size(); ++i)
        q->bindValue(i, values.at(i));
    if (!q->exec())
        return fail(*q, QStringLiteral("writing `%1`").arg(table.name), error);
    // Without CLIENT_FOUND_ROWS (QMYSQL does not set it): 1 inserted, 2 updated, 0 already so.
    if (changed)
        *changed = q->numRowsAffected() != 0;
    return Result::Ok;
}

} // namespace mysqlsync
