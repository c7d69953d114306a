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

SiteDatabase::SiteDatabase(const Servers &servers, char site, const QString &database, Mode mode)
    : m_database(database)
    , m_site((site == 'b' || site == 'B') ? 'B' : 'A')
{
    m_engineConfig.host = QStringLiteral("127.0.0.1");
    m_engineConfig.port = servers.mysqlPort(m_site);
    m_engineConfig.user = servers.user;
    m_engineConfig.password = servers.password;
    m_engineConfig.database = database;
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
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), m_name);
        if (!db.isValid()) {
            m_lastError = QStringLiteral("the QMYSQL driver is not available (libqt6sql6-mysql); drivers: ")
                + QSqlDatabase::drivers().join(QLatin1Char(' '));
            qWarning().noquote() << "SiteDatabase:" << m_lastError;
            return;
        }
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(servers.mysqlPort(m_site));
        db.setUserName(servers.user);
        db.setPassword(servers.password);
        db.setConnectOptions(QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=10"));
        if (mode == Recreate) {
            if (!db.open()) {
                m_lastError = db.lastError().text();
                qWarning().noquote() << "SiteDatabase: cannot connect to site" << m_site << "port"
                                     << servers.mysqlPort(m_site) << ":" << m_lastError;
                return;
            }
            QSqlQuery q(db);
            const QString quoted = quoteIdentifier(database);
            if (!run(q, QStringLiteral("DROP DATABASE IF EXISTS ") + quoted, {})
                || !run(q,
                        QStringLiteral("CREATE DATABASE ") + quoted
                            + QStringLiteral(" CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"),
                        {})) {
                return;
            }
            q.finish();
            db.close();
        }
        db.setDatabaseName(database);
        if (!db.open()) {
            m_lastError = db.lastError().text();
            qWarning().noquote() << "SiteDatabase: cannot open database" << database << "on site" << m_site << ":"
                                 << m_lastError;
            return;
        }
        QSqlQuery q(db);
        run(q, QStringLiteral("SET NAMES utf8mb4"), {});
    }
    m_open = true;
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
    QString sql = QStringLiteral("SELECT * FROM ") + quoteIdentifier(table);
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
    const QVariant v = scalar(QStringLiteral("SELECT COUNT(*) FROM ") + quoteIdentifier(table));
    return v.isValid() ? v.toLongLong() : -1;
}

} // namespace testsupport
