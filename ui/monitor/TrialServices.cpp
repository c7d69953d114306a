#include "monitor/TrialServices.h"

#include <QDateTime>
#include <QStringList>

#include <utility>

namespace mysqlsync::ui {

namespace {

QString describeValue(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return QStringLiteral("null");
    switch (v.metaType().id()) {
    case QMetaType::QString:
        return QLatin1Char('\'') + v.toString() + QLatin1Char('\'');
    case QMetaType::QByteArray:
        return QStringLiteral("<%1 bytes>").arg(v.toByteArray().size());
    case QMetaType::QDateTime:
        return v.toDateTime().toString(Qt::ISODateWithMs);
    default:
        return v.toString();
    }
}

} // namespace

QList<QVariantMap> TrialDatabase::query(const QString &sql, const QVariantList &values, QString *error)
{
    QStringList shown;
    for (const QVariant &v : values)
        shown << describeValue(v);
    m_calls << (values.isEmpty() ? sql : QStringLiteral("%1  [%2]").arg(sql, shown.join(QStringLiteral(", "))));
    return m_database.query(sql, values, error);
}

QStringList TrialDatabase::take()
{
    return std::exchange(m_calls, {});
}

bool TrialPublisher::publish(const QString &topic, const QByteArray &payload, int qos, bool retain, QString *)
{
    m_calls << TrialPublish{topic, payload, qos, retain};
    return true;
}

QList<TrialPublish> TrialPublisher::take()
{
    return std::exchange(m_calls, {});
}

} // namespace mysqlsync::ui
