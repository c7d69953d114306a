#include "transform/ScriptWatchdog.h"

#include <QJSEngine>

#include <algorithm>
#include <cstdio>
#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

namespace mysqlsync {

namespace {
// Resident bytes of this process, 0 when unknown.
long long residentBytes()
{
#ifdef Q_OS_LINUX
    std::FILE *f = std::fopen("/proc/self/statm", "r");
    if (!f)
        return 0;
    long long size = 0, resident = 0;
    const int n = std::fscanf(f, "%lld %lld", &size, &resident);
    std::fclose(f);
    return n == 2 ? resident * ::sysconf(_SC_PAGESIZE) : 0;
#else
    return 0;
#endif
}
constexpr auto kMemoryPoll = std::chrono::milliseconds(5);
} // namespace

ScriptWatchdog::ScriptWatchdog(QJSEngine *engine)
    : m_engine(engine)
    , m_thread([this] { run(); })
{ }

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
        m_baseline = residentBytes();
        m_armed = true;
        m_fired = Stop::None;
    }
    m_wake.notify_all();
}

ScriptWatchdog::Stop ScriptWatchdog::disarm()
{
    Stop fired;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_armed = false;
        fired = m_fired;
        m_fired = Stop::None;
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
        const auto now = std::chrono::steady_clock::now();
        const long long resident = m_baseline > 0 ? residentBytes() : 0;
        const bool memory = resident > 0 && resident - m_baseline > kMemoryLimitBytes;
        if (memory || now >= m_deadline) {
            m_engine->setInterrupted(true);
            m_fired = memory ? Stop::Memory : Stop::Time;
            m_armed = false;
            continue;
        }
        m_wake.wait_until(lock, m_baseline > 0 ? std::min(m_deadline, now + kMemoryPoll) : m_deadline);
    }
}

} // namespace mysqlsync
