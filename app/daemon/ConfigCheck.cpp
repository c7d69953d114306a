#include "ConfigCheck.h"

#include "VerifyRuns.h"

#include "config/Config.h"
#include "database/Catalog.h"
#include "database/DbConnection.h"
#include "database/EngineLock.h"
#include "database/FeedCheck.h"
#include "database/LoadStore.h"
#include "database/MappingCheck.h"
#include "database/Schema.h"
#include "database/SqlDialect.h"
#include "mqtt/MqttClient.h"
#include "protocol/Messages.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

using namespace mysqlsync;

namespace {

constexpr int kAgreementMs = 300000; // every comparison of --check finishes within this

bool checkDatabase(const Config &config, QTextStream &out)
{
    DbConnection db(config.siteDatabase(), QStringLiteral("mysql-sync-check"));
    QString error;
    if (!db.open(&error)) {
        out << "database: FAILED: " << error << "\n";
        return false;
    }
    out << "database: connected to " << db.description() << " (" << db.serverVersion() << ")\n";
    const QStringList tables = config.configuredTables();
    QHash<QString, TableInfo> catalog;
    QStringList problems;
    bool ok = Catalog::load(db.db(), tables, &catalog, &problems);
    const QStringList mapping = MappingCheck::problems(config, catalog);
    problems += mapping;
    ok = ok && mapping.isEmpty();
    for (const QString &t : tables) {
        const TableInfo info = catalog.value(t);
        if (info.primaryKey >= 0)
            out << "  table `" << t << "`: " << info.columns.size() << " columns, primary key `" << info.key().name
                << "`"
                << (config.isBidirectional(t)           ? " (bidirectional)"
                        : config.syncTables.contains(t) ? " (sync)"
                                                        : " (receive)")
                << "\n";
    }
    if (config.feed.enabled) {
        // FeedCheck names each missing table with its key; Catalog::load's lines would repeat it.
        QHash<QString, TableInfo> feedCatalog;
        QStringList unused;
        Catalog::load(db.db(), FeedCheck::tables(config.feed), &feedCatalog, &unused);
        const QStringList feed = FeedCheck::problems(config, feedCatalog);
        problems += feed;
        ok = ok && feed.isEmpty();
        if (feed.isEmpty())
            out << "  feed: "
                << (config.feed.jwt ? QStringLiteral("signed tokens (HS256)")
                                    : QStringLiteral("tokens in `%1`").arg(config.feed.tokenTable))
                << ", " << config.feed.routing.size() << " routed table(s), listening on " << config.feed.host << ":"
                << config.feed.port << (config.feed.usesTls() ? " (TLS)" : "") << "\n";
    }
    for (const QString &p : problems)
        out << "  ERROR: " << p << "\n";
    if (!ok)
        return false;
    QList<TriggerPlan> plan;
    if (!Schema::triggerPlan(catalog, config.syncTables, &plan, &error, db.dialect())) {
        out << "  ERROR: " << error << "\n";
        return false;
    }
    out << "  would ensure tables table_changes and sync_status exist\n";
    out << "  would replace the mysqlSync* triggers with:\n";
    for (const TriggerPlan &t : plan)
        out << "    " << t.name << " AFTER " << t.event << " ON " << db.dialect().quoteIdentifier(t.table) << "\n";
    return true;
}

bool checkBroker(const Config &config, QTextStream &out)
{
    MqttConfig mqttConfig = config.mqtt;
    // Its own client id and no will: a check must not disturb a running engine.
    mqttConfig.clientId =
        (config.mqtt.clientId.isEmpty() ? QStringLiteral("mysql-sync-") + config.clientName : config.mqtt.clientId)
        + QStringLiteral("-check");
    MqttClient client(mqttConfig, config.clientName, {}, QByteArray());
    QEventLoop loop;
    QString failure;
    bool ready = false;
    QObject::connect(&client, &MqttClient::ready, &loop, [&] {
        ready = true;
        loop.quit();
    });
    QObject::connect(&client, &MqttClient::down, &loop, [&](const QString &reason) {
        failure = reason;
        loop.quit();
    });
    QTimer::singleShot(config.mqtt.connectTimeoutMs + 2000, &loop, [&] {
        failure = QStringLiteral("no answer within %1 ms").arg(config.mqtt.connectTimeoutMs);
        loop.quit();
    });
    client.start();
    loop.exec();
    if (!ready) {
        out << "broker: FAILED: " << client.brokerDescription() << ": " << failure << "\n";
        return false;
    }
    out << "broker: connected to " << client.brokerDescription() << "\n";
    client.stop(QByteArray(), 2000);
    out << "  would subscribe (QoS 1) to " << topics::info() << ", " << topics::infoFor(config.clientName) << ", "
        << topics::changeFor(config.clientName) << "\n";
    out << "  would publish changes on";
    for (const QString &r : config.remoteClients)
        out << " " << topics::changeFor(r);
    out << "\n  will message: connection_lost on " << topics::info() << "\n";
    return true;
}

// Seed 003's start-up check: whether each sync table agrees with each remote that is online
// and speaks the extension channel, compared (never changed) through the site's running
// engine. No engine, no comparison: said, and not a failure. A table that differs is one.
bool checkAgreement(const Config &config, QTextStream &out)
{
    if (config.syncTables.isEmpty() || config.remoteClients.isEmpty())
        return true;
    if (!config.extensions.enabled) {
        out << "tables: not compared with the remotes (extensions.enabled is false)\n";
        return true;
    }
    DbConnection db(config.siteDatabase(), QStringLiteral("mysql-sync-check"));
    QString error;
    qint64 holder = 0;
    if (!db.open(&error) || !EngineLock::holder(db.db(), config.clientName, &holder, &error)) {
        out << "tables: FAILED: " << error << "\n";
        return false;
    }
    if (holder == 0) {
        out << "tables: not compared with the remotes: no engine of " << config.clientName
            << " is running (the comparison runs through it: start it, then run --check again or mysql-sync "
               "verify)\n";
        return true;
    }
    out << "tables: compared with each remote through the running engine (nothing is changed):\n";
    QList<QPair<QString, QString>> pairs;
    for (const QString &table : config.syncTables) {
        for (const QString &remote : config.remoteClients) {
            bool loaded = false;
            if (!LoadStore::isDone(db.db(), table, remote, &loaded, &error)) {
                out << "  FAILED: " << error << "\n";
                return false;
            }
            if (loaded)
                pairs.append({table, remote});
            else
                out << "  " << table << " -> " << remote << ": not compared: its initial load has not finished\n";
        }
    }
    out.flush();
    QTextStream err(stderr);
    QList<VerifyRun> runs;
    if (!runAll(db, config, pairs, false, VerifyStore::requestedByCheck(), QDeadlineTimer(kAgreementMs), err, &runs)) {
        out << "  FAILED: the comparison did not finish within " << kAgreementMs / 1000
            << " s (mysql-sync verify --status shows how far it got)\n";
        return false;
    }
    bool agree = true;
    for (const VerifyRun &r : std::as_const(runs)) {
        if (r.state == VerifyRun::State::Failed)
            out << "  " << r.table << " -> " << r.remote << ": not compared: " << r.message << "\n";
        else
            print(out, r, QStringLiteral("  "));
        agree = agree && (r.state == VerifyRun::State::Failed || identical(r));
    }
    if (!agree)
        out << "  ERROR: a table differs from a remote's copy (mysql-sync verify --repair makes them equal)\n";
    return agree;
}

} // namespace

int runCheck(const Config &config)
{
    QTextStream out(stdout);
    out << "configuration: " << config.filePath << "\n";
    out << "client: " << config.clientName << ", remotes: " << config.remoteClients.join(QStringLiteral(", ")) << "\n";
    out << "queue directory: " << config.queueDirectory << "\n";
    const bool database = checkDatabase(config, out);
    out.flush();
    const bool broker = checkBroker(config, out);
    const bool agree = database && broker && checkAgreement(config, out);
    const bool passed = database && broker && agree;
    out << (passed ? "check passed\n" : "check FAILED\n");
    out.flush();
    return passed ? 0 : 1;
}
