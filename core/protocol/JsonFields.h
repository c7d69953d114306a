#pragma once
// Strict readers of JSON fields, shared by the five wire messages (Messages) and the
// extension messages (Extensions). Every rejection names the field and what it got.
#include "common/JsonDescription.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace mysqlsync::json {

inline constexpr qsizetype kMaxPayloadBytes = 16 * 1024 * 1024; // 16 MiB

using mysqlsync::jsonTypeName; // common/JsonDescription: json::jsonTypeName as before

void setError(QString *error, const QString &text);
// Parses the payload into an object; `what` names the message kind for the error text.
bool parseObject(const QByteArray &payload, const char *what, QJsonObject *out, QString *error,
                 qsizetype maxBytes = kMaxPayloadBytes);
// Unknown fields are tolerated (a newer engine may add some) and logged at debug level.
void logExtraFields(const QJsonObject &object, const QStringList &known, const QString &where);
// `sender`: present, a string, a valid client name.
bool readSender(const QJsonObject &o, QString *out, QString *error);
// A string field; `path` names it in the error text.
bool readString(const QJsonObject &o, const QString &field, const QString &path, bool nonEmpty, QString *out,
                QString *error);
// `id`: a string, or a number converted with keyToString.
bool readId(const QJsonObject &o, const QString &path, QString *out, QString *error);
// Milliseconds since the epoch: a JSON number within ECMAScript's Date range.
bool readMillis(const QJsonObject &o, const QString &field, const QString &path, qint64 *out, QString *error);
QJsonValue millis(qint64 ms);

} // namespace mysqlsync::json
