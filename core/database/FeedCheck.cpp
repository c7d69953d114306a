#include "database/FeedCheck.h"

namespace mysqlsync {

namespace {

class Problems {
public:
    explicit Problems(const Config &config)
        : m_file(config.filePath.isEmpty() ? QStringLiteral("(configuration)") : config.filePath)
    { }
    void add(const QString &key, const QString &message)
    {
        m_lines << m_file + QLatin1String(": ") + key + QLatin1String(": ") + message;
    }
    QStringList lines() const { return m_lines; }

private:
    QString m_file;
    QStringList m_lines;
};

QString noColumn(const QString &table, const QString &column)
{
    return QStringLiteral("table `%1` has no column `%2`").arg(table, column.left(64));
}

const TableInfo *usable(const QHash<QString, TableInfo> &catalog, const QString &table)
{
    auto it = catalog.constFind(table);
    return it == catalog.cend() || it->primaryKey < 0 ? nullptr : &it.value();
}

} // namespace

QStringList FeedCheck::tables(const FeedConfig &feed)
{
    QStringList routed = feed.routing.keys();
    routed.sort();
    if (feed.jwt)
        return routed; // signed tokens: no table of tokens
    routed.removeAll(feed.tokenTable);
    return QStringList{feed.tokenTable} + routed;
}

QStringList FeedCheck::problems(const Config &config, const QHash<QString, TableInfo> &catalog)
{
    Problems out(config);
    const FeedConfig &feed = config.feed;
    if (!feed.enabled)
        return {};
    const QString missing = QStringLiteral("table `%1` does not exist in the database or has no single-column "
                                           "primary key");
    if (feed.jwt) {
        // Signed tokens: nothing of the database to check.
    } else if (const TableInfo *tokens = usable(catalog, feed.tokenTable)) {
        if (!tokens->column(feed.tokenColumn))
            out.add(QStringLiteral("feed.tokens.tokenColumn"), noColumn(feed.tokenTable, feed.tokenColumn));
        if (!tokens->column(feed.userColumn))
            out.add(QStringLiteral("feed.tokens.userColumn"), noColumn(feed.tokenTable, feed.userColumn));
    } else {
        out.add(QStringLiteral("feed.tokens.table"), missing.arg(feed.tokenTable));
    }
    QStringList routed = feed.routing.keys();
    routed.sort();
    for (const QString &table : std::as_const(routed)) {
        const QString key = QStringLiteral("feed.routing.") + table;
        const TableInfo *info = usable(catalog, table);
        if (!info) {
            out.add(key, missing.arg(table));
            continue;
        }
        const QStringList &columns = feed.routing.value(table).columns;
        for (const QString &column : columns) {
            if (!info->column(column))
                out.add(key, noColumn(table, column));
        }
    }
    for (int i = 0; i < feed.filters.size(); ++i) {
        const QString &filter = feed.filters.at(i);
        const qsizetype dot = filter.indexOf(QLatin1Char('.'));
        const QString table = filter.left(dot);
        const QString column = filter.mid(dot + 1);
        const QString key = QStringLiteral("feed.filters[%1]").arg(i);
        const TableInfo *info = usable(catalog, table);
        // A table that is not routed reaches clients only through POST /publish, whose data is
        // the caller's: its filters are applied by name, nothing to check.
        if (!feed.routing.contains(table) || !info)
            continue;
        if (!info->column(column))
            out.add(key, noColumn(table, column));
        else if (info->key().name == column)
            out.add(key,
                    QStringLiteral("`%1` is the primary key of table `%2`, which every push names its row by")
                        .arg(column, table));
    }
    return out.lines();
}

} // namespace mysqlsync
