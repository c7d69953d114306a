#pragma once
// Paho C has no option for TCP_NODELAY, so its sockets keep Nagle's algorithm, which holds
// small publishes (a change, a receipt) back for up to 40 ms waiting for an ACK.
#include <QList>

namespace mysqlsync {

// Finds this process's TCP connections to any of `ports` and switches Nagle's algorithm off
// on them (Unix; nothing elsewhere).
void disableNagle(const QList<int> &ports);

} // namespace mysqlsync
