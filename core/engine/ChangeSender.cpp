#include "engine/ChangeSender.h"

#include "common/Logging.h"
#include "database/DbConnection.h"
#include "database/SyncStatusStore.h"
#include "mqtt/MqttClient.h"
#include "protocol/Messages.h"

namespace mysqlsync {

namespace {
QString mapKey(const QString &table, const QString &key)
{
    return table + QLatin1Char('\n') + key;
}

QList<OutboxEntry> entriesOf(const QList<TableKey> &keys)
{
    QList<OutboxEntry> entries;
    entries.reserve(keys.size());
    for (const TableKey &k : keys)
        entries.append({k.table, k.key, 0, 0});
    return entries;
}

QList<TableKey> keysOf(const QList<OutboxEntry> &entries)
{
    QList<TableKey> keys;
    keys.reserve(entries.size());
    for (const OutboxEntry &e : entries)
        keys.append({e.table, e.key});
    return keys;
}
} // namespace

ChangeSender::ChangeSender(EngineContext &context)
    : m_ctx(context), m_rows(context.db->name())
{
}

bool ChangeSender::states(const QList<TableKey> &keys, QHash<QString, QJsonValue> *out)
{
    QHash<QString, QStringList> byTable;
    for (const TableKey &k : keys)
        byTable[k.table].append(k.key);
    for (auto it = byTable.cbegin(); it != byTable.cend(); ++it) {
        auto table = m_ctx.tables.constFind(it.key());
        if (table == m_ctx.tables.cend() || table->primaryKey < 0) {
            // A key of a table we do not know (a stale trigger, a hand-made row): owed as gone
            // would delete remote data, so it is not owed at all.
            continue;
        }
        QHash<QString, QJsonObject> rows;
        QString error;
        switch (m_rows.fetch(*table, it.value(), &rows, &error)) {
        case RowStore::Result::Ok:
            break;
        case RowStore::Result::ConnectionLost:
            m_ctx.databaseLost(error);
            return false;
        case RowStore::Result::Rejected:
            m_ctx.reportError(EngineError::Source::Database, error, {}, it.key());
            return false;
        }
        for (const QString &key : it.value()) {
            auto row = rows.constFind(key);
            out->insert(mapKey(it.key(), key), row == rows.cend() ? QJsonValue(QJsonValue::Null) : QJsonValue(*row));
        }
    }
    return true;
}

void ChangeSender::publish(const QString &remote, const QList<TableKey> &keys, const QHash<QString, QJsonValue> &rows,
                           qint64 date)
{
    const QString topic = topics::changeFor(remote);
    ChangeMessage message;
    message.sender = m_ctx.config.clientName;
    message.date = date;
    for (const TableKey &k : keys) {
        auto row = rows.constFind(mapKey(k.table, k.key));
        if (row == rows.cend())
            continue;
        message.table = k.table;
        message.id = k.key;
        message.entity = *row;
        if (m_ctx.mqtt->publish(topic, message.toJson()))
            ++m_ctx.counters.sent;
    }
}

bool ChangeSender::dispatch(const QList<TableKey> &keys, const QString &except)
{
    QList<TableKey> known;
    for (const TableKey &k : keys) {
        if (m_ctx.tables.contains(k.table))
            known.append(k);
        else
            qCWarning(lcEngine).noquote() << "ignoring a change of" << k.table << "- not a configured table";
    }
    if (known.isEmpty())
        return true;
    QHash<QString, QJsonValue> rows;
    if (!states(known, &rows))
        return false;

    const qint64 now = EngineContext::now();
    const QList<OutboxEntry> entries = entriesOf(known);
    QStringList online;
    QList<StatusUpdate> pending;
    QString error;
    m_ctx.outbox->begin();
    for (const QString &remote : m_ctx.config.remoteClients) {
        if (remote == except)
            continue;
        const bool send = m_ctx.canSendTo(remote, now);
        if (send)
            online << remote;
        if (!m_ctx.outbox->put(remote, entries, send ? now : 0, &error)) {
            m_ctx.outbox->rollback();
            m_ctx.reportError(EngineError::Source::Outbox, error, remote);
            return false;
        }
        for (const TableKey &k : known)
            pending.append({k.table, k.key, remote, StatusUpdate::Pending, {}, now});
    }
    if (!m_ctx.outbox->commit(&error)) {
        m_ctx.reportError(EngineError::Source::Outbox, error);
        return false;
    }
    m_ctx.outboxChanged = true;
    QSqlError sqlError;
    if (!SyncStatusStore::setPending(m_ctx.db->db(), pending, &sqlError))
        m_ctx.databaseFailure(sqlError, QStringLiteral("writing sync_status"));
    for (const QString &remote : online)
        publish(remote, known, rows, now);
    return true;
}

bool ChangeSender::owe(const QList<TableKey> &keys, const QString &except)
{
    const QList<OutboxEntry> entries = entriesOf(keys);
    QString error;
    m_ctx.outbox->begin();
    for (const QString &remote : m_ctx.config.remoteClients) {
        if (remote != except && !m_ctx.outbox->put(remote, entries, 0, &error)) {
            m_ctx.outbox->rollback();
            m_ctx.reportError(EngineError::Source::Outbox, error, remote);
            return false;
        }
    }
    if (!m_ctx.outbox->commit(&error)) {
        m_ctx.reportError(EngineError::Source::Outbox, error);
        return false;
    }
    m_ctx.outboxChanged = true;
    return true;
}

bool ChangeSender::flush(const QString &remote, qint64 unacknowledgedBefore)
{
    const qint64 now = EngineContext::now();
    if (!m_ctx.canSendTo(remote, now))
        return false;
    const int batch = m_ctx.config.batchSize;
    QString error;

    const QList<OutboxReceipt> receipts = m_ctx.outbox->receipts(remote, batch);
    if (!receipts.isEmpty()) {
        QList<qint64> done;
        for (const OutboxReceipt &r : receipts) {
            if (!m_ctx.mqtt->publish(topics::infoFor(remote), r.payload))
                break;
            done.append(r.id);
            ++m_ctx.counters.receiptsOut;
        }
        if (!m_ctx.outbox->removeReceipts(done, &error))
            m_ctx.reportError(EngineError::Source::Outbox, error, remote);
        m_ctx.outboxChanged = true;
        return true;
    }

    QList<OutboxEntry> entries = m_ctx.outbox->queued(remote, batch);
    qsizetype queuedCount = entries.size();
    if (entries.size() < batch)
        entries += m_ctx.outbox->unacknowledged(remote, unacknowledgedBefore, batch - int(entries.size()));
    if (entries.isEmpty())
        return false;
    // Entries of a table that is no longer configured cannot be sent: drop them, or
    // they would come back at every resend.
    for (qsizetype i = entries.size() - 1; i >= 0; --i) {
        const OutboxEntry &e = entries.at(i);
        if (m_ctx.tables.contains(e.table))
            continue;
        qCWarning(lcEngine).noquote() << "dropping what is owed to" << remote << "for" << e.table << e.key
                                      << "- the table is no longer configured";
        m_ctx.outbox->forget(remote, e.table, e.key, &error);
        if (i < queuedCount)
            --queuedCount;
        entries.removeAt(i);
    }
    if (entries.isEmpty())
        return true;

    const QList<TableKey> keys = keysOf(entries);
    QHash<QString, QJsonValue> rows;
    if (!states(keys, &rows))
        return false;
    m_ctx.outbox->begin();
    if (!m_ctx.outbox->markSent(remote, entries, now, &error) || !m_ctx.outbox->commit(&error)) {
        m_ctx.outbox->rollback();
        m_ctx.reportError(EngineError::Source::Outbox, error, remote);
        return false;
    }
    QList<StatusUpdate> pending;
    pending.reserve(keys.size());
    for (const TableKey &k : keys)
        pending.append({k.table, k.key, remote, StatusUpdate::Pending, {}, now});
    QSqlError sqlError;
    if (!SyncStatusStore::setPending(m_ctx.db->db(), pending, &sqlError))
        m_ctx.databaseFailure(sqlError, QStringLiteral("writing sync_status"));
    publish(remote, keys, rows, now);
    m_ctx.counters.resent += entries.size() - queuedCount;
    qCDebug(lcEngine).noquote() << "sent" << entries.size() << "owed change(s) to" << remote
                                << "(" << entries.size() - queuedCount << "resent )";
    return entries.size() == batch;
}

void ChangeSender::sendReceipt(const QString &remote, const InfoMessage &receipt)
{
    const QByteArray payload = receipt.toJson();
    if (m_ctx.canSendTo(remote, EngineContext::now()) && m_ctx.mqtt->publish(topics::infoFor(remote), payload)) {
        ++m_ctx.counters.receiptsOut;
        return;
    }
    QString error;
    if (!m_ctx.outbox->putReceipt(remote, payload, &error))
        m_ctx.reportError(EngineError::Source::Outbox, error, remote, receipt.table, receipt.id);
    m_ctx.outboxChanged = true;
}

} // namespace mysqlsync
