#pragma once
// What differs between the SQL of the databases a site may run on (MariaDB/MySQL and
// PostgreSQL): identifier quoting, literals, the catalogue queries and the type mapping, the
// engine's own tables, upserts and the clock. Stores pick the dialect of their connection with
// SqlDialect::of(db), so that their callers stay as they are.
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace mysqlsync {

struct ColumnInfo;

class SqlDialect {
public:
    enum class Kind { MariaDb, Postgres };

    virtual ~SqlDialect() = default;

    virtual Kind kind() const = 0;
    // "MariaDB" or "PostgreSQL", for messages.
    virtual QString productName() const = 0;

    // An identifier quoted for SQL text (`name` / "name"), any quote inside it doubled.
    virtual QString quoteIdentifier(const QString &name) const = 0;
    // `expression` converted to text: CAST(... AS CHAR) / CAST(... AS text).
    virtual QString textCast(const QString &expression) const = 0;
    // A string literal for SQL text, for names that came from the catalogue.
    virtual QString stringLiteral(const QString &value) const = 0;

    // The columns of every base table of the connection's schema, in table and column
    // order: table name, column name, data type, full column type, nullable ("YES"/"NO"),
    // and how many primary keys the column is part of (0 or 1).
    virtual QString catalogColumnsSql() const = 0;
    // The names of the tables of the schema that have a UNIQUE index besides the primary key.
    virtual QString otherUniqueKeyTablesSql() const = 0;
    // The names of every base table of the schema, sorted.
    virtual QString tableNamesSql() const = 0;
    // Table name and the server's estimate of its rows (0 when it has none), for the base
    // tables of the schema named by `count` positional placeholders.
    virtual QString rowEstimatesSql(int count) const = 0;
    // One row of catalogColumnsSql() as the engine's ColumnInfo. False, with `problem` naming
    // the table, the column and its type, for a type the engine cannot carry.
    virtual bool mapColumn(const QString &table, const QString &column, const QString &dataType,
                           const QString &columnType, bool nullable, ColumnInfo *out, QString *problem) const = 0;

    // CREATE TABLE IF NOT EXISTS statements of the engine's own tables (docs/protocol.md).
    virtual QStringList engineTableDdl() const = 0;
    // The current UTC time as an SQL expression of the engine tables' date type.
    virtual QString utcNow() const = 0;

    // The clause after INSERT ... VALUES (...) that turns it into an upsert on `keyColumns`
    // (quoted), followed by the assignments: "ON DUPLICATE KEY UPDATE" / "ON CONFLICT (k)
    // DO UPDATE SET".
    virtual QString upsertClause(const QStringList &keyColumns) const = 0;
    // In an upsert's assignments: the value the INSERT would have written to `quotedColumn`.
    virtual QString insertedValue(const QString &quotedColumn) const = 0;

    // The session statement that makes a row lock wait at most `seconds` (0: not at all).
    virtual QString lockWaitSql(int seconds) const = 0;

    // "?, ?, ?" for `count` positional placeholders.
    static QString placeholders(int count);

    static const SqlDialect &mariaDb();
    static const SqlDialect &postgres();
    // The dialect of a connection: PostgreSQL for the QPSQL driver, else MariaDB.
    static const SqlDialect &of(const QSqlDatabase &db);
};

} // namespace mysqlsync
