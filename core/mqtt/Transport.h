#pragma once
// What the engine needs of its broker connection: publish, whether publishing reaches the
// remotes now, and signals for the connection's state and the messages that arrive.
// MqttClient (Paho) is the real one; tests give the engine's parts a fake (no broker).
#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace mysqlsync {

struct MqttIncoming {
    QString topic;
    QByteArray payload;
};

class Transport : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~Transport() override = default;

    // Connected and subscribed: publishing now reaches the remotes. Any thread.
    virtual bool isReady() const = 0;
    // QoS 1 unless said otherwise, in order. False (and nothing sent) when not ready.
    // Any thread.
    virtual bool publish(const QString &topic, const QByteArray &payload, int qos = 1, bool retain = false) = 0;
    // The optional subscriptions (the extension channel's) were granted on this connection.
    // A broker whose ACL refuses them still serves the required ones. Any thread.
    virtual bool optionalReady() const { return false; }
    // The broker, for logs and the app ("mqtt://host:1883").
    virtual QString brokerDescription() const = 0;

Q_SIGNALS:
    void ready();                     // connected and subscribed (again)
    void optionalSubscribed();        // optionalReady() became true
    void down(const QString &reason); // connection lost or a connect attempt failed
    void messagesArrived(const QList<mysqlsync::MqttIncoming> &messages);
    void errorOccurred(const QString &message);
};

} // namespace mysqlsync

Q_DECLARE_METATYPE(mysqlsync::MqttIncoming)
