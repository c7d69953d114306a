// mysql-sync-monitor: the desktop administration and sync-monitor app.
#include "mainwindow/MainWindow.h"
#include "mainwindow/TrayController.h"
#include "monitor/Language.h"
#include "monitor/UiLogging.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

using namespace mysqlsync::ui;

namespace {
// The command line, built after the catalogues are installed so that --help is translated.
struct CommandLine {
    QCommandLineParser parser;
    QCommandLineOption minimized{QStringLiteral("minimized"),
                                 QCoreApplication::translate("main",
                                                             "Start hidden in the system tray (where there is one).")};
    QCommandLineOption
        tab{QStringLiteral("tab"),
            QCoreApplication::translate("main",
                                        "Open on this tab: overview, clients, status, conflicts, consistency, errors, "
                                        "configuration, transformers or feed (shown when the configuration has a "
                                        "feed section)."),
            QStringLiteral("name")};

    CommandLine()
    {
        parser.setApplicationDescription(
            QCoreApplication::
                translate("main",
                          "Runs and monitors mysql-sync for one site: connections, clients, sync status, errors and "
                          "configuration, with a tray icon."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(minimized);
        parser.addOption(tab);
        parser.addPositionalArgument(QStringLiteral("configuration.json"),
                                     QCoreApplication::
                                         translate("main",
                                                   "The configuration file (default: the last one used; without one, a "
                                                   "first-run page creates it)."),
                                     QStringLiteral("[configuration.json]"));
    }
};
} // namespace

int main(int argc, char *argv[])
{
    QApplication::setOrganizationName(QStringLiteral("mysql-sync"));
    QApplication::setApplicationName(QStringLiteral("mysql-sync-monitor"));
    QApplication::setApplicationVersion(QStringLiteral(MYSQL_SYNC_VERSION));

    // --help and --version work without a display: they are answered by a QCoreApplication
    // (which has the catalogues, so --help speaks the user's language) before QApplication exists.
    {
        QCoreApplication core(argc, argv);
        Language::install();
        CommandLine line;
        if (line.parser.parse(QCoreApplication::arguments())) {
            if (line.parser.isSet(QStringLiteral("version"))) {
                printf("mysql-sync-monitor %s\n", MYSQL_SYNC_VERSION);
                return 0;
            }
            if (line.parser.isSet(QStringLiteral("help"))) {
                printf("%s", qPrintable(line.parser.helpText()));
                return 0;
            }
        }
    }
    QApplication app(argc, argv);
    Language::install();
    CommandLine line;
    QCommandLineParser &parser = line.parser;
    const QCommandLineOption &minimized = line.minimized;
    const QCommandLineOption &tab = line.tab;
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() > 1) {
        fprintf(stderr, "%s\n",
                qPrintable(QApplication::translate("main",
                                                   "mysql-sync-monitor: expected at most one "
                                                   "configuration file (see --help)")));
        return 2;
    }

    MainWindow window(TrayController::systemTrayAvailable());
    QString path = args.isEmpty() ? MainWindow::lastConfiguration() : args.first();
    if (!path.isEmpty() && QFileInfo::exists(path))
        window.openConfiguration(path);
    else // no configuration yet (or it is gone): the first-run page creates one, at `path` if one was named
        window.showFirstRun(args.isEmpty() ? QString() : path);
    if (parser.isSet(tab) && !window.showTab(parser.value(tab))) {
        fprintf(stderr, "%s\n",
                qPrintable(QApplication::translate("main",
                                                   "mysql-sync-monitor: --tab: expected one "
                                                   "of %1")
                               .arg(MainWindow::tabNames().join(QStringLiteral(", ")))));
        return 2;
    }
    // Minimized only with a tray to come back from, and not while there is nothing to run yet.
    if (!(parser.isSet(minimized) && window.tray()->isActive() && !window.isFirstRunShown()))
        window.show();
    return app.exec();
}
