#pragma once
// Applies the changes that remotes send (docs/protocol.md, "Receiving a change"):
// checks each one against the configuration and the catalogue before any SQL is built,
// writes a batch in one transaction, relays bidirectional tables, and answers with receipts.
#include "database/RowStore.h"
#include "engine/ConflictResolver.h"
#include "engine/EngineContext.h"

#include <QSet>

namespace mysqlsync {

class ChangeSender;
struct ChangeMessage;

class ChangeReceiver {
public:
    ChangeReceiver(EngineContext &context, ChangeSender &sender);

    void apply(const QList<ChangeMessage> &received);
    // A change message that could not be read: answered with an error receipt when
    // the sender (and what it was about) could be read.
    void reject(const ChangeMessage &partial, const QString &error);
    // Sends the receipts collected for remotes on the batch path (after apply and reject).
    void finishReceipts();

    // An incoming row waits at most this long for a lock held by another session; then it is
    // tried again later (its sender resends it) and the other rows go on.
    static constexpr int kLockWaitSeconds = 2;

    ConflictResolver &conflicts() { return m_conflicts; }

    void resetStatements()
    {
        m_rows.reset();
        m_conflicts.resetStatements();
    }
    void setMaxPacket(qint64 bytes) { m_rows.setMaxPacket(bytes); }

private:
    struct Outcome {
        const ChangeMessage *change;
        QString error;       // empty: written
        bool changed = true; // false: the row already was so (nothing to relay)
    };
    enum class Written { Done, Busy, Failed, Lost };
    static constexpr int kBusyTries = 5;

    // Writes `batch` in one transaction, owes the relays and commits; the outcomes are
    // appended only when it committed. Busy/Failed: rolled back (*failure says why; m_busy
    // holds the row that met a lock). Lost: the connection went away (already reported).
    Written write(const QList<const ChangeMessage *> &batch, QList<Outcome> *outcomes, QString *failure);
    bool groupable(const ChangeMessage &change) const;
    void refreshIfUnknownColumns(const QList<ChangeMessage> &changes);
    // A row that met a lock: empty while it may be tried again, else the set-aside error.
    QString noteBusy(const ChangeMessage &change);
    // innodb_lock_wait_timeout of the apply connection (0: do not wait at all).
    void setLockWait(int seconds);

    // The changes after their tables' transformers; failures and drops by index.
    struct Transformed {
        QList<ChangeMessage> changes;
        QHash<qsizetype, QString> errors;
        QSet<qsizetype> dropped;
    };
    Transformed transformAll(const QList<ChangeMessage> &received);

    EngineContext &m_ctx;
    ChangeSender &m_sender;
    RowStore m_rows;
    ConflictResolver m_conflicts;
    QSet<const ChangeMessage *> m_busy; // rows of the current write that met a lock
    QHash<QString, int> m_busyCounts;   // "sender\ntable\nid" -> tries that met a lock
    bool m_schemaChanged = false;       // a write named a column or table that is gone
};

} // namespace mysqlsync
