#include "WireObserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <mqtt/async_client.h>

#include <chrono>

namespace bench {

namespace {

// Bytes of an MQTT 3.1.1 "remaining length" field.
int varintBytes(qint64 n)
{
    int bytes = 1;
    while (n >= 128) {
        n /= 128;
        ++bytes;
    }
    return bytes;
}

// The rows a payload carries: the batch's or receipt batch's "count"; -1 when unreadable.
qint64 rowsIn(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    const QJsonValue count = o.value(QStringLiteral("count"));
    return count.isDouble() ? count.toInteger(-1) : -1;
}

} // namespace

WireObserver::WireObserver(int port, const QString &sender, const QString &receiver)
    : m_port(port)
    , m_sender(sender)
    , m_receiver(receiver)
{ }

WireObserver::~WireObserver()
{
    stop();
}

QString WireObserver::name(Kind kind)
{
    switch (kind) {
    case RowChange:
        return QStringLiteral("per-row changes");
    case RowReceipt:
        return QStringLiteral("per-row receipts");
    case BatchChange:
        return QStringLiteral("change batches");
    case BatchReceipt:
        return QStringLiteral("receipt batches");
    case Hello:
        return QStringLiteral("announcements");
    case Other:
        return QStringLiteral("other /mysql-sync/ messages");
    case KindCount:
        break;
    }
    return QString();
}

WireObserver::Kind WireObserver::kindOf(const std::string &topic) const
{
    const std::string sender = m_sender.toStdString(), receiver = m_receiver.toStdString();
    if (topic == "/change/" + receiver)
        return RowChange;
    if (topic == "/info/" + sender)
        return RowReceipt;
    if (topic == "/mysql-sync/" + sender + "/batch/" + receiver)
        return BatchChange;
    if (topic == "/mysql-sync/" + receiver + "/receipts/" + sender)
        return BatchReceipt;
    if (topic.size() > 6 && topic.compare(topic.size() - 6, 6, "/hello") == 0)
        return Hello;
    return Other;
}

bool WireObserver::start(QString *error)
{
    const std::string uri = "tcp://127.0.0.1:" + std::to_string(m_port);
    const std::string id = "bench-observer-" + QUuid::createUuid().toString(QUuid::Id128).left(12).toStdString();
    mqtt::create_options create(MQTTVERSION_3_1_1);
    create.set_max_buffered_messages(100000);
    m_client = std::make_unique<mqtt::async_client>(uri, id, create);
    m_client->set_message_callback(
        [this](mqtt::const_message_ptr m) { received(m->get_topic(), m->get_payload_str(), m->get_qos()); });
    try {
        mqtt::connect_options o;
        o.set_mqtt_version(MQTTVERSION_3_1_1);
        o.set_clean_session(true);
        o.set_max_inflight(65535);
        if (!m_client->connect(o)->wait_for(std::chrono::seconds(10))) {
            *error = QStringLiteral("the observer could not connect to the broker within 10 s");
            return false;
        }
        const std::vector<std::string> topics{"/change/" + m_receiver.toStdString(), "/info/" + m_sender.toStdString(),
                                              "/mysql-sync/#"};
        if (!m_client->subscribe(mqtt::string_collection::create(topics), std::vector<int>(topics.size(), 2))
                 ->wait_for(std::chrono::seconds(10))) {
            *error = QStringLiteral("the observer's subscription was not granted within 10 s");
            return false;
        }
    } catch (const mqtt::exception &e) {
        *error = QStringLiteral("the observer: ") + QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

void WireObserver::stop()
{
    if (!m_client)
        return;
    try {
        if (m_client->is_connected())
            m_client->disconnect()->wait_for(std::chrono::seconds(5));
    } catch (const mqtt::exception &) { }
    m_client.reset();
}

void WireObserver::received(const std::string &topic, const std::string &payload, int qos)
{
    const Kind kind = kindOf(topic);
    const QByteArray bytes(payload.data(), qsizetype(payload.size()));
    QByteArray json = bytes;
    bool compressed = false;
    if (bytes.startsWith("zlib:")) {
        compressed = true;
        json = qUncompress(bytes.mid(5));
    }
    qint64 rows = 1;
    if (kind == BatchChange || kind == BatchReceipt)
        rows = rowsIn(json);
    else if (kind == Hello || kind == Other)
        rows = 0;
    // PUBLISH: fixed header (1 byte + remaining length), topic (2 + n), packet id at QoS > 0;
    // then PUBACK (QoS 1) or PUBREC + PUBREL + PUBCOMP (QoS 2), 4 bytes each.
    const qint64 remaining = 2 + qint64(topic.size()) + (qos > 0 ? 2 : 0) + qint64(payload.size());
    const qint64 link = 1 + varintBytes(remaining) + remaining + (qos == 1 ? 4 : qos == 2 ? 12 : 0);

    std::lock_guard<std::mutex> lock(m_mutex);
    Count &c = m_counts[kind];
    ++c.messages;
    c.payloadBytes += qint64(payload.size());
    c.jsonBytes += json.size();
    c.linkBytes += link;
    c.compressed += compressed ? 1 : 0;
    if (rows < 0)
        ++c.unreadable;
    else
        c.rows += rows;
    if (kind == BatchChange && m_sample.isEmpty()) {
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        const QJsonObject first = o.value(QStringLiteral("changes")).toArray().at(0).toObject();
        m_sample = QJsonDocument(first).toJson(QJsonDocument::Compact);
    }
}

WireObserver::Count WireObserver::count(Kind kind) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_counts[kind];
}

QByteArray WireObserver::sampleBatchRow() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_sample;
}

} // namespace bench
