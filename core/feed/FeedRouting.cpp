#include "feed/FeedRouting.h"

#include <cmath>

namespace mysqlsync {

QString FeedRouting::userId(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9007199254740992.0)
            return QString::number(qint64(d));
    }
    return {};
}

QSet<QString> FeedRouting::owners(const FeedRoute &route, const QJsonObject &row)
{
    QSet<QString> users;
    for (const QString &column : route.columns) {
        const QString id = userId(row.value(column));
        if (!id.isEmpty())
            users.insert(id);
    }
    return users;
}

FeedDelivery FeedRouting::decide(const FeedRoute *route, const QSet<QString> &before, const QJsonValue &after)
{
    FeedDelivery d;
    if (!route)
        return d;
    if (route->everyone) {
        d.everyone = true;
        return d;
    }
    if (!after.isObject()) {
        d.to = before; // a delete reaches those who had the row
        return d;
    }
    d.to = owners(*route, after.toObject());
    d.gone = before - d.to;
    return d;
}

} // namespace mysqlsync
