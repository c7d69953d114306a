#include "FakeEngine.h"

using namespace mysqlsync;

namespace testsupport {

FakeEngine::FakeEngine(QObject *parent)
    : Engine(parent)
{ }

void FakeEngine::start(const Config &config)
{
    starts.append(config);
    m_config = config;
    m_running = true;
}

void FakeEngine::stop()
{
    ++stops;
}

void FakeEngine::setPaused(bool paused)
{
    pauseRequests.append(paused);
}

void FakeEngine::resend(const QString &remote, const QString &table, const QStringList &keys)
{
    resends.append({remote, table, keys});
}

void FakeEngine::settleConflict(qint64 id, mysqlsync::ConflictOutcome choice, const QJsonValue &edited,
                                const QString &by)
{
    settles.append({id, choice, edited, by});
}

void FakeEngine::resendErrors(const QString &remote)
{
    resendErrorsRequests.append(remote);
}

void FakeEngine::reportStarted()
{
    m_running = true;
    Q_EMIT started();
}

void FakeEngine::reportStopped()
{
    m_running = false;
    reportPaused(false);
    Q_EMIT stopped();
}

void FakeEngine::reportFatal(const QString &message)
{
    m_running = false;
    reportPaused(false);
    Q_EMIT fatalError(message);
}

void FakeEngine::reportPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    Q_EMIT pausedChanged(paused);
}

void FakeEngine::reportDatabase(bool connected, const QString &detail)
{
    Q_EMIT databaseStateChanged(connected, detail);
}

void FakeEngine::reportBroker(bool connected, const QString &detail)
{
    Q_EMIT brokerStateChanged(connected, detail);
}

void FakeEngine::reportRemote(const QString &name, bool online, qint64 until)
{
    Q_EMIT remoteStateChanged(name, online, until);
}

void FakeEngine::reportOutboxDepth(const QString &remote, int depth)
{
    Q_EMIT outboxDepthChanged(remote, depth);
}

void FakeEngine::reportRemotePath(const QString &name, const QString &path, double rowsPerMessage)
{
    Q_EMIT remotePathChanged(name, path, rowsPerMessage);
}

void FakeEngine::reportError(EngineError::Source source, const QString &message, const QString &remote,
                             const QString &table, const QString &key)
{
    Q_EMIT errorOccurred(EngineError::now(source, message, remote, table, key));
}

} // namespace testsupport
