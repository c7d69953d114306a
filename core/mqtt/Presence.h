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
    bool configured = false; // listed in remoteClients
    bool online = false;
    qint64 until = 0;    // its promised next heartbeat, in its own clock (0: never seen)
    qint64 deadline = 0; // when it goes offline, in our clock (see Presence::handle)
    qint64 lastSeen = 0; // time of the last info message from it
    qint64 periodMs = 0; // between its last two heartbeats (our clock), 0: unknown
    qint64 skewMs = 0;   // estimated: its clock minus ours (positive: it is ahead)
    bool skewKnown = false;
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
    //
    // Clock skew. `until` is in the remote's clock. The lead it promises by the heartbeat rule
    // is L = 2 * checkInterval + 3000 (assuming the remote's checkInterval is ours), so the
    // skew is estimated as (until - now) - L. While the apparent lead until - now lies in
    // (0, L + kTrustedExtraLeadMs] the remote's `until` counts as given (a remote with a longer
    // checkInterval promises more); so does a longer one until a second heartbeat in a row
    // shows the remote's period. Otherwise the clocks disagree: the remote stays online until
    // now + max(L, its heartbeat period + 1000) in our clock, at most kMaxLeadMs.
    // connection_lost is offline at once either way.
    bool handle(const InfoMessage &message, qint64 now);
    // Marks offline every remote whose `until` has passed.
    void expire(qint64 now);
    // Everyone goes offline (our own broker connection was lost: we cannot know).
    void forgetAll();

    bool isOnline(const QString &remote, qint64 now) const;
    QList<RemoteState> states() const;
    // When `remote` goes offline without a further heartbeat (our clock); 0: offline or unknown.
    qint64 deadlineOf(const QString &remote) const;
    QStringList configuredRemotes() const { return m_configured; }
    // Milliseconds until the earliest `until` of an online remote, or -1.
    qint64 msUntilNextExpiry(qint64 now) const;

    static constexpr qint64 kTrustedExtraLeadMs = 20000;
    static constexpr qint64 kMaxLeadMs = 120000;

Q_SIGNALS:
    // A configured remote went online or offline, or (online) sent a heartbeat; `until` is
    // when it goes offline without a further heartbeat, in our clock.
    void remoteStateChanged(const QString &name, bool online, qint64 until);
    // The clock skew measured at a remote's heartbeat (its clock minus ours, ms).
    void remoteClockSkew(const QString &name, qint64 skewMs);

private:
    void setOnline(RemoteState &state, bool online);

    QString m_self;
    QStringList m_configured;
    int m_checkIntervalMs;
    qint64 m_next = 0;
    QHash<QString, RemoteState> m_remotes;
};

} // namespace mysqlsync
