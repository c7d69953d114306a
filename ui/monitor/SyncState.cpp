#include "monitor/SyncState.h"

#include <QCoreApplication>

namespace mysqlsync::ui {

SyncState SyncStateTracker::state(qint64 nowMs, qint64 errorWindowMs) const
{
    if (m_fatal)
        return SyncState::Error;
    if (!m_running || !m_database || !m_broker)
        return SyncState::Disconnected;
    if (m_lastErrorMs >= 0 && nowMs - m_lastErrorMs < errorWindowMs)
        return SyncState::Error;
    for (auto it = m_online.cbegin(); it != m_online.cend(); ++it) {
        if (!it.value())
            return SyncState::RemoteOffline;
    }
    for (int depth : m_depths) {
        if (depth > 0)
            return SyncState::Syncing;
    }
    return SyncState::InSync;
}

QString syncStateText(SyncState state)
{
    switch (state) {
    case SyncState::InSync:
        return QCoreApplication::translate("SyncState", "In sync");
    case SyncState::Syncing:
        return QCoreApplication::translate("SyncState", "Syncing");
    case SyncState::RemoteOffline:
        return QCoreApplication::translate("SyncState", "A remote is offline");
    case SyncState::Error:
        return QCoreApplication::translate("SyncState", "Error");
    case SyncState::Disconnected:
        return QCoreApplication::translate("SyncState", "Disconnected");
    }
    return QString();
}

QString pauseCommandText(bool paused)
{
    return paused ? QCoreApplication::translate("SyncState", "Resume sync")
                  : QCoreApplication::translate("SyncState", "Pause sync");
}

} // namespace mysqlsync::ui
