#pragma once
// A worker QObject on a thread of its own, for the monitor's loaders: start() moves a worker
// onto a new thread; retire() lets that thread end without waiting for it on the GUI thread
// (a database switch must not wait for a slow query), the worker deleted on its thread when the
// work in hand is done and the thread object afterwards; the destructor joins what still runs.
// Answers the worker queued before retire() still arrive: tell them apart with a
// RequestGeneration.
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <utility>

namespace mysqlsync::ui {

class WorkerThread {
public:
    explicit WorkerThread(QString name)
        : m_name(std::move(name))
    { }
    // Retires the worker and waits for every thread still running (quit already asked: only
    // the work in hand is waited for).
    ~WorkerThread();
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    // Moves `worker` (no parent) onto a new thread named as this one and starts it; the worker
    // is deleted on that thread when it ends. A worker still running is retired first.
    void start(QObject *worker);
    bool isRunning() const { return m_thread != nullptr; }
    // Disconnects every signal of the worker and lets its thread end on its own; nothing waits.
    void retire();
    // Threads retired and not yet ended and deleted.
    int retiredCount() const;

private:
    QString m_name;
    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr;
    QList<QPointer<QThread>> m_retired;
};

} // namespace mysqlsync::ui
