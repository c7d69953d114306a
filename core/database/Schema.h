#pragma once
// The database contract: the bookkeeping tables and the mysqlSync* triggers.
#include "database/Catalog.h"
#include "database/SqlDialect.h"

#include <QList>
#include <QSqlDatabase>

namespace mysqlsync {

struct TriggerPlan {
    QString name; // mysqlSyncInsert_{table} ...
    QString table;
    QString event; // INSERT, UPDATE, DELETE
    QString body;  // the statement after FOR EACH ROW
    QString createSql() const;
};

class Schema {
public:
    // Session variable set by the engine's apply connection: rows written there
    // are not recorded in table_changes (the engine relays them itself, so that a
    // change never echoes back to its sender).
    static QString applyingVariable() { return QStringLiteral("@mysql_sync_applying"); }
    // PostgreSQL's counterpart: a custom setting of the apply connection's session, which the
    // triggers read with current_setting(..., true).
    static QString postgresApplyingSetting() { return QStringLiteral("mysql_sync.applying"); }
    // The statement that marks a session as the engine's apply connection.
    static QString markApplyingSql(const SqlDialect &dialect);
    // The channel a PostgreSQL trigger notifies (its payload: the table's name).
    static QString notifyChannel() { return QStringLiteral("mysql_sync_changes"); }

    // The engine's tables (SqlDialect::engineTableDdl).
    static QStringList tableDdl(const SqlDialect &dialect = SqlDialect::mariaDb());
    // The three triggers of each sync table. Fails (naming the table) when a trigger
    // name would pass MySQL's 64-character limit.
    // On PostgreSQL each trigger runs a PL/pgSQL function of the same name, whose source is
    // the plan's body.
    static bool triggerPlan(const QHash<QString, TableInfo> &tables, const QStringList &syncTables,
                            QList<TriggerPlan> *plan, QString *error,
                            const SqlDialect &dialect = SqlDialect::mariaDb());
    // Creates the tables if missing and makes the mysqlSync* triggers exactly the plan:
    // identical triggers are kept (no window without capture), others are replaced,
    // mysqlSync* triggers not in the plan are dropped.
    static bool install(const QSqlDatabase &db, bool mariaDb, const QList<TriggerPlan> &plan, QString *error);
    // The site's identity from sync_site, made (a random UUID) the first time.
    // install() on PostgreSQL (SchemaPostgres.cpp).
    static bool installPostgres(const QSqlDatabase &db, const QList<TriggerPlan> &plan, QString *error);
    // The body of a PostgreSQL trigger function recording `row`'s key (NEW/OLD) of `table`.
    static QString postgresTriggerBody(const QString &table, const QString &key, const QString &event);
    static bool siteIdentity(const QSqlDatabase &db, QString *id, QString *error);
};

// A string literal for SQL text, for names that came from the catalogue.
QString sqlStringLiteral(const QString &value);

} // namespace mysqlsync
