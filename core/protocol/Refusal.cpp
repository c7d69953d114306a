#include "protocol/Refusal.h"

namespace mysqlsync::refusal {

namespace {
// Short: the sender's sync_status keeps 255 characters of the whole message.
const QLatin1String kPrefix("refused by the receiver's rule \"");
} // namespace

QString message(Rule rule, const QString &table, const QString &key, const QString &why)
{
    return rulePrefix() + QStringLiteral("%1\": false of table %2 (%3): %4").arg(ruleName(rule), table, key, why);
}

QString notReceivedMessage()
{
    return QStringLiteral("The table is not configured as receive table!");
}

Rule classify(const QString &message)
{
    if (message == notReceivedMessage())
        return Rule::NotReceived;
    if (!message.startsWith(kPrefix))
        return Rule::None;
    const QStringView rest = QStringView(message).mid(kPrefix.size());
    for (Rule rule : {Rule::Insert, Rule::Delete}) {
        if (rest.startsWith(QString(ruleName(rule) + QLatin1Char('"'))))
            return rule;
    }
    return Rule::None;
}

QString ruleName(Rule rule)
{
    switch (rule) {
    case Rule::NotReceived:
        return QStringLiteral("receiveTables");
    case Rule::Insert:
        return QStringLiteral("insert");
    case Rule::Delete:
        return QStringLiteral("delete");
    case Rule::None:
        break;
    }
    return {};
}

QString rulePrefix()
{
    return kPrefix;
}

} // namespace mysqlsync::refusal
