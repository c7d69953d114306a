#include "database/VerifyStore.h"

#include "database/DbConnection.h"
#include "database/SqlDialect.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mysqlsync {

namespace {

const char kColumns[] = "id, `table_name`, remote, repair, state, requested_at, started_at, IFNULL(finished_at, 0), "
                        "rows_checked, differing, missing, extra, repaired, message, details, requested_by";

// This store's statements in the connection's dialect: on PostgreSQL its one quoted name
// unquoted (table_name needs no quotes there) and IFNULL as COALESCE.
QString inDialect(const QSqlDatabase &db, QString sql)
{
    if (SqlDialect::of(db).kind() == SqlDialect::Kind::Postgres)
        sql.replace(QLatin1String("`table_name`"), QLatin1String("table_name"))
            .replace(QLatin1String("IFNULL("), QLatin1String("COALESCE("));
    return sql;
}

bool fail(const QSqlQuery &q, const QString &what, QString *error)
{
    *error = QStringLiteral("cannot %1 sync_verifies: %2").arg(what, DbConnection::describe(q.lastError()));
    return false;
}

VerifyRun::State stateFrom(const QString &s)
{
    if (s == QLatin1String("running"))
        return VerifyRun::State::Running;
    if (s == QLatin1String("done"))
        return VerifyRun::State::Done;
    if (s == QLatin1String("failed"))
        return VerifyRun::State::Failed;
    return VerifyRun::State::Queued;
}

VerifyRun fromQuery(const QSqlQuery &q)
{
    VerifyRun r;
    r.id = q.value(0).toLongLong();
    r.table = q.value(1).toString();
    r.remote = q.value(2).toString();
    r.repair = q.value(3).toBool();
    r.state = stateFrom(q.value(4).toString());
    r.requestedAt = q.value(5).toLongLong();
    r.startedAt = q.value(6).toLongLong();
    r.finishedAt = q.value(7).toLongLong();
    r.rowsChecked = q.value(8).toLongLong();
    r.differing = q.value(9).toLongLong();
    r.missing = q.value(10).toLongLong();
    r.extra = q.value(11).toLongLong();
    r.repaired = q.value(12).toLongLong();
    r.message = q.value(13).toString();
    r.details = QJsonDocument::fromJson(q.value(14).toByteArray()).array();
    r.requestedBy = q.value(15).toString();
    return r;
}

bool readOne(QSqlQuery &q, VerifyRun *out, bool *found)
{
    *found = q.next();
    if (*found)
        *out = fromQuery(q);
    return true;
}

} // namespace

QString VerifyRun::stateName(State s)
{
    switch (s) {
    case State::Queued:
        return QStringLiteral("queued");
    case State::Running:
        return QStringLiteral("running");
    case State::Done:
        return QStringLiteral("done");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return QString();
}

bool VerifyStore::queue(const QSqlDatabase &db, const QString &table, const QString &remote, bool repair, qint64 *id,
                        QString *error, const QString &requestedBy)
{
    QSqlQuery q(db);
    const bool postgres = SqlDialect::of(db).kind() == SqlDialect::Kind::Postgres;
    q.prepare(inDialect(db,
                        QStringLiteral("INSERT INTO sync_verifies (`table_name`, remote, repair, requested_by, state, "
                                       "requested_at) VALUES (?, ?, ?, ?, 'queued', ?)%1")
                            .arg(postgres ? QStringLiteral(" RETURNING id") : QString())));
    q.addBindValue(table);
    q.addBindValue(remote);
    q.addBindValue(repair ? 1 : 0);
    q.addBindValue(requestedBy.left(32));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return fail(q, QStringLiteral("write"), error);
    *id = postgres ? (q.next() ? q.value(0).toLongLong() : 0) : q.lastInsertId().toLongLong();
    return true;
}

bool VerifyStore::nextQueued(const QSqlDatabase &db, VerifyRun *out, bool *found, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(inDialect(db,
                          QStringLiteral("SELECT %1 FROM sync_verifies WHERE state = 'queued' ORDER BY id LIMIT 1")
                              .arg(QLatin1String(kColumns)))))
        return fail(q, QStringLiteral("read"), error);
    return readOne(q, out, found);
}

bool VerifyStore::read(const QSqlDatabase &db, qint64 id, VerifyRun *out, bool *found, QString *error)
{
    QSqlQuery q(db);
    q.prepare(inDialect(db, QStringLiteral("SELECT %1 FROM sync_verifies WHERE id = ?").arg(QLatin1String(kColumns))));
    q.addBindValue(id);
    if (!q.exec())
        return fail(q, QStringLiteral("read"), error);
    return readOne(q, out, found);
}

bool VerifyStore::recent(const QSqlDatabase &db, int limit, QList<VerifyRun> *out, QString *error)
{
    out->clear();
    QSqlQuery q(db);
    if (!q.exec(inDialect(db,
                          QStringLiteral("SELECT %1 FROM sync_verifies ORDER BY id DESC LIMIT %2")
                              .arg(QLatin1String(kColumns))
                              .arg(qMax(1, limit)))))
        return fail(q, QStringLiteral("read"), error);
    while (q.next())
        out->append(fromQuery(q));
    return true;
}

bool VerifyStore::latestPerPair(const QSqlDatabase &db, QList<VerifyRun> *out, QString *error)
{
    out->clear();
    QSqlQuery q(db);
    if (!q.exec(inDialect(db,
                          QStringLiteral(
                              "SELECT %1 FROM sync_verifies WHERE id IN (SELECT MAX(id) FROM sync_verifies GROUP BY "
                              "`table_name`, remote UNION SELECT MAX(id) FROM sync_verifies WHERE state IN ('done', "
                              "'failed') GROUP BY `table_name`, remote) ORDER BY id")
                              .arg(QLatin1String(kColumns)))))
        return fail(q, QStringLiteral("read"), error);
    while (q.next())
        out->append(fromQuery(q));
    return true;
}

bool VerifyStore::update(const QSqlDatabase &db, const VerifyRun &r, QString *error)
{
    QSqlQuery q(db);
    q.prepare(
        inDialect(db,
                  QStringLiteral(
                      "UPDATE sync_verifies SET state = ?, started_at = ?, finished_at = ?, rows_checked = ?, "
                      "differing = ?, missing = ?, extra = ?, repaired = ?, message = ?, details = ? WHERE id = ?")));
    q.addBindValue(VerifyRun::stateName(r.state));
    q.addBindValue(r.startedAt);
    q.addBindValue(r.finishedAt == 0 ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(r.finishedAt));
    q.addBindValue(r.rowsChecked);
    q.addBindValue(r.differing);
    q.addBindValue(r.missing);
    q.addBindValue(r.extra);
    q.addBindValue(r.repaired);
    q.addBindValue(r.message.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(r.message.left(1024)));
    q.addBindValue(QString::fromUtf8(QJsonDocument(r.details).toJson(QJsonDocument::Compact)));
    q.addBindValue(r.id);
    if (!q.exec())
        return fail(q, QStringLiteral("write"), error);
    return true;
}

bool VerifyStore::lastRequested(const QSqlDatabase &db, const QString &table, const QString &remote, qint64 *at,
                                QString *error)
{
    QSqlQuery q(db);
    q.prepare(
        inDialect(db,
                  QStringLiteral("SELECT IFNULL(MAX(requested_at), 0) FROM sync_verifies WHERE `table_name` = ? AND "
                                 "remote = ?")));
    q.addBindValue(table);
    q.addBindValue(remote);
    if (!q.exec() || !q.next())
        return fail(q, QStringLiteral("read"), error);
    *at = q.value(0).toLongLong();
    return true;
}

bool VerifyStore::abandonRunning(const QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    q.prepare(
        inDialect(db,
                  QStringLiteral("UPDATE sync_verifies SET state = 'failed', finished_at = ?, message = 'the engine "
                                 "stopped before the verification finished' WHERE state = 'running'")));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return fail(q, QStringLiteral("write"), error);
    return true;
}

bool VerifyStore::withdraw(const QSqlDatabase &db, qint64 id, bool *removed, QString *error)
{
    QSqlQuery q(db);
    q.prepare(inDialect(db, QStringLiteral("DELETE FROM sync_verifies WHERE id = ? AND state = 'queued'")));
    q.addBindValue(id);
    if (!q.exec())
        return fail(q, QStringLiteral("write"), error);
    *removed = q.numRowsAffected() == 1;
    return true;
}

} // namespace mysqlsync
