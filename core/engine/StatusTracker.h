#pragma once
// sync_status bookkeeping with write-behind: `pending` rows for what is sent or queued, and
// the receipts that remotes send back. Updates wait a few milliseconds and go to the
// StatusWriter (its own thread and connection) as one batch, several updates of one row
// collapsing into the last that counts (a row that is sent and acknowledged before its
// batch leaves is written once, as successful). One batch is written at a time; what
// arrives meanwhile waits for the next, so a busy server gets fewer, larger writes.
// A receipt settles the outbox only once its sync_status row is written: a crash in between
// leaves the change owed (it is sent again), never a row stuck at 'pending'.
#include "database/SyncStatusStore.h"
#include "engine/EngineContext.h"
#include "engine/StatusRows.h"
#include "outbox/Outbox.h"
#include "protocol/Messages.h"

#include <QHash>

#include <optional>

namespace mysqlsync {

class StatusWriter;

class StatusTracker {
public:
    StatusTracker(EngineContext &context, StatusWriter *writer)
        : m_ctx(context)
        , m_writer(writer)
    { }

    // The change of (table, key) was sent to `remote` (or queued for it) with this date. A
    // receipt for that send or a later one, waiting here or being written, is not undone by
    // it (a load chunk's late `pending` rows, InitialLoader).
    void pending(const QString &table, const QString &key, const QString &remote, qint64 date);
    // A data_received or error from a remote. A receipt that sync_status cannot hold (see
    // SyncStatusStore::check) is refused alone: false, with the reason in *why.
    bool receipt(const InfoMessage &receipt, QString *why);

    // Nothing waits to be written (a batch may still be on its way).
    bool isEmpty() const { return m_rows.isEmpty() && m_receipts.isEmpty(); }
    // Rows waiting beyond kBackedUpRows mean the server writes sync_status slower than
    // remotes answer: receipts stop making room in the send window (receiptsWaiting), so
    // sending slows to what the server can record, and capture waits (CaptureScheduler). At kMaxRows the tracker is full: receipts
    // are left for a later resend (their changes stay owed), so memory stays bounded
    // whatever arrives while the database stalls.
    static constexpr int kBackedUpRows = 5000;
    static constexpr int kMaxRows = 10000;
    bool isBackedUp() const { return m_rows.size() > kBackedUpRows; }
    bool isFull() const { return m_rows.size() >= kMaxRows; }
    int waitingRows() const { return m_rows.size(); }
    // Receipts from `remote` waiting to settle the outbox (waiting, or in the batch being
    // written): those changes are no longer in flight, though the outbox still counts them.
    // 0 while the tracker is backed up: then only written receipts free the send window.
    int receiptsWaiting(const QString &remote) const { return isBackedUp() ? 0 : m_receiptsWaiting.value(remote); }
    // Hands what waits to the writer, unless a batch is being written (then it goes when that
    // one is done). Nothing is settled when sync_status cannot be written.
    void flush();
    // Takes the writer's results (StatusWriter::resultsReady): settles the outbox for the
    // receipts written, reports refused rows, and hands over what waits.
    void collect();
    // At stop: waits for the batch being written, then writes what waits and waits again.
    void finish();
    // Forgets what waits, and the batch being written (the database went away: the outbox
    // still owes it all).
    void clear();

private:
    // The receipts of the batch being written, to settle once it is.
    struct InFlight {
        quint64 ticket = 0;
        QList<InfoMessage> settle;    // matched an outbox entry when handed over
        QList<InfoMessage> written;   // every receipt handed over, for receiptsWritten (if set)
        QHash<QString, int> receipts; // remote -> receipts of the batch (receiptsWaiting)
        // "table\nkey\nremote" -> the newest receipt date among `written`, made when first asked.
        QHash<QString, qint64> answered;
    };
    void settle(const InFlight &batch);
    void release(const QHash<QString, int> &receipts);
    // What a remote was owed when a batch was handed over, read once (Outbox::owedKeys).
    struct OwedSnapshot {
        QString remote;
        bool complete = false; // keys holds everything owed to remote
        QList<Outbox::OwedKey> keys;
    };
    static constexpr int kOwedSnapshotLimit = 64;
    Outbox::Ack match(const InfoMessage &r, QList<OwedSnapshot> *owed, QString *error) const;

    EngineContext &m_ctx;
    StatusWriter *m_writer;
    StatusRows m_rows;                     // the updates that count, one per row
    QList<InfoMessage> m_receipts;         // to settle in the outbox, in arrival order
    QHash<QString, int> m_receiptsWaiting; // remote -> receipts in m_receipts and in m_inFlight
    quint64 m_nextTicket = 1;
    std::optional<InFlight> m_inFlight; // the batch the writer has
};

} // namespace mysqlsync
