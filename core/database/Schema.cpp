#include "database/Schema.h"

#include "common/Logging.h"
#include "database/DbConnection.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace mysqlsync {

QString sqlStringLiteral(const QString &value)
{
    return SqlDialect::mariaDb().stringLiteral(value);
}

QString TriggerPlan::createSql() const
{
    return QStringLiteral("CREATE TRIGGER %1 AFTER %2 ON %3 FOR EACH ROW %4")
        .arg(quoteIdentifier(name), event, quoteIdentifier(table), body);
}

QStringList Schema::tableDdl(const SqlDialect &dialect)
{
    return dialect.engineTableDdl();
}

bool Schema::siteIdentity(const QSqlDatabase &db, QString *id, QString *error)
{
    QSqlQuery q(db);
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!q.exec(QStringLiteral("SELECT id FROM sync_site ORDER BY created_at, id LIMIT 1"))) {
            *error = QStringLiteral("cannot read the site's identity: %1").arg(DbConnection::describe(q.lastError()));
            return false;
        }
        if (q.next()) {
            *id = q.value(0).toString();
            return true;
        }
        q.prepare(
            QStringLiteral("INSERT INTO sync_site (id, created_at) VALUES (?, %1)").arg(SqlDialect::of(db).utcNow()));
        q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        if (!q.exec()) {
            *error = QStringLiteral("cannot store the site's identity: %1").arg(DbConnection::describe(q.lastError()));
            return false;
        }
    }
    *error = QStringLiteral("the site's identity could not be read back from sync_site");
    return false;
}

QString Schema::markApplyingSql(const SqlDialect &dialect)
{
    if (dialect.kind() == SqlDialect::Kind::Postgres)
        return QStringLiteral("SET %1 = 'on'").arg(postgresApplyingSetting());
    return QStringLiteral("SET %1 = 1").arg(applyingVariable());
}

bool Schema::triggerPlan(const QHash<QString, TableInfo> &tables, const QStringList &syncTables,
                         QList<TriggerPlan> *plan, QString *error, const SqlDialect &dialect)
{
    const bool postgres = dialect.kind() == SqlDialect::Kind::Postgres;
    plan->clear();
    const QString guard = applyingVariable();
    for (const QString &table : syncTables) {
        const TableInfo &info = tables.value(table);
        if (info.primaryKey < 0) {
            *error = QStringLiteral("table `%1` has no usable primary key").arg(table);
            return false;
        }
        const QString key = quoteIdentifier(info.key().name);
        const QString literal = sqlStringLiteral(table);
        auto record = [&](const QString &row) {
            return QStringLiteral(
                       "INSERT INTO table_changes(`table_name`, primary_key, `date`) VALUES(%1, %2.%3, NOW());")
                .arg(literal, row, key);
        };
        const QString insertBody =
            QStringLiteral("BEGIN IF %1 IS NULL THEN %2 END IF; END").arg(guard, record(QStringLiteral("NEW")));
        // A key that changes records the old key too, so its removal reaches the remotes.
        const QString updateBody =
            QStringLiteral("BEGIN IF %1 IS NULL THEN %2 IF NOT (OLD.%3 <=> NEW.%3) THEN %4 END IF; END IF; END")
                .arg(guard, record(QStringLiteral("NEW")), key, record(QStringLiteral("OLD")));
        const QString deleteBody =
            QStringLiteral("BEGIN IF %1 IS NULL THEN %2 END IF; END").arg(guard, record(QStringLiteral("OLD")));
        const struct {
            const char *prefix;
            const char *event;
            QString body;
        } triggers[] = {
            {"mysqlSyncInsert_", "INSERT", insertBody},
            {"mysqlSyncUpdate_", "UPDATE", updateBody},
            {"mysqlSyncDelete_", "DELETE", deleteBody},
        };
        for (const auto &t : triggers) {
            TriggerPlan p;
            p.name = QString::fromLatin1(t.prefix) + table;
            if (postgres && p.name.toUtf8().size() > 63) {
                *error = QStringLiteral("table \"%1\": the trigger name %2 is longer than PostgreSQL's 63 bytes; "
                                        "rename the table or leave it out of syncTables")
                             .arg(table, p.name);
                return false;
            }
            if (p.name.size() > 64) {
                *error = QStringLiteral("table `%1`: the trigger name %2 is longer than MySQL's 64 characters; "
                                        "rename the table or leave it out of syncTables")
                             .arg(table, p.name);
                return false;
            }
            p.table = table;
            p.event = QString::fromLatin1(t.event);
            p.body = postgres ? postgresTriggerBody(table, info.key().name, p.event) : t.body;
            plan->append(p);
        }
    }
    return true;
}

bool Schema::install(const QSqlDatabase &db, bool mariaDb, const QList<TriggerPlan> &plan, QString *error)
{
    if (SqlDialect::of(db).kind() == SqlDialect::Kind::Postgres)
        return installPostgres(db, plan, error);
    QSqlQuery q(db);
    for (const QString &ddl : tableDdl(SqlDialect::of(db))) {
        if (!q.exec(ddl)) {
            *error = QStringLiteral("cannot create the engine's tables: %1").arg(DbConnection::describe(q.lastError()));
            return false;
        }
    }
    // Tables made by an older engine, or by hand, in another character set cannot hold every
    // key or message (4-byte UTF-8 above all): converted once, the columns stay the same.
    if (!q.exec(QStringLiteral("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                               "AND TABLE_NAME IN ('table_changes', 'sync_status', 'sync_site', 'sync_versions', "
                               "'sync_conflicts', 'sync_loads', 'sync_verifies') "
                               "AND TABLE_COLLATION NOT LIKE 'utf8mb4%'"))) {
        *error = QStringLiteral("cannot read the character set of the engine's tables: %1")
                     .arg(DbConnection::describe(q.lastError()));
        return false;
    }
    QStringList convert;
    while (q.next())
        convert << q.value(0).toString();
    for (const QString &table : std::as_const(convert)) {
        qCInfo(lcDatabase).noquote() << "converting the engine's table" << table << "to utf8mb4";
        if (!q.exec(QStringLiteral("ALTER TABLE %1 CONVERT TO CHARACTER SET utf8mb4").arg(quoteIdentifier(table)))) {
            *error =
                QStringLiteral("cannot convert %1 to utf8mb4: %2").arg(table, DbConnection::describe(q.lastError()));
            return false;
        }
    }
    // Indexes for readers of sync_status (the desktop app's filters and date order); its
    // columns stay exactly those of the contract.
    if (!q.exec(QStringLiteral("SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS "
                               "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'sync_status'"))) {
        *error =
            QStringLiteral("cannot list the indexes of sync_status: %1").arg(DbConnection::describe(q.lastError()));
        return false;
    }
    QSet<QString> indexes;
    while (q.next())
        indexes.insert(q.value(0).toString());
    const struct {
        const char *name;
        const char *columns;
    } wantedIndexes[] = {
        {"mysql_sync_status_date", "`date`"},
        {"mysql_sync_status_filter", "`status`, remote, `table_name`, `date`"},
        // Sorting by key and searching keys (a row's key never changes: only new rows add to it).
        {"mysql_sync_status_key", "primary_key"},
    };
    for (const auto &index : wantedIndexes) {
        if (indexes.contains(QString::fromLatin1(index.name)))
            continue;
        if (!q.exec(QStringLiteral("CREATE INDEX %1 ON sync_status (%2)")
                        .arg(QString::fromLatin1(index.name), QString::fromLatin1(index.columns)))) {
            *error = QStringLiteral("cannot create index %1 on sync_status: %2")
                         .arg(QString::fromLatin1(index.name), DbConnection::describe(q.lastError()));
            return false;
        }
    }

    struct Existing {
        QString table;
        QString statement;
    };
    QHash<QString, Existing> existing;
    if (!q.exec(
            QStringLiteral("SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_STATEMENT FROM information_schema.TRIGGERS "
                           "WHERE TRIGGER_SCHEMA = DATABASE()"))) {
        *error = QStringLiteral("cannot list the triggers: %1").arg(DbConnection::describe(q.lastError()));
        return false;
    }
    while (q.next()) {
        const QString name = q.value(0).toString();
        if (name.startsWith(QLatin1String("mysqlSync")))
            existing.insert(name, {q.value(1).toString(), q.value(2).toString()});
    }
    QSet<QString> wanted;
    for (const TriggerPlan &p : plan) {
        wanted.insert(p.name);
        auto it = existing.constFind(p.name);
        if (it != existing.cend() && it->table == p.table && it->statement.trimmed() == p.body.trimmed()) {
            qCDebug(lcDatabase).noquote() << "trigger" << p.name << "is up to date";
            continue;
        }
        QStringList statements;
        if (mariaDb) {
            statements
                << QString(p.createSql()).replace(0, int(qstrlen("CREATE")), QStringLiteral("CREATE OR REPLACE"));
        } else {
            statements << QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(quoteIdentifier(p.name)) << p.createSql();
        }
        for (const QString &sql : statements) {
            if (!q.exec(sql)) {
                *error = QStringLiteral("cannot create trigger %1 on `%2`: %3")
                             .arg(p.name, p.table, DbConnection::describe(q.lastError()));
                return false;
            }
        }
        qCInfo(lcDatabase).noquote() << "trigger" << p.name << "installed";
    }
    for (auto it = existing.cbegin(); it != existing.cend(); ++it) {
        if (wanted.contains(it.key()))
            continue;
        if (!q.exec(QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(quoteIdentifier(it.key())))) {
            *error = QStringLiteral("cannot drop trigger %1: %2").arg(it.key(), DbConnection::describe(q.lastError()));
            return false;
        }
        qCInfo(lcDatabase).noquote() << "trigger" << it.key() << "dropped (its table is no longer synced)";
    }
    return true;
}

} // namespace mysqlsync
