#include "database/MappingCheck.h"

namespace mysqlsync {

namespace {

class Problems {
public:
    explicit Problems(const Config &config)
        : m_file(config.filePath.isEmpty() ? QStringLiteral("(configuration)") : config.filePath)
    { }
    void add(const QString &key, const QString &message) { m_lines << m_file + QLatin1String(": ") + key + QLatin1String(": ") + message; }
    QStringList lines() const { return m_lines; }

private:
    QString m_file;
    QStringList m_lines;
};

const TableInfo *find(const QHash<QString, TableInfo> &catalog, const QString &table)
{
    auto it = catalog.constFind(table);
    return it == catalog.cend() || it->primaryKey < 0 ? nullptr : &it.value();
}

QString noColumn(const QString &table, const QString &column)
{
    return QStringLiteral("table `%1` has no column `%2`").arg(table, column.left(64));
}

void checkSend(const SendMapping &m, const TableInfo &info, Problems *out)
{
    if (m.columns.isEmpty())
        return;
    for (auto it = m.columns.cbegin(); it != m.columns.cend(); ++it) {
        if (!info.column(it.key()))
            out->add(m.key + QStringLiteral(".columns.") + it.key(), noColumn(m.table, it.key()));
    }
    if (!m.columns.contains(info.key().name))
        out->add(m.key + QStringLiteral(".columns"),
                 QStringLiteral("does not map the primary key `%1` of table `%2`: every change names its row by it")
                     .arg(info.key().name, m.table));
}

void checkReceive(const ReceiveMapping &m, const TableInfo &info, Problems *out)
{
    for (auto it = m.columns.cbegin(); it != m.columns.cend(); ++it) {
        if (!info.column(it.value()))
            out->add(m.key + QStringLiteral(".columns.") + it.key(), noColumn(m.table, it.value()));
    }
    if (!m.columns.isEmpty() && m.remoteColumn(info.key().name).isEmpty())
        out->add(m.key + QStringLiteral(".columns"),
                 QStringLiteral("maps no column onto the primary key `%1` of table `%2`: every change names its row "
                                "by it")
                     .arg(info.key().name, m.table));
    for (int i = 0; i < m.update.size(); ++i) {
        if (!info.column(m.update.at(i)))
            out->add(m.key + QStringLiteral(".update[%1]").arg(i), noColumn(m.table, m.update.at(i)));
    }
}

} // namespace

QStringList MappingCheck::problems(const Config &config, const QHash<QString, TableInfo> &catalog)
{
    Problems out(config);
    // Each entry once: a bidirectional table's inverse mapping has the columns of the entry it
    // came from, which is checked in its own list.
    for (const QString &table : config.syncTables) {
        auto m = config.sendMappings.constFind(table);
        const TableInfo *info = find(catalog, table);
        if (info && m != config.sendMappings.cend() && m->key.startsWith(QLatin1String("syncTables")))
            checkSend(*m, *info, &out);
    }
    for (const QString &table : config.receiveTables) {
        const ReceiveMapping *m = config.receiveMapping(table);
        const TableInfo *info = find(catalog, table);
        if (info && m && m->key.startsWith(QLatin1String("receiveTables")))
            checkReceive(*m, *info, &out);
    }
    for (int i = 0; i < config.filters.size(); ++i) {
        const QString &filter = config.filters.at(i);
        const qsizetype dot = filter.indexOf(QLatin1Char('.'));
        const QString table = filter.left(dot);
        const QString column = filter.mid(dot + 1);
        const TableInfo *info = find(catalog, table);
        if (!info)
            continue;
        const QString key = QStringLiteral("filters[%1]").arg(i);
        if (!info->column(column))
            out.add(key, noColumn(table, column));
        else if (info->key().name == column)
            out.add(key, QStringLiteral("`%1` is the primary key of table `%2`, which every change must carry")
                             .arg(column, table));
    }
    return out.lines();
}

} // namespace mysqlsync
