#pragma once
// What a transformer may reach beyond its arguments, provided by the engine:
// context.database.query / context.mysql.query and context.mqtt.publish. Both are called
// synchronously on the engine's thread, from inside TransformerHost::transform.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

namespace mysqlsync {

class TransformDatabase {
public:
    virtual ~TransformDatabase() = default;
    // Runs `sql` with every `?` bound to the next of `values` as a parameter (never spliced
    // into the text): null QVariant for NULL, bool, qlonglong/double, QString, QDateTime,
    // QByteArray. Returns the rows (column name -> value; NULL as a null QVariant), or sets
    // *error (the database's message) and returns an empty list.
    virtual QList<QVariantMap> query(const QString &sql, const QVariantList &values, QString *error) = 0;
    // Called after each transformer call: a database may end what the call left open
    // (a transaction, a changed session) so that it cannot outlast the call.
    virtual void finished() { }
};

class TransformPublisher {
public:
    virtual ~TransformPublisher() = default;
    // Publishes one MQTT message (qos 0, 1 or 2). False and *error when it cannot be sent.
    virtual bool publish(const QString &topic, const QByteArray &payload, int qos, bool retain, QString *error) = 0;
};

} // namespace mysqlsync
