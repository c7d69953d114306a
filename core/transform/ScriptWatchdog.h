#pragma once
// Interrupts a QJSEngine that runs past a deadline: a thread of its own waits for the
// deadline and calls QJSEngine::setInterrupted(true) (thread-safe). The engine's thread
// arms it before JavaScript runs and disarms it afterwards; disarm() clears the interrupt
// so the engine is usable again and says whether (and why) it fired.
// On Linux it also watches the process's resident memory while armed (every 5 ms) and
// interrupts a run that grew it by more than kMemoryLimitBytes: string concatenation in a
// loop allocates without calling any built-in the runtime could limit.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

class QJSEngine;

namespace mysqlsync {

class ScriptWatchdog {
public:
    enum class Stop { None, Time, Memory };
    static constexpr long long kMemoryLimitBytes = 256ll << 20;

    explicit ScriptWatchdog(QJSEngine *engine);
    ~ScriptWatchdog();
    ScriptWatchdog(const ScriptWatchdog &) = delete;
    ScriptWatchdog &operator=(const ScriptWatchdog &) = delete;

    void arm(int milliseconds);
    Stop disarm(); // why the engine was interrupted, if it was

private:
    void run();

    QJSEngine *m_engine;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::chrono::steady_clock::time_point m_deadline;
    bool m_armed = false;
    Stop m_fired = Stop::None;
    long long m_baseline = 0; // resident bytes when armed
    bool m_quit = false;
    std::thread m_thread;
};

} // namespace mysqlsync
