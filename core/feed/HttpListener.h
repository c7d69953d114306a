#pragma once
// One listening port for HTTP and WebSocket (Qt HttpServer 6.4 hands the WebSocket upgrades
// over: newWebSocketConnection / nextPendingWebSocketConnection, for a request that
// handleRequest() accepts without writing, which it does for every upgrade, on any path). Other parts register their
// routes on it (the feed: /ping, /publish); a path without a route answers 404, a known path
// with another method 405. With a certificate and key it speaks TLS only (https://, wss://).
#include <QAbstractHttpServer>
#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QString>

#include <functional>

namespace mysqlsync {

class HttpListener : public QAbstractHttpServer {
    Q_OBJECT
public:
    using Handler = std::function<void(const QHttpServerRequest &request, QHttpServerResponder &responder)>;

    // Connections the kernel may hold for the listener before it takes them (capped by the
    // kernel's somaxconn): room for every client of a feed coming back at once.
    static constexpr int kListenBacklog = 1024;

    explicit HttpListener(QObject *parent = nullptr);

    // `path` exactly (no patterns); a second route for the same method and path replaces the first.
    void route(QHttpServerRequest::Method method, const QString &path, const Handler &handler);
    // Listens on host:port ("localhost", "*" or an IP address; port 0: any free one), with TLS
    // when `certFile` is not empty. False with `error` naming the address and the reason.
    bool start(const QString &host, int port, const QString &certFile, const QString &keyFile, QString *error);
    quint16 port() const { return m_port; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    QHash<QString, QHash<int, Handler>> m_routes; // path -> method -> handler
    quint16 m_port = 0;
};

} // namespace mysqlsync
