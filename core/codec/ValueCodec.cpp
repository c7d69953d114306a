// SQL values <-> the JSON forms of docs/protocol.md ("Values in entity").
//
// Encoding emulates what the earlier engine's Node `mysql` driver produced with
// dateStrings: true, supportBigNumbers: true, bigNumberStrings: false:
//   integers         -> number, or a string of the exact digits beyond +-(2^53 - 1)
//   FLOAT, DOUBLE    -> number
//   DECIMAL          -> string, digits exactly as the server printed them
//   DATE, DATETIME   -> the server's text ("YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS[.ffffff]")
//   textual columns  -> string (TIME too, as the server prints it)
//   binary, BIT      -> { "type": "Buffer", "data": [bytes] }
//
// Reading through Qt's QMYSQL driver with prepared statements uses the binary protocol,
// which would turn dates into QDateTime and FLOAT into float noise; selectExpression()
// therefore casts those columns to CHAR so that encode() receives the server's text form.
//
// Decoding accepts the same forms (plus a few the earlier engine's driver would also have
// written, such as numbers for text columns or booleans for numeric columns) and reports
// anything else with an error that names the column. Nothing here throws.
//
// ValueEncoding.cpp holds encode(), ValueDecoding.cpp decode(), ValueNumbers.cpp what both share.

#include "codec/ValueCodec.h"

#include <QStringList>

namespace mysqlsync {

ColumnInfo ColumnInfo::fromCatalog(const QString &name, const QString &dataType, const QString &columnType,
                                   bool nullable)
{
    ColumnInfo c;
    c.name = name;
    c.dataType = dataType.trimmed().toLower();
    c.columnType = columnType;
    c.nullable = nullable;
    c.isUnsigned = columnType.contains(QLatin1String("unsigned"), Qt::CaseInsensitive);

    const QString &t = c.dataType;
    static const QStringList integers = {QStringLiteral("tinyint"),   QStringLiteral("smallint"),
                                         QStringLiteral("mediumint"), QStringLiteral("int"),
                                         QStringLiteral("integer"),   QStringLiteral("bigint"),
                                         QStringLiteral("year")};
    static const QStringList binaries = {QStringLiteral("binary"),     QStringLiteral("varbinary"),
                                         QStringLiteral("tinyblob"),   QStringLiteral("blob"),
                                         QStringLiteral("mediumblob"), QStringLiteral("longblob")};
    if (integers.contains(t))
        c.kind = ColumnKind::Integer;
    else if (t == QLatin1String("float"))
        c.kind = ColumnKind::Float;
    else if (t == QLatin1String("double") || t == QLatin1String("real") || t == QLatin1String("double precision"))
        c.kind = ColumnKind::Double;
    else if (t == QLatin1String("decimal") || t == QLatin1String("numeric"))
        c.kind = ColumnKind::Decimal;
    else if (t == QLatin1String("date"))
        c.kind = ColumnKind::Date;
    else if (t == QLatin1String("datetime") || t == QLatin1String("timestamp"))
        c.kind = ColumnKind::DateTime;
    else if (binaries.contains(t))
        c.kind = ColumnKind::Binary;
    else if (t == QLatin1String("bit"))
        c.kind = ColumnKind::Bit;
    else
        c.kind = ColumnKind::Text;
    return c;
}

namespace {

// The number in parentheses of a type name such as "timestamp(3) without time zone", or -1.
int declaredPrecision(const QString &columnType)
{
    const qsizetype open = columnType.indexOf(QLatin1Char('('));
    const qsizetype close = columnType.indexOf(QLatin1Char(')'), open);
    if (open < 0 || close < 0)
        return -1;
    bool ok = false;
    const int n = columnType.mid(open + 1, close - open - 1).trimmed().toInt(&ok);
    return ok ? n : -1;
}

// PostgreSQL's values as the text MariaDB gives for the same wire form: dates as YYYY-MM-DD,
// timestamps and times with exactly the column's declared fractional digits (none declared:
// PostgreSQL's own text, which drops trailing zeros), timestamptz in UTC (the session's time
// zone), numeric digit for digit, everything textual (uuid, enums, json) as its text.
QString postgresValueText(const ColumnInfo &column, const QString &quotedName)
{
    const int fsp = declaredPrecision(column.columnType);
    const QString fraction = fsp > 0 ? QStringLiteral(".FF%1").arg(qMin(fsp, 6)) : QString();
    switch (column.kind) {
    case ColumnKind::Date:
        return QStringLiteral("to_char(%1, 'YYYY-MM-DD')").arg(quotedName);
    case ColumnKind::DateTime:
        if (fsp >= 0)
            return QStringLiteral("to_char(%1, 'YYYY-MM-DD HH24:MI:SS%2')").arg(quotedName, fraction);
        return QStringLiteral("(to_char(%1, 'YYYY-MM-DD HH24:MI:SS') || "
                              "rtrim(rtrim(to_char(%1, '.US'), '0'), '.'))")
            .arg(quotedName);
    case ColumnKind::Text:
        if (column.columnType.startsWith(QLatin1String("time(")) && fsp >= 0)
            return QStringLiteral("to_char(DATE '2000-01-01' + %1, 'HH24:MI:SS%2')").arg(quotedName, fraction);
        return QStringLiteral("CAST(%1 AS text)").arg(quotedName);
    case ColumnKind::Decimal:
    case ColumnKind::Float:
        return QStringLiteral("CAST(%1 AS text)").arg(quotedName);
    case ColumnKind::Integer: // smallint, integer, bigint; boolean arrives as a bool (1/0)
    case ColumnKind::Double:
    case ColumnKind::Binary: // bytea: its bytes
    case ColumnKind::Bit:
        break;
    }
    return quotedName;
}

} // namespace

QString ValueCodec::postgresText(const ColumnInfo &column, const QString &quotedName)
{
    QString text = postgresValueText(column, quotedName);
    if (text != quotedName)
        return text;
    switch (column.kind) {
    case ColumnKind::Integer:
        if (column.columnType == QLatin1String("boolean"))
            return QStringLiteral("CAST(CAST(%1 AS integer) AS text)").arg(quotedName);
        break;
    case ColumnKind::Binary:
    case ColumnKind::Bit:
        return QStringLiteral("encode(%1, 'hex')").arg(quotedName);
    default:
        break;
    }
    return QStringLiteral("CAST(%1 AS text)").arg(quotedName);
}

QString ValueCodec::selectExpression(const ColumnInfo &column, const QString &quotedName)
{
    if (column.postgres) {
        const QString text = postgresValueText(column, quotedName);
        return text == quotedName ? text : QStringLiteral("%1 AS %2").arg(text, quotedName);
    }
    switch (column.kind) {
    case ColumnKind::Date:
    case ColumnKind::DateTime:
    case ColumnKind::Decimal:
    case ColumnKind::Float:
        return QStringLiteral("CAST(%1 AS CHAR) AS %1").arg(quotedName);
    case ColumnKind::Text:
        if (column.dataType == QLatin1String("time"))
            return QStringLiteral("CAST(%1 AS CHAR) AS %1").arg(quotedName);
        return quotedName;
    case ColumnKind::Bit:
        // The ceil(n/8) big-endian bytes that the Node driver received as a Buffer.
        return QStringLiteral("CAST(%1 AS BINARY) AS %1").arg(quotedName);
    case ColumnKind::Integer:
    case ColumnKind::Double:
    case ColumnKind::Binary:
        break;
    }
    return quotedName;
}

QString quoteIdentifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(QLatin1Char('`'), QStringLiteral("``"));
    return QLatin1Char('`') + escaped + QLatin1Char('`');
}

} // namespace mysqlsync
