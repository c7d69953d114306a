#include "database/EngineLock.h"

#include "database/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mysqlsync {

QString EngineLock::name(const QString &site)
{
    // The server allows 64 characters; a client name is at most 32 (docs/protocol.md).
    return QStringLiteral("mysql-sync/") + site.left(48);
}

namespace {

// PostgreSQL: an advisory lock of the session on the two keys (kClass, hashtext(name)); the
// holder is the backend pid that pg_locks lists for it in this database.
constexpr int kClass = 0x6d73; // "ms"
const char *const kPostgresHolder =
    "(SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 "
    "AND l.classid = 28019 AND l.objid = (hashtext(?)::bigint & 4294967295)::oid "
    "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1)";
static_assert(kClass == 28019, "kPostgresHolder names the class as a number");

} // namespace

bool EngineLock::take(const QSqlDatabase &db, const QString &site, bool *held, qint64 *holder, QString *error)
{
    QSqlQuery q(db);
    if (SqlDialect::of(db).kind() == SqlDialect::Kind::Postgres)
        q.prepare(QStringLiteral("SELECT pg_try_advisory_lock(%1, hashtext(?)), %2, pg_backend_pid()")
                      .arg(kClass)
                      .arg(QLatin1String(kPostgresHolder)));
    else
        q.prepare(QStringLiteral("SELECT GET_LOCK(?, 0), IS_USED_LOCK(?), CONNECTION_ID()"));
    q.addBindValue(name(site));
    q.addBindValue(name(site));
    if (!q.exec() || !q.next()) {
        *error = QStringLiteral("taking the engine lock of %1: %2").arg(site, q.lastError().text());
        return false;
    }
    const qint64 self = q.value(2).toLongLong();
    *holder = q.value(1).isNull() ? 0 : q.value(1).toLongLong();
    *held = q.value(0).toBool() || *holder == self;
    if (*held)
        *holder = self;
    return true;
}

bool EngineLock::holder(const QSqlDatabase &db, const QString &site, qint64 *holder, QString *error)
{
    QSqlQuery q(db);
    if (SqlDialect::of(db).kind() == SqlDialect::Kind::Postgres)
        q.prepare(QStringLiteral("SELECT ") + QLatin1String(kPostgresHolder));
    else
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
