#include "database/SyncStatusStore.h"

#include "protocol/Messages.h"

#include <QSqlQuery>
#include <QVariant>

namespace mysqlsync {

namespace {
constexpr int kRowsPerStatement = 500;

QString statusText(StatusUpdate::Status s)
{
    switch (s) {
    case StatusUpdate::Successful: return QStringLiteral("successful");
    case StatusUpdate::Pending: return QStringLiteral("pending");
    case StatusUpdate::Error: return QStringLiteral("error");
    }
    return QStringLiteral("error");
}
} // namespace

bool SyncStatusStore::upsert(const QSqlDatabase &db, const QList<StatusUpdate> &updates, const QString &onDuplicate,
                             QSqlError *error)
{
    // `date` is whole seconds, as DATETIME holds it: integer division keeps MySQL
    // (which rounds fractions) and MariaDB (which truncates) the same.
    for (qsizetype start = 0; start < updates.size(); start += kRowsPerStatement) {
        const qsizetype n = qMin<qsizetype>(kRowsPerStatement, updates.size() - start);
        QStringList rows;
        rows.reserve(n);
        for (qsizetype i = 0; i < n; ++i)
            rows << QStringLiteral("(?, ?, ?, ?, FROM_UNIXTIME(? DIV 1000), ?, ?)");
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO sync_status(id, `table_name`, primary_key, remote, `date`, `status`, message) VALUES %1 "
                                 "ON DUPLICATE KEY UPDATE %2").arg(rows.join(QStringLiteral(", ")), onDuplicate));
        int p = 0;
        for (qsizetype i = start; i < start + n; ++i) {
            const StatusUpdate &u = updates.at(i);
            q.bindValue(p++, syncStatusId(u.table, u.key, u.remote));
            q.bindValue(p++, u.table.left(255));
            q.bindValue(p++, u.key.left(255));
            q.bindValue(p++, u.remote.left(32));
            q.bindValue(p++, u.date);
            q.bindValue(p++, statusText(u.status));
            q.bindValue(p++, u.status == StatusUpdate::Error ? QVariant(u.message.left(255)) : QVariant(QMetaType(QMetaType::QString)));
        }
        if (!q.exec()) {
            *error = q.lastError();
            return false;
        }
    }
    return true;
}

bool SyncStatusStore::setPending(const QSqlDatabase &db, const QList<StatusUpdate> &updates, QSqlError *error)
{
    return upsert(db, updates,
                  QStringLiteral("`status` = VALUES(`status`), message = NULL, `date` = VALUES(`date`)"), error);
}

bool SyncStatusStore::applyReceipts(const QSqlDatabase &db, const QList<StatusUpdate> &updates, QSqlError *error)
{
    // Assignments run left to right and see the values already assigned: `keep` is
    // evaluated on the stored row before status and date change.
    const QString keep = QStringLiteral(
        "(`date` > VALUES(`date`) OR (`date` = VALUES(`date`) AND `status` = 'error' AND VALUES(`status`) = 'successful'))");
    return upsert(db, updates,
                  QStringLiteral("message = IF(%1, message, VALUES(message)), "
                                 "`status` = IF(%1, `status`, VALUES(`status`)), "
                                 "`date` = GREATEST(`date`, VALUES(`date`))").arg(keep),
                  error);
}

} // namespace mysqlsync
