// Numbers and digit strings of JSON values, shared by the encoding and the decoding side.

#include "codec/ValueNumbers.h"

#include <QLocale>

#include <cmath>

namespace mysqlsync::valuecodec {

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

} // namespace mysqlsync::valuecodec
