#pragma once
// GET /metrics (Prometheus text) and GET /healthz (200 while the database and the broker are
// connected, 503 otherwise, with the reason) on the configuration's `http.listen`: the
// daemon's operations endpoints, usable with or without the feed (docs/protocol.md, "Metrics
// and health"). They live on the daemon's main thread, where the engine's reports arrive.
#include "config/Config.h"
#include "engine/EngineReports.h"
#include "feed/HttpListener.h"
#include "metrics/EngineMetrics.h"

namespace mysqlsync {

class OpsEndpoints {
public:
    OpsEndpoints(const Config &config, EngineReports *engine);
    // Listens on http.listen. False with `error` naming the address and the reason.
    bool start(QString *error);
    EngineMetrics &metrics() { return m_metrics; }

private:
    const Config &m_config;
    EngineMetrics m_metrics;
    HttpListener m_listener;
};

} // namespace mysqlsync
