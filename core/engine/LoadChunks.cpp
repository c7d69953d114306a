#include "engine/LoadChunks.h"

#include <algorithm>

namespace mysqlsync {

QString LoadChunks::pairKey(const QString &table, const QString &remote)
{
    return table + QLatin1Char('\n') + remote;
}

void LoadChunks::add(LoadChunk chunk)
{
    const QString key = pairKey(chunk.table, chunk.remote);
    m_chunks[key].append(std::move(chunk));
}

int LoadChunks::inFlight(const QString &table, const QString &remote) const
{
    const auto it = m_chunks.constFind(pairKey(table, remote));
    return it == m_chunks.cend() ? 0 : int(it->size());
}

int LoadChunks::unanswered(const QString &table, const QString &remote) const
{
    const auto it = m_chunks.constFind(pairKey(table, remote));
    if (it == m_chunks.cend())
        return 0;
    return int(std::count_if(it->cbegin(), it->cend(), [](const LoadChunk &c) { return c.unanswered > 0; }));
}

bool LoadChunks::answered(const QString &table, const QString &remote, qint64 date, int count)
{
    const auto it = m_chunks.find(pairKey(table, remote));
    if (it == m_chunks.end())
        return false;
    for (LoadChunk &chunk : *it) {
        if (chunk.date != date)
            continue;
        const bool was = chunk.unanswered > 0;
        chunk.unanswered -= count; // a receipt for a resent row may come twice: pacing only
        return was && chunk.unanswered <= 0;
    }
    return false;
}

QString LoadChunks::readFrom(const QString &table, const QString &remote, const QString &settled) const
{
    const auto it = m_chunks.constFind(pairKey(table, remote));
    return it == m_chunks.cend() || it->isEmpty() ? settled : it->last().lastKey;
}

void LoadChunks::written(const QList<InfoMessage> &receipts)
{
    if (m_chunks.isEmpty())
        return;
    for (const InfoMessage &r : receipts) {
        auto it = m_chunks.find(pairKey(r.table, r.sender));
        if (it == m_chunks.end())
            continue;
        for (LoadChunk &chunk : *it) {
            if (chunk.date == r.date) {
                chunk.waiting.remove(r.id);
                break;
            }
        }
    }
}

QString LoadChunks::takeSettled(const QString &table, const QString &remote, int *rows)
{
    *rows = 0;
    auto it = m_chunks.find(pairKey(table, remote));
    if (it == m_chunks.end())
        return QString();
    QString upTo;
    while (!it->isEmpty() && it->first().waiting.isEmpty()) {
        const LoadChunk chunk = it->takeFirst();
        upTo = chunk.lastKey;
        *rows += chunk.rows;
    }
    if (it->isEmpty())
        m_chunks.erase(it);
    return upTo;
}

QList<LoadChunk> LoadChunks::overdue(qint64 before, bool takeKeys)
{
    QList<LoadChunk> out;
    for (QList<LoadChunk> &pair : m_chunks) {
        for (LoadChunk &chunk : pair) {
            if (chunk.sentAt >= before || chunk.waiting.isEmpty() || (!takeKeys && chunk.pendingWritten))
                continue;
            // Every receipt arrived (they wait for sync_status): no pending rows for them.
            if (!takeKeys && chunk.unanswered <= 0)
                continue;
            out.append(chunk);
            if (takeKeys) {
                chunk.waiting.clear();
                chunk.unanswered = 0;
            } else
                chunk.pendingWritten = true;
        }
    }
    return out;
}

} // namespace mysqlsync
