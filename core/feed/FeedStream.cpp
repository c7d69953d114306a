#include "feed/FeedStream.h"

#include "feed/FeedClient.h"

namespace mysqlsync {

FeedStream::FeedStream(const Config &config, Deliver deliver)
    : m_config(config)
    , m_deliver(std::move(deliver))
{
    // feed.filters, and the columns that never leave the site at all (the top-level filters).
    for (const QString &f : m_config.feed.filters + m_config.filters) {
        const qsizetype dot = f.indexOf(QLatin1Char('.'));
        QStringList &columns = m_filtered[f.left(dot)];
        if (!columns.contains(f.mid(dot + 1)))
            columns << f.mid(dot + 1);
    }
}

QJsonValue FeedStream::visible(const QString &table, const QJsonValue &row) const
{
    if (!row.isObject())
        return row;
    QJsonObject o = row.toObject();
    for (const QString &column : m_filtered.value(table))
        o.remove(column);
    return o;
}

void FeedStream::prime(const QString &table, const QHash<QString, QJsonObject> &routingValues)
{
    const FeedRoute route = m_config.feed.routing.value(table);
    for (auto it = routingValues.cbegin(); it != routingValues.cend(); ++it)
        remember(table, it.key(), FeedRouting::owners(route, it.value()));
}

void FeedStream::remember(const QString &table, const QString &key, const QSet<QString> &owners)
{
    if (m_config.feed.cacheRows <= 0)
        return;
    Cache &cache = m_cache[table];
    auto it = cache.owners.find(key);
    if (it != cache.owners.end()) {
        *it = owners;
        return;
    }
    cache.owners.insert(key, owners);
    cache.order.enqueue(key);
    // The order queue may hold keys deleted since; it is bounded by twice the cache.
    while (cache.owners.size() > m_config.feed.cacheRows || cache.order.size() > 2 * m_config.feed.cacheRows)
        cache.owners.remove(cache.order.dequeue());
}

void FeedStream::changed(const FeedChange &change)
{
    const auto route = m_config.feed.routing.constFind(change.table);
    if (route == m_config.feed.routing.cend())
        return; // deny by default
    Cache &cache = m_cache[change.table];
    const auto known = cache.owners.constFind(change.key);
    const bool wasKnown = known != cache.owners.cend();
    const QSet<QString> before = wasKnown ? *known : QSet<QString>();
    QString kind = change.kind;
    if (kind.isEmpty())
        kind = !change.row.isObject() ? QStringLiteral("delete")
            : wasKnown                ? QStringLiteral("update")
                                      : QStringLiteral("insert");
    const FeedDelivery delivery = FeedRouting::decide(&*route, before, change.row);
    const QSet<QString> after =
        change.row.isObject() ? FeedRouting::owners(*route, change.row.toObject()) : QSet<QString>();
    if (change.row.isObject())
        remember(change.table, change.key, after);
    else
        cache.owners.remove(change.key);
    send(change, kind, delivery);
    if (m_resolved) {
        FeedChange resolved = change;
        resolved.kind = kind;
        resolved.row = visible(change.table, change.row);
        m_resolved(resolved, before, after);
    }
}

void FeedStream::streamed(const FeedChange &change, const QSet<QString> &before, const QSet<QString> &after)
{
    const auto route = m_config.feed.routing.constFind(change.table);
    if (route == m_config.feed.routing.cend())
        return; // deny by default: this feed serves the tables its own routing lists
    FeedDelivery delivery;
    if (route->everyone) {
        delivery.everyone = true;
    } else if (!change.row.isObject()) {
        delivery.to = before; // a delete reaches those who had the row
    } else {
        delivery.to = after;
        delivery.gone = before - after;
    }
    send(change, change.kind, delivery);
}

void FeedStream::published(const FeedChange &event)
{
    const auto route = m_config.feed.routing.constFind(event.table);
    FeedDelivery delivery;
    if (route != m_config.feed.routing.cend())
        delivery = FeedRouting::decide(&*route, {}, event.row);
    else if (!event.user.isEmpty())
        delivery.to.insert(event.user);
    send(event, event.kind, delivery);
}

void FeedStream::send(const FeedChange &change, const QString &kind, const FeedDelivery &delivery)
{
    if (!delivery.everyone && delivery.to.isEmpty() && delivery.gone.isEmpty())
        return;
    QJsonObject body{{QStringLiteral("table"), change.table},
                     {QStringLiteral("key"), change.key},
                     {QStringLiteral("kind"), kind},
                     {QStringLiteral("row"), visible(change.table, change.row)},
                     {QStringLiteral("time"), double(change.time)},
                     {QStringLiteral("source"), change.source}};
    const QByteArray pushed = FeedClient::frame(QStringLiteral("change"), body);
    QByteArray gone;
    if (!delivery.gone.isEmpty())
        gone = FeedClient::frame(QStringLiteral("gone"),
                                 QJsonObject{{QStringLiteral("table"), change.table},
                                             {QStringLiteral("key"), change.key},
                                             {QStringLiteral("time"), double(change.time)}});
    m_deliver(change.table, change.key, delivery, pushed, gone);
}

} // namespace mysqlsync
