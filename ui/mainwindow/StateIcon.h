#pragma once
// The icon of a SyncState (tray and window): the single place that picks it. The images are
// resources/icons/state/<name>.svg rendered to PNG (16, 22, 24, 32, 48; scripts/render-icons.sh),
// built in as Qt resources under :/icons/state/.
#include "monitor/SyncState.h"

#include <QIcon>
#include <QString>

namespace mysqlsync::ui {

class StateIcon {
public:
    // `paused`: sync paused by the user, shown instead of the state.
    static QIcon icon(SyncState state, bool paused = false);
    // The file name stem of the state's icon ("in-sync", ..., "paused").
    static QString name(SyncState state, bool paused = false);
    static const QList<int> &sizes();
};

} // namespace mysqlsync::ui
