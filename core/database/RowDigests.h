#pragma once
// Row checksums computed by the database (docs/protocol.md, "Verify and repair"): the first
// 64 bits of the MD5 of a row's canonical form, the same on every server whatever its
// character sets or column types: for each compared column in the agreed order, its value as
// text in the protocol's JSON form (numbers and DECIMAL digits as the server prints them,
// dates "YYYY-MM-DD", date-times "YYYY-MM-DD HH:MM:SS[.ffffff]", bytes as lowercase hex,
// text as UTF-8) written "length:value", NULL written "-", joined by ",". A PostgreSQL table
// (ColumnInfo::postgres) gets the same text for equal values (ValueCodec::postgresText).
#include "database/Catalog.h"
#include "protocol/VerifyMessages.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace mysqlsync {

class SqlDialect;

class RowDigests {
public:
    // `columns`: local column names of `table` (checked against the catalogue: each must be one
    // of its columns, else *error names it). The statements are built from catalogue names only.
    RowDigests(const TableInfo &table, const QStringList &columns);
    bool valid(QString *error) const;

    // Rows with from < key <= to (a null bound: none), in key order, at most `limit` (0: all).
    bool range(const QSqlDatabase &db, const QString &from, const QString &to, int limit, QList<ext::RowDigest> *out,
               QString *error) const;
    // The rows of `keys` that exist.
    bool keys(const QSqlDatabase &db, const QStringList &keys, QList<ext::RowDigest> *out, QString *error) const;

    // The SQL expression of a row's checksum (exposed for tests and docs).
    QString expression() const { return m_expression; }

private:
    QString bound(const QSqlDatabase &db, const QString &key) const;
    bool read(const QSqlDatabase &db, const QString &sql, QList<ext::RowDigest> *out, QString *error) const;

    // The dialect of the table's database (its columns say whether it is PostgreSQL's).
    const SqlDialect &dialect() const;

    TableInfo m_table;
    bool m_postgres = false;
    QString m_expression;
    QString m_problem;
};

} // namespace mysqlsync
