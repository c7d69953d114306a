#include "monitor/WorkerThread.h"

#include <QThread>

namespace mysqlsync::ui {

WorkerThread::~WorkerThread()
{
    retire();
    for (const QPointer<QThread> &thread : std::as_const(m_retired)) {
        if (!thread)
            continue;
        thread->wait();
        delete thread.data(); // its deleteLater() may never run: the event loop may be gone
    }
}

void WorkerThread::start(QObject *worker)
{
    retire();
    m_thread = new QThread; // not a child: it may outlive a retire(), deleted when finished
    m_thread->setObjectName(m_name);
    m_worker = worker;
    m_worker->moveToThread(m_thread);
    QObject::connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

void WorkerThread::retire()
{
    if (!m_thread)
        return;
    QObject::disconnect(m_worker, nullptr, nullptr, nullptr);
    // The worker is deleted on its thread as the thread ends (connected in start()), the thread
    // object afterwards on ours.
    QObject::connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->quit();
    m_retired.removeAll(QPointer<QThread>());
    m_retired.append(m_thread);
    m_thread = nullptr;
    m_worker = nullptr;
}

int WorkerThread::retiredCount() const
{
    int count = 0;
    for (const QPointer<QThread> &thread : m_retired)
        count += thread ? 1 : 0;
    return count;
}

} // namespace mysqlsync::ui
