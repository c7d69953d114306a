// PublishQueue: messages reach the sender in order on the queue's own thread, a burst goes
// out in batches without a wake-up per message, waitUntilEmpty() waits for what is being
// sent, and clear() drops what was not handed over yet (also the rest of a batch under way),
// as does the destructor.
#include "mqtt/PublishQueue.h"

#include <QTest>

#include <atomic>
#include <chrono>
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
        PublishQueue queue([&](const OutgoingMessage &) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            ++sent;
        });
        queue.push(message(1));
        queue.push(message(2));
        QVERIFY(queue.waitUntilEmpty(5000));
        QCOMPARE(sent.load(), 2);
        // And it times out (false) while a slow send is still under way.
        queue.push(message(3));
        QVERIFY(!queue.waitUntilEmpty(5));
        QVERIFY(queue.waitUntilEmpty(5000));
        QCOMPARE(sent.load(), 3);
    }

    void clearDropsWhatWasNotHandedOver()
    {
        std::atomic<int> sent{0};
        std::atomic<bool> release{false};
        PublishQueue queue([&](const OutgoingMessage &) {
            while (!release.load())
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            ++sent;
        });
        queue.push(message(1)); // taken at once, held in the sender
        QTRY_VERIFY(!queue.waitUntilEmpty(0));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        for (int i = 2; i <= 100; ++i)
            queue.push(message(i));
        queue.clear();
        release = true;
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
        std::atomic<bool> release{false};
        PublishQueue *self = nullptr;
        PublishQueue queue([&](const OutgoingMessage &m) {
            ++sent;
            if (m.payload.toInt() == 0) {
                while (!release.load()) // holds the thread until the next batch is queued
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
            } else if (m.payload.toInt() == 1) {
                self->clear(); // as the connection going down does, from another thread
            }
        });
        self = &queue;
        queue.push(message(0));
        QTRY_VERIFY(!queue.waitUntilEmpty(0));
        for (int i = 1; i <= 50; ++i)
            queue.push(message(i)); // one batch, taken once message 0 is out
        release = true;
        QVERIFY(queue.waitUntilEmpty(5000));
        QCOMPARE(sent.load(), 2); // 0, then 1, whose send cleared the queue: 2..50 dropped
    }

    void destructionStopsABatchUnderWay()
    {
        std::atomic<int> sent{0};
        std::atomic<bool> release0{false}, release1{false};
        auto queue = std::make_unique<PublishQueue>([&](const OutgoingMessage &m) {
            ++sent;
            std::atomic<bool> &gate = m.payload.toInt() == 0 ? release0 : release1;
            if (m.payload.toInt() <= 1) {
                while (!gate.load())
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });
        queue->push(message(0));
        QTRY_VERIFY(!queue->waitUntilEmpty(0));
        for (int i = 1; i <= 1000; ++i)
            queue->push(message(i)); // one batch, taken once message 0 is out
        release0 = true;
        QTRY_COMPARE(sent.load(), 2); // message 1 is being sent
        std::thread destroyer([&] { queue.reset(); });
        std::this_thread::sleep_for(std::chrono::milliseconds(50)); // the destructor has begun
        release1 = true;
        destroyer.join();
        QCOMPARE(sent.load(), 2); // 2..1000 were not sent
    }
};

QTEST_GUILESS_MAIN(TestPublishQueue)
#include "tst_publishqueue.moc"
