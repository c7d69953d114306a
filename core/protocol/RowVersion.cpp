#include "protocol/RowVersion.h"

#include "common/ClientName.h"
#include "protocol/JsonFields.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mysqlsync {

RowVersion::Order RowVersion::compare(const RowVersion &a, const RowVersion &b)
{
    bool aHasMore = false;
    bool bHasMore = false;
    auto look = [](const QMap<QString, qint64> &from, const QMap<QString, qint64> &other, bool *more) {
        for (auto it = from.cbegin(); it != from.cend(); ++it) {
            if (it.value() > other.value(it.key(), 0))
                *more = true;
        }
    };
    look(a.vector, b.vector, &aHasMore);
    look(b.vector, a.vector, &bHasMore);
    if (aHasMore && bHasMore)
        return Order::Concurrent;
    if (aHasMore)
        return Order::After;
    if (bHasMore)
        return Order::Before;
    return Order::Same;
}

bool RowVersion::includes(const RowVersion &held, const RowVersion &incoming)
{
    RowVersion all = held;
    all.vector = merge(held.vector, held.absorbed);
    const Order order = compare(incoming, all);
    return order == Order::Same || order == Order::Before;
}

QMap<QString, qint64> RowVersion::merge(const QMap<QString, qint64> &a, const QMap<QString, qint64> &b)
{
    QMap<QString, qint64> out = a;
    for (auto it = b.cbegin(); it != b.cend(); ++it) {
        qint64 &slot = out[it.key()];
        slot = qMax(slot, it.value());
    }
    return out;
}

RowVersion RowVersion::next(const RowVersion &current, const QString &site, qint64 now)
{
    const QMap<QString, qint64> all = merge(current.vector, current.absorbed);
    qint64 latest = current.time;
    for (qint64 t : all)
        latest = qMax(latest, t);
    RowVersion v;
    v.origin = site;
    v.time = qMax(now, latest + 1);
    v.vector = all;
    v.vector.insert(site, v.time);
    return v;
}

QJsonValue RowVersion::toJson() const
{
    QJsonObject vec;
    for (auto it = vector.cbegin(); it != vector.cend(); ++it)
        vec.insert(it.key(), json::millis(it.value()));
    return QJsonObject{{QStringLiteral("origin"), origin},
                       {QStringLiteral("time"), json::millis(time)},
                       {QStringLiteral("vector"), vec}};
}

namespace {

bool readVector(const QJsonObject &o, const QString &path, QMap<QString, qint64> *out, QString *error)
{
    if (o.size() > RowVersion::kMaxSites) {
        json::setError(error,
                       QStringLiteral("field `%1` has %2 sites, at most %3 are allowed")
                           .arg(path)
                           .arg(o.size())
                           .arg(RowVersion::kMaxSites));
        return false;
    }
    out->clear();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!isValidClientName(it.key())) {
            json::setError(error,
                           QStringLiteral("field `%1` names a site that is not a valid client name: \"%2\"")
                               .arg(path, it.key().left(64)));
            return false;
        }
        qint64 t = 0;
        if (!json::readMillis(o, it.key(), path + QLatin1Char('.') + it.key(), &t, error))
            return false;
        if (t <= 0) {
            json::setError(error, QStringLiteral("field `%1.%2` must be a positive time").arg(path, it.key()));
            return false;
        }
        out->insert(it.key(), t);
    }
    return true;
}

} // namespace

bool RowVersion::fromJson(const QJsonValue &value, const QString &path, RowVersion *out, QString *error)
{
    if (!value.isObject()) {
        json::setError(error,
                       QStringLiteral("field `%1` must be an object, got %2").arg(path, json::jsonTypeName(value)));
        return false;
    }
    const QJsonObject o = value.toObject();
    RowVersion v;
    if (!json::readString(o, QStringLiteral("origin"), path + QStringLiteral(".origin"), true, &v.origin, error))
        return false;
    if (!isValidClientName(v.origin)) {
        json::setError(error,
                       QStringLiteral("field `%1.origin` is not a valid client name: \"%2\"")
                           .arg(path, v.origin.left(64)));
        return false;
    }
    if (!json::readMillis(o, QStringLiteral("time"), path + QStringLiteral(".time"), &v.time, error))
        return false;
    const QJsonValue vec = o.value(QStringLiteral("vector"));
    if (!vec.isObject()) {
        json::setError(error,
                       QStringLiteral("field `%1.vector` must be an object, got %2")
                           .arg(path, json::jsonTypeName(vec)));
        return false;
    }
    if (!readVector(vec.toObject(), path + QStringLiteral(".vector"), &v.vector, error))
        return false;
    if (v.vector.value(v.origin) != v.time) {
        json::setError(error,
                       QStringLiteral("field `%1`: the origin's own entry in `vector` must equal `time`").arg(path));
        return false;
    }
    json::logExtraFields(o, {QStringLiteral("origin"), QStringLiteral("time"), QStringLiteral("vector")}, path);
    *out = v;
    return true;
}

QString RowVersion::vectorText() const
{
    QJsonObject vec;
    for (auto it = vector.cbegin(); it != vector.cend(); ++it)
        vec.insert(it.key(), json::millis(it.value()));
    return QString::fromUtf8(QJsonDocument(vec).toJson(QJsonDocument::Compact));
}

bool RowVersion::vectorFromText(const QString &text, QMap<QString, qint64> *out, QString *error)
{
    QJsonParseError parse{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parse);
    if (!doc.isObject()) {
        json::setError(error,
                       QStringLiteral("a stored version vector is not a JSON object: %1").arg(parse.errorString()));
        return false;
    }
    return readVector(doc.object(), QStringLiteral("vector"), out, error);
}

} // namespace mysqlsync
