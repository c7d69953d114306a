#pragma once
// After a damaged outbox was moved aside and replaced by an empty one (Outbox::open), what
// the site owes is rebuilt from sync_status: every key of a syncTable whose row for a remote
// of remoteClients says `pending` is owed to that remote again (queued, so it is sent again),
// in one PowerSafe outbox transaction with Outbox::markRebuilt(). Receipts the damaged file
// held for offline remotes are lost: their senders send those changes again (they are still
// owed there) and get a new receipt.
#include <QString>

namespace mysqlsync {

class ChangeSender;
struct EngineContext;

class OutboxRebuild {
public:
    // False and *error when sync_status cannot be read or the outbox not written (nothing
    // is marked rebuilt then: try again later). *owed: keys owed again, over all remotes.
    static bool run(EngineContext &ctx, ChangeSender &sender, int *owed, QString *error);
};

} // namespace mysqlsync
