#include "engine/TransformConnection.h"

#include "common/Logging.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace mysqlsync {

TransformConnection::TransformConnection(const MysqlConfig &config, const QString &connectionName, int timeLimitMs)
    : m_connection(config, connectionName)
    , m_sql(connectionName)
    , m_timeLimitMs(qMax(1, timeLimitMs))
{ }

bool TransformConnection::isPlainRead(const QString &sql)
{
    // The first word, with nothing before it: a leading comment may be an executable one
    // (/*!40101 SET NAMES latin1 */), so it does not count as a read.
    static const QRegularExpression first(QStringLiteral("^\\s*([A-Za-z]+)\\b"));
    const QRegularExpressionMatch m = first.match(sql);
    if (!m.hasMatch())
        return false;
    static const QStringList reads = {QStringLiteral("select"), QStringLiteral("show"), QStringLiteral("describe"),
                                      QStringLiteral("desc"), QStringLiteral("explain")};
    return reads.contains(m.captured(1).toLower());
}

bool TransformConnection::ensureOpen(QString *error)
{
    if (m_connection.isOpen())
        return true;
    QString problem;
    if (!m_connection.open(&problem)) {
        *error = problem;
        return false;
    }
    // Four fifths of the transformer's own limit: a statement cut short leaves the
    // transformer time to handle the error, and a call never holds the thread much longer
    // than transformTimeout.
    const int statementMs = qMax(1, m_timeLimitMs * 4 / 5);
    QSqlQuery q(m_connection.db());
    const QString limit = m_connection.isPostgres() ? QStringLiteral("SET statement_timeout = %1").arg(statementMs)
        : m_connection.isMariaDb()
        ? QStringLiteral("SET SESSION max_statement_time = %1").arg(statementMs / 1000.0, 0, 'f', 3)
        : QStringLiteral("SET SESSION max_execution_time = %1").arg(statementMs);
    if (!q.exec(limit)) {
        *error = QStringLiteral("cannot set the statement time limit (%1): %2")
                     .arg(limit, DbConnection::describe(q.lastError()));
        m_connection.close();
        return false;
    }
    return true;
}

QList<QVariantMap> TransformConnection::query(const QString &sql, const QVariantList &values, QString *error)
{
    static const QRegularExpression timeLimit(QStringLiteral("max_(statement|execution)_time|statement_timeout"),
                                              QRegularExpression::CaseInsensitiveOption);
    if (timeLimit.match(sql).hasMatch()) {
        *error = QStringLiteral("a transformer cannot change the statement time limit");
        return {};
    }
    if (!ensureOpen(error))
        return {};
    if (!isPlainRead(sql))
        m_dirty = true;
    QList<QVariantMap> rows = m_sql.query(sql, values, error);
    if (!error->isEmpty())
        m_dirty = true; // a lost connection, or a statement cut short: start afresh
    return rows;
}

void TransformConnection::finished()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    qCDebug(lcDatabase) << "closing the transformers' connection after a call that may have changed its session";
    m_connection.close();
}

} // namespace mysqlsync
