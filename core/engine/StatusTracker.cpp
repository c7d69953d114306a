#include "engine/StatusTracker.h"

#include "common/Logging.h"
#include "database/DbConnection.h"
#include "engine/StatusWriter.h"
#include "outbox/Outbox.h"

#include <algorithm>

namespace mysqlsync {

void StatusTracker::pending(const QString &table, const QString &key, const QString &remote, qint64 date)
{
    if (m_inFlight && !m_inFlight->written.isEmpty()) {
        // Written after the batch being written now, the pending row would replace its receipt.
        QHash<QString, qint64> &answered = m_inFlight->answered;
        if (answered.isEmpty()) {
            for (const InfoMessage &r : std::as_const(m_inFlight->written)) {
                qint64 &newest = answered[StatusRows::rowKey(r.table, r.id, r.sender)];
                newest = qMax(newest, r.date);
            }
        }
        if (answered.value(StatusRows::rowKey(table, key, remote), -1) >= date)
            return;
    }
    m_rows.pending({table, key, remote, SyncStatus::Pending, {}, date});
}

bool StatusTracker::receipt(const InfoMessage &r, QString *why)
{
    *why = SyncStatusStore::check(r.table, r.id, r.sender, r.date);
    if (!why->isEmpty())
        return false;
    m_receipts.append(r);
    ++m_receiptsWaiting[r.sender];
    const bool failed = r.kind == InfoKind::Error;
    m_rows.receipt({r.table, r.id, r.sender, failed ? SyncStatus::Error : SyncStatus::Successful,
                    failed ? r.message : QString(), r.date});
    return true;
}

void StatusTracker::clear()
{
    m_rows.clear();
    m_receipts.clear();
    m_receiptsWaiting.clear();
    // A result that still comes for this batch finds no batch waiting and is ignored.
    m_inFlight.reset();
}

void StatusTracker::release(const QHash<QString, int> &receipts)
{
    for (auto it = receipts.cbegin(); it != receipts.cend(); ++it) {
        auto waiting = m_receiptsWaiting.find(it.key());
        if (waiting == m_receiptsWaiting.end())
            continue;
        *waiting -= it.value();
        if (*waiting <= 0)
            m_receiptsWaiting.erase(waiting);
    }
}

void StatusTracker::flush()
{
    if (m_inFlight || isEmpty())
        return;
    InFlight batch;
    batch.ticket = m_nextTicket++;
    // A receipt for an older send than the one now owed is stale, and its row is not
    // written; the others settle the outbox once their rows are.
    QString error;
    if (m_ctx.receiptsWritten)
        batch.written = m_receipts;
    m_ctx.outbox->beginRead(); // one lock of the file for all of the receipts' matches
    QList<OwedSnapshot> owed;  // per remote
    for (const InfoMessage &r : std::as_const(m_receipts)) {
        ++batch.receipts[r.sender];
        if (!error.isEmpty())
            continue;
        const Outbox::Ack ack = match(r, &owed, &error);
        if (!error.isEmpty()) {
            m_ctx.reportError(EngineError::Source::Outbox, error, r.sender, r.table, r.id);
            // The receipts settle nothing now (their changes stay owed, are sent again and
            // answered again); the pending rows are written all the same.
            batch.settle.clear();
            continue;
        }
        if (ack == Outbox::Ack::Matched) {
            batch.settle.append(r);
        } else if (ack == Outbox::Ack::Unknown || ack == Outbox::Ack::Newer) {
            // A send the outbox did not make (a load chunk's, read after any send of the key
            // the outbox made): its row is written, and it never counted as in flight there.
            // Dropped as stale, a `pending` row of that newer send would stay for good.
            --batch.receipts[r.sender];
            release({{r.sender, 1}});
        } else if (ack == Outbox::Ack::Stale) {
            m_rows.dropReceipt(r.table, r.id, r.sender, r.date);
            qCDebug(lcEngine).noquote() << "stale receipt from" << r.sender << "for" << r.table << r.id;
        }
    }
    m_ctx.outbox->endRead();
    if (!error.isEmpty())
        batch.written.clear(); // the receipts' rows are not written now
    StatusBatch out;
    out.ticket = batch.ticket;
    m_rows.split(&out.pending, error.isEmpty() ? &out.receipts : nullptr);
    m_rows.clear();
    m_receipts.clear();
    m_inFlight = std::move(batch);
    m_writer->submit(out);
}

Outbox::Ack StatusTracker::match(const InfoMessage &r, QList<OwedSnapshot> *owed, QString *error) const
{
    // Whatever a remote is owed, read once per batch when it is little (a load's receipts find
    // nothing owed for nearly every key): a look-up per receipt was the largest part of a
    // load's receipts here.
    auto snapshot =
        std::find_if(owed->begin(), owed->end(), [&](const OwedSnapshot &o) { return o.remote == r.sender; });
    if (snapshot == owed->end()) {
        OwedSnapshot read;
        read.remote = r.sender;
        read.complete = m_ctx.outbox->owedKeys(r.sender, kOwedSnapshotLimit, &read.keys, error);
        if (!error->isEmpty())
            return Outbox::Ack::Unknown;
        owed->append(read);
        snapshot = owed->end() - 1;
    }
    if (!snapshot->complete)
        return m_ctx.outbox->match(r.sender, r.table, r.id, r.date, error);
    for (const Outbox::OwedKey &entry : std::as_const(snapshot->keys)) {
        if (entry.key == r.id && entry.table == r.table)
            return Outbox::ackFor(&entry, r.date);
    }
    return Outbox::Ack::Unknown;
}

void StatusTracker::collect()
{
    const QList<StatusWritten> results = m_writer->takeResults();
    for (const StatusWritten &written : results) {
        if (!m_inFlight || written.ticket != m_inFlight->ticket)
            continue; // a batch forgotten by clear()
        const InFlight batch = std::move(*m_inFlight);
        m_inFlight.reset();
        release(batch.receipts);
        if (written.connectionLost) {
            // The outbox stays as it was: the changes are sent again and answered again.
            m_ctx.databaseFailure(written.error, QStringLiteral("writing sync_status"));
            return;
        }
        for (const RefusedStatusRow &row : written.refused) {
            const QString message =
                QStringLiteral("sync_status refused the row of %1 %2 for %3: %4")
                    .arg(row.update.table.left(64), row.update.key.left(64), row.update.remote, row.reason);
            qCWarning(lcEngine).noquote() << message;
            m_ctx.reportError(EngineError::Source::Database, message, row.update.remote, row.update.table,
                              row.update.key);
        }
        settle(batch);
        // A load chunk's row is settled by its receipt, whether the outbox owed the key too
        // (a live change of it) or not.
        if (!batch.written.isEmpty() && m_ctx.receiptsWritten)
            m_ctx.receiptsWritten(batch.written);
        // The window counted these receipts as room already, unless sync_status was backed
        // up (receiptsWaiting); either way, what waits may go now.
        m_ctx.roomMade(batch.receipts.keys());
    }
    // What arrived while the batch was written has waited long enough.
    if (m_ctx.databaseUp)
        flush();
}

void StatusTracker::settle(const InFlight &batch)
{
    if (batch.settle.isEmpty())
        return;
    QString error;
    if (!m_ctx.outbox->begin()) {
        // Not settled: the changes are sent again and answered again.
        m_ctx.outbox->commit(&error);
        m_ctx.reportError(EngineError::Source::Outbox, error);
        return;
    }
    bool settled = false;
    for (const InfoMessage &r : batch.settle) {
        // Matched when it was handed over; a send since then (the key changed) makes it
        // stale now, and the entry stays for the newer send's receipt.
        const Outbox::Ack ack = m_ctx.outbox->acknowledge(r.sender, r.table, r.id, r.date, &error);
        if (!error.isEmpty()) {
            m_ctx.outbox->rollback();
            m_ctx.reportError(EngineError::Source::Outbox, error, r.sender, r.table, r.id);
            return;
        }
        settled = settled || ack == Outbox::Ack::Matched;
    }
    if (!m_ctx.outbox->commit(&error)) {
        m_ctx.reportError(EngineError::Source::Outbox, error);
        return;
    }
    if (settled)
        m_ctx.outboxChanged = true;
}

void StatusTracker::finish()
{
    for (int round = 0; round < 2 && m_ctx.databaseUp; ++round) {
        flush();
        m_writer->waitUntilIdle();
        collect();
    }
}

} // namespace mysqlsync
