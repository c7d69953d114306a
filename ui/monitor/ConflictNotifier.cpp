#include "monitor/ConflictNotifier.h"

#include <QDateTime>

namespace mysqlsync::ui {

ConflictNotifier::ConflictNotifier(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConflictNotifier::deliverDue);
}

qint64 ConflictNotifier::nextDueMs() const
{
    return m_waiting > 0 ? m_lastToldMs + m_intervalMs : -1;
}

void ConflictNotifier::onConflicts(qint64 open, int detected)
{
    m_open = open;
    if (detected <= 0)
        return;
    const qint64 now = m_clock();
    if (m_lastToldMs < 0 || now - m_lastToldMs >= m_intervalMs) {
        tell(detected, now);
        return;
    }
    m_waiting += detected;
    if (!m_timer.isActive())
        m_timer.start(int(qMax<qint64>(0, nextDueMs() - now)));
}

void ConflictNotifier::deliverDue()
{
    const qint64 now = m_clock();
    if (m_waiting == 0)
        return;
    if (now < nextDueMs()) {
        m_timer.start(int(nextDueMs() - now));
        return;
    }
    tell(m_waiting, now);
}

void ConflictNotifier::reset()
{
    m_timer.stop();
    m_waiting = 0;
    m_lastToldMs = -1;
}

void ConflictNotifier::tell(int detected, qint64 now)
{
    m_timer.stop();
    m_waiting = 0;
    m_lastToldMs = now;
    Q_EMIT notification(tr("mysql-sync conflicts"),
                        tr("%n new conflict(s): two sites changed the same row; %1 open in the Conflicts tab", nullptr,
                           detected)
                            .arg(m_open));
}

} // namespace mysqlsync::ui
