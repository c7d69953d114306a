#include "database/RowStore.h"

#include "common/Logging.h"
#include "database/DbConnection.h"
#include "database/SqlDialect.h"
#include "database/SqlLiteral.h"
#include "protocol/JsonText.h"
#include "protocol/Messages.h"

#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>

namespace mysqlsync {

namespace {
constexpr int kFetchChunk = 500;
constexpr int kMaxStatementChars = 4 * 1024 * 1024;
} // namespace

const SqlDialect &RowStore::dialect() const
{
    return SqlDialect::of(QSqlDatabase::database(m_connection, false));
}

QString RowStore::quoted(const QString &name) const
{
    return dialect().quoteIdentifier(name);
}

QVariant RowStore::bindable(const QVariant &value) const
{
    // PostgreSQL: a value bound as text of unknown type takes the column's type ("1" is a
    // boolean, an integer and a numeric alike); QPSQL would send a number as an integer.
    if (dialect().kind() != SqlDialect::Kind::Postgres || value.isNull() || value.typeId() == QMetaType::QByteArray
        || value.typeId() == QMetaType::QString)
        return value;
    if (value.typeId() == QMetaType::Bool)
        return QVariant(value.toBool() ? QStringLiteral("1") : QStringLiteral("0"));
    return QVariant(value.toString());
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
    if (DbConnection::isBusy(q.lastError()))
        return Result::Busy;
    const QString code = q.lastError().nativeErrorCode();
    if (code == QLatin1String("1054") || code == QLatin1String("1146") || code == QLatin1String("42703")
        || code == QLatin1String("42P01"))
        return Result::SchemaChanged; // unknown column, no such table (MariaDB, PostgreSQL)
    return DbConnection::isConnectionError(q.lastError(), QSqlDatabase::database(m_connection, false))
        ? Result::ConnectionLost
        : Result::Rejected;
}

bool RowStore::fitsPacket(qint64 bytes, QString *error) const
{
    // Room for the statement around the values (column names, the key twice).
    if (bytes + 4096 <= m_maxPacket)
        return true;
    *error = QStringLiteral("the row is about %1 bytes, more than the database server's max_allowed_packet "
                            "(%2 bytes): raise max_allowed_packet on this site's server")
                 .arg(bytes)
                 .arg(m_maxPacket);
    return false;
}

RowStore::Result RowStore::fetch(const TableInfo &table, const QStringList &keys, QHash<QString, QJsonObject> *rows,
                                 QString *error, bool forUpdate)
{
    const QString head = QStringLiteral("SELECT %1 FROM %2 WHERE %3 IN (")
                             .arg(selectList(table), quoted(table.name), quoted(table.key().name));
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
        if (forUpdate)
            sql += QStringLiteral(" FOR UPDATE");
        QSqlQuery *q = &query;
        if (!q->exec(sql))
            return fail(*q, QStringLiteral("reading `%1`").arg(table.name), error);
        while (q->next()) {
            QJsonObject entity;
            const QString key = rowOf(table, *q, &entity);
            rows->insert(key, entity);
        }
        q->finish();
    }
    Result result = Result::Ok;
    if (!keys.isEmpty() && !columnsMatch(table, &query, error, &result)) {
        rows->clear();
        return result;
    }
    return Result::Ok;
}

RowStore::Result RowStore::keysAfter(const TableInfo &table, const QString &after, int limit, QStringList *keys,
                                     QString *error)
{
    keys->clear();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const QString key = quoted(table.key().name);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4 LIMIT %5")
                    .arg(dialect().textCast(key), quoted(table.name), afterClause(table, after), key)
                    .arg(qMax(1, limit))))
        return fail(q, QStringLiteral("reading the keys of `%1`").arg(table.name), error);
    while (q.next())
        keys->append(q.value(0).toString());
    return Result::Ok;
}

RowStore::Result RowStore::readAfter(const TableInfo &table, const QString &after, int limit,
                                     const std::function<void(const QSqlQuery &)> &take, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4 LIMIT %5")
                    .arg(selectList(table), quoted(table.name), afterClause(table, after), quoted(table.key().name))
                    .arg(qMax(1, limit))))
        return fail(q, QStringLiteral("reading the rows of `%1`").arg(table.name), error);
    bool any = false;
    while (q.next()) {
        take(q);
        any = true;
    }
    q.finish();
    Result result = Result::Ok;
    if (any && !columnsMatch(table, &q, error, &result))
        return result;
    return Result::Ok;
}

RowStore::Result RowStore::rowsAfter(const TableInfo &table, const QString &after, int limit,
                                     QList<QPair<QString, QJsonObject>> *rows, QString *error)
{
    rows->clear();
    rows->reserve(qMax(1, limit));
    const Result result = readAfter(
        table, after, limit,
        [&](const QSqlQuery &q) {
            QJsonObject entity;
            const QString key = rowOf(table, q, &entity);
            rows->append({key, entity});
        },
        error);
    if (result != Result::Ok)
        rows->clear();
    return result;
}

RowStore::Result RowStore::rowsAfterText(const TableInfo &table, const QString &after, int limit,
                                         const QStringList &wireNames, QList<QPair<QString, QByteArray>> *rows,
                                         QString *error)
{
    rows->clear();
    rows->reserve(qMax(1, limit));
    qsizetype typical = 256; // the previous row's size: most rows of a table are alike
    const Result result = readAfter(
        table, after, limit,
        [&](const QSqlQuery &q) {
            const QString key = q.value(0).toString();
            QByteArray text;
            text.reserve(typical + typical / 4);
            text += '{';
            bool first = true;
            for (int i = 0; i < table.columns.size(); ++i) {
                const QString &name = wireNames.at(i);
                if (name.isEmpty())
                    continue;
                if (!first)
                    text += ',';
                first = false;
                json::appendKey(text, name);
                // The key travels as the same string as `id` (as rowOf() gives it).
                if (i == table.primaryKey)
                    json::appendString(text, key);
                else
                    json::appendValue(text, ValueCodec::encode(table.columns.at(i), q.value(i + 1)));
            }
            text += '}';
            typical = text.size();
            rows->append({key, text});
        },
        error);
    if (result != Result::Ok)
        rows->clear();
    return result;
}

QString RowStore::selectList(const TableInfo &table) const
{
    // The key first, as the string the protocol sends; then every column in its wire form.
    QStringList select;
    select << dialect().textCast(quoted(table.key().name));
    for (const ColumnInfo &c : table.columns)
        select << ValueCodec::selectExpression(c, quoted(c.name));
    return select.join(QStringLiteral(", "));
}

QString RowStore::rowOf(const TableInfo &table, const QSqlQuery &q, QJsonObject *entity)
{
    QString key = q.value(0).toString();
    for (int i = 0; i < table.columns.size(); ++i)
        entity->insert(table.columns.at(i).name, ValueCodec::encode(table.columns.at(i), q.value(i + 1)));
    entity->insert(table.key().name, key); // the key travels as the same string as `id`
    return key;
}

QString RowStore::afterClause(const TableInfo &table, const QString &after) const
{
    if (after.isNull())
        return QString();
    QVariant value;
    if (!ValueCodec::decode(table.key(), QJsonValue(after), &value, nullptr))
        value = after; // no such key can exist; compared as text, harmlessly
    return QStringLiteral(" WHERE %1 > %2")
        .arg(quoted(table.key().name), sqlLiteral(QSqlDatabase::database(m_connection, false).driver(), value));
}

bool RowStore::columnsMatch(const TableInfo &table, QSqlQuery *q, QString *error, Result *result)
{
    if (!q->exec(QStringLiteral("SELECT * FROM %1 LIMIT 0").arg(quoted(table.name)))) {
        *result = fail(*q, QStringLiteral("reading the columns of `%1`").arg(table.name), error);
        if (*result == Result::Rejected)
            *result = Result::SchemaChanged;
        return false;
    }
    const QSqlRecord record = q->record();
    bool same = record.count() == table.columns.size();
    for (int i = 0; same && i < record.count(); ++i)
        same = record.fieldName(i) == table.columns.at(i).name;
    q->finish();
    if (!same) {
        *error = QStringLiteral("the columns of `%1` changed under the engine").arg(table.name);
        *result = Result::SchemaChanged;
    }
    return same;
}

bool RowStore::validate(const TableInfo &table, const QString &key, const QJsonObject &entity, QString *error,
                        qint64 *bytes)
{
    if (bytes)
        *bytes = 0;
    for (auto it = entity.constBegin(); it != entity.constEnd(); ++it) {
        const ColumnInfo *column = table.column(it.key());
        if (!column) {
            *error = QStringLiteral("Unknown column \"%1\" in table `%2`").arg(it.key().left(64), table.name);
            return false;
        }
        QVariant value;
        if (!ValueCodec::decode(*column, it.value(), &value, error))
            return false;
        if (bytes) {
            if (value.typeId() == QMetaType::QByteArray)
                *bytes += value.toByteArray().size();
            else if (value.typeId() == QMetaType::QString)
                *bytes += value.toString().size() * 3; // at most 3 UTF-8 bytes per UTF-16 unit
            else
                *bytes += 16;
        }
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
        const QString quoted = this->quoted(table.columns.at(i).name);
        names << quoted;
        updates << QStringLiteral("%1 = %2").arg(quoted, dialect().insertedValue(quoted));
    }
    const QString head =
        QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(this->quoted(table.name), names.join(QStringLiteral(", ")));
    const QString tail = QLatin1Char(' ') + dialect().upsertClause({this->quoted(table.key().name)}) + QLatin1Char(' ')
        + updates.join(QStringLiteral(", "));
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
        // Statements stay well under the server's max_allowed_packet (the caller groups only
        // rows far smaller than it).
        if (sql.size() > qMin<qint64>(kMaxStatementChars, m_maxPacket / 2) || r == rows.size() - 1) {
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
    const QString quotedTable = quoted(table.name);
    const QString quotedKey = quoted(table.key().name);
    if (entity.isNull()) {
        // A key that is no value of the key column ("42abc", "" for an INT key) must not reach
        // the server, whose loose conversion would make it match another row (42, 0).
        if (!ValueCodec::decode(table.key(), QJsonValue(key), nullptr, error))
            return Result::Rejected;
        Result result = Result::Ok;
        QSqlQuery *q =
            statement(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(quotedTable, quotedKey), error, &result);
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
    qint64 bytes = 0;
    if (!validate(table, key, object, error, &bytes))
        return Result::Rejected;
    if (!fitsPacket(bytes, error))
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
        const QString quoted = this->quoted(c.name);
        columns << quoted;
        marks << QStringLiteral("?");
        updates << QStringLiteral("%1 = %2").arg(quoted, dialect().insertedValue(quoted));
        values << bindable(value);
    }
    if (table.hasOtherUniqueKeys)
        return updateElseInsert(table, key, columns, values, error, changed);
    const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) %4 %5")
                            .arg(quotedTable, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")),
                                 dialect().upsertClause({quotedKey}), updates.join(QStringLiteral(", ")));
    Result result = Result::Ok;
    QSqlQuery *q = statement(sql, error, &result);
    if (!q)
        return result;
    for (int i = 0; i < values.size(); ++i)
        q->bindValue(i, values.at(i));
    if (!q->exec())
        return fail(*q, QStringLiteral("writing `%1`").arg(table.name), error);
    // Without CLIENT_FOUND_ROWS (QMYSQL does not set it): 1 inserted, 2 updated, 0 already so.
    // PostgreSQL counts every row it inserted or updated (1): holds() tells an unchanged one.
    if (changed)
        *changed = q->numRowsAffected() != 0;
    return Result::Ok;
}

RowStore::Result RowStore::holds(const TableInfo &table, const QString &key, const QJsonObject &entity, bool *same,
                                 QString *error)
{
    *same = false;
    QList<const ColumnInfo *> columns;
    QStringList select;
    for (const ColumnInfo &c : table.columns) {
        if (&c == &table.key() || !entity.contains(c.name))
            continue;
        columns << &c;
        select << ValueCodec::selectExpression(c, quoted(c.name));
    }
    if (columns.isEmpty())
        select << QStringLiteral("1");
    Result result = Result::Ok;
    QSqlQuery *q = statement(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
                                 .arg(select.join(QStringLiteral(", ")), quoted(table.name), quoted(table.key().name)),
                             error, &result);
    if (!q)
        return result;
    q->bindValue(0, key);
    if (!q->exec())
        return fail(*q, QStringLiteral("reading `%1`").arg(table.name), error);
    if (q->next()) {
        *same = true;
        for (int i = 0; *same && i < columns.size(); ++i)
            *same = ValueCodec::encode(*columns.at(i), q->value(i)) == entity.value(columns.at(i)->name);
    }
    q->finish();
    return Result::Ok;
}

RowStore::Result RowStore::exists(const TableInfo &table, const QString &key, bool *exists, QString *error)
{
    *exists = false;
    if (!ValueCodec::decode(table.key(), QJsonValue(key), nullptr, error))
        return Result::Rejected;
    Result result = Result::Ok;
    QSqlQuery *q = statement(QStringLiteral("SELECT 1 FROM %1 WHERE %2 = ? FOR UPDATE")
                                 .arg(quoted(table.name), quoted(table.key().name)),
                             error, &result);
    if (!q)
        return result;
    q->bindValue(0, key);
    if (!q->exec())
        return fail(*q, QStringLiteral("reading `%1`").arg(table.name), error);
    *exists = q->next();
    q->finish();
    return Result::Ok;
}

RowStore::Result RowStore::updateElseInsert(const TableInfo &table, const QString &key, const QStringList &columns,
                                            const QVariantList &values, QString *error, bool *changed)
{
    // INSERT ... ON DUPLICATE KEY UPDATE also fires on a secondary UNIQUE key and would
    // rewrite whichever row holds that value: here the row is found by its primary key only,
    // and a unique value that another row holds is an error that names the constraint.
    const QString quotedTable = quoted(table.name);
    const QString quotedKey = quoted(table.key().name);
    QStringList assignments;
    for (const QString &c : columns)
        assignments << QStringLiteral("%1 = ?").arg(c);
    const QString update = QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?")
                               .arg(quotedTable, assignments.join(QStringLiteral(", ")), quotedKey);
    const QString insert = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                               .arg(quotedTable, columns.join(QStringLiteral(", ")),
                                    QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
    for (int attempt = 0; attempt < 2; ++attempt) {
        Result result = Result::Ok;
        QSqlQuery *q = statement(update, error, &result);
        if (!q)
            return result;
        for (int i = 0; i < values.size(); ++i)
            q->bindValue(i, values.at(i));
        q->bindValue(int(values.size()), key);
        if (!q->exec())
            return fail(*q, QStringLiteral("updating `%1`").arg(table.name), error);
        if (q->numRowsAffected() > 0)
            return Result::Ok;
        // No row changed: there is none with this key, or it already holds these values.
        q = statement(insert, error, &result);
        if (!q)
            return result;
        for (int i = 0; i < values.size(); ++i)
            q->bindValue(i, values.at(i));
        if (q->exec())
            return Result::Ok;
        if (!isPrimaryKeyClash(q->lastError()))
            return fail(*q, QStringLiteral("writing `%1`").arg(table.name), error);
        // The row exists with these values (or was inserted meanwhile): update it again.
    }
    if (changed)
        *changed = false;
    return Result::Ok;
}

bool RowStore::isPrimaryKeyClash(const QSqlError &error)
{
    // PostgreSQL: unique_violation on the primary key's constraint (named <table>_pkey by default).
    if (error.nativeErrorCode() == QLatin1String("23505"))
        return error.databaseText().contains(QLatin1String("_pkey\""));
    // MariaDB: "Duplicate entry '1' for key 'PRIMARY'"; MySQL 8: "... for key 't.PRIMARY'".
    static const QRegularExpression primary(QStringLiteral("for key '(?:[^']*\\.)?PRIMARY'"));
    return error.nativeErrorCode() == QLatin1String("1062") && primary.match(error.databaseText()).hasMatch();
}

} // namespace mysqlsync
