#pragma once
// Starting mysql-sync-monitor (with --minimized) when the user logs in, the way each OS does it:
//   Linux/Unix  $XDG_CONFIG_HOME/autostart/mysql-sync-monitor.desktop (XDG autostart)
//   Windows     HKCU\Software\Microsoft\Windows\CurrentVersion\Run, value "mysql-sync-monitor"
//   macOS       ~/Library/LaunchAgents/io.github.mysql_sync.monitor.plist (RunAtLoad)
// The entry itself is the setting: isEnabled() looks at it, there is no copy in QSettings.
#include <QString>

namespace mysqlsync::ui {

class Autostart {
public:
    // `program`: the executable to start (default: this one).
    explicit Autostart(const QString &program = QString());

    bool isEnabled() const;
    // Writes or removes the entry. False with `error` naming the file or key and the reason.
    bool setEnabled(bool enabled, QString *error);
    // Where the entry lives on this OS (a file path, or the registry key and value).
    QString location() const;
    QString program() const { return m_program; }

    // The entries' contents, for every OS (so that each can be checked on any machine).
    static QString desktopEntry(const QString &program);
    static QString launchAgentPlist(const QString &program);
    static QString runCommand(const QString &program); // the Run value: "C:\...\x.exe" --minimized

    static const char *const kLaunchAgentLabel; // io.github.mysql_sync.monitor

private:
    QString m_program;
};

} // namespace mysqlsync::ui
