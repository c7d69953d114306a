#include "engine/RetryBackoff.h"

namespace mysqlsync {

namespace {
QString entryKey(const QString &remote, const QString &table, const QString &key)
{
    return remote + QLatin1Char('\n') + table + QLatin1Char('\n') + key;
}
} // namespace

bool RetryBackoff::isMissingColumn(const QString &message)
{
    // Ours: 'Unknown column "x" in table `t`'; the server's (ours or the earlier engine's
    // driver): "Unknown column 'x' in 'field list'".
    return message.contains(QLatin1String("Unknown column"), Qt::CaseInsensitive);
}

bool RetryBackoff::refused(const QString &remote, const QString &table, const QString &key, qint64 now)
{
    const QString k = entryKey(remote, table, key);
    auto it = m_entries.find(k);
    if (it == m_entries.end()) {
        if (m_entries.size() >= kMaxEntries)
            return false; // a flood of refusals: the rest stay in error, to be resent by hand
        it = m_entries.insert(k, Entry{remote, table, key, 0, 0});
    }
    if (it->tries >= kMaxTries) {
        m_entries.erase(it);
        return false;
    }
    const qint64 delay = qMin<qint64>(60000, qint64(1000) << qMin(it->tries, 6));
    ++it->tries;
    it->due = now + delay;
    return true;
}

void RetryBackoff::accepted(const QString &remote, const QString &table, const QString &key)
{
    m_entries.remove(entryKey(remote, table, key));
}

QHash<QString, QHash<QString, QStringList>> RetryBackoff::takeDue(qint64 now)
{
    QHash<QString, QHash<QString, QStringList>> due;
    for (auto &entry : m_entries) {
        if (entry.due == 0 || entry.due > now)
            continue;
        due[entry.remote][entry.table].append(entry.key);
        entry.due = 0;
    }
    return due;
}

} // namespace mysqlsync
