#include "feed/FeedClient.h"

#include "common/Logging.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mysqlsync {

namespace {
// The socket's own buffer is topped up to this much; what is beyond waits in the queue, which
// is what the client's bound counts.
constexpr qint64 kSocketBuffer = 256 * 1024;
constexpr int kCloseTimeoutMs = 2000;
} // namespace

FeedClient::FeedClient(std::unique_ptr<QWebSocket> socket, int queueBound, QObject *parent)
    : QObject(parent)
    , m_socket(std::move(socket))
    , m_bound(queueBound)
{
    m_peer = m_socket->peerAddress().toString() + QLatin1Char(':') + QString::number(m_socket->peerPort());
    m_socket->setMaxAllowedIncomingMessageSize(64 * 1024);
    m_socket->setMaxAllowedIncomingFrameSize(64 * 1024);
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &FeedClient::message);
    connect(m_socket.get(), &QWebSocket::bytesWritten, this, &FeedClient::pump);
    connect(m_socket.get(), &QWebSocket::disconnected, this, &FeedClient::closed);
    m_closeTimer.setSingleShot(true);
    connect(&m_closeTimer, &QTimer::timeout, this, [this] { m_socket->abort(); });
}

FeedClient::~FeedClient()
{
    m_socket->disconnect(this);
    m_socket->abort();
}

void FeedClient::setUser(const QString &user)
{
    m_user = user;
}

void FeedClient::subscribe(const QString &table, const QString &key)
{
    if (key.isNull())
        m_tables.insert(table);
    else
        m_keys[table].insert(key);
}

void FeedClient::unsubscribe(const QString &table, const QString &key)
{
    if (key.isNull()) {
        m_tables.remove(table);
        m_keys.remove(table);
        return;
    }
    auto it = m_keys.find(table);
    if (it != m_keys.end()) {
        it->remove(key);
        if (it->isEmpty())
            m_keys.erase(it);
    }
}

bool FeedClient::wants(const QString &table, const QString &key) const
{
    if (m_all || m_tables.contains(table))
        return true;
    auto it = m_keys.constFind(table);
    return it != m_keys.cend() && it->contains(key);
}

QByteArray FeedClient::frame(const QString &action, const QJsonValue &body)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("action"), action}, {QStringLiteral("body"), body}})
        .toJson(QJsonDocument::Compact);
}

QStringList FeedClient::subscriptions() const
{
    QStringList out(m_tables.cbegin(), m_tables.cend());
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it) {
        for (const QString &key : it.value())
            out << it.key() + QLatin1Char('/') + key;
    }
    out.sort();
    return out;
}

bool FeedClient::send(const QByteArray &frame)
{
    return enqueue(m_encoder ? m_encoder(frame) : QList<QByteArray>{frame});
}

bool FeedClient::sendRaw(const QByteArray &message)
{
    return enqueue({message});
}

bool FeedClient::enqueue(const QList<QByteArray> &messages)
{
    if (m_closing) {
        ++m_dropped;
        return false;
    }
    if (m_queue.size() >= m_bound) {
        m_dropped += m_queue.size() + 1;
        qCWarning(lcFeed).noquote() << "dropping feed client" << m_peer << "of user" << m_user << ":" << m_bound
                                    << "messages waiting, it does not keep up";
        m_queue.clear();
        refuse(QStringLiteral("too-slow"),
               QStringLiteral("dropped: %1 messages were waiting for this client, it does not keep up").arg(m_bound),
               1008);
        return false;
    }
    for (const QByteArray &m : messages)
        m_queue.enqueue(m);
    pump();
    return true;
}

void FeedClient::pump()
{
    while (!m_queue.isEmpty() && m_socket->bytesToWrite() < kSocketBuffer) {
        m_socket->sendTextMessage(QString::fromUtf8(m_queue.dequeue()));
        ++m_sent;
    }
}

void FeedClient::refuse(const QString &error, const QString &message, int closeCode)
{
    if (m_closing)
        return;
    m_closing = true;
    m_queue.clear();
    const QByteArray text = frame(QStringLiteral("error"),
                                  QJsonObject{{QStringLiteral("error"), error}, {QStringLiteral("message"), message}});
    for (const QByteArray &m : m_encoder ? m_encoder(text) : QList<QByteArray>{text})
        m_socket->sendTextMessage(QString::fromUtf8(m));
    m_socket->close(QWebSocketProtocol::CloseCode(closeCode), error);
    m_closeTimer.start(kCloseTimeoutMs);
}

} // namespace mysqlsync
