#include "database/EngineLock.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mysqlsync {

QString EngineLock::name(const QString &site)
{
    // The server allows 64 characters; a client name is at most 32 (docs/protocol.md).
    return QStringLiteral("mysql-sync/") + site.left(48);
}

bool EngineLock::take(const QSqlDatabase &db, const QString &site, bool *held, qint64 *holder, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT GET_LOCK(?, 0), IS_USED_LOCK(?), CONNECTION_ID()"));
    q.addBindValue(name(site));
    q.addBindValue(name(site));
    if (!q.exec() || !q.next()) {
        *error = QStringLiteral("taking the engine lock of %1: %2").arg(site, q.lastError().text());
        return false;
    }
    const qint64 self = q.value(2).toLongLong();
    *holder = q.value(1).isNull() ? 0 : q.value(1).toLongLong();
    *held = q.value(0).toInt() == 1 || *holder == self;
    if (*held)
        *holder = self;
    return true;
}

bool EngineLock::holder(const QSqlDatabase &db, const QString &site, qint64 *holder, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT IS_USED_LOCK(?)"));
    q.addBindValue(name(site));
    if (!q.exec() || !q.next()) {
        *error = QStringLiteral("reading the engine lock of %1: %2").arg(site, q.lastError().text());
        return false;
    }
    *holder = q.value(0).isNull() ? 0 : q.value(0).toLongLong();
    return true;
}

} // namespace mysqlsync
