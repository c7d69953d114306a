#include "monitor/ConflictPoliciesText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace mysqlsync::ui {

namespace {

QString policyText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    const QJsonObject o = v.toObject();
    const QString name = o.value(QStringLiteral("policy")).toString();
    if (v.isObject() && name == QLatin1String("priority")) {
        QStringList sites;
        for (const QJsonValue &site : o.value(QStringLiteral("sites")).toArray())
            sites << site.toString();
        return QStringLiteral("priority:") + sites.join(QLatin1Char('>'));
    }
    if (v.isObject() && o.size() == 1 && !name.isEmpty())
        return name;
    // Not a policy this form knows: shown as JSON (parse() refuses it, the loader explains).
    const QByteArray json = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

} // namespace

QString ConflictPoliciesText::example()
{
    return QStringLiteral("items=newest, notes=manual, orders=priority:site_a>site_b");
}

QString ConflictPoliciesText::format(const QJsonObject &policies)
{
    QStringList items;
    for (auto it = policies.begin(); it != policies.end(); ++it)
        items << it.key() + QLatin1Char('=') + policyText(it.value());
    return items.join(QStringLiteral(", "));
}

bool ConflictPoliciesText::parse(const QString &text, QJsonObject *policies, QString *error)
{
    QJsonObject out;
    const auto fail = [&](const QString &item, const QString &why) {
        *error = tr("conflicts: \"%1\": %2 (write for example: %3)").arg(item, why, example());
        return false;
    };
    for (const QString &raw : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = raw.trimmed();
        if (item.isEmpty())
            continue;
        const int eq = item.indexOf(QLatin1Char('='));
        if (eq < 0)
            return fail(item, tr("expected table=policy"));
        const QString table = item.left(eq).trimmed();
        const QString policy = item.mid(eq + 1).trimmed();
        if (table.isEmpty())
            return fail(item, tr("the table name is missing"));
        if (out.contains(table))
            return fail(item, tr("the table %1 is named twice").arg(table));
        if (policy == QLatin1String("newest") || policy == QLatin1String("manual")) {
            out.insert(table, policy);
            continue;
        }
        if (!policy.startsWith(QLatin1String("priority")))
            return fail(item, tr("the policy must be newest, manual or priority:site>site"));
        const QString rest = policy.mid(8).trimmed();
        if (!rest.startsWith(QLatin1Char(':')) || rest.mid(1).trimmed().isEmpty())
            return fail(item, tr("priority needs its sites, the first winning: priority:site_a>site_b"));
        QJsonArray sites;
        for (const QString &site : rest.mid(1).split(QLatin1Char('>'))) {
            if (site.trimmed().isEmpty())
                return fail(item, tr("a site name is missing between the '>'"));
            sites.append(site.trimmed());
        }
        out.insert(table,
                   QJsonObject{{QStringLiteral("policy"), QStringLiteral("priority")},
                               {QStringLiteral("sites"), sites}});
    }
    *policies = out;
    return true;
}

} // namespace mysqlsync::ui
