#pragma once
// Receipts from remotes: settles what the outbox owes and records the outcome in sync_status.
#include "engine/EngineContext.h"

namespace mysqlsync {

struct InfoMessage;

class ReceiptTracker {
public:
    explicit ReceiptTracker(EngineContext &context) : m_ctx(context) {}

    // Receipts (data_received / error) addressed to us, in arrival order.
    void handle(const QList<InfoMessage> &receipts);

private:
    EngineContext &m_ctx;
};

} // namespace mysqlsync
