#pragma once
// A test's own connection to one site's database (QMYSQL over TCP 127.0.0.1 as the
// harness's sync user; site 'P': QPSQL to the harness's PostgreSQL server as its sync role),
// for setting up tables and checking what the engines did.
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <QVariantList>
#include <QVariantMap>

#include "Servers.h"
#include "config/Config.h"

namespace testsupport {

class SiteDatabase {
public:
    enum Mode { Recreate, Attach };

    // Opens a uniquely named QMYSQL connection to site 'A' or 'B', or a QPSQL connection to
    // the PostgreSQL server for site 'P'. Recreate (default): DROP DATABASE IF EXISTS +
    // CREATE DATABASE `database` (utf8mb4; UTF8 on PostgreSQL) first; Attach: use it as it
    // is. isOpen() tells whether that all worked; lastError() why not.
    SiteDatabase(const Servers &servers, char site, const QString &database, Mode mode = Recreate);
    ~SiteDatabase();
    SiteDatabase(const SiteDatabase &) = delete;
    SiteDatabase &operator=(const SiteDatabase &) = delete;

    bool isOpen() const { return m_open; }

    // Runs one statement; prepared (positional ? placeholders) when binds are given.
    // On failure qWarning()s the SQL and the error and returns false.
    bool exec(const QString &sql, const QVariantList &binds = {});
    // First column of the first row; invalid QVariant when no row or on failure.
    QVariant scalar(const QString &sql, const QVariantList &binds = {});
    // All rows, column name -> value.
    QList<QVariantMap> rows(const QString &sql, const QVariantList &binds = {});
    // A canonical text of all rows of `table` (SELECT * ... ORDER BY orderBy): a header
    // line with the column names, then one line per row, values tab separated:
    // NULL, x'HEX' for binary values, else '...' with \ ' tab and newline escaped.
    // Equal tables on two sites give equal dumps. Empty string on failure.
    QString dump(const QString &table, const QString &orderBy = QStringLiteral("1"));
    // Number of rows in `table`, -1 on failure.
    qint64 count(const QString &table);

    QString lastError() const { return m_lastError; }
    QString name() const { return m_name; } // the QSqlDatabase connection name
    QString databaseName() const { return m_database; }
    char site() const { return m_site; }
    bool isPostgres() const { return m_site == 'P'; }
    QSqlDatabase database() const; // for QSqlQuery in tests
    // The same database as an engine's mysqlConfig (TCP 127.0.0.1, the harness's sync user).
    mysqlsync::MysqlConfig engineConfig() const { return m_engineConfig; }
    // Site 'P': the same database as an engine's postgresConfig (TCP 127.0.0.1, the harness's
    // sync role, schema public).
    mysqlsync::PostgresConfig postgresConfig() const { return m_postgresConfig; }

    // `name` quoted as a MySQL identifier.
    static QString quoteIdentifier(const QString &name);
    // `name` quoted as an identifier of this site's kind (`...` or "...").
    QString quote(const QString &name) const;

private:
    bool run(class QSqlQuery &query, const QString &sql, const QVariantList &binds);
    bool openServer(QSqlDatabase &db, const Servers &servers, const QString &database, Mode mode);

    QString m_name;
    QString m_database;
    char m_site;
    mysqlsync::MysqlConfig m_engineConfig;
    mysqlsync::PostgresConfig m_postgresConfig;
    bool m_open = false;
    QString m_lastError;
};

} // namespace testsupport
