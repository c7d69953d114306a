#pragma once
// What a JSON value is, in words, for error texts that name what they got instead of what
// they expected (the wire messages' fields, the values of an entity's columns).
#include <QJsonValue>
#include <QString>

namespace mysqlsync {

// "null", "a boolean", "a number", "a string", "an array", "an object" or "nothing".
QString jsonTypeName(const QJsonValue &v);
// As jsonTypeName, but a boolean, number or string is named with its value: "the boolean
// true", "the number 1.5", "the string \"abc\"" (its first 40 characters, then "...").
QString jsonValueDescription(const QJsonValue &v);

} // namespace mysqlsync
