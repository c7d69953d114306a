// WorkerThread and RequestGeneration, the monitor's loader threads: answers of a stale
// generation are refused, retire() returns while the worker is still busy and its thread then
// ends and is deleted on its own, and destruction joins every thread still running.
#include "monitor/RequestGeneration.h"
#include "monitor/WorkerThread.h"

#include <QPointer>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace mysqlsync::ui;

namespace {

// What a worker did, readable after it is gone.
struct Trace {
    QSemaphore started;
    QSemaphore release;
    std::atomic<bool> finished{false};
    std::atomic<bool> deleted{false};
    std::atomic<QThread *> ranOn{nullptr};
    std::atomic<QThread *> deletedOn{nullptr};
};

} // namespace

class Worker : public QObject {
    Q_OBJECT
public:
    explicit Worker(std::shared_ptr<Trace> trace)
        : m_trace(std::move(trace))
    { }
    ~Worker() override
    {
        m_trace->deletedOn = QThread::currentThread();
        m_trace->deleted = true;
    }

    // Answers `generation` at once.
    void answer(quint64 generation) { Q_EMIT answered(generation); }
    // A query that runs until the test releases it (at most 10 s).
    void waitForRelease()
    {
        m_trace->ranOn = QThread::currentThread();
        m_trace->started.release();
        m_trace->release.tryAcquire(1, 10000);
        m_trace->finished = true;
        Q_EMIT answered(0);
    }
    // A query that takes `ms`.
    void slowQuery(int ms)
    {
        m_trace->ranOn = QThread::currentThread();
        m_trace->started.release();
        QThread::msleep(ulong(ms));
        m_trace->finished = true;
    }

Q_SIGNALS:
    void answered(quint64 generation);

private:
    std::shared_ptr<Trace> m_trace;
};

class TestWorkerThread : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void generationsCountUpAndOnlyTheNewestIsCurrent()
    {
        RequestGeneration generation;
        const auto latest = generation.latest();
        QCOMPARE(generation.current(), quint64(0));
        const quint64 first = generation.next();
        const quint64 second = generation.next();
        QVERIFY(second > first);
        QVERIFY(!generation.isCurrent(first));
        QVERIFY(generation.isCurrent(second));
        QCOMPARE(generation.current(), second);
        QCOMPARE(latest->load(), second); // what the worker sees
    }

    void anAnswerQueuedBeforeANewRequestIsRefused()
    {
        auto trace = std::make_shared<Trace>();
        WorkerThread thread(QStringLiteral("tst-answer"));
        RequestGeneration generation;
        auto *worker = new Worker(trace);
        QList<quint64> accepted;
        QList<quint64> refused;
        connect(
            worker, &Worker::answered, this,
            [&](quint64 g) { (generation.isCurrent(g) ? accepted : refused).append(g); }, Qt::QueuedConnection);
        thread.start(worker);

        const quint64 current = generation.next();
        QMetaObject::invokeMethod(
            worker, [worker, current] { worker->answer(current); }, Qt::QueuedConnection);
        QTRY_COMPARE(accepted.size(), 1);
        QCOMPARE(accepted.first(), current);

        // The answer to `stale` is queued to us before the next request is made: it arrives,
        // and is refused.
        const quint64 stale = generation.next();
        QMetaObject::invokeMethod(
            worker, [worker, stale] { worker->answer(stale); }, Qt::BlockingQueuedConnection);
        const quint64 newest = generation.next();
        QMetaObject::invokeMethod(
            worker, [worker, newest] { worker->answer(newest); }, Qt::QueuedConnection);
        QTRY_COMPARE(accepted.size(), 2);
        QCOMPARE(accepted.last(), newest);
        QCOMPARE(refused, QList<quint64>{stale});
    }

    void retireDoesNotWaitAndTheRetiredThreadIsDeleted()
    {
        auto trace = std::make_shared<Trace>();
        WorkerThread thread(QStringLiteral("tst-retire"));
        auto *worker = new Worker(trace);
        int answers = 0;
        connect(
            worker, &Worker::answered, this, [&] { ++answers; }, Qt::QueuedConnection);
        thread.start(worker);
        QVERIFY(thread.isRunning());
        QMetaObject::invokeMethod(worker, &Worker::waitForRelease, Qt::QueuedConnection);
        QVERIFY(trace->started.tryAcquire(1, 10000));
        QPointer<QThread> qthread = trace->ranOn.load();
        QVERIFY(qthread);
        QCOMPARE(qthread->objectName(), QStringLiteral("tst-retire"));

        thread.retire(); // the worker is inside its query: this must return all the same
        QVERIFY(!trace->finished);
        QVERIFY(qthread && qthread->isRunning());
        QVERIFY(!thread.isRunning());
        QCOMPARE(thread.retiredCount(), 1);

        trace->release.release();
        QTRY_VERIFY(qthread.isNull()); // ended, and deleted by our event loop
        QVERIFY(trace->finished);
        QVERIFY(trace->deleted);
        QCOMPARE(trace->deletedOn.load(), trace->ranOn.load()); // the worker on its own thread
        QCOMPARE(thread.retiredCount(), 0);
        QCoreApplication::processEvents();
        QCOMPARE(answers, 0); // what it said after retire() reached nobody
    }

    void destructionJoinsTheRunningAndTheRetiredThreads()
    {
        auto retiredTrace = std::make_shared<Trace>();
        auto runningTrace = std::make_shared<Trace>();
        QPointer<QThread> retiredThread;
        QPointer<QThread> runningThread;
        {
            WorkerThread thread(QStringLiteral("tst-join"));
            auto *first = new Worker(retiredTrace);
            thread.start(first);
            QMetaObject::invokeMethod(
                first, [first] { first->slowQuery(300); }, Qt::QueuedConnection);
            QVERIFY(retiredTrace->started.tryAcquire(1, 10000));
            retiredThread = retiredTrace->ranOn.load();

            auto *second = new Worker(runningTrace);
            thread.start(second); // retires the first
            QCOMPARE(thread.retiredCount(), 1);
            QMetaObject::invokeMethod(
                second, [second] { second->slowQuery(300); }, Qt::QueuedConnection);
            QVERIFY(runningTrace->started.tryAcquire(1, 10000));
            runningThread = runningTrace->ranOn.load();
            QVERIFY(!retiredTrace->finished);
            QVERIFY(!runningTrace->finished);
        } // no event loop runs from here on: the destructor alone must finish both
        QVERIFY(retiredTrace->finished);
        QVERIFY(runningTrace->finished);
        QVERIFY(retiredTrace->deleted);
        QVERIFY(runningTrace->deleted);
        QVERIFY(retiredThread.isNull());
        QVERIFY(runningThread.isNull());
    }
};

QTEST_GUILESS_MAIN(TestWorkerThread)
#include "tst_workerthread.moc"
