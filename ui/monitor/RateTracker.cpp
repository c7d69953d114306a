#include "monitor/RateTracker.h"

namespace mysqlsync::ui {

void RateTracker::add(const EngineCounters &counters, qint64 nowMs)
{
    if (m_lastMs >= 0) {
        // A restarted engine starts its counters again at 0: no negative rates.
        const qint64 in = qMax<qint64>(0, counters.applied - m_last.applied);
        const qint64 out = qMax<qint64>(0, counters.sent - m_last.sent);
        m_totalIn += in;
        m_totalOut += out;
        if (nowMs > m_lastMs) {
            const double seconds = (nowMs - m_lastMs) / 1000.0;
            m_in = in / seconds;
            m_out = out / seconds;
        }
    }
    m_last = counters;
    m_lastMs = nowMs;
}

void RateTracker::idle(qint64 nowMs, qint64 idleMs)
{
    if (m_lastMs >= 0 && nowMs - m_lastMs > idleMs) {
        m_in = 0;
        m_out = 0;
    }
}

void RateTracker::reset()
{
    *this = RateTracker();
}

} // namespace mysqlsync::ui
