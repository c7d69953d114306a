#pragma once
// The feed's routing rule (docs/protocol.md, "Live feed"), without sockets or a database: who
// gets a push of a row, and who learns that a row left them. Deny by default: a table without a
// route reaches nobody; "*" reaches every authenticated client; columns reach the users whose id
// equals one of their values.
#include "config/Config.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>

namespace mysqlsync {

struct FeedDelivery {
    bool everyone = false; // every authenticated client gets the push
    QSet<QString> to;      // user ids that get the push
    QSet<QString> gone;    // user ids that owned the row before and do not now: a "gone" push
};

class FeedRouting {
public:
    // A routing value as a user id: a string as it is, an integral number in decimal; anything
    // else (null, a fraction, an object) names nobody.
    static QString userId(const QJsonValue &value);
    // The users a row belongs to by `route`'s columns (empty for "*" and for a null row).
    static QSet<QString> owners(const FeedRoute &route, const QJsonObject &row);
    // The delivery of a change of a row that belonged to `before` (as the feed last knew it):
    // `after` is the row now, or null when it was deleted (the delete goes to `before`).
    static FeedDelivery decide(const FeedRoute *route, const QSet<QString> &before, const QJsonValue &after);
};

} // namespace mysqlsync
