#include "database/SqlLiteral.h"

#include <QSqlDriver>

#include <algorithm>

namespace mysqlsync {

namespace {

// PostgreSQL: every value is an escape string constant (E'...': backslash and quote escaped,
// whatever standard_conforming_strings says) of unknown type, which the server converts to the
// column's own type: '1' is a valid boolean, integer and numeric alike, which a bare 1 is not.
QString postgresLiteral(const QVariant &value)
{
    QString text;
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        return QStringLiteral("E'\\\\x") + QString::fromLatin1(value.toByteArray().toHex()) + QLatin1Char('\'');
    case QMetaType::Bool:
        text = value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
        break;
    default:
        text = value.toString();
        break;
    }
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char('\''), QLatin1String("''"));
    return QStringLiteral("E'") + text + QLatin1Char('\'');
}

} // namespace

QString sqlLiteral(const QSqlDriver *driver, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QStringLiteral("NULL");
    if (driver && driver->dbmsType() == QSqlDriver::PostgreSQL)
        return postgresLiteral(value);
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        return QStringLiteral("X'") + QString::fromLatin1(value.toByteArray().toHex()) + QLatin1Char('\'');
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QMetaType::Int:
    case QMetaType::LongLong:
        return QString::number(value.toLongLong());
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return QString::number(value.toULongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return value.toString(); // shortest text that reads back as the same double
    case QMetaType::QString: {
        // Most strings (keys, table and client names, md5 ids) need no escaping in any
        // sql_mode or character set: quoted as they are, without the driver's round trip.
        const QString text = value.toString();
        const bool plain = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
            const char16_t u = c.unicode();
            return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_'
                || u == u'-' || u == u'.' || u == u':' || u == u' ';
        });
        if (plain)
            return QLatin1Char('\'') + text + QLatin1Char('\'');
        // Every other string as its UTF-8 bytes in hex, marked utf8mb4: no quote or backslash
        // can break out of it, whatever the session's sql_mode (NO_BACKSLASH_ESCAPES,
        // ANSI_QUOTES) or character set, and the bytes arrive exactly as they are.
        return QStringLiteral("_utf8mb4 X'") + QString::fromLatin1(text.toUtf8().toHex()) + QLatin1Char('\'');
    }
    default:
        break;
    }
    return sqlLiteral(driver, QVariant(value.toString()));
}

} // namespace mysqlsync
