#pragma once
// Who is online until when (docs/protocol.md, "Presence"), and when our own
// `connected` heartbeat is due. Pure logic: every call takes the current time,
// so tests drive it with any clock.
#include <QHash>
#include <QObject>
#include <QStringList>

#include <optional>

namespace mysqlsync {

struct InfoMessage;

struct RemoteState {
    QString name;
    bool configured = false;   // listed in remoteClients
    bool online = false;
    qint64 until = 0;          // promised next heartbeat (ms since epoch), 0 if never seen
    qint64 lastSeen = 0;       // time of the last info message from it
};

class Presence : public QObject {
    Q_OBJECT
public:
    Presence(const QString &self, const QStringList &remotes, int checkIntervalMs, QObject *parent = nullptr);

    // The heartbeat rule of the earlier engine: when now > next, next becomes
    // now + checkInterval + 2000 and a `connected` with until = next + checkInterval + 1000
    // is due. Returns that `until`, or nothing when no heartbeat is due.
    std::optional<qint64> heartbeatDue(qint64 now);
    // Makes the next heartbeatDue() fire at once (after a reconnect).
    void resetHeartbeat() { m_next = 0; }

    // A message from /info. Returns true when it changed someone's online state.
    // Messages whose sender is ourselves, or not a configured remote, are ignored.
    bool handle(const InfoMessage &message, qint64 now);
    // Marks offline every remote whose `until` has passed.
    void expire(qint64 now);
    // Everyone goes offline (our own broker connection was lost: we cannot know).
    void forgetAll();

    bool isOnline(const QString &remote, qint64 now) const;
    QList<RemoteState> states() const;
    QStringList configuredRemotes() const { return m_configured; }
    // Milliseconds until the earliest `until` of an online remote, or -1.
    qint64 msUntilNextExpiry(qint64 now) const;

Q_SIGNALS:
    // A configured remote went online or offline.
    void remoteStateChanged(const QString &name, bool online, qint64 until);

private:
    void setOnline(RemoteState &state, bool online);

    QString m_self;
    QStringList m_configured;
    int m_checkIntervalMs;
    qint64 m_next = 0;
    QHash<QString, RemoteState> m_remotes;
};

} // namespace mysqlsync
