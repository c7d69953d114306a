#pragma once
// A Transport without a broker, for unit tests of the engine's parts: it records what is
// published and is ready or not as the test says.
#include "mqtt/Transport.h"

#include <QList>

namespace mysqlsync::testsupport {

class FakeTransport : public Transport {
    Q_OBJECT
public:
    struct Published {
        QString topic;
        QByteArray payload;
        int qos = 1;
        bool retain = false;
    };

    bool isReady() const override { return m_ready; }
    // The extension channel's subscriptions: taken only when the test says so.
    bool optionalReady() const override { return m_ready && m_optional; }
    void setOptionalReady(bool ready) { m_optional = ready; }
    bool publish(const QString &topic, const QByteArray &payload, int qos = 1, bool retain = false) override
    {
        if (!m_ready || m_refuse)
            return false;
        published.append({topic, payload, qos, retain});
        return true;
    }
    QString brokerDescription() const override { return QStringLiteral("fake://broker"); }

    // Ready: emits ready() when it becomes so, down() when it stops being so.
    void setReady(bool ready)
    {
        if (ready == m_ready)
            return;
        m_ready = ready;
        if (ready)
            Q_EMIT this->ready();
        else
            Q_EMIT down(QStringLiteral("fake connection closed"));
    }
    // Ready, but every publish fails (Paho refused it).
    void setRefusing(bool refuse) { m_refuse = refuse; }

    QList<Published> published;

private:
    bool m_ready = false;
    bool m_refuse = false;
    bool m_optional = false;
};

} // namespace mysqlsync::testsupport
