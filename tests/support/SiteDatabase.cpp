#include "SiteDatabase.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDebug>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

namespace testsupport {

namespace {
QAtomicInt g_connectionCounter;

QString escapeValue(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('\'');
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\'':
            out += QLatin1String("\\'");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case 0:
            out += QLatin1String("\\0");
            break;
        default:
            out += c;
        }
    }
    out += QLatin1Char('\'');
    return out;
}

QString renderValue(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return QStringLiteral("NULL");
    if (v.metaType().id() == QMetaType::QByteArray)
        return QStringLiteral("x'%1'").arg(QString::fromLatin1(v.toByteArray().toHex().toUpper()));
    return escapeValue(v.toString());
}
} // namespace

QString SiteDatabase::quoteIdentifier(const QString &name)
{
    QString n = name;
    n.replace(QLatin1Char('`'), QLatin1String("``"));
    return QLatin1Char('`') + n + QLatin1Char('`');
}

QString SiteDatabase::quote(const QString &name) const
{
    if (!isPostgres())
        return quoteIdentifier(name);
    QString n = name;
    n.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + n + QLatin1Char('"');
}

SiteDatabase::SiteDatabase(const Servers &servers, char site, const QString &database, Mode mode)
    : m_database(database)
    , m_site((site == 'p' || site == 'P')       ? 'P'
                 : (site == 'b' || site == 'B') ? 'B'
                                                : 'A')
{
    m_engineConfig.host = QStringLiteral("127.0.0.1");
    m_engineConfig.port = servers.mysqlPort(m_site);
    m_engineConfig.user = servers.user;
    m_engineConfig.password = servers.password;
    m_engineConfig.database = database;
    m_postgresConfig.host = QStringLiteral("127.0.0.1");
    m_postgresConfig.port = servers.pgPort;
    m_postgresConfig.user = servers.pgUser;
    m_postgresConfig.password = servers.pgPassword;
    m_postgresConfig.database = database;
    m_name = QStringLiteral("testsupport-%1-%2-%3")
                 .arg(QLatin1Char(m_site))
                 .arg(database)
                 .arg(g_connectionCounter.fetchAndAddRelaxed(1));
    if (!servers.valid) {
        m_lastError = QStringLiteral("servers not available: ") + servers.error;
        qWarning().noquote() << "SiteDatabase:" << m_lastError;
        return;
    }
    {
        const QString driver = isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QMYSQL");
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, m_name);
        if (!db.isValid()) {
            m_lastError =
                QStringLiteral("the %1 driver is not available (%2); drivers: ")
                    .arg(driver, isPostgres() ? QStringLiteral("libqt6sql6-psql") : QStringLiteral("libqt6sql6-mysql"))
                + QSqlDatabase::drivers().join(QLatin1Char(' '));
            qWarning().noquote() << "SiteDatabase:" << m_lastError;
            return;
        }
        if (!openServer(db, servers, database, mode))
            return;
        QSqlQuery q(db);
        run(q,
            isPostgres() ? QStringLiteral("SET client_min_messages TO warning") : QStringLiteral("SET NAMES utf8mb4"),
            {});
    }
    m_open = true;
}

// Connects as the harness's user, recreates `database` when asked, then opens it.
bool SiteDatabase::openServer(QSqlDatabase &db, const Servers &servers, const QString &database, Mode mode)
{
    const int port = isPostgres() ? servers.pgPort : servers.mysqlPort(m_site);
    db.setHostName(QStringLiteral("127.0.0.1"));
    db.setPort(port);
    db.setUserName(isPostgres() ? servers.pgUser : servers.user);
    db.setPassword(isPostgres() ? servers.pgPassword : servers.password);
    db.setConnectOptions(isPostgres() ? QStringLiteral("connect_timeout=10")
                                      : QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=10"));
    if (mode == Recreate) {
        // PostgreSQL: a connection always names a database; the role's own one is there.
        if (isPostgres())
            db.setDatabaseName(servers.pgUser);
        if (!db.open()) {
            m_lastError = db.lastError().text();
            qWarning().noquote() << "SiteDatabase: cannot connect to site" << m_site << "port" << port << ":"
                                 << m_lastError;
            return false;
        }
        QSqlQuery q(db);
        const QString quoted = quote(database);
        const QString drop = isPostgres() ? QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                                          : QStringLiteral("DROP DATABASE IF EXISTS %1");
        const QString create = isPostgres() ? QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8'")
                                            : QStringLiteral("CREATE DATABASE %1 CHARACTER SET utf8mb4 COLLATE "
                                                             "utf8mb4_general_ci");
        if (!run(q, drop.arg(quoted), {}) || !run(q, create.arg(quoted), {}))
            return false;
        q.finish();
        db.close();
    }
    db.setDatabaseName(database);
    if (!db.open()) {
        m_lastError = db.lastError().text();
        qWarning().noquote() << "SiteDatabase: cannot open database" << database << "on site" << m_site << ":"
                             << m_lastError;
        return false;
    }
    return true;
}

SiteDatabase::~SiteDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase SiteDatabase::database() const
{
    return QSqlDatabase::database(m_name, false);
}

bool SiteDatabase::run(QSqlQuery &q, const QString &sql, const QVariantList &binds)
{
    bool ok;
    if (binds.isEmpty()) {
        ok = q.exec(sql);
    } else {
        ok = q.prepare(sql);
        if (ok) {
            for (const QVariant &b : binds)
                q.addBindValue(b);
            ok = q.exec();
        }
    }
    if (!ok) {
        m_lastError = q.lastError().text();
        QStringList shown;
        for (const QVariant &b : binds)
            shown << renderValue(b);
        qWarning().noquote() << "SiteDatabase" << m_site << m_database << "failed:" << sql
                             << (binds.isEmpty()
                                     ? QString()
                                     : QStringLiteral("binds [") + shown.join(QStringLiteral(", ")) + QLatin1Char(']'))
                             << "->" << m_lastError;
    }
    return ok;
}

bool SiteDatabase::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(database());
    return run(q, sql, binds);
}

QVariant SiteDatabase::scalar(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(database());
    if (!run(q, sql, binds) || !q.next())
        return QVariant();
    return q.value(0);
}

QList<QVariantMap> SiteDatabase::rows(const QString &sql, const QVariantList &binds)
{
    QList<QVariantMap> result;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!run(q, sql, binds))
        return result;
    while (q.next()) {
        const QSqlRecord rec = q.record();
        QVariantMap row;
        for (int i = 0; i < rec.count(); ++i)
            row.insert(rec.fieldName(i), rec.value(i));
        result.append(row);
    }
    return result;
}

QString SiteDatabase::dump(const QString &table, const QString &orderBy)
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    // Exact text for DECIMAL/DOUBLE rather than rounded doubles.
    q.setNumericalPrecisionPolicy(QSql::HighPrecision);
    QString sql = QStringLiteral("SELECT * FROM ") + quote(table);
    if (!orderBy.isEmpty())
        sql += QStringLiteral(" ORDER BY ") + orderBy;
    if (!run(q, sql, {}))
        return QString();
    QString out;
    const QSqlRecord header = q.record();
    QStringList names;
    for (int i = 0; i < header.count(); ++i)
        names << header.fieldName(i);
    out += names.join(QLatin1Char('\t'));
    out += QLatin1Char('\n');
    while (q.next()) {
        QStringList values;
        for (int i = 0; i < header.count(); ++i)
            values << renderValue(q.value(i));
        out += values.join(QLatin1Char('\t'));
        out += QLatin1Char('\n');
    }
    return out;
}

qint64 SiteDatabase::count(const QString &table)
{
    const QVariant v = scalar(QStringLiteral("SELECT COUNT(*) FROM ") + quote(table));
    return v.isValid() ? v.toLongLong() : -1;
}

} // namespace testsupport
