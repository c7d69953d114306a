#include "mqtt/Presence.h"

#include "common/Logging.h"
#include "protocol/Messages.h"

namespace mysqlsync {

Presence::Presence(const QString &self, const QStringList &remotes, int checkIntervalMs, QObject *parent)
    : QObject(parent)
    , m_self(self)
    , m_configured(remotes)
    , m_checkIntervalMs(checkIntervalMs)
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
    const bool wasOnline = state.online;
    if (message.kind == InfoKind::Connected) {
        // The period between heartbeats, while they come without a gap.
        state.periodMs = wasOnline && state.lastSeen > 0 && now > state.lastSeen ? now - state.lastSeen : 0;
        state.lastSeen = now;
        state.until = message.until;
        const qint64 rule = 2 * qint64(m_checkIntervalMs) + 3000;
        const qint64 lead = message.until - now;
        state.skewMs = lead - rule;
        state.skewKnown = true;
        // A far `until` is taken as given until a second heartbeat in a row shows the period
        // (a remote that announced a long lead once, or whose clock is ahead).
        if ((lead > 0 && lead <= rule + kTrustedExtraLeadMs) || (lead > 0 && state.periodMs == 0))
            state.deadline = message.until;
        else
            state.deadline = now + qMin(kMaxLeadMs, qMax(rule, state.periodMs + 1000));
        Q_EMIT remoteClockSkew(state.name, state.skewMs);
        const bool online = now < state.deadline;
        if (online != wasOnline)
            setOnline(state, online);
        else if (online)
            Q_EMIT remoteStateChanged(state.name, true, state.deadline); // the deadline moved on
    } else {
        state.lastSeen = now;
        state.until = 0;
        state.deadline = 0;
        if (wasOnline)
            setOnline(state, false);
    }
    return state.online != wasOnline;
}

void Presence::expire(qint64 now)
{
    for (RemoteState &state : m_remotes) {
        if (state.online && now >= state.deadline)
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
    return it != m_remotes.cend() && it->online && now < it->deadline;
}

qint64 Presence::deadlineOf(const QString &remote) const
{
    const auto it = m_remotes.constFind(remote);
    return it == m_remotes.cend() || !it->online ? 0 : it->deadline;
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
        const qint64 left = qMax<qint64>(0, state.deadline - now);
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
    Q_EMIT remoteStateChanged(state.name, online, state.deadline);
}

} // namespace mysqlsync
