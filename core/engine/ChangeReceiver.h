#pragma once
// Applies the changes that remotes send (docs/protocol.md, "Receiving a change"):
// checks each one against the configuration and the catalogue before any SQL is built,
// writes a batch in one transaction, relays bidirectional tables, and answers with receipts.
#include "database/RowStore.h"
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

    void resetStatements() { m_rows.reset(); }

private:
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
};

} // namespace mysqlsync
