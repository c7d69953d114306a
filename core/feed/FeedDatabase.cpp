#include "feed/FeedDatabase.h"

#include "codec/ValueCodec.h"
#include "common/Logging.h"
#include "database/FeedCheck.h"
#include "feed/FeedRouting.h"

#include <QSqlQuery>

namespace mysqlsync {

namespace {
const QString kConnection = QStringLiteral("mysql-sync-feed");
} // namespace

FeedDatabase::FeedDatabase(const Config &config)
    : m_config(config)
{ }

bool FeedDatabase::open(QString *error, bool *fatal)
{
    *fatal = false;
    m_db = std::make_unique<DbConnection>(m_config.siteDatabase(), kConnection);
    m_rows = std::make_unique<RowStore>(kConnection);
    if (!m_db->open(error))
        return false;
    QStringList unused; // FeedCheck names a missing table with its key
    m_tables.clear();
    Catalog::load(m_db->db(), FeedCheck::tables(m_config.feed), &m_tables, &unused);
    const QStringList problems = FeedCheck::problems(m_config, m_tables);
    if (!problems.isEmpty()) {
        *error = problems.join(QStringLiteral("; "));
        *fatal = true;
        return false;
    }
    qCInfo(lcFeed).noquote() << "feed database" << m_db->description() << "ready";
    return true;
}

const TableInfo *FeedDatabase::table(const QString &name) const
{
    auto it = m_tables.constFind(name);
    return it == m_tables.cend() ? nullptr : &it.value();
}

bool FeedDatabase::ensureOpen(QString *error)
{
    if (m_db && m_db->isOpen())
        return true;
    if (!m_db) {
        *error = QStringLiteral("the feed's database connection was never opened");
        return false;
    }
    return m_db->open(error);
}

FeedDatabase::Lookup FeedDatabase::userForToken(const QString &token, QString *user, QString *error)
{
    const TableInfo *tokens = table(m_config.feed.tokenTable);
    if (!tokens || !ensureOpen(error)) {
        if (!tokens)
            *error = QStringLiteral("the tokens table is not in the catalogue");
        return Lookup::Failed;
    }
    // Names from the catalogue only (FeedCheck checked them); the token is a bound value.
    const ColumnInfo *userColumn = tokens->column(m_config.feed.userColumn);
    const ColumnInfo *tokenColumn = tokens->column(m_config.feed.tokenColumn);
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    // The column's collation may ignore case and trailing spaces: the SQL finds the candidates
    // (by index), the exact comparison is made here.
    q.prepare(QStringLiteral("SELECT %1, CAST(%3 AS BINARY) FROM %2 WHERE %3 = ? LIMIT 16")
                  .arg(ValueCodec::selectExpression(*userColumn, quoteIdentifier(userColumn->name)),
                       quoteIdentifier(tokens->name), quoteIdentifier(tokenColumn->name)));
    q.addBindValue(token);
    if (!q.exec()) {
        *error =
            QStringLiteral("looking up a token in `%1`: %2").arg(tokens->name, DbConnection::describe(q.lastError()));
        if (DbConnection::isConnectionError(q.lastError()))
            m_db->close();
        return Lookup::Failed;
    }
    QStringList users;
    const QByteArray presented = token.toUtf8();
    while (q.next()) {
        if (q.value(1).toByteArray() == presented)
            users << FeedRouting::userId(ValueCodec::encode(*userColumn, q.value(0)));
    }
    // A token shared by two users names neither: it is refused rather than guessed.
    if (users.size() != 1 || users.first().isEmpty())
        return Lookup::NotFound;
    *user = users.first();
    return Lookup::Found;
}

bool FeedDatabase::rows(const QString &name, const QStringList &keys, QHash<QString, QJsonObject> *out, QString *error)
{
    const TableInfo *info = table(name);
    if (!info) {
        *error = QStringLiteral("table `%1` is not in the feed's catalogue").arg(name);
        return false;
    }
    if (!ensureOpen(error))
        return false;
    const RowStore::Result result = m_rows->fetch(*info, keys, out, error);
    if (result == RowStore::Result::ConnectionLost)
        m_db->close();
    if (result == RowStore::Result::SchemaChanged) {
        // The table changed under the feed: read its catalogue again for the next time.
        QHash<QString, TableInfo> again;
        QStringList problems;
        if (Catalog::load(m_db->db(), {name}, &again, &problems))
            m_tables.insert(name, again.value(name));
    }
    return result == RowStore::Result::Ok;
}

bool FeedDatabase::routingValues(const QString &name, const QStringList &columns, int limit,
                                 QHash<QString, QJsonObject> *out, QString *error)
{
    const TableInfo *info = table(name);
    if (!info || !ensureOpen(error)) {
        if (!info)
            *error = QStringLiteral("table `%1` is not in the feed's catalogue").arg(name);
        return false;
    }
    QStringList select{QStringLiteral("CAST(%1 AS CHAR)").arg(quoteIdentifier(info->key().name))};
    QList<const ColumnInfo *> routed;
    for (const QString &c : columns) {
        const ColumnInfo *column = info->column(c);
        if (!column)
            continue; // FeedCheck refused such a configuration
        routed << column;
        select << ValueCodec::selectExpression(*column, quoteIdentifier(column->name));
    }
    QSqlQuery q(m_db->db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM %2 LIMIT %3")
                    .arg(select.join(QStringLiteral(", ")), quoteIdentifier(info->name))
                    .arg(qMax(0, limit)))) {
        *error = QStringLiteral("reading the routing columns of `%1`: %2")
                     .arg(info->name, DbConnection::describe(q.lastError()));
        return false;
    }
    while (q.next()) {
        QJsonObject values;
        for (int i = 0; i < routed.size(); ++i)
            values.insert(routed.at(i)->name, ValueCodec::encode(*routed.at(i), q.value(i + 1)));
        out->insert(q.value(0).toString(), values);
    }
    return true;
}

} // namespace mysqlsync
