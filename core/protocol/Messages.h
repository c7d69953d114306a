#pragma once
// The five wire messages of docs/protocol.md: encode, decode, validate.
// Decoding never throws: a malformed payload yields an error that names the problem.
#include "protocol/RowVersion.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace mysqlsync {

namespace topics {
QString info();                           // "/info"
QString infoFor(const QString &client);   // "/info/{client}"
QString changeFor(const QString &client); // "/change/{client}"
} // namespace topics

enum class InfoKind { Connected, ConnectionLost, DataReceived, Error };

struct InfoMessage {
    QString sender;
    InfoKind kind = InfoKind::Connected;
    qint64 until = 0; // Connected
    QString table;    // DataReceived, Error
    QString id;       // DataReceived, Error
    qint64 date = 0;  // DataReceived, Error
    QString message;  // Error

    static InfoMessage connected(const QString &sender, qint64 until);
    static InfoMessage connectionLost(const QString &sender);
    static InfoMessage dataReceived(const QString &sender, const QString &table, const QString &id, qint64 date);
    static InfoMessage error(const QString &sender, const QString &table, const QString &id, qint64 date,
                             const QString &message);

    QByteArray toJson() const; // compact UTF-8 JSON, exactly the fields of the protocol
    QJsonObject toObject() const;
    // Returns false and sets *error (naming the field) for anything that is not a valid info message.
    static bool fromJson(const QByteArray &payload, InfoMessage *out, QString *error);
    static bool fromObject(const QJsonObject &object, InfoMessage *out, QString *error);
};

struct ChangeMessage {
    QString sender;
    QString table;
    QString id;
    qint64 date = 0;
    QJsonValue entity; // an object, or null for a delete
    // The row's version (extension channel only, never in the per-row message); null: none
    // was sent (an earlier engine, the per-row path, or a table that is not bidirectional).
    RowVersion version;
    // The extension channel's batch it came in, where the batch's sender asked for a summary
    // receipt (docs/protocol.md, "Extensions"): the batch's number and how many rows it held.
    // 0: none asked.
    qint64 batch = 0;
    int batchRows = 0;
    // The entity's JSON text as it is to be sent, where it was written straight from the
    // database (an initial load's rows): batches carry it instead of `entity`. Sender only.
    QByteArray entityText;

    bool isDelete() const { return entity.isNull(); }
    QByteArray toJson() const;
    QJsonObject toObject() const;
    // Returns false and sets *error for anything that is not a valid change message.
    // On failure, whatever could be read (sender, table, id, date) is still filled in
    // so that an error receipt can be addressed.
    static bool fromJson(const QByteArray &payload, ChangeMessage *out, QString *error);
    static bool fromObject(const QJsonObject &object, ChangeMessage *out, QString *error);
};

// The id of a sync_status row: lowercase hex MD5 of table + "-" + id + "-" + remote.
QString syncStatusId(const QString &table, const QString &id, const QString &remote);

// A JSON value (string or number, as sent for a primary key) as the string the protocol compares.
// Numbers print without exponent or trailing ".0" when integral. Other types: null QString.
QString keyToString(const QJsonValue &value);

} // namespace mysqlsync
