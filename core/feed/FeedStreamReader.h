#pragma once
// A standalone feed server's input (mysql-sync feed): a broker connection of its own (its own
// client id, a clean session, no will) subscribed to the feed stream of the site its
// configuration names (/mysql-sync/{clientName}/feed, FeedStreamMessage). Each message is
// validated strictly; one refused (a topic and payload that disagree about the sender, a field
// of the wrong type) is dropped and counted, and the others go to FeedStream::streamed().
#include "config/Config.h"

#include <QObject>

#include <memory>

namespace mysqlsync {

class FeedStream;
class MqttClient;
struct MqttIncoming;

class FeedStreamReader : public QObject {
    Q_OBJECT
public:
    FeedStreamReader(const Config &config, FeedStream *stream, QObject *parent = nullptr);
    ~FeedStreamReader() override;

    // Connects in the background and keeps reconnecting until destroyed.
    void start();
    bool isReady() const;
    qint64 received() const { return m_received; }
    qint64 refused() const { return m_refused; }

Q_SIGNALS:
    void ready(); // subscribed (again)

private:
    void onMessages(const QList<mysqlsync::MqttIncoming> &messages);

    Config m_config;
    FeedStream *m_stream;
    std::unique_ptr<MqttClient> m_mqtt;
    qint64 m_received = 0;
    qint64 m_refused = 0;
};

} // namespace mysqlsync
