#include "engine/ConflictResolver.h"

#include "common/Logging.h"
#include "database/ChangeLog.h"
#include "database/DbConnection.h"
#include "database/VersionStore.h"
#include "outbox/Outbox.h"
#include "protocol/Messages.h"

namespace mysqlsync {

namespace {

QString mapKey(const QString &table, const QString &key)
{
    return table + QLatin1Char('\n') + key;
}

} // namespace

ConflictResolver::ConflictResolver(EngineContext &context)
    : m_ctx(context)
    , m_rows(context.applyDb->name())
{ }

bool ConflictResolver::stampLocal(const QList<TableKey> &keys)
{
    QHash<QString, QStringList> byTable;
    for (const TableKey &k : keys) {
        if (m_ctx.config.isBidirectional(k.table))
            byTable[k.table].append(k.key);
    }
    const qint64 now = EngineContext::now();
    for (auto it = byTable.cbegin(); it != byTable.cend(); ++it) {
        QHash<QString, RowVersion> stored;
        QString error;
        QSqlError sqlError;
        QList<QPair<QString, RowVersion>> stamped;
        if (VersionStore::read(m_ctx.db->db(), it.key(), it.value(), &stored, &error, &sqlError)) {
            for (const QString &key : it.value())
                stamped.append({key, RowVersion::next(stored.value(key), m_ctx.config.clientName, now)});
            if (VersionStore::write(m_ctx.db->db(), it.key(), stamped, &error, &sqlError))
                continue;
        }
        m_ctx.databaseFailure(sqlError, error);
        return false;
    }
    return true;
}

bool ConflictResolver::stampMissing(const QString &table, const QStringList &keys)
{
    if (!m_ctx.config.isBidirectional(table))
        return true;
    QHash<QString, RowVersion> stored;
    QString error;
    QSqlError sqlError;
    QList<QPair<QString, RowVersion>> stamped;
    if (VersionStore::read(m_ctx.db->db(), table, keys, &stored, &error, &sqlError)) {
        const qint64 now = EngineContext::now();
        for (const QString &key : keys) {
            if (!stored.contains(key))
                stamped.append({key, RowVersion::next(RowVersion(), m_ctx.config.clientName, now)});
        }
        if (stamped.isEmpty() || VersionStore::write(m_ctx.db->db(), table, stamped, &error, &sqlError))
            return true;
    }
    m_ctx.databaseFailure(sqlError, error);
    return false;
}

bool ConflictResolver::versionsOf(const QList<TableKey> &keys, QHash<QString, RowVersion> *out)
{
    QHash<QString, QStringList> byTable;
    for (const TableKey &k : keys) {
        if (m_ctx.config.isBidirectional(k.table))
            byTable[k.table].append(k.key);
    }
    for (auto it = byTable.cbegin(); it != byTable.cend(); ++it) {
        QHash<QString, RowVersion> stored;
        QString error;
        QSqlError sqlError;
        if (!VersionStore::read(m_ctx.db->db(), it.key(), it.value(), &stored, &error, &sqlError)) {
            m_ctx.databaseFailure(sqlError, error);
            return false;
        }
        for (auto v = stored.cbegin(); v != stored.cend(); ++v)
            out->insert(mapKey(it.key(), v.key()), v.value());
    }
    return true;
}

RowStore::Result ConflictResolver::failure(const QSqlError &sqlError, const QString &message, QString *error)
{
    *error = message;
    if (DbConnection::isConnectionError(sqlError))
        return RowStore::Result::ConnectionLost;
    if (DbConnection::isBusy(sqlError))
        return RowStore::Result::Busy;
    return RowStore::Result::Rejected;
}

namespace {
// A column value as both sites encode it (ValueCodec): equal JSON, or the same number written
// as a number on one side and as digits on the other.
bool equalValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a == b)
        return true;
    auto text = [](const QJsonValue &v) {
        return v.isDouble() ? QString::number(v.toDouble(), 'g', 17) : v.toString();
    };
    return (a.isDouble() || a.isString()) && (b.isDouble() || b.isString()) && (a.isDouble() != b.isDouble())
        && text(a) == text(b);
}
} // namespace

bool ConflictResolver::equalState(const QJsonValue &here, const QJsonValue &incoming)
{
    if (here.isNull() || incoming.isNull())
        return here.isNull() && incoming.isNull(); // both deleted
    if (!here.isObject() || !incoming.isObject())
        return false;
    const QJsonObject row = here.toObject();
    const QJsonObject entity = incoming.toObject();
    if (entity.isEmpty())
        return false;
    // Every column the change carries holds the same value here (a column filtered out by its
    // sender is not carried, and not compared).
    for (auto it = entity.constBegin(); it != entity.constEnd(); ++it) {
        const auto local = row.constFind(it.key());
        if (local == row.constEnd() || !equalValue(*local, it.value()))
            return false;
    }
    return true;
}

ConflictResolver::Verdict ConflictResolver::judgeOne(const ChangeMessage &c, const RowVersion &stored,
                                                     bool localPending, bool sameState, qint64 now)
{
    const QString &self = m_ctx.config.clientName;
    // Our row's version: the stored one, or a newer one of ours while a local change of the
    // row waits in table_changes (capture stamps it with at least this time).
    const RowVersion local = localPending ? RowVersion::next(stored, self, now) : stored;
    RowVersion remote;
    bool concurrent = false;
    Verdict v;
    if (c.version.isNull()) {
        // A per-row change carries no version: it is taken as the sender's change at its send
        // date, made on top of what it has acknowledged of ours. It conflicts with a change of
        // ours the sender has not acknowledged yet (still owed to it), or not yet captured.
        remote.origin = c.sender;
        remote.time = c.date;
        remote.vector = RowVersion::merge(stored.vector, {{c.sender, c.date}});
        bool unseen = localPending;
        if (!unseen && stored.origin == self) {
            QString why;
            unseen = m_ctx.outbox->owes(c.sender, c.table, c.id, &why) || !why.isEmpty();
            if (!why.isEmpty())
                qCWarning(lcEngine).noquote() << "cannot look up the outbox for" << c.table << c.id << ":" << why;
        }
        concurrent = unseen;
    } else {
        remote = c.version;
        if (RowVersion::includes(local, remote)) {
            // Ours includes it already (a resend, a relay by another way, a late copy, or a
            // version ours won against).
            v.write = false;
            v.storeVersion = false;
            return v;
        }
        switch (RowVersion::compare(remote, local)) {
        case RowVersion::Order::Same:
        case RowVersion::Order::Before:
            v.write = false;
            v.storeVersion = false;
            return v;
        case RowVersion::Order::After:
            v.settlesOpen = true;
            break;
        case RowVersion::Order::Concurrent:
            concurrent = true;
            break;
        }
    }
    v.store = remote;
    if (!concurrent)
        return v;

    // Both sites made the same state (rows both held before their first load, the same edit on
    // each): not a conflict. The versions still converge, by the rule every site applies alike.
    const ConflictPolicy policy = sameState ? ConflictPolicy() : m_ctx.config.conflictPolicy(c.table);
    const ConflictWinner winner = ConflictRule::decide(policy, local, remote);
    ConflictRecord record;
    record.table = c.table;
    record.key = c.id;
    record.localSite = self;
    record.remoteSite = remote.origin;
    record.remoteVersion = c.entity.isObject() ? c.entity : QJsonValue(QJsonValue::Null);
    record.local = local;
    record.local.origin = local.origin.isEmpty() ? self : local.origin;
    record.remote = remote;
    record.policy = ConflictPolicy::kindName(policy.kind);
    record.detectedAt = now;
    // The winner keeps its own version (so the site whose version lost sees the conflict when
    // it arrives, and decides the same); what it won against is absorbed, so the row's next
    // change includes both.
    const QMap<QString, qint64> both = RowVersion::merge(local.vector, local.absorbed);
    switch (winner) {
    case ConflictWinner::Local:
        v.write = false;
        v.store = local;
        v.store.absorbed = RowVersion::merge(local.absorbed, remote.vector);
        record.winner = ConflictOutcome::Local;
        break;
    case ConflictWinner::Remote:
        v.store.absorbed = both;
        // A sender on the per-row path may have applied our losing version: it gets the row again.
        v.sendBack = c.version.isNull();
        record.winner = ConflictOutcome::Remote;
        break;
    case ConflictWinner::Open:
        v.write = false;
        v.storeVersion = false;
        break;
    }
    if (sameState) {
        v.sendBack = false; // the sender holds this very state
        return v;
    }
    if (record.winner) {
        record.settledAt = now;
        record.settledBy = QStringLiteral("policy");
    }
    v.conflict = record;
    return v;
}

RowStore::Result ConflictResolver::judge(const QList<const ChangeMessage *> &changes,
                                         QHash<const ChangeMessage *, Verdict> *out, QString *error)
{
    out->clear();
    QHash<QString, QList<const ChangeMessage *>> byTable;
    for (const ChangeMessage *c : changes) {
        if (m_ctx.config.isBidirectional(c->table))
            byTable[c->table].append(c);
    }
    const qint64 now = EngineContext::now();
    const QSqlDatabase db = m_ctx.applyDb->db();
    for (auto it = byTable.cbegin(); it != byTable.cend(); ++it) {
        QStringList keys;
        for (const ChangeMessage *c : it.value())
            keys.append(c->id);
        // The rows first, locked: a local write of one of them that is under way commits (and
        // its table_changes row with it) before the reads below, and none starts until this
        // transaction ends, so a local change is never overwritten unseen.
        QHash<QString, QJsonObject> rows;
        const RowStore::Result locked = m_rows.fetch(m_ctx.tables[it.key()], keys, &rows, error, true);
        if (locked != RowStore::Result::Ok)
            return locked;
        QHash<QString, RowVersion> stored;
        QSqlError sqlError;
        if (!VersionStore::read(db, it.key(), keys, &stored, error, &sqlError))
            return failure(sqlError, *error, error);
        QList<CapturedChange> logged;
        if (!ChangeLog::rowsFor(db, it.key(), keys, &logged, &sqlError))
            return failure(sqlError,
                           QStringLiteral("cannot read table_changes: %1").arg(DbConnection::describe(sqlError)),
                           error);
        QSet<QString> pending;
        for (const CapturedChange &l : std::as_const(logged)) {
            if (!m_ctx.isTaken || !m_ctx.isTaken(l.id))
                pending.insert(l.key);
        }
        for (const ChangeMessage *c : it.value()) {
            // The row as this site has it: for the record, and to tell an equal state.
            auto row = rows.constFind(c->id);
            const QJsonValue here = row == rows.cend() ? QJsonValue(QJsonValue::Null) : QJsonValue(*row);
            // A local change still waiting in table_changes may make it differ: judged as it is.
            const bool same = !pending.contains(c->id) && equalState(here, c->entity);
            // A row here without a version that our initial load has not brought to the sender
            // yet (rows both sites held before their first load): the sender has not seen it, so
            // its state is concurrent with ours, whichever load arrives first.
            const bool unloaded =
                row != rows.cend() && !stored.contains(c->id) && m_ctx.loadOwed && m_ctx.loadOwed(it.key(), c->sender);
            Verdict v = judgeOne(*c, stored.value(c->id), pending.contains(c->id) || unloaded, same, now);
            if (v.conflict)
                v.conflict->localVersion = here;
            out->insert(c, v);
        }
    }
    return RowStore::Result::Ok;
}

RowStore::Result ConflictResolver::finish(const QHash<const ChangeMessage *, Verdict> &verdicts,
                                          const QSet<const ChangeMessage *> &written, Tally *tally, QString *error)
{
    const QSqlDatabase db = m_ctx.applyDb->db();
    QHash<QString, QList<QPair<QString, RowVersion>>> versions; // table -> (key, version)
    QHash<QString, QStringList> advanced;                       // table -> keys whose version includes ours
    QSqlError sqlError;
    for (auto it = verdicts.cbegin(); it != verdicts.cend(); ++it) {
        const ChangeMessage &c = *it.key();
        const Verdict &v = it.value();
        if (v.write && !written.contains(&c))
            continue; // not written (refused): nothing changes
        if (v.storeVersion)
            versions[c.table].append({c.id, v.store});
        if (v.settlesOpen)
            advanced[c.table].append(c.id);
        if (!v.conflict)
            continue;
        ConflictRecord record = *v.conflict;
        if (!ConflictStore::record(db, &record, error, &sqlError))
            return failure(sqlError, *error, error);
        ++tally->detected;
        if (!record.isOpen())
            ++tally->settled;
        qCInfo(lcEngine).noquote() << "conflict on" << c.table << c.id << "between" << record.localSite << "and"
                                   << record.remoteSite << "(" << record.policy << "):"
                                   << (record.winner ? conflictOutcomeText(*record.winner) + QStringLiteral(" wins")
                                                     : QStringLiteral("open until an operator settles it"));
        tally->tableRemotes.append(c.table + QLatin1Char('/') + record.remoteSite);
    }
    for (auto it = versions.cbegin(); it != versions.cend(); ++it) {
        if (!VersionStore::write(db, it.key(), it.value(), error, &sqlError))
            return failure(sqlError, *error, error);
    }
    // The change that settled a row, by "table\nkey": looked up once per settled row.
    QHash<QString, const ChangeMessage *> byRow;
    if (!advanced.isEmpty()) {
        for (auto v = verdicts.cbegin(); v != verdicts.cend(); ++v)
            byRow.insert(v.key()->table + QLatin1Char('\n') + v.key()->id, v.key());
    }
    for (auto it = advanced.cbegin(); it != advanced.cend(); ++it) {
        QList<ConflictRecord> open;
        if (!ConflictStore::openFor(db, it.key(), it.value(), &open, error, &sqlError))
            return failure(sqlError, *error, error);
        QSet<QString> rows;
        for (const ConflictRecord &o : std::as_const(open))
            rows.insert(o.key);
        for (const QString &key : std::as_const(rows)) {
            const ChangeMessage *by = byRow.value(it.key() + QLatin1Char('\n') + key);
            const QString origin = by ? verdicts.value(by).store.origin : QString();
            if (!ConflictStore::settleRow(db, it.key(), key, ConflictOutcome::Remote, origin, EngineContext::now(),
                                          error, &sqlError))
                return failure(sqlError, *error, error);
            for (const ConflictRecord &o : std::as_const(open))
                tally->settled += o.key == key ? 1 : 0;
            qCInfo(lcEngine).noquote() << "the open conflict(s) on" << it.key() << key << "were settled by" << origin;
        }
    }
    return RowStore::Result::Ok;
}

void ConflictResolver::count(const Tally &tally)
{
    m_ctx.counters.conflicts += tally.detected;
    m_ctx.counters.conflictsSettled += tally.settled;
    for (const QString &tr : tally.tableRemotes)
        ++m_ctx.counters.conflictsByTable[tr];
    if ((tally.detected > 0 || tally.settled > 0) && m_ctx.conflictsChanged)
        m_ctx.conflictsChanged(tally.detected);
}

} // namespace mysqlsync
