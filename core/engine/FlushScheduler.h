#pragma once
// When SyncEngine flushes a remote's outbox: at once when it comes online, when the broker
// connection returns or receipts make room, and every resendTimeout/4 for what stays
// unacknowledged longer than resendTimeout. One ChangeSender::flush batch per remote and
// step, steps back to back while any remote has more. Lives on the engine's thread.
#include "engine/EngineContext.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace mysqlsync {

class ChangeSender;

class FlushScheduler : public QObject {
    Q_OBJECT
public:
    // A child of the engine: it moves to the engine's thread with it.
    FlushScheduler(EngineContext &context, QObject *parent);

    void attach(ChangeSender *sender) { m_sender = sender; }
    // Starts the resend timer (the engine started).
    void start();
    // Stops both timers and forgets the sender (the engine stops).
    void stop();
    void setRunning(bool running) { m_running = running; }
    void setPaused(bool paused) { m_paused = paused; }

    // Flush `remote`: what is queued, and again what was sent before `unacknowledgedBefore`.
    void schedule(const QString &remote, qint64 unacknowledgedBefore);
    // schedule() for every remote that is online now.
    void scheduleOnline(qint64 unacknowledgedBefore);
    // Flushes scheduled while the database was away (a remote came online, resends fell
    // due) are still owed: step() left them waiting.
    void resume();

private:
    void step();
    void resendDue();

    EngineContext &m_ctx;
    ChangeSender *m_sender = nullptr;
    QTimer m_timer;
    QTimer m_resendTimer;
    QHash<QString, qint64> m_flushes; // remote -> resend what was sent before this
    bool m_running = false;
    bool m_paused = false;
};

} // namespace mysqlsync
