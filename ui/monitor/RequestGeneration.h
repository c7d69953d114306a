#pragma once
// The generation of an owner's requests to a worker on another thread: a request (or a switch
// that makes those in flight pointless) takes next(); an answer carries the generation it was
// asked in and counts only while isCurrent(). disconnect() does not cancel answers already
// queued, and a worker's queued requests are not cancelled either: workers read the newest
// generation through latest() and skip requests older than it.
#include <QtGlobal>

#include <atomic>
#include <memory>

namespace mysqlsync::ui {

class RequestGeneration {
public:
    quint64 next()
    {
        m_latest->store(++m_current);
        return m_current;
    }
    quint64 current() const { return m_current; }
    bool isCurrent(quint64 generation) const { return generation == m_current; }
    // For the worker: the newest generation, shared across threads.
    std::shared_ptr<const std::atomic<quint64>> latest() const { return m_latest; }

private:
    quint64 m_current = 0;
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
};

} // namespace mysqlsync::ui
