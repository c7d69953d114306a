#pragma once
// Raw MQTT for tests, through the mosquitto_pub / mosquitto_sub command line clients.
#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include "Servers.h"

namespace testsupport {

// Where, and as whom, mosquitto_pub / mosquitto_sub connect: the harness broker (no login), or
// a broker of a test's own with a login (e.g. --cafile F --cert F --key F -u NAME -P PASSWORD).
struct MqttEndpoint {
    int port = 0;
    QStringList options; // added to every mosquitto_pub / mosquitto_sub command line
    MqttEndpoint(const Servers &servers)
        : port(servers.mqttPort)
    { } // NOLINT: implicit on purpose
    MqttEndpoint(int brokerPort, const QStringList &clientOptions)
        : port(brokerPort)
        , options(clientOptions)
    { }
};

// Publishes one message (any bytes; empty payload: a zero-length message, which with
// retain clears a retained message) to the harness broker and waits until
// mosquitto_pub is done. False (with a qWarning) on failure.
bool mqttPublish(const MqttEndpoint &endpoint, const QString &topic, const QByteArray &payload, int qos = 1,
                 bool retain = false);

// Publishes every element of `payloads` (none may contain a newline) as one message to `topic`,
// in order, through one `mosquitto_pub -l` that reads them from stdin, one a line: tens of
// thousands of messages a second. Waits until all are published (at most timeoutMs).
bool mqttPublishLines(const Servers &servers, const QString &topic, const QList<QByteArray> &payloads, int qos = 1,
                      int timeoutMs = 300000);

// Runs `mosquitto_sub -h 127.0.0.1 -p PORT -v -t TOPIC...` in the background and
// collects its output lines ("topic payload"; a payload with newlines spans lines).
class MqttSubscriber : public QObject {
    Q_OBJECT
public:
    // Returns once the subscription is active (isReady()): it publishes probe messages to a
    // topic of its own, also subscribed, until one comes back (at most 15 s).
    MqttSubscriber(const Servers &servers, const QStringList &topics, int qos = 1, QObject *parent = nullptr);
    MqttSubscriber(const Servers &servers, const QString &topic, int qos = 1, QObject *parent = nullptr)
        : MqttSubscriber(servers, QStringList{topic}, qos, parent)
    { }
    // As `login` (which must be allowed to read `probeTopic`; it is subscribed too): the
    // probes are published by `prober` to `probeTopic`, for a broker whose ACL gives no
    // topic of its own to a test, or that takes the user name as the client id (then
    // `prober` must be another login). Lines of other messages on `probeTopic` are kept.
    MqttSubscriber(const MqttEndpoint &login, const QStringList &topics, const MqttEndpoint &prober,
                   const QString &probeTopic, int qos = 1, QObject *parent = nullptr);
    ~MqttSubscriber() override;

    bool isReady() const { return m_ready; }
    bool isRunning() const; // false e.g. after the broker went away

    QStringList lines() const; // every line so far, probe messages left out
    QStringList lines(const QString &contains) const;
    int count(const QString &contains) const;
    // Spins the event loop until a line containing `contains` arrived (or is there already).
    bool waitForLine(const QString &contains, int timeoutMs);
    void clear();
    QByteArray errorOutput() const { return m_stderr; }

private:
    void readOutput();

    QProcess *m_process = nullptr;
    QString m_probeTopic;
    QString m_probeLine; // how a probe's line starts: "TOPIC probe-ID-"
    QByteArray m_partial;
    QStringList m_lines;
    QByteArray m_stderr;
    bool m_ready = false;
};

} // namespace testsupport
