#include "engine/ChangeReceiver.h"

#include "common/ClientName.h"
#include "common/Logging.h"
#include "database/DbConnection.h"
#include "engine/ChangeSender.h"
#include "outbox/Outbox.h"
#include "protocol/Messages.h"
#include "transform/TransformerHost.h"

#include <QSet>
#include <QSqlDatabase>

#include <utility>

namespace mysqlsync {

ChangeReceiver::ChangeReceiver(EngineContext &context, ChangeSender &sender)
    : m_ctx(context), m_sender(sender), m_rows(context.applyDb->name())
{
}

void ChangeReceiver::reject(const ChangeMessage &partial, const QString &error)
{
    const QString sender = loggableName(partial.sender);
    qCWarning(lcEngine).noquote() << "rejected a change message from" << (sender.isEmpty() ? QStringLiteral("?") : sender)
                                  << ":" << error;
    m_ctx.reportError(EngineError::Source::Incoming, error, sender, partial.table, partial.id);
    // Answered only to a configured remote: a receipt for any other name would wait in the
    // outbox for ever (SyncEngine drops messages from other names before they get here).
    if (m_ctx.config.remoteClients.contains(partial.sender))
        m_sender.sendReceipt(partial.sender, InfoMessage::error(m_ctx.config.clientName, partial.table, partial.id,
                                                                partial.date, error));
}

ChangeReceiver::Transformed ChangeReceiver::transformAll(const QList<ChangeMessage> &received)
{
    Transformed result{received, {}, {}};
    for (qsizetype i = 0; i < result.changes.size(); ++i) {
        ChangeMessage &change = result.changes[i];
        if (change.sender == m_ctx.config.clientName || !m_ctx.config.receiveTables.contains(change.table))
            continue;
        const TransformResult t = m_ctx.transformer->transform(change.table, change.entity, change.sender,
                                                               m_ctx.config.clientName);
        switch (t.action) {
        case TransformResult::Action::Unchanged:
            break;
        case TransformResult::Action::Entity: {
            change.entity = t.entity;
            // A transformer may map the key: the row written is the transformed one's.
            const QString id = keyToString(t.entity.value(m_ctx.tables[change.table].key().name));
            if (!id.isNull())
                change.id = id;
            break;
        }
        case TransformResult::Action::Delete:
            change.entity = QJsonValue(QJsonValue::Null);
            break;
        case TransformResult::Action::Drop:
            result.dropped.insert(i);
            break;
        case TransformResult::Action::Error:
            result.errors.insert(i, t.error);
            break;
        }
    }
    return result;
}

void ChangeReceiver::apply(const QList<ChangeMessage> &received)
{
    if (!m_ctx.databaseUp) {
        // No receipt: the senders keep the changes and send them again.
        qCDebug(lcEngine) << "database down: leaving" << received.size() << "incoming change(s) to be resent";
        return;
    }
    struct Outcome {
        const ChangeMessage *change;
        QString error;  // empty: written
        bool changed = true;  // false: the row already was so (nothing to relay)
    };
    QList<Outcome> outcomes;
    outcomes.reserve(received.size());
    // Transformers run first (source = the sender, target = us), before anything is written.
    QHash<const ChangeMessage *, QString> receiptIds; // the sender's id, where a transformer changed it
    QSet<const ChangeMessage *> settled;              // dropped or failed in the transformer
    const Transformed transformed = m_ctx.transformer ? transformAll(received) : Transformed{received, {}, {}};
    const QList<ChangeMessage> &changes = transformed.changes;
    for (qsizetype i = 0; m_ctx.transformer && i < changes.size(); ++i) {
        const ChangeMessage &change = changes.at(i);
        if (change.id != received.at(i).id)
            receiptIds.insert(&change, received.at(i).id);
        const QString error = transformed.errors.value(i);
        if (transformed.dropped.contains(i)) {
            outcomes.append({&change, QString(), false});
            settled.insert(&change);
        } else if (!error.isEmpty()) {
            outcomes.append({&change, error});
            settled.insert(&change);
        }
    }
    QSqlDatabase db = m_ctx.applyDb->db();
    if (!db.transaction()) {
        m_ctx.databaseFailure(db.lastError(), QStringLiteral("starting a transaction"));
        return;
    }
    // Writes one change on its own; false when the connection was lost (all is rolled back).
    // The connection went away: nothing of the batch stays written and nothing is answered.
    auto lost = [&](const QString &error) {
        db.rollback();
        m_ctx.databaseLost(error);
        return false;
    };
    auto applyOne = [&](const ChangeMessage &change) {
        QString error;
        bool changed = true;
        switch (m_rows.apply(m_ctx.tables[change.table], change.id, change.entity, &error, &changed)) {
        case RowStore::Result::Ok:
            outcomes.append({&change, QString(), changed});
            return true;
        case RowStore::Result::Rejected:
            outcomes.append({&change, error});
            return true;
        case RowStore::Result::ConnectionLost:
            return lost(error);
        }
        return false;
    };
    // Upserts of tables that are not relayed need no row-by-row outcome: consecutive ones
    // with the same columns go to the server as one statement.
    QList<const ChangeMessage *> group;
    QString groupShape;
    auto flushGroup = [&]() {
        const QList<const ChangeMessage *> rows = std::exchange(group, {});
        if (rows.size() == 1)
            return applyOne(*rows.first());
        if (rows.isEmpty())
            return true;
        QList<QPair<QString, QJsonObject>> entities;
        entities.reserve(rows.size());
        for (const ChangeMessage *c : rows)
            entities.append({c->id, c->entity.toObject()});
        QString error;
        switch (m_rows.upsertMany(m_ctx.tables[rows.first()->table], entities, &error)) {
        case RowStore::Result::Ok:
            for (const ChangeMessage *c : rows)
                outcomes.append({c, QString(), true});
            return true;
        case RowStore::Result::Rejected:
            // Nothing of the statement was written: one by one, to answer each row for itself.
            for (const ChangeMessage *c : rows) {
                if (!applyOne(*c))
                    return false;
            }
            return true;
        case RowStore::Result::ConnectionLost:
            return lost(error);
        }
        return false;
    };
    for (const ChangeMessage &change : changes) {
        if (change.sender == m_ctx.config.clientName || settled.contains(&change))
            continue; // our own message on our own topic: nothing to apply, no one to answer
        if (!m_ctx.config.receiveTables.contains(change.table)) {
            outcomes.append({&change, QStringLiteral("The table is not configured as receive table!")});
            continue;
        }
        QString error;
        if (change.entity.isObject() && !m_ctx.config.isBidirectional(change.table)
            && RowStore::validate(m_ctx.tables[change.table], change.id, change.entity.toObject(), &error)) {
            const QString shape = change.table + QLatin1Char('\n') + change.entity.toObject().keys().join(QLatin1Char('\n'));
            if (!group.isEmpty() && shape != groupShape && !flushGroup())
                return;
            groupShape = shape;
            group.append(&change);
            continue;
        }
        if (!flushGroup() || !applyOne(change))
            return;
    }
    if (!flushGroup())
        return;

    // A write that changed nothing is not relayed: this site already had that state and
    // owed it on when it got it, and relaying it again would circle for ever between three
    // or more bidirectional sites (A -> B -> C -> A ...).
    QHash<QString, QList<TableKey>> relays;
    for (const Outcome &o : outcomes) {
        if (o.error.isEmpty() && o.changed && m_ctx.config.isBidirectional(o.change->table))
            relays[o.change->sender].append({o.change->table, o.change->id});
    }
    // The relays are owed durably before the write commits: a crash in between leaves
    // entries that send the row's current state again (harmless); the other order could
    // lose a relay, since the resent change would then change nothing.
    for (auto it = relays.cbegin(); it != relays.cend(); ++it) {
        if (!m_sender.owe(it.value(), it.key())) {
            db.rollback(); // no receipts: the senders send again
            return;
        }
    }
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        m_ctx.databaseFailure(error, QStringLiteral("committing incoming changes"));
        return;
    }
    // Send the relays now (never back to their sender); what cannot be sent now stays owed.
    for (auto it = relays.cbegin(); it != relays.cend(); ++it) {
        m_sender.dispatch(it.value(), it.key());
        m_ctx.counters.relayed += it.value().size();
    }
    m_ctx.outbox->begin();
    for (const Outcome &o : outcomes) {
        const ChangeMessage &c = *o.change;
        const QString id = receiptIds.value(&c, c.id);
        if (o.error.isEmpty()) {
            ++m_ctx.counters.applied;
            m_sender.sendReceipt(c.sender, InfoMessage::dataReceived(m_ctx.config.clientName, c.table, id, c.date));
        } else {
            qCWarning(lcEngine).noquote() << "change of" << c.table << id << "from" << c.sender << "not applied:" << o.error;
            m_ctx.reportError(EngineError::Source::Apply, o.error, c.sender, c.table, id);
            m_sender.sendReceipt(c.sender, InfoMessage::error(m_ctx.config.clientName, c.table, id, c.date, o.error));
        }
    }
    QString error;
    if (!m_ctx.outbox->commit(&error))
        m_ctx.reportError(EngineError::Source::Outbox, error);
}

} // namespace mysqlsync
