#include "feed/SocketIoSession.h"

#include "common/Logging.h"
#include "feed/FeedClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace mysqlsync {

namespace {

// Engine.IO v4 packet types (the first character of a WebSocket message).
constexpr char kOpen = '0';
constexpr char kClose = '1';
constexpr char kPing = '2';
constexpr char kPong = '3';
constexpr char kMessage = '4';
// Socket.IO v5 packet types (the character after kMessage).
constexpr char kConnect = '0';
constexpr char kDisconnect = '1';
constexpr char kEvent = '2';
constexpr char kAck = '3';

constexpr int kPolicyViolation = 1008;

QString randomId()
{
    QByteArray bytes(15, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 3);
    for (int i = 12; i < 15; ++i)
        bytes[i] = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// A packet's first two characters (an Engine.IO and a Socket.IO packet type).
QByteArray two(char a, char b)
{
    QByteArray p(2, a);
    p[1] = b;
    return p;
}

QByteArray json(const QJsonValue &v)
{
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

// esink's two events for one change: `{table}` and `changes`, with the same payload.
QList<QByteArray> changeEvents(const QJsonObject &body, bool gone)
{
    const QString table = body.value(QStringLiteral("table")).toString();
    QJsonObject payload{{QStringLiteral("table"), table},
                        {QStringLiteral("type"), gone ? QStringLiteral("delete") : body.value(QStringLiteral("kind"))},
                        {QStringLiteral("key"), body.value(QStringLiteral("key"))},
                        {QStringLiteral("data"),
                         gone ? QJsonValue(QJsonValue::Null) : body.value(QStringLiteral("row"))},
                        {QStringLiteral("timestamp"), body.value(QStringLiteral("time"))},
                        {QStringLiteral("source"),
                         gone ? QStringLiteral("database") : body.value(QStringLiteral("source"))},
                        {QStringLiteral("version"), 1}};
    const QByteArray prefix = two(kMessage, kEvent);
    return {prefix + json(QJsonArray{table, payload}), prefix + json(QJsonArray{QStringLiteral("changes"), payload})};
}

} // namespace

bool SocketIoSession::isSocketIo(const QUrl &url)
{
    return url.path() == QLatin1String("/socket.io/") || url.path() == QLatin1String("/socket.io");
}

QString SocketIoSession::refusal(const QUrl &url)
{
    const QUrlQuery query(url);
    if (query.queryItemValue(QStringLiteral("EIO")) != QLatin1String("4"))
        return QStringLiteral("unsupported protocol version: only EIO=4 (socket.io v3 and v4 clients) is served");
    if (query.queryItemValue(QStringLiteral("transport")) != QLatin1String("websocket"))
        return QStringLiteral("only the websocket transport is served (transports: ['websocket'])");
    return {};
}

SocketIoSession::SocketIoSession(FeedClient *client)
    : QObject(client)
    , m_client(client)
    , m_sid(randomId())
    , m_ioSid(randomId())
{
    client->setEncoder([this](const QByteArray &frame) { return encodeFrame(frame); });
    client->subscribeAll(); // esink's clients get every change routed to them
    connect(client, &FeedClient::message, this, &SocketIoSession::received);
    const QJsonObject open{{QStringLiteral("sid"), m_sid},
                           {QStringLiteral("upgrades"), QJsonArray()},
                           {QStringLiteral("pingInterval"), kPingIntervalMs},
                           {QStringLiteral("pingTimeout"), kPingTimeoutMs},
                           {QStringLiteral("maxPayload"), kMaxPayload}};
    client->sendRaw(QByteArray(1, kOpen) + json(open));
    m_ping.setInterval(kPingIntervalMs);
    connect(&m_ping, &QTimer::timeout, this, [this] {
        if (m_client->sendRaw(QByteArray(1, kPing)) && !m_pongTimeout.isActive())
            m_pongTimeout.start();
    });
    m_ping.start();
    m_pongTimeout.setSingleShot(true);
    m_pongTimeout.setInterval(kPingTimeoutMs);
    connect(&m_pongTimeout, &QTimer::timeout, this, [this] {
        qCInfo(lcFeed).noquote() << "socket.io client" << m_client->peer() << "did not answer a ping: closed";
        m_client->socket()->abort();
    });
}

void SocketIoSession::received(const QString &text)
{
    if (m_client->isClosing() || text.isEmpty())
        return;
    switch (text.at(0).toLatin1()) {
    case kPing: // a probe: answered
        m_client->sendRaw(QByteArray(1, kPong) + text.mid(1).toUtf8());
        return;
    case kPong:
        m_pongTimeout.stop();
        return;
    case kClose:
        m_client->socket()->close();
        return;
    case kMessage:
        packet(text.mid(1));
        return;
    default: // upgrade, noop: nothing to do on a WebSocket-only session
        return;
    }
}

void SocketIoSession::packet(const QString &packet)
{
    const char type = packet.isEmpty() ? '\0' : packet.at(0).toLatin1();
    if (type == kConnect) {
        // 40 or 40{"token": ...}; another namespace ("40/admin,...") is not served.
        QString rest = packet.mid(1);
        if (rest.startsWith(QLatin1Char('/'))) {
            const qsizetype comma = rest.indexOf(QLatin1Char(','));
            const QString nsp = comma < 0 ? rest : rest.left(comma);
            if (nsp != QLatin1String("/")) {
                m_client->sendRaw(
                    two(kMessage, '4') + nsp.left(64).toUtf8() + ','
                    + json(QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid namespace")}}));
                return;
            }
            rest = comma < 0 ? QString() : rest.mid(comma + 1);
        }
        if (m_connectAsked)
            return;
        m_connectAsked = true;
        const QJsonValue token = QJsonDocument::fromJson(rest.toUtf8()).object().value(QStringLiteral("token"));
        if (!token.isString() || token.toString().isEmpty()) {
            m_client->refuse(QStringLiteral("unauthorized"), QStringLiteral("no token in the auth object ({token})"),
                             kPolicyViolation);
            return;
        }
        Q_EMIT connectRequest(token.toString());
        return;
    }
    if (type == kDisconnect) {
        m_client->socket()->close();
        return;
    }
    if (type == kEvent || type == kAck)
        return; // clients do not publish here (esink's ALLOW_REPUBLISHING is off)
    m_client->refuse(QStringLiteral("bad-request"), QStringLiteral("unsupported socket.io packet"), kPolicyViolation);
}

QList<QByteArray> SocketIoSession::encodeFrame(const QByteArray &frame)
{
    // The feed's frames are compact JSON objects whose first key is "action": told apart
    // without parsing, so that a change shared by many clients is parsed once (encode()).
    if (!m_connected && frame.startsWith(R"({"action":"authenticated")")) {
        m_connected = true;
        qCDebug(lcFeed).noquote() << "socket.io client" << m_client->peer() << "connected";
    }
    if (m_client->isClosing() && frame.startsWith(R"({"action":"error")"))
        m_ping.stop();
    return encode(frame, m_ioSid, m_connected);
}

QList<QByteArray> SocketIoSession::encode(const QByteArray &frame, const QString &sid, bool connected)
{
    // A change goes to many clients as one shared frame: encoded once per thread.
    static thread_local QByteArray lastFrame;
    static thread_local QList<QByteArray> lastPackets;
    if (frame.constData() == lastFrame.constData() && frame.size() == lastFrame.size())
        return lastPackets;
    const QJsonObject o = QJsonDocument::fromJson(frame).object();
    const QString action = o.value(QStringLiteral("action")).toString();
    const QJsonObject body = o.value(QStringLiteral("body")).toObject();
    if (action == QLatin1String("change") || action == QLatin1String("gone")) {
        lastFrame = frame;
        lastPackets = changeEvents(body, action == QLatin1String("gone"));
        return lastPackets;
    }
    const QByteArray event = two(kMessage, kEvent);
    if (action == QLatin1String("authenticated"))
        return {two(kMessage, kConnect) + json(QJsonObject{{QStringLiteral("sid"), sid}}),
                event + json(QJsonArray{QStringLiteral("connected"), body})};
    if (action == QLatin1String("error")) {
        if (!connected) // CONNECT_ERROR: the client's connect_error, err.data the feed's code
            return {two(kMessage, '4')
                    + json(QJsonObject{{QStringLiteral("message"), body.value(QStringLiteral("message"))},
                                       {QStringLiteral("data"), body}})};
        return {event + json(QJsonArray{QStringLiteral("error"), body}), two(kMessage, kDisconnect)};
    }
    return {};
}

} // namespace mysqlsync
