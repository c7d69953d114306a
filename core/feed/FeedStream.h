#pragma once
// The feed's push stream: the one entry point for everything that reaches clients, whoever
// noticed it (the engine's captured and applied changes read from the database, POST /publish,
// later a feed fed by the broker). For each change it strips the filtered columns, decides the
// kind (insert, update, delete), routes it (FeedRouting) with the owners the row had before,
// and hands the frames to `deliver`. The previous owners come from a bounded per-table cache
// (key -> owners, oldest first out), primed at start with up to feed.cacheRows rows per table.
#include "config/Config.h"
#include "feed/FeedRouting.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QQueue>
#include <QSet>

#include <functional>

namespace mysqlsync {

struct FeedChange {
    QString table;
    QString key;
    QJsonValue row;  // the row after the change, or null (deleted)
    qint64 time = 0; // ms since the epoch
    QString source = QStringLiteral("database");
    QString kind; // empty: decided from the cache (database changes)
    QString user; // published events: the user named by the caller
};

class FeedStream {
public:
    using Deliver = std::function<void(const QString &table, const QString &key, const FeedDelivery &delivery,
                                       const QByteArray &change, const QByteArray &gone)>;

    // A change as this feed resolved it, for the broker's stream (feed.publishStream): kind
    // decided, the row as clients may see it, the owners before and after.
    using Resolved =
        std::function<void(const FeedChange &change, const QSet<QString> &before, const QSet<QString> &after)>;

    FeedStream(const Config &config, Deliver deliver);
    void setResolved(Resolved resolved) { m_resolved = std::move(resolved); }

    bool isRouted(const QString &table) const { return m_config.feed.routing.contains(table); }
    // What the database holds of a routed table at start (key -> its routing columns).
    void prime(const QString &table, const QHash<QString, QJsonObject> &routingValues);
    // A change of a row of this site's database.
    void changed(const FeedChange &change);
    // An event a backend published (POST /publish): routed by its table's rule applied to its
    // row, or, for a table without a rule, to the user it names; the cache is not touched.
    void published(const FeedChange &event);
    // A change another feed resolved (the broker's stream, FeedStreamMessage): routed by the
    // owners it names (or to everyone by this feed's "*"), the cache not touched.
    void streamed(const FeedChange &change, const QSet<QString> &before, const QSet<QString> &after);

    // The row as clients see it: filtered columns removed.
    QJsonValue visible(const QString &table, const QJsonValue &row) const;
    int cached(const QString &table) const { return int(m_cache.value(table).owners.size()); }

private:
    struct Cache {
        QHash<QString, QSet<QString>> owners;
        QQueue<QString> order; // oldest first (may hold keys deleted since)
    };
    void remember(const QString &table, const QString &key, const QSet<QString> &owners);
    void send(const FeedChange &change, const QString &kind, const FeedDelivery &delivery);

    Config m_config;
    Deliver m_deliver;
    Resolved m_resolved;
    QHash<QString, QStringList> m_filtered; // table -> columns never pushed
    QHash<QString, Cache> m_cache;
};

} // namespace mysqlsync
