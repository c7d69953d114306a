#include "feed/FeedService.h"

#include "common/Logging.h"
#include "feed/FeedRuntime.h"
#include "feed/FeedServer.h"
#include "feed/FeedStreamMessage.h"
#include "mqtt/Transport.h"

#include <QMetaObject>
#include <QPointer>

namespace mysqlsync {

namespace {
struct Caller {
    explicit Caller(std::atomic<int> &count)
        : n(count)
    {
        n.fetch_add(1);
    }
    ~Caller() { n.fetch_sub(1); }
    Caller(const Caller &) = delete;
    Caller &operator=(const Caller &) = delete;
    std::atomic<int> &n;
};

// Hands `value` to `done` on `target`'s thread (queued), unless the target is gone by then.
template <typename Done, typename Value>
void handBack(const QPointer<QObject> &target, const Done &done, const Value &value)
{
    if (target)
        QMetaObject::invokeMethod(
            target.data(),
            [target, done, value] {
                if (target)
                    done(value);
            },
            Qt::QueuedConnection);
}
} // namespace

FeedService::FeedService(const Config &config)
    : m_config(config)
{
    for (auto it = config.feed.routing.cbegin(); it != config.feed.routing.cend(); ++it)
        m_routed.insert(it.key());
    m_thread.setObjectName(QStringLiteral("sync-feed"));
    m_streamTopic = FeedStreamMessage::topic(config.clientName);
}

FeedService::~FeedService()
{
    stop();
}

FeedRuntime *FeedService::launch()
{
    {
        QMutexLocker lock(&m_stateMutex);
        m_stopping = false;
    }
    auto *runtime = new FeedRuntime(m_config);
    if (m_config.feed.publishStream)
        runtime->setStreamPublisher([this](const QByteArray &payload) { publishStream(payload); });
    runtime->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, runtime, &QObject::deleteLater);
    QObject::connect(
        runtime, &FeedRuntime::clientsChanged, runtime, [this](int count) { m_clients.store(count); },
        Qt::DirectConnection);
    m_thread.start();
    return runtime;
}

bool FeedService::begin(FeedRuntime *runtime, QString *error)
{
    if (!runtime->start(error))
        return false;
    m_port.store(runtime->port());
    QMutexLocker lock(&m_stateMutex);
    if (!m_stopping) // a stop() that began meanwhile has already let go of the runtime
        m_runtime.store(runtime);
    return true;
}

bool FeedService::start(QString *error)
{
    FeedRuntime *runtime = launch();
    bool ok = false;
    QString why;
    QMetaObject::invokeMethod(
        runtime, [&] { ok = begin(runtime, &why); }, Qt::BlockingQueuedConnection);
    if (!ok) {
        *error = why;
        m_thread.quit();
        m_thread.wait();
    }
    return ok;
}

void FeedService::startInBackground(QObject *context, std::function<void(const QString &error)> done)
{
    FeedRuntime *runtime = launch();
    QPointer<QObject> target(context);
    QMetaObject::invokeMethod(
        runtime,
        [this, runtime, target, done = std::move(done)] {
            QString why;
            if (!begin(runtime, &why)) {
                if (why.isEmpty())
                    why = QStringLiteral("the feed did not start");
                m_thread.quit(); // the runtime goes as the thread ends
            }
            handBack(target, done, why);
        },
        Qt::QueuedConnection);
}

void FeedService::stop()
{
    if (!m_thread.isRunning())
        return;
    {
        QMutexLocker lock(&m_stateMutex);
        m_stopping = true;
        m_runtime.store(nullptr); // deleted on its thread as it finishes
    }
    while (m_callers.load() > 0) // a caller that read it before posts to it now (no waiting there)
        QThread::yieldCurrentThread();
    m_thread.quit();
    m_thread.wait();
    m_clients.store(0);
}

void FeedService::rowsChanged(const QList<ChangedRow> &rows)
{
    const Caller caller(m_callers);
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

void FeedService::requestReport(QObject *context, std::function<void(const FeedReport &)> done)
{
    const Caller caller(m_callers);
    FeedRuntime *runtime = m_runtime.load();
    if (!runtime)
        return;
    QPointer<QObject> target(context);
    QMetaObject::invokeMethod(
        runtime,
        [this, runtime, target, done = std::move(done)] {
            FeedReport report;
            if (runtime->server())
                runtime->server()->report(&report);
            report.droppedChanges = dropped();
            report.streamLost = streamLost();
            handBack(target, done, report);
        },
        Qt::QueuedConnection);
}

void FeedService::brokerChanged(Transport *transport)
{
    QMutexLocker lock(&m_brokerMutex);
    m_broker = transport;
}

void FeedService::publishStream(const QByteArray &payload)
{
    QMutexLocker lock(&m_brokerMutex);
    // QoS 0: the feed is at most once, and the engine's own messages keep the broker's window.
    if (m_broker && m_broker->publish(m_streamTopic, payload, 0))
        return;
    if (m_streamLost.fetch_add(1) == 0)
        qCWarning(lcFeed) << "the broker is away: changes are not published on the feed stream (counted in "
                             "streamLost())";
}

} // namespace mysqlsync
