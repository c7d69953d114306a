#include "common/ReportLimiter.h"

namespace mysqlsync {

ReportLimiter::ReportLimiter(int perWindow, qint64 windowMs, int maxKeys)
    : m_perWindow(perWindow)
    , m_windowMs(windowMs)
    , m_maxKeys(maxKeys)
{ }

bool ReportLimiter::admit(const QString &key, qint64 now)
{
    auto it = m_windows.find(key);
    if (it == m_windows.end()) {
        // The overflow key is one more than maxKeys: the table never holds more.
        const QString slot = m_windows.size() < m_maxKeys ? key : QString();
        it = m_windows.find(slot);
        if (it == m_windows.end())
            it = m_windows.insert(slot, Window{now, 0, 0});
    }
    Window &w = it.value();
    if (now - w.start >= m_windowMs) {
        if (w.suppressed > 0)
            m_ended.append({it.key(), w.suppressed});
        w = Window{now, 0, 0};
    }
    if (w.admitted < m_perWindow) {
        ++w.admitted;
        return true;
    }
    ++w.suppressed;
    return false;
}

QList<ReportLimiter::Summary> ReportLimiter::expire(qint64 now)
{
    QList<Summary> out;
    out.swap(m_ended);
    for (auto it = m_windows.begin(); it != m_windows.end();) {
        if (now - it->start >= m_windowMs) {
            if (it->suppressed > 0)
                out.append({it.key(), it->suppressed});
            it = m_windows.erase(it);
        } else {
            ++it;
        }
    }
    return out;
}

} // namespace mysqlsync
