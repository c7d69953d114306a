#include "transform/ScriptWatchdog.h"

#include <QJSEngine>

namespace mysqlsync {

ScriptWatchdog::ScriptWatchdog(QJSEngine *engine) : m_engine(engine), m_thread([this] { run(); }) {}

ScriptWatchdog::~ScriptWatchdog()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void ScriptWatchdog::arm(int milliseconds)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(milliseconds);
        m_armed = true;
        m_fired = false;
    }
    m_wake.notify_all();
}

bool ScriptWatchdog::disarm()
{
    bool fired;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_armed = false;
        fired = m_fired;
        m_fired = false;
    }
    // Whether or not it fired: from here on nothing sets the flag, so clearing it is final.
    m_engine->setInterrupted(false);
    return fired;
}

void ScriptWatchdog::run()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_quit) {
        if (!m_armed) {
            m_wake.wait(lock);
            continue;
        }
        if (std::chrono::steady_clock::now() >= m_deadline) {
            m_engine->setInterrupted(true);
            m_fired = true;
            m_armed = false;
            continue;
        }
        m_wake.wait_until(lock, m_deadline);
    }
}

} // namespace mysqlsync
