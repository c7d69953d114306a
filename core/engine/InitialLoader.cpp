#include "engine/InitialLoader.h"

#include "common/Logging.h"
#include "database/DbConnection.h"
#include "database/VerifyStore.h"
#include "engine/ChangeSender.h"
#include "engine/ConflictResolver.h"
#include "engine/RemotePaths.h"
#include "engine/StatusTracker.h"
#include "outbox/Outbox.h"
#include "protocol/VerifyMessages.h"
#include "transform/TransformerHost.h"

namespace mysqlsync {

namespace {
constexpr int kIdleMs = 2000;         // nothing to load now: look again after this
constexpr int kBusyMs = 10;           // loading: the next chunk as soon as there is room
constexpr int kReReadMs = 5000;       // sync_loads read again (an operator's `mysql-sync load`)
constexpr int kFailedMs = 30000;      // sync_loads could not be read or written: try again after this
constexpr int kLaneDepth = 2;         // chunks of a pair on the batch path not answered yet
constexpr int kLaneSettling = 6;      // and answered ones whose sync_status rows are being written
constexpr int kPendingAfterMs = 1000; // a chunk's rows unanswered this long get their `pending` rows
} // namespace

InitialLoader::InitialLoader(EngineContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_rows(context.db->name())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &InitialLoader::tick);
}

QString InitialLoader::pairKey(const QString &table, const QString &remote)
{
    return table + QLatin1Char('\n') + remote;
}

void InitialLoader::start(ChangeSender *sender, ConflictResolver *versions, std::function<void(const QString &)> flush)
{
    m_sender = sender;
    m_versions = versions;
    m_flush = std::move(flush);
    m_running = true;
    m_states.clear();
    m_statesRead.invalidate();
    m_timer.start(0);
}

void InitialLoader::stop()
{
    m_running = false;
    m_timer.stop();
    m_chunks.clear();
}

void InitialLoader::receiptsArrived(const QString &table, const QString &remote, qint64 date, int count)
{
    // A chunk fully answered makes room on the wire: the next one goes now, not at the tick.
    if (m_chunks.answered(table, remote, date, count) && m_running && !m_paused)
        m_timer.start(0);
}

void InitialLoader::receiptsWritten(const QList<InfoMessage> &receipts)
{
    if (m_chunks.isEmpty())
        return;
    m_chunks.written(receipts);
    poke(); // a settled chunk makes room for the next
}

void InitialLoader::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused && m_running)
        m_timer.start(0);
}

void InitialLoader::poke()
{
    if (m_running)
        m_timer.start(0);
}

int InitialLoader::chunkFor(const QString &remote, qint64 now) const
{
    return m_ctx.batchesTo(remote, now) ? m_ctx.config.extensions.batchRows : qMax(1, m_ctx.config.sendWindow / 2);
}

bool InitialLoader::readStates()
{
    QList<LoadState> stored;
    QString error;
    QSqlError sqlError;
    if (!LoadStore::readAll(m_ctx.db->db(), &stored, &error, &sqlError)) {
        m_ctx.databaseFailure(sqlError, QStringLiteral("reading sync_loads"));
        return false;
    }
    QHash<QString, LoadState> states;
    for (const LoadState &s : std::as_const(stored))
        states.insert(pairKey(s.table, s.remote), s);
    // Pairs of the configuration that sync_loads does not know: loaded, unless changes of the
    // table already went to the remote (an engine from before loads existed kept them in sync).
    for (const QString &table : m_ctx.config.syncTables) {
        for (const QString &remote : m_ctx.config.remoteClients) {
            const QString key = pairKey(table, remote);
            if (states.contains(key))
                continue;
            LoadState s;
            s.table = table;
            s.remote = remote;
            bool synced = false;
            if (!LoadStore::everSynced(m_ctx.db->db(), table, remote, &synced, &error, &sqlError)) {
                m_ctx.databaseFailure(sqlError, QStringLiteral("reading sync_status"));
                return false;
            }
            s.done = synced || !m_ctx.config.initialLoad;
            // An empty table has nothing to load: what it gets from now on, its triggers
            // (installed before the loader starts) capture and send as changes. Loading it
            // later would send those rows a second time.
            bool empty = false;
            if (!s.done && !isEmpty(table, &empty))
                return false;
            s.done = s.done || empty;
            if (!LoadStore::write(m_ctx.db->db(), s, &error, &sqlError)) {
                m_ctx.databaseFailure(sqlError, QStringLiteral("writing sync_loads"));
                return false;
            }
            if (empty)
                qCInfo(lcEngine).noquote() << "table" << table << "is empty: nothing to load into" << remote;
            else if (!synced && !m_ctx.config.initialLoad)
                qCInfo(lcEngine).noquote() << "table" << table << "is not loaded into" << remote
                                           << "(initialLoad is false: mysql-sync load does it on request)";
            else if (!synced)
                qCInfo(lcEngine).noquote() << "table" << table << "has never been loaded into" << remote
                                           << ": its rows are sent once the remote is online";
            states.insert(key, s);
        }
    }
    // An operator's `mysql-sync load` (or another engine's write) moved a pair: its chunks
    // out would settle a position that no longer holds.
    for (auto it = states.cbegin(); it != states.cend(); ++it) {
        const auto before = m_states.constFind(it.key());
        if (before != m_states.cend() && (before->lastKey != it->lastKey || before->done != it->done))
            m_chunks.drop(it->table, it->remote);
    }
    m_states = states;
    m_statesRead.start();
    return true;
}

bool InitialLoader::isEmpty(const QString &table, bool *empty)
{
    const auto info = m_ctx.tables.constFind(table);
    if (info == m_ctx.tables.cend() || info->primaryKey < 0)
        return true; // not in the catalogue: loaded once it is (step() checks again)
    QStringList keys;
    QString error;
    const RowStore::Result r = m_rows.keysAfter(*info, QString(), 1, &keys, &error);
    if (r == RowStore::Result::ConnectionLost) {
        m_ctx.databaseLost(error);
        return false;
    }
    if (r != RowStore::Result::Ok) {
        m_ctx.reportError(EngineError::Source::Database, error, QString(), table);
        return false;
    }
    *empty = keys.isEmpty();
    return true;
}

bool InitialLoader::recover(LoadState *s, qint64 now)
{
    // Restored from a backup or recreated: whatever it had of ours may be gone or old.
    QString error;
    if (m_ctx.paths->speaks(s->remote, ext::capabilityVerify(), now)) {
        // Compared and repaired: only what differs travels, and rows we deleted since go too.
        qint64 id = 0;
        if (!VerifyStore::queue(m_ctx.db->db(), s->table, s->remote, true, &id, &error, QStringLiteral("recovery"))) {
            qCWarning(lcEngine).noquote() << error;
            return false;
        }
        const QString why = QStringLiteral("%1 came back with another site identity (its database was recreated or "
                                           "replaced): verifying and repairing %2 in it")
                                .arg(s->remote, s->table);
        qCWarning(lcEngine).noquote() << why;
        m_ctx.reportError(EngineError::Source::Remote, why, s->remote, s->table);
        return true;
    }
    const QString why = QStringLiteral("%1 came back with another site identity (its database was recreated or "
                                       "replaced): loading %2 into it again")
                            .arg(s->remote, s->table);
    qCWarning(lcEngine).noquote() << why;
    m_ctx.reportError(EngineError::Source::Remote, why, s->remote, s->table);
    m_chunks.drop(s->table, s->remote);
    s->done = false;
    s->lastKey = QString();
    s->rows = 0;
    s->startedAt = 0;
    s->finishedAt = 0;
    return true;
}

bool InitialLoader::step(LoadState *s, qint64 now)
{
    QString error;
    QSqlError sqlError;
    const QString site = m_ctx.paths ? m_ctx.paths->site(s->remote) : QString();
    if (!site.isEmpty() && s->remoteSite != site) {
        if (!s->remoteSite.isEmpty() && !recover(s, now))
            return false; // tried again at the next tick
        s->remoteSite = site;
        if (!LoadStore::write(m_ctx.db->db(), *s, &error, &sqlError)) {
            m_ctx.databaseFailure(sqlError, QStringLiteral("writing sync_loads"));
            return false;
        }
    }
    if (s->done || !settle(s) || !m_ctx.canSendTo(s->remote, now))
        return false;
    const auto table = m_ctx.tables.constFind(s->table);
    if (table == m_ctx.tables.cend() || table->primaryKey < 0)
        return false;
    const int chunk = chunkFor(s->remote, now);
    if (m_ctx.batchesTo(s->remote, now))
        return stepLane(s, *table, chunk, now);
    if (m_chunks.inFlight(s->table, s->remote) > 0)
        return true; // the remote left the batch path: its chunks out are chased first
    const int owed = m_ctx.outbox->owedUpTo(s->remote, 2 * chunk, &error);
    if (owed >= 2 * chunk)
        return true; // busy: the next chunk once the remote has taken this one
    QStringList keys;
    if (!readOk(m_rows.keysAfter(*table, s->lastKey, chunk, &keys, &error), error, *s))
        return false;
    if (s->startedAt == 0)
        s->startedAt = now;
    if (keys.isEmpty()) {
        finish(s, now);
        return false;
    }
    if (m_versions && !m_versions->stampMissing(s->table, keys))
        return false;
    if (!m_sender->oweAgain(s->remote, s->table, keys, now))
        return false;
    // Owed durably before the position moves on: a crash in between owes the chunk again.
    s->lastKey = keys.last();
    s->rows += keys.size();
    if (!LoadStore::write(m_ctx.db->db(), *s, &error, &sqlError)) {
        m_ctx.databaseFailure(sqlError, QStringLiteral("writing sync_loads"));
        return false;
    }
    if (m_flush)
        m_flush(s->remote);
    return true;
}

void InitialLoader::finish(LoadState *s, qint64 now)
{
    QString error;
    QSqlError sqlError;
    s->done = true;
    s->finishedAt = now;
    if (!LoadStore::write(m_ctx.db->db(), *s, &error, &sqlError)) {
        m_ctx.databaseFailure(sqlError, QStringLiteral("writing sync_loads"));
        return;
    }
    qCInfo(lcEngine).noquote() << "initial load of" << s->table << "into" << s->remote << "done:" << s->rows
                               << "row(s) in" << (now - s->startedAt) / 1000.0 << "s";
    // Checked once it has all arrived; into a mirror, rows this site lacks are deleted then.
    // A load that found no rows is not checked: what changes from now on travels as changes.
    qint64 id = 0;
    if (s->rows > 0 && m_ctx.paths->speaks(s->remote, ext::capabilityVerify(), now)
        && !VerifyStore::queue(m_ctx.db->db(), s->table, s->remote, true, &id, &error, QStringLiteral("load")))
        qCWarning(lcEngine).noquote() << error;
}

bool InitialLoader::readOk(RowStore::Result r, const QString &error, const LoadState &s)
{
    switch (r) {
    case RowStore::Result::Ok:
        return true;
    case RowStore::Result::ConnectionLost:
        m_ctx.databaseLost(error);
        return false;
    case RowStore::Result::SchemaChanged:
        // The table changed under the engine: the catalogue is read again, the chunk at the next tick.
        if (m_ctx.refreshCatalogue(error))
            return false;
        break;
    default:
        break;
    }
    m_ctx.reportError(EngineError::Source::Database, error, s.remote, s.table);
    return false;
}

bool InitialLoader::settle(LoadState *s)
{
    int rows = 0;
    const QString upTo = m_chunks.takeSettled(s->table, s->remote, &rows);
    if (upTo.isNull())
        return true;
    s->lastKey = upTo;
    s->rows += rows;
    QString error;
    QSqlError sqlError;
    if (LoadStore::write(m_ctx.db->db(), *s, &error, &sqlError))
        return true;
    m_ctx.databaseFailure(sqlError, QStringLiteral("writing sync_loads"));
    return false;
}

void InitialLoader::chaseOverdue(qint64 now)
{
    if (m_chunks.isEmpty())
        return;
    // Shown as on their way, as any sent row is, once the answer takes longer than usual.
    const QList<LoadChunk> slow = m_chunks.overdue(now - kPendingAfterMs, false);
    for (const LoadChunk &chunk : slow) {
        for (const QString &key : chunk.waiting)
            m_ctx.status->pending(chunk.table, key, chunk.remote, chunk.date);
    }
    if (!slow.isEmpty())
        m_ctx.statusQueued();
    // Lost on the way, or the remote went away: owed durably, the chunk counts as settled.
    const QList<LoadChunk> lost = m_chunks.overdue(now - m_ctx.config.resendTimeoutMs, true);
    for (const LoadChunk &chunk : lost) {
        qCInfo(lcEngine).noquote() << chunk.waiting.size() << "row(s) of" << chunk.table << "loaded into"
                                   << chunk.remote << "were not answered in time: owed again";
        if (!m_sender->oweAgain(chunk.remote, chunk.table, QStringList(chunk.waiting.cbegin(), chunk.waiting.cend()),
                                now)) {
            // Not owed: every chunk out is sent again from the last settled key.
            m_chunks.clear();
            return;
        }
    }
}

bool InitialLoader::stepLane(LoadState *s, const TableInfo &table, int chunk, qint64 now)
{
    // Only unanswered chunks wait ahead of a live change; answered ones wait for this site's
    // sync_status writer, which live changes do not pass through on their way out.
    if (m_chunks.unanswered(s->table, s->remote) >= kLaneDepth
        || m_chunks.inFlight(s->table, s->remote) >= kLaneDepth + kLaneSettling)
        return true;
    QString error;
    // Live changes first: a chunk goes out only while the remote is owed less than one.
    if (m_ctx.outbox->owedUpTo(s->remote, chunk, &error) >= chunk)
        return true;
    // Without a transformer the rows are read as the JSON text they are sent as (the table's
    // mapping applied): no object is built per row.
    const bool asText = !(m_ctx.transformer && m_ctx.transformer->hasTransformer(s->table));
    QList<QPair<QString, QJsonObject>> rows;
    QList<QPair<QString, QByteArray>> texts;
    const QString from = m_chunks.readFrom(s->table, s->remote, s->lastKey);
    if (asText) {
        QStringList wireNames;
        for (const ColumnInfo &c : table.columns)
            wireNames.append(m_ctx.config.sentColumn(s->table, c.name));
        if (!readOk(m_rows.rowsAfterText(table, from, chunk, wireNames, &texts, &error), error, *s))
            return false;
    } else if (!readOk(m_rows.rowsAfter(table, from, chunk, &rows, &error), error, *s)) {
        return false;
    }
    if (s->startedAt == 0)
        s->startedAt = now;
    QStringList keys;
    keys.reserve(asText ? texts.size() : rows.size());
    for (const auto &row : std::as_const(rows))
        keys.append(row.first);
    for (const auto &row : std::as_const(texts))
        keys.append(row.first);
    if (keys.isEmpty()) {
        if (m_chunks.inFlight(s->table, s->remote) > 0)
            return true; // done once the chunks out are settled
        finish(s, now);
        return false;
    }
    if (m_versions && !m_versions->stampMissing(s->table, keys))
        return false;
    QStringList unsent;
    const qint64 date = asText ? m_sender->sendLoadChunk(s->remote, s->table, texts, &unsent)
                               : m_sender->sendLoadChunk(s->remote, s->table, rows, &unsent);
    if (date == 0)
        return false;
    LoadChunk sent;
    sent.table = s->table;
    sent.remote = s->remote;
    sent.lastKey = keys.last();
    sent.date = date;
    sent.sentAt = now;
    sent.rows = int(keys.size());
    sent.unanswered = int(keys.size() - unsent.size());
    sent.waiting = QSet<QString>(keys.cbegin(), keys.cend());
    for (const QString &key : std::as_const(unsent))
        sent.waiting.remove(key);
    // What the broker would not take is owed through the outbox, like any change.
    if (!unsent.isEmpty() && !m_sender->oweAgain(s->remote, s->table, unsent, now))
        return false;
    m_chunks.add(std::move(sent));
    return true;
}

void InitialLoader::tick()
{
    if (!m_running || m_paused || !m_ctx.databaseUp || !m_sender)
        return;
    if ((!m_statesRead.isValid() || m_statesRead.hasExpired(kReReadMs)) && !readStates()) {
        m_timer.start(kFailedMs);
        return;
    }
    const qint64 now = EngineContext::now();
    chaseOverdue(now);
    bool busy = !m_chunks.isEmpty();
    for (auto it = m_states.begin(); it != m_states.end() && m_ctx.databaseUp; ++it) {
        if (m_ctx.config.syncTables.contains(it->table) && m_ctx.config.remoteClients.contains(it->remote))
            busy = step(&*it, now) || busy;
    }
    m_timer.start(busy ? kBusyMs : kIdleMs);
}

} // namespace mysqlsync
