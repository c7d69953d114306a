// tst_config: valid configurations (the earlier engine's file, defaults, values at the edges,
// path resolution, broker URIs, client names). The test class is in tst_config.h.
#include "tst_config.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace mysqlsync;
using namespace configtest;

namespace {

QString fieldValue(const Config &c, const QString &field)
{
    if (field == QStringLiteral("mqtt.host"))
        return c.mqtt.host;
    if (field == QStringLiteral("mqtt.port"))
        return QString::number(c.mqtt.port);
    if (field == QStringLiteral("mqtt.protocol"))
        return c.mqtt.protocol;
    if (field == QStringLiteral("mqtt.uri"))
        return c.mqtt.uri();
    if (field == QStringLiteral("mqtt.uris"))
        return c.mqtt.uris().join(QLatin1Char(' '));
    if (field == QStringLiteral("mqtt.path"))
        return c.mqtt.path;
    if (field == QStringLiteral("mqtt.keepalive"))
        return QString::number(c.mqtt.keepaliveSeconds);
    if (field == QStringLiteral("mqtt.clean"))
        return c.mqtt.clean ? QStringLiteral("true") : QStringLiteral("false");
    if (field == QStringLiteral("mqtt.reconnectPeriod"))
        return QString::number(c.mqtt.reconnectPeriodMs);
    if (field == QStringLiteral("mqtt.connectTimeout"))
        return QString::number(c.mqtt.connectTimeoutMs);
    if (field == QStringLiteral("mqtt.clientId"))
        return c.mqtt.clientId;
    if (field == QStringLiteral("mqtt.rejectUnauthorized"))
        return c.mqtt.tls.rejectUnauthorized ? QStringLiteral("true") : QStringLiteral("false");
    if (field == QStringLiteral("mysql.timezone"))
        return c.mysql.timezone;
    if (field == QStringLiteral("mysql.charset"))
        return c.mysql.charset;
    if (field == QStringLiteral("mysql.connectTimeout"))
        return QString::number(c.mysql.connectTimeoutMs);
    if (field == QStringLiteral("mysql.sslEnabled"))
        return c.mysql.sslEnabled ? QStringLiteral("true") : QStringLiteral("false");
    if (field == QStringLiteral("mysql.ssl.rejectUnauthorized"))
        return c.mysql.ssl.rejectUnauthorized ? QStringLiteral("true") : QStringLiteral("false");
    if (field == QStringLiteral("syncTables"))
        return c.syncTables.join(QLatin1Char('|'));
    if (field == QStringLiteral("receiveTables"))
        return c.receiveTables.join(QLatin1Char('|'));
    if (field == QStringLiteral("remoteClients"))
        return c.remoteClients.join(QLatin1Char('|'));
    if (field == QStringLiteral("clientName"))
        return c.clientName;
    if (field == QStringLiteral("checkInterval"))
        return QString::number(c.checkIntervalMs);
    if (field == QStringLiteral("loggingLevel"))
        return c.loggingLevel;
    if (field == QStringLiteral("captureInterval"))
        return QString::number(c.captureIntervalMs);
    if (field == QStringLiteral("batchSize"))
        return QString::number(c.batchSize);
    if (field == QStringLiteral("resendTimeout"))
        return QString::number(c.resendTimeoutMs);
    if (field == QStringLiteral("sendWindow"))
        return QString::number(c.sendWindow);
    if (field == QStringLiteral("transformTimeout"))
        return QString::number(c.transformTimeoutMs);
    qFatal("bad test data: unknown field %s", qPrintable(field));
    return {};
}

} // namespace

// ---------------------------------------------------------------------------
// Valid configurations
// ---------------------------------------------------------------------------

void TestConfig::earlierEngineConfig()
{
    const QString path = write(QByteArray(kEarlierEngineConfig));
    const QString dir = QDir(m_dir.path()).absolutePath();
    Config c;
    QString error = QStringLiteral("stale");
    QVERIFY2(ConfigLoader::load(path, &c, &error), qPrintable(error));
    QVERIFY(error.isEmpty());

    QCOMPARE(c.filePath, QFileInfo(path).absoluteFilePath());
    QCOMPARE(c.mqtt.host, QStringLiteral("broker.example.com"));
    QCOMPARE(c.mqtt.port, 8883);
    QCOMPARE(c.mqtt.protocol, QStringLiteral("mqtts"));
    QVERIFY(c.mqtt.usesTls());
    QCOMPARE(c.mqtt.username, QStringLiteral("site_a"));
    QCOMPARE(c.mqtt.password, QStringLiteral("mqtt-secret-4711"));
    QCOMPARE(c.mqtt.tls.ca, dir + QStringLiteral("/ca.crt"));
    QCOMPARE(c.mqtt.tls.cert, dir + QStringLiteral("/client.crt"));
    QCOMPARE(c.mqtt.tls.key, dir + QStringLiteral("/client.key"));
    QCOMPARE(c.mqtt.tls.rejectUnauthorized, true);
    QCOMPARE(c.mqtt.uri(), QStringLiteral("ssl://broker.example.com:8883"));
    QCOMPARE(c.mqtt.uris(), QStringList{QStringLiteral("ssl://broker.example.com:8883")});

    QCOMPARE(c.mysql.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(c.mysql.port, 3307);
    QCOMPARE(c.mysql.user, QStringLiteral("sync"));
    QCOMPARE(c.mysql.password, QStringLiteral("db-secret-0815"));
    QCOMPARE(c.mysql.database, QStringLiteral("shop"));
    QCOMPARE(c.mysql.sslEnabled, false);

    QCOMPARE(c.syncTables, (QStringList{QStringLiteral("items"), QStringLiteral("orders")}));
    QCOMPARE(c.receiveTables, (QStringList{QStringLiteral("items"), QStringLiteral("prices")}));
    QVERIFY(c.isBidirectional(QStringLiteral("items")));
    QVERIFY(!c.isBidirectional(QStringLiteral("orders")));
    QVERIFY(!c.isBidirectional(QStringLiteral("prices")));
    QCOMPARE(c.clientName, QStringLiteral("site_a"));
    QCOMPARE(c.remoteClients, (QStringList{QStringLiteral("site_b"), QStringLiteral("Site-C")}));
    QCOMPARE(c.queueDirectory, dir + QStringLiteral("/queue"));
    QCOMPARE(c.checkIntervalMs, 5000);
    QCOMPARE(c.loggingLevel, QStringLiteral("debug"));
    QCOMPARE(c.transformerDirectory, dir + QStringLiteral("/transformers"));
}

void TestConfig::defaults()
{
    const QByteArray json = R"({
        "mqttConfig": {},
        "mysqlConfig": { "database": "shop" },
        "syncTables": [],
        "receiveTables": [],
        "clientName": "ab",
        "remoteClients": [],
        "queueDirectory": "/var/lib/mysql-sync",
        "checkInterval": 1000
    })";
    Config c;
    QString error;
    QVERIFY2(ConfigLoader::parse(json, write(json), &c, &error), qPrintable(error));

    QCOMPARE(c.mqtt.host, QStringLiteral("localhost"));
    QCOMPARE(c.mqtt.port, 0);
    QCOMPARE(c.mqtt.protocol, QStringLiteral("mqtt"));
    QCOMPARE(c.mqtt.path, QStringLiteral("/mqtt"));
    QVERIFY(c.mqtt.username.isEmpty());
    QVERIFY(c.mqtt.password.isEmpty());
    QVERIFY(c.mqtt.clientId.isEmpty());
    QCOMPARE(c.mqtt.keepaliveSeconds, 60);
    QCOMPARE(c.mqtt.clean, true);
    QCOMPARE(c.mqtt.reconnectPeriodMs, 1000);
    QCOMPARE(c.mqtt.connectTimeoutMs, 30000);
    QVERIFY(c.mqtt.tls.ca.isEmpty() && c.mqtt.tls.cert.isEmpty() && c.mqtt.tls.key.isEmpty());
    QCOMPARE(c.mqtt.tls.rejectUnauthorized, true);
    QVERIFY(c.mqtt.servers.isEmpty());
    QVERIFY(!c.mqtt.usesTls());
    QCOMPARE(c.mqtt.uri(), QStringLiteral("tcp://localhost:1883"));

    QCOMPARE(c.mysql.host, QStringLiteral("localhost"));
    QCOMPARE(c.mysql.port, 3306);
    QVERIFY(c.mysql.user.isEmpty());
    QVERIFY(c.mysql.password.isEmpty());
    QVERIFY(c.mysql.socketPath.isEmpty());
    QCOMPARE(c.mysql.charset, QStringLiteral("utf8mb4"));
    QCOMPARE(c.mysql.timezone, QStringLiteral("local"));
    QCOMPARE(c.mysql.connectTimeoutMs, 10000);
    QCOMPARE(c.mysql.sslEnabled, false);

    QVERIFY(c.syncTables.isEmpty());
    QVERIFY(c.receiveTables.isEmpty());
    QVERIFY(c.remoteClients.isEmpty());
    QCOMPARE(c.queueDirectory, QStringLiteral("/var/lib/mysql-sync"));
    QCOMPARE(c.checkIntervalMs, 1000);
    QCOMPARE(c.loggingLevel, QStringLiteral("info"));
    QVERIFY(c.transformerDirectory.isEmpty());
    QCOMPARE(c.captureIntervalMs, 10);
    QCOMPARE(c.batchSize, 1000);
    QCOMPARE(c.resendTimeoutMs, 30000);
    QCOMPARE(c.sendWindow, 500);
    QCOMPARE(c.transformTimeoutMs, 2000);
}

// Values at the edges of what is allowed: key path, JSON value, field, expected field value.
void TestConfig::accepted_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");

    const QString t64(64, QLatin1Char('t'));
    QTest::newRow("table name of 64 characters")
        << "syncTables" << ("[\"" + t64.toUtf8() + "\"]") << "syncTables" << t64;
    QTest::newRow("table names not restricted otherwise")
        << "receiveTables" << QByteArray(R"(["Order Items", "prix-€", "a`b", "1"])") << QStringLiteral("receiveTables")
        << QStringLiteral("Order Items|prix-€|a`b|1");
    QTest::newRow("same table in both lists") << "receiveTables" << QByteArray(R"(["items"])") << "receiveTables"
                                              << "items";
    QTest::newRow("no remote clients") << "remoteClients" << QByteArray("[]") << "remoteClients"
                                       << "";
    QTest::newRow("client name of 32") << "clientName" << QByteArray(R"("abcdefghijklmnopqrstuvwxyz012345")")
                                       << "clientName"
                                       << "abcdefghijklmnopqrstuvwxyz012345";
    QTest::newRow("client name of 2") << "clientName" << QByteArray(R"("x-")") << "clientName"
                                      << "x-";
    QTest::newRow("checkInterval min") << "checkInterval" << QByteArray("10") << "checkInterval"
                                       << "10";
    QTest::newRow("checkInterval max") << "checkInterval" << QByteArray("86400000") << "checkInterval"
                                       << "86400000";
    QTest::newRow("checkInterval as 1e3") << "checkInterval" << QByteArray("1e3") << "checkInterval"
                                          << "1000";
    QTest::newRow("checkInterval as 2000.0") << "checkInterval" << QByteArray("2000.0") << "checkInterval"
                                             << "2000";
    for (const char *level : {"error", "warn", "info", "debug", "trace"})
        QTest::newRow(qPrintable(QStringLiteral("loggingLevel %1").arg(QLatin1String(level))))
            << "loggingLevel" << ("\"" + QByteArray(level) + "\"") << "loggingLevel" << level;
    QTest::newRow("captureInterval 1") << "captureInterval" << QByteArray("1") << "captureInterval"
                                       << "1";
    QTest::newRow("captureInterval 1000") << "captureInterval" << QByteArray("1000") << "captureInterval"
                                          << "1000";
    QTest::newRow("batchSize 1") << "batchSize" << QByteArray("1") << "batchSize"
                                 << "1";
    QTest::newRow("batchSize 100000") << "batchSize" << QByteArray("100000") << "batchSize"
                                      << "100000";
    QTest::newRow("resendTimeout 100") << "resendTimeout" << QByteArray("100") << "resendTimeout"
                                       << "100";
    QTest::newRow("resendTimeout 86400000") << "resendTimeout" << QByteArray("86400000") << "resendTimeout"
                                            << "86400000";
    QTest::newRow("sendWindow 1") << "sendWindow" << QByteArray("1") << "sendWindow"
                                  << "1";
    QTest::newRow("transformTimeout 10") << "transformTimeout" << QByteArray("10") << "transformTimeout"
                                         << "10";
    QTest::newRow("mqtt keepalive 0") << "mqttConfig.keepalive" << QByteArray("0") << "mqtt.keepalive"
                                      << "0";
    QTest::newRow("mqtt keepalive 65535") << "mqttConfig.keepalive" << QByteArray("65535") << "mqtt.keepalive"
                                          << "65535";
    QTest::newRow("mqtt clean false") << "mqttConfig.clean" << QByteArray("false") << "mqtt.clean"
                                      << "false";
    QTest::newRow("mqtt reconnectPeriod 0") << "mqttConfig.reconnectPeriod" << QByteArray("0") << "mqtt.reconnectPeriod"
                                            << "0";
    QTest::newRow("mqtt connectTimeout 1") << "mqttConfig.connectTimeout" << QByteArray("1") << "mqtt.connectTimeout"
                                           << "1";
    QTest::newRow("mqtt clientId") << "mqttConfig.clientId" << QByteArray(R"("mysql-sync-a")") << "mqtt.clientId"
                                   << "mysql-sync-a";
    QTest::newRow("mqtt rejectUnauthorized false")
        << "mqttConfig.rejectUnauthorized" << QByteArray("false") << "mqtt.rejectUnauthorized"
        << "false";
    QTest::newRow("mqtt port 1") << "mqttConfig.port" << QByteArray("1") << "mqtt.port"
                                 << "1";
    QTest::newRow("mqtt port 65535") << "mqttConfig.port" << QByteArray("65535") << "mqtt.port"
                                     << "65535";
    QTest::newRow("mqtt path") << "mqttConfig.path" << QByteArray(R"("/")") << "mqtt.path"
                               << "/";
    QTest::newRow("timezone Z") << "mysqlConfig.timezone" << QByteArray(R"("Z")") << "mysql.timezone"
                                << "Z";
    QTest::newRow("timezone local") << "mysqlConfig.timezone" << QByteArray(R"("local")") << "mysql.timezone"
                                    << "local";
    QTest::newRow("timezone +05:30") << "mysqlConfig.timezone" << QByteArray(R"("+05:30")") << "mysql.timezone"
                                     << "+05:30";
    QTest::newRow("timezone -12:00") << "mysqlConfig.timezone" << QByteArray(R"("-12:00")") << "mysql.timezone"
                                     << "-12:00";
    QTest::newRow("timezone +14:00") << "mysqlConfig.timezone" << QByteArray(R"("+14:00")") << "mysql.timezone"
                                     << "+14:00";
    QTest::newRow("charset") << "mysqlConfig.charset" << QByteArray(R"("UTF8MB4_UNICODE_CI")") << "mysql.charset"
                             << "UTF8MB4_UNICODE_CI";
    // The connection always speaks utf8mb4: any UTF-8 character set or collation name is accepted.
    QTest::newRow("charset utf8mb4") << "mysqlConfig.charset" << QByteArray(R"("utf8mb4")") << "mysql.charset"
                                     << "utf8mb4";
    QTest::newRow("charset UTF8_GENERAL_CI")
        << "mysqlConfig.charset" << QByteArray(R"("UTF8_GENERAL_CI")") << "mysql.charset"
        << "UTF8_GENERAL_CI";
    QTest::newRow("charset utf8") << "mysqlConfig.charset" << QByteArray(R"("utf8")") << "mysql.charset"
                                  << "utf8";
    QTest::newRow("charset utf8mb3") << "mysqlConfig.charset" << QByteArray(R"("utf8mb3")") << "mysql.charset"
                                     << "utf8mb3";
    QTest::newRow("mysql connectTimeout")
        << "mysqlConfig.connectTimeout" << QByteArray("2500") << "mysql.connectTimeout"
        << "2500";
    QTest::newRow("mysql ssl empty object") << "mysqlConfig.ssl" << QByteArray("{}") << "mysql.sslEnabled"
                                            << "true";
    QTest::newRow("mysql ssl rejectUnauthorized")
        << "mysqlConfig.ssl" << QByteArray(R"({"rejectUnauthorized": false})") << "mysql.ssl.rejectUnauthorized"
        << "false";
}

void TestConfig::accepted()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, value);
    QFETCH(QString, field);
    QFETCH(QString, expected);

    const QString path = write(patched(earlierEngineObject(), key, value));
    Config c;
    QString error;
    QVERIFY2(ConfigLoader::load(path, &c, &error), qPrintable(error));
    QCOMPARE(fieldValue(c, field), expected);
}

// Relative paths resolve against the configuration file's folder, not the working directory.
void TestConfig::pathResolution_data()
{
    QTest::addColumn<QString>("configName"); // relative to the temporary directory
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected"); // %DIR% is the temporary directory

    QTest::newRow("queue relative") << "config.json"
                                    << "queueDirectory"
                                    << "queue"
                                    << "%DIR%/queue";
    QTest::newRow("queue dot") << "config.json"
                               << "queueDirectory"
                               << "."
                               << "%DIR%";
    QTest::newRow("queue cleaned") << "config.json"
                                   << "queueDirectory"
                                   << "./a/../q//x/"
                                   << "%DIR%/q/x";
    QTest::newRow("queue up") << "sub/config.json"
                              << "queueDirectory"
                              << "../queue"
                              << "%DIR%/queue";
    QTest::newRow("queue absolute") << "sub/config.json"
                                    << "queueDirectory"
                                    << "/var/lib/sync/"
                                    << "/var/lib/sync";
    QTest::newRow("transformers relative") << "sub/config.json"
                                           << "transformerDirectory"
                                           << "js"
                                           << "%DIR%/sub/js";
    QTest::newRow("transformers absolute") << "config.json"
                                           << "transformerDirectory"
                                           << "/opt/t"
                                           << "/opt/t";
    QTest::newRow("socket relative") << "sub/config.json"
                                     << "mysqlConfig.socketPath"
                                     << "run/mysqld.sock"
                                     << "%DIR%/sub/run/mysqld.sock";
    QTest::newRow("socket absolute") << "config.json"
                                     << "mysqlConfig.socketPath"
                                     << "/run/mysqld/mysqld.sock"
                                     << "/run/mysqld/mysqld.sock";
    QTest::newRow("mqtt ca relative") << "config.json"
                                      << "mqttConfig.ca"
                                      << "certs/db-ca.pem"
                                      << "%DIR%/certs/db-ca.pem";
    QTest::newRow("mqtt ca up") << "sub/config.json"
                                << "mqttConfig.ca"
                                << "../ca.crt"
                                << "%DIR%/ca.crt";
    QTest::newRow("mqtt ca absolute") << "sub/config.json"
                                      << "mqttConfig.ca"
                                      << "%DIR%/certs/../ca.crt"
                                      << "%DIR%/ca.crt";
    QTest::newRow("mqtt cert") << "sub/config.json"
                               << "mqttConfig.cert"
                               << "../certs/db-cert.pem"
                               << "%DIR%/certs/db-cert.pem";
    QTest::newRow("mqtt key") << "sub/config.json"
                              << "mqttConfig.key"
                              << "../certs/db-key.pem"
                              << "%DIR%/certs/db-key.pem";
    QTest::newRow("mysql ssl ca") << "config.json"
                                  << "mysqlConfig.ssl.ca"
                                  << "certs/db-ca.pem"
                                  << "%DIR%/certs/db-ca.pem";
    QTest::newRow("mysql ssl cert") << "sub/config.json"
                                    << "mysqlConfig.ssl.cert"
                                    << "../certs/db-cert.pem"
                                    << "%DIR%/certs/db-cert.pem";
    QTest::newRow("mysql ssl key") << "config.json"
                                   << "mysqlConfig.ssl.key"
                                   << "./certs/db-key.pem"
                                   << "%DIR%/certs/db-key.pem";
}

void TestConfig::pathResolution()
{
    QFETCH(QString, configName);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    const QString dir = QDir(m_dir.path()).absolutePath();
    value.replace(QStringLiteral("%DIR%"), dir);
    expected.replace(QStringLiteral("%DIR%"), dir);

    QJsonObject object = earlierEngineObject();
    // The earlier-engine config names its TLS files relative to the top folder.
    for (const char *tlsKey : {"ca", "cert", "key"})
        object = patched(object, QStringLiteral("mqttConfig.%1").arg(QLatin1String(tlsKey)),
                         "\""
                             + (dir + QStringLiteral("/")
                                + object.value(QStringLiteral("mqttConfig"))
                                      .toObject()
                                      .value(QLatin1String(tlsKey))
                                      .toString())
                                   .toUtf8()
                             + "\"");
    object = patched(object, key, QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1));

    // Resolution must not depend on the working directory.
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(QDir::rootPath()));
    Config c;
    QString error;
    const bool ok = ConfigLoader::load(write(object, configName), &c, &error);
    QVERIFY(QDir::setCurrent(previous));
    QVERIFY2(ok, qPrintable(error));

    const QHash<QString, QString> actual{
        {QStringLiteral("queueDirectory"), c.queueDirectory},
        {QStringLiteral("transformerDirectory"), c.transformerDirectory},
        {QStringLiteral("mysqlConfig.socketPath"), c.mysql.socketPath},
        {QStringLiteral("mqttConfig.ca"), c.mqtt.tls.ca},
        {QStringLiteral("mqttConfig.cert"), c.mqtt.tls.cert},
        {QStringLiteral("mqttConfig.key"), c.mqtt.tls.key},
        {QStringLiteral("mysqlConfig.ssl.ca"), c.mysql.ssl.ca},
        {QStringLiteral("mysqlConfig.ssl.cert"), c.mysql.ssl.cert},
        {QStringLiteral("mysqlConfig.ssl.key"), c.mysql.ssl.key},
    };
    QVERIFY(actual.contains(key));
    QCOMPARE(actual.value(key), expected);
    QCOMPARE(c.filePath, dir + QStringLiteral("/") + configName);
    if (key.startsWith(QStringLiteral("mysqlConfig.ssl")))
        QVERIFY(c.mysql.sslEnabled);
}

void TestConfig::brokerUris_data()
{
    QTest::addColumn<QByteArray>("mqttConfig");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("uri");

    QTest::newRow("mqtt default port") << QByteArray(R"({"host": "h", "protocol": "mqtt"})") << "mqtt"
                                       << "tcp://h:1883";
    QTest::newRow("tcp") << QByteArray(R"({"host": "h", "protocol": "tcp", "port": 1884})") << "mqtt"
                         << "tcp://h:1884";
    QTest::newRow("mqtts default port") << QByteArray(R"({"host": "h", "protocol": "mqtts"})") << "mqtts"
                                        << "ssl://h:8883";
    QTest::newRow("ssl") << QByteArray(R"({"host": "h", "protocol": "ssl", "port": 9999})") << "mqtts"
                         << "ssl://h:9999";
    QTest::newRow("ws default port and path") << QByteArray(R"({"host": "h", "protocol": "ws"})") << "ws"
                                              << "ws://h:80/mqtt";
    QTest::newRow("ws port and path") << QByteArray(
        R"({"host": "h", "protocol": "ws", "port": 9001, "path": "/broker/ws"})")
                                      << "ws"
                                      << "ws://h:9001/broker/ws";
    QTest::newRow("wx") << QByteArray(R"({"host": "h", "protocol": "wx", "port": 8080})") << "ws"
                        << "ws://h:8080/mqtt";
    QTest::newRow("wss default port") << QByteArray(R"({"host": "h", "protocol": "wss"})") << "wss"
                                      << "wss://h:443/mqtt";
    QTest::newRow("wxs") << QByteArray(R"({"host": "h", "protocol": "wxs", "path": "/"})") << "wss"
                         << "wss://h:443/";
    QTest::newRow("ipv6 literal") << QByteArray(R"({"host": "::1", "port": 1883})") << "mqtt"
                                  << "tcp://[::1]:1883";
    QTest::newRow("ipv6 literal wss") << QByteArray(R"({"host": "fe80::1", "protocol": "wss"})") << "wss"
                                      << "wss://[fe80::1]:443/mqtt";
    QTest::newRow("ipv6 already bracketed") << QByteArray(R"({"host": "[::1]"})") << "mqtt"
                                            << "tcp://[::1]:1883";
    QTest::newRow("default host") << QByteArray(R"({})") << "mqtt"
                                  << "tcp://localhost:1883";
}

void TestConfig::brokerUris()
{
    QFETCH(QByteArray, mqttConfig);
    QFETCH(QString, protocol);
    QFETCH(QString, uri);

    Config c;
    QString error;
    QVERIFY2(ConfigLoader::load(write(patched(earlierEngineObject(), QStringLiteral("mqttConfig"), mqttConfig)), &c,
                                &error),
             qPrintable(error));
    QCOMPARE(c.mqtt.protocol, protocol);
    QCOMPARE(c.mqtt.uri(), uri);
    QCOMPARE(c.mqtt.uris(), QStringList{uri});
    QCOMPARE(c.mqtt.usesTls(), protocol == QStringLiteral("mqtts") || protocol == QStringLiteral("wss"));
}

void TestConfig::fallbackServers()
{
    const QByteArray mqtt = R"({
        "host": "primary", "protocol": "wxs", "port": 8443, "path": "/ws",
        "servers": [
            { "host": "second", "port": 9443 },
            { "host": "third", "port": 1883, "protocol": "tcp" },
            { "host": "2001:db8::7", "port": 8883, "protocol": "ssl" },
            { "host": "fifth", "port": 80, "protocol": "wx" }
        ]})";
    Config c;
    QString error;
    QVERIFY2(ConfigLoader::load(write(patched(earlierEngineObject(), QStringLiteral("mqttConfig"), mqtt)), &c, &error),
             qPrintable(error));
    QCOMPARE(c.mqtt.servers.size(), 4);
    QCOMPARE(c.mqtt.servers[0].host, QStringLiteral("second"));
    QCOMPARE(c.mqtt.servers[0].port, 9443);
    QCOMPARE(c.mqtt.servers[0].protocol, QStringLiteral("wss")); // the main protocol, normalised
    QCOMPARE(c.mqtt.servers[1].protocol, QStringLiteral("mqtt"));
    QCOMPARE(c.mqtt.servers[2].protocol, QStringLiteral("mqtts"));
    QCOMPARE(c.mqtt.servers[3].protocol, QStringLiteral("ws"));
    QCOMPARE(c.mqtt.uris(),
             (QStringList{QStringLiteral("wss://primary:8443/ws"), QStringLiteral("wss://second:9443/ws"),
                          QStringLiteral("tcp://third:1883"), QStringLiteral("ssl://[2001:db8::7]:8883"),
                          QStringLiteral("ws://fifth:80/ws")}));

    // A server built in code without a protocol follows the main one.
    MqttConfig m;
    m.protocol = QStringLiteral("mqtts");
    m.host = QStringLiteral("a");
    m.servers << BrokerAddress{QStringLiteral("b"), 0, QString()};
    QCOMPARE(m.uris(), (QStringList{QStringLiteral("ssl://a:8883"), QStringLiteral("ssl://b:8883")}));
}

void TestConfig::conflictPolicies()
{
    Config c;
    QString error;
    // Not given: every table newest (an earlier configuration means what it meant).
    QVERIFY2(ConfigLoader::load(write(earlierEngineObject()), &c, &error), qPrintable(error));
    QVERIFY(c.conflicts.isEmpty());
    QCOMPARE(c.conflictPolicy(QStringLiteral("items")).kind, ConflictPolicy::Kind::Newest);

    const QByteArray items = R"({"items": {"policy": "priority", "sites": ["site_b", "site_a"]}})";
    QVERIFY2(ConfigLoader::load(write(patched(earlierEngineObject(), QStringLiteral("conflicts"), items)), &c, &error),
             qPrintable(error));
    QCOMPARE(c.conflictPolicy(QStringLiteral("items")).kind, ConflictPolicy::Kind::Priority);
    QCOMPARE(c.conflictPolicy(QStringLiteral("items")).sites,
             (QStringList{QStringLiteral("site_b"), QStringLiteral("site_a")}));
    QVERIFY2(ConfigLoader::load(write(patched(earlierEngineObject(), QStringLiteral("conflicts"),
                                              R"({"items": {"policy": "manual"}})")),
                                &c, &error),
             qPrintable(error));
    QCOMPARE(c.conflictPolicy(QStringLiteral("items")).kind, ConflictPolicy::Kind::Manual);
    QVERIFY2(ConfigLoader::load(write(patched(earlierEngineObject(), QStringLiteral("conflicts"),
                                              R"({"items": "newest"})")),
                                &c, &error),
             qPrintable(error));
    QCOMPARE(c.conflictPolicy(QStringLiteral("items")).kind, ConflictPolicy::Kind::Newest);
}

void TestConfig::clientNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << "site_a" << true;
    QTest::newRow("all classes") << "Az09_-" << true;
    QTest::newRow("two") << "ab" << true;
    QTest::newRow("thirty-two") << QString(32, QLatin1Char('x')) << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("one") << "a" << false;
    QTest::newRow("thirty-three") << QString(33, QLatin1Char('x')) << false;
    QTest::newRow("space") << "site a" << false;
    QTest::newRow("slash") << "site/a" << false;
    QTest::newRow("plus") << "site+a" << false;
    QTest::newRow("hash") << "site#" << false;
    QTest::newRow("dot") << "site.a" << false;
    QTest::newRow("umlaut") << "süd" << false;
    QTest::newRow("digit lookalike") << QString::fromUtf8("site\xD9\xA1") << false; // Arabic-Indic 1
}

void TestConfig::clientNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidClientName(name), valid);
}
