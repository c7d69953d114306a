#include "mqtt/Presence.h"

#include "common/Logging.h"
#include "protocol/Messages.h"

namespace mysqlsync {

Presence::Presence(const QString &self, const QStringList &remotes, int checkIntervalMs, QObject *parent)
    : QObject(parent), m_self(self), m_configured(remotes), m_checkIntervalMs(checkIntervalMs)
{
    for (const QString &name : remotes) {
        RemoteState state;
        state.name = name;
        state.configured = true;
        m_remotes.insert(name, state);
    }
}

std::optional<qint64> Presence::heartbeatDue(qint64 now)
{
    if (now <= m_next)
        return std::nullopt;
    m_next = now + m_checkIntervalMs + 2000;
    return m_next + m_checkIntervalMs + 1000;
}

bool Presence::handle(const InfoMessage &message, qint64 now)
{
    if (message.sender == m_self)
        return false;
    if (message.kind != InfoKind::Connected && message.kind != InfoKind::ConnectionLost)
        return false;
    // Only configured remotes are tracked: nothing is kept per name that anyone may send.
    auto it = m_remotes.find(message.sender);
    if (it == m_remotes.end())
        return false;
    RemoteState &state = it.value();
    state.lastSeen = now;
    const bool wasOnline = state.online;
    if (message.kind == InfoKind::Connected) {
        state.until = message.until;
        const bool online = now < message.until;
        if (online != wasOnline)
            setOnline(state, online);
        else if (online)
            Q_EMIT remoteStateChanged(state.name, true, state.until); // `until` moved on
    } else {
        state.until = 0;
        if (wasOnline)
            setOnline(state, false);
    }
    return state.online != wasOnline;
}

void Presence::expire(qint64 now)
{
    for (RemoteState &state : m_remotes) {
        if (state.online && now >= state.until)
            setOnline(state, false);
    }
}

void Presence::forgetAll()
{
    for (RemoteState &state : m_remotes) {
        if (state.online)
            setOnline(state, false);
    }
}

bool Presence::isOnline(const QString &remote, qint64 now) const
{
    auto it = m_remotes.constFind(remote);
    return it != m_remotes.cend() && it->online && now < it->until;
}

QList<RemoteState> Presence::states() const
{
    return m_remotes.values();
}

qint64 Presence::msUntilNextExpiry(qint64 now) const
{
    qint64 best = -1;
    for (const RemoteState &state : m_remotes) {
        if (!state.online)
            continue;
        const qint64 left = qMax<qint64>(0, state.until - now);
        if (best < 0 || left < best)
            best = left;
    }
    return best;
}

void Presence::setOnline(RemoteState &state, bool online)
{
    state.online = online;
    qCInfo(lcPresence).noquote() << state.name << (online ? "is online" : "is offline")
                                 << (state.configured ? "" : "(not a configured remote)");
    Q_EMIT remoteStateChanged(state.name, online, state.until);
}

} // namespace mysqlsync
