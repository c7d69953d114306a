#include "engine/RemotePaths.h"

#include <algorithm>

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

void RemotePaths::sentBatch(const QString &remote, qint64 date, const QList<ChangeMessage> &changes, qint64 number)
{
    Remote &r = m_remotes[remote];
    if (number > 0) {
        Remote::Numbered &batch = r.numbered[number];
        r.numberedRows -= batch.rows.size(); // (a number used again: the older batch is forgotten)
        if (batch.rows.isEmpty())
            r.numbers.append(number);
        batch.date = date;
        batch.rows.clear();
        batch.rows.reserve(changes.size());
        for (const ChangeMessage &c : changes)
            batch.rows.append({c.table, c.id});
        r.numberedRows += batch.rows.size();
        while (r.numberedRows > kRememberedRows && r.numbers.size() > 1)
            r.numberedRows -= r.numbered.take(r.numbers.takeFirst()).rows.size();
    }
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

bool RemotePaths::expand(const QString &remote, const ext::ReceiptBatch &summary, QList<InfoMessage> *out, QString *why,
                         QStringList *skipped) const
{
    const Remote::Numbered *batch = nullptr;
    if (const auto r = m_remotes.constFind(remote); r != m_remotes.cend()) {
        if (const auto b = r->numbered.constFind(summary.batch); b != r->numbered.cend())
            batch = &*b;
    }
    if (!batch) {
        *why = QStringLiteral("batch %1 is not one this engine sent lately (sent before a restart, or forgotten): "
                              "its rows stay owed and are sent again")
                   .arg(summary.batch);
        return false;
    }
    if (batch->date != summary.date || batch->rows.size() != summary.rows) {
        *why = QStringLiteral("the summary of batch %1 says %2 row(s) sent at %3; the batch held %4 sent at %5")
                   .arg(summary.batch)
                   .arg(summary.rows)
                   .arg(summary.date)
                   .arg(batch->rows.size())
                   .arg(batch->date);
        return false;
    }
    QHash<QString, const InfoMessage *> errors; // "table\nid" -> its error receipt
    for (const InfoMessage &e : summary.receipts)
        errors.insert(e.table + QLatin1Char('\n') + e.id, &e);
    out->reserve(out->size() + batch->rows.size());
    qsizetype matched = 0;
    for (const auto &[table, id] : batch->rows) {
        const InfoMessage *error = errors.isEmpty() ? nullptr : errors.value(table + QLatin1Char('\n') + id);
        if (error) {
            out->append(*error);
            ++matched;
        } else {
            out->append(InfoMessage::dataReceived(remote, table, id, summary.date));
        }
    }
    if (matched < errors.size()) {
        for (const InfoMessage &e : summary.receipts) {
            const bool carried = std::any_of(batch->rows.cbegin(), batch->rows.cend(), [&e](const auto &row) {
                return row.first == e.table && row.second == e.id;
            });
            if (!carried)
                skipped->append(QStringLiteral("the summary of batch %1 lists an error for %2 %3, which the batch did "
                                               "not carry")
                                    .arg(summary.batch)
                                    .arg(e.table.left(64), e.id.left(64)));
        }
    }
    return true;
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
