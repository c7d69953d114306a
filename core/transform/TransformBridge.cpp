#include "transform/TransformBridge.h"

#include "transform/TransformServices.h"

#include <QDateTime>

#include <cmath>

namespace mysqlsync {

namespace {

// JavaScript -> SQL parameter: null for null, integral numbers as integers.
QVariant sqlParameter(const QVariant &v)
{
    if (!v.isValid() || v.isNull() || v.metaType().id() == QMetaType::Nullptr)
        return QVariant();
    if (v.metaType().id() == QMetaType::Double) {
        const double d = v.toDouble();
        if (std::floor(d) == d && std::fabs(d) <= 9007199254740992.0)
            return QVariant(qlonglong(d));
    }
    return v;
}

// SQL value -> JavaScript: a NULL must become null, not the default value of its type.
QVariant scriptValue(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return QVariant::fromValue(nullptr);
    return v;
}

} // namespace

TransformBridge::TransformBridge(TransformDatabase *database, TransformPublisher *publisher, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_publisher(publisher)
{ }

QVariantMap TransformBridge::query(const QString &sql, const QVariantList &values)
{
    QVariantMap result;
    if (!m_database) {
        result.insert(QStringLiteral("ok"), false);
        result.insert(QStringLiteral("error"), QStringLiteral("query: no database is available here"));
        return result;
    }
    QVariantList params;
    params.reserve(values.size());
    for (const QVariant &v : values)
        params.append(sqlParameter(v));
    ++m_queries;
    QString error;
    const QList<QVariantMap> rows = m_database->query(sql, params, &error);
    if (!error.isEmpty()) {
        result.insert(QStringLiteral("ok"), false);
        result.insert(QStringLiteral("error"), QString(QStringLiteral("query: ") + error));
        return result;
    }
    QVariantList list;
    list.reserve(rows.size());
    for (const QVariantMap &row : rows) {
        QVariantMap out;
        for (auto it = row.cbegin(); it != row.cend(); ++it)
            out.insert(it.key(), scriptValue(it.value()));
        list.append(out);
    }
    result.insert(QStringLiteral("ok"), true);
    result.insert(QStringLiteral("rows"), list);
    return result;
}

QVariantMap TransformBridge::publish(const QString &topic, const QVariant &message, int qos, bool retain)
{
    QVariantMap result;
    if (!m_publisher) {
        result.insert(QStringLiteral("ok"), false);
        result.insert(QStringLiteral("error"), QStringLiteral("publish: no MQTT connection is available here"));
        return result;
    }
    const QByteArray payload =
        message.metaType().id() == QMetaType::QByteArray ? message.toByteArray() : message.toString().toUtf8();
    QString error;
    const bool ok = m_publisher->publish(topic, payload, qos, retain, &error);
    result.insert(QStringLiteral("ok"), ok);
    if (!ok)
        result.insert(QStringLiteral("error"),
                      QString(QStringLiteral("publish: ") + (error.isEmpty() ? QStringLiteral("not sent") : error)));
    return result;
}

} // namespace mysqlsync
