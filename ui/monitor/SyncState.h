#pragma once
// The one-word state of this site shown by the tray icon and the window title,
// derived from what the engine reported.
#include <QHash>
#include <QObject>
#include <QString>

namespace mysqlsync::ui {

enum class SyncState { InSync, Syncing, RemoteOffline, Error, Disconnected };

class SyncStateTracker {
public:
    void setRunning(bool running) { m_running = running; }
    void setFatal(bool fatal) { m_fatal = fatal; }
    void setDatabase(bool connected) { m_database = connected; }
    void setBroker(bool connected) { m_broker = connected; }
    void setRemote(const QString &name, bool online) { m_online[name] = online; }
    void setOutboxDepth(const QString &remote, int depth) { m_depths[remote] = depth; }
    void errorAt(qint64 nowMs) { m_lastErrorMs = nowMs; }

    // Errors count for `errorWindowMs` after they happened.
    SyncState state(qint64 nowMs, qint64 errorWindowMs = 60000) const;

private:
    bool m_running = false;
    bool m_fatal = false;
    bool m_database = false;
    bool m_broker = false;
    QHash<QString, bool> m_online;
    QHash<QString, int> m_depths;
    qint64 m_lastErrorMs = -1;
};

QString syncStateText(SyncState state);
// The pause command's label: "Pause sync" while running, "Resume sync" while paused.
QString pauseCommandText(bool paused);

} // namespace mysqlsync::ui
