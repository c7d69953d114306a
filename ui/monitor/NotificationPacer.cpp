#include "monitor/NotificationPacer.h"

#include <QDateTime>

namespace mysqlsync::ui {

NotificationPacer::NotificationPacer(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &NotificationPacer::deliverDue);
}

qint64 NotificationPacer::nextDueMs() const
{
    return m_waiting > 0 ? m_lastToldMs + m_intervalMs : -1;
}

bool NotificationPacer::offer(int count)
{
    const qint64 now = m_clock();
    if (m_lastToldMs < 0 || now - m_lastToldMs >= m_intervalMs) {
        told(now);
        return true;
    }
    m_waiting += count;
    if (!m_timer.isActive())
        m_timer.start(int(qMax<qint64>(0, nextDueMs() - now)));
    return false;
}

void NotificationPacer::deliverDue()
{
    const qint64 now = m_clock();
    if (m_waiting == 0)
        return;
    if (now < nextDueMs()) {
        m_timer.start(int(nextDueMs() - now));
        return;
    }
    const int waiting = m_waiting;
    told(now);
    Q_EMIT due(waiting);
}

void NotificationPacer::reset()
{
    m_timer.stop();
    m_waiting = 0;
    m_lastToldMs = -1;
}

void NotificationPacer::told(qint64 now)
{
    m_timer.stop();
    m_waiting = 0;
    m_lastToldMs = now;
}

} // namespace mysqlsync::ui
