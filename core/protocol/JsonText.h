#pragma once
// JSON text written straight into a byte array, as QJsonDocument's compact form writes it,
// without building a QJsonObject first: the hot paths (a batch's rows, a load chunk's
// entities) write thousands of rows a second, and building the objects only to print them
// cost more than the rest of the send.
#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace mysqlsync::json {

// A JSON string literal, quotes included: `"`, `\` and control characters escaped, the rest
// as UTF-8.
void appendString(QByteArray &out, const QString &s);
// Any JSON value: numbers as QJsonDocument prints them (integers exactly, doubles in their
// shortest round-trip form, a non-finite one as null), objects and arrays recursively.
void appendValue(QByteArray &out, const QJsonValue &v);
// `"key":` for an object member.
inline void appendKey(QByteArray &out, const QString &key)
{
    appendString(out, key);
    out += ':';
}

} // namespace mysqlsync::json
