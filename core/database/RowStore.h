#pragma once
// Reads rows as entities and writes entities as rows, for tables of the catalogue.
// Statements are prepared once per shape and reused.
#include "database/Catalog.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace mysqlsync {

class RowStore {
public:
    enum class Result { Ok, Rejected, ConnectionLost };

    explicit RowStore(const QString &connectionName) : m_connection(connectionName) {}

    // The current rows for `keys` (a key without a row is absent from *rows).
    // The primary key is given as the key string, as the protocol sends it.
    Result fetch(const TableInfo &table, const QStringList &keys, QHash<QString, QJsonObject> *rows, QString *error);

    // Checks an entity against the table before anything is executed: every column must
    // exist, every value must decode, the primary key must equal `key`.
    static bool validate(const TableInfo &table, const QString &key, const QJsonObject &entity, QString *error);
    // Upserts (entity) or deletes (null) the row of `key`. Call inside a transaction.
    // *changed (if given) tells whether the row was actually inserted, altered or deleted.
    Result apply(const TableInfo &table, const QString &key, const QJsonValue &entity, QString *error,
                 bool *changed = nullptr);

    // Upserts many validated entities of one table that all have the same columns, in one
    // statement (in order: a later entity of the same key wins). On Rejected nothing of it
    // was written (the statement is atomic): apply them one by one to find the culprit.
    Result upsertMany(const TableInfo &table, const QList<QPair<QString, QJsonObject>> &rows, QString *error);

    // Drops the prepared statements (after the connection was re-opened).
    void reset() { m_statements.clear(); }

private:
    QSqlQuery *statement(const QString &sql, QString *error, Result *result);
    Result fail(const QSqlQuery &q, const QString &what, QString *error);

    QString m_connection;
    QHash<QString, QSqlQuery> m_statements;
};

} // namespace mysqlsync
