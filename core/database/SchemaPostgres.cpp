// Schema::install on PostgreSQL (issue 17): the engine's tables and the indexes of
// sync_status, and the mysqlSync* triggers as PL/pgSQL: each trigger runs a function of its own
// name that records the row's key in table_changes (unless the session is the engine's apply
// connection) and notifies the capture (pg_notify, delivered at commit, repeats collapsed).
#include "common/Logging.h"
#include "database/DbConnection.h"
#include "database/Schema.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace mysqlsync {

namespace {

const char *const kDollarQuote = "$mysql_sync$";

bool run(QSqlQuery &q, const QString &sql, const QString &what, QString *error)
{
    if (q.exec(sql))
        return true;
    *error = QStringLiteral("%1: %2").arg(what, DbConnection::describe(q.lastError()));
    return false;
}

} // namespace

QString Schema::postgresTriggerBody(const QString &table, const QString &key, const QString &event)
{
    const SqlDialect &d = SqlDialect::postgres();
    const QString literal = d.stringLiteral(table);
    auto record = [&](const QString &row) {
        return QStringLiteral("INSERT INTO table_changes(table_name, primary_key, \"date\") VALUES (%1, CAST(%2.%3 AS "
                              "text), %4); ")
            .arg(literal, row, d.quoteIdentifier(key), d.utcNow());
    };
    QString body;
    if (event == QLatin1String("INSERT"))
        body = record(QStringLiteral("NEW"));
    else if (event == QLatin1String("DELETE"))
        body = record(QStringLiteral("OLD"));
    else // a key that changes records the old key too, so its removal reaches the remotes
        body = record(QStringLiteral("NEW"))
            + QStringLiteral("IF OLD.%1 IS DISTINCT FROM NEW.%1 THEN %2END IF; ")
                  .arg(d.quoteIdentifier(key), record(QStringLiteral("OLD")));
    return QStringLiteral("BEGIN IF coalesce(current_setting('%1', true), '') <> 'on' THEN %2"
                          "PERFORM pg_notify('%3', %4); END IF; RETURN NULL; END")
        .arg(postgresApplyingSetting(), body, notifyChannel(), literal);
}

bool Schema::installPostgres(const QSqlDatabase &db, const QList<TriggerPlan> &plan, QString *error)
{
    const SqlDialect &d = SqlDialect::postgres();
    QSqlQuery q(db);
    for (const QString &ddl : tableDdl(d)) {
        if (!run(q, ddl, QStringLiteral("cannot create the engine's tables"), error))
            return false;
    }
    // Indexes for readers of sync_status, as on MariaDB; its columns stay those of the contract.
    const QStringList indexes = {
        QStringLiteral("CREATE INDEX IF NOT EXISTS mysql_sync_status_date ON sync_status (\"date\")"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS mysql_sync_status_filter ON sync_status (status, remote, "
                       "table_name, \"date\")"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS mysql_sync_status_key ON sync_status (primary_key)"),
    };
    for (const QString &sql : indexes) {
        if (!run(q, sql, QStringLiteral("cannot create an index on sync_status"), error))
            return false;
    }

    struct Existing {
        QString table;
        QString source;
    };
    QHash<QString, Existing> existing;
    if (!run(q,
             QStringLiteral("SELECT t.tgname, c.relname, p.prosrc FROM pg_trigger t "
                            "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                            "JOIN pg_proc p ON p.oid = t.tgfoid "
                            "WHERE n.nspname = current_schema() AND NOT t.tgisinternal "
                            "AND t.tgname LIKE 'mysqlSync%' AND p.proname = t.tgname"),
             QStringLiteral("cannot list the triggers"), error))
        return false;
    while (q.next())
        existing.insert(q.value(0).toString(), {q.value(1).toString(), q.value(2).toString()});

    QSet<QString> wanted;
    for (const TriggerPlan &p : plan) {
        wanted.insert(p.name);
        const auto it = existing.constFind(p.name);
        if (it != existing.cend() && it->table == p.table && it->source.trimmed() == p.body.trimmed()) {
            qCDebug(lcDatabase).noquote() << "trigger" << p.name << "is up to date";
            continue;
        }
        if (p.body.contains(QLatin1String(kDollarQuote))) {
            *error = QStringLiteral("table \"%1\": its name contains %2, which the trigger's function cannot hold")
                         .arg(p.table, QLatin1String(kDollarQuote));
            return false;
        }
        const QString name = d.quoteIdentifier(p.name);
        QStringList statements;
        if (it != existing.cend() && it->table != p.table)
            statements << QStringLiteral("DROP TRIGGER IF EXISTS %1 ON %2").arg(name, d.quoteIdentifier(it->table));
        statements << QStringLiteral("CREATE OR REPLACE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql AS %2%3%2")
                          .arg(name, QLatin1String(kDollarQuote), p.body)
                   << QStringLiteral("CREATE OR REPLACE TRIGGER %1 AFTER %2 ON %3 FOR EACH ROW EXECUTE FUNCTION %1()")
                          .arg(name, p.event, d.quoteIdentifier(p.table));
        for (const QString &sql : std::as_const(statements)) {
            if (!run(q, sql, QStringLiteral("cannot create trigger %1 on \"%2\"").arg(p.name, p.table), error))
                return false;
        }
        qCInfo(lcDatabase).noquote() << "trigger" << p.name << "installed";
    }
    for (auto it = existing.cbegin(); it != existing.cend(); ++it) {
        if (wanted.contains(it.key()))
            continue;
        const QString name = d.quoteIdentifier(it.key());
        if (!run(q, QStringLiteral("DROP TRIGGER IF EXISTS %1 ON %2").arg(name, d.quoteIdentifier(it->table)),
                 QStringLiteral("cannot drop trigger %1").arg(it.key()), error)
            || !run(q, QStringLiteral("DROP FUNCTION IF EXISTS %1()").arg(name),
                    QStringLiteral("cannot drop function %1").arg(it.key()), error))
            return false;
        qCInfo(lcDatabase).noquote() << "trigger" << it.key() << "dropped (its table is no longer synced)";
    }
    return true;
}

} // namespace mysqlsync
