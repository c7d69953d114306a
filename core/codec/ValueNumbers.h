#pragma once
// Helpers that ValueEncoding.cpp and ValueDecoding.cpp share (numbers and texts of values);
// internal to the codec module, not part of its interface.

#include <QJsonValue>
#include <QString>
#include <QStringView>
#include <QVariant>

namespace mysqlsync::valuecodec {

constexpr qint64 kMaxSafeInteger = 9007199254740991LL; // 2^53 - 1, Number.MAX_SAFE_INTEGER

// True when the JSON number was stored by Qt as an exact 64-bit integer.
bool isJsonInteger(const QJsonValue &v);

// A JSON number as the text JavaScript's String(n) would give (integers without exponent).
QString numberText(const QJsonValue &v);

// A JSON number in plain positional notation (no exponent), for DECIMAL columns.
QString plainNumberText(const QJsonValue &v);

bool isDigits(QStringView s);

// "-?digits" -> exact 64-bit value. `*isUnsigned` tells which of the two outputs holds it.
enum class IntParse { Ok, NotAnInteger, OutOfRange };
IntParse parseIntegerText(QStringView text, qlonglong *signedOut, qulonglong *unsignedOut, bool *isUnsigned);

} // namespace mysqlsync::valuecodec
