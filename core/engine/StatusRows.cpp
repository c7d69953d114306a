#include "engine/StatusRows.h"

namespace mysqlsync {

QString StatusRows::rowKey(const QString &table, const QString &key, const QString &remote)
{
    return table + QLatin1Char('\n') + key + QLatin1Char('\n') + remote;
}

void StatusRows::pending(const StatusUpdate &update)
{
    const QString k = rowKey(update.table, update.key, update.remote);
    auto it = m_rows.find(k);
    if (it == m_rows.end())
        m_rows.insert(k, {update, false});
    else if (!it->fromReceipt || it->update.date < update.date)
        *it = {update, false};
}

void StatusRows::receipt(const StatusUpdate &update)
{
    const QString k = rowKey(update.table, update.key, update.remote);
    auto it = m_rows.find(k);
    if (it == m_rows.end())
        m_rows.insert(k, {update, true});
    else if (!SyncStatusStore::keeps(it->update, update))
        *it = {update, true};
}

void StatusRows::dropReceipt(const QString &table, const QString &key, const QString &remote, qint64 date)
{
    auto it = m_rows.find(rowKey(table, key, remote));
    if (it != m_rows.end() && it->fromReceipt && it->update.date == date)
        m_rows.erase(it);
}

void StatusRows::split(QList<StatusUpdate> *pending, QList<StatusUpdate> *receipts) const
{
    for (const Row &row : m_rows) {
        if (row.fromReceipt) {
            if (receipts)
                receipts->append(row.update);
        } else if (pending) {
            pending->append(row.update);
        }
    }
}

} // namespace mysqlsync
