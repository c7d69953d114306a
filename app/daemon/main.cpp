// mysql-sync: the headless daemon.
#include "ConfigCheck.h"
#include "ConflictCommands.h"
#include "FeedCommand.h"
#include "LoadCommand.h"
#include "LogHandler.h"
#include "SetupBroker.h"
#include "SignalWatcher.h"
#include "VerifyCommand.h"

#include "OpsEndpoints.h"
#include "common/Logging.h"
#include "config/Config.h"
#include "engine/ThreadedEngine.h"
#include "feed/FeedService.h"
#include "security/SecretResolver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <memory>

using namespace mysqlsync;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mysql-sync"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MYSQL_SYNC_VERSION));
    installLogHandler();
    if (argc > 1 && QByteArray(argv[1]) == "setup-broker")
        return runSetupBroker(QCoreApplication::arguments());
    if (argc > 1 && (QByteArray(argv[1]) == "conflicts" || QByteArray(argv[1]) == "settle"))
        return runConflictCommand(QCoreApplication::arguments());
    if (argc > 1 && QByteArray(argv[1]) == "load")
        return runLoadCommand(QCoreApplication::arguments());
    if (argc > 1 && QByteArray(argv[1]) == "verify")
        return runVerifyCommand(QCoreApplication::arguments());
    if (argc > 1 && QByteArray(argv[1]) == "feed")
        return runFeedCommand(QCoreApplication::arguments());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Keeps MySQL/MariaDB tables in sync between sites over an MQTT broker.\n"
                       "Wire-compatible with the earlier TypeScript mysql-sync and its configuration file."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption
        check(QStringLiteral("check"),
              QStringLiteral(
                  "Validate the configuration, connect to the database and the broker, verify the tables and "
                  "print the plan without changing anything. Exit status 0 or 1."));
    QCommandLineOption logLevel(QStringLiteral("log-level"),
                                QStringLiteral("error, warn, info, debug or trace (overrides loggingLevel)."),
                                QStringLiteral("level"));
    parser.addOption(check);
    parser.addOption(logLevel);
    parser.addPositionalArgument(QStringLiteral("configuration.json"), QStringLiteral("The configuration file."));
    parser.addPositionalArgument(
        QStringLiteral("setup-broker"),
        QStringLiteral("mysql-sync setup-broker --out DIR --broker-host HOST[,HOST…] --clients NAME[,NAME…] "
                       "[--days N] [--port P]: writes a CA, certificates, a Mosquitto password file, ACL and "
                       "mosquitto.conf and one configuration per site (setup-broker --help)."),
        QStringLiteral("[setup-broker …]"));
    parser.addPositionalArgument(
        QStringLiteral("conflicts"),
        QStringLiteral("mysql-sync conflicts CONFIG [--all]: lists the open (or all) conflicts of sync_conflicts; "
                       "mysql-sync settle CONFIG ID keep-local|take-remote|edit JSON: settles one, also while the "
                       "engine runs (it sends the row to every site)."),
        QStringLiteral("[conflicts|settle …]"));
    parser.addPositionalArgument(
        QStringLiteral("load"),
        QStringLiteral("mysql-sync load CONFIG TABLE REMOTE|--all: loads a sync table into a remote again from its "
                       "first key; mysql-sync load CONFIG --status: how far each initial load got."),
        QStringLiteral("[load …]"));
    parser.addPositionalArgument(
        QStringLiteral("verify"),
        QStringLiteral("mysql-sync verify [--table NAME] [--remote NAME] [--repair] CONFIG: compares the sync tables "
                       "with each remote's copy (through the running engine); --repair makes the remotes' copies "
                       "equal to this site's, then verifies again. mysql-sync verify --status CONFIG: the latest "
                       "verifications."),
        QStringLiteral("[verify …]"));
    parser.addPositionalArgument(QStringLiteral("feed"),
                                 QStringLiteral("mysql-sync feed CONFIG: a feed server of its own, fed from the broker "
                                                "by the site's engine (feed.publishStream), serving WebSocket "
                                                "clients on feed.listen."),
                                 QStringLiteral("[feed …]"));
    parser.process(app);

    QTextStream err(stderr);
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1) {
        err << "mysql-sync: expected one configuration file (see --help)\n";
        return 2;
    }
    Config config;
    QString error;
    if (!ConfigLoader::load(args.first(), &config, &error)) {
        err << "mysql-sync: " << error << "\n";
        return 1;
    }
    // Never pretend: a database this build cannot run on is refused before anything connects.
    error = unsupportedDatabaseReason(config);
    if (!error.isEmpty()) {
        err << "mysql-sync: " << error << "\n";
        return 1;
    }
    // Passwords given by reference (keychain, environment, file) are read before anything connects.
    if (!SecretResolver::resolve(&config, &error)) {
        err << "mysql-sync: " << error << "\n";
        return 1;
    }
    const QString level = parser.isSet(logLevel) ? parser.value(logLevel) : config.loggingLevel;
    if (!applyLoggingLevel(level)) {
        err << "mysql-sync: --log-level: expected error, warn, info, debug or trace, got \"" << level << "\"\n";
        return 2;
    }
    if (parser.isSet(check))
        return runCheck(config);

    // The live feed (optional) listens before the engine starts, so that no change is missed.
    std::shared_ptr<FeedService> feed;
    if (config.feed.enabled) {
        feed = std::make_shared<FeedService>(config);
        if (!feed->start(&error)) {
            err << "mysql-sync: the feed cannot start: " << error << "\n";
            return 1;
        }
    }

    int exitCode = 0;
    auto engine = std::make_unique<ThreadedEngine>();
    engine->setRowChangeSink(feed);
    // GET /metrics and /healthz (optional), following the engine's reports from its start.
    std::unique_ptr<OpsEndpoints> ops;
    if (config.httpPort > 0) {
        ops = std::make_unique<OpsEndpoints>(config, engine.get());
        ops->metrics().addGauge(QStringLiteral("mysql_sync_feed_clients"),
                                QStringLiteral("WebSocket connections open to the live feed (0 without a feed)"),
                                [feed] { return feed ? double(feed->clients()) : 0.0; });
        if (!ops->start(&error)) {
            err << "mysql-sync: http.listen: " << error << "\n";
            return 1;
        }
    }
    QObject::connect(engine.get(), &Engine::fatalError, &app, [&](const QString &message) {
        err << "mysql-sync: " << message << "\n";
        err.flush();
        exitCode = 1;
        app.quit();
    });
    QObject::connect(engine.get(), &Engine::stopped, &app, [&] { app.quit(); });
    SignalWatcher watcher;
    bool stopping = false;
    QObject::connect(&watcher, &SignalWatcher::stopRequested, &app, [&](int sig) {
        if (stopping)
            return;
        stopping = true;
        qCInfo(lcEngine) << "signal" << sig << "received: stopping";
        engine->stop();
    });
    engine->start(config);
    app.exec();
    ops.reset();
    engine.reset(); // stops the engine (if still running) and joins its thread
    feed.reset();   // after the engine: nothing tells it of changes any more
    return exitCode;
}
