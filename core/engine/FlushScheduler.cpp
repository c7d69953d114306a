#include "engine/FlushScheduler.h"

#include "engine/ChangeSender.h"
#include "mqtt/Presence.h"

namespace mysqlsync {

FlushScheduler::FlushScheduler(EngineContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_timer(this)
    , m_resendTimer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &FlushScheduler::step);
    connect(&m_resendTimer, &QTimer::timeout, this, &FlushScheduler::resendDue);
}

void FlushScheduler::start()
{
    m_resendTimer.start(qBound(250, m_ctx.config.resendTimeoutMs / 4, 5000));
}

void FlushScheduler::stop()
{
    m_timer.stop();
    m_resendTimer.stop();
    m_sender = nullptr;
}

void FlushScheduler::schedule(const QString &remote, qint64 unacknowledgedBefore)
{
    auto it = m_flushes.find(remote);
    if (it == m_flushes.end())
        m_flushes.insert(remote, unacknowledgedBefore);
    else
        *it = qMax(*it, unacknowledgedBefore);
    if (!m_timer.isActive())
        m_timer.start(0);
}

void FlushScheduler::scheduleOnline(qint64 unacknowledgedBefore)
{
    const qint64 now = EngineContext::now();
    for (const QString &remote : m_ctx.config.remoteClients) {
        if (m_ctx.presence->isOnline(remote, now))
            schedule(remote, unacknowledgedBefore);
    }
}

void FlushScheduler::resume()
{
    if (!m_flushes.isEmpty())
        m_timer.start(0);
}

void FlushScheduler::step()
{
    if (!m_running || !m_ctx.databaseUp || m_paused || !m_sender)
        return;
    const auto flushes = m_flushes;
    for (auto it = flushes.cbegin(); it != flushes.cend(); ++it) {
        if (!m_sender->flush(it.key(), it.value()))
            m_flushes.remove(it.key());
    }
    if (!m_flushes.isEmpty())
        m_timer.start(0);
}

void FlushScheduler::resendDue()
{
    if (!m_running)
        return;
    // resendDue() adds none for a remote that has one waiting.
    const qint64 now = EngineContext::now();
    for (const QString &remote : m_ctx.config.remoteClients) {
        if (m_ctx.presence->isOnline(remote, now) && !m_flushes.contains(remote))
            schedule(remote, now - m_ctx.config.resendTimeoutMs);
    }
}

} // namespace mysqlsync
