#include "mqtt/Heartbeat.h"

#include "common/Logging.h"
#include "mqtt/Presence.h"
#include "mqtt/Transport.h"
#include "protocol/Messages.h"

#include <QDateTime>

#include <chrono>
#include <utility>

namespace mysqlsync {

Heartbeat::Heartbeat(Transport *mqtt, const QString &clientName, int checkIntervalMs)
    : m_mqtt(mqtt)
    , m_clientName(clientName)
    , m_checkIntervalMs(qMax(1, checkIntervalMs))
    , m_schedule(std::make_unique<Presence>(clientName, QStringList(), checkIntervalMs))
    , m_engineAlive(QDateTime::currentMSecsSinceEpoch())
{
    m_thread = std::thread([this] { run(); });
}

Heartbeat::~Heartbeat()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void Heartbeat::beatNow()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_schedule->resetHeartbeat();
        m_now = true;
    }
    m_wake.notify_all();
}

void Heartbeat::engineAlive()
{
    m_engineAlive.store(QDateTime::currentMSecsSinceEpoch());
}

void Heartbeat::setAnnouncement(const QString &topic, const QByteArray &payload)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_announceTopic = topic;
    m_announcement = payload;
}

void Heartbeat::announceNow()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_announceNow = true;
    }
    m_wake.notify_all();
}

void Heartbeat::run()
{
    bool stalled = false;
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stop) {
        // Like the engine's timer used to: a look every checkInterval, a beat when one is due.
        m_wake.wait_for(lock, std::chrono::milliseconds(m_checkIntervalMs),
                        [this] { return m_stop || m_now || m_announceNow; });
        if (m_stop)
            break;
        m_now = false;
        bool announce = std::exchange(m_announceNow, false);
        if (!m_mqtt->isReady())
            continue; // nothing would reach the remotes; a new connection beats at once
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - m_engineAlive.load() > kEngineStallLimitMs) {
            if (!stalled)
                qCWarning(lcMqtt).noquote()
                    << "the engine's thread has not answered for" << (now - m_engineAlive.load()) / 1000
                    << "s: no heartbeat until it does (the remotes see this site offline)";
            stalled = true;
            continue;
        }
        if (stalled) {
            stalled = false;
            m_schedule->resetHeartbeat();
        }
        if (const auto until = m_schedule->heartbeatDue(now)) {
            m_mqtt->publish(topics::info(), InfoMessage::connected(m_clientName, *until).toJson());
            announce = true;
        }
        // Beside the heartbeat, on the same connection: a remote hears it after the `connected`.
        if (announce && !m_announcement.isEmpty() && m_mqtt->optionalReady())
            m_mqtt->publish(m_announceTopic, m_announcement);
    }
}

} // namespace mysqlsync
