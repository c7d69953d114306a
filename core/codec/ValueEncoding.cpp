// Encoding: SQL values read from the database -> the JSON forms of docs/protocol.md (see
// ValueCodec.cpp for the forms and why selectExpression() casts some columns to CHAR).

#include "codec/ValueCodec.h"
#include "codec/ValueNumbers.h"

#include "common/Logging.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTime>

#include <charconv>
#include <cmath>

namespace mysqlsync {

using namespace valuecodec;

namespace {

QJsonValue integerJson(qlonglong v)
{
    if (v >= -kMaxSafeInteger && v <= kMaxSafeInteger)
        return QJsonValue(v);
    return QJsonValue(QString::number(v));
}

QJsonValue integerJson(qulonglong v)
{
    if (v <= qulonglong(kMaxSafeInteger))
        return QJsonValue(qint64(v));
    return QJsonValue(QString::number(v));
}

QJsonValue bufferJson(const QByteArray &bytes)
{
    QJsonArray data;
    for (char c : bytes)
        data.append(int(static_cast<unsigned char>(c)));
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("Buffer")}, {QStringLiteral("data"), data}};
}

// The number in parentheses of a COLUMN_TYPE such as "bit(10)" or "datetime(3)", or -1.
int typeWidth(const QString &columnType)
{
    static const QRegularExpression re(QStringLiteral("^\\s*\\w+\\s*\\(\\s*(\\d+)\\s*\\)"));
    const auto match = re.match(columnType);
    if (!match.hasMatch())
        return -1;
    return match.captured(1).toInt();
}

QString textOf(const QVariant &value)
{
    if (value.typeId() == QMetaType::QByteArray)
        return QString::fromUtf8(value.toByteArray());
    return value.toString();
}

QString fractionText(int msecs, int digits)
{
    // QDate/QDateTime/QTime hold milliseconds: pad to the column's precision.
    QString f = QStringLiteral("%1").arg(msecs, 3, 10, QLatin1Char('0'));
    if (digits <= 3)
        return f.left(digits);
    return f + QString(digits - 3, QLatin1Char('0'));
}

QString timeText(const QTime &t, int fsp)
{
    QString s = t.toString(QStringLiteral("HH:mm:ss"));
    if (fsp > 0)
        s += QLatin1Char('.') + fractionText(t.msec(), fsp);
    else if (fsp < 0 && t.msec() != 0)
        s += QLatin1Char('.') + fractionText(t.msec(), 3);
    return s;
}

QJsonValue encodeInteger(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::Short:
    case QMetaType::Long:
    case QMetaType::SChar:
    case QMetaType::Char:
        return integerJson(value.toLongLong());
    case QMetaType::ULongLong:
    case QMetaType::UInt:
    case QMetaType::UShort:
    case QMetaType::ULong:
    case QMetaType::UChar:
        return integerJson(value.toULongLong());
    case QMetaType::Bool:
        return QJsonValue(value.toBool() ? 1 : 0);
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = value.toDouble();
        if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9223372036854775808.0)
            return integerJson(qlonglong(d));
        return QJsonValue(d);
    }
    default:
        break;
    }
    const QString text = textOf(value).trimmed();
    qlonglong s = 0;
    qulonglong u = 0;
    bool isUnsigned = false;
    if (parseIntegerText(text, &s, &u, &isUnsigned) == IntParse::Ok)
        return isUnsigned ? integerJson(u) : integerJson(s);
    // Digits beyond 64 bits, or something the server should never send: keep the text.
    qCWarning(lcDatabase).noquote() << "integer column value is not an integer:" << text.left(64);
    return QJsonValue(text);
}

QJsonValue encodeFloating(const ColumnInfo &column, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Double:
        return QJsonValue(value.toDouble());
    case QMetaType::Float: {
        // A float read through the binary protocol: its shortest text, so 3.14f is 3.14.
        char buf[64];
        const auto res = std::to_chars(buf, buf + sizeof buf, value.toFloat());
        return QJsonValue(QString::fromLatin1(buf, int(res.ptr - buf)).toDouble());
    }
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::ULongLong:
    case QMetaType::UInt:
        return QJsonValue(value.toDouble());
    default:
        break;
    }
    bool ok = false;
    const QString text = textOf(value).trimmed();
    const double d = text.toDouble(&ok);
    if (ok)
        return QJsonValue(d);
    qCWarning(lcDatabase).noquote() << "column" << column.name
                                    << ": floating-point value is not a number:" << text.left(64);
    return QJsonValue(text);
}

QJsonValue encodeDecimal(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float:
        return QJsonValue(plainNumberText(QJsonValue(value.toDouble())));
    case QMetaType::LongLong:
    case QMetaType::Int:
        return QJsonValue(QString::number(value.toLongLong()));
    case QMetaType::ULongLong:
    case QMetaType::UInt:
        return QJsonValue(QString::number(value.toULongLong()));
    default:
        return QJsonValue(textOf(value));
    }
}

QJsonValue encodeDate(const QVariant &value)
{
    if (value.typeId() == QMetaType::QDate)
        return QJsonValue(value.toDate().toString(QStringLiteral("yyyy-MM-dd")));
    if (value.typeId() == QMetaType::QDateTime)
        return QJsonValue(value.toDateTime().date().toString(QStringLiteral("yyyy-MM-dd")));
    return QJsonValue(textOf(value));
}

QJsonValue encodeDateTime(const ColumnInfo &column, const QVariant &value)
{
    if (value.typeId() == QMetaType::QDateTime || value.typeId() == QMetaType::QDate) {
        const QDateTime dt = value.toDateTime();
        // The column's fractional precision when known ("datetime(3)"); else .zzz only when set.
        const int fsp = column.columnType.isEmpty() ? -1 : qMax(0, typeWidth(column.columnType));
        return QJsonValue(dt.date().toString(QStringLiteral("yyyy-MM-dd")) + QLatin1Char(' ')
                          + timeText(dt.time(), fsp));
    }
    return QJsonValue(textOf(value));
}

QJsonValue encodeText(const ColumnInfo &column, const QVariant &value)
{
    if (value.typeId() == QMetaType::QTime) {
        const int fsp = column.columnType.isEmpty() ? -1 : qMax(0, typeWidth(column.columnType));
        return QJsonValue(timeText(value.toTime(), fsp));
    }
    return QJsonValue(textOf(value));
}

QJsonValue encodeBit(const ColumnInfo &column, const QVariant &value)
{
    if (value.typeId() == QMetaType::QByteArray)
        return bufferJson(value.toByteArray());
    if (value.typeId() == QMetaType::QString) {
        // The raw column through QMYSQL (without the cast) arrives as a string of byte-valued characters.
        return bufferJson(value.toString().toLatin1());
    }
    // An integer (e.g. read without the cast): ceil(n / 8) big-endian bytes, as the server sends.
    bool ok = false;
    qulonglong v = value.toULongLong(&ok);
    if (!ok) {
        const QByteArray bytes = value.toByteArray();
        return bufferJson(bytes);
    }
    int width = typeWidth(column.columnType);
    if (width <= 0)
        width = 1;
    const int byteCount = qBound(1, (width + 7) / 8, 8);
    QByteArray bytes(byteCount, '\0');
    for (int i = byteCount - 1; i >= 0; --i) {
        bytes[i] = char(v & 0xff);
        v >>= 8;
    }
    return bufferJson(bytes);
}

} // namespace

QJsonValue ValueCodec::encode(const ColumnInfo &column, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (column.kind) {
    case ColumnKind::Integer:
        return encodeInteger(value);
    case ColumnKind::Float:
    case ColumnKind::Double:
        return encodeFloating(column, value);
    case ColumnKind::Decimal:
        return encodeDecimal(value);
    case ColumnKind::Date:
        return encodeDate(value);
    case ColumnKind::DateTime:
        return encodeDateTime(column, value);
    case ColumnKind::Text:
        return encodeText(column, value);
    case ColumnKind::Binary:
        return bufferJson(value.toByteArray());
    case ColumnKind::Bit:
        return encodeBit(column, value);
    }
    return QJsonValue(textOf(value));
}

} // namespace mysqlsync
