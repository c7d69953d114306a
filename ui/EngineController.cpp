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
    m_engine->start();
}

void EngineController::onStopped()
{
    // The engine has finished: joining its thread now is quick.
    m_engine.reset();
    Q_EMIT stopped();
    if (m_restartPending)
        launch();
}

void EngineController::stop()
{
    if (m_engine)
        m_engine->requestStop();
}

void EngineController::wire()
{
    SyncEngine *e = m_engine->engine();
    const auto q = Qt::QueuedConnection;
    connect(e, &SyncEngine::started, this, &EngineController::started, q);
    connect(e, &SyncEngine::stopped, this, &EngineController::onStopped, q);
    connect(e, &SyncEngine::fatalError, this, &EngineController::fatalError, q);
    connect(e, &SyncEngine::databaseStateChanged, this, &EngineController::databaseStateChanged, q);
    connect(e, &SyncEngine::brokerStateChanged, this, &EngineController::brokerStateChanged, q);
    connect(e, &SyncEngine::remoteStateChanged, this, &EngineController::remoteStateChanged, q);
    connect(e, &SyncEngine::outboxDepthChanged, this, &EngineController::outboxDepthChanged, q);
    connect(e, &SyncEngine::countersChanged, this, &EngineController::countersChanged, q);
    connect(e, &SyncEngine::errorOccurred, this, &EngineController::errorOccurred, q);
}

} // namespace mysqlsync::ui
