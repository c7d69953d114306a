#pragma once
// Interrupts a QJSEngine that runs past a deadline: a thread of its own waits for the
// deadline and calls QJSEngine::setInterrupted(true) (thread-safe). The engine's thread
// arms it before JavaScript runs and disarms it afterwards; disarm() clears the interrupt
// so the engine is usable again and says whether it fired.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

class QJSEngine;

namespace mysqlsync {

class ScriptWatchdog {
public:
    explicit ScriptWatchdog(QJSEngine *engine);
    ~ScriptWatchdog();
    ScriptWatchdog(const ScriptWatchdog &) = delete;
    ScriptWatchdog &operator=(const ScriptWatchdog &) = delete;

    void arm(int milliseconds);
    bool disarm(); // true if the deadline passed (the engine was interrupted)

private:
    void run();

    QJSEngine *m_engine;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::chrono::steady_clock::time_point m_deadline;
    bool m_armed = false;
    bool m_fired = false;
    bool m_quit = false;
    std::thread m_thread;
};

} // namespace mysqlsync
