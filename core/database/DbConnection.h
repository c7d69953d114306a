#pragma once
// One named QMYSQL connection (QPSQL for a PostgreSQL site), opened from the configuration
// and owned by the thread that opened it (Qt Sql connections must never cross threads).
#include "config/Config.h"

#include <QSqlDatabase>
#include <QSqlError>

namespace mysqlsync {

class SqlDialect;
struct ServerCheck;

class DbConnection {
public:
    DbConnection(const MysqlConfig &config, const QString &connectionName);
    // A PostgreSQL site's connection (DbConnectionPostgres.cpp): the session's search_path is
    // postgresConfig.schema; TLS with verification is sslmode verify-full.
    DbConnection(const PostgresConfig &config, const QString &connectionName);
    ~DbConnection();
    DbConnection(const DbConnection &) = delete;
    DbConnection &operator=(const DbConnection &) = delete;

    // Opens (or re-opens) the connection and prepares the session: character set,
    // time zone, and the statements in `sessionSql`. With mysqlConfig.ssl and
    // rejectUnauthorized the connection verifies the server's certificate and host name itself
    // (database/VerifiedTls). `checked`: the result of a ServerCheck the caller ran (on another
    // thread); without it, open() runs one first (blocking), which also explains a refused
    // certificate in plain words.
    bool open(QString *error, const QStringList &sessionSql = {}, const ServerCheck *checked = nullptr);
    void close();
    bool isOpen() const;
    QSqlDatabase db() const;
    QString name() const { return m_name; }
    QString serverVersion() const { return m_serverVersion; }
    bool isMariaDb() const { return m_serverVersion.contains(QLatin1String("MariaDB"), Qt::CaseInsensitive); }
    bool isPostgres() const { return m_postgres; }
    // The SQL dialect of this connection's database.
    const SqlDialect &dialect() const;
    // The server's max_allowed_packet, read when the connection opened.
    qint64 maxAllowedPacket() const { return m_maxAllowedPacket; }

    // True when the error means the server is gone (not that a statement was wrong):
    // the work must be retried later, not reported as the row's failure.
    static bool isConnectionError(const QSqlError &error);
    // The same for a failure on `db`, which also counts when `db` is no longer open: QPSQL
    // closes a connection the server dropped, whose first failure may carry no SQLSTATE and
    // whose later statements fail with no error at all ("database not open").
    static bool isConnectionError(const QSqlError &error, const QSqlDatabase &db);
    // A lock wait timeout or a deadlock (1205, 1213): the statement may succeed later.
    static bool isBusy(const QSqlError &error);
    // The database's message, with a hint where one helps (binary logging and triggers, ...).
    static QString describe(const QSqlError &error);
    // "user@host:port/database" for logs: never the password.
    QString description() const;

private:
    // PostgreSQL has no max_allowed_packet; a statement may be up to 1 GB. The engine's batches
    // stay far below; this bounds them as MariaDB's default would.
    static constexpr qint64 kPostgresMaxStatement = 64 * 1024 * 1024;
    // mysqlConfig.ssl: the session must really be encrypted (Ssl_cipher not empty).
    bool checkEncrypted(class QSqlQuery *q, QString *error);
    bool openPostgres(QString *error, const QStringList &sessionSql);
    // The conninfo options (sslmode, certificates, timeout) of a PostgreSQL connection.
    bool postgresOptions(QStringList *options, QString *error) const;

    MysqlConfig m_config;
    PostgresConfig m_pg;
    bool m_postgres = false;
    QString m_name;
    QString m_serverVersion;
    qint64 m_maxAllowedPacket = 4 * 1024 * 1024;
};

} // namespace mysqlsync
