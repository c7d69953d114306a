#include "FeedCommand.h"

#include "SignalWatcher.h"
#include "common/Logging.h"
#include "config/Config.h"
#include "feed/FeedStandalone.h"
#include "security/SecretResolver.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace mysqlsync;

namespace {
const char kUsage[] = "usage: mysql-sync feed [--log-level LEVEL] CONFIG\n"
                      "Runs a feed server of its own: it takes the changes of the site CONFIG names (clientName) from\n"
                      "the broker (the site's engine runs with feed.publishStream) and serves them to WebSocket\n"
                      "clients on feed.listen. Stops on SIGINT or SIGTERM.\n";
} // namespace

int runFeedCommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    QStringList args = arguments.mid(2); // mysql-sync feed ...
    QString level;
    QString path;
    while (!args.isEmpty()) {
        const QString a = args.takeFirst();
        if (a == QLatin1String("--log-level") && !args.isEmpty()) {
            level = args.takeFirst();
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            err << kUsage;
            return 0;
        } else if (a.startsWith(QLatin1String("--")) || !path.isEmpty()) {
            err << "mysql-sync feed: unexpected argument " << a << "\n" << kUsage;
            return 2;
        } else {
            path = a;
        }
    }
    if (path.isEmpty()) {
        err << "mysql-sync feed: the configuration file is missing\n" << kUsage;
        return 2;
    }
    Config config;
    QString error;
    if (!ConfigLoader::load(path, &config, &error) || !SecretResolver::resolve(&config, &error)) {
        err << "mysql-sync feed: " << error << "\n";
        return 1;
    }
    if (!config.feed.enabled) {
        err << "mysql-sync feed: " << path << " has no `feed` section: nothing to serve\n";
        return 1;
    }
    if (level.isEmpty())
        level = config.loggingLevel;
    if (!applyLoggingLevel(level)) {
        err << "mysql-sync feed: --log-level: expected error, warn, info, debug or trace, got \"" << level << "\"\n";
        return 2;
    }
    FeedStandalone feed(config);
    if (!feed.start(&error)) {
        err << "mysql-sync feed: the feed cannot start: " << error << "\n";
        return 1;
    }
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::stopRequested, QCoreApplication::instance(), [](int sig) {
        qCInfo(lcFeed) << "signal" << sig << "received: stopping";
        QCoreApplication::quit();
    });
    return QCoreApplication::exec();
}
