#pragma once
// The Engine that runs the real one: a SyncEngine on a thread of its own (EngineThread) per
// start(). Commands are forwarded to that thread as queued calls; the engine's reports are
// re-emitted here, on the thread this object lives in, so observers never hold an engine that
// a restart replaces. start() while an engine runs asks it to stop and starts the new one on
// its stopped() (nothing waits). The destructor stops the engine and joins its thread.
#include "common/RowChangeSink.h"
#include "engine/Engine.h"

#include <memory>

namespace mysqlsync {

class EngineThread;

class ThreadedEngine : public Engine {
    Q_OBJECT
public:
    explicit ThreadedEngine(QObject *parent = nullptr);
    ~ThreadedEngine() override;

    // Engines started from now on run at a lower scheduling priority, with every thread they
    // start (the desktop app, so that its window stays responsive; the daemon does not).
    void setBackgroundPriority(bool background) { m_background = background; }
    // Engines started from now on tell `sink` of every row that changed at this site (the live
    // feed); it is called on the engine's thread and must not block.
    void setRowChangeSink(std::shared_ptr<RowChangeSink> sink) { m_rowSink = std::move(sink); }
    bool backgroundPriority() const { return m_background; }

    void start(const Config &config) override;
    void stop() override;
    bool isRunning() const override { return m_engine != nullptr; }
    bool isPaused() const override { return m_paused; }
    const Config &config() const override { return m_config; }
    // Ignored when no engine runs (resend: also when `keys` is empty).
    void setPaused(bool paused) override;
    void resend(const QString &remote, const QString &table, const QStringList &keys) override;
    void resendErrors(const QString &remote) override;
    void settleConflict(qint64 id, mysqlsync::ConflictOutcome choice, const QJsonValue &edited,
                        const QString &by) override;

private:
    void launch();
    void wire();
    // The engine ended (stopped or failed): its thread is joined (quick by now).
    void finish();
    void onPausedChanged(bool paused);

    Config m_config;
    std::unique_ptr<EngineThread> m_engine;
    bool m_background = false;
    std::shared_ptr<RowChangeSink> m_rowSink;
    bool m_restartPending = false;
    bool m_paused = false;
};

} // namespace mysqlsync
