#include "database/SyncStatusStore.h"

#include "database/SqlLiteral.h"
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

QString SyncStatusStore::check(const QString &table, const QString &key, const QString &remote, qint64 dateMs)
{
    constexpr qint64 kMaxSeconds = 2147483647; // FROM_UNIXTIME's last second on MariaDB 10.x
    if (table.isEmpty() || table.size() > 255)
        return QStringLiteral("the table name has %1 characters (sync_status holds 1 to 255)").arg(table.size());
    if (key.isEmpty() || key.size() > 255)
        return QStringLiteral("the key has %1 characters (sync_status holds 1 to 255)").arg(key.size());
    if (remote.isEmpty() || remote.size() > 32)
        return QStringLiteral("the remote name has %1 characters (sync_status holds 1 to 32)").arg(remote.size());
    if (dateMs < 0 || dateMs / 1000 > kMaxSeconds)
        return QStringLiteral("the date %1 is outside what sync_status.date holds (1970-01-01 to 2038-01-19)").arg(dateMs);
    return {};
}

bool SyncStatusStore::upsert(const QSqlDatabase &db, const QList<StatusUpdate> &updates, const QString &onDuplicate,
                             QSqlError *error)
{
    // Many rows per statement, as literals escaped by the driver (mysql_real_escape_string):
    // binding thousands of placeholders costs more in Qt than the statement itself.
    // `date` is whole seconds, as DATETIME holds it: integer division keeps MySQL
    // (which rounds fractions) and MariaDB (which truncates) the same.
    const QSqlDriver *driver = db.driver();
    auto literal = [driver](const QString &value) { return sqlLiteral(driver, value); };
    for (qsizetype start = 0; start < updates.size(); start += kRowsPerStatement) {
        const qsizetype n = qMin<qsizetype>(kRowsPerStatement, updates.size() - start);
        QString sql = QStringLiteral("INSERT INTO sync_status(id, `table_name`, primary_key, remote, `date`, `status`, message) VALUES ");
        sql.reserve(int(n) * 120 + 400);
        for (qsizetype i = start; i < start + n; ++i) {
            const StatusUpdate &u = updates.at(i);
            if (i > start)
                sql += QLatin1Char(',');
            sql += QLatin1Char('(') + literal(syncStatusId(u.table, u.key, u.remote)) + QLatin1Char(',')
                + literal(u.table.left(255)) + QLatin1Char(',') + literal(u.key.left(255)) + QLatin1Char(',')
                + literal(u.remote.left(32)) + QStringLiteral(",FROM_UNIXTIME(") + QString::number(u.date / 1000)
                + QStringLiteral("),'") + statusText(u.status) + QStringLiteral("',")
                + (u.status == StatusUpdate::Error ? literal(u.message.left(255)) : QStringLiteral("NULL"))
                + QLatin1Char(')');
        }
        sql += QStringLiteral(" ON DUPLICATE KEY UPDATE ") + onDuplicate;
        QSqlQuery q(db);
        if (!q.exec(sql)) {
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
