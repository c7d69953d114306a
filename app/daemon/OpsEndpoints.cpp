#include "OpsEndpoints.h"

#include "common/Logging.h"

namespace mysqlsync {

OpsEndpoints::OpsEndpoints(const Config &config, EngineReports *engine)
    : m_config(config)
{
    m_metrics.watch(engine, config.clientName, config.remoteClients);
    m_listener.route(QHttpServerRequest::Method::Get, QStringLiteral("/metrics"),
                     [this](const QHttpServerRequest &, QHttpServerResponder &responder) {
                         responder.write(m_metrics.prometheusText(),
                                         QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"));
                     });
    m_listener.route(QHttpServerRequest::Method::Get, QStringLiteral("/healthz"),
                     [this](const QHttpServerRequest &, QHttpServerResponder &responder) {
                         QString why;
                         const bool ok = m_metrics.healthy(&why);
                         responder.write(why.toUtf8() + '\n', QByteArrayLiteral("text/plain; charset=utf-8"),
                                         ok ? QHttpServerResponder::StatusCode::Ok
                                            : QHttpServerResponder::StatusCode::ServiceUnavailable);
                     });
}

bool OpsEndpoints::start(QString *error)
{
    if (!m_listener.start(m_config.httpHost, m_config.httpPort, QString(), QString(), error))
        return false;
    qCInfo(lcMetrics).noquote() << "GET /metrics and /healthz on"
                                << m_config.httpHost + QLatin1Char(':') + QString::number(m_listener.port());
    return true;
}

} // namespace mysqlsync
