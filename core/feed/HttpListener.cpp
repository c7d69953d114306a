#include "feed/HttpListener.h"

#include "common/Logging.h"

#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>

namespace mysqlsync {

HttpListener::HttpListener(QObject *parent)
    : QAbstractHttpServer(parent)
{ }

void HttpListener::route(QHttpServerRequest::Method method, const QString &path, const Handler &handler)
{
    m_routes[path].insert(int(method), handler);
}

namespace {

bool readTls(const QString &certFile, const QString &keyFile, QSslConfiguration *tls, QString *error)
{
    QFile cert(certFile);
    QFile key(keyFile);
    if (!cert.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the certificate %1: %2").arg(certFile, cert.errorString());
        return false;
    }
    if (!key.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the private key %1: %2").arg(keyFile, key.errorString());
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(cert.readAll(), QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("%1 holds no PEM certificate").arg(certFile);
        return false;
    }
    const QByteArray keyData = key.readAll();
    QSslKey privateKey(keyData, QSsl::Rsa, QSsl::Pem);
    if (privateKey.isNull())
        privateKey = QSslKey(keyData, QSsl::Ec, QSsl::Pem);
    if (privateKey.isNull()) {
        *error = QStringLiteral("%1 holds no unencrypted PEM private key (RSA or EC)").arg(keyFile);
        return false;
    }
    *tls = QSslConfiguration::defaultConfiguration();
    tls->setLocalCertificateChain(chain);
    tls->setPrivateKey(privateKey);
    tls->setPeerVerifyMode(QSslSocket::VerifyNone); // clients present tokens, not certificates
    return true;
}

} // namespace

bool HttpListener::start(const QString &host, int port, const QString &certFile, const QString &keyFile, QString *error)
{
    QHostAddress address;
    if (host == QLatin1String("localhost"))
        address = QHostAddress::LocalHost;
    else if (host == QLatin1String("*"))
        address = QHostAddress::Any;
    else if (!address.setAddress(host)) {
        *error = QStringLiteral("%1 is not an IP address (nor localhost or *)").arg(host);
        return false;
    }
    QTcpServer *server = nullptr;
    if (!certFile.isEmpty()) {
        QSslConfiguration tls;
        if (!readTls(certFile, keyFile, &tls, error))
            return false;
        auto *sslServer = new QSslServer(this);
        sslServer->setSslConfiguration(tls);
        sslServer->setHandshakeTimeout(10000);
        server = sslServer;
    } else {
        server = new QTcpServer(this);
    }
    // A feed restart brings every client back at once. Qt's defaults (a listen backlog of 50,
    // 30 connections waiting to be taken) overflow the kernel's accept queue under such a burst:
    // the dropped SYNs are retried after 1, 3, 7, 15... s, so 1,000 clients took up to 107 s to
    // come back (nstat: TcpExtListenOverflows). The kernel caps the backlog at somaxconn.
    server->setListenBacklogSize(kListenBacklog);
    server->setMaxPendingConnections(kListenBacklog);
    if (!server->listen(address, quint16(port))) {
        *error = QStringLiteral("cannot listen on %1:%2: %3").arg(host).arg(port).arg(server->errorString());
        delete server;
        return false;
    }
    m_port = server->serverPort();
    bind(server);
    return true;
}

bool HttpListener::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Qt HttpServer 6.4 hands a WebSocket upgrade over only when this returns true for it and
    // writes nothing: the handshake is then the WebSocket server's.
    if (request.value(QByteArrayLiteral("upgrade")).compare(QByteArrayLiteral("websocket"), Qt::CaseInsensitive) == 0)
        return true;
    auto path = m_routes.constFind(request.url().path());
    if (path == m_routes.cend())
        return false;
    QHttpServerResponder responder = makeResponder(request, socket);
    auto handler = path->constFind(int(request.method()));
    if (handler == path->cend()) {
        responder.write(QByteArrayLiteral("method not allowed\n"), QByteArrayLiteral("text/plain"),
                        QHttpServerResponder::StatusCode::MethodNotAllowed);
        return true;
    }
    (*handler)(request, responder);
    return true;
}

void HttpListener::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket)
        .write(QByteArrayLiteral("not found\n"), QByteArrayLiteral("text/plain"),
               QHttpServerResponder::StatusCode::NotFound);
}

} // namespace mysqlsync
