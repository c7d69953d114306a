#include "monitor/ConnectionChecks.h"

#include "database/Catalog.h"
#include "database/DbConnection.h"
#include "database/EngineTables.h"
#include "monitor/UiLogging.h"
#include "mqtt/MqttClient.h"
#include "security/TlsProbe.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <memory>

namespace mysqlsync::ui {

ConnectionCheckResult ConnectionChecks::database(const MysqlConfig &config)
{
    static QAtomicInteger<int> counter;
    ConnectionCheckResult result;
    DbConnection connection(config, QStringLiteral("mysql-sync-ui-check-%1").arg(counter.fetchAndAddRelaxed(1)));
    QString error;
    if (!connection.open(&error)) {
        result.message = error;
        qCInfo(lcUiConfig).noquote() << "database test failed:" << error;
        return result;
    }
    result.ok = true;
    result.serverVersion = connection.serverVersion();
    result.tables = Catalog::tableNames(connection.db(), &result.tablesError);
    QStringList userTables = result.tables; // the engine's own tables are never mapped or filtered
    userTables.removeIf([](const QString &table) { return isEngineTable(table); });
    QStringList problems; // tables the engine could not sync (no primary key, ...): listed all the same
    if (result.tablesError.isEmpty() && !Catalog::load(connection.db(), userTables, &result.catalog, &problems))
        qCDebug(lcUiConfig).noquote() << "catalogue:" << problems.join(QStringLiteral("; "));
    // A PostgreSQL site's tables are those of its schema (the session's search_path).
    const QString where =
        config.postgres ? config.postgres->database + QLatin1Char('.') + config.postgres->schema : config.database;
    result.message = QCoreApplication::translate("ConnectionChecks", "Connected to %1, server %2; %n table(s) in %3.",
                                                 nullptr, int(result.tables.size()))
                         .arg(connection.description(), result.serverVersion, where);
    if (!result.tablesError.isEmpty())
        result.message += QLatin1Char(' ') + result.tablesError;
    qCInfo(lcUiConfig).noquote() << "database test:" << result.message;
    return result;
}

ConnectionCheckResult ConnectionChecks::broker(const MqttConfig &config, const QString &clientName, int timeoutMs)
{
    ConnectionCheckResult result;
    MqttConfig test = config;
    // Never the engine's client id: the broker would disconnect the running engine.
    test.clientId = QStringLiteral("mysql-sync-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    test.connectTimeoutMs = std::clamp(config.connectTimeoutMs, 1000, timeoutMs);
    const QString name = clientName.isEmpty() ? QStringLiteral("test") : clientName;
    std::unique_ptr<MqttClient> client;
    try {
        client = std::make_unique<MqttClient>(test, name, QStringList(), QByteArray());
    } catch (const std::exception &e) {
        result.message = tr("Cannot use the broker address %1: %2").arg(test.uri(), QString::fromUtf8(e.what()));
        return result;
    }
    QEventLoop loop; // this worker thread's own loop: MqttClient reports through queued calls
    bool answered = false;
    QObject::connect(client.get(), &MqttClient::ready, &loop, [&] {
        answered = true;
        result.ok = true;
        result.message = test.username.isEmpty()
            ? tr("Connected to the broker %1.").arg(client->brokerDescription())
            : tr("Connected to the broker %1 as %2.").arg(client->brokerDescription(), test.username);
        loop.quit();
    });
    QObject::connect(client.get(), &MqttClient::down, &loop, [&](const QString &reason) {
        if (answered)
            return;
        answered = true;
        result.message = tr("Broker %1: %2").arg(client->brokerDescription(), reason);
        loop.quit();
    });
    QTimer::singleShot(test.connectTimeoutMs + 2000, &loop, [&] {
        if (answered)
            return;
        result.message = tr("Broker %1: no answer within %2 s (check mqttConfig.host, mqttConfig.port and the "
                            "firewall)")
                             .arg(client->brokerDescription())
                             .arg((test.connectTimeoutMs + 2000) / 1000);
        loop.quit();
    });
    QElapsedTimer clock;
    clock.start();
    client->start();
    loop.exec();
    const qint64 waited = clock.elapsed();
    client->stop(QByteArray(), 2000);
    if (!result.ok && !result.message.contains(QLatin1String("refused the connection"))
        && !result.message.contains(QLatin1String("over TLS"))) {
        // Paho only says the connection failed: TlsProbe's TCP step tells whether anything listens there.
        TlsProbeOptions probe;
        probe.host = test.host;
        probe.port = test.port > 0                    ? test.port
            : test.protocol == QLatin1String("mqtts") ? 8883
            : test.protocol == QLatin1String("wss")   ? 443
            : test.protocol == QLatin1String("ws")    ? 80
                                                      : 1883;
        probe.timeoutMs = 1500;
        QString why;
        if (TlsProbe::probe(probe, &why) == TlsProbe::Result::Unreachable)
            result.message = tr("Broker %1: %2 (is the broker running, and are mqttConfig.host and mqttConfig.port "
                                "right?)")
                                 .arg(client->brokerDescription(), why);
        else if (waited >= test.connectTimeoutMs - 100)
            result.message = tr("Broker %1: %2:%3 accepts connections but did not answer as an MQTT broker within "
                                "%4 s (is it the broker's port? A TLS port needs mqttConfig.protocol mqtts)")
                                 .arg(client->brokerDescription(), probe.host)
                                 .arg(probe.port)
                                 .arg(test.connectTimeoutMs / 1000.0);
    }
    qCInfo(lcUiConfig).noquote() << "broker test:" << result.message;
    return result;
}

} // namespace mysqlsync::ui
