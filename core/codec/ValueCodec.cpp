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
#include "codec/ValueCodec.h"

#include "common/Logging.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMetaType>
#include <QRegularExpression>
#include <QTime>

#include <charconv>
#include <cmath>
#include <limits>

namespace mysqlsync {

namespace {

constexpr qint64 kMaxSafeInteger = 9007199254740991LL;   // 2^53 - 1, Number.MAX_SAFE_INTEGER

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("the boolean true") : QStringLiteral("the boolean false");
    case QJsonValue::Double: {
        const QString text = QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
        return QStringLiteral("the number ") + text.mid(1, text.size() - 2);
    }
    case QJsonValue::String: {
        QString s = v.toString();
        if (s.size() > 40)
            s = s.left(40) + QStringLiteral("...");
        return QStringLiteral("the string \"%1\"").arg(s);
    }
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: return QStringLiteral("nothing");
    }
    return QStringLiteral("an unknown value");
}

bool fail(const ColumnInfo &column, const QString &expected, const QJsonValue &got, QString *error)
{
    if (error)
        *error = QStringLiteral("column `%1`: expected %2, got %3").arg(column.name, expected, jsonTypeName(got));
    return false;
}

bool failText(const ColumnInfo &column, const QString &text, QString *error)
{
    if (error)
        *error = QStringLiteral("column `%1`: %2").arg(column.name, text);
    return false;
}

// True when the JSON number was stored by Qt as an exact 64-bit integer.
bool isJsonInteger(const QJsonValue &v)
{
    return v.isDouble() && v.toVariant().typeId() == QMetaType::LongLong;
}

// A JSON number as the text JavaScript's String(n) would give (integers without exponent).
QString numberText(const QJsonValue &v)
{
    if (isJsonInteger(v))
        return QString::number(v.toInteger());
    const double d = v.toDouble();
    constexpr double two63 = 9223372036854775808.0;
    if (std::isfinite(d) && d == std::trunc(d) && d < two63 && d >= -two63)
        return QString::number(qint64(d));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

// A JSON number in plain positional notation (no exponent), for DECIMAL columns.
QString plainNumberText(const QJsonValue &v)
{
    if (isJsonInteger(v))
        return QString::number(v.toInteger());
    const double d = v.toDouble();
    QString s = QString::number(d, 'f', QLocale::FloatingPointShortest);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
    }
    if (s == QLatin1String("-0"))
        s = QStringLiteral("0");
    return s;
}

bool isDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

// "-?digits" -> exact 64-bit value. `*isUnsigned` tells which of the two outputs holds it.
enum class IntParse { Ok, NotAnInteger, OutOfRange };
IntParse parseIntegerText(QStringView text, qlonglong *signedOut, qulonglong *unsignedOut, bool *isUnsigned)
{
    const bool negative = text.startsWith(QLatin1Char('-'));
    const QStringView digits = negative ? text.mid(1) : text;
    if (!isDigits(digits))
        return IntParse::NotAnInteger;
    bool ok = false;
    const qlonglong s = text.toLongLong(&ok);
    if (ok) {
        *signedOut = s;
        *isUnsigned = false;
        return IntParse::Ok;
    }
    if (negative)
        return IntParse::OutOfRange;
    const qulonglong u = digits.toULongLong(&ok);
    if (!ok)
        return IntParse::OutOfRange;
    *unsignedOut = u;
    *isUnsigned = true;
    return IntParse::Ok;
}

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
    qCWarning(lcDatabase).noquote() << "column" << column.name << ": floating-point value is not a number:" << text.left(64);
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
        return QJsonValue(dt.date().toString(QStringLiteral("yyyy-MM-dd")) + QLatin1Char(' ') + timeText(dt.time(), fsp));
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

QVariant typedNull(const ColumnInfo &column)
{
    switch (column.kind) {
    case ColumnKind::Integer:
        return QVariant(QMetaType(column.isUnsigned ? QMetaType::ULongLong : QMetaType::LongLong));
    case ColumnKind::Float:
    case ColumnKind::Double:
        return QVariant(QMetaType(QMetaType::Double));
    case ColumnKind::Binary:
        return QVariant(QMetaType(QMetaType::QByteArray));
    case ColumnKind::Bit:
        return QVariant(QMetaType(QMetaType::ULongLong));
    case ColumnKind::Decimal:
    case ColumnKind::Date:
    case ColumnKind::DateTime:
    case ColumnKind::Text:
        break;
    }
    return QVariant(QMetaType(QMetaType::QString));
}

// {"type":"Buffer","data":[0..255,...]} -> bytes. `*isBuffer` false when the object is not a Buffer.
bool decodeBuffer(const ColumnInfo &column, const QJsonValue &value, QByteArray *out, QString *error)
{
    const QString expected = QStringLiteral("a Buffer ({\"type\":\"Buffer\",\"data\":[bytes]})");
    if (!value.isObject())
        return fail(column, expected, value, error);
    const QJsonObject o = value.toObject();
    if (o.value(QStringLiteral("type")).toString() != QLatin1String("Buffer"))
        return failText(column, QStringLiteral("expected %1, got an object whose `type` is not \"Buffer\"").arg(expected), error);
    const QJsonValue dataValue = o.value(QStringLiteral("data"));
    if (!dataValue.isArray())
        return failText(column, QStringLiteral("expected %1, got a Buffer whose `data` is not an array").arg(expected), error);
    const QJsonArray data = dataValue.toArray();
    QByteArray bytes;
    bytes.reserve(data.size());
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QJsonValue b = data.at(i);
        const double d = b.toDouble(-1);
        if (!b.isDouble() || d != std::trunc(d) || d < 0 || d > 255) {
            return failText(column, QStringLiteral("expected a byte (an integer 0..255) at Buffer data[%1], got %2")
                                        .arg(i).arg(jsonTypeName(b)), error);
        }
        bytes.append(char(static_cast<unsigned char>(int(d))));
    }
    *out = bytes;
    return true;
}

bool decodeInteger(const ColumnInfo &column, const QJsonValue &value, QVariant *out, QString *error)
{
    const QString expected = QStringLiteral("an integer");
    switch (value.type()) {
    case QJsonValue::Bool:
        *out = QVariant(qlonglong(value.toBool() ? 1 : 0));
        return true;
    case QJsonValue::Double: {
        if (isJsonInteger(value)) {
            *out = QVariant(qlonglong(value.toInteger()));
            return true;
        }
        const double d = value.toDouble();
        if (!std::isfinite(d) || d != std::trunc(d))
            return fail(column, expected, value, error);
        if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
            *out = QVariant(qlonglong(d));
            return true;
        }
        if (d >= 0 && d < 18446744073709551616.0) {
            *out = QVariant(qulonglong(d));
            return true;
        }
        return failText(column, QStringLiteral("integer out of range: %1").arg(numberText(value)), error);
    }
    case QJsonValue::String: {
        qlonglong s = 0;
        qulonglong u = 0;
        bool isUnsigned = false;
        switch (parseIntegerText(value.toString(), &s, &u, &isUnsigned)) {
        case IntParse::Ok:
            *out = isUnsigned ? QVariant(u) : QVariant(s);
            return true;
        case IntParse::OutOfRange:
            return failText(column, QStringLiteral("integer out of range: %1").arg(value.toString().left(40)), error);
        case IntParse::NotAnInteger:
            return fail(column, QStringLiteral("an integer (a number, or a string of digits)"), value, error);
        }
        return false;
    }
    default:
        return fail(column, expected, value, error);
    }
}

bool decodeFloating(const ColumnInfo &column, const QJsonValue &value, QVariant *out, QString *error)
{
    const QString expected = QStringLiteral("a number");
    switch (value.type()) {
    case QJsonValue::Double:
        *out = QVariant(value.toDouble());
        return true;
    case QJsonValue::Bool:
        *out = QVariant(value.toBool() ? 1.0 : 0.0);
        return true;
    case QJsonValue::String: {
        bool ok = false;
        const double d = value.toString().trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(d))
            return fail(column, QStringLiteral("a number (or a numeric string)"), value, error);
        *out = QVariant(d);
        return true;
    }
    default:
        return fail(column, expected, value, error);
    }
}

bool decodeDecimal(const ColumnInfo &column, const QJsonValue &value, QVariant *out, QString *error)
{
    static const QRegularExpression re(QStringLiteral("^-?\\d+(\\.\\d+)?$"));
    const QString expected = QStringLiteral("a decimal (a string of digits such as \"-12.50\", or a number)");
    switch (value.type()) {
    case QJsonValue::Double:
        *out = QVariant(plainNumberText(value));
        return true;
    case QJsonValue::Bool:
        *out = QVariant(QString(value.toBool() ? QStringLiteral("1") : QStringLiteral("0")));
        return true;
    case QJsonValue::String:
        if (!re.match(value.toString()).hasMatch())
            return fail(column, expected, value, error);
        *out = QVariant(value.toString());
        return true;
    default:
        return fail(column, expected, value, error);
    }
}

bool decodeTextual(const ColumnInfo &column, const QJsonValue &value, QVariant *out, QString *error)
{
    switch (value.type()) {
    case QJsonValue::String:
        *out = QVariant(value.toString());
        return true;
    case QJsonValue::Double:
        *out = QVariant(numberText(value));
        return true;
    case QJsonValue::Bool:
        // The earlier engine's driver wrote `true`/`false`, which MySQL stores as 1/0.
        *out = QVariant(int(value.toBool() ? 1 : 0));
        return true;
    case QJsonValue::Object:
    case QJsonValue::Array:
        if (column.kind == ColumnKind::Text) {
            // JSON columns: stored as compact JSON text (keys of objects come out sorted).
            const QJsonDocument doc = value.isObject() ? QJsonDocument(value.toObject()) : QJsonDocument(value.toArray());
            *out = QVariant(QString::fromUtf8(doc.toJson(QJsonDocument::Compact)));
            return true;
        }
        break;
    default:
        break;
    }
    switch (column.kind) {
    case ColumnKind::Date:
        return fail(column, QStringLiteral("a date string (\"YYYY-MM-DD\")"), value, error);
    case ColumnKind::DateTime:
        return fail(column, QStringLiteral("a date-time string (\"YYYY-MM-DD HH:MM:SS\")"), value, error);
    default:
        return fail(column, QStringLiteral("a string"), value, error);
    }
}

bool decodeBinary(const ColumnInfo &column, const QJsonValue &value, QVariant *out, QString *error)
{
    if (value.isString()) {
        *out = QVariant(value.toString().toUtf8());
        return true;
    }
    if (!value.isObject())
        return fail(column, QStringLiteral("a Buffer ({\"type\":\"Buffer\",\"data\":[bytes]}) or a string"), value, error);
    QByteArray bytes;
    if (!decodeBuffer(column, value, &bytes, error))
        return false;
    *out = QVariant(bytes);
    return true;
}

bool decodeBit(const ColumnInfo &column, const QJsonValue &value, QVariant *out, QString *error)
{
    const QString expected = QStringLiteral("a Buffer ({\"type\":\"Buffer\",\"data\":[bytes]}) or a non-negative integer");
    switch (value.type()) {
    case QJsonValue::Object: {
        QByteArray bytes;
        if (!decodeBuffer(column, value, &bytes, error))
            return false;
        qulonglong v = 0;
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            if (v > (std::numeric_limits<qulonglong>::max() >> 8))
                return failText(column, QStringLiteral("BIT value of %1 bytes does not fit in 64 bits").arg(bytes.size()), error);
            v = (v << 8) | static_cast<unsigned char>(bytes.at(i));
        }
        *out = QVariant(v);
        return true;
    }
    case QJsonValue::Bool:
        *out = QVariant(qulonglong(value.toBool() ? 1 : 0));
        return true;
    case QJsonValue::Double: {
        if (isJsonInteger(value)) {
            if (value.toInteger() < 0)
                return fail(column, expected, value, error);
            *out = QVariant(qulonglong(value.toInteger()));
            return true;
        }
        const double d = value.toDouble();
        if (!std::isfinite(d) || d != std::trunc(d) || d < 0 || d >= 18446744073709551616.0)
            return fail(column, expected, value, error);
        *out = QVariant(qulonglong(d));
        return true;
    }
    case QJsonValue::String: {
        bool ok = false;
        const qulonglong v = value.toString().toULongLong(&ok);
        if (!ok || !isDigits(value.toString()))
            return fail(column, expected, value, error);
        *out = QVariant(v);
        return true;
    }
    default:
        return fail(column, expected, value, error);
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------

ColumnInfo ColumnInfo::fromCatalog(const QString &name, const QString &dataType, const QString &columnType, bool nullable)
{
    ColumnInfo c;
    c.name = name;
    c.dataType = dataType.trimmed().toLower();
    c.columnType = columnType;
    c.nullable = nullable;
    c.isUnsigned = columnType.contains(QLatin1String("unsigned"), Qt::CaseInsensitive);

    const QString &t = c.dataType;
    static const QStringList integers = {
        QStringLiteral("tinyint"), QStringLiteral("smallint"), QStringLiteral("mediumint"), QStringLiteral("int"),
        QStringLiteral("integer"), QStringLiteral("bigint"), QStringLiteral("year")};
    static const QStringList binaries = {
        QStringLiteral("binary"), QStringLiteral("varbinary"), QStringLiteral("tinyblob"), QStringLiteral("blob"),
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

QString ValueCodec::selectExpression(const ColumnInfo &column, const QString &quotedName)
{
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

bool ValueCodec::decode(const ColumnInfo &column, const QJsonValue &value, QVariant *out, QString *error)
{
    QVariant scratch;
    QVariant &result = out ? *out : scratch;
    if (value.isNull() || value.isUndefined()) {
        result = typedNull(column);
        return true;
    }
    switch (column.kind) {
    case ColumnKind::Integer:
        return decodeInteger(column, value, &result, error);
    case ColumnKind::Float:
    case ColumnKind::Double:
        return decodeFloating(column, value, &result, error);
    case ColumnKind::Decimal:
        return decodeDecimal(column, value, &result, error);
    case ColumnKind::Date:
    case ColumnKind::DateTime:
    case ColumnKind::Text:
        return decodeTextual(column, value, &result, error);
    case ColumnKind::Binary:
        return decodeBinary(column, value, &result, error);
    case ColumnKind::Bit:
        return decodeBit(column, value, &result, error);
    }
    return failText(column, QStringLiteral("unknown column kind"), error);
}

QString quoteIdentifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(QLatin1Char('`'), QStringLiteral("``"));
    return QLatin1Char('`') + escaped + QLatin1Char('`');
}

} // namespace mysqlsync
