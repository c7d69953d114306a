#pragma once
// What an engine's outbox file holds, read beside the running engine (SQLite's WAL allows it).
#include <QString>

namespace testsupport {

struct OutboxCounts {
    bool ok = false;
    qint64 queued = 0;   // changes never sent
    qint64 sent = 0;     // changes sent, waiting for their receipt
    qint64 receipts = 0; // receipts waiting for their remote
    QString error;
    qint64 total() const { return queued + sent + receipts; }
    QString text() const
    {
        return ok ? QStringLiteral("queued %1, sent-unacknowledged %2, receipts %3").arg(queued).arg(sent).arg(receipts)
                  : QStringLiteral("unreadable: ") + error;
    }
};

// The counts of the outbox in `queueDirectory` (an engine's queueDirectory); ok and zero
// counts when there is no outbox file (nothing was ever owed).
OutboxCounts readOutbox(const QString &queueDirectory);

} // namespace testsupport
