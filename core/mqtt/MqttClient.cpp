#include "mqtt/MqttClient.h"

#include "common/Logging.h"
#include "mqtt/NoDelay.h"
#include "protocol/Messages.h"
#include "security/TlsProbe.h"

#include <mqtt/async_client.h>

#include <QDeadlineTimer>
#include <QMetaObject>
#include <QMutexLocker>
#include <QUrl>

#include <utility>


namespace mysqlsync {

namespace {

// Forwards the result of an asynchronous Paho action to a callable.
class Listener : public mqtt::iaction_listener {
public:
    using Callback = std::function<void(bool ok, int rc, int reason, const QString &message)>;
    explicit Listener(Callback cb)
        : m_cb(std::move(cb))
    { }
    void on_success(const mqtt::token &) override { m_cb(true, 0, 0, {}); }
    void on_failure(const mqtt::token &tok) override
    {
        m_cb(false, tok.get_return_code(), int(tok.get_reason_code()), QString());
    }

private:
    Callback m_cb;
};

// A subscription whose SUBACK grants some topics but refuses others (0x80) is a failure too:
// Paho reports it as a success for more than one topic.
class SubscribeListener : public Listener {
public:
    explicit SubscribeListener(Callback cb)
        : Listener(cb)
        , m_callback(std::move(cb))
    { }
    void on_success(const mqtt::token &tok) override
    {
        try {
            const mqtt::subscribe_response response = tok.get_subscribe_response();
            for (mqtt::ReasonCode rc : response.get_reason_codes()) {
                if (int(rc) >= 0x80) {
                    m_callback(false, 0, int(rc),
                               QStringLiteral("the broker's ACL does not allow this client to "
                                              "subscribe (SUBACK 0x%1)")
                                   .arg(int(rc), 0, 16));
                    return;
                }
            }
        } catch (const std::exception &) { }
        m_callback(true, 0, 0, {});
    }

private:
    Callback m_callback;
};

constexpr int kDrainDelayMs = 2;
// Paho keeps every publish until its PUBACK in lists that it searches from end to end
// (message ids, delivery tokens), so the cost of a publish grows with the number waiting:
// at most this many are handed to Paho unacknowledged; the rest wait in the PublishQueue.
constexpr std::size_t kMaxUnacknowledged = 64;
constexpr int kAcknowledgeWaitMs = 500;
// Received messages waiting for the engine thread: at most this many (or this many payload
// bytes; one message always fits). Beyond that Paho's thread waits for the engine to take a
// batch, so that a flood, or an engine thread held up by a slow database, is held back in the
// broker (whose queue per client is bounded too) instead of in our memory. Paho calls us with
// its own mutex locked, and the engine thread takes that mutex in a few calls (is_connected):
// the wait is therefore short, and a message that still finds no room is dropped (counted and
// logged). That loses nothing for good: a change or receipt is sent again by its sender (a
// change stays owed until its receipt arrives), presence by the next heartbeat.
constexpr qsizetype kMaxIncoming = 2000;
constexpr qsizetype kMaxIncomingBytes = 8 * 1024 * 1024;
constexpr int kRoomWaitMs = 500;

std::string utf8(const QString &s)
{
    return s.toStdString();
}

} // namespace

MqttClient::MqttClient(const MqttConfig &config, const QString &clientName, const QStringList &subscriptions,
                       const QByteArray &will, QObject *parent)
    : Transport(parent)
    , m_config(config)
    , m_clientName(clientName)
    , m_subscriptions(subscriptions)
    , m_will(will)
    , m_retry(this)
{
    qRegisterMetaType<MqttIncoming>();
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &MqttClient::connectNow);

    const QString clientId = config.clientId.isEmpty() ? QStringLiteral("mysql-sync-") + clientName : config.clientId;
    // Paho refuses a publish (MQTTASYNC_MAX_BUFFERED_MESSAGES, -12) while more than
    // maxBufferedMessages (default 100) publishes wait for its sending thread, and one batch
    // of changes (batchSize per remote, plus receipts) is published in one go: allow far more.
    mqtt::create_options createOptions(MQTTVERSION_3_1_1);
    createOptions.set_max_buffered_messages(60000);
    m_client = std::make_unique<mqtt::async_client>(utf8(config.uri()), utf8(clientId), createOptions);
    m_publisher = std::make_unique<PublishQueue>([this](const OutgoingMessage &m) { send(m); });

    // Paho's thread: copy out, hand over, return quickly.
    m_client->set_connected_handler([this](const std::string &) {
        QMetaObject::invokeMethod(
            this, [this] { onConnected(); }, Qt::QueuedConnection);
    });
    m_client->set_connection_lost_handler([this](const std::string &cause) {
        const QString reason =
            cause.empty() ? QStringLiteral("connection to the broker lost") : QString::fromStdString(cause);
        QMetaObject::invokeMethod(
            this, [this, reason] { onDown(reason); }, Qt::QueuedConnection);
    });
    m_client->set_message_callback([this](const mqtt::const_message_ptr &msg) {
        // A retained message is one the broker keeps and hands to every new subscription:
        // a change or receipt left there (by anyone) would be applied again at each
        // reconnect. The protocol never retains, so the engine never takes one.
        if (msg->is_retained()) {
            ignoreRetained(QString::fromStdString(msg->get_topic()).left(96));
            return;
        }
        MqttIncoming in{QString::fromStdString(msg->get_topic()),
                        QByteArray(msg->get_payload().data(), int(msg->get_payload().size()))};
        bool first;
        {
            QMutexLocker lock(&m_mutex);
            auto full = [&] {
                return !m_incoming.isEmpty()
                    && (m_incoming.size() >= kMaxIncoming || m_incomingBytes + in.payload.size() > kMaxIncomingBytes);
            };
            QDeadlineTimer deadline(kRoomWaitMs);
            while (!m_closing && full() && m_room.wait(&m_mutex, deadline)) { }
            if (full()) {
                ++m_dropped;
                return;
            }
            first = m_incoming.isEmpty();
            m_incomingBytes += in.payload.size();
            m_incoming.append(std::move(in));
        }
        // The first message of a burst schedules one hand-over a moment later, so that the
        // engine takes the burst as one batch (one transaction, one statement) instead of many.
        if (first)
            QMetaObject::invokeMethod(
                this, [this] { QTimer::singleShot(kDrainDelayMs, this, [this] { drain(); }); }, Qt::QueuedConnection);
    });
}

MqttClient::~MqttClient()
{
    releaseWaiters();
    m_retry.stop();
    m_publisher.reset(); // no publish after this point
    if (m_client) {
        // Paho refuses to change callbacks while a connect is in progress (it throws):
        // let the connect finish, disconnect, then detach.
        try {
            if (m_connectToken)
                m_connectToken->wait_for(std::chrono::milliseconds(m_config.connectTimeoutMs + 1000));
        } catch (const mqtt::exception &) { }
        try {
            if (m_client->is_connected())
                m_client->disconnect(0)->wait_for(std::chrono::seconds(2));
        } catch (const mqtt::exception &) { }
        try {
            m_client->disable_callbacks();
        } catch (const mqtt::exception &) { }
    }
}

QString MqttClient::brokerDescription() const
{
    return m_config.uris().join(QStringLiteral(", "));
}

void MqttClient::start()
{
    m_stopping = false;
    {
        QMutexLocker lock(&m_mutex);
        m_closing = false;
    }
    connectNow();
}

void MqttClient::connectNow()
{
    if (m_stopping || m_connecting || m_client->is_connected())
        return;
    mqtt::connect_options opts;
    opts.set_mqtt_version(MQTTVERSION_3_1_1);
    opts.set_clean_session(m_config.clean);
    opts.set_keep_alive_interval(m_config.keepaliveSeconds);
    opts.set_connect_timeout(std::max(1, m_config.connectTimeoutMs / 1000));
    const int retrySeconds = std::max(1, m_config.reconnectPeriodMs / 1000);
    opts.set_automatic_reconnect(retrySeconds, std::max(retrySeconds, 30));
    opts.set_max_inflight(4096);
    if (!m_config.username.isEmpty())
        opts.set_user_name(utf8(m_config.username));
    if (!m_config.password.isEmpty())
        opts.set_password(utf8(m_config.password));
    const QStringList uris = m_config.uris();
    if (uris.size() > 1) {
        auto servers = std::make_shared<mqtt::string_collection>();
        for (const QString &uri : uris)
            servers->push_back(utf8(uri));
        opts.set_servers(servers);
    }
    if (!m_will.isEmpty()) {
        mqtt::will_options will(utf8(topics::info()), m_will.constData(), size_t(m_will.size()), 1, false);
        opts.set_will(will);
    }
    if (m_config.usesTls() || uris.join(QString()).contains(QLatin1String("ssl://"))
        || uris.join(QString()).contains(QLatin1String("wss://"))) {
        mqtt::ssl_options ssl;
        if (!m_config.tls.ca.isEmpty())
            ssl.set_trust_store(utf8(m_config.tls.ca));
        if (!m_config.tls.cert.isEmpty())
            ssl.set_key_store(utf8(m_config.tls.cert));
        if (!m_config.tls.key.isEmpty())
            ssl.set_private_key(utf8(m_config.tls.key));
        ssl.set_enable_server_cert_auth(m_config.tls.rejectUnauthorized);
        ssl.set_verify(m_config.tls.rejectUnauthorized);
        ssl.set_ssl_version(MQTT_SSL_VERSION_TLS_1_2); // the minimum
        // No ssl_options::set_error_handler: Paho C++ 1.2.0 calls it through a dangling
        // context (seen crashing); a failed handshake is explained by TlsProbe instead.
        opts.set_ssl(ssl);
    }

    m_connecting = true;
    qCInfo(lcMqtt).noquote() << "connecting to" << brokerDescription();
    auto listener = std::make_shared<Listener>([this](bool ok, int rc, int reason, const QString &message) {
        QMetaObject::invokeMethod(
            this,
            [this, ok, rc, reason, message] {
                m_connecting = false;
                if (!ok)
                    onDown(diagnoseTls(rc, describeFailure(rc, reason, message)));
                // success: the connected handler takes over
            },
            Qt::QueuedConnection);
    });
    try {
        m_connectToken = m_client->connect(opts, nullptr, *listener);
        m_connectListener = listener; // Paho keeps only a reference
    } catch (const mqtt::exception &e) {
        m_connecting = false;
        onDown(describeFailure(e.get_return_code(), int(e.get_reason_code()), QString::fromUtf8(e.what())));
    }
}

void MqttClient::onConnected()
{
    ++m_connection;
    m_connecting = false;
    m_tlsDiagnosis.clear();
    qCInfo(lcMqtt).noquote() << "connected to" << brokerDescription();
    QList<int> ports;
    for (const QString &uri : m_config.uris())
        ports << QUrl(uri).port();
    disableNagle(ports);
    if (m_subscriptions.isEmpty()) {
        onSubscribed(true, QString());
        return;
    }
    std::vector<std::string> topicsList;
    for (const QString &t : m_subscriptions)
        topicsList.push_back(utf8(t));
    auto filters = mqtt::string_collection::create(topicsList);
    std::vector<int> qos(topicsList.size(), 1);
    auto listener = std::make_shared<SubscribeListener>([this](bool ok, int rc, int reason, const QString &message) {
        const QString error = ok            ? QString()
            : rc == 0 && !message.isEmpty() ? message
                                            : describeFailure(rc, reason, message);
        QMetaObject::invokeMethod(
            this, [this, ok, error] { onSubscribed(ok, error); }, Qt::QueuedConnection);
    });
    m_subscribeListener = listener;
    try {
        m_client->subscribe(filters, qos, nullptr, *listener);
    } catch (const mqtt::exception &e) {
        onSubscribed(false, QString::fromUtf8(e.what()));
    }
}

void MqttClient::onSubscribed(bool ok, const QString &error)
{
    if (!ok) {
        const QString message = QStringLiteral("broker %1 refused the subscriptions (%2): %3")
                                    .arg(brokerDescription(), m_subscriptions.join(QStringLiteral(", ")), error);
        qCWarning(lcMqtt).noquote() << message;
        Q_EMIT errorOccurred(message);
        // Without our subscriptions we would miss receipts: drop the connection and retry.
        try {
            m_client->disconnect();
        } catch (const mqtt::exception &) { }
        onDown(message);
        return;
    }
    if (!m_client->is_connected())
        return;
    m_ready = true;
    qCInfo(lcMqtt).noquote() << "subscribed to" << m_subscriptions.join(QStringLiteral(", "));
    Q_EMIT ready();
    subscribeOptional();
}

void MqttClient::subscribeOptional()
{
    if (m_optional.isEmpty())
        return;
    std::vector<std::string> topicsList;
    for (const QString &t : m_optional)
        topicsList.push_back(utf8(t));
    auto filters = mqtt::string_collection::create(topicsList);
    std::vector<int> qos(topicsList.size(), 1);
    const int connection = m_connection.load();
    auto listener =
        std::make_shared<SubscribeListener>([this, connection](bool ok, int rc, int reason, const QString &message) {
            const QString error = ok            ? QString()
                : rc == 0 && !message.isEmpty() ? message
                                                : describeFailure(rc, reason, message);
            QMetaObject::invokeMethod(
                this,
                [this, ok, error, connection] {
                    if (connection != m_connection.load() || !m_ready.load())
                        return; // an answer about a connection that is gone
                    if (!ok) {
                        if (!m_optionalRefusalLogged)
                            qCWarning(lcMqtt).noquote() << "broker" << brokerDescription() << "refused"
                                                        << m_optional.join(QStringLiteral(", ")) << "(" << error
                                                        << "): the fast path between engines stays off; setup-broker "
                                                           "writes an ACL that allows it";
                        m_optionalRefusalLogged = true;
                        return;
                    }
                    m_optionalReady = true;
                    qCInfo(lcMqtt).noquote() << "subscribed to" << m_optional.join(QStringLiteral(", "));
                    Q_EMIT optionalSubscribed();
                },
                Qt::QueuedConnection);
        });
    m_optionalListener = listener;
    try {
        m_client->subscribe(filters, qos, nullptr, *listener);
    } catch (const mqtt::exception &e) {
        qCWarning(lcMqtt).noquote() << "cannot subscribe to" << m_optional.join(QStringLiteral(", ")) << ":"
                                    << e.what();
    }
}

void MqttClient::onDown(const QString &reason)
{
    ++m_connection;
    m_ready = false;
    m_optionalReady = false;
    m_publisher->clear(); // Paho would refuse them; the outbox sends them again
    if (m_stopping)
        return;
    qCWarning(lcMqtt).noquote() << "broker" << brokerDescription() << ":" << reason;
    Q_EMIT down(reason);
    // Paho reconnects by itself once a connection has existed; a first connection
    // that failed is retried here.
    if (!m_client->is_connected() && !m_retry.isActive())
        m_retry.start(std::max(1000, m_config.reconnectPeriodMs));
}

void MqttClient::ignoreRetained(const QString &topic)
{
    // On Paho's thread: counted under the queue's mutex, nothing queued per message.
    QMutexLocker lock(&m_mutex);
    ++m_retainedIgnored;
    // Once a minute at most: a broker full of retained messages must not flood the log.
    if (!m_retainedLogged.isValid() || m_retainedLogged.hasExpired(60000)) {
        m_retainedLogged.start();
        qCWarning(lcMqtt).noquote() << "ignored a retained message on" << topic << "(" << m_retainedIgnored
                                    << "so far): the protocol never retains; clear it on the broker";
    }
}

void MqttClient::releaseWaiters()
{
    QMutexLocker lock(&m_mutex);
    m_closing = true;
    m_room.wakeAll();
}

void MqttClient::drain()
{
    QList<MqttIncoming> batch;
    qint64 dropped = 0;
    {
        QMutexLocker lock(&m_mutex);
        batch.swap(m_incoming);
        m_incomingBytes = 0;
        dropped = std::exchange(m_dropped, 0);
        m_room.wakeAll();
    }
    if (dropped > 0)
        qCWarning(lcMqtt).noquote() << "dropped" << dropped << "incoming message(s): the engine could not keep up with "
                                    << "what arrived (their senders send them again)";
    if (!batch.isEmpty())
        Q_EMIT messagesArrived(batch);
}

bool MqttClient::publish(const QString &topic, const QByteArray &payload, int qos, bool retain)
{
    if (!m_ready)
        return false;
    m_publisher->push({utf8(topic), payload, qos, retain});
    return true;
}

void MqttClient::send(const OutgoingMessage &message)
{
    // On the publish queue's thread. A message Paho refuses is not lost: what it carried is
    // owed in the outbox and sent again.
    const int connection = m_connection.load();
    if (connection != m_unacknowledgedConnection) {
        m_unacknowledgedConnection = connection; // tokens of a connection that is gone never complete
        m_unacknowledged.clear();
    }
    while (!m_unacknowledged.empty() && m_unacknowledged.front()->is_complete())
        m_unacknowledged.pop_front();
    if (m_unacknowledged.size() >= kMaxUnacknowledged) {
        try {
            m_unacknowledged.front()->wait_for(std::chrono::milliseconds(kAcknowledgeWaitMs));
        } catch (const mqtt::exception &) {
            // failed: its change is resent from the outbox
        }
        m_unacknowledged.pop_front();
    }
    try {
        mqtt::delivery_token_ptr token = m_client->publish(message.topic, message.payload.constData(),
                                                           size_t(message.payload.size()), message.qos, message.retain);
        if (message.qos > 0)
            m_unacknowledged.push_back(std::move(token));
    } catch (const mqtt::exception &e) {
        qCWarning(lcMqtt).noquote() << "publish on" << QString::fromStdString(message.topic) << "failed:" << e.what();
    }
}

void MqttClient::stop(const QByteArray &farewell, int timeoutMs)
{
    m_stopping = true;
    releaseWaiters(); // what arrives now is not handled any more
    m_retry.stop();
    if (!m_client->is_connected())
        return;
    m_publisher->waitUntilEmpty(timeoutMs); // what is in flight goes out first
    try {
        if (!farewell.isEmpty())
            m_client->publish(utf8(topics::info()), farewell.constData(), size_t(farewell.size()), 1, false)
                ->wait_for(std::chrono::milliseconds(timeoutMs));
        m_client->disconnect(timeoutMs)->wait_for(std::chrono::milliseconds(timeoutMs));
    } catch (const mqtt::exception &e) {
        qCWarning(lcMqtt).noquote() << "clean disconnect failed:" << e.what();
    }
    m_ready = false;
}

QString MqttClient::describeFailure(int returnCode, int reasonCode, const QString &what)
{
    switch (returnCode) {
    case 1:
        return QStringLiteral("the broker refused the connection: unacceptable protocol version");
    case 2:
        return QStringLiteral("the broker refused the connection: client identifier rejected (mqttConfig.clientId)");
    case 3:
        return QStringLiteral("the broker refused the connection: server unavailable");
    case 4:
        return QStringLiteral(
            "the broker refused the connection: bad user name or password (mqttConfig.username / password)");
    case 5:
        return QStringLiteral("the broker refused the connection: not authorised: wrong user name or password "
                              "(mqttConfig.username / password), or the broker does not let this user connect");
    default:
        break;
    }
    QString text = what.trimmed();
    if (text.isEmpty())
        text = QString::fromUtf8(MQTTAsync_strerror(returnCode));
    Q_UNUSED(reasonCode);
    return QStringLiteral("cannot connect: %1 (code %2)").arg(text).arg(returnCode);
}

QString MqttClient::diagnoseTls(int returnCode, const QString &fallback)
{
    // A CONNACK refusal (1..5) is the broker's answer, not a TLS problem.
    if (!m_config.usesTls() || (returnCode >= 1 && returnCode <= 5))
        return fallback;
    if (m_tlsDiagnosis.isEmpty()) {
        TlsProbeOptions probe;
        probe.host = m_config.host;
        probe.port = m_config.port > 0 ? m_config.port : m_config.protocol == QLatin1String("wss") ? 443 : 8883;
        probe.caFile = m_config.tls.ca;
        probe.certFile = m_config.tls.cert;
        probe.keyFile = m_config.tls.key;
        probe.verifyPeer = m_config.tls.rejectUnauthorized;
        probe.timeoutMs = std::clamp(m_config.connectTimeoutMs, 1000, 10000);
        QString message;
        const TlsProbe::Result result = TlsProbe::probe(probe, &message);
        if (result == TlsProbe::Result::Ok || result == TlsProbe::Result::Unreachable)
            return fallback;
        m_tlsDiagnosis = QStringLiteral("cannot connect over TLS: ") + message;
    }
    return m_tlsDiagnosis;
}

} // namespace mysqlsync
