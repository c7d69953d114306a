#pragma once
// context.mqtt.publish for transformers: through the engine's own broker connection.
#include "engine/EngineContext.h"
#include "mqtt/MqttClient.h"
#include "transform/TransformServices.h"

namespace mysqlsync {

class MqttTransformPublisher : public TransformPublisher {
public:
    explicit MqttTransformPublisher(EngineContext &context) : m_ctx(context) {}

    bool publish(const QString &topic, const QByteArray &payload, int qos, bool retain, QString *error) override
    {
        if (m_ctx.mqtt && m_ctx.mqtt->publish(topic, payload, qos, retain))
            return true;
        *error = QStringLiteral("not connected to the broker");
        return false;
    }

private:
    EngineContext &m_ctx;
};

} // namespace mysqlsync
