#pragma once
// The Transformers tab's "try it": runs a table's transformer on a row of the live database
// off the GUI thread (TransformTrialWorker on a thread of its own) and reports back with
// queued signals. Answers to requests the runner no longer waits for (a newer key list,
// a configuration replaced meanwhile) are dropped.
#include "config/Config.h"
#include "monitor/TransformTrial.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

class QThread;

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

    QThread *m_thread = nullptr;
    TransformTrialWorker *m_worker = nullptr;
    QList<QPointer<QThread>> m_retired;
    std::shared_ptr<std::atomic<quint64>> m_latestKeys = std::make_shared<std::atomic<quint64>>(0);
    quint64 m_keysGeneration = 0;
    quint64 m_runGeneration = 0;
    bool m_running = false;
};

} // namespace mysqlsync::ui
