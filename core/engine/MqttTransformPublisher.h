#pragma once
// context.mqtt.publish for transformers: through the engine's own broker connection, but
// never as the engine: no retained messages (a retained change would be applied again at
// every reconnect of its receiver) and nothing on the protocol's own topics (/info...,
// /change/..., /mysql-sync/...), where a message would speak for this site.
#include "engine/EngineContext.h"
#include "mqtt/Transport.h"
#include "transform/TransformServices.h"

namespace mysqlsync {

class MqttTransformPublisher : public TransformPublisher {
public:
    explicit MqttTransformPublisher(EngineContext &context)
        : m_ctx(context)
    { }

    // Why a transformer may not publish there (empty: it may).
    static QString refusal(const QString &topic, bool retain)
    {
        if (retain)
            return QStringLiteral("transformers may not publish retained messages");
        const auto reserved = [&topic](const QString &prefix) {
            return topic == prefix || topic.startsWith(prefix + QLatin1Char('/'));
        };
        if (reserved(QStringLiteral("/info")) || reserved(QStringLiteral("/change"))
            || reserved(QStringLiteral("/mysql-sync")))
            return QStringLiteral("transformers may not publish on the sync protocol's topic %1").arg(topic.left(96));
        if (topic.isEmpty() || topic.contains(QLatin1Char('+')) || topic.contains(QLatin1Char('#')))
            return QStringLiteral("\"%1\" is not a topic to publish on").arg(topic.left(96));
        return {};
    }

    bool publish(const QString &topic, const QByteArray &payload, int qos, bool retain, QString *error) override
    {
        const QString refused = refusal(topic, retain);
        if (!refused.isEmpty()) {
            *error = refused;
            return false;
        }
        if (m_ctx.mqtt && m_ctx.mqtt->publish(topic, payload, qos, false))
            return true;
        *error = QStringLiteral("not connected to the broker");
        return false;
    }

private:
    EngineContext &m_ctx;
};

} // namespace mysqlsync
