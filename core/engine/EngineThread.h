#pragma once
// Owns a SyncEngine on a thread of its own (RAII: the destructor stops the engine,
// quits the thread and waits for it). Connect to engine()'s signals from any thread:
// they arrive queued. Commands go through the methods here, which forward them.
#include "config/Config.h"
#include "engine/SyncEngine.h"

#include <QThread>

namespace mysqlsync {

class EngineThread {
public:
    explicit EngineThread(const Config &config);
    ~EngineThread();
    EngineThread(const EngineThread &) = delete;
    EngineThread &operator=(const EngineThread &) = delete;

    SyncEngine *engine() const { return m_engine; }
    // `background`: the engine's thread, and every thread it starts (Paho's, the publish and
    // outbox-sync threads), runs at a lower scheduling priority, so that a window in the same
    // process stays responsive when the machine is busy (the desktop app; the daemon does not).
    void start(bool background = false);
    // Asks the engine to stop; it emits stopped() when done. Safe to call twice.
    void requestStop();
    // Commands, forwarded to the engine's thread.
    void setPaused(bool paused);
    void resend(const QString &remote, const QString &table, const QStringList &keys);
    void resendErrors(const QString &remote);
    void settleConflict(qint64 id, ConflictOutcome choice, const QJsonValue &edited, const QString &by);
    // Stops the engine and waits for the thread to end (at most timeoutMs).
    bool stopAndWait(int timeoutMs = 30000);

private:
    QThread m_thread;
    SyncEngine *m_engine;
    bool m_started = false;
};

} // namespace mysqlsync
