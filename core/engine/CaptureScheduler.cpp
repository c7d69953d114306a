#include "engine/CaptureScheduler.h"

#include "engine/StatusTracker.h"

#include "common/Logging.h"
#include "database/ChangeLog.h"
#include "database/DbConnection.h"
#include "engine/ChangeSender.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxSyncer.h"

namespace mysqlsync {

namespace {
constexpr int kSyncRetryMs = 100;
} // namespace

CaptureScheduler::CaptureScheduler(EngineContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CaptureScheduler::capture);
}

void CaptureScheduler::attach(ChangeSender *sender, OutboxSyncer *syncer, DbConnection *db)
{
    m_sender = sender;
    m_syncer = syncer;
    m_db = db;
    connect(m_syncer, &OutboxSyncer::synced, this, &CaptureScheduler::onSynced);
    connect(m_syncer, &OutboxSyncer::failed, this, &CaptureScheduler::onSyncFailed);
}

void CaptureScheduler::detach()
{
    m_timer.stop();
    m_sender = nullptr;
    m_syncer = nullptr;
    m_db = nullptr;
}

void CaptureScheduler::schedule(int delayMs)
{
    if (m_isRunning && m_ctx.databaseUp)
        m_timer.start(delayMs);
}

void CaptureScheduler::roomMade()
{
    // (Not when capture is backing off after a failure.)
    if (!m_timer.isActive() || m_timer.interval() <= m_ctx.config.captureIntervalMs)
        schedule(0);
}

void CaptureScheduler::resume()
{
    if (!m_taken.isEmpty() && m_syncer)
        m_syncer->request(m_ticket); // their removal failed with the connection
}

void CaptureScheduler::capture()
{
    if (!m_isRunning || !m_ctx.databaseUp || m_paused || !m_sender)
        return;
    if (m_ctx.status && m_ctx.status->isBackedUp()) {
        // sync_status is written slower than changes come: the rows waiting for it are
        // written first (their write makes room, roomMade(), and capture goes on).
        schedule(m_ctx.config.captureIntervalMs);
        return;
    }
    const int limit = m_sender->captureLimit();
    // Each capture costs a read and a delete of table_changes, an outbox transaction and a
    // sync of the outbox. With a backlog in table_changes, wait until a quarter of the send
    // window is free rather than pay that for a few rows at a time. Receipts make room and
    // capture again at once.
    const int worthIt = m_backlog ? qMin(m_ctx.config.batchSize, qMax(1, m_ctx.config.sendWindow / 4)) : 1;
    if (limit < worthIt) {
        schedule(m_ctx.config.captureIntervalMs);
        return;
    }
    QList<CapturedChange> changes;
    QSqlError sqlError;
    if (!ChangeLog::read(m_db->db(), limit + int(m_takenIds.size()), &changes, &sqlError)) {
        m_ctx.databaseFailure(sqlError, QStringLiteral("reading table_changes"));
        schedule(m_ctx.config.captureIntervalMs * 10);
        return;
    }
    // Rows taken already stay until the outbox is on the disk: not again.
    changes.removeIf([this](const CapturedChange &c) { return m_takenIds.contains(c.id); });
    if (changes.size() > limit)
        changes.resize(limit);
    const bool backlogBefore = m_backlog;
    m_backlog = changes.size() >= limit;
    if (m_backlog && !backlogBefore) {
        // Only the speed of the next reads depends on it: a failure is logged, not acted on.
        QSqlError statsError;
        if (!ChangeLog::backlogStarts(m_db->db(), &statsError))
            qCInfo(lcEngine).noquote() << "table_changes statistics not refreshed:" << statsError.text();
    }
    const int idleMs = m_idleMs > 0 ? m_idleMs : m_ctx.config.captureIntervalMs;
    if (changes.isEmpty()) {
        schedule(idleMs);
        return;
    }
    const ChangeBatch batch = ChangeLog::collapse(changes);
    QList<TableKey> keys;
    keys.reserve(batch.keys.size());
    for (const auto &k : batch.keys)
        keys.append({k.first, k.second});
    // The table_changes rows go only once the outbox holds what they caused.
    if ((m_ctx.stampLocal && !m_ctx.stampLocal(keys)) || !m_sender->dispatch(keys, QString())) {
        schedule(qMax(1000, m_ctx.config.captureIntervalMs));
        return;
    }
    // The table_changes rows go once the outbox holds what they caused on the disk: the
    // syncer's thread waits for the disk, not this one.
    m_taken.append({++m_ticket, batch.ids});
    for (qint64 id : batch.ids)
        m_takenIds.insert(id);
    m_syncer->request(m_ticket);
    m_ctx.rowsChanged(keys);
    m_ctx.counters.captured += batch.ids.size();
    qCDebug(lcEngine) << "captured" << batch.ids.size() << "change(s) of" << keys.size() << "key(s)";
    schedule(changes.size() >= limit ? 0 : idleMs);
}

void CaptureScheduler::onSynced(quint64 ticket)
{
    if (m_isRunning)
        removeTaken(ticket);
}

void CaptureScheduler::removeTaken(quint64 ticket)
{
    if (!m_ctx.databaseUp)
        return; // the rows stay taken; a reconnect asks again
    QList<qint64> ids;
    qsizetype done = 0;
    for (; done < m_taken.size() && m_taken.at(done).first <= ticket; ++done)
        ids += m_taken.at(done).second;
    if (ids.isEmpty())
        return;
    QSqlError sqlError;
    if (!ChangeLog::remove(m_db->db(), ids, &sqlError)) {
        // A refused statement keeps them taken, to be removed after the next sync.
        m_ctx.databaseFailure(sqlError, QStringLiteral("removing taken rows from table_changes"));
        return;
    }
    m_taken.remove(0, done);
    for (qint64 id : std::as_const(ids))
        m_takenIds.remove(id);
}

void CaptureScheduler::onSyncFailed(const QString &error)
{
    qCDebug(lcEngine).noquote() << error << "- trying again";
    QTimer::singleShot(kSyncRetryMs, this, [this] {
        if (m_isRunning && !m_taken.isEmpty() && m_syncer)
            m_syncer->request(m_ticket);
    });
}

void CaptureScheduler::finish(Outbox *outbox)
{
    m_timer.stop();
    if (!m_taken.isEmpty() && outbox) {
        QString error;
        if (outbox->syncToDisk(&error))
            removeTaken(m_ticket);
        else
            qCWarning(lcOutbox).noquote() << error << "- the last changes taken are taken again at the next start";
    }
    m_taken.clear();
    m_takenIds.clear();
}

} // namespace mysqlsync
