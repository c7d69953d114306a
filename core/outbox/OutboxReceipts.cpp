// The receipts the outbox keeps for remotes that are offline (Outbox's other half is in
// Outbox.cpp).
#include "outbox/Outbox.h"

#include "common/Logging.h"
#include "outbox/OutboxSql.h"

#include <QVariant>

namespace mysqlsync {

using outboxsql::describe;
using outboxsql::prepared;

bool Outbox::putReceipt(const QString &remote, const QByteArray &payload, QString *error)
{
    if (!writable(error))
        return false;
    QSqlQuery q = prepared(QSqlDatabase::database(m_connectionName, false),
                           QStringLiteral("INSERT INTO outbox_receipts(remote, payload) VALUES(?, ?)"));
    q.bindValue(0, remote);
    q.bindValue(1, payload);
    if (!q.exec()) {
        *error = QStringLiteral("outbox: cannot queue a receipt for %1: %2").arg(remote, describe(q));
        return false;
    }
    return true;
}

QList<OutboxReceipt> Outbox::receipts(const QString &remote, int limit, QString *error) const
{
    QSqlQuery q =
        prepared(QSqlDatabase::database(m_connectionName, false),
                 QStringLiteral("SELECT id, payload FROM outbox_receipts WHERE remote = ? ORDER BY id LIMIT ?"));
    q.bindValue(0, remote);
    q.bindValue(1, limit);
    QList<OutboxReceipt> result;
    if (!q.exec()) {
        *error = QStringLiteral("outbox %1: cannot read the receipts owed: %2").arg(m_filePath, describe(q));
        qCWarning(lcOutbox).noquote() << *error;
        return result;
    }
    while (q.next())
        result.append({q.value(0).toLongLong(), q.value(1).toByteArray()});
    if (q.lastError().isValid()) {
        *error = QStringLiteral("outbox %1: cannot read the receipts owed: %2").arg(m_filePath, describe(q));
        qCWarning(lcOutbox).noquote() << *error;
        result.clear();
    }
    return result;
}

bool Outbox::removeReceipts(const QList<qint64> &ids, QString *error)
{
    if (!writable(error))
        return false;
    QSqlQuery q = prepared(QSqlDatabase::database(m_connectionName, false),
                           QStringLiteral("DELETE FROM outbox_receipts WHERE id = ?"));
    for (qint64 id : ids) {
        q.bindValue(0, id);
        if (!q.exec()) {
            *error = describe(q);
            return false;
        }
    }
    return true;
}

} // namespace mysqlsync
