// Decoding: the JSON forms of docs/protocol.md -> values to bind, with an error that names the
// column for anything else (see ValueCodec.cpp for the forms). Nothing here throws.

#include "codec/ValueCodec.h"
#include "codec/ValueNumbers.h"
#include "common/JsonDescription.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaType>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace mysqlsync {

using namespace valuecodec;

namespace {

bool fail(const ColumnInfo &column, const QString &expected, const QJsonValue &got, QString *error)
{
    if (error)
        *error =
            QStringLiteral("column `%1`: expected %2, got %3").arg(column.name, expected, jsonValueDescription(got));
    return false;
}

bool failText(const ColumnInfo &column, const QString &text, QString *error)
{
    if (error)
        *error = QStringLiteral("column `%1`: %2").arg(column.name, text);
    return false;
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
        return failText(column,
                        QStringLiteral("expected %1, got an object whose `type` is not \"Buffer\"").arg(expected),
                        error);
    const QJsonValue dataValue = o.value(QStringLiteral("data"));
    if (!dataValue.isArray())
        return failText(column, QStringLiteral("expected %1, got a Buffer whose `data` is not an array").arg(expected),
                        error);
    const QJsonArray data = dataValue.toArray();
    QByteArray bytes;
    bytes.reserve(data.size());
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QJsonValue b = data.at(i);
        const double d = b.toDouble(-1);
        if (!b.isDouble() || d != std::trunc(d) || d < 0 || d > 255) {
            return failText(column,
                            QStringLiteral("expected a byte (an integer 0..255) at Buffer data[%1], got %2")
                                .arg(i)
                                .arg(jsonValueDescription(b)),
                            error);
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
            const QJsonDocument doc =
                value.isObject() ? QJsonDocument(value.toObject()) : QJsonDocument(value.toArray());
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
        return fail(column, QStringLiteral("a Buffer ({\"type\":\"Buffer\",\"data\":[bytes]}) or a string"), value,
                    error);
    QByteArray bytes;
    if (!decodeBuffer(column, value, &bytes, error))
        return false;
    *out = QVariant(bytes);
    return true;
}

bool decodeBit(const ColumnInfo &column, const QJsonValue &value, QVariant *out, QString *error)
{
    const QString expected =
        QStringLiteral("a Buffer ({\"type\":\"Buffer\",\"data\":[bytes]}) or a non-negative integer");
    switch (value.type()) {
    case QJsonValue::Object: {
        QByteArray bytes;
        if (!decodeBuffer(column, value, &bytes, error))
            return false;
        qulonglong v = 0;
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            if (v > (std::numeric_limits<qulonglong>::max() >> 8))
                return failText(column,
                                QStringLiteral("BIT value of %1 bytes does not fit in 64 bits").arg(bytes.size()),
                                error);
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

} // namespace mysqlsync
