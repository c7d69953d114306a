#pragma once
// Flow control of ChangeSender as pure arithmetic: a remote may have at most `sendWindow`
// changes unacknowledged; capture takes only what the widest window has room for.
#include <QList>

namespace mysqlsync::sendwindow {

// Changes that may go out to a remote now.
inline int room(int sendWindow, int inFlight)
{
    return inFlight >= sendWindow ? 0 : sendWindow - inFlight;
}

struct Remote {
    bool reachable = false; // online and the broker connected
    int inFlight = 0;       // sent and not acknowledged (receipts waiting to settle excluded)
    int window = 0;         // its send window (sendWindow; the batch path's is wider)
};

// How many table_changes rows capture should take (at most `batchSize`). A change waits in
// table_changes as safely as in the outbox: while every remote can be sent to, take only
// what the widest send window has room for (a change taken beyond it would be written to
// the outbox as queued, and written there again when it is sent). A remote that cannot be
// sent to needs its queue entries anyway: then a whole batch. No remotes: a whole batch.
int captureLimit(int batchSize, const QList<Remote> &remotes);

} // namespace mysqlsync::sendwindow
