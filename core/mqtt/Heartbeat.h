#pragma once
// Publishes this site's `connected` on /info from a thread of its own, on Presence's schedule,
// so that a long call on the engine's thread (a lock wait, a slow SELECT, a reconnect) does
// not make the remotes see this site go offline. It promises only what it keeps: it beats
// while the broker connection is ready and while the engine's thread has shown itself alive
// (engineAlive()) within the last kEngineStallLimitMs; an engine stuck longer is let go
// offline. Stopped (joined) by its destructor, before the MqttClient goes.
#include <QByteArray>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace mysqlsync {

class Transport;
class Presence;

class Heartbeat {
public:
    static constexpr qint64 kEngineStallLimitMs = 180000;

    Heartbeat(Transport *mqtt, const QString &clientName, int checkIntervalMs);
    ~Heartbeat();
    Heartbeat(const Heartbeat &) = delete;
    Heartbeat &operator=(const Heartbeat &) = delete;

    // Any thread: beat at once (a new broker connection, a newcomer on /info).
    void beatNow();
    // The engine's thread, regularly: it is not stuck.
    void engineAlive();
    // What is published on `topic` beside each `connected` while the transport's optional
    // subscriptions are granted (the extension channel's announcement); empty: nothing.
    void setAnnouncement(const QString &topic, const QByteArray &payload);
    // Publishes the announcement at once (the optional subscriptions were just granted).
    void announceNow();

private:
    void run();

    Transport *m_mqtt;
    QString m_clientName;
    int m_checkIntervalMs;
    std::unique_ptr<Presence> m_schedule; // its heartbeat rule only; guarded by m_mutex
    std::atomic<qint64> m_engineAlive;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_now = false;
    bool m_announceNow = false;
    QString m_announceTopic; // guarded by m_mutex, as is m_announcement
    QByteArray m_announcement;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace mysqlsync
