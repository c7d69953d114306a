#include "database/RowDigests.h"

#include "codec/ValueCodec.h"
#include "database/DbConnection.h"
#include "database/SqlDialect.h"
#include "database/SqlLiteral.h"

#include <QSqlError>
#include <QSqlQuery>

namespace mysqlsync {

namespace {

// A column's value as text in its canonical form (see the header).
QString canonical(const ColumnInfo &c)
{
    const QString q = quoteIdentifier(c.name);
    switch (c.kind) {
    case ColumnKind::Date:
        return QStringLiteral("DATE_FORMAT(%1, '%Y-%m-%d')").arg(q);
    case ColumnKind::Binary:
    case ColumnKind::Bit:
        return QStringLiteral("LOWER(HEX(CAST(%1 AS BINARY)))").arg(q);
    case ColumnKind::Integer:
    case ColumnKind::Float:
    case ColumnKind::Double:
    case ColumnKind::Decimal:
    case ColumnKind::DateTime:
    case ColumnKind::Text:
        break;
    }
    return QStringLiteral("CONVERT(CAST(%1 AS CHAR) USING utf8mb4)").arg(q);
}

// PostgreSQL's counterpart: the same text for an equal value, `||` (NULL when the value is).
QString postgresPart(const ColumnInfo &c)
{
    const QString v = ValueCodec::postgresText(c, SqlDialect::postgres().quoteIdentifier(c.name));
    return QStringLiteral("COALESCE(CAST(char_length(%1) AS text) || ':' || %1, '-')").arg(v);
}

} // namespace

RowDigests::RowDigests(const TableInfo &table, const QStringList &columns)
    : m_table(table)
    , m_postgres(table.primaryKey >= 0 && table.key().postgres)
{
    if (table.primaryKey < 0) {
        m_problem = QStringLiteral("table `%1` has no single-column primary key").arg(table.name);
        return;
    }
    QStringList parts;
    for (const QString &name : columns) {
        const ColumnInfo *c = table.column(name);
        if (!c) {
            m_problem = QStringLiteral("table `%1` has no column `%2`").arg(table.name, name);
            return;
        }
        if (m_postgres) {
            parts.append(postgresPart(*c));
            continue;
        }
        const QString v = canonical(*c);
        parts.append(QStringLiteral("IFNULL(CONCAT(CHAR_LENGTH(%1), ':', %1), '-')").arg(v));
    }
    if (parts.isEmpty()) {
        m_problem = QStringLiteral("no column of `%1` to compare").arg(table.name);
        return;
    }
    m_expression = m_postgres
        ? QStringLiteral("left(md5(%1), 16)").arg(parts.join(QStringLiteral(" || ',' || ")))
        : QStringLiteral("LEFT(MD5(CONCAT_WS(',', %1)), 16)").arg(parts.join(QStringLiteral(", ")));
}

const SqlDialect &RowDigests::dialect() const
{
    return m_postgres ? SqlDialect::postgres() : SqlDialect::mariaDb();
}

bool RowDigests::valid(QString *error) const
{
    if (m_problem.isEmpty())
        return true;
    *error = m_problem;
    return false;
}

QString RowDigests::bound(const QSqlDatabase &db, const QString &key) const
{
    QVariant value;
    if (!ValueCodec::decode(m_table.key(), QJsonValue(key), &value, nullptr))
        value = key;
    return sqlLiteral(db.driver(), value);
}

bool RowDigests::range(const QSqlDatabase &db, const QString &from, const QString &to, int limit,
                       QList<ext::RowDigest> *out, QString *error) const
{
    if (!valid(error))
        return false;
    const QString key = dialect().quoteIdentifier(m_table.key().name);
    QStringList where;
    if (!from.isNull())
        where.append(QStringLiteral("%1 > %2").arg(key, bound(db, from)));
    if (!to.isNull())
        where.append(QStringLiteral("%1 <= %2").arg(key, bound(db, to)));
    QString sql = QStringLiteral("SELECT %1, %2 FROM %3")
                      .arg(dialect().textCast(key), m_expression, dialect().quoteIdentifier(m_table.name));
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY %1").arg(key);
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    return read(db, sql, out, error);
}

bool RowDigests::keys(const QSqlDatabase &db, const QStringList &keys, QList<ext::RowDigest> *out, QString *error) const
{
    out->clear();
    if (!valid(error))
        return false;
    const QString key = dialect().quoteIdentifier(m_table.key().name);
    for (qsizetype i = 0; i < keys.size(); i += 1000) {
        QStringList literals;
        for (const QString &k : keys.mid(i, 1000))
            literals.append(bound(db, k));
        QList<ext::RowDigest> part;
        if (!read(db,
                  QStringLiteral("SELECT %5, %2 FROM %3 WHERE %1 IN (%4)")
                      .arg(key, m_expression, dialect().quoteIdentifier(m_table.name), literals.join(QLatin1Char(',')),
                           dialect().textCast(key)),
                  &part, error))
            return false;
        *out += part;
    }
    return true;
}

bool RowDigests::read(const QSqlDatabase &db, const QString &sql, QList<ext::RowDigest> *out, QString *error) const
{
    out->clear();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        *error = QStringLiteral("cannot compute the checksums of `%1`: %2")
                     .arg(m_table.name, DbConnection::describe(q.lastError()));
        return false;
    }
    while (q.next())
        out->append({q.value(0).toString(), q.value(1).toString()});
    return true;
}

} // namespace mysqlsync
