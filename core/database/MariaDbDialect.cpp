#include "database/MariaDbDialect.h"

#include "codec/ValueCodec.h"

#include <QRegularExpression>

namespace mysqlsync {

QString MariaDbDialect::quoteIdentifier(const QString &name) const
{
    return mysqlsync::quoteIdentifier(name);
}

QString MariaDbDialect::stringLiteral(const QString &value) const
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_ $.-]*$"));
    if (plain.match(value).hasMatch())
        return QLatin1Char('\'') + value + QLatin1Char('\'');
    // Anything else as a hex literal: no quoting or escaping rules to get wrong.
    return QStringLiteral("CONVERT(X'%1' USING utf8mb4)").arg(QString::fromLatin1(value.toUtf8().toHex()));
}

QString MariaDbDialect::catalogColumnsSql() const
{
    return QStringLiteral(
        "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.COLUMN_TYPE, c.IS_NULLABLE, "
        "       (SELECT COUNT(*) FROM information_schema.KEY_COLUMN_USAGE k "
        "         WHERE k.TABLE_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME "
        "           AND k.COLUMN_NAME = c.COLUMN_NAME AND k.CONSTRAINT_NAME = 'PRIMARY') AS in_pk "
        "FROM information_schema.COLUMNS c "
        "JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME "
        "WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE' "
        "ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION");
}

QString MariaDbDialect::otherUniqueKeyTablesSql() const
{
    return QStringLiteral("SELECT DISTINCT TABLE_NAME FROM information_schema.STATISTICS "
                          "WHERE TABLE_SCHEMA = DATABASE() AND NON_UNIQUE = 0 AND INDEX_NAME <> 'PRIMARY'");
}

QString MariaDbDialect::tableNamesSql() const
{
    return QStringLiteral("SELECT TABLE_NAME FROM information_schema.TABLES "
                          "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME");
}

QString MariaDbDialect::rowEstimatesSql(int count) const
{
    return QStringLiteral("SELECT TABLE_NAME, IFNULL(TABLE_ROWS, 0) FROM information_schema.TABLES WHERE "
                          "TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME IN (%1)")
        .arg(placeholders(count));
}

bool MariaDbDialect::mapColumn(const QString &, const QString &column, const QString &dataType,
                               const QString &columnType, bool nullable, ColumnInfo *out, QString *) const
{
    *out = ColumnInfo::fromCatalog(column, dataType.toLower(), columnType, nullable);
    return true;
}

QString MariaDbDialect::upsertClause(const QStringList &) const
{
    return QStringLiteral("ON DUPLICATE KEY UPDATE");
}

QString MariaDbDialect::insertedValue(const QString &quotedColumn) const
{
    return QStringLiteral("VALUES(%1)").arg(quotedColumn);
}

QStringList MariaDbDialect::engineTableDdl() const
{
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS table_changes("
                       "id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                       "`table_name` VARCHAR(255) NOT NULL, "
                       "primary_key VARCHAR(255) NOT NULL, "
                       "`date` DATETIME NOT NULL) DEFAULT CHARSET=utf8mb4"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS sync_status("
                       "id VARCHAR(32) PRIMARY KEY NOT NULL, "
                       "`table_name` VARCHAR(255) NOT NULL, "
                       "primary_key VARCHAR(255) NOT NULL, "
                       "remote VARCHAR(32) NOT NULL, "
                       "`date` DATETIME NOT NULL, "
                       "`status` ENUM('successful', 'pending', 'error') NOT NULL, "
                       "message VARCHAR(255) NULL) DEFAULT CHARSET=utf8mb4"),
        // The site's identity (docs/protocol.md, "Extensions"): one random id, made once. A
        // restored backup or a recreated database shows itself by another id.
        QStringLiteral("CREATE TABLE IF NOT EXISTS sync_site("
                       "id CHAR(36) NOT NULL PRIMARY KEY, "
                       "created_at DATETIME NOT NULL) DEFAULT CHARSET=utf8mb4"),
        // The version of each row of a bidirectional table (database/VersionStore).
        QStringLiteral("CREATE TABLE IF NOT EXISTS sync_versions("
                       "`table_name` VARCHAR(255) NOT NULL, "
                       "primary_key VARCHAR(255) NOT NULL, "
                       "origin VARCHAR(32) NOT NULL, "
                       "origin_time BIGINT NOT NULL, "
                       "vector TEXT NOT NULL, "
                       "absorbed TEXT NULL, "
                       "PRIMARY KEY (`table_name`, primary_key)) DEFAULT CHARSET=utf8mb4"),
        // Every conflict seen here (database/ConflictStore; docs/protocol.md).
        QStringLiteral("CREATE TABLE IF NOT EXISTS sync_conflicts("
                       "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                       "`table_name` VARCHAR(255) NOT NULL, "
                       "primary_key VARCHAR(255) NOT NULL, "
                       "local_site VARCHAR(32) NOT NULL, "
                       "remote_site VARCHAR(32) NOT NULL, "
                       "local_version LONGTEXT NOT NULL, "
                       "remote_version LONGTEXT NOT NULL, "
                       "local_time BIGINT NOT NULL, "
                       "remote_time BIGINT NOT NULL, "
                       "local_vector TEXT NOT NULL, "
                       "remote_vector TEXT NOT NULL, "
                       "policy VARCHAR(16) NOT NULL, "
                       "winner ENUM('local', 'remote', 'edited') NULL, "
                       "detected_at DATETIME(3) NOT NULL, "
                       "settled_at DATETIME(3) NULL, "
                       "settled_by VARCHAR(255) NULL, "
                       "KEY mysql_sync_conflicts_row (`table_name`, primary_key), "
                       "KEY mysql_sync_conflicts_settled (settled_at)) DEFAULT CHARSET=utf8mb4"),
        // Initial loads per (sync table, remote) (database/LoadStore).
        QStringLiteral("CREATE TABLE IF NOT EXISTS sync_loads("
                       "`table_name` VARCHAR(255) NOT NULL, "
                       "remote VARCHAR(32) NOT NULL, "
                       "remote_site VARCHAR(64) NOT NULL DEFAULT '', "
                       "state ENUM('loading', 'done') NOT NULL, "
                       "last_key VARCHAR(255) NULL, "
                       "rows_sent BIGINT NOT NULL DEFAULT 0, "
                       "started_at BIGINT NOT NULL DEFAULT 0, "
                       "finished_at BIGINT NULL, "
                       "PRIMARY KEY (`table_name`, remote)) DEFAULT CHARSET=utf8mb4"),
        // Verifications of a sync table against a remote (database/VerifyStore).
        QStringLiteral("CREATE TABLE IF NOT EXISTS sync_verifies("
                       "id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                       "`table_name` VARCHAR(255) NOT NULL, "
                       "remote VARCHAR(32) NOT NULL, "
                       "repair TINYINT NOT NULL DEFAULT 0, "
                       "requested_by VARCHAR(32) NOT NULL DEFAULT 'operator', "
                       "state ENUM('queued', 'running', 'done', 'failed') NOT NULL, "
                       "requested_at BIGINT NOT NULL, "
                       "started_at BIGINT NOT NULL DEFAULT 0, "
                       "finished_at BIGINT NULL, "
                       "rows_checked BIGINT NOT NULL DEFAULT 0, "
                       "differing BIGINT NOT NULL DEFAULT 0, "
                       "missing BIGINT NOT NULL DEFAULT 0, "
                       "extra BIGINT NOT NULL DEFAULT 0, "
                       "repaired BIGINT NOT NULL DEFAULT 0, "
                       "message VARCHAR(1024) NULL, "
                       "details MEDIUMTEXT NULL, "
                       "KEY mysql_sync_verifies_state (state)) DEFAULT CHARSET=utf8mb4"),
    };
}

} // namespace mysqlsync
