#pragma once
// The C++ end of context.database.query and context.mqtt.publish. Only TransformRuntime's
// closure holds its JavaScript wrapper; transformers never see the QObject itself.
#include <QObject>
#include <QVariant>

namespace mysqlsync {

class TransformDatabase;
class TransformPublisher;

class TransformBridge : public QObject {
    Q_OBJECT
public:
    TransformBridge(TransformDatabase *database, TransformPublisher *publisher, QObject *parent = nullptr);

    // { ok: bool, rows: [ {column: value} ], error: string }
    Q_INVOKABLE QVariantMap query(const QString &sql, const QVariantList &values);
    // { ok: bool, error: string }
    Q_INVOKABLE QVariantMap publish(const QString &topic, const QVariant &message, int qos, bool retain);

    int queries() const { return m_queries; }

private:
    TransformDatabase *m_database;
    TransformPublisher *m_publisher;
    int m_queries = 0;
};

} // namespace mysqlsync
