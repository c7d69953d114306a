#include "mqtt/PublishQueue.h"

#include <chrono>

namespace mysqlsync {

PublishQueue::PublishQueue(Sender send)
    : m_send(std::move(send))
    , m_thread([this] { run(); })
{ }

PublishQueue::~PublishQueue()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
        ++m_generation; // a batch under way stops after the message being sent
    }
    m_wake.notify_all();
    m_thread.join();
}

void PublishQueue::push(OutgoingMessage message)
{
    bool wake;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        // The thread waits only when it found the queue empty: a busy thread needs no wake-up
        // (a system call per message otherwise).
        wake = m_queue.empty() && !m_busy;
        m_queue.push_back(std::move(message));
    }
    if (wake)
        m_wake.notify_one();
}

bool PublishQueue::waitUntilEmpty(int timeoutMs)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    return m_idle.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return m_queue.empty() && !m_busy; });
}

void PublishQueue::clear()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_queue.clear();
    ++m_generation;
}

void PublishQueue::run()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
        if (m_stop)
            return;
        // Everything queued so far, in one go.
        std::deque<OutgoingMessage> batch;
        batch.swap(m_queue);
        m_busy = true;
        const unsigned generation = m_generation;
        lock.unlock();
        for (const OutgoingMessage &message : batch) {
            if (m_generation.load() != generation)
                break; // clear() came meanwhile: the rest is dropped as it would have been
            m_send(message);
        }
        lock.lock();
        m_busy = !m_queue.empty();
        if (!m_busy)
            m_idle.notify_all();
    }
}

} // namespace mysqlsync
