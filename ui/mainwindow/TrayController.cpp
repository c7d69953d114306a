#include "mainwindow/TrayController.h"

#include "mainwindow/StateIcon.h"
#include "monitor/UiLogging.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

namespace mysqlsync::ui {

TrayController::TrayController(QWidget *window, bool trayAvailable, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_available(trayAvailable)
    , m_pause(new QAction(pauseCommandText(false), this))
{
    m_pause->setEnabled(false);
    connect(m_pause, &QAction::triggered, this, [this] { Q_EMIT pauseRequested(!m_paused); });
}

void TrayController::setPaused(bool paused)
{
    const bool changed = paused != m_paused;
    m_paused = paused;
    m_pause->setText(pauseCommandText(paused));
    if (m_icon && changed)
        m_icon->setIcon(StateIcon::icon(m_state, m_paused));
}

void TrayController::setEngineRunning(bool running)
{
    m_pause->setEnabled(running);
}

TrayController::~TrayController()
{
    delete m_icon;
    delete m_menu;
}

bool TrayController::systemTrayAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayController::activate()
{
    if (m_icon)
        return;
    if (!m_available) {
        if (!m_reported) {
            m_reported = true;
            const QString message = tr("No system tray is available: mysql-sync-monitor runs as a normal window, "
                                       "and closing the window quits it.");
            qCWarning(lcUiTray).noquote() << message;
            Q_EMIT unavailable(message);
        }
        return;
    }
    m_menu = new QMenu;
    m_menu->addAction(tr("Open"), this, &TrayController::showWindow);
    m_menu->addAction(m_pause);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &TrayController::quitRequested);
    m_icon = new QSystemTrayIcon(StateIcon::icon(m_state, m_paused));
    m_icon->setContextMenu(m_menu);
    m_icon->setToolTip(tr("mysql-sync: %1").arg(syncStateText(m_state)));
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            showWindow();
    });
    m_icon->show();
    qCInfo(lcUiTray) << "tray icon shown";
}

void TrayController::setState(SyncState state, const QString &detail)
{
    const bool changed = state != m_state;
    m_state = state;
    if (!m_icon)
        return;
    if (changed)
        m_icon->setIcon(StateIcon::icon(state, m_paused));
    QString tip = tr("mysql-sync: %1").arg(syncStateText(state));
    if (!detail.isEmpty())
        tip += QLatin1Char('\n') + detail;
    m_icon->setToolTip(tip);
}

void TrayController::notify(const QString &title, const QString &message, bool warning)
{
    m_lastNotification = message;
    if (m_icon && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(title, message, warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
}

void TrayController::showWindow()
{
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

} // namespace mysqlsync::ui
