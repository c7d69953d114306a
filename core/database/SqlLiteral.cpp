#include "database/SqlLiteral.h"

#include <QSqlDriver>
#include <QSqlField>

namespace mysqlsync {

QString sqlLiteral(const QSqlDriver *driver, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QStringLiteral("NULL");
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
    default: {
        QSqlField field(QStringLiteral("v"), QMetaType(QMetaType::QString));
        field.setValue(value.toString());
        return driver->formatValue(field);
    }
    }
}

} // namespace mysqlsync
