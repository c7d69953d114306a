#include "engine/RemotePaths.h"

namespace mysqlsync {

bool RemotePaths::announced(const ext::Announcement &a, qint64 deadline, qint64 now)
{
    const Path before = path(a.sender, now);
    Remote &r = m_remotes[a.sender];
    r.announcement = a;
    r.deadline = deadline;
    return path(a.sender, now) != before;
}

bool RemotePaths::wentOffline(const QString &remote, qint64 now)
{
    auto it = m_remotes.find(remote);
    if (it == m_remotes.end())
        return false;
    const Path before = path(remote, now);
    it->deadline = 0;
    it->announcement.capabilities.clear();
    return before != Path::PerRow;
}

void RemotePaths::cameOnline(const QString &remote, qint64 now)
{
    m_remotes[remote].onlineSince = now;
}

bool RemotePaths::awaitingAnnouncement(const QString &remote, qint64 now) const
{
    const auto it = m_remotes.constFind(remote);
    return it != m_remotes.cend() && it->deadline == 0 && now < it->onlineSince + kAnnouncementGraceMs;
}

RemotePaths::Path RemotePaths::path(const QString &remote, qint64 now) const
{
    const auto it = m_remotes.constFind(remote);
    if (it == m_remotes.cend() || now >= it->deadline)
        return Path::PerRow;
    // Version 1 is what this engine speaks; a newer one still serves version 1's messages.
    return it->announcement.protocol >= ext::kProtocolVersion && it->announcement.has(ext::capabilityBatch())
        ? Path::Batch
        : Path::PerRow;
}

bool RemotePaths::compresses(const QString &remote, qint64 now) const
{
    return batches(remote, now) && m_remotes.value(remote).announcement.has(ext::capabilityZlib());
}

bool RemotePaths::hasAnnounced(const QString &remote, qint64 now) const
{
    const auto it = m_remotes.constFind(remote);
    return it != m_remotes.cend() && now < it->deadline;
}

bool RemotePaths::speaks(const QString &remote, const QString &capability, qint64 now) const
{
    return hasAnnounced(remote, now) && m_remotes.value(remote).announcement.has(capability);
}

void RemotePaths::sent(const QString &remote, Path path, int rows, qint64 bytes)
{
    Remote &r = m_remotes[remote];
    Traffic &t = path == Path::Batch ? r.batch : r.perRow;
    ++t.messages;
    t.rows += rows;
    t.bytes += bytes;
}

void RemotePaths::sentBatch(const QString &remote, qint64 date, const QList<ChangeMessage> &changes)
{
    Remote &r = m_remotes[remote];
    auto it = r.sentKeys.find(date);
    if (it == r.sentKeys.end()) {
        it = r.sentKeys.insert(date, {});
        r.sentDates.append(date);
    }
    const qsizetype before = it->size();
    for (const ChangeMessage &c : changes)
        it->insert(c.table + QLatin1Char('\n') + c.id);
    r.rememberedRows += it->size() - before;
    while (r.rememberedRows > kRememberedRows && r.sentDates.size() > 1) {
        const qint64 oldest = r.sentDates.takeFirst();
        r.rememberedRows -= r.sentKeys.take(oldest).size();
    }
}

bool RemotePaths::couldHaveSent(const QString &remote, const QString &table, const QString &id, qint64 date) const
{
    const auto r = m_remotes.constFind(remote);
    if (r == m_remotes.cend())
        return true;
    const auto keys = r->sentKeys.constFind(date);
    return keys == r->sentKeys.cend() || keys->contains(table + QLatin1Char('\n') + id);
}

RemotePaths::Traffic RemotePaths::traffic(const QString &remote, Path path) const
{
    const auto it = m_remotes.constFind(remote);
    if (it == m_remotes.cend())
        return {};
    return path == Path::Batch ? it->batch : it->perRow;
}

QString RemotePaths::name(Path path)
{
    return path == Path::Batch ? QStringLiteral("batch") : QStringLiteral("per-row");
}

} // namespace mysqlsync
