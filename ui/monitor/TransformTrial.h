#pragma once
// What the Transformers tab's "try it" asks for and gets back (TransformTrialRunner).
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace mysqlsync::ui {

struct TrialRequest {
    QString table;
    QString key;           // the primary key as the protocol writes it (a string)
    bool incoming = false; // false: outgoing to `remote`; true: incoming from `remote`
    QString remote;
};

// One context.mqtt.publish call, recorded instead of sent.
struct TrialPublish {
    QString topic;
    QByteArray payload;
    int qos = 0;
    bool retain = false;
};

struct TrialResult {
    enum class Outcome {
        Entity,    // the transformer returned an entity: `after`
        Unchanged, // no transformer file for the table: the row passes as it is
        Delete,    // the transformer returned null: a delete is sent / applied
        Drop,      // the transformer returned context.drop: nothing is sent / applied
        Error,     // the transformer failed: `error` (file, line, JavaScript message), `line`
        Failed,    // nothing ran: the row could not be read (`error` says why)
    };
    TrialRequest request;
    Outcome outcome = Outcome::Failed;
    QString source;     // context.source
    QString target;     // context.target
    QString file;       // the transformer file's path
    QJsonObject before; // the row as the engine encodes it (RowStore/ValueCodec)
    QJsonObject after;  // Entity / Unchanged
    QString error;
    int line = 0;
    QList<TrialPublish> published; // context.mqtt.publish calls (not sent)
    QStringList queries;           // context.database.query calls (run against the live database)
    qint64 elapsedMs = 0;          // the transformer's run
};

} // namespace mysqlsync::ui

Q_DECLARE_METATYPE(mysqlsync::ui::TrialRequest)
Q_DECLARE_METATYPE(mysqlsync::ui::TrialResult)
