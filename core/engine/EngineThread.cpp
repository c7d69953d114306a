#include "engine/EngineThread.h"

#include "common/Logging.h"

#include <QMetaObject>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <cstring>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace mysqlsync {

EngineThread::EngineThread(const Config &config)
    : m_engine(new SyncEngine(config))
{
    m_thread.setObjectName(QStringLiteral("sync-engine"));
    m_engine->moveToThread(&m_thread);
    // The engine is deleted on its own thread, after its event loop ends.
    QObject::connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
}

EngineThread::~EngineThread()
{
    if (!m_started) {
        delete m_engine;
        return;
    }
    if (!stopAndWait())
        qCCritical(lcEngine) << "the engine thread did not stop in time";
}

namespace {
// Called on the engine's thread before it starts any other: threads inherit it.
void lowerThisThreadsPriority()
{
#ifdef Q_OS_LINUX
    // Linux keeps a nice value per thread; QThread::setPriority has no effect under the
    // default scheduling policy there. Raising one's own nice value needs no privilege.
    const int niceness = 5;
    if (::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), niceness) != 0)
        qCWarning(lcEngine) << "cannot lower the engine thread's priority:" << strerror(errno);
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}
} // namespace

void EngineThread::start(bool background)
{
    m_started = true;
    if (background)
        QObject::connect(&m_thread, &QThread::started, &m_thread, lowerThisThreadsPriority, Qt::DirectConnection);
    m_thread.start();
    QMetaObject::invokeMethod(m_engine, &SyncEngine::start, Qt::QueuedConnection);
}

void EngineThread::requestStop()
{
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_engine, &SyncEngine::stop, Qt::QueuedConnection);
}

void EngineThread::setPaused(bool paused)
{
    QMetaObject::invokeMethod(
        m_engine, [e = m_engine, paused] { e->setPaused(paused); }, Qt::QueuedConnection);
}

void EngineThread::resend(const QString &remote, const QString &table, const QStringList &keys)
{
    QMetaObject::invokeMethod(
        m_engine, [e = m_engine, remote, table, keys] { e->resend(remote, table, keys); }, Qt::QueuedConnection);
}

void EngineThread::resendErrors(const QString &remote)
{
    QMetaObject::invokeMethod(
        m_engine, [e = m_engine, remote] { e->resendErrors(remote); }, Qt::QueuedConnection);
}

void EngineThread::settleConflict(qint64 id, ConflictOutcome choice, const QJsonValue &edited, const QString &by)
{
    QMetaObject::invokeMethod(
        m_engine, [e = m_engine, id, choice, edited, by] { e->settleConflict(id, choice, edited, by); },
        Qt::QueuedConnection);
}

bool EngineThread::stopAndWait(int timeoutMs)
{
    if (!m_thread.isRunning())
        return true;
    QMetaObject::invokeMethod(m_engine, &SyncEngine::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    return m_thread.wait(timeoutMs);
}

} // namespace mysqlsync
