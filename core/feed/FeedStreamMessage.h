#pragma once
// The feed's stream on the broker (docs/protocol.md, "Live feed", "Scale-out"): an engine with
// feed.publishStream publishes each routed change, as its own feed resolved it (kind, the row
// as clients may see it, the owners before and after), on /mysql-sync/{sender}/feed; standalone
// feed servers (mysql-sync feed) take it from there. Encode, decode, validate; no I/O.
#include "feed/FeedStream.h"

#include <QByteArray>
#include <QSet>
#include <QString>

namespace mysqlsync {

struct StreamedChange {
    QString sender;
    FeedChange change;    // table, key, kind, row (null: deleted), time
    QSet<QString> before; // the users the row belonged to before the change
    QSet<QString> after;  // the users it belongs to now
};

class FeedStreamMessage {
public:
    static constexpr int kMaxOwners = 10000;
    static constexpr int kMaxKeyLength = 4096;
    static constexpr int kMaxUserLength = 256;

    static QString topic(const QString &sender);
    // The site a stream topic names, or empty for any other topic (or an invalid client name).
    static QString topicSender(const QString &topic);

    static QByteArray encode(const QString &sender, const FeedChange &change, const QSet<QString> &before,
                             const QSet<QString> &after);
    // Strict: refused (false, *error naming the field) unless every field has its type and
    // bounds and `sender` is the site the topic names. Unknown fields are ignored.
    static bool decode(const QString &topic, const QByteArray &payload, StreamedChange *out, QString *error);
};

} // namespace mysqlsync
