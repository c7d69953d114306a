#include "feed/FeedPublish.h"

#include "common/Logging.h"
#include "feed/FeedServer.h"
#include "feed/FeedStream.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>

namespace mysqlsync {

namespace {

FeedPublish::Answer answer(int status, const QString &error)
{
    if (error.isEmpty())
        return {status, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}}};
    return {status, QJsonObject{{QStringLiteral("error"), error}}};
}

} // namespace

FeedPublish::Answer FeedPublish::handle(const QByteArray &body, const QString &publishToken, FeedStream *stream,
                                        const std::function<QString(const QString &table)> &keyColumn)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return answer(400, QStringLiteral("expected a JSON object as the body"));
    const QJsonObject o = doc.object();
    const QJsonValue token = o.value(QStringLiteral("securityToken"));
    // esink's codes: 403 when this site has no token to compare with, 401 for an invalid one.
    if (publishToken.isEmpty())
        return answer(403, QStringLiteral("no feed.publishToken is configured: /publish is refused"));
    if (!token.isString() || token.toString().isEmpty())
        return answer(401, QStringLiteral("no securityToken"));
    if (!FeedServer::sameSecret(token.toString(), publishToken)) {
        qCInfo(lcFeed) << "POST /publish refused: wrong securityToken";
        return answer(401, QStringLiteral("wrong securityToken"));
    }
    const QJsonValue data = o.value(QStringLiteral("data"));
    const QString type = o.value(QStringLiteral("type")).toString();
    const QString table = o.value(QStringLiteral("table")).toString();
    const QString user = FeedRouting::userId(o.value(QStringLiteral("userId")));
    const QJsonValue timestamp = o.value(QStringLiteral("timestamp"));
    const QJsonValue source = o.value(QStringLiteral("source"));
    const QJsonValue version = o.value(QStringLiteral("version"));
    if (!data.isObject())
        return answer(400, QStringLiteral("expected \"data\" as an object"));
    if (type != QLatin1String("insert") && type != QLatin1String("update") && type != QLatin1String("delete"))
        return answer(400, QStringLiteral("expected \"type\" as insert, update or delete"));
    if (table.isEmpty() || table.toUcs4().size() > 64)
        return answer(400, QStringLiteral("expected \"table\" as a table name"));
    if (user.isEmpty())
        return answer(400, QStringLiteral("expected \"userId\" as a string or an integer"));
    if (!(timestamp.isUndefined() || timestamp.isDouble()) || !(source.isUndefined() || source.isString())
        || !(version.isUndefined() || version.isDouble()))
        return answer(400, QStringLiteral("expected \"timestamp\" and \"version\" as numbers, \"source\" as a string"));
    if (!stream)
        return answer(500, QStringLiteral("the feed is not running"));

    FeedChange event;
    event.table = table;
    const QString column = keyColumn ? keyColumn(table) : QString();
    event.key = FeedRouting::userId(data.toObject().value(column.isEmpty() ? QStringLiteral("id") : column));
    event.row = data;
    event.kind = type;
    event.user = user;
    event.time = timestamp.isDouble() ? qint64(timestamp.toDouble()) : QDateTime::currentMSecsSinceEpoch();
    event.source = source.isString() ? source.toString() : QStringLiteral("api");
    stream->published(event);
    return answer(200, {});
}

} // namespace mysqlsync
