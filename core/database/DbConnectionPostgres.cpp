// DbConnection for a PostgreSQL site (issue 17): QPSQL, libpq's conninfo options for TLS.
#include "common/Logging.h"
#include "database/DbConnection.h"
#include "database/SqlDialect.h"

#include <QFileInfo>
#include <QSqlQuery>

namespace mysqlsync {

namespace {

// The system's CA bundle (Debian's ca-certificates), for verify-full without a CA of our own:
// libpq 15 has no sslrootcert=system.
const char *const kSystemCaBundle = "/etc/ssl/certs/ca-certificates.crt";

// A conninfo value: single-quoted, \ and ' escaped. Qt's QPSQL joins the options with spaces
// in place of their semicolons, so a value may not hold one.
bool conninfoValue(const QString &key, const QString &value, QStringList *options, QString *error)
{
    if (value.contains(QLatin1Char(';'))) {
        *error = QStringLiteral("postgresConfig.tls: the path \"%1\" contains a semicolon, which the Qt PostgreSQL "
                                "driver cannot pass on; move the file")
                     .arg(value);
        return false;
    }
    QString v = value;
    v.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    v.replace(QLatin1Char('\''), QLatin1String("\\'"));
    options->append(QStringLiteral("%1='%2'").arg(key, v));
    return true;
}

// libpq reports a failed connection without an SQLSTATE: the hint goes by its message.
QString connectHint(const QString &message)
{
    if (message.contains(QLatin1String("password authentication failed"))
        || message.contains(QLatin1String("no password supplied")))
        return QStringLiteral(" - wrong user name or password (postgresConfig.user / postgresConfig.password)");
    if (message.contains(QLatin1String("database \"")) && message.contains(QLatin1String("does not exist")))
        return QStringLiteral(" - no such database (postgresConfig.database)");
    if (message.contains(QLatin1String("no pg_hba.conf entry")))
        return QStringLiteral(" - the server's pg_hba.conf does not let this user in from this host (or without TLS)");
    if (message.contains(QLatin1String("Connection refused")) || message.contains(QLatin1String("timeout expired"))
        || message.contains(QLatin1String("could not translate host name")))
        return QStringLiteral(" - the database server cannot be reached: check postgresConfig.host and "
                              "postgresConfig.port, and that the server is running");
    return QString();
}

} // namespace

DbConnection::DbConnection(const PostgresConfig &config, const QString &connectionName)
    : m_pg(config)
    , m_postgres(true)
    , m_name(connectionName)
{
    m_maxAllowedPacket = kPostgresMaxStatement;
}

const SqlDialect &DbConnection::dialect() const
{
    return m_postgres ? SqlDialect::postgres() : SqlDialect::mariaDb();
}

bool DbConnection::postgresOptions(QStringList *options, QString *error) const
{
    // libpq counts whole seconds and treats less than 2 as 2.
    options->append(QStringLiteral("connect_timeout=%1").arg(qMax(2, m_pg.connectTimeoutMs / 1000)));
    options->append(QStringLiteral("application_name=mysql-sync"));
    if (!m_pg.tlsEnabled) {
        options->append(QStringLiteral("sslmode=prefer"));
        return true;
    }
    const TlsFiles &tls = m_pg.tls;
    options->append(tls.rejectUnauthorized ? QStringLiteral("sslmode=verify-full") : QStringLiteral("sslmode=require"));
    if (tls.rejectUnauthorized) {
        QString ca = tls.ca;
        if (ca.isEmpty()) {
            if (!QFileInfo::exists(QLatin1String(kSystemCaBundle))) {
                *error =
                    QStringLiteral("postgresConfig.tls.verify is on but no CA is given (postgresConfig.tls.ca) and "
                                   "the system's CA bundle %1 does not exist: give the CA that signed the "
                                   "server's certificate")
                        .arg(QLatin1String(kSystemCaBundle));
                return false;
            }
            ca = QLatin1String(kSystemCaBundle);
        }
        if (!conninfoValue(QStringLiteral("sslrootcert"), ca, options, error))
            return false;
    }
    if (!tls.cert.isEmpty() && !conninfoValue(QStringLiteral("sslcert"), tls.cert, options, error))
        return false;
    if (!tls.key.isEmpty() && !conninfoValue(QStringLiteral("sslkey"), tls.key, options, error))
        return false;
    return true;
}

bool DbConnection::openPostgres(QString *error, const QStringList &sessionSql)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    if (!db.isValid()) {
        *error = QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not available: install libqt6sql6-psql");
        return false;
    }
    QStringList options;
    if (!postgresOptions(&options, error))
        return false;
    db.setHostName(m_pg.host);
    db.setPort(m_pg.port);
    db.setUserName(m_pg.user);
    db.setPassword(m_pg.password);
    db.setDatabaseName(m_pg.database);
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        const QString text = describe(db.lastError()).trimmed();
        *error = QStringLiteral("cannot connect to the database %1: %2%3").arg(description(), text, connectHint(text));
        return false;
    }
    QSqlQuery q(db);
    // The schema must exist: a search_path naming a missing one would silently fall through.
    q.prepare(QStringLiteral("SELECT 1 FROM pg_namespace WHERE nspname = ?"));
    q.addBindValue(m_pg.schema);
    if (!q.exec() || !q.next()) {
        *error = q.lastError().isValid()
            ? QStringLiteral("database %1: cannot look up the schema: %2").arg(description(), describe(q.lastError()))
            : QStringLiteral("postgresConfig.schema: the schema \"%1\" does not exist in the database %2")
                  .arg(m_pg.schema, description());
        return false;
    }
    QStringList setup;
    setup << QStringLiteral("SET search_path TO %1").arg(SqlDialect::postgres().quoteIdentifier(m_pg.schema));
    // No NOTICEs ("relation ... already exists, skipping" on every start) on the engine's stderr.
    setup << QStringLiteral("SET client_min_messages TO warning");
    // Dates and times travel as UTC text (docs/protocol.md): timestamptz is read and written in UTC.
    setup << QStringLiteral("SET TIME ZONE 'UTC'");
    setup << sessionSql;
    for (const QString &sql : std::as_const(setup)) {
        if (!q.exec(sql)) {
            *error = QStringLiteral("database %1: \"%2\" failed: %3").arg(description(), sql, describe(q.lastError()));
            return false;
        }
    }
    if (q.exec(QStringLiteral("SELECT version()")) && q.next())
        m_serverVersion = q.value(0).toString();
    qCDebug(lcDatabase).noquote() << "connection" << m_name << "open to" << description() << "server"
                                  << m_serverVersion;
    return true;
}

} // namespace mysqlsync
