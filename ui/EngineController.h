#pragma once
// The GUI's handle on the engine: owns the EngineThread of the current configuration and
// re-emits the engine's reports on the GUI thread (queued), so views never hold an engine
// that a restart replaces. Nothing here waits on the network or the database.
#include "config/Config.h"
#include "engine/EngineTypes.h"

#include <QObject>

#include <memory>

namespace mysqlsync {
class EngineThread;
}

namespace mysqlsync::ui {

class EngineController : public QObject {
    Q_OBJECT
public:
    explicit EngineController(QObject *parent = nullptr);
    ~EngineController() override;

    // Starts an engine for `config` (passwords already resolved). A running engine is
    // asked to stop first; the new one starts when it has said goodbye (no waiting here).
    void start(const Config &config);
    // Asks the engine to stop; stopped() follows.
    void stop();
    bool isRunning() const { return m_engine != nullptr; }
    // The engine's last word on pausing (false when no engine runs).
    bool isPaused() const { return m_paused; }
    // Commands, forwarded (queued) to the engine's thread; ignored when no engine runs.
    // pausedChanged() follows when the engine has changed state.
    void setPaused(bool paused);
    void resend(const QString &remote, const QString &table, const QStringList &keys);
    void resendErrors(const QString &remote);
    const Config &config() const { return m_config; }

Q_SIGNALS:
    void started();
    void pausedChanged(bool paused);
    void stopped();
    void fatalError(const QString &message);
    void databaseStateChanged(bool connected, const QString &detail);
    void brokerStateChanged(bool connected, const QString &detail);
    void remoteStateChanged(const QString &name, bool online, qint64 until);
    void remoteClockSkew(const QString &name, qint64 skewMs);
    void outboxDepthChanged(const QString &remote, int depth);
    void countersChanged(const mysqlsync::EngineCounters &counters);
    void errorOccurred(const mysqlsync::EngineError &error);

private:
    void wire();
    void launch();
    void onStopped();
    void onPausedChanged(bool paused);

    Config m_config;
    std::unique_ptr<EngineThread> m_engine;
    bool m_restartPending = false;
    bool m_paused = false;
};

} // namespace mysqlsync::ui
