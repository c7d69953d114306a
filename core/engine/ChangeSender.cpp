#include "engine/ChangeSender.h"

#include "common/Logging.h"
#include "database/DbConnection.h"
#include "database/VersionStore.h"
#include "engine/RemotePaths.h"
#include "engine/SendWindow.h"
#include "engine/StatusTracker.h"
#include "mqtt/Transport.h"
#include "protocol/Extensions.h"
#include "protocol/Messages.h"
#include "transform/TransformerHost.h"

#include <QRandomGenerator>

namespace mysqlsync {

namespace {
constexpr int kBatchWindowFactor = 10; // the batch path's window: up to this many times sendWindow

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
    : m_ctx(context)
    , m_rows(context.db->name())
    , m_receipts(context)
    // Batch numbers go on from a random one: a summary receipt for a batch an earlier run of
    // this engine sent names a number this run has not used (RemotePaths::expand checks the
    // batch's date and size too).
    , m_nextBatch(QRandomGenerator::global()->bounded(qint64(1), ext::kMaxBatchNumber / 2))
{ }

bool ChangeSender::states(const QList<TableKey> &keys, QHash<QString, QJsonValue> *out)
{
    m_versions.clear();
    QHash<QString, QStringList> byTable;
    for (const TableKey &k : keys)
        byTable[k.table].append(k.key);
    bool refreshed = false;
    for (auto it = byTable.cbegin(); it != byTable.cend(); ++it) {
        QHash<QString, QJsonObject> rows;
        QString error;
        RowStore::Result result = RowStore::Result::Rejected;
        for (int attempt = 0; attempt < 2; ++attempt) {
            auto table = m_ctx.tables.constFind(it.key());
            if (table == m_ctx.tables.cend() || table->primaryKey < 0)
                break; // not owed as gone: that would delete remote data
            rows.clear();
            result = m_rows.fetch(*table, it.value(), &rows, &error);
            // The table changed under us (ALTER TABLE): read the catalogue again, once.
            if (result != RowStore::Result::SchemaChanged || refreshed || !m_ctx.refreshCatalogue(error))
                break;
            refreshed = true;
        }
        if (result == RowStore::Result::ConnectionLost) {
            m_ctx.databaseLost(error);
            return false;
        }
        if (result != RowStore::Result::Ok) {
            // These keys are not sent now; the outbox owes them, and they go out again with
            // the resends once they can be read. The other tables' keys go on.
            if (!error.isEmpty())
                reportReadFailure(it.key(), error);
            continue;
        }
        for (const QString &key : it.value()) {
            auto row = rows.constFind(key);
            out->insert(mapKey(it.key(), key), row == rows.cend() ? QJsonValue(QJsonValue::Null) : QJsonValue(*row));
        }
        bool lost = false;
        if (!readVersions(it.key(), it.value(), &lost) && lost)
            return false;
    }
    return true;
}

bool ChangeSender::readVersions(const QString &table, const QStringList &keys, bool *connectionLost)
{
    *connectionLost = false;
    if (!m_ctx.config.isBidirectional(table))
        return true;
    QHash<QString, RowVersion> versions;
    QString error;
    QSqlError sqlError;
    if (!VersionStore::read(m_ctx.db->db(), table, keys, &versions, &error, &sqlError)) {
        if (DbConnection::isConnectionError(sqlError)) {
            *connectionLost = true;
            m_ctx.databaseLost(error);
            return false;
        }
        reportReadFailure(table, error); // sent without versions: received as per-row changes
        return false;
    }
    for (auto v = versions.cbegin(); v != versions.cend(); ++v)
        m_versions.insert(mapKey(table, v.key()), v.value());
    return true;
}

qint64 ChangeSender::loadDate(const QString &table, const QStringList &keys)
{
    m_versions.clear();
    bool lost = false;
    if (!readVersions(table, keys, &lost))
        return 0; // a bidirectional table's rows go with their versions, or not yet
    return sendDate(EngineContext::now());
}

qint64 ChangeSender::sendLoadChunk(const QString &remote, const QString &table,
                                   const QList<QPair<QString, QJsonObject>> &rows, QStringList *unsent)
{
    QList<TableKey> keys;
    QStringList keyNames;
    QHash<QString, QJsonValue> states;
    keys.reserve(rows.size());
    keyNames.reserve(rows.size());
    states.reserve(rows.size());
    for (const auto &row : rows) {
        keys.append({table, row.first});
        keyNames.append(row.first);
        states.insert(mapKey(table, row.first), row.second);
    }
    const qint64 date = loadDate(table, keyNames);
    if (date == 0)
        return 0;
    QList<TableKey> failed;
    publish(remote, keys, states, date, &failed);
    for (const TableKey &k : std::as_const(failed))
        unsent->append(k.key);
    return date;
}

qint64 ChangeSender::sendLoadChunk(const QString &remote, const QString &table,
                                   const QList<QPair<QString, QByteArray>> &rows, QStringList *unsent)
{
    QStringList keys;
    keys.reserve(rows.size());
    for (const auto &row : rows)
        keys.append(row.first);
    const qint64 date = loadDate(table, keys);
    if (date == 0)
        return 0;
    if (!m_ctx.batchesTo(remote, EngineContext::now())) {
        *unsent = keys;
        return date;
    }
    QList<ChangeMessage> changes;
    changes.reserve(rows.size());
    ChangeMessage message;
    message.sender = m_ctx.config.clientName;
    message.date = date;
    message.table = m_ctx.config.sentName(table);
    for (const auto &[key, text] : rows) {
        message.id = key;
        message.entityText = text;
        if (!m_versions.isEmpty())
            message.version = m_versions.value(mapKey(table, key));
        changes.append(message);
    }
    const qsizetype published = publishBatches(remote, changes, date);
    *unsent = keys.mid(published);
    return date;
}

void ChangeSender::reportReadFailure(const QString &table, const QString &error)
{
    // Once a minute per table: a table that stays unreadable must not flood the log.
    QElapsedTimer &last = m_readFailures[table];
    if (last.isValid() && !last.hasExpired(60000))
        return;
    last.start();
    qCWarning(lcEngine).noquote() << "cannot read changed rows of" << table << ":" << error
                                  << "- they stay owed and are sent once they can be read";
    m_ctx.reportError(EngineError::Source::Database, error, {}, table);
}

void ChangeSender::publish(const QString &remote, const QList<TableKey> &keys, const QHash<QString, QJsonValue> &rows,
                           qint64 date, QList<TableKey> *unsent)
{
    QList<ChangeMessage> changes;
    QList<TableKey> sources; // the key each change was made from (a transformer may rename it)
    changes.reserve(keys.size());
    sources.reserve(keys.size());
    ChangeMessage message;
    message.sender = m_ctx.config.clientName;
    message.date = date;
    for (const TableKey &k : keys) {
        auto row = rows.constFind(mapKey(k.table, k.key));
        if (row == rows.cend())
            continue;
        // Filtered columns never leave the site; then the table's mapping (name, columns). A
        // transformer sees the entity as it is sent.
        message.table = m_ctx.config.sentName(k.table);
        message.id = k.key;
        message.entity = row->isObject() ? QJsonValue(m_ctx.config.outgoing(k.table, row->toObject())) : *row;
        message.version = m_versions.value(mapKey(k.table, k.key));
        if (m_ctx.transformer && !transform(remote, k, date, &message))
            continue;
        changes.append(message);
        sources.append(k);
    }
    if (changes.isEmpty())
        return;
    qsizetype published = 0;
    if (m_ctx.batchesTo(remote, EngineContext::now())) {
        published = publishBatches(remote, changes, date);
        if (unsent)
            *unsent = sources.mid(published);
        return;
    }
    const QString topic = topics::changeFor(remote);
    for (const ChangeMessage &change : std::as_const(changes)) {
        const QByteArray payload = change.toJson();
        if (!m_ctx.mqtt->publish(topic, payload))
            break; // not connected: the rest stays owed and goes out with the resends
        ++published;
        ++m_ctx.counters.sent;
        ++m_ctx.counters.messagesOut;
        m_ctx.counters.bytesOut += payload.size();
        if (m_ctx.paths)
            m_ctx.paths->sent(remote, RemotePaths::Path::PerRow, 1, payload.size());
    }
    if (unsent)
        *unsent = sources.mid(published);
}

qsizetype ChangeSender::publishBatches(const QString &remote, const QList<ChangeMessage> &changes, qint64 date)
{
    const Config::Extensions &x = m_ctx.config.extensions;
    ext::BatchBuilder builder(m_ctx.config.clientName, date, x.batchRows, x.batchBytes, m_nextBatch);
    for (const ChangeMessage &change : changes)
        builder.add(change);
    const bool compress = x.compress && m_ctx.paths->compresses(remote, EngineContext::now());
    const QString topic = ext::batchTopic(m_ctx.config.clientName, remote);
    qsizetype first = 0;
    for (const ext::BatchBuilder::Batch &batch : builder.finish()) {
        const QByteArray payload = ext::frame(batch.json, compress);
        if (!m_ctx.mqtt->publish(topic, payload))
            break; // not connected: the rest stays owed and goes out with the resends
        m_ctx.paths->sentBatch(remote, date, changes.mid(first, batch.rows), batch.number);
        m_nextBatch = batch.number < ext::kMaxBatchNumber ? batch.number + 1 : 1;
        first += batch.rows;
        m_ctx.counters.sent += batch.rows;
        ++m_ctx.counters.messagesOut;
        m_ctx.counters.bytesOut += payload.size();
        m_ctx.paths->sent(remote, RemotePaths::Path::Batch, batch.rows, payload.size());
    }
    return first;
}

bool ChangeSender::transform(const QString &remote, const TableKey &k, qint64 date, ChangeMessage *message)
{
    const TransformResult t = m_ctx.transformer->transform(k.table, message->entity, m_ctx.config.clientName, remote);
    switch (t.action) {
    case TransformResult::Action::Unchanged:
        return true;
    case TransformResult::Action::Entity: {
        message->entity = t.entity;
        // A transformer may map the key (the seed's id_mapping example): the message carries
        // the new one, and its receipt is mapped back to the key the outbox owes.
        const TableInfo &table = m_ctx.tables[k.table];
        const QString sentId = keyToString(t.entity.value(m_ctx.config.sentColumn(k.table, table.key().name)));
        if (!sentId.isNull() && sentId != k.key) {
            message->id = sentId;
            if (m_ctx.sentIds.size() > 100000)
                m_ctx.sentIds.clear(); // receipts that never came: resends map again
            m_ctx.sentIds.insert(sentIdKey(remote, k.table, sentId, date), k.key);
        }
        return true;
    }
    case TransformResult::Action::Delete:
        message->entity = QJsonValue(QJsonValue::Null);
        return true;
    case TransformResult::Action::Drop:
        // Settled without sending: the entry leaves the outbox, the row counts as delivered.
        settleLocally(InfoMessage::dataReceived(remote, k.table, k.key, date));
        return false;
    case TransformResult::Action::Error:
        // Like an error receipt: not sent, an `error` row with the JavaScript message and line.
        qCWarning(lcEngine).noquote() << "not sending" << k.table << k.key << "to" << remote << ":" << t.error;
        m_ctx.reportError(EngineError::Source::Transform, t.error, remote, k.table, k.key);
        settleLocally(InfoMessage::error(remote, k.table, k.key, date, t.error));
        return false;
    }
    return true;
}

void ChangeSender::settleLocally(const InfoMessage &receipt)
{
    QString why; // our own keys and dates: sync_status holds them
    if (!m_ctx.status->receipt(receipt, &why))
        m_ctx.reportError(EngineError::Source::Database, why, receipt.sender, receipt.table, receipt.id);
    m_ctx.statusQueued();
}

QString sentIdKey(const QString &remote, const QString &table, const QString &id, qint64 date)
{
    return remote + QLatin1Char('\n') + table + QLatin1Char('\n') + id + QLatin1Char('\n') + QString::number(date);
}

qint64 ChangeSender::sendDate(qint64 now)
{
    // A receipt names a send by (table, key, date) only: two sends of one key in the same
    // millisecond (a capture and a flush, say) would let the first one's receipt acknowledge
    // the second, newer state, which may yet be lost (a kill, a broker restart). Each send
    // gets a date of its own, never before the wall clock.
    m_lastSendDate = qMax(now, m_lastSendDate + 1);
    return m_lastSendDate;
}

int ChangeSender::inFlight(const QString &remote) const
{
    return m_ctx.outbox->inFlight(remote) - m_ctx.status->receiptsWaiting(remote);
}

int ChangeSender::captureLimit() const
{
    // sendwindow::captureLimit has the rule; an unreachable remote's in-flight count is not read.
    const qint64 now = EngineContext::now();
    QList<sendwindow::Remote> remotes;
    for (const QString &remote : m_ctx.config.remoteClients) {
        const bool reachable = m_ctx.canSendTo(remote, now);
        remotes.append({reachable, reachable ? inFlight(remote) : 0, windowOf(remote, now)});
        if (!reachable)
            break;
    }
    return sendwindow::captureLimit(m_ctx.config.batchSize, remotes);
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

    const qint64 now = EngineContext::now();
    const qint64 date = sendDate(now);
    const QList<OutboxEntry> entries = entriesOf(known);
    // Flow control: at most sendWindow changes a remote has not acknowledged yet; the rest
    // wait in the outbox and go out as receipts come back (a broker drops what queues up
    // beyond its per-client limit). Only rows that go out now are read now.
    QHash<QString, qsizetype> sendNow; // remote -> how many of the keys go out now
    qsizetype readNow = 0;
    for (const QString &remote : m_ctx.config.remoteClients) {
        if (remote == except || !m_ctx.canSendTo(remote, now))
            continue;
        const qsizetype n = qMin<qsizetype>(sendwindow::room(windowOf(remote, now), inFlight(remote)), entries.size());
        if (n > 0)
            sendNow.insert(remote, n);
        readNow = qMax(readNow, n);
    }
    QHash<QString, QJsonValue> rows;
    if (readNow > 0 && !states(known.mid(0, readNow), &rows))
        return false;

    // Relaxed: what capture takes stays in table_changes until the outbox is on the disk
    // (SyncEngine::onOutboxSynced), and relays were owed PowerSafe before.
    QString error;
    if (!m_ctx.outbox->begin()) {
        m_ctx.outbox->commit(&error);
        m_ctx.reportError(EngineError::Source::Outbox, error);
        return false;
    }
    for (const QString &remote : m_ctx.config.remoteClients) {
        if (remote == except)
            continue;
        const qsizetype n = sendNow.value(remote);
        if (!m_ctx.outbox->put(remote, entries.mid(0, n), date, &error)
            || !m_ctx.outbox->put(remote, entries.mid(n), 0, &error)) {
            m_ctx.outbox->rollback();
            m_ctx.reportError(EngineError::Source::Outbox, error, remote);
            return false;
        }
        if (n < entries.size())
            m_ctx.waiting.insert(remote);
    }
    if (!m_ctx.outbox->commit(&error)) {
        m_ctx.reportError(EngineError::Source::Outbox, error);
        return false;
    }
    m_ctx.outboxChanged = true;
    for (const QString &remote : m_ctx.config.remoteClients) {
        if (remote == except)
            continue;
        for (const TableKey &k : known)
            m_ctx.status->pending(k.table, k.key, remote, date);
    }
    m_ctx.statusQueued();
    for (auto it = sendNow.cbegin(); it != sendNow.cend(); ++it)
        publish(it.key(), known.mid(0, it.value()), rows, date);
    return true;
}

bool ChangeSender::owe(const QList<TableKey> &keys, const QString &except)
{
    QStringList remotes = m_ctx.config.remoteClients;
    remotes.removeAll(except);
    return oweTo(remotes, keys);
}

bool ChangeSender::oweTo(const QStringList &remotes, const QList<TableKey> &keys)
{
    const QList<OutboxEntry> entries = entriesOf(keys);
    QString error;
    if (!m_ctx.outbox->begin(Outbox::Durability::PowerSafe)) {
        m_ctx.outbox->commit(&error);
        m_ctx.reportError(EngineError::Source::Outbox, error);
        return false;
    }
    for (const QString &remote : remotes) {
        if (!m_ctx.outbox->put(remote, entries, 0, &error)) {
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

bool ChangeSender::oweAgain(const QString &remote, const QString &table, const QStringList &keys, qint64 now)
{
    QList<TableKey> owed;
    owed.reserve(keys.size());
    for (const QString &key : keys)
        owed.append({table, key});
    if (!oweTo({remote}, owed))
        return false;
    for (const QString &key : keys)
        m_ctx.status->pending(table, key, remote, now);
    m_ctx.statusQueued();
    return true;
}

bool ChangeSender::flush(const QString &remote, qint64 unacknowledgedBefore)
{
    const qint64 now = EngineContext::now();
    if (!m_ctx.canSendTo(remote, now))
        return false;
    const int batch = m_ctx.config.batchSize;
    QString error;

    // A read that fails is reported and ends this round; the entries stay owed and
    // resendDue() flushes again.
    const QList<OutboxReceipt> receipts = m_ctx.outbox->receipts(remote, batch, &error);
    if (!error.isEmpty()) {
        m_ctx.reportError(EngineError::Source::Outbox, error, remote);
        return false;
    }
    if (!receipts.isEmpty()) {
        QList<qint64> done;
        if (m_ctx.batchesTo(remote, now)) {
            // Kept one by one, sent as batch receipts (one the outbox holds damaged is dropped).
            QList<InfoMessage> infos;
            QList<qint64> ids;
            for (const OutboxReceipt &r : receipts) {
                InfoMessage info;
                QString why;
                if (InfoMessage::fromJson(r.payload, &info, &why)) {
                    infos.append(info);
                    ids.append(r.id);
                } else {
                    qCWarning(lcEngine).noquote() << "dropping a receipt the outbox holds for" << remote << ":" << why;
                    done.append(r.id);
                }
            }
            qsizetype published = 0;
            m_receipts.publish(remote, infos, &published);
            done += ids.mid(0, published);
        } else {
            for (const OutboxReceipt &r : receipts) {
                if (!m_ctx.mqtt->publish(topics::infoFor(remote), r.payload))
                    break;
                done.append(r.id);
                ++m_ctx.counters.receiptsOut;
            }
        }
        if (!m_ctx.outbox->removeReceipts(done, &error))
            m_ctx.reportError(EngineError::Source::Outbox, error, remote);
        m_ctx.outboxChanged = true;
        return true;
    }

    // Queued entries only as far as the send window has room; resends of unacknowledged
    // ones are in the window already.
    const int room = sendwindow::room(windowOf(remote, now), inFlight(remote));
    const int wanted = qMin(batch, room);
    QList<OutboxEntry> entries = wanted > 0 ? m_ctx.outbox->queued(remote, wanted, &error) : QList<OutboxEntry>();
    if (!error.isEmpty()) {
        m_ctx.reportError(EngineError::Source::Outbox, error, remote);
        return false;
    }
    qsizetype queuedCount = entries.size();
    const bool moreQueued = wanted > 0 && queuedCount == wanted;
    if (moreQueued || room == 0)
        m_ctx.waiting.insert(remote);
    else
        m_ctx.waiting.remove(remote);
    const int resendRoom = batch - int(entries.size());
    const QList<OutboxEntry> resends = m_ctx.outbox->unacknowledged(remote, unacknowledgedBefore, resendRoom, &error);
    if (!error.isEmpty()) {
        m_ctx.reportError(EngineError::Source::Outbox, error, remote);
        return false;
    }
    entries += resends;
    if (entries.isEmpty())
        return false;
    // More to do now: the window still has room for more queued ones, or resends filled the batch.
    const bool more = (moreQueued && room > wanted) || (resendRoom > 0 && resends.size() == resendRoom);
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
    const qint64 date = sendDate(now);
    // A failed BEGIN makes markSent refuse with its error.
    const bool begun = m_ctx.outbox->begin();
    if (!m_ctx.outbox->markSent(remote, entries, date, &error) || !m_ctx.outbox->commit(&error) || !begun) {
        m_ctx.outbox->rollback();
        m_ctx.reportError(EngineError::Source::Outbox, error, remote);
        return false;
    }
    // No new `pending` rows: these keys were set pending when they were queued or first
    // sent, and their receipts (dated by this send, so newer) settle them.
    publish(remote, keys, rows, date);
    m_ctx.counters.resent += entries.size() - queuedCount;
    qCDebug(lcEngine).noquote() << "sent" << entries.size() << "owed change(s) to" << remote << "("
                                << entries.size() - queuedCount << "resent )";
    return more;
}

int ChangeSender::windowOf(const QString &remote, qint64 now) const
{
    // A batch message carries many rows: the broker's queue (counted in messages) is not what
    // bounds the window there, the rows the receiver has to hand are.
    const int window = m_ctx.config.sendWindow;
    return m_ctx.batchesTo(remote, now)
        ? qMax(window, qMin(window * kBatchWindowFactor, 4 * m_ctx.config.extensions.batchRows))
        : window;
}

} // namespace mysqlsync
