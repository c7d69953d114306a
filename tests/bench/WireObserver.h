#pragma once
// What crosses the broker between site_a (the sender) and site_b, seen by a Paho client of
// the benchmark's own: messages, payload bytes (exact, binary zlib payloads included), the
// MQTT bytes of one link (the PUBLISH packet and its acknowledgement) and the rows they carry,
// per kind of message. Subscribes to /change/{receiver}, /info/{sender} and /mysql-sync/#
// at QoS 2, so that each message arrives at the QoS it was published with.
#include <QByteArray>
#include <QString>

#include <array>
#include <memory>
#include <mutex>

namespace mqtt {
class async_client;
}

namespace bench {

class WireObserver {
public:
    enum Kind { RowChange, RowReceipt, BatchChange, BatchReceipt, Hello, Other, KindCount };
    struct Count {
        qint64 messages = 0;
        qint64 payloadBytes = 0; // as published (compressed where it was)
        qint64 jsonBytes = 0;    // the JSON inside (uncompressed)
        qint64 linkBytes = 0;    // PUBLISH packet + PUBACK (QoS 1) on one client-broker link
        qint64 rows = 0;         // rows (changes or receipts) the messages carry
        qint64 compressed = 0;   // messages that were "zlib:" framed
        qint64 unreadable = 0;   // payloads that could not be read (rows unknown)
    };

    WireObserver(int port, const QString &sender, const QString &receiver);
    ~WireObserver();
    WireObserver(const WireObserver &) = delete;
    WireObserver &operator=(const WireObserver &) = delete;

    // Connects and subscribes; false with *error when that failed within 10 s.
    bool start(QString *error);
    void stop();
    Count count(Kind kind) const;
    // The first row of the first change batch seen (its JSON), to show what a row costs.
    QByteArray sampleBatchRow() const;
    static QString name(Kind kind);

private:
    void received(const std::string &topic, const std::string &payload, int qos);
    Kind kindOf(const std::string &topic) const;

    int m_port;
    QString m_sender, m_receiver;
    std::unique_ptr<mqtt::async_client> m_client;
    mutable std::mutex m_mutex;
    std::array<Count, KindCount> m_counts{};
    QByteArray m_sample;
};

} // namespace bench
