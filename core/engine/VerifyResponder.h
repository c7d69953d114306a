#pragma once
// Verify and repair, the side that answers (docs/protocol.md, "Verify and repair"): for a
// remote that compares one of its sync tables with this site's receive table, says which of
// the offered columns this site stores (open), returns its rows of the chunks whose checksums
// differ (range) and the checksums of the keys it is asked about (keys). Keeps no state
// between messages; the checksums are computed on the DigestWorker's thread.
#include "database/Catalog.h"
#include "engine/EngineContext.h"
#include "protocol/VerifyMessages.h"

#include <QObject>

namespace mysqlsync {

class DigestWorker;

class VerifyResponder : public QObject {
    Q_OBJECT
public:
    VerifyResponder(EngineContext &context, DigestWorker *worker, QObject *parent = nullptr);
    // A request from a configured remote (open, range, keys).
    void handle(const ext::VerifyMessage &request);

private:
    // The local table and columns a request names; false with *error when they do not map.
    bool resolve(const ext::VerifyMessage &request, TableInfo *table, QStringList *local, QStringList *wire,
                 QString *error) const;
    void answer(const QString &to, ext::VerifyMessage m);
    void fail(const ext::VerifyMessage &request, const QString &why);

    static constexpr int kMaxPending = 4; // requests being answered at once, at most

    EngineContext &m_ctx;
    DigestWorker *m_worker;
    int m_pending = 0;
};

} // namespace mysqlsync
