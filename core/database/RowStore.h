#pragma once
// Reads rows as entities and writes entities as rows, for tables of the catalogue.
// Statements are prepared once per shape and reused.
#include "database/Catalog.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

namespace mysqlsync {

class SqlDialect;

class RowStore {
public:
    // SchemaChanged: the table's columns are no longer those of the catalogue (an ALTER
    // TABLE under the running engine): re-read the catalogue and try again.
    // Busy: a lock wait timeout or a deadlock (1205, 1213); the transaction may be rolled
    // back: try the row again later.
    enum class Result { Ok, Rejected, ConnectionLost, SchemaChanged, Busy };

    explicit RowStore(const QString &connectionName)
        : m_connection(connectionName)
    { }

    // The current rows for `keys` (a key without a row is absent from *rows).
    // The primary key is given as the key string, as the protocol sends it. After reading,
    // the table's columns are compared with the catalogue's (a metadata-only query): rows
    // read without a column added meanwhile are not returned (SchemaChanged), and a read
    // that names a dropped column (1054) or a gone table (1146) is SchemaChanged too.
    // `forUpdate`: a locking read (inside a transaction): a local write of these rows waits
    // for the transaction, and one under way is waited for and then seen.
    Result fetch(const TableInfo &table, const QStringList &keys, QHash<QString, QJsonObject> *rows, QString *error,
                 bool forUpdate = false);

    // The keys after `after` (null: from the first) in the primary key's order, at most `limit`,
    // as the strings the protocol sends.
    Result keysAfter(const TableInfo &table, const QString &after, int limit, QStringList *keys, QString *error);
    // The same keys with their current rows (as fetch() gives them), in key order: one read
    // where keysAfter() and fetch() would take two. The columns are checked as by fetch().
    Result rowsAfter(const TableInfo &table, const QString &after, int limit, QList<QPair<QString, QJsonObject>> *rows,
                     QString *error);
    // rowsAfter() with each row as the JSON text of its entity, ready to send: each column
    // under its name in `wireNames` (in the order of table.columns; an empty name leaves the
    // column out), the key as the key string.
    Result rowsAfterText(const TableInfo &table, const QString &after, int limit, const QStringList &wireNames,
                         QList<QPair<QString, QByteArray>> *rows, QString *error);

    // Checks an entity against the table before anything is executed: every column must
    // exist, every value must decode, the primary key must equal `key`.
    // *bytes (if given) is the size of the row's values as the server receives them.
    static bool validate(const TableInfo &table, const QString &key, const QJsonObject &entity, QString *error,
                         qint64 *bytes = nullptr);
    // The server's max_allowed_packet: a row that cannot fit in one packet is refused here
    // (Rejected, naming both sizes) instead of being sent, which would make the server drop
    // the connection, at every resend.
    void setMaxPacket(qint64 bytes) { m_maxPacket = bytes; }
    qint64 maxPacket() const { return m_maxPacket; }
    // Upserts (entity) or deletes (null) the row of `key`. Call inside a transaction.
    // *changed (if given) tells whether the row was actually inserted, altered or deleted.
    Result apply(const TableInfo &table, const QString &key, const QJsonValue &entity, QString *error,
                 bool *changed = nullptr);

    // Whether the stored row of `key` already holds every value of `entity` (compared in
    // their JSON forms). A write of such a row would change nothing but what a user's
    // trigger does on every write; it is not written and not relayed (a BEFORE UPDATE
    // trigger that bumps a version would otherwise circle a row for ever between sites).
    Result holds(const TableInfo &table, const QString &key, const QJsonObject &entity, bool *same, QString *error);

    // Whether the row of `key` exists, locking it (or the gap where it would be) until the
    // transaction ends, so that the answer holds for the write that follows.
    Result exists(const TableInfo &table, const QString &key, bool *exists, QString *error);

    // Upserts many validated entities of one table that all have the same columns, in one
    // statement (in order: a later entity of the same key wins). On Rejected nothing of it
    // was written (the statement is atomic): apply them one by one to find the culprit.
    Result upsertMany(const TableInfo &table, const QList<QPair<QString, QJsonObject>> &rows, QString *error);

    // Drops the prepared statements (after the connection was re-opened).
    void reset() { m_statements.clear(); }

private:
    Result updateElseInsert(const TableInfo &table, const QString &key, const QStringList &columns,
                            const QVariantList &values, QString *error, bool *changed);
    static bool isPrimaryKeyClash(const QSqlError &error);
    // The dialect of the connection, an identifier quoted in it, a value as it is bound.
    const SqlDialect &dialect() const;
    QString quoted(const QString &name) const;
    QVariant bindable(const QVariant &value) const;
    bool fitsPacket(qint64 bytes, QString *error) const;
    // The SELECT list of fetch() and rowsAfter(), and how they turn a result row into the key and entity.
    QString selectList(const TableInfo &table) const;
    static QString rowOf(const TableInfo &table, const QSqlQuery &q, QJsonObject *entity);
    // The read of rowsAfter() and rowsAfterText(): `take` gets each result row, in key order.
    Result readAfter(const TableInfo &table, const QString &after, int limit,
                     const std::function<void(const QSqlQuery &)> &take, QString *error);
    // " WHERE key > literal" (nothing for a null `after`).
    QString afterClause(const TableInfo &table, const QString &after) const;
    bool columnsMatch(const TableInfo &table, QSqlQuery *q, QString *error, Result *result);
    QSqlQuery *statement(const QString &sql, QString *error, Result *result);
    Result fail(const QSqlQuery &q, const QString &what, QString *error);

    QString m_connection;
    QHash<QString, QSqlQuery> m_statements;
    qint64 m_maxPacket = 4 * 1024 * 1024;
};

} // namespace mysqlsync
