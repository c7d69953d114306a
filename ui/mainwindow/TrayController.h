#pragma once
// The tray icon: shows the state (StateIcon; the paused icon while sync is paused), has a
// menu (open, pause/resume sync, quit) and brings the window back when clicked. Where no
// system tray exists it says so once (unavailable()) and stays inactive: the window then
// behaves as a normal window (closing it quits).
#include "monitor/SyncState.h"

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace mysqlsync::ui {

class TrayController : public QObject {
    Q_OBJECT
public:
    // `trayAvailable`: QSystemTrayIcon::isSystemTrayAvailable() unless a test says otherwise.
    TrayController(QWidget *window, bool trayAvailable, QObject *parent = nullptr);
    ~TrayController() override;

    static bool systemTrayAvailable();
    // Shows the icon (or emits unavailable() once when there is no tray).
    void activate();
    bool isActive() const { return m_icon != nullptr; }
    SyncState state() const { return m_state; }
    void setState(SyncState state, const QString &detail = QString());
    // A desktop notification from the tray icon (nothing without one; isActive() tells).
    void notify(const QString &title, const QString &message, bool warning = true);
    // The last notify() message (shown or not: without a tray there is no balloon).
    QString lastNotification() const { return m_lastNotification; }
    // The menu's "Pause sync" / "Resume sync" entry (exists without a tray too).
    QAction *pauseAction() const { return m_pause; }

public Q_SLOTS:
    // The engine's state: the entry then offers the opposite. Disabled while no engine runs.
    void setPaused(bool paused);
    void setEngineRunning(bool running);

Q_SIGNALS:
    void unavailable(const QString &message);
    void quitRequested();
    void pauseRequested(bool paused);

private:
    void showWindow();

    QWidget *m_window;
    bool m_available;
    bool m_reported = false;
    QSystemTrayIcon *m_icon = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_pause;
    bool m_paused = false;
    SyncState m_state = SyncState::Disconnected;
    QString m_lastNotification;
};

} // namespace mysqlsync::ui
