#pragma once
// The one class that knows Paho: the engine's Transport. The rest of the engine sees Qt
// signals on the thread this object lives in: Paho's callbacks run on Paho's own thread, copy
// their data by value into a queue and hand it over with a queued call.
#include "config/Config.h"
#include "mqtt/PublishQueue.h"
#include "mqtt/Transport.h"

#include <QElapsedTimer>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QTimer>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <memory>

namespace mqtt {
class async_client;
class delivery_token;
class iaction_listener;
class token;
} // namespace mqtt

namespace mysqlsync {

class MqttClient : public Transport {
    Q_OBJECT
public:
    // `will` is published by the broker on /info when we drop off.
    MqttClient(const MqttConfig &config, const QString &clientName, const QStringList &subscriptions,
               const QByteArray &will, QObject *parent = nullptr);
    ~MqttClient() override;

    // Topics subscribed after the required ones on each connection; a refusal is logged once
    // and leaves optionalReady() false. Call before start().
    void setOptionalSubscriptions(const QStringList &topics) { m_optional = topics; }
    bool optionalReady() const override { return m_optionalReady.load(); }
    // Connects in the background and keeps reconnecting until stop().
    void start();
    // Publishes `farewell` on /info (if connected), then disconnects; waits at most timeoutMs.
    void stop(const QByteArray &farewell, int timeoutMs);

    // Connected and subscribed: publishing now reaches the remotes. Any thread.
    bool isReady() const override { return m_ready.load(); }
    // QoS 1 unless said otherwise, in order, from the publish queue's thread. False (and
    // nothing sent) when not ready. Any thread (the Heartbeat's too), until stop().
    bool publish(const QString &topic, const QByteArray &payload, int qos = 1, bool retain = false) override;
    QString brokerDescription() const override;

private:
    void connectNow();
    void onConnected();
    void onSubscribed(bool ok, const QString &error);
    void subscribeOptional();
    void onDown(const QString &reason);
    void drain();
    void ignoreRetained(const QString &topic); // Paho's thread

    // Lets Paho's thread go on without waiting for room (stopping).
    void releaseWaiters();
    void send(const OutgoingMessage &message);
    static QString describeFailure(int returnCode, int reasonCode, const QString &what);
    // A failed TLS connection explained (security/TlsProbe), or `fallback`.
    QString diagnoseTls(int returnCode, const QString &fallback);

    MqttConfig m_config;
    QString m_clientName;
    QStringList m_subscriptions;
    QStringList m_optional;
    std::atomic<bool> m_optionalReady{false};
    bool m_optionalRefusalLogged = false;
    std::shared_ptr<mqtt::iaction_listener> m_optionalListener;
    QByteArray m_will;
    std::unique_ptr<mqtt::async_client> m_client;
    // Publishes Paho has not seen acknowledged yet; used by the publish thread only.
    std::deque<std::shared_ptr<mqtt::delivery_token>> m_unacknowledged;
    int m_unacknowledgedConnection = -1;       // m_connection when they were published
    std::atomic<int> m_connection{0};          // changes when a connection comes or goes
    std::unique_ptr<PublishQueue> m_publisher; // declared after m_client: stops first
    std::shared_ptr<mqtt::iaction_listener> m_connectListener;
    std::shared_ptr<mqtt::token> m_connectToken;
    std::shared_ptr<mqtt::iaction_listener> m_subscribeListener;
    QTimer m_retry;
    QElapsedTimer m_retainedLogged; // last warning about an ignored retained message
    qint64 m_retainedIgnored = 0;
    std::atomic<bool> m_ready{false}; // read by publishers on other threads
    bool m_stopping = false;
    bool m_connecting = false;

    mutable QMutex m_mutex; // guards the members below (shared with Paho's thread)
    QList<MqttIncoming> m_incoming;
    qsizetype m_incomingBytes = 0; // payload bytes in m_incoming
    qint64 m_dropped = 0;          // messages that found no room, since the last drain
    bool m_closing = false;        // Paho's thread no longer waits for room
    QWaitCondition m_room;         // drain() made room in m_incoming
    QString m_tlsDiagnosis;        // cached until the next successful connection
};

} // namespace mysqlsync
