#pragma once
// Publishes on a thread of its own, in order. Handing a message to Paho costs its caller
// tens of microseconds (allocation, Paho's global lock, message ids); done here, the engine's
// thread goes on with the next change meanwhile.
#include <QByteArray>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace mysqlsync {

struct OutgoingMessage {
    std::string topic;
    QByteArray payload;
    int qos = 1;
    bool retain = false;
};

class PublishQueue {
public:
    using Sender = std::function<void(const OutgoingMessage &)>;
    explicit PublishQueue(Sender send);
    ~PublishQueue();
    PublishQueue(const PublishQueue &) = delete;
    PublishQueue &operator=(const PublishQueue &) = delete;

    void push(OutgoingMessage message);
    // Waits until every message pushed so far was handed over (at most timeoutMs).
    bool waitUntilEmpty(int timeoutMs);
    // Forgets what was not handed over yet (the connection is gone; the outbox resends).
    void clear();

private:
    void run();

    Sender m_send;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<OutgoingMessage> m_queue;
    bool m_busy = false;
    std::atomic<unsigned> m_generation{0}; // counts clear() and the stop: a batch being sent stops there
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace mysqlsync
