#include "engine/IncomingMapping.h"

#include "protocol/Messages.h"
#include "protocol/Refusal.h"

namespace mysqlsync::incoming {

namespace {
QString refused(refusal::Rule rule, const ReceiveMapping &rules, const char *why)
{
    // Worded by protocol/Refusal, which the desktop app classifies them by.
    return refusal::message(rule, rules.table, rules.key, QLatin1String(why));
}
} // namespace

QString toLocal(const Config &config, ChangeMessage *change)
{
    const QString local = config.receiveTableFor(change->table);
    if (local.isEmpty())
        return refusal::notReceivedMessage();
    change->table = local;
    const ReceiveMapping *rules = config.receiveMapping(local);
    if (!rules)
        return {};
    if (change->entity.isNull())
        return rules->remove ? QString() : refused(refusal::Rule::Delete, *rules, "a remote may not delete its rows");
    if (rules->columns.isEmpty() || !change->entity.isObject())
        return {};
    const QJsonObject sent = change->entity.toObject();
    QJsonObject mapped;
    for (auto it = sent.constBegin(); it != sent.constEnd(); ++it) {
        const QString column = rules->localColumn(it.key());
        if (!column.isEmpty())
            mapped.insert(column, it.value());
    }
    change->entity = mapped;
    return {};
}

QJsonObject updatable(const ReceiveMapping &rules, const QString &keyColumn, const QJsonObject &entity)
{
    QJsonObject allowed;
    for (auto it = entity.constBegin(); it != entity.constEnd(); ++it) {
        if (it.key() == keyColumn || rules.mayUpdate(it.key()))
            allowed.insert(it.key(), it.value());
    }
    return allowed;
}

QString insertRefused(const ReceiveMapping &rules)
{
    return refused(refusal::Rule::Insert, rules, "a remote may not add rows");
}

} // namespace mysqlsync::incoming
