#include "engine/ChangeReceiver.h"

#include "common/ClientName.h"
#include "common/Logging.h"
#include "database/DbConnection.h"
#include "database/SqlDialect.h"
#include "engine/ChangeSender.h"
#include "engine/IncomingMapping.h"
#include "outbox/Outbox.h"
#include "protocol/Messages.h"
#include "transform/TransformerHost.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <utility>

namespace mysqlsync {

ChangeReceiver::ChangeReceiver(EngineContext &context, ChangeSender &sender)
    : m_ctx(context)
    , m_sender(sender)
    , m_rows(context.applyDb->name())
    , m_conflicts(context)
{ }

void ChangeReceiver::reject(const ChangeMessage &partial, const QString &error)
{
    const QString sender = loggableName(partial.sender);
    qCWarning(lcEngine).noquote() << "rejected a change message from"
                                  << (sender.isEmpty() ? QStringLiteral("?") : sender) << ":" << error;
    m_ctx.reportError(EngineError::Source::Incoming, error, sender, partial.table, partial.id);
    // Answered only to a configured remote: a receipt for any other name would wait in the
    // outbox for ever (SyncEngine drops messages from other names before they get here).
    if (m_ctx.config.remoteClients.contains(partial.sender))
        m_sender.receipts().send(partial.sender,
                                 InfoMessage::error(m_ctx.config.clientName, partial.table, partial.id, partial.date,
                                                    error),
                                 partial);
}

void ChangeReceiver::finishReceipts()
{
    m_sender.receipts().flush();
}

ChangeReceiver::Transformed ChangeReceiver::transformAll(const QList<ChangeMessage> &received)
{
    Transformed result{received, {}, {}};
    for (qsizetype i = 0; i < result.changes.size(); ++i) {
        ChangeMessage &change = result.changes[i];
        // The transformer of the local table, on the entity as the sender sent it (before mapping).
        const QString local = m_ctx.config.receiveTableFor(change.table);
        const TableInfo *info = findTable(m_ctx.tables, local);
        if (change.sender == m_ctx.config.clientName || local.isEmpty() || !info || info->primaryKey < 0)
            continue;
        const TransformResult t =
            m_ctx.transformer->transform(local, change.entity, change.sender, m_ctx.config.clientName);
        switch (t.action) {
        case TransformResult::Action::Unchanged:
            break;
        case TransformResult::Action::Entity: {
            change.entity = t.entity;
            // A transformer may map the key: the row written is the transformed one's.
            const ReceiveMapping *mapping = m_ctx.config.receiveMapping(local);
            const QString id =
                keyToString(t.entity.value(mapping ? mapping->remoteColumn(info->key().name) : info->key().name));
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

void ChangeReceiver::refreshIfUnknownColumns(const QList<ChangeMessage> &changes)
{
    // A column the catalogue lacks may have been added since it was read (ALTER TABLE under
    // the running engine): read it again before such a change is refused.
    for (const ChangeMessage &c : changes) {
        if (!c.entity.isObject() || !m_ctx.config.receiveTables.contains(c.table))
            continue;
        const TableInfo *table = findTable(m_ctx.tables, c.table);
        if (!table)
            continue;
        const QJsonObject entity = c.entity.toObject();
        for (auto it = entity.constBegin(); it != entity.constEnd(); ++it) {
            if (!table->column(it.key())) {
                m_ctx.refreshCatalogue(
                    QStringLiteral("a change of %1 from %2 names a column the catalogue lacks").arg(c.table, c.sender));
                return;
            }
        }
    }
}

bool ChangeReceiver::groupable(const ChangeMessage &change) const
{
    // Upserts of tables that are not relayed need no row-by-row outcome: consecutive ones with
    // the same columns go to the server as one statement. Not where another UNIQUE key could
    // make an upsert rewrite another row, and not for rows big enough to crowd the packet.
    if (!change.entity.isObject() || m_ctx.config.isBidirectional(change.table))
        return false;
    if (const ReceiveMapping *rules = m_ctx.config.receiveMapping(change.table); rules && rules->restricts())
        return false; // whether the row exists decides what is written

    const TableInfo *table = findTable(m_ctx.tables, change.table);
    qint64 bytes = 0;
    QString error;
    return table && !table->hasOtherUniqueKeys
        && RowStore::validate(*table, change.id, change.entity.toObject(), &error, &bytes)
        && bytes * 8 < m_rows.maxPacket();
}

ChangeReceiver::Written ChangeReceiver::write(const QList<const ChangeMessage *> &batch, QList<Outcome> *outcomes,
                                              QString *failure)
{
    QSqlDatabase db = m_ctx.applyDb->db();
    if (!db.transaction()) {
        *failure = QStringLiteral("starting a transaction: %1").arg(DbConnection::describe(db.lastError()));
        if (DbConnection::isConnectionError(db.lastError(), db)) {
            m_ctx.databaseLost(*failure);
            return Written::Lost;
        }
        return Written::Failed;
    }
    // Bidirectional tables: each incoming version against the row's own (ConflictResolver).
    QHash<const ChangeMessage *, ConflictResolver::Verdict> verdicts;
    auto abandon = [&](RowStore::Result result) {
        db.rollback();
        if (result == RowStore::Result::ConnectionLost) {
            m_ctx.databaseLost(*failure);
            return Written::Lost;
        }
        return result == RowStore::Result::Busy ? Written::Busy : Written::Failed;
    };
    const RowStore::Result judged = m_conflicts.judge(batch, &verdicts, failure);
    if (judged != RowStore::Result::Ok)
        return abandon(judged);
    QList<Outcome> local;
    Written stop = Written::Done;
    auto record = [&](const ChangeMessage *c, RowStore::Result result, const QString &error, bool changed) {
        switch (result) {
        case RowStore::Result::Ok:
            local.append({c, QString(), changed});
            return true;
        case RowStore::Result::SchemaChanged:
            m_schemaChanged = true;
            [[fallthrough]];
        case RowStore::Result::Rejected:
            local.append({c, error});
            return true;
        case RowStore::Result::Busy:
            m_busy.insert(c);
            *failure = error;
            stop = Written::Busy;
            return false;
        case RowStore::Result::ConnectionLost:
            *failure = error;
            stop = Written::Lost;
            return false;
        }
        return false;
    };
    // PostgreSQL aborts the whole transaction at a failed statement: each row (and each
    // multi-row statement) runs under a savepoint, so that one refused row costs the others
    // nothing, as on MariaDB.
    const bool savepoints = m_ctx.applyDb->isPostgres();
    auto savepoint = [&](const char *verb) {
        if (savepoints)
            QSqlQuery(db).exec(QLatin1String(verb) + QStringLiteral(" SAVEPOINT mysql_sync_row"));
    };
    auto applyRow = [&](const ChangeMessage *c) {
        QString error;
        bool changed = true;
        const TableInfo &table = m_ctx.tables[c->table];
        // This site's row includes the change already, or wins over it, or stays until an
        // operator settles the conflict: answered as received, not written, not relayed.
        if (auto v = verdicts.constFind(c); v != verdicts.cend() && !v->write)
            return record(c, RowStore::Result::Ok, QString(), false);
        // The receive rules: an insert may be refused, an update may change only some columns.
        QJsonValue entity = c->entity;
        const ReceiveMapping *rules = m_ctx.config.receiveMapping(c->table);
        if (rules && rules->restricts() && entity.isObject()
            && RowStore::validate(table, c->id, entity.toObject(), &error)) {
            bool exists = false;
            const RowStore::Result r = m_rows.exists(table, c->id, &exists, &error);
            if (r != RowStore::Result::Ok)
                return record(c, r, error, false);
            if (!exists && !rules->insert)
                return record(c, RowStore::Result::Rejected, incoming::insertRefused(*rules), false);
            if (exists)
                entity = incoming::updatable(*rules, table.key().name, entity.toObject());
        }
        // A relayed row that this site holds already is neither written nor relayed again.
        if (entity.isObject() && m_ctx.config.isBidirectional(c->table)
            && RowStore::validate(table, c->id, entity.toObject(), &error)) {
            bool same = false;
            const RowStore::Result r = m_rows.holds(table, c->id, entity.toObject(), &same, &error);
            if (r != RowStore::Result::Ok || same)
                return record(c, r, error, false);
        }
        const RowStore::Result r = m_rows.apply(table, c->id, entity, &error, &changed);
        return record(c, r, error, changed);
    };
    auto applyOne = [&](const ChangeMessage *c) {
        savepoint("");
        const qsizetype before = local.size();
        const bool ok = applyRow(c);
        savepoint(ok && local.size() > before && !local.last().error.isEmpty() ? "ROLLBACK TO" : "RELEASE");
        return ok;
    };
    QList<const ChangeMessage *> group;
    QString groupShape;
    auto flushGroup = [&]() {
        const QList<const ChangeMessage *> rows = std::exchange(group, {});
        if (rows.size() <= 1)
            return rows.isEmpty() || applyOne(rows.first());
        QList<QPair<QString, QJsonObject>> entities;
        entities.reserve(rows.size());
        for (const ChangeMessage *c : rows)
            entities.append({c->id, c->entity.toObject()});
        QString error;
        savepoint("");
        const RowStore::Result r = m_rows.upsertMany(m_ctx.tables[rows.first()->table], entities, &error);
        savepoint(r == RowStore::Result::Ok ? "RELEASE" : "ROLLBACK TO");
        if (r == RowStore::Result::Ok) {
            for (const ChangeMessage *c : rows)
                local.append({c, QString(), true});
            return true;
        }
        if (r == RowStore::Result::Busy || r == RowStore::Result::ConnectionLost)
            return record(nullptr, r, error, false);
        // Nothing of the statement was written: one by one, to answer each row for itself.
        for (const ChangeMessage *c : rows) {
            if (!applyOne(c))
                return false;
        }
        return true;
    };
    bool ok = true;
    for (const ChangeMessage *c : batch) {
        if (groupable(*c)) {
            const QString shape = c->table + QLatin1Char('\n') + c->entity.toObject().keys().join(QLatin1Char('\n'));
            if (!group.isEmpty() && shape != groupShape && !(ok = flushGroup()))
                break;
            groupShape = shape;
            group.append(c);
            continue;
        }
        if (!(ok = flushGroup()) || !(ok = applyOne(c)))
            break;
    }
    if (ok)
        ok = flushGroup();
    if (!ok) {
        db.rollback();
        if (stop == Written::Lost)
            m_ctx.databaseLost(*failure);
        return stop;
    }

    QSet<const ChangeMessage *> written;
    for (const Outcome &o : std::as_const(local)) {
        if (o.error.isEmpty())
            written.insert(o.change);
    }
    ConflictResolver::Tally tally;
    const RowStore::Result finished = m_conflicts.finish(verdicts, written, &tally, failure);
    if (finished != RowStore::Result::Ok)
        return abandon(finished);

    // A write that changed nothing is not relayed: this site already had that state and
    // owed it on when it got it, and relaying it again would circle for ever between three
    // or more bidirectional sites (A -> B -> C -> A ...). A row whose sender may hold the
    // version that lost a conflict goes to every remote, the sender too ("" below).
    QHash<QString, QList<TableKey>> relays;
    for (const Outcome &o : std::as_const(local)) {
        if (!o.error.isEmpty() || !m_ctx.config.isBidirectional(o.change->table))
            continue;
        const bool sendBack = verdicts.value(o.change).sendBack;
        if (o.changed || sendBack)
            relays[sendBack ? QString() : o.change->sender].append({o.change->table, o.change->id});
    }
    // The relays are owed durably before the write commits: a crash in between leaves
    // entries that send the row's current state again (harmless); the other order could
    // lose a relay, since the resent change would then change nothing.
    for (auto it = relays.cbegin(); it != relays.cend(); ++it) {
        if (!m_sender.owe(it.value(), it.key())) {
            db.rollback();
            *failure = QStringLiteral("the relays could not be stored in the outbox");
            return Written::Failed;
        }
    }
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        *failure = QStringLiteral("committing incoming changes: %1").arg(DbConnection::describe(error));
        if (DbConnection::isConnectionError(error, db)) {
            m_ctx.databaseLost(*failure);
            return Written::Lost;
        }
        return DbConnection::isBusy(error) ? Written::Busy : Written::Failed;
    }
    // Send the relays now (never back to their sender); what cannot be sent now stays owed.
    // Counted per remote a key is owed to: with no remote but the sender nothing is relayed.
    for (auto it = relays.cbegin(); it != relays.cend(); ++it) {
        m_sender.dispatch(it.value(), it.key());
        QStringList others = m_ctx.config.remoteClients;
        others.removeAll(it.key());
        m_ctx.counters.relayed += qint64(it.value().size()) * others.size();
    }
    m_conflicts.count(tally);
    if (m_ctx.rowSink) { // the keys are gathered only when a feed listens
        QList<TableKey> changedRows;
        for (const Outcome &o : std::as_const(local)) {
            if (o.error.isEmpty() && o.changed)
                changedRows.append({o.change->table, o.change->id});
        }
        m_ctx.rowsChanged(changedRows);
    }
    *outcomes += local;
    return Written::Done;
}

void ChangeReceiver::setLockWait(int seconds)
{
    QSqlQuery q(m_ctx.applyDb->db());
    if (!q.exec(m_ctx.applyDb->dialect().lockWaitSql(seconds)))
        qCDebug(lcEngine).noquote() << "cannot set the lock wait timeout:" << DbConnection::describe(q.lastError());
}

QString ChangeReceiver::noteBusy(const ChangeMessage &c)
{
    // Not answered: its sender sends it again later. A row that stays locked through several
    // tries is set aside with an `error` receipt (its sender lists it with a resend action)
    // instead of being tried for ever.
    const QString key = c.sender + QLatin1Char('\n') + c.table + QLatin1Char('\n') + c.id;
    if (m_busyCounts.size() > 10000)
        m_busyCounts.clear();
    const int tries = ++m_busyCounts[key];
    qCWarning(lcEngine).noquote() << "change of" << c.table << c.id << "from" << c.sender
                                  << "waits for a lock held by another session (try" << tries << "of" << kBusyTries
                                  << ")";
    if (tries < kBusyTries)
        return {};
    m_busyCounts.remove(key);
    return QStringLiteral("set aside after %1 tries: the row stayed locked by another session (lock wait timeout or "
                          "deadlock); send it again once the lock is gone")
        .arg(kBusyTries);
}

void ChangeReceiver::apply(const QList<ChangeMessage> &received)
{
    if (!m_ctx.databaseUp) {
        // No receipt: the senders keep the changes and send them again.
        qCDebug(lcEngine) << "database down: leaving" << received.size() << "incoming change(s) to be resent";
        return;
    }
    QList<Outcome> outcomes;
    outcomes.reserve(received.size());
    // Transformers run first (source = the sender, target = us), before anything is written.
    QHash<const ChangeMessage *, QString> receiptIds;    // the sender's id, where a transformer changed it
    QHash<const ChangeMessage *, QString> receiptTables; // the sender's table, where it is mapped
    QSet<const ChangeMessage *> settled;                 // dropped or failed in the transformer, or refused
    Transformed transformed = m_ctx.transformer ? transformAll(received) : Transformed{received, {}, {}};
    // Then the mapping onto the local table and columns (before any pointer into the list is kept).
    for (qsizetype i = 0; i < transformed.changes.size(); ++i) {
        ChangeMessage &change = transformed.changes[i];
        if (change.sender == m_ctx.config.clientName || transformed.dropped.contains(i)
            || transformed.errors.contains(i))
            continue;
        const QString refused = incoming::toLocal(m_ctx.config, &change);
        if (!refused.isEmpty())
            transformed.errors.insert(i, refused);
    }
    const QList<ChangeMessage> &changes = transformed.changes;
    refreshIfUnknownColumns(changes);
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const ChangeMessage &change = changes.at(i);
        if (change.id != received.at(i).id)
            receiptIds.insert(&change, received.at(i).id);
        if (change.table != received.at(i).table)
            receiptTables.insert(&change, received.at(i).table);
        const QString error = transformed.errors.value(i);
        if (transformed.dropped.contains(i)) {
            outcomes.append({&change, QString(), false});
            settled.insert(&change);
        } else if (!error.isEmpty()) {
            outcomes.append({&change, error});
            settled.insert(&change);
        }
    }
    QList<const ChangeMessage *> todo;
    for (const ChangeMessage &change : changes) {
        if (change.sender == m_ctx.config.clientName || settled.contains(&change))
            continue; // our own message on our own topic: nothing to apply, no one to answer
        if (!m_ctx.config.receiveTables.contains(change.table))
            outcomes.append({&change, QStringLiteral("The table is not configured as receive table!")});
        else if (const TableInfo *table = findTable(m_ctx.tables, change.table); !table || table->primaryKey < 0)
            outcomes.append({&change,
                             QStringLiteral("table `%1` cannot be written: it is not in the catalogue or has no "
                                            "single-column primary key")
                                 .arg(change.table)});
        else
            todo.append(&change);
    }
    m_busy.clear();
    m_schemaChanged = false;
    QString failure;
    const Written all = write(todo, &outcomes, &failure);
    if (all == Written::Lost)
        return; // nothing of the batch stays written and nothing is answered
    if (all != Written::Done) {
        // One bad row never holds up the others: each row in a transaction of its own. A row
        // that waited for a lock already is not made to wait again now.
        qCWarning(lcEngine).noquote() << "a batch of" << todo.size() << "incoming change(s) failed (" << failure
                                      << "): applying them one by one";
        const QSet<const ChangeMessage *> waited = m_busy;
        // The batch waited for its lock already: one by one, a locked row does not wait again.
        setLockWait(0);
        for (const ChangeMessage *c : std::as_const(todo)) {
            Written one = Written::Busy;
            if (!waited.contains(c))
                one = write({c}, &outcomes, &failure);
            if (one == Written::Lost)
                return; // the session (and its lock wait) goes with the connection
            if (one == Written::Busy) {
                const QString setAside = noteBusy(*c);
                if (!setAside.isEmpty())
                    outcomes.append({c, setAside});
            } else if (one == Written::Failed) {
                outcomes.append({c, failure});
            }
        }
        setLockWait(kLockWaitSeconds);
    }
    if (m_schemaChanged)
        m_ctx.refreshCatalogue(QStringLiteral("a write named a column or table the database no longer has"));
    const qint64 committedAt = EngineContext::now();
    // A failed BEGIN refuses the receipts kept below (each reported) and fails the commit.
    (void)m_ctx.outbox->begin();
    for (const Outcome &o : std::as_const(outcomes)) {
        const ChangeMessage &c = *o.change;
        const QString id = receiptIds.value(&c, c.id);
        const QString table = receiptTables.value(&c, c.table); // as the sender named it
        if (o.error.isEmpty()) {
            ++m_ctx.counters.applied;
            m_ctx.counters.applyLatency.add(double(committedAt - c.date) / 1000.0);
            m_sender.receipts().send(c.sender, InfoMessage::dataReceived(m_ctx.config.clientName, table, id, c.date),
                                     c);
        } else {
            qCWarning(lcEngine).noquote()
                << "change of" << c.table << id << "from" << c.sender << "not applied:" << o.error;
            m_ctx.reportError(EngineError::Source::Apply, o.error, c.sender, c.table, id);
            m_sender.receipts().send(c.sender, InfoMessage::error(m_ctx.config.clientName, table, id, c.date, o.error),
                                     c);
        }
    }
    QString error;
    if (!m_ctx.outbox->commit(&error))
        m_ctx.reportError(EngineError::Source::Outbox, error);
}

} // namespace mysqlsync
