#include "feed/FeedServer.h"

#include "common/Logging.h"
#include "feed/FeedClient.h"
#include "feed/FeedDatabase.h"
#include "feed/FeedJwt.h"
#include "feed/FeedPublish.h"
#include "feed/FeedStream.h"
#include "feed/HttpListener.h"
#include "feed/SocketIoSession.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

namespace mysqlsync {

namespace {
constexpr int kAuthTimeoutMs = 10000; // a client without a token is closed after this
constexpr int kPolicyViolation = 1008;
constexpr int kInternalError = 1011;
} // namespace

FeedServer::FeedServer(const Config &config, FeedDatabase *db, FeedStream *stream, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_db(db)
    , m_stream(stream)
    , m_listener(new HttpListener(this))
{
    connect(m_listener, &HttpListener::newWebSocketConnection, this, &FeedServer::accept);
    m_listener->route(QHttpServerRequest::Method::Get, QStringLiteral("/ping"),
                      [](const QHttpServerRequest &, QHttpServerResponder &responder) {
                          responder.write(QByteArrayLiteral("pong"), QByteArrayLiteral("text/plain"));
                      });
    // socket.io's HTTP long-polling transport is not served: its clients connect with
    // transports: ['websocket'] (the upgrade itself never reaches a route).
    for (const QString &path : {QStringLiteral("/socket.io/"), QStringLiteral("/socket.io")}) {
        for (auto method : {QHttpServerRequest::Method::Get, QHttpServerRequest::Method::Post})
            m_listener->route(method, path, [](const QHttpServerRequest &, QHttpServerResponder &responder) {
                responder.write(QJsonDocument(QJsonObject{{QStringLiteral("code"), 3},
                                                          {QStringLiteral("message"),
                                                           QStringLiteral("only the websocket transport is served: "
                                                                          "connect with transports: ['websocket']")}})
                                    .toJson(QJsonDocument::Compact),
                                QByteArrayLiteral("application/json"), QHttpServerResponder::StatusCode::BadRequest);
            });
    }
    m_listener->route(QHttpServerRequest::Method::Post, QStringLiteral("/publish"),
                      [this](const QHttpServerRequest &request, QHttpServerResponder &responder) {
                          const FeedPublish::Answer a =
                              FeedPublish::handle(request.body(), m_config.feed.publishToken, m_stream,
                                                  [this](const QString &table) {
                                                      const TableInfo *info = m_db->table(table);
                                                      return info && info->primaryKey >= 0 ? info->key().name
                                                                                           : QString();
                                                  });
                          responder.write(QJsonDocument(a.body).toJson(QJsonDocument::Compact),
                                          QByteArrayLiteral("application/json"),
                                          QHttpServerResponder::StatusCode(a.status));
                      });
}

FeedServer::~FeedServer()
{
    qDeleteAll(m_clients);
}

bool FeedServer::start(QString *error)
{
    const FeedConfig &f = m_config.feed;
    QString why;
    if (!m_listener->start(f.host, f.port, f.tlsCert, f.tlsKey, &why)) {
        *error = QStringLiteral("%1: feed.listen: %2").arg(m_config.filePath, why);
        return false;
    }
    qCInfo(lcFeed).noquote() << "feed listening on" << f.host << "port" << m_listener->port()
                             << (f.usesTls() ? "(wss://, https://)" : "(ws://, http://)");
    return true;
}

quint16 FeedServer::port() const
{
    return m_listener->port();
}

bool FeedServer::sameSecret(const QString &a, const QString &b)
{
    // Compared as digests, so that neither the length nor the first difference shows in the time.
    const QByteArray x = QCryptographicHash::hash(a.toUtf8(), QCryptographicHash::Sha256);
    const QByteArray y = QCryptographicHash::hash(b.toUtf8(), QCryptographicHash::Sha256);
    unsigned char diff = 0;
    for (qsizetype i = 0; i < x.size(); ++i)
        diff |= static_cast<unsigned char>(x.at(i) ^ y.at(i));
    return diff == 0;
}

void FeedServer::accept()
{
    while (m_listener->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_listener->nextPendingWebSocketConnection();
        if (!socket)
            continue;
        const QUrl url = socket->requestUrl();
        const bool socketIo = SocketIoSession::isSocketIo(url);
        const QString token =
            socketIo ? QString() : QUrlQuery(url).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
        auto *client = new FeedClient(std::move(socket), m_config.feed.clientQueue, this);
        m_clients.append(client);
        Q_EMIT clientsChanged(int(m_clients.size()));
        qCDebug(lcFeed).noquote() << "feed client" << client->peer() << "connected" << (socketIo ? "(socket.io)" : "");
        connect(client, &FeedClient::closed, this, [this, client] { remove(client); });
        if (socketIo) {
            const QString refusal = SocketIoSession::refusal(url);
            if (!refusal.isEmpty()) {
                client->refuse(QStringLiteral("bad-request"), refusal, kPolicyViolation);
                continue;
            }
            auto *session = new SocketIoSession(client);
            connect(session, &SocketIoSession::connectRequest, this,
                    [this, client](const QString &presented) { authenticate(client, presented); });
        } else {
            connect(client, &FeedClient::message, this,
                    [this, client](const QString &text) { onMessage(client, text); });
        }
        QTimer::singleShot(kAuthTimeoutMs, client, [client] {
            if (!client->isAuthenticated())
                client->refuse(QStringLiteral("unauthorized"),
                               QStringLiteral("no token within %1 s").arg(kAuthTimeoutMs / 1000), kPolicyViolation);
        });
        if (!token.isEmpty())
            authenticate(client, token);
    }
}

void FeedServer::remove(FeedClient *client)
{
    qCDebug(lcFeed).noquote() << "feed client" << client->peer() << "of user" << client->user() << "disconnected";
    m_clients.removeAll(client);
    Q_EMIT clientsChanged(int(m_clients.size()));
    m_byUser.remove(client->user(), client);
    if (client->dropped() > 0)
        ++m_droppedClients;
    client->deleteLater();
}

void FeedServer::report(FeedReport *out) const
{
    out->port = port();
    out->droppedClients = m_droppedClients;
    for (const FeedClient *c : m_clients) {
        FeedClientReport r;
        r.id = quintptr(c);
        r.user = c->user();
        r.peer = c->peer();
        r.subscriptions = c->subscriptions();
        r.sent = c->sent();
        r.dropped = c->dropped();
        r.queued = c->queued();
        out->clients.append(r);
    }
}

void FeedServer::send(FeedClient *client, const QByteArray &frame)
{
    if (!client->send(frame))
        m_byUser.remove(client->user(), client); // dropped: it gets nothing more
}

void FeedServer::onMessage(FeedClient *client, const QString &text)
{
    if (client->isClosing())
        return;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    const QJsonObject o = doc.object();
    const QString action = o.value(QStringLiteral("action")).toString();
    const QJsonValue body = o.value(QStringLiteral("body"));
    if (action == QLatin1String("secret") && body.isString() && !body.toString().isEmpty()) {
        authenticate(client, body.toString());
        return;
    }
    if (action == QLatin1String("subscribe") || action == QLatin1String("unsubscribe")) {
        subscription(client, action, body);
        return;
    }
    send(client,
         FeedClient::frame(QStringLiteral("error"),
                           QJsonObject{{QStringLiteral("error"), QStringLiteral("bad-request")},
                                       {QStringLiteral("message"),
                                        QStringLiteral("expected {\"action\": \"secret\", \"body\": token} "
                                                       "or {\"action\": \"subscribe\"/\"unsubscribe\", "
                                                       "\"body\": {\"entity\": table, \"id\": key}}")}}));
}

void FeedServer::authenticate(FeedClient *client, const QString &token)
{
    QString user;
    QString error;
    QString refusal = QStringLiteral("the token is wrong or revoked");
    FeedDatabase::Lookup lookup = FeedDatabase::Lookup::NotFound;
    if (m_config.feed.jwt) {
        // Signed tokens: the reason is the client's to know (expired, wrong signature, ...).
        if (FeedJwt::verify(token.toUtf8(), m_config.feed.jwtKey.toUtf8(), m_config.feed.jwtUserClaim,
                            QDateTime::currentSecsSinceEpoch(), &user, &error))
            lookup = FeedDatabase::Lookup::Found;
        else
            refusal = QStringLiteral("the token is invalid: ") + error;
    } else {
        lookup = m_db->userForToken(token, &user, &error);
    }
    switch (lookup) {
    case FeedDatabase::Lookup::Found:
        m_byUser.remove(client->user(), client);
        client->setUser(user);
        m_byUser.insert(user, client);
        qCInfo(lcFeed).noquote() << "feed client" << client->peer() << "authenticated as user" << user;
        send(client, FeedClient::frame(QStringLiteral("authenticated"), QJsonObject{{QStringLiteral("user"), user}}));
        return;
    case FeedDatabase::Lookup::NotFound:
        qCInfo(lcFeed).noquote() << "feed client" << client->peer() << "refused:" << refusal;
        m_byUser.remove(client->user(), client);
        client->refuse(QStringLiteral("unauthorized"), refusal, kPolicyViolation);
        return;
    case FeedDatabase::Lookup::Failed:
        qCWarning(lcFeed).noquote() << "cannot check the token of feed client" << client->peer() << ":" << error;
        m_byUser.remove(client->user(), client);
        client->refuse(QStringLiteral("unavailable"), QStringLiteral("the feed cannot check tokens now"),
                       kInternalError);
        return;
    }
}

void FeedServer::subscription(FeedClient *client, const QString &action, const QJsonValue &body)
{
    const QJsonObject o = body.toObject();
    const QString table = o.value(QStringLiteral("entity")).toString();
    const QJsonValue id = o.value(QStringLiteral("id"));
    auto error = [&](const QString &code, const QString &message) {
        send(client,
             FeedClient::frame(QStringLiteral("error"),
                               QJsonObject{{QStringLiteral("error"), code},
                                           {QStringLiteral("message"), message},
                                           {QStringLiteral("action"), action}}));
    };
    if (!client->isAuthenticated())
        return error(QStringLiteral("unauthorized"), QStringLiteral("present a token first"));
    if (!body.isObject() || table.isEmpty() || !(id.isUndefined() || id.isString() || id.isDouble()))
        return error(QStringLiteral("bad-request"),
                     QStringLiteral("expected a body {\"entity\": table} or {\"entity\": table, \"id\": key}"));
    const QString key = id.isUndefined() ? QString() : FeedRouting::userId(id);
    if (!id.isUndefined() && key.isEmpty())
        return error(QStringLiteral("bad-request"), QStringLiteral("expected \"id\" as a string or an integer"));
    if (!m_config.feed.routing.contains(table))
        return error(QStringLiteral("unknown-entity"),
                     QStringLiteral("the feed pushes no rows of \"%1\"").arg(table.left(64)));
    if (action == QLatin1String("subscribe"))
        client->subscribe(table, key);
    else
        client->unsubscribe(table, key);
    QJsonObject answer{{QStringLiteral("entity"), table}};
    if (!key.isNull())
        answer.insert(QStringLiteral("id"), key);
    send(client, FeedClient::frame(action + QLatin1Char('d'), answer));
}

void FeedServer::deliver(const QString &table, const QString &key, const FeedDelivery &delivery,
                         const QByteArray &change, const QByteArray &gone)
{
    const QList<FeedClient *> clients = m_clients;
    if (delivery.everyone) {
        for (FeedClient *c : clients) {
            if (c->isAuthenticated() && !c->isClosing() && c->wants(table, key))
                send(c, change);
        }
        return;
    }
    for (const QString &user : delivery.to) {
        for (FeedClient *c : m_byUser.values(user)) {
            if (!c->isClosing() && c->wants(table, key))
                send(c, change);
        }
    }
    for (const QString &user : delivery.gone) {
        for (FeedClient *c : m_byUser.values(user)) {
            if (!c->isClosing() && c->wants(table, key))
                send(c, gone);
        }
    }
}

} // namespace mysqlsync
