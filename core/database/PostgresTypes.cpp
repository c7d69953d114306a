// PostgresDialect::mapColumn: PostgreSQL's types onto the engine's column kinds (issue 17).
// Each type is given the MariaDB type whose values take the same wire form (docs/protocol.md),
// so that ColumnInfo's kind is the one the codec knows; columnType keeps PostgreSQL's own
// name (format_type) for what differs in the values.
#include "codec/ValueCodec.h"
#include "database/PostgresDialect.h"

#include <QHash>

namespace mysqlsync {

namespace {

const QHash<QString, QString> &wireTypes()
{
    static const QHash<QString, QString> types = {
        {QStringLiteral("int2"), QStringLiteral("smallint")},
        {QStringLiteral("int4"), QStringLiteral("int")},
        {QStringLiteral("int8"), QStringLiteral("bigint")},
        {QStringLiteral("numeric"), QStringLiteral("decimal")},
        {QStringLiteral("float4"), QStringLiteral("float")},
        {QStringLiteral("float8"), QStringLiteral("double")},
        {QStringLiteral("bool"), QStringLiteral("tinyint")},
        {QStringLiteral("text"), QStringLiteral("text")},
        {QStringLiteral("varchar"), QStringLiteral("varchar")},
        {QStringLiteral("bpchar"), QStringLiteral("char")},
        {QStringLiteral("date"), QStringLiteral("date")},
        {QStringLiteral("time"), QStringLiteral("time")},
        {QStringLiteral("timetz"), QStringLiteral("time")},
        {QStringLiteral("timestamp"), QStringLiteral("datetime")},
        {QStringLiteral("timestamptz"), QStringLiteral("timestamp")},
        {QStringLiteral("bytea"), QStringLiteral("blob")},
        {QStringLiteral("json"), QStringLiteral("json")},
        {QStringLiteral("jsonb"), QStringLiteral("json")},
        {QStringLiteral("uuid"), QStringLiteral("char")},
        {QStringLiteral("enum"), QStringLiteral("enum")},
    };
    return types;
}

} // namespace

bool PostgresDialect::mapColumn(const QString &table, const QString &column, const QString &dataType,
                                const QString &columnType, bool nullable, ColumnInfo *out, QString *problem) const
{
    const QString where = QStringLiteral("table \"%1\", column \"%2\" (%3)").arg(table, column, columnType);
    const QString advice =
        QStringLiteral(": leave the table out of syncTables and receiveTables, or change the column's type");
    if (dataType == QLatin1String("array")) {
        *problem = where + QStringLiteral(" is an array: arrays have no wire form (docs/protocol.md)") + advice;
        return false;
    }
    if (dataType == QLatin1String("range")) {
        *problem = where + QStringLiteral(" is a range: ranges have no wire form (docs/protocol.md)") + advice;
        return false;
    }
    if (dataType == QLatin1String("geometric")) {
        *problem = where + QStringLiteral(" is a geometric type: geometric types have no wire form (docs/protocol.md)")
            + advice;
        return false;
    }
    const auto it = wireTypes().constFind(dataType);
    if (it == wireTypes().cend()) {
        *problem = where
            + QStringLiteral(" has a type that PostgreSQL sites do not carry (they carry smallint, integer, bigint, "
                             "numeric, real, double precision, boolean, text, varchar, char, date, time, timestamp "
                             "with and without time zone, bytea, json, jsonb, uuid and enums)")
            + advice;
        return false;
    }
    *out = ColumnInfo::fromCatalog(column, *it, columnType, nullable);
    out->postgres = true;
    return true;
}

} // namespace mysqlsync
