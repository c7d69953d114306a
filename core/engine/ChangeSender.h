#pragma once
// Owes row states to remotes through the outbox and publishes them to those online:
// captured changes, relays of incoming changes, flushes and resends; and the receipts kept in
// the outbox (ReceiptSender sends the others).
#include "database/RowStore.h"
#include "engine/EngineContext.h"
#include "engine/ReceiptSender.h"
#include "outbox/Outbox.h"
#include "protocol/Messages.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonValue>

namespace mysqlsync {

struct ChangeMessage;
struct InfoMessage;

// The key of EngineContext::sentIds.
QString sentIdKey(const QString &remote, const QString &table, const QString &id, qint64 date);

class ChangeSender {
public:
    explicit ChangeSender(EngineContext &context);

    // Owes the current state of each key to every remote but `except` and sends it to
    // those online. Returns true once the outbox holds it (the caller may then forget
    // the cause); false when the database or the outbox failed (try again later).
    bool dispatch(const QList<TableKey> &keys, const QString &except);
    // How many table_changes rows capture should take now (at most batchSize).
    int captureLimit() const;
    // Only records (durably, as not yet sent) that the keys are owed to every remote but
    // `except`; dispatch() or a flush sends them. False when the outbox failed.
    bool owe(const QList<TableKey> &keys, const QString &except);
    // The same for the given remotes.
    bool oweTo(const QStringList &remotes, const QList<TableKey> &keys);
    // Owes these keys of one table to one remote again and marks each `pending` in
    // sync_status, as a send does: a load chunk, a resend, a repair. False when the outbox
    // failed (reported).
    bool oweAgain(const QString &remote, const QString &table, const QStringList &keys, qint64 now);

    // One chunk of an initial load (rows as RowStore::rowsAfter reads them, in key order),
    // published to a remote on the batch path without the outbox: InitialLoader keeps the
    // chunk until its receipts are written. Returns the send's date; *unsent gets the keys the
    // broker would not take (the caller owes them through the outbox). 0 when the rows could
    // not be prepared (their versions unreadable: reported; nothing was sent).
    qint64 sendLoadChunk(const QString &remote, const QString &table, const QList<QPair<QString, QJsonObject>> &rows,
                         QStringList *unsent);
    // The same for rows read as the JSON text they are sent as (RowStore::rowsAfterText: the
    // table's mapping applied, no transformer). Rows go only on the batch path: a remote that
    // left it since has every key in *unsent.
    qint64 sendLoadChunk(const QString &remote, const QString &table, const QList<QPair<QString, QByteArray>> &rows,
                         QStringList *unsent);

    // Sends what is owed to `remote`: queued receipts, queued changes, and changes sent
    // before `unacknowledgedBefore` with no receipt yet. At most one batch per call;
    // returns true when more is waiting.
    bool flush(const QString &remote, qint64 unacknowledgedBefore);

    // The receipts this site owes for changes it received.
    ReceiptSender &receipts() { return m_receipts; }

    void resetStatements() { m_rows.reset(); }

private:
    void reportReadFailure(const QString &table, const QString &error);
    // Settles an entry without a remote's receipt (a transformer dropped it or failed).
    void settleLocally(const InfoMessage &receipt);
    // Current row states (null for a gone row), keyed "table\nkey". False when the connection
    // was lost; a table that cannot be read (after one re-read of the catalogue) is left out.
    // The rows' versions (bidirectional tables) go to m_versions, for publish().
    bool states(const QList<TableKey> &keys, QHash<QString, QJsonValue> *out);
    // *unsent (if given) gets the keys the broker would not take.
    void publish(const QString &remote, const QList<TableKey> &keys, const QHash<QString, QJsonValue> &rows,
                 qint64 date, QList<TableKey> *unsent = nullptr);
    // The extension channel's path: the changes in batch messages. Returns how many of them
    // (from the first) the broker took.
    qsizetype publishBatches(const QString &remote, const QList<ChangeMessage> &changes, qint64 date);
    // The stored versions of bidirectional tables' rows into m_versions; false when they
    // cannot be read (a lost connection is reported as such).
    bool readVersions(const QString &table, const QStringList &keys, bool *connectionLost);
    // The send window of `remote`: wider on the batch path, where a message carries many rows.
    int windowOf(const QString &remote, qint64 now) const;
    // Runs the table's transformer (source = us, target = remote) on the message; false when
    // the change is not to be sent (dropped, or the transformer failed: settled as such).
    bool transform(const QString &remote, const TableKey &k, qint64 date, ChangeMessage *message);
    // Changes sent to `remote` and not answered yet.
    int inFlight(const QString &remote) const;
    // A load chunk's send date, once the versions of its rows are read into m_versions (0:
    // they could not be, reported; nothing is to be sent).
    qint64 loadDate(const QString &table, const QStringList &keys);
    // The date of a send: `now`, or just after the previous send's date (unique per send).
    qint64 sendDate(qint64 now);

    EngineContext &m_ctx;
    RowStore m_rows;
    qint64 m_lastSendDate = 0;
    QHash<QString, QElapsedTimer> m_readFailures; // table -> last warning about it
    ReceiptSender m_receipts;
    qint64 m_nextBatch;                    // the number of the next batch sent (summary receipts name it)
    QHash<QString, RowVersion> m_versions; // "table\nkey" -> version, as read by states()
};

} // namespace mysqlsync
