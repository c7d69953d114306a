#pragma once
// The Transformers tab's "try it": runs a table's transformer on a row of the live database
// off the GUI thread (TransformTrialWorker on a thread of its own) and reports back with
// queued signals. Answers to requests the runner no longer waits for (a newer key list,
// a configuration replaced meanwhile) are dropped.
#include "config/Config.h"
#include "monitor/RequestGeneration.h"
#include "monitor/TransformTrial.h"
#include "monitor/WorkerThread.h"

#include <QObject>

namespace mysqlsync::ui {

class TransformTrialWorker;

class TransformTrialRunner : public QObject {
    Q_OBJECT
public:
    explicit TransformTrialRunner(QObject *parent = nullptr);
    // Quits and joins the worker threads: waits at most for a run in progress, which the
    // transformer time limit bounds (plus any database query it is inside).
    ~TransformTrialRunner() override;

    // Uses `config` (passwords resolved) from now on. A worker busy with the previous one is
    // let finish on its own thread and then deleted; nothing here waits for it.
    void setConfiguration(const Config &config);
    bool isConfigured() const { return m_worker != nullptr; }

    // keysListed() follows.
    void listKeys(const QString &table, int limit = 100);
    // finished() follows (also for failures). One run at a time: ignored while one runs.
    void run(const TrialRequest &request);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void keysListed(const QString &table, const QStringList &keys, const QString &error);
    void finished(const mysqlsync::ui::TrialResult &result);
    void runningChanged(bool running);

private:
    void retire();
    void setRunning(bool running);

    WorkerThread m_thread{QStringLiteral("sync-ui-transform")};
    TransformTrialWorker *m_worker = nullptr;
    RequestGeneration m_keysGeneration;
    RequestGeneration m_runGeneration;
    bool m_running = false;
};

} // namespace mysqlsync::ui
