#include "engine/ThreadedEngine.h"

#include "common/Logging.h"
#include "engine/EngineThread.h"

namespace mysqlsync {

ThreadedEngine::ThreadedEngine(QObject *parent)
    : Engine(parent)
{ }

ThreadedEngine::~ThreadedEngine() = default; // EngineThread's destructor stops and joins

void ThreadedEngine::start(const Config &config)
{
    m_config = config;
    if (m_engine) {
        m_restartPending = true;
        m_engine->requestStop();
        return;
    }
    launch();
}

void ThreadedEngine::launch()
{
    m_restartPending = false;
    m_engine = std::make_unique<EngineThread>(m_config);
    m_engine->engine()->setRowChangeSink(m_rowSink); // before its thread starts
    wire();
    qCInfo(lcEngine).noquote() << "starting the engine for" << m_config.clientName << "from" << m_config.filePath;
    m_engine->start(m_background);
}

void ThreadedEngine::finish()
{
    m_engine.reset();
    onPausedChanged(false); // a new engine starts unpaused
}

void ThreadedEngine::stop()
{
    if (m_engine)
        m_engine->requestStop();
}

void ThreadedEngine::setPaused(bool paused)
{
    if (m_engine)
        m_engine->setPaused(paused);
}

void ThreadedEngine::resend(const QString &remote, const QString &table, const QStringList &keys)
{
    if (m_engine && !keys.isEmpty())
        m_engine->resend(remote, table, keys);
}

void ThreadedEngine::resendErrors(const QString &remote)
{
    if (m_engine)
        m_engine->resendErrors(remote);
}

void ThreadedEngine::settleConflict(qint64 id, ConflictOutcome choice, const QJsonValue &edited, const QString &by)
{
    if (m_engine)
        m_engine->settleConflict(id, choice, edited, by);
}

void ThreadedEngine::onPausedChanged(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    Q_EMIT pausedChanged(paused);
}

void ThreadedEngine::wire()
{
    SyncEngine *e = m_engine->engine();
    const auto q = Qt::QueuedConnection;
    auto current = [this, e] { return m_engine && m_engine->engine() == e; };
    connect(e, &SyncEngine::started, this, &ThreadedEngine::started, q);
    // Only this engine's first goodbye counts (a late one must not end its successor).
    connect(
        e, &SyncEngine::stopped, this,
        [this, current] {
            if (!current())
                return;
            finish();
            Q_EMIT stopped();
            if (m_restartPending)
                launch();
        },
        q);
    // A fatal error has shut the engine down already (it says no goodbye after it): the run is
    // over, so a restart or a quit need not wait for a stopped() that never comes.
    connect(
        e, &SyncEngine::fatalError, this,
        [this, current](const QString &message) {
            if (!current())
                return;
            finish();
            Q_EMIT fatalError(message);
            if (m_restartPending)
                launch();
        },
        q);
    connect(e, &SyncEngine::pausedChanged, this, &ThreadedEngine::onPausedChanged, q);
    connect(e, &SyncEngine::databaseStateChanged, this, &ThreadedEngine::databaseStateChanged, q);
    connect(e, &SyncEngine::brokerStateChanged, this, &ThreadedEngine::brokerStateChanged, q);
    connect(e, &SyncEngine::remoteStateChanged, this, &ThreadedEngine::remoteStateChanged, q);
    connect(e, &SyncEngine::remoteClockSkew, this, &ThreadedEngine::remoteClockSkew, q);
    connect(e, &SyncEngine::outboxDepthChanged, this, &ThreadedEngine::outboxDepthChanged, q);
    connect(e, &SyncEngine::remotePathChanged, this, &ThreadedEngine::remotePathChanged, q);
    connect(e, &SyncEngine::countersChanged, this, &ThreadedEngine::countersChanged, q);
    connect(e, &SyncEngine::errorOccurred, this, &ThreadedEngine::errorOccurred, q);
    connect(e, &SyncEngine::conflictsChanged, this, &ThreadedEngine::conflictsChanged, q);
}

} // namespace mysqlsync
