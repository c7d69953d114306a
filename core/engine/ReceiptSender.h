#pragma once
// Sends the receipts this site owes for changes it received (docs/protocol.md, "Receipts" and
// "Extensions"): per row to a remote on the per-row path, collected and sent as batch receipts
// to one on the batch path, and kept in the outbox while a remote cannot be reached. A numbered
// batch whose every row was answered gets one summary receipt: its errors only.
#include "engine/EngineContext.h"
#include "protocol/Messages.h"

#include <QHash>
#include <QList>
#include <QString>

namespace mysqlsync {

class ReceiptSender {
public:
    explicit ReceiptSender(EngineContext &context)
        : m_ctx(context)
    { }

    // A receipt for `remote`, for a change that came in `change.batch` (if any): published now
    // if the remote is online on the per-row path, else kept in the outbox. For a remote on the
    // batch path it waits for flush().
    void send(const QString &remote, const InfoMessage &receipt, const ChangeMessage &change);
    void send(const QString &remote, const InfoMessage &receipt) { send(remote, receipt, ChangeMessage()); }
    // Publishes what send() collected: a summary for each numbered batch answered whole, batch
    // receipts for the rest (what cannot be published now is kept in the outbox).
    void flush();
    // Receipts for a remote on the batch path, in batch receipts; false when the broker would
    // not take them (none of the rest was published).
    bool publish(const QString &remote, const QList<InfoMessage> &receipts, qsizetype *published);

private:
    struct Held {
        InfoMessage receipt;
        qint64 batch = 0;
        int batchRows = 0;
    };
    // Publishes summaries for the numbered batches of `held` answered whole; the receipts not
    // summarised are returned, in order.
    QList<InfoMessage> publishSummaries(const QString &remote, const QList<Held> &held);
    void keep(const QString &remote, const InfoMessage &receipt);
    bool onBatchPath(const QString &remote);

    EngineContext &m_ctx;
    QHash<QString, QList<Held>> m_held; // remote -> receipts for flush()
    // The last remote's path, while the clock stays on the same millisecond (a batch's
    // receipts are many at once: its remote is looked up once).
    struct {
        QString remote;
        qint64 at = -1;
        bool batch = false;
    } m_path;
};

} // namespace mysqlsync
