#include "config/TableMapping.h"

#include "config/Config.h"

#include <QJsonArray>
#include <QJsonObject>

namespace mysqlsync {

QString SendMapping::wireColumn(const QString &local) const
{
    if (columns.isEmpty())
        return local;
    return columns.value(local);
}

namespace {
QJsonObject columnsObject(const QMap<QString, QString> &columns)
{
    QJsonObject o;
    for (auto it = columns.cbegin(); it != columns.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}
} // namespace

QJsonValue SendMapping::toJson() const
{
    if ((as.isEmpty() || as == table) && columns.isEmpty())
        return table;
    QJsonObject o{{QStringLiteral("table"), table}};
    if (!as.isEmpty() && as != table)
        o.insert(QStringLiteral("as"), as);
    if (!columns.isEmpty())
        o.insert(QStringLiteral("columns"), columnsObject(columns));
    return o;
}

QJsonValue ReceiveMapping::toJson() const
{
    const bool renamed = !from.isEmpty() && from != table;
    if (!renamed && columns.isEmpty() && !updateListed && insert && remove && !mirror)
        return table;
    QJsonObject o{{QStringLiteral("table"), table}};
    if (renamed)
        o.insert(QStringLiteral("from"), from);
    if (!columns.isEmpty())
        o.insert(QStringLiteral("columns"), columnsObject(columns));
    if (updateListed)
        o.insert(QStringLiteral("update"), QJsonArray::fromStringList(update));
    if (!insert)
        o.insert(QStringLiteral("insert"), false);
    if (!remove)
        o.insert(QStringLiteral("delete"), false);
    if (mirror)
        o.insert(QStringLiteral("mirror"), true);
    return o;
}

QString ReceiveMapping::localColumn(const QString &remote) const
{
    if (columns.isEmpty())
        return remote;
    return columns.value(remote);
}

QString ReceiveMapping::remoteColumn(const QString &local) const
{
    if (columns.isEmpty())
        return local;
    for (auto it = columns.cbegin(); it != columns.cend(); ++it) {
        if (it.value() == local)
            return it.key();
    }
    return {};
}

QString Config::sentName(const QString &table) const
{
    auto it = sendMappings.constFind(table);
    return it == sendMappings.cend() ? table : it->as;
}

QString Config::sendTableFor(const QString &wire) const
{
    for (const QString &table : syncTables) {
        if (sentName(table) == wire)
            return table;
    }
    return {};
}

QString Config::receiveTableFor(const QString &wire) const
{
    for (const QString &table : receiveTables) {
        auto it = receiveMappings.constFind(table);
        if ((it == receiveMappings.cend() ? table : it->from) == wire)
            return table;
    }
    return {};
}

QJsonObject Config::outgoing(const QString &table, const QJsonObject &row) const
{
    if (filters.isEmpty() && sendMappings.isEmpty())
        return row;
    QJsonObject entity = row;
    const QString prefix = table + QLatin1Char('.');
    for (const QString &filter : filters) {
        if (filter.startsWith(prefix))
            entity.remove(filter.mid(prefix.size()));
    }
    auto mapping = sendMappings.constFind(table);
    if (mapping == sendMappings.cend() || mapping->columns.isEmpty())
        return entity;
    QJsonObject mapped;
    for (auto it = mapping->columns.cbegin(); it != mapping->columns.cend(); ++it) {
        auto value = entity.constFind(it.key());
        if (value != entity.constEnd())
            mapped.insert(it.value(), value.value());
    }
    return mapped;
}

QString Config::sentColumn(const QString &table, const QString &column) const
{
    if (filters.contains(table + QLatin1Char('.') + column))
        return {};
    auto it = sendMappings.constFind(table);
    return it == sendMappings.cend() ? column : it->wireColumn(column);
}

const ReceiveMapping *Config::receiveMapping(const QString &table) const
{
    auto it = receiveMappings.constFind(table);
    return it == receiveMappings.cend() ? nullptr : &it.value();
}

} // namespace mysqlsync
