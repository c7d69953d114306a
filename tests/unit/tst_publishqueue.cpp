// PublishQueue: messages reach the sender in order on the queue's own thread, a burst goes
// out in batches without a wake-up per message, waitUntilEmpty() waits for what is being
// sent, and clear() drops what was not handed over yet (also the rest of a batch under way),
// as does the destructor.
#include "mqtt/PublishQueue.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using namespace mysqlsync;

namespace {
OutgoingMessage message(int n)
{
    return {"/change/site_b", QByteArray::number(n), 1, false};
}

// Holds the sender until the test opens it: a wait on a condition, not on time. entered()
// tells that the sender has a message in its hands (and waits at the gate).
class Gate {
public:
    void wait()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        ++m_entered;
        m_changed.notify_all();
        m_changed.wait(lock, [this] { return m_open; });
    }
    void open()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_open = true;
        m_changed.notify_all();
    }
    void close()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_open = false;
    }
    // Waits (at most 5 s) until the sender has come to the gate n times in all.
    bool entered(int n)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        return m_changed.wait_for(lock, std::chrono::seconds(5), [&] { return m_entered >= n; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_open = false;
    int m_entered = 0;
};
} // namespace

class TestPublishQueue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sendsInOrderOnItsOwnThread()
    {
        std::mutex mutex;
        std::vector<int> seen;
        std::thread::id senderThread;
        PublishQueue queue([&](const OutgoingMessage &m) {
            std::lock_guard<std::mutex> lock(mutex);
            senderThread = std::this_thread::get_id();
            seen.push_back(m.payload.toInt());
        });
        for (int i = 0; i < 10000; ++i)
            queue.push(message(i));
        QVERIFY(queue.waitUntilEmpty(10000));
        std::lock_guard<std::mutex> lock(mutex);
        QCOMPARE(int(seen.size()), 10000);
        for (int i = 0; i < 10000; ++i)
            QCOMPARE(seen[size_t(i)], i);
        QVERIFY(senderThread != std::this_thread::get_id());
    }

    void waitUntilEmptyWaitsForTheMessageBeingSent()
    {
        std::atomic<int> sent{0};
        Gate gate;
        PublishQueue queue([&](const OutgoingMessage &) {
            gate.wait();
            ++sent;
        });
        queue.push(message(1));
        queue.push(message(2));
        QVERIFY(gate.entered(1));
        // Message 1 is in the sender's hands: not empty yet (false after the timeout).
        QVERIFY(!queue.waitUntilEmpty(5));
        gate.open();
        QVERIFY(queue.waitUntilEmpty(5000));
        QCOMPARE(sent.load(), 2);
        // And it times out (false) while a slow send is still under way.
        gate.close();
        queue.push(message(3));
        QVERIFY(gate.entered(3));
        QVERIFY(!queue.waitUntilEmpty(5));
        gate.open();
        QVERIFY(queue.waitUntilEmpty(5000));
        QCOMPARE(sent.load(), 3);
    }

    void clearDropsWhatWasNotHandedOver()
    {
        std::atomic<int> sent{0};
        Gate gate;
        PublishQueue queue([&](const OutgoingMessage &) {
            gate.wait();
            ++sent;
        });
        queue.push(message(1));
        QVERIFY(gate.entered(1)); // taken, held in the sender
        for (int i = 2; i <= 100; ++i)
            queue.push(message(i));
        queue.clear();
        gate.open();
        QVERIFY(queue.waitUntilEmpty(5000));
        // The one in the sender's hands went out; nothing queued after it did.
        QCOMPARE(sent.load(), 1);
        // The queue still works after a clear.
        queue.push(message(101));
        QVERIFY(queue.waitUntilEmpty(5000));
        QCOMPARE(sent.load(), 2);
    }

    void clearStopsABatchUnderWay()
    {
        std::atomic<int> sent{0};
        Gate gate;
        PublishQueue *self = nullptr;
        PublishQueue queue([&](const OutgoingMessage &m) {
            ++sent;
            if (m.payload.toInt() == 0)
                gate.wait(); // holds the thread until the next batch is queued
            else if (m.payload.toInt() == 1)
                self->clear(); // as the connection going down does, from another thread
        });
        self = &queue;
        queue.push(message(0));
        QVERIFY(gate.entered(1));
        for (int i = 1; i <= 50; ++i)
            queue.push(message(i)); // one batch, taken once message 0 is out
        gate.open();
        QVERIFY(queue.waitUntilEmpty(5000));
        QCOMPARE(sent.load(), 2); // 0, then 1, whose send cleared the queue: 2..50 dropped
    }

    void destructionStopsABatchUnderWay()
    {
        std::atomic<int> sent{0};
        Gate gate0, gate1;
        auto queue = std::make_unique<PublishQueue>([&](const OutgoingMessage &m) {
            ++sent;
            if (m.payload.toInt() == 0)
                gate0.wait();
            else if (m.payload.toInt() == 1)
                gate1.wait();
        });
        queue->push(message(0));
        QVERIFY(gate0.entered(1));
        for (int i = 1; i <= 1000; ++i)
            queue->push(message(i)); // one batch, taken once message 0 is out
        gate0.open();
        QVERIFY(gate1.entered(1)); // message 1 is being sent
        std::thread destroyer([&] { queue.reset(); });
        // The destructor has no observable point between taking the stop and joining the
        // thread, so this one wait is on time: it lets the destructor begin before message 1
        // is released (were it too short, the test would pass without checking anything).
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        gate1.open();
        destroyer.join();
        QCOMPARE(sent.load(), 2); // 2..1000 were not sent
    }
};

QTEST_GUILESS_MAIN(TestPublishQueue)
#include "tst_publishqueue.moc"
