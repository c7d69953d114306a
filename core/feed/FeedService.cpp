#include "feed/FeedService.h"

#include "common/Logging.h"
#include "feed/FeedRuntime.h"

#include <QMetaObject>

namespace mysqlsync {

FeedService::FeedService(const Config &config)
    : m_config(config)
{
    for (auto it = config.feed.routing.cbegin(); it != config.feed.routing.cend(); ++it)
        m_routed.insert(it.key());
    m_thread.setObjectName(QStringLiteral("sync-feed"));
}

FeedService::~FeedService()
{
    stop();
}

bool FeedService::start(QString *error)
{
    auto *runtime = new FeedRuntime(m_config);
    runtime->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, runtime, &QObject::deleteLater);
    QObject::connect(
        runtime, &FeedRuntime::clientsChanged, runtime, [this](int count) { m_clients.store(count); },
        Qt::DirectConnection);
    m_thread.start();
    bool ok = false;
    QString why;
    quint16 port = 0;
    QMetaObject::invokeMethod(
        runtime,
        [&] {
            ok = runtime->start(&why);
            port = ok ? runtime->port() : 0;
        },
        Qt::BlockingQueuedConnection);
    if (!ok) {
        *error = why;
        m_thread.quit();
        m_thread.wait();
        return false;
    }
    m_port = port;
    m_runtime.store(runtime);
    return true;
}

void FeedService::stop()
{
    if (!m_thread.isRunning())
        return;
    m_runtime.store(nullptr); // deleted on its thread as it finishes
    m_thread.quit();
    m_thread.wait();
    m_clients.store(0);
}

void FeedService::rowsChanged(const QList<ChangedRow> &rows)
{
    FeedRuntime *runtime = m_runtime.load();
    if (!runtime)
        return;
    QList<ChangedRow> routed;
    for (const ChangedRow &r : rows) {
        if (m_routed.contains(r.table))
            routed.append(r);
    }
    if (routed.isEmpty())
        return;
    const int n = int(routed.size());
    if (m_pending.fetch_add(n) + n > kMaxPending) {
        m_pending.fetch_sub(n);
        if (m_dropped.fetch_add(n) == 0)
            qCWarning(lcFeed) << "the feed falls behind the engine: changes are dropped (counted in dropped())";
        return;
    }
    QMetaObject::invokeMethod(
        runtime,
        [this, runtime, routed, n] {
            runtime->rowsChanged(routed);
            m_pending.fetch_sub(n);
        },
        Qt::QueuedConnection);
}

} // namespace mysqlsync
