#include "EngineController.h"

#include "UiLogging.h"
#include "engine/EngineThread.h"

namespace mysqlsync::ui {

EngineController::EngineController(QObject *parent)
    : QObject(parent)
{
}

EngineController::~EngineController() = default; // EngineThread's destructor stops and joins

void EngineController::start(const Config &config)
{
    m_config = config;
    if (m_engine) {
        m_restartPending = true;
        m_engine->requestStop();
        return;
    }
    launch();
}

void EngineController::launch()
{
    m_restartPending = false;
    m_engine = std::make_unique<EngineThread>(m_config);
    wire();
    qCInfo(lcUi).noquote() << "starting the engine for" << m_config.clientName << "from" << m_config.filePath;
    m_engine->start(/*background=*/true); // the window keeps the CPU first
}

void EngineController::onStopped()
{
    // The engine has finished: joining its thread now is quick.
    m_engine.reset();
    onPausedChanged(false); // a new engine starts unpaused
    Q_EMIT stopped();
    if (m_restartPending)
        launch();
}

void EngineController::stop()
{
    if (m_engine)
        m_engine->requestStop();
}

void EngineController::setPaused(bool paused)
{
    if (m_engine)
        m_engine->setPaused(paused);
}

void EngineController::resend(const QString &remote, const QString &table, const QStringList &keys)
{
    if (m_engine && !keys.isEmpty())
        m_engine->resend(remote, table, keys);
}

void EngineController::resendErrors(const QString &remote)
{
    if (m_engine)
        m_engine->resendErrors(remote);
}

void EngineController::onPausedChanged(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    Q_EMIT pausedChanged(paused);
}

void EngineController::wire()
{
    SyncEngine *e = m_engine->engine();
    const auto q = Qt::QueuedConnection;
    connect(e, &SyncEngine::started, this, &EngineController::started, q);
    // Only this engine's first goodbye counts (a late one must not end its successor).
    connect(e, &SyncEngine::stopped, this, [this, e] {
        if (m_engine && m_engine->engine() == e)
            onStopped();
    }, q);
    connect(e, &SyncEngine::pausedChanged, this, &EngineController::onPausedChanged, q);
    connect(e, &SyncEngine::fatalError, this, &EngineController::fatalError, q);
    connect(e, &SyncEngine::databaseStateChanged, this, &EngineController::databaseStateChanged, q);
    connect(e, &SyncEngine::brokerStateChanged, this, &EngineController::brokerStateChanged, q);
    connect(e, &SyncEngine::remoteStateChanged, this, &EngineController::remoteStateChanged, q);
    connect(e, &SyncEngine::remoteClockSkew, this, &EngineController::remoteClockSkew, q);
    connect(e, &SyncEngine::outboxDepthChanged, this, &EngineController::outboxDepthChanged, q);
    connect(e, &SyncEngine::countersChanged, this, &EngineController::countersChanged, q);
    connect(e, &SyncEngine::errorOccurred, this, &EngineController::errorOccurred, q);
}

} // namespace mysqlsync::ui
