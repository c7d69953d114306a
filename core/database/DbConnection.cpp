#include "database/DbConnection.h"

#include "common/Logging.h"
#include "database/ServerCheck.h"
#include "database/VerifiedTls.h"

#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>

namespace mysqlsync {

DbConnection::DbConnection(const MysqlConfig &config, const QString &connectionName)
    : m_config(config)
    , m_name(connectionName)
{
    if (config.postgres) { // a PostgreSQL site (Config::siteDatabase())
        m_pg = *config.postgres;
        m_postgres = true;
        m_maxAllowedPacket = kPostgresMaxStatement;
    }
}

DbConnection::~DbConnection()
{
    close();
}

QString DbConnection::description() const
{
    if (m_postgres)
        return QStringLiteral("%1@%2:%3/%4 (schema %5)")
            .arg(m_pg.user, m_pg.host)
            .arg(m_pg.port)
            .arg(m_pg.database, m_pg.schema);
    const QString where = m_config.socketPath.isEmpty() ? QStringLiteral("%1:%2").arg(m_config.host).arg(m_config.port)
                                                        : m_config.socketPath;
    return QStringLiteral("%1@%2/%3").arg(m_config.user, where, m_config.database);
}

bool DbConnection::open(QString *error, const QStringList &sessionSql, const ServerCheck *checked)
{
    close();
    if (m_postgres)
        return openPostgres(error, sessionSql);
    // The server must answer, and its certificate verify, before a password is sent.
    const ServerCheck check = checked ? *checked : ServerCheck::run(m_config);
    if (check.state == ServerCheck::State::Refused) {
        *error = check.message;
        return false;
    }
    const bool verify = m_config.sslEnabled && m_config.ssl.rejectUnauthorized && m_config.socketPath.isEmpty();
    if (verify && !VerifiedTls::ensureRegistered(error))
        return false;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), m_name);
    if (!db.isValid()) {
        *error = QStringLiteral("the Qt MySQL driver (QMYSQL) is not available: install libqt6sql6-mysql");
        return false;
    }
    // A verified connection checks the chain and the host name itself (database/VerifiedTls).
    db.setHostName(verify ? VerifiedTls::hostName(m_config.host) : m_config.host);
    db.setPort(m_config.port);
    db.setUserName(m_config.user);
    db.setPassword(m_config.password);
    db.setDatabaseName(m_config.database);
    QStringList options;
    options << QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=%1").arg(qMax(1, m_config.connectTimeoutMs / 1000));
    options << QStringLiteral("MYSQL_OPT_READ_TIMEOUT=60") << QStringLiteral("MYSQL_OPT_WRITE_TIMEOUT=60");
    if (!m_config.socketPath.isEmpty())
        options << QStringLiteral("UNIX_SOCKET=%1").arg(m_config.socketPath);
    if (m_config.sslEnabled) {
        // The client library verifies the chain whenever it has a CA, so without verification
        // it gets none; a cipher list alone still turns TLS on (Ssl_cipher is checked below).
        // Verified without a CA of our own: the system's.
        if (!m_config.ssl.ca.isEmpty() && m_config.ssl.rejectUnauthorized)
            options << QStringLiteral("SSL_CA=%1").arg(m_config.ssl.ca);
        else if (m_config.ssl.rejectUnauthorized)
            options << QStringLiteral("SSL_CAPATH=%1").arg(VerifiedTls::systemCaDirectory());
        if (!m_config.ssl.cert.isEmpty())
            options << QStringLiteral("SSL_CERT=%1").arg(m_config.ssl.cert);
        if (!m_config.ssl.key.isEmpty())
            options << QStringLiteral("SSL_KEY=%1").arg(m_config.ssl.key);
        options << QStringLiteral("SSL_CIPHER=DEFAULT");
    }
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        const QSqlError e = db.lastError();
        if (verify && VerifiedTls::isTlsFailure(e.nativeErrorCode()) && check.state == ServerCheck::State::Answers)
            *error = QStringLiteral(
                         "cannot connect to the database %1 over TLS: the data connection's TLS handshake was refused "
                         "(%2) although a check on a separate connection just before accepted the server's "
                         "certificate: something between this host and the database server answers for it "
                         "(a man in the middle?), or the server's certificate changed in between")
                         .arg(description(), describe(e));
        else
            *error = QStringLiteral("cannot connect to the database %1: %2").arg(description(), describe(e));
        return false;
    }

    QStringList setup;
    // The connection always speaks utf8mb4 (ConfigLoader accepts only UTF-8 names in
    // `charset`): mysqljs names a collation there (UTF8MB4_GENERAL_CI), and a 3-byte utf8 one
    // is widened to its utf8mb4 twin, so that 4-byte characters are never mangled.
    static const QRegularExpression collationName(QStringLiteral("^utf8(mb[34])?_([a-z0-9_]+)$"));
    const QRegularExpressionMatch collation = collationName.match(m_config.charset.toLower());
    if (collation.hasMatch())
        setup << QStringLiteral("SET NAMES utf8mb4 COLLATE utf8mb4_%1").arg(collation.captured(2));
    else
        setup << QStringLiteral("SET NAMES utf8mb4");
    const QString tz = m_config.timezone;
    if (tz == QLatin1String("Z") || tz == QLatin1String("z"))
        setup << QStringLiteral("SET time_zone = '+00:00'");
    else if (tz != QLatin1String("local") && !tz.isEmpty()) {
        static const QRegularExpression offset(QStringLiteral("^[+-]\\d\\d:\\d\\d$"));
        if (!offset.match(tz).hasMatch()) {
            *error =
                QStringLiteral("mysqlConfig.timezone: \"%1\" is not \"local\", \"Z\" or an offset such as \"+02:00\"")
                    .arg(tz);
            return false;
        }
        setup << QStringLiteral("SET time_zone = '%1'").arg(tz);
    }
    setup << sessionSql;
    QSqlQuery q(db);
    if (m_config.sslEnabled && m_config.socketPath.isEmpty() && !checkEncrypted(&q, error))
        return false;
    for (const QString &sql : setup) {
        if (!q.exec(sql)) {
            *error = QStringLiteral("database %1: \"%2\" failed: %3").arg(description(), sql, describe(q.lastError()));
            return false;
        }
    }
    if (q.exec(QStringLiteral("SELECT VERSION(), @@max_allowed_packet")) && q.next()) {
        m_serverVersion = q.value(0).toString();
        m_maxAllowedPacket = qMax<qint64>(1024, q.value(1).toLongLong());
    }
    qCDebug(lcDatabase).noquote() << "connection" << m_name << "open to" << description() << "server"
                                  << m_serverVersion;
    return true;
}

bool DbConnection::checkEncrypted(QSqlQuery *q, QString *error)
{
    // mysqlConfig.ssl asks for TLS; a session that is not encrypted is refused, not used.
    if (!q->exec(QStringLiteral("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) || !q->next()) {
        *error = QStringLiteral("database %1: cannot read Ssl_cipher: %2").arg(description(), describe(q->lastError()));
        return false;
    }
    const QString cipher = q->value(1).toString();
    if (cipher.isEmpty()) {
        *error = QStringLiteral("mysqlConfig.ssl is set but the connection to the database %1 is not encrypted "
                                "(Ssl_cipher is empty): enable TLS on the server (ssl_cert, ssl_key) or remove "
                                "mysqlConfig.ssl")
                     .arg(description());
        return false;
    }
    qCDebug(lcDatabase).noquote() << "connection" << m_name << "encrypted with" << cipher;
    return true;
}

void DbConnection::close()
{
    if (!QSqlDatabase::contains(m_name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

bool DbConnection::isOpen() const
{
    return QSqlDatabase::contains(m_name) && QSqlDatabase::database(m_name, false).isOpen();
}

QSqlDatabase DbConnection::db() const
{
    return QSqlDatabase::database(m_name, false);
}

bool DbConnection::isConnectionError(const QSqlError &error)
{
    if (error.type() == QSqlError::ConnectionError)
        return true;
    static const QStringList codes = {
        QStringLiteral("1053"), // server shutdown in progress
        QStringLiteral("1927"), // connection was killed
        QStringLiteral("2002"),
        QStringLiteral("2003"),
        QStringLiteral("2005"),
        QStringLiteral("2006"),
        QStringLiteral("2013"),
        QStringLiteral("2055"),
        QStringLiteral("4031"),
        QStringLiteral("1205"), // lock wait timeout: try again later
        QStringLiteral("1213"), // deadlock: try again later
        // PostgreSQL's SQLSTATEs: shut down, cannot connect now, deadlock, lock not available,
        // serialization failure (the 08 class, connection exceptions, below).
        QStringLiteral("57P01"),
        QStringLiteral("57P02"),
        QStringLiteral("57P03"),
        QStringLiteral("40P01"),
        QStringLiteral("55P03"),
        QStringLiteral("40001"),
    };
    const QString code = error.nativeErrorCode();
    return codes.contains(code) || (code.size() == 5 && code.startsWith(QLatin1String("08")));
}

bool DbConnection::isConnectionError(const QSqlError &error, const QSqlDatabase &db)
{
    return isConnectionError(error) || !db.isOpen() || db.isOpenError();
}

bool DbConnection::isBusy(const QSqlError &error)
{
    static const QStringList codes = {QStringLiteral("1205"), QStringLiteral("1213"), QStringLiteral("40P01"),
                                      QStringLiteral("55P03"), QStringLiteral("40001")};
    return codes.contains(error.nativeErrorCode());
}

QString DbConnection::describe(const QSqlError &error)
{
    QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    if (!error.nativeErrorCode().isEmpty())
        text += QStringLiteral(" (error %1)").arg(error.nativeErrorCode());
    if (error.nativeErrorCode() == QLatin1String("1419"))
        text += QStringLiteral(" - the server has binary logging on: give the user SUPER, or set "
                               "log_bin_trust_function_creators=1 on the server, so that triggers can be created");
    else if (error.nativeErrorCode() == QLatin1String("1045"))
        text += QStringLiteral(" - wrong user name or password (mysqlConfig.user / mysqlConfig.password)");
    else if (error.nativeErrorCode() == QLatin1String("2002") || error.nativeErrorCode() == QLatin1String("2003")
             || error.nativeErrorCode() == QLatin1String("2005"))
        text += QStringLiteral(" - the database server cannot be reached: check mysqlConfig.host and mysqlConfig.port "
                               "(or socketPath), and that the server is running");
    else if (error.nativeErrorCode() == QLatin1String("1049"))
        text += QStringLiteral(" - no such database (mysqlConfig.database)");
    else if (error.nativeErrorCode() == QLatin1String("1142") || error.nativeErrorCode() == QLatin1String("1044"))
        text += QStringLiteral(" - the database user lacks a privilege the engine needs (SELECT, INSERT, UPDATE, "
                               "DELETE, CREATE, TRIGGER)");
    else if (error.nativeErrorCode() == QLatin1String("28P01") || error.nativeErrorCode() == QLatin1String("28000"))
        text += QStringLiteral(" - wrong user name or password (postgresConfig.user / postgresConfig.password)");
    else if (error.nativeErrorCode() == QLatin1String("3D000"))
        text += QStringLiteral(" - no such database (postgresConfig.database)");
    else if (error.nativeErrorCode() == QLatin1String("42501"))
        text += QStringLiteral(" - the database role lacks a privilege the engine needs (SELECT, INSERT, UPDATE, "
                               "DELETE on the tables; CREATE and TRIGGER)");
    return text;
}

} // namespace mysqlsync
