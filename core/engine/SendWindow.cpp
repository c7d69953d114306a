#include "engine/SendWindow.h"

#include <QtGlobal>

namespace mysqlsync::sendwindow {

int captureLimit(int batchSize, const QList<Remote> &remotes)
{
    if (remotes.isEmpty())
        return batchSize;
    int widest = 0;
    for (const Remote &r : remotes) {
        if (!r.reachable)
            return batchSize;
        widest = qMax(widest, room(r.window, r.inFlight));
    }
    return qBound(0, widest, batchSize);
}

} // namespace mysqlsync::sendwindow
