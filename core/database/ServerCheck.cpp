#include "database/ServerCheck.h"

#include "security/TlsProbe.h"

#include <QTcpSocket>
#include <QThread>

#include <algorithm>
#include <memory>

namespace mysqlsync {

namespace {

QString where(const MysqlConfig &config)
{
    return QStringLiteral("%1@%2:%3/%4").arg(config.user, config.host).arg(config.port).arg(config.database);
}

ServerCheck unreachable(const MysqlConfig &config, const QString &why)
{
    return {ServerCheck::State::Unreachable,
            QStringLiteral("cannot connect to the database %1: %2 - the database server cannot be reached: check "
                           "mysqlConfig.host and mysqlConfig.port, and that the server is running")
                .arg(where(config), why)};
}

} // namespace

ServerCheck ServerCheck::run(const MysqlConfig &config)
{
    if (config.postgres) {
        // PostgreSQL says nothing until the client speaks: the server answers when it accepts
        // the TCP connection (libpq verifies TLS itself, sslmode verify-full).
        const PostgresConfig &pg = *config.postgres;
        QTcpSocket socket;
        socket.connectToHost(pg.host, quint16(pg.port));
        if (socket.waitForConnected(std::clamp(pg.connectTimeoutMs, 1000, 10000)))
            return {};
        return {State::Unreachable,
                QStringLiteral("cannot connect to the database %1@%2:%3/%4: %5 - the database server cannot be "
                               "reached: check postgresConfig.host and postgresConfig.port, and that the server is "
                               "running")
                    .arg(pg.user, pg.host)
                    .arg(pg.port)
                    .arg(pg.database, socket.errorString())};
    }
    if (!config.socketPath.isEmpty())
        return {}; // a local socket: nothing to resolve, no network to wait for
    const int timeoutMs = std::clamp(config.connectTimeoutMs, 1000, 10000);
    if (config.sslEnabled && config.ssl.rejectUnauthorized) {
        TlsProbeOptions probe;
        probe.host = config.host;
        probe.port = config.port;
        probe.caFile = config.ssl.ca;
        probe.certFile = config.ssl.cert;
        probe.keyFile = config.ssl.key;
        probe.timeoutMs = timeoutMs;
        probe.caKey = QStringLiteral("mysqlConfig.ssl.ca");
        probe.certKey = QStringLiteral("mysqlConfig.ssl.cert");
        probe.keyKey = QStringLiteral("mysqlConfig.ssl.key");
        probe.hostKey = QStringLiteral("mysqlConfig.host");
        probe.peer = QStringLiteral("the database server");
        probe.mysqlStartTls = true;
        QString message;
        switch (TlsProbe::probe(probe, &message)) {
        case TlsProbe::Result::Ok:
            return {};
        case TlsProbe::Result::Unreachable:
            return unreachable(config, message);
        default:
            return {State::Refused,
                    QStringLiteral("cannot connect to the database %1 over TLS: %2").arg(where(config), message)};
        }
    }
    // Without verification: the server answers when its greeting arrives.
    QTcpSocket socket;
    socket.connectToHost(config.host, quint16(config.port));
    if (!socket.waitForConnected(timeoutMs))
        return unreachable(config, socket.errorString());
    if (!socket.waitForReadyRead(timeoutMs))
        return unreachable(config, QStringLiteral("no greeting from the server within %1 ms").arg(timeoutMs));
    return {};
}

void ServerCheck::start(const MysqlConfig &config, QObject *context, std::function<void(const ServerCheck &)> done)
{
    auto result = std::make_shared<ServerCheck>();
    QThread *thread = QThread::create([config, result] { *result = run(config); });
    // Queued to `context`'s thread; dropped by Qt when `context` is destroyed first.
    QObject::connect(thread, &QThread::finished, context, [result, done = std::move(done)] { done(*result); });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace mysqlsync
