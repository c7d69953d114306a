#include "monitor/Autostart.h"

#include "monitor/UiLogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace mysqlsync::ui {

const char *const Autostart::kLaunchAgentLabel = "io.github.mysql_sync.monitor";

#if defined(Q_OS_WIN)
static const char *const kRunKey = "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
static const char *const kRunValue = "mysql-sync-monitor";
#else
static QString entryFile()
{
#if defined(Q_OS_MACOS)
    return QDir::homePath() + QStringLiteral("/Library/LaunchAgents/") + QLatin1String(Autostart::kLaunchAgentLabel)
        + QStringLiteral(".plist");
#else
    // Honours XDG_CONFIG_HOME (default ~/.config).
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart/mysql-sync-monitor.desktop");
#endif
}

static bool writeFile(const QString &path, const QString &text, QString *error)
{
    const QString dir = QFileInfo(path).path();
    if (!QDir().mkpath(dir)) {
        *error =
            QCoreApplication::translate("Autostart", "Cannot create the folder %1.").arg(QDir::toNativeSeparators(dir));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = QCoreApplication::translate("Autostart", "Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}
#endif

Autostart::Autostart(const QString &program)
    : m_program(program.isEmpty() ? QCoreApplication::applicationFilePath() : program)
{ }

QString Autostart::location() const
{
#if defined(Q_OS_WIN)
    return QLatin1String(kRunKey) + QLatin1Char('\\') + QLatin1String(kRunValue);
#else
    return entryFile();
#endif
}

bool Autostart::isEnabled() const
{
#if defined(Q_OS_WIN)
    return QSettings(QLatin1String(kRunKey), QSettings::NativeFormat).contains(QLatin1String(kRunValue));
#else
    return QFileInfo::exists(entryFile());
#endif
}

bool Autostart::setEnabled(bool enabled, QString *error)
{
#if defined(Q_OS_WIN)
    QSettings run(QLatin1String(kRunKey), QSettings::NativeFormat);
    if (enabled)
        run.setValue(QLatin1String(kRunValue), runCommand(m_program));
    else
        run.remove(QLatin1String(kRunValue));
    run.sync();
    if (run.status() != QSettings::NoError) {
        *error = QCoreApplication::translate("Autostart", "Cannot change the registry key %1.").arg(location());
        return false;
    }
#else
    const QString path = entryFile();
    if (enabled) {
#if defined(Q_OS_MACOS)
        const QString text = launchAgentPlist(m_program);
#else
        const QString text = desktopEntry(m_program);
#endif
        if (!writeFile(path, text, error))
            return false;
    } else if (QFileInfo::exists(path) && !QFile::remove(path)) {
        *error = QCoreApplication::translate("Autostart", "Cannot remove %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
#endif
    qCInfo(lcUi).noquote() << (enabled ? "autostart at login on:" : "autostart at login off:") << location();
    return true;
}

// An argument of a desktop entry's Exec key: quoted when it has a reserved character, with
// `"`, `` ` ``, `$` and `\` escaped inside the quotes, then `\` escaped again for the string value.
static QString desktopExecArgument(const QString &argument)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    bool quote = argument.isEmpty();
    for (QChar c : argument)
        quote = quote || reserved.contains(c);
    if (!quote)
        return argument;
    QString quoted;
    for (QChar c : argument) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') || c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\');
        quoted += c;
    }
    quoted = QLatin1Char('"') + quoted + QLatin1Char('"');
    return quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
}

QString Autostart::desktopEntry(const QString &program)
{
    return QStringLiteral("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=MySQL Sync Monitor\n"
                          "Comment=Starts the mysql-sync monitor in the system tray at login\n"
                          "Exec=%1 --minimized\n"
                          "Icon=mysql-sync\n"
                          "Terminal=false\n"
                          "X-GNOME-Autostart-enabled=true\n")
        .arg(desktopExecArgument(program));
}

QString Autostart::launchAgentPlist(const QString &program)
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                          "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                          "<plist version=\"1.0\">\n"
                          "<dict>\n"
                          "  <key>Label</key>\n"
                          "  <string>%1</string>\n"
                          "  <key>ProgramArguments</key>\n"
                          "  <array>\n"
                          "    <string>%2</string>\n"
                          "    <string>--minimized</string>\n"
                          "  </array>\n"
                          "  <key>RunAtLoad</key>\n"
                          "  <true/>\n"
                          "  <key>ProcessType</key>\n"
                          "  <string>Interactive</string>\n"
                          "</dict>\n"
                          "</plist>\n")
        .arg(QLatin1String(kLaunchAgentLabel), program.toHtmlEscaped());
}

QString Autostart::runCommand(const QString &program)
{
    return QLatin1Char('"') + QDir::toNativeSeparators(program) + QStringLiteral("\" --minimized");
}

} // namespace mysqlsync::ui
