#pragma once
// Encodes SQL values into the JSON forms of docs/protocol.md ("Values in entity")
// and decodes them back into values to bind, exactly as the earlier engine's
// Node mysql driver (with date strings) did.
#include <QJsonValue>
#include <QString>
#include <QVariant>

namespace mysqlsync {

enum class ColumnKind {
    Integer,  // TINYINT ... BIGINT (signed or unsigned), YEAR
    Float,    // FLOAT (single precision)
    Double,   // DOUBLE, REAL
    Decimal,  // DECIMAL, NUMERIC
    Date,     // DATE
    DateTime, // DATETIME, TIMESTAMP
    Text,     // TIME, CHAR, VARCHAR, *TEXT, ENUM, SET, JSON, and anything else textual
    Binary,   // BINARY, VARBINARY, *BLOB
    Bit,      // BIT(n)
};

struct ColumnInfo {
    QString name;
    QString dataType;   // information_schema.COLUMNS.DATA_TYPE, lowercase ("bigint")
    QString columnType; // information_schema.COLUMNS.COLUMN_TYPE ("bigint(20) unsigned")
    ColumnKind kind = ColumnKind::Text;
    bool isUnsigned = false;
    bool nullable = true;
    // A column of a PostgreSQL table: dataType is the MariaDB type of the same wire form,
    // columnType PostgreSQL's own (format_type), and selectExpression() reads it as PostgreSQL.
    bool postgres = false;

    // Fills kind and isUnsigned from dataType/columnType.
    static ColumnInfo fromCatalog(const QString &name, const QString &dataType, const QString &columnType,
                                  bool nullable);
};

class ValueCodec {
public:
    // The SQL expression to select a column so that encode() gets the right form
    // (for example DATE/DATETIME/DECIMAL/FLOAT as text). `quotedName` is the column's
    // already-quoted identifier.
    static QString selectExpression(const ColumnInfo &column, const QString &quotedName);

    // A PostgreSQL column's value as text in the form its JSON takes (docs/protocol.md), for
    // row checksums: the same text MariaDB's CAST(... AS CHAR) gives for an equal value
    // (booleans 1/0, bytes as lowercase hex).
    static QString postgresText(const ColumnInfo &column, const QString &quotedName);

    // A value read with selectExpression() -> its JSON form.
    static QJsonValue encode(const ColumnInfo &column, const QVariant &value);

    // A JSON value from an entity -> the value to bind for the column.
    // Returns false and sets *error (naming the column and the problem) for a value
    // of the wrong type (an object that is not a Buffer, an array, a non-number for an
    // integer column, bytes out of range ...).
    static bool decode(const ColumnInfo &column, const QJsonValue &value, QVariant *out, QString *error);
};

// Backtick-quotes an identifier for MySQL, doubling any backtick inside it.
QString quoteIdentifier(const QString &name);

} // namespace mysqlsync
