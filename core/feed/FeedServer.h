#pragma once
// The feed's clients (docs/protocol.md, "Live feed"): takes the WebSocket connections the
// HttpListener hands over, authenticates each by its token (`{"action":"secret"}` or ?token=,
// looked up by FeedDatabase), keeps its subscriptions, and delivers what FeedStream routes.
// Serves GET /ping and POST /publish on the same listener. Lives on the feed's thread.
#include "config/Config.h"
#include "feed/FeedReport.h"
#include "feed/FeedRouting.h"

#include <QByteArray>
#include <QList>
#include <QMultiHash>
#include <QObject>
#include <QString>

namespace mysqlsync {

class FeedClient;
class FeedDatabase;
class FeedStream;
class HttpListener;

class FeedServer : public QObject {
    Q_OBJECT
public:
    FeedServer(const Config &config, FeedDatabase *db, FeedStream *stream, QObject *parent = nullptr);
    ~FeedServer() override;

    // Listens as feed.listen and feed.tls say; false with `error` naming the problem.
    bool start(QString *error);
    quint16 port() const;
    HttpListener *listener() const { return m_listener; }

    // FeedStream's delivery: `change` to the clients routed and subscribed, `gone` to those
    // the row left.
    void deliver(const QString &table, const QString &key, const FeedDelivery &delivery, const QByteArray &change,
                 const QByteArray &gone);
    int clientCount() const { return int(m_clients.size()); }
    // Its clients now, and how many were dropped for not keeping up (FeedReport).
    void report(FeedReport *out) const;

    // Whether two secrets are equal, in time independent of where they differ.
    static bool sameSecret(const QString &a, const QString &b);

Q_SIGNALS:
    // The number of open WebSocket connections changed (authenticated or not yet).
    void clientsChanged(int count);

private:
    void accept();
    void onMessage(FeedClient *client, const QString &text);
    void authenticate(FeedClient *client, const QString &token);
    void subscription(FeedClient *client, const QString &action, const QJsonValue &body);
    void remove(FeedClient *client);
    void send(FeedClient *client, const QByteArray &frame);

    Config m_config;
    FeedDatabase *m_db;
    FeedStream *m_stream;
    HttpListener *m_listener;
    QList<FeedClient *> m_clients;
    QMultiHash<QString, FeedClient *> m_byUser; // authenticated clients by user id
    qint64 m_droppedClients = 0;
};

} // namespace mysqlsync
