#include "feed/FeedStreamReader.h"

#include "common/ClientName.h"
#include "common/Logging.h"
#include "feed/FeedStream.h"
#include "feed/FeedStreamMessage.h"
#include "mqtt/MqttClient.h"

#include <QRandomGenerator>

namespace mysqlsync {

FeedStreamReader::FeedStreamReader(const Config &config, FeedStream *stream, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_stream(stream)
{
    MqttConfig mqtt = config.mqtt;
    mqtt.clean = true; // nothing to catch up on: the feed is at most once
    // Any number of feed servers serve one site: each has a client id of its own (unless the
    // configuration gives one), never the engine's.
    const QString name = QStringLiteral("%1-feed-%2")
                             .arg(config.clientName)
                             .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    m_mqtt = std::make_unique<MqttClient>(mqtt, name, QStringList{FeedStreamMessage::topic(config.clientName)},
                                          QByteArray());
    connect(m_mqtt.get(), &MqttClient::ready, this, [this] {
        qCInfo(lcFeed).noquote() << "feed stream subscribed:" << FeedStreamMessage::topic(m_config.clientName);
        Q_EMIT ready();
    });
    connect(m_mqtt.get(), &MqttClient::down, this,
            [](const QString &reason) { qCWarning(lcFeed).noquote() << "feed stream: the broker is away:" << reason; });
    connect(m_mqtt.get(), &MqttClient::messagesArrived, this, &FeedStreamReader::onMessages);
}

FeedStreamReader::~FeedStreamReader()
{
    if (m_mqtt)
        m_mqtt->stop(QByteArray(), 2000);
}

void FeedStreamReader::start()
{
    m_mqtt->start();
}

bool FeedStreamReader::isReady() const
{
    return m_mqtt->isReady();
}

void FeedStreamReader::onMessages(const QList<MqttIncoming> &messages)
{
    for (const MqttIncoming &m : messages) {
        StreamedChange s;
        QString error;
        if (!FeedStreamMessage::decode(m.topic, m.payload, &s, &error) || s.sender != m_config.clientName) {
            if (error.isEmpty())
                error = QStringLiteral("from another site than clientName");
            // The first few, then every thousandth: a flood must not flood the log.
            if (m_refused++ < 10 || m_refused % 1000 == 0)
                qCWarning(lcFeed).noquote()
                    << "feed stream: message on" << loggableName(m.topic.section(QLatin1Char('/'), 2, 2))
                    << "refused:" << error << QStringLiteral("(%1 so far)").arg(m_refused);
            continue;
        }
        ++m_received;
        m_stream->streamed(s.change, s.before, s.after);
    }
}

} // namespace mysqlsync
