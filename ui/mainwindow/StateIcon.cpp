#include "mainwindow/StateIcon.h"

#include "monitor/UiLogging.h"

#include <QFile>
#include <QHash>

namespace mysqlsync::ui {

QString StateIcon::name(SyncState state, bool paused)
{
    if (paused)
        return QStringLiteral("paused");
    switch (state) {
    case SyncState::InSync:
        return QStringLiteral("in-sync");
    case SyncState::Syncing:
        return QStringLiteral("syncing");
    case SyncState::RemoteOffline:
        return QStringLiteral("remote-offline");
    case SyncState::Error:
        return QStringLiteral("error");
    case SyncState::Disconnected:
        return QStringLiteral("disconnected");
    }
    return QStringLiteral("disconnected");
}

const QList<int> &StateIcon::sizes()
{
    static const QList<int> list{16, 22, 24, 32, 48};
    return list;
}

QIcon StateIcon::icon(SyncState state, bool paused)
{
    // Built once per state: the window and the tray ask again on every state check.
    static QHash<QString, QIcon> built;
    const QString stem = name(state, paused);
    auto it = built.constFind(stem);
    if (it != built.constEnd())
        return it.value();
    QIcon icon;
    for (int size : sizes()) {
        const QString file = QStringLiteral(":/icons/state/%1-%2.png").arg(stem).arg(size);
        if (QFile::exists(file))
            icon.addFile(file, QSize(size, size));
        else
            qCWarning(lcUi).noquote() << "missing state icon" << file;
    }
    built.insert(stem, icon);
    return icon;
}

} // namespace mysqlsync::ui
