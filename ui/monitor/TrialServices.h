#pragma once
// The "try it" stand-ins for what the engine gives transformers (transform/TransformServices.h):
// TrialDatabase runs context.database.query against the live database (through core's
// SqlTransformDatabase) and remembers each statement; TrialPublisher records
// context.mqtt.publish calls and sends nothing. Both live on the trial's worker thread.
#include "monitor/TransformTrial.h"
#include "transform/SqlTransformDatabase.h"

namespace mysqlsync::ui {

class TrialDatabase : public TransformDatabase {
public:
    explicit TrialDatabase(const QString &connectionName)
        : m_database(connectionName)
    { }
    QList<QVariantMap> query(const QString &sql, const QVariantList &values, QString *error) override;
    // The statements since the last take, with their values ("SELECT … [1, 'a']").
    QStringList take();

private:
    SqlTransformDatabase m_database;
    QStringList m_calls;
};

class TrialPublisher : public TransformPublisher {
public:
    bool publish(const QString &topic, const QByteArray &payload, int qos, bool retain, QString *error) override;
    QList<TrialPublish> take();

private:
    QList<TrialPublish> m_calls;
};

} // namespace mysqlsync::ui
