#pragma once
// The icon of a SyncState (tray and window): a coloured disc with a symbol, drawn with
// QPainter so that it needs no image files.
#include "SyncState.h"

#include <QColor>
#include <QIcon>

namespace mysqlsync::ui {

class StateIcon {
public:
    static QIcon icon(SyncState state);
    static QColor color(SyncState state);
};

} // namespace mysqlsync::ui
