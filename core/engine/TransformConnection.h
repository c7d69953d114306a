#pragma once
// context.database.query for the engine's transformers: a database connection of their own,
// never the engine's, so that nothing a transformer runs (SET NAMES, SET time_zone,
// START TRANSACTION, SET @mysql_sync_applying, ...) can change the sessions the engine
// captures, reads, applies and writes sync_status on.
//
// Opened on first use with the engine's mysqlConfig (SyncEngine passes
// MysqlConfig::forTransformers(): the login of mysqlConfig.transformerUser, e.g. a user
// granted only SELECT, when one is configured), and with a statement time limit of
// 4/5 of transformTimeout (MariaDB: max_statement_time, MySQL: max_execution_time),
// so `SELECT SLEEP(50)` cannot hold the engine's thread (and its heartbeats) for long; SQL
// that names those variables is refused. After a transformer call that ran anything but a
// plain read (or failed), the connection is closed: the server rolls back what it left open
// and the next query starts a clean session.
#include "config/Config.h"
#include "database/DbConnection.h"
#include "transform/SqlTransformDatabase.h"

namespace mysqlsync {

class TransformConnection : public TransformDatabase {
public:
    TransformConnection(const MysqlConfig &config, const QString &connectionName, int timeLimitMs);
    QList<QVariantMap> query(const QString &sql, const QVariantList &values, QString *error) override;
    void finished() override;

    // Whether `sql` is a plain read that leaves the session as it was (SELECT, SHOW, ...).
    static bool isPlainRead(const QString &sql);

private:
    bool ensureOpen(QString *error);

    DbConnection m_connection;
    SqlTransformDatabase m_sql;
    int m_timeLimitMs;
    bool m_dirty = false;
};

} // namespace mysqlsync
