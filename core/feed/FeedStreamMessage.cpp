#include "feed/FeedStreamMessage.h"

#include "common/ClientName.h"
#include "protocol/Extensions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace mysqlsync {

namespace {

const QString kPrefix = QStringLiteral("/mysql-sync/");
const QString kSuffix = QStringLiteral("/feed");

QJsonArray sortedArray(const QSet<QString> &users)
{
    QStringList list(users.cbegin(), users.cend());
    list.sort();
    return QJsonArray::fromStringList(list);
}

bool readOwners(const QJsonObject &owners, const char *field, QSet<QString> *out, QString *error)
{
    const QJsonValue v = owners.value(QLatin1String(field));
    if (!v.isArray() || v.toArray().size() > FeedStreamMessage::kMaxOwners) {
        *error = QStringLiteral("field `owners.%1` must be an array of at most %2 user ids")
                     .arg(QLatin1String(field))
                     .arg(FeedStreamMessage::kMaxOwners);
        return false;
    }
    const QJsonArray users = v.toArray();
    for (const QJsonValue user : users) {
        if (!user.isString() || user.toString().isEmpty()
            || user.toString().size() > FeedStreamMessage::kMaxUserLength) {
            *error = QStringLiteral("field `owners.%1` must hold non-empty strings of at most %2 characters")
                         .arg(QLatin1String(field))
                         .arg(FeedStreamMessage::kMaxUserLength);
            return false;
        }
        out->insert(user.toString());
    }
    return true;
}

} // namespace

QString FeedStreamMessage::topic(const QString &sender)
{
    return kPrefix + sender + kSuffix;
}

QString FeedStreamMessage::topicSender(const QString &topic)
{
    if (!topic.startsWith(kPrefix) || !topic.endsWith(kSuffix))
        return {};
    const QString sender = topic.mid(kPrefix.size(), topic.size() - kPrefix.size() - kSuffix.size());
    return isValidClientName(sender) ? sender : QString();
}

QByteArray FeedStreamMessage::encode(const QString &sender, const FeedChange &change, const QSet<QString> &before,
                                     const QSet<QString> &after)
{
    const QJsonObject o{{QStringLiteral("sender"), sender},
                        {QStringLiteral("table"), change.table},
                        {QStringLiteral("key"), change.key},
                        {QStringLiteral("kind"), change.kind},
                        {QStringLiteral("row"), change.row.isObject() ? change.row : QJsonValue(QJsonValue::Null)},
                        {QStringLiteral("time"), double(change.time)},
                        {QStringLiteral("owners"),
                         QJsonObject{{QStringLiteral("before"), sortedArray(before)},
                                     {QStringLiteral("after"), sortedArray(after)}}}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool FeedStreamMessage::decode(const QString &topic, const QByteArray &payload, StreamedChange *out, QString *error)
{
    const QString topicSite = topicSender(topic);
    if (topicSite.isEmpty()) {
        *error = QStringLiteral("not a feed stream topic");
        return false;
    }
    if (payload.size() > ext::kMaxMessageBytes) {
        *error = QStringLiteral("the message is larger than 16 MiB");
        return false;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("the payload is not a JSON object");
        return false;
    }
    const QJsonObject o = doc.object();
    StreamedChange s;
    const QJsonValue sender = o.value(QStringLiteral("sender"));
    if (!sender.isString() || sender.toString() != topicSite) {
        *error = QStringLiteral("field `sender` is not the site the topic names (\"%1\")").arg(topicSite);
        return false;
    }
    s.sender = topicSite;
    const QJsonValue table = o.value(QStringLiteral("table"));
    if (!table.isString() || table.toString().isEmpty() || table.toString().size() > 64) {
        *error = QStringLiteral("field `table` must be a table name (1 to 64 characters)");
        return false;
    }
    const QJsonValue key = o.value(QStringLiteral("key"));
    if (!key.isString() || key.toString().isEmpty() || key.toString().size() > kMaxKeyLength) {
        *error = QStringLiteral("field `key` must be a non-empty string of at most %1 characters").arg(kMaxKeyLength);
        return false;
    }
    const QString kind = o.value(QStringLiteral("kind")).toString();
    const QJsonValue row = o.value(QStringLiteral("row"));
    const bool deleted = kind == QLatin1String("delete");
    if (!deleted && kind != QLatin1String("insert") && kind != QLatin1String("update")) {
        *error = QStringLiteral("field `kind` must be insert, update or delete");
        return false;
    }
    if (deleted ? !row.isNull() : !row.isObject()) {
        *error = QStringLiteral("field `row` must be an object, or null for a delete");
        return false;
    }
    const QJsonValue time = o.value(QStringLiteral("time"));
    const double t = time.toDouble(-1);
    if (!time.isDouble() || !std::isfinite(t) || t <= 0 || std::floor(t) != t || t > 9007199254740991.0) {
        *error = QStringLiteral("field `time` must be a positive integer (ms since the epoch)");
        return false;
    }
    const QJsonValue owners = o.value(QStringLiteral("owners"));
    if (!owners.isObject()) {
        *error = QStringLiteral("field `owners` must be an object {before, after}");
        return false;
    }
    if (!readOwners(owners.toObject(), "before", &s.before, error)
        || !readOwners(owners.toObject(), "after", &s.after, error))
        return false;
    s.change.table = table.toString();
    s.change.key = key.toString();
    s.change.kind = kind;
    s.change.row = row;
    s.change.time = qint64(t);
    *out = s;
    return true;
}

} // namespace mysqlsync
