// Unit tests of the configuration loader (core/config): the earlier engine's JSON file,
// defaults, path resolution, broker URIs and every class of error message.
#include "config/Config.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace mysqlsync;

namespace {

// The configuration of a site running the earlier TypeScript engine, as its README shows it
// (TLS to the broker, "ssl" protocol, relative certificate paths).
const char *const kEarlierEngineConfig = R"({
    "mqttConfig": {
        "host": "broker.example.com",
        "port": 8883,
        "protocol": "ssl",
        "ca": "ca.crt",
        "cert": "client.crt",
        "key": "client.key",
        "rejectUnauthorized": true,
        "username": "site_a",
        "password": "mqtt-secret-4711"
    },
    "mysqlConfig": {
        "host": "127.0.0.1",
        "port": 3307,
        "user": "sync",
        "password": "db-secret-0815",
        "database": "shop"
    },
    "syncTables": ["items", "orders"],
    "receiveTables": ["items", "prices"],
    "clientName": "site_a",
    "remoteClients": ["site_b", "Site-C"],
    "queueDirectory": "queue",
    "checkInterval": 5000,
    "loggingLevel": "debug",
    "transformerDirectory": "transformers"
})";

QJsonObject earlierEngineObject()
{
    return QJsonDocument::fromJson(kEarlierEngineConfig).object();
}

// Sets (or, for an empty `json`, removes) the value at a dotted key path.
QJsonObject patched(QJsonObject object, const QStringList &path, const QByteArray &json)
{
    const QString key = path.first();
    if (path.size() == 1) {
        if (json.isEmpty()) {
            object.remove(key);
        } else {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson("[" + json + "]", &error);
            if (error.error != QJsonParseError::NoError)
                qFatal("bad test data: %s", json.constData());
            object.insert(key, doc.array().first());
        }
        return object;
    }
    object.insert(key, patched(object.value(key).toObject(), path.mid(1), json));
    return object;
}

QJsonObject patched(const QJsonObject &object, const QString &keyPath, const QByteArray &json)
{
    return patched(object, keyPath.split(QLatin1Char('.')), json);
}

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

class TestConfig : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void earlierEngineConfig();
    void defaults();
    void accepted_data();
    void accepted();
    void pathResolution_data();
    void pathResolution();
    void brokerUris_data();
    void brokerUris();
    void fallbackServers();
    void clientNames_data();
    void clientNames();

    void errors_data();
    void errors();
    void invalidJson_data();
    void invalidJson();
    void fileErrors();
    void unreadableFiles();
    void messageUsesPathAsGiven();
    void transformerLogin();
    void secretsNeverInMessages_data();
    void secretsNeverInMessages();
    void failureLeavesConfigUntouched();

private:
    QString write(const QByteArray &json, const QString &name = QStringLiteral("config.json"));
    QString write(const QJsonObject &object, const QString &name = QStringLiteral("config.json"))
    {
        return write(QJsonDocument(object).toJson(), name);
    }

    QTemporaryDir m_dir;
};

void TestConfig::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QDir dir(m_dir.path());
    QVERIFY(dir.mkpath(QStringLiteral("certs")));
    QVERIFY(dir.mkpath(QStringLiteral("sub")));
    for (const QString &name :
         {QStringLiteral("ca.crt"), QStringLiteral("client.crt"), QStringLiteral("client.key"),
          QStringLiteral("certs/db-ca.pem"), QStringLiteral("certs/db-cert.pem"), QStringLiteral("certs/db-key.pem")}) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("-----BEGIN TEST-----\n");
    }
}

QString TestConfig::write(const QByteArray &json, const QString &name)
{
    const QString path = QDir(m_dir.path()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(json);
    return path;
}

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

// ---------------------------------------------------------------------------
// Errors: each row patches the earlier engine's configuration (an empty value removes the
// key) and gives the whole message after "<file>: ". %DIR% is the temporary directory.
// ---------------------------------------------------------------------------

void TestConfig::errors_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("message");

    const QString tableName = QStringLiteral("a table name (a non-empty string of at most 64 characters)");
    const QString clientName = QStringLiteral("a client name (2 to 32 characters of A-Z, a-z, 0-9, _ and -)");
    const QString protocols = QStringLiteral("one of mqtt, tcp, mqtts, ssl, ws, wss, wx, wxs");
    const QString timezone = QStringLiteral(R"("local", "Z" or an offset "+HH:MM"/"-HH:MM")");

    // Required keys.
    QTest::newRow("missing mqttConfig") << "mqttConfig" << QByteArray()
                                        << "mqttConfig: missing required key, expected an object";
    QTest::newRow("missing mysqlConfig") << "mysqlConfig" << QByteArray()
                                         << "mysqlConfig: missing required key, expected an object";
    QTest::newRow("missing syncTables") << "syncTables" << QByteArray()
                                        << "syncTables: missing required key, expected an array of table names";
    QTest::newRow("missing receiveTables")
        << "receiveTables" << QByteArray() << "receiveTables: missing required key, expected an array of table names";
    QTest::newRow("missing clientName") << "clientName" << QByteArray()
                                        << QStringLiteral("clientName: missing required key, expected ") + clientName;
    QTest::newRow("missing remoteClients")
        << "remoteClients" << QByteArray() << "remoteClients: missing required key, expected an array of client names";
    QTest::newRow("missing queueDirectory")
        << "queueDirectory" << QByteArray() << "queueDirectory: missing required key, expected a non-empty path";
    QTest::newRow("missing checkInterval")
        << "checkInterval" << QByteArray()
        << "checkInterval: missing required key, expected an integer from 10 to 86400000 (milliseconds)";
    QTest::newRow("missing database") << "mysqlConfig.database" << QByteArray()
                                      << "mysqlConfig.database: missing required key, expected a non-empty string";

    // Unknown keys, at every level.
    QTest::newRow("unknown top-level") << "fooBar" << QByteArray("1") << R"(unknown key "fooBar")";
    QTest::newRow("typo is unknown, not missing")
        << "chekInterval" << QByteArray("1000") << R"(unknown key "chekInterval")";
    QTest::newRow("unknown mqttConfig") << "mqttConfig.foo" << QByteArray("true") << R"(unknown key "mqttConfig.foo")";
    QTest::newRow("mqtt.js protocolVersion")
        << "mqttConfig.protocolVersion" << QByteArray("4") << R"(unknown key "mqttConfig.protocolVersion")";
    QTest::newRow("mqtt.js hostname") << "mqttConfig.hostname" << QByteArray(R"("h")")
                                      << R"(unknown key "mqttConfig.hostname")";
    QTest::newRow("unknown in servers") << "mqttConfig.servers"
                                        << QByteArray(
                                               R"([{"host": "h", "port": 1}, {"host": "h", "port": 2, "path": "/x"}])")
                                        << R"(unknown key "mqttConfig.servers[1].path")";
    QTest::newRow("unknown mysqlConfig") << "mysqlConfig.multipleStatements" << QByteArray("true")
                                         << R"(unknown key "mysqlConfig.multipleStatements")";
    QTest::newRow("unknown mysqlConfig.ssl")
        << "mysqlConfig.ssl" << QByteArray(R"({"ciphers": "x"})") << R"(unknown key "mysqlConfig.ssl.ciphers")";

    // Top-level types and values.
    QTest::newRow("mqttConfig string") << "mqttConfig" << QByteArray(R"("x")")
                                       << R"(mqttConfig: expected an object, got "x")";
    QTest::newRow("mqttConfig null") << "mqttConfig" << QByteArray("null")
                                     << "mqttConfig: expected an object, got null";
    QTest::newRow("mysqlConfig array") << "mysqlConfig" << QByteArray("[]")
                                       << "mysqlConfig: expected an object, got an array";
    QTest::newRow("syncTables string") << "syncTables" << QByteArray(R"("items")")
                                       << R"(syncTables: expected an array of table names, got "items")";
    QTest::newRow("syncTables number element")
        << "syncTables" << QByteArray(R"(["a", 1])")
        << QStringLiteral("syncTables[1]: expected ") + tableName + QStringLiteral(", got 1");
    QTest::newRow("syncTables empty name")
        << "syncTables" << QByteArray(R"([""])")
        << QStringLiteral("syncTables[0]: expected ") + tableName + QStringLiteral(R"(, got "")");
    QTest::newRow("syncTables name too long") << "syncTables" << ("[\"" + QByteArray(65, 'n') + "\"]")
                                              << QStringLiteral("syncTables[0]: expected ") + tableName
            + QStringLiteral(R"(, got "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...")");
    QTest::newRow("syncTables duplicate")
        << "syncTables" << QByteArray(R"(["a", "b", "a"])")
        << R"(syncTables[2]: expected no duplicates, got "a" again (first at syncTables[0]))";
    QTest::newRow("receiveTables object")
        << "receiveTables" << QByteArray("{}") << "receiveTables: expected an array of table names, got an object";
    QTest::newRow("receiveTables null element")
        << "receiveTables" << QByteArray("[null]")
        << QStringLiteral("receiveTables[0]: expected ") + tableName + QStringLiteral(", got null");
    QTest::newRow("receiveTables duplicate")
        << "receiveTables" << QByteArray(R"(["x", "x"])")
        << R"(receiveTables[1]: expected no duplicates, got "x" again (first at receiveTables[0]))";
    QTest::newRow("clientName number") << "clientName" << QByteArray("5")
                                       << QStringLiteral("clientName: expected ") + clientName
            + QStringLiteral(", got 5");
    QTest::newRow("clientName too short")
        << "clientName" << QByteArray(R"("a")")
        << QStringLiteral("clientName: expected ") + clientName + QStringLiteral(R"(, got "a")");
    QTest::newRow("clientName too long") << "clientName" << ("\"" + QByteArray(33, 'c') + "\"")
                                         << QStringLiteral("clientName: expected ") + clientName
            + QStringLiteral(", got \"") + QString(33, QLatin1Char('c')) + QStringLiteral("\"");
    QTest::newRow("clientName space") << "clientName" << QByteArray(R"("site a")")
                                      << QStringLiteral("clientName: expected ") + clientName
            + QStringLiteral(R"(, got "site a")");
    QTest::newRow("clientName topic wildcard")
        << "clientName" << QByteArray(R"("site/#")")
        << QStringLiteral("clientName: expected ") + clientName + QStringLiteral(R"(, got "site/#")");
    QTest::newRow("remoteClients string") << "remoteClients" << QByteArray(R"("site_b")")
                                          << R"(remoteClients: expected an array of client names, got "site_b")";
    QTest::newRow("remoteClients bad name")
        << "remoteClients" << QByteArray(R"(["site_b", "b c"])")
        << QStringLiteral("remoteClients[1]: expected ") + clientName + QStringLiteral(R"(, got "b c")");
    QTest::newRow("remoteClients number")
        << "remoteClients" << QByteArray("[7]")
        << QStringLiteral("remoteClients[0]: expected ") + clientName + QStringLiteral(", got 7");
    QTest::newRow("remoteClients self")
        << "remoteClients" << QByteArray(R"(["site_b", "site_a"])")
        << R"(remoteClients[1]: expected the name of another client, got "site_a", which is this engine's own clientName)";
    QTest::newRow("remoteClients duplicate")
        << "remoteClients" << QByteArray(R"(["site_b", "site_c", "site_b"])")
        << R"(remoteClients[2]: expected no duplicates, got "site_b" again (first at remoteClients[0]))";
    QTest::newRow("queueDirectory number")
        << "queueDirectory" << QByteArray("1") << "queueDirectory: expected a non-empty path, got 1";
    QTest::newRow("queueDirectory empty")
        << "queueDirectory" << QByteArray(R"("")") << R"(queueDirectory: expected a non-empty path, got "")";
    QTest::newRow("checkInterval string")
        << "checkInterval" << QByteArray(R"("1000")")
        << R"(checkInterval: expected an integer from 10 to 86400000 (milliseconds), got "1000")";
    QTest::newRow("checkInterval fraction")
        << "checkInterval" << QByteArray("1000.5")
        << "checkInterval: expected an integer from 10 to 86400000 (milliseconds), got 1000.5";
    QTest::newRow("checkInterval too small")
        << "checkInterval" << QByteArray("9")
        << "checkInterval: expected an integer from 10 to 86400000 (milliseconds), got 9";
    QTest::newRow("checkInterval zero")
        << "checkInterval" << QByteArray("0")
        << "checkInterval: expected an integer from 10 to 86400000 (milliseconds), got 0";
    QTest::newRow("checkInterval negative")
        << "checkInterval" << QByteArray("-1000")
        << "checkInterval: expected an integer from 10 to 86400000 (milliseconds), got -1000";
    QTest::newRow("checkInterval too large")
        << "checkInterval" << QByteArray("86400001")
        << "checkInterval: expected an integer from 10 to 86400000 (milliseconds), got 86400001";
    QTest::newRow("checkInterval huge")
        << "checkInterval" << QByteArray("1e300")
        << "checkInterval: expected an integer from 10 to 86400000 (milliseconds), got 1e+300";
    QTest::newRow("checkInterval bool")
        << "checkInterval" << QByteArray("true")
        << "checkInterval: expected an integer from 10 to 86400000 (milliseconds), got true";
    QTest::newRow("loggingLevel unknown")
        << "loggingLevel" << QByteArray(R"("verbose")")
        << R"(loggingLevel: expected one of error, warn, info, debug, trace, got "verbose")";
    QTest::newRow("loggingLevel case")
        << "loggingLevel" << QByteArray(R"("INFO")")
        << R"(loggingLevel: expected one of error, warn, info, debug, trace, got "INFO")";
    QTest::newRow("loggingLevel number") << "loggingLevel" << QByteArray("3")
                                         << "loggingLevel: expected one of error, warn, info, debug, trace, got 3";
    QTest::newRow("transformerDirectory bool") << "transformerDirectory" << QByteArray("false")
                                               << "transformerDirectory: expected a non-empty path, got false";
    QTest::newRow("transformerDirectory empty") << "transformerDirectory" << QByteArray(R"("")")
                                                << R"(transformerDirectory: expected a non-empty path, got "")";
    QTest::newRow("captureInterval zero")
        << "captureInterval" << QByteArray("0")
        << "captureInterval: expected an integer from 1 to 1000 (milliseconds), got 0";
    QTest::newRow("captureInterval too large")
        << "captureInterval" << QByteArray("1001")
        << "captureInterval: expected an integer from 1 to 1000 (milliseconds), got 1001";
    QTest::newRow("batchSize zero") << "batchSize" << QByteArray("0")
                                    << "batchSize: expected an integer from 1 to 100000, got 0";
    QTest::newRow("batchSize too large") << "batchSize" << QByteArray("100001")
                                         << "batchSize: expected an integer from 1 to 100000, got 100001";
    QTest::newRow("batchSize fraction") << "batchSize" << QByteArray("1.5")
                                        << "batchSize: expected an integer from 1 to 100000, got 1.5";
    QTest::newRow("batchSize string") << "batchSize" << QByteArray(R"("10")")
                                      << R"(batchSize: expected an integer from 1 to 100000, got "10")";
    QTest::newRow("resendTimeout too small")
        << "resendTimeout" << QByteArray("99")
        << "resendTimeout: expected an integer from 100 to 86400000 (milliseconds), got 99";
    QTest::newRow("resendTimeout too large")
        << "resendTimeout" << QByteArray("86400001")
        << "resendTimeout: expected an integer from 100 to 86400000 (milliseconds), got 86400001";
    QTest::newRow("sendWindow zero") << "sendWindow" << QByteArray("0")
                                     << "sendWindow: expected an integer from 1 to 100000, got 0";
    QTest::newRow("transformTimeout too small")
        << "transformTimeout" << QByteArray("9")
        << "transformTimeout: expected an integer from 10 to 600000 (milliseconds), got 9";

    // mqttConfig.
    QTest::newRow("mqtt host number") << "mqttConfig.host" << QByteArray("1")
                                      << "mqttConfig.host: expected a non-empty string, got 1";
    QTest::newRow("mqtt host empty") << "mqttConfig.host" << QByteArray(R"("")")
                                     << R"(mqttConfig.host: expected a non-empty string, got "")";
    QTest::newRow("mqtt port string") << "mqttConfig.port" << QByteArray(R"("abc")")
                                      << R"(mqttConfig.port: expected an integer from 1 to 65535, got "abc")";
    QTest::newRow("mqtt port numeric string") << "mqttConfig.port" << QByteArray(R"("1883")")
                                              << R"(mqttConfig.port: expected an integer from 1 to 65535, got "1883")";
    QTest::newRow("mqtt port zero") << "mqttConfig.port" << QByteArray("0")
                                    << "mqttConfig.port: expected an integer from 1 to 65535, got 0";
    QTest::newRow("mqtt port too large") << "mqttConfig.port" << QByteArray("65536")
                                         << "mqttConfig.port: expected an integer from 1 to 65535, got 65536";
    QTest::newRow("mqtt port fraction") << "mqttConfig.port" << QByteArray("1883.5")
                                        << "mqttConfig.port: expected an integer from 1 to 65535, got 1883.5";
    QTest::newRow("mqtt protocol unknown")
        << "mqttConfig.protocol" << QByteArray(R"("http")")
        << QStringLiteral("mqttConfig.protocol: expected ") + protocols + QStringLiteral(R"(, got "http")");
    QTest::newRow("mqtt protocol case") << "mqttConfig.protocol" << QByteArray(R"("MQTT")")
                                        << QStringLiteral("mqttConfig.protocol: expected ") + protocols
            + QStringLiteral(R"(, got "MQTT")");
    QTest::newRow("mqtt protocol number")
        << "mqttConfig.protocol" << QByteArray("1")
        << QStringLiteral("mqttConfig.protocol: expected ") + protocols + QStringLiteral(", got 1");
    QTest::newRow("mqtt path relative") << "mqttConfig.path" << QByteArray(R"("mqtt")")
                                        << R"(mqttConfig.path: expected a path beginning with "/", got "mqtt")";
    QTest::newRow("mqtt path number") << "mqttConfig.path" << QByteArray("1")
                                      << R"(mqttConfig.path: expected a path beginning with "/", got 1)";
    QTest::newRow("mqtt username number")
        << "mqttConfig.username" << QByteArray("1") << "mqttConfig.username: expected a string, got 1";
    QTest::newRow("mqtt password number")
        << "mqttConfig.password" << QByteArray("4711")
        << "mqttConfig.password: expected a string or one of {\"keychain\": \"account\"}, {\"env\": \"VARIABLE\"}, "
           "{\"file\": \"path\"}, got a number";
    QTest::newRow("mqtt password bool") << "mqttConfig.password" << QByteArray("true")
                                        << "mqttConfig.password: expected a string or one of {\"keychain\": "
                                           "\"account\"}, {\"env\": \"VARIABLE\"}, {\"file\": \"path\"}, got true";
    QTest::newRow("mqtt clientId array") << "mqttConfig.clientId" << QByteArray(R"(["x"])")
                                         << "mqttConfig.clientId: expected a string, got an array";
    QTest::newRow("mqtt keepalive negative")
        << "mqttConfig.keepalive" << QByteArray("-1")
        << "mqttConfig.keepalive: expected an integer from 0 to 65535 (seconds), got -1";
    QTest::newRow("mqtt keepalive too large")
        << "mqttConfig.keepalive" << QByteArray("65536")
        << "mqttConfig.keepalive: expected an integer from 0 to 65535 (seconds), got 65536";
    QTest::newRow("mqtt clean string") << "mqttConfig.clean" << QByteArray(R"("true")")
                                       << R"(mqttConfig.clean: expected true or false, got "true")";
    QTest::newRow("mqtt clean number") << "mqttConfig.clean" << QByteArray("1")
                                       << "mqttConfig.clean: expected true or false, got 1";
    QTest::newRow("mqtt reconnectPeriod negative")
        << "mqttConfig.reconnectPeriod" << QByteArray("-1")
        << "mqttConfig.reconnectPeriod: expected an integer of at least 0 (milliseconds), got -1";
    QTest::newRow("mqtt reconnectPeriod beyond int")
        << "mqttConfig.reconnectPeriod" << QByteArray("3000000000")
        << "mqttConfig.reconnectPeriod: expected an integer of at least 0 (milliseconds), got 3000000000";
    QTest::newRow("mqtt connectTimeout zero")
        << "mqttConfig.connectTimeout" << QByteArray("0")
        << "mqttConfig.connectTimeout: expected an integer of at least 1 (milliseconds), got 0";
    QTest::newRow("mqtt ca number") << "mqttConfig.ca" << QByteArray("1")
                                    << "mqttConfig.ca: expected a non-empty path, got 1";
    QTest::newRow("mqtt ca empty") << "mqttConfig.ca" << QByteArray(R"("")")
                                   << R"(mqttConfig.ca: expected a non-empty path, got "")";
    QTest::newRow("mqtt ca missing file")
        << "mqttConfig.ca" << QByteArray(R"("missing-ca.crt")")
        << R"(mqttConfig.ca: expected a readable file, but "%DIR%/missing-ca.crt" does not exist)";
    QTest::newRow("mqtt ca directory")
        << "mqttConfig.ca" << QByteArray(R"("certs/")")
        << R"(mqttConfig.ca: expected a readable file, but "%DIR%/certs" is a directory)";
    QTest::newRow("mqtt cert missing file")
        << "mqttConfig.cert" << QByteArray(R"("tls/../nope.crt")")
        << R"(mqttConfig.cert: expected a readable file, but "%DIR%/nope.crt" does not exist)";
    QTest::newRow("mqtt key missing file")
        << "mqttConfig.key" << QByteArray(R"("/nonexistent/client.key")")
        << R"(mqttConfig.key: expected a readable file, but "/nonexistent/client.key" does not exist)";
    QTest::newRow("mqtt rejectUnauthorized string")
        << "mqttConfig.rejectUnauthorized" << QByteArray(R"("no")")
        << R"(mqttConfig.rejectUnauthorized: expected true or false, got "no")";
    QTest::newRow("mqtt servers string") << "mqttConfig.servers" << QByteArray(R"("h:1883")")
                                         << R"(mqttConfig.servers: expected an array of brokers, got "h:1883")";
    QTest::newRow("mqtt servers element") << "mqttConfig.servers" << QByteArray(R"([{"host": "h", "port": 1}, "h"])")
                                          << R"(mqttConfig.servers[1]: expected an object, got "h")";
    QTest::newRow("mqtt servers host missing")
        << "mqttConfig.servers" << QByteArray(R"([{"port": 1883}])")
        << "mqttConfig.servers[0].host: missing required key, expected a non-empty string";
    QTest::newRow("mqtt servers port missing")
        << "mqttConfig.servers" << QByteArray(R"([{"host": "h"}])")
        << "mqttConfig.servers[0].port: missing required key, expected an integer from 1 to 65535";
    QTest::newRow("mqtt servers port string")
        << "mqttConfig.servers" << QByteArray(R"([{"host": "h", "port": "1"}])")
        << R"(mqttConfig.servers[0].port: expected an integer from 1 to 65535, got "1")";
    QTest::newRow("mqtt servers protocol")
        << "mqttConfig.servers" << QByteArray(R"([{"host": "h", "port": 1, "protocol": "udp"}])")
        << QStringLiteral("mqttConfig.servers[0].protocol: expected ") + protocols + QStringLiteral(R"(, got "udp")");

    // mysqlConfig.
    QTest::newRow("mysql host number") << "mysqlConfig.host" << QByteArray("127")
                                       << "mysqlConfig.host: expected a non-empty string, got 127";
    QTest::newRow("mysql port string") << "mysqlConfig.port" << QByteArray(R"("3306")")
                                       << R"(mysqlConfig.port: expected an integer from 1 to 65535, got "3306")";
    QTest::newRow("mysql port zero") << "mysqlConfig.port" << QByteArray("0")
                                     << "mysqlConfig.port: expected an integer from 1 to 65535, got 0";
    QTest::newRow("mysql user number") << "mysqlConfig.user" << QByteArray("0")
                                       << "mysqlConfig.user: expected a string, got 0";
    QTest::newRow("mysql password number")
        << "mysqlConfig.password" << QByteArray("12345")
        << "mysqlConfig.password: expected a string or one of {\"keychain\": \"account\"}, {\"env\": \"VARIABLE\"}, "
           "{\"file\": \"path\"}, got a number";
    QTest::newRow("mysql password object")
        << "mysqlConfig.password" << QByteArray(R"({"x": 1})")
        << "mysqlConfig.password: expected a string or one of {\"keychain\": \"account\"}, {\"env\": \"VARIABLE\"}, "
           "{\"file\": \"path\"}, got an object";
    QTest::newRow("mysql database empty") << "mysqlConfig.database" << QByteArray(R"("")")
                                          << R"(mysqlConfig.database: expected a non-empty string, got "")";
    QTest::newRow("mysql database number")
        << "mysqlConfig.database" << QByteArray("1") << "mysqlConfig.database: expected a non-empty string, got 1";
    QTest::newRow("mysql socketPath number")
        << "mysqlConfig.socketPath" << QByteArray("1") << "mysqlConfig.socketPath: expected a non-empty path, got 1";
    QTest::newRow("mysql socketPath empty") << "mysqlConfig.socketPath" << QByteArray(R"("")")
                                            << R"(mysqlConfig.socketPath: expected a non-empty path, got "")";
    // Only UTF-8 names: any other character set would mangle what arrives as UTF-8 JSON.
    const QString charset = QStringLiteral("utf8mb4 or utf8, or one of their collations such as UTF8MB4_UNICODE_CI "
                                           "(the engine always speaks utf8mb4)");
    QTest::newRow("mysql charset empty") << "mysqlConfig.charset" << QByteArray(R"("")")
                                         << QStringLiteral("mysqlConfig.charset: expected ") + charset
            + QStringLiteral(R"(, got "")");
    QTest::newRow("mysql charset number")
        << "mysqlConfig.charset" << QByteArray("8")
        << QStringLiteral("mysqlConfig.charset: expected ") + charset + QStringLiteral(", got 8");
    QTest::newRow("mysql charset latin1")
        << "mysqlConfig.charset" << QByteArray(R"("latin1")")
        << QStringLiteral("mysqlConfig.charset: expected ") + charset + QStringLiteral(R"(, got "latin1")");
    QTest::newRow("mysql charset LATIN1_SWEDISH_CI")
        << "mysqlConfig.charset" << QByteArray(R"("LATIN1_SWEDISH_CI")")
        << QStringLiteral("mysqlConfig.charset: expected ") + charset + QStringLiteral(R"(, got "LATIN1_SWEDISH_CI")");
    QTest::newRow("mysql charset utf16") << "mysqlConfig.charset" << QByteArray(R"("utf16")")
                                         << QStringLiteral("mysqlConfig.charset: expected ") + charset
            + QStringLiteral(R"(, got "utf16")");
    QTest::newRow("mysql charset utf8mb5")
        << "mysqlConfig.charset" << QByteArray(R"("utf8mb5")")
        << QStringLiteral("mysqlConfig.charset: expected ") + charset + QStringLiteral(R"(, got "utf8mb5")");
    QTest::newRow("mysql charset injection") << "mysqlConfig.charset" << QByteArray(R"("utf8mb4; SET sql_mode=''")")
                                             << QStringLiteral("mysqlConfig.charset: expected ") + charset
            + QStringLiteral(R"(, got "utf8mb4; SET sql_mode=''")");
    QTest::newRow("timezone name") << "mysqlConfig.timezone" << QByteArray(R"("UTC")")
                                   << QStringLiteral("mysqlConfig.timezone: expected ") + timezone
            + QStringLiteral(R"(, got "UTC")");
    QTest::newRow("timezone short hour") << "mysqlConfig.timezone" << QByteArray(R"("+1:00")")
                                         << QStringLiteral("mysqlConfig.timezone: expected ") + timezone
            + QStringLiteral(R"(, got "+1:00")");
    QTest::newRow("timezone no sign") << "mysqlConfig.timezone" << QByteArray(R"("01:00")")
                                      << QStringLiteral("mysqlConfig.timezone: expected ") + timezone
            + QStringLiteral(R"(, got "01:00")");
    QTest::newRow("timezone no colon") << "mysqlConfig.timezone" << QByteArray(R"("+0100")")
                                       << QStringLiteral("mysqlConfig.timezone: expected ") + timezone
            + QStringLiteral(R"(, got "+0100")");
    QTest::newRow("timezone hour 15") << "mysqlConfig.timezone" << QByteArray(R"("+15:00")")
                                      << QStringLiteral("mysqlConfig.timezone: expected ") + timezone
            + QStringLiteral(R"(, got "+15:00")");
    QTest::newRow("timezone minute 60") << "mysqlConfig.timezone" << QByteArray(R"("-01:60")")
                                        << QStringLiteral("mysqlConfig.timezone: expected ") + timezone
            + QStringLiteral(R"(, got "-01:60")");
    QTest::newRow("timezone lowercase z")
        << "mysqlConfig.timezone" << QByteArray(R"("z")")
        << QStringLiteral("mysqlConfig.timezone: expected ") + timezone + QStringLiteral(R"(, got "z")");
    QTest::newRow("timezone number") << "mysqlConfig.timezone" << QByteArray("0")
                                     << QStringLiteral("mysqlConfig.timezone: expected ") + timezone
            + QStringLiteral(", got 0");
    QTest::newRow("mysql connectTimeout zero")
        << "mysqlConfig.connectTimeout" << QByteArray("0")
        << "mysqlConfig.connectTimeout: expected an integer of at least 1 (milliseconds), got 0";
    QTest::newRow("mysql connectTimeout string")
        << "mysqlConfig.connectTimeout" << QByteArray(R"("10s")")
        << R"(mysqlConfig.connectTimeout: expected an integer of at least 1 (milliseconds), got "10s")";
    QTest::newRow("mysql ssl profile name") << "mysqlConfig.ssl" << QByteArray(R"("Amazon RDS")")
                                            << R"(mysqlConfig.ssl: expected an object, got "Amazon RDS")";
    QTest::newRow("mysql ssl true") << "mysqlConfig.ssl" << QByteArray("true")
                                    << "mysqlConfig.ssl: expected an object, got true";
    QTest::newRow("mysql ssl ca missing file")
        << "mysqlConfig.ssl" << QByteArray(R"({"ca": "nope.pem"})")
        << R"(mysqlConfig.ssl.ca: expected a readable file, but "%DIR%/nope.pem" does not exist)";
    QTest::newRow("mysql ssl cert missing file")
        << "mysqlConfig.ssl" << QByteArray(R"({"ca": "certs/db-ca.pem", "cert": "certs/nope.pem"})")
        << R"(mysqlConfig.ssl.cert: expected a readable file, but "%DIR%/certs/nope.pem" does not exist)";
    QTest::newRow("mysql ssl key directory")
        << "mysqlConfig.ssl" << QByteArray(R"({"key": "."})")
        << R"(mysqlConfig.ssl.key: expected a readable file, but "%DIR%" is a directory)";
    QTest::newRow("mysql ssl key number")
        << "mysqlConfig.ssl" << QByteArray(R"({"key": 1})") << "mysqlConfig.ssl.key: expected a non-empty path, got 1";
    QTest::newRow("mysql ssl rejectUnauthorized")
        << "mysqlConfig.ssl" << QByteArray(R"({"rejectUnauthorized": 0})")
        << "mysqlConfig.ssl.rejectUnauthorized: expected true or false, got 0";
    // The transformers' own database login (issue 11, item 9).
    QTest::newRow("transformerPassword without transformerUser")
        << "mysqlConfig.transformerPassword" << QByteArray(R"("reader-pw")")
        << "mysqlConfig.transformerUser: missing required key, expected the transformers' database user that "
           "mysqlConfig.transformerPassword belongs to (a non-empty string)";
    QTest::newRow("transformerPassword reference without transformerUser")
        << "mysqlConfig.transformerPassword" << QByteArray(R"({"env": "READER_PW"})")
        << "mysqlConfig.transformerUser: missing required key, expected the transformers' database user that "
           "mysqlConfig.transformerPassword belongs to (a non-empty string)";
    QTest::newRow("transformerUser number")
        << "mysqlConfig.transformerUser" << QByteArray("7") << "mysqlConfig.transformerUser: expected a string, got 7";
    QTest::newRow("transformerUser object") << "mysqlConfig.transformerUser" << QByteArray(R"({"user": "reader"})")
                                            << "mysqlConfig.transformerUser: expected a string, got an object";
    QTest::newRow("transformerPassword number")
        << "mysqlConfig.transformerPassword" << QByteArray("4711")
        << "mysqlConfig.transformerPassword: expected a string or one of {\"keychain\": \"account\"}, {\"env\": "
           "\"VARIABLE\"}, {\"file\": \"path\"}, got a number";
    QTest::newRow("transformerPassword empty env")
        << "mysqlConfig.transformerPassword" << QByteArray(R"({"env": ""})")
        << R"(mysqlConfig.transformerPassword.env: expected an environment variable name, got "")";

    // Long strings are shortened, and escaped as JSON.
    QTest::newRow("escaped value") << "clientName" << QByteArray(R"("a\"b\n")")
                                   << QStringLiteral("clientName: expected ") + clientName
            + QStringLiteral(R"(, got "a\"b\n")");
}

void TestConfig::errors()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, value);
    QFETCH(QString, message);
    message.replace(QStringLiteral("%DIR%"), QDir(m_dir.path()).absolutePath());

    const QString path = write(patched(earlierEngineObject(), key, value));
    Config c;
    c.clientName = QStringLiteral("untouched");
    QString error;
    QVERIFY(!ConfigLoader::load(path, &c, &error));
    QCOMPARE(error, path + QStringLiteral(": ") + message);
    QCOMPARE(c.clientName, QStringLiteral("untouched"));

    // parse() reports the same, naming the path it is given.
    QString parseError;
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!ConfigLoader::parse(file.readAll(), path, &c, &parseError));
    QCOMPARE(parseError, error);
}

void TestConfig::invalidJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty file") << QByteArray("") << "invalid JSON at line 1, column 1 (offset 0): illegal value";
    QTest::newRow("unterminated object") << QByteArray("{\n  \"clientName\": \"a\",\n")
                                         << "invalid JSON at line 3, column 1 (offset 23): unterminated object";
    QTest::newRow("missing comma") << QByteArray("{\n  \"a\": 1\n  \"b\": 2\n}")
                                   << "invalid JSON at line 3, column 4 (offset 14): unterminated object";
    QTest::newRow("trailing comma") << QByteArray("{\"a\": [1, 2,]}")
                                    << "invalid JSON at line 1, column 14 (offset 13): object is missing after a comma";
    QTest::newRow("comment") << QByteArray("{\n // note\n}")
                             << "invalid JSON at line 2, column 3 (offset 4): unterminated object";
    QTest::newRow("column counts characters")
        << QByteArray("{\"ä\": x}")
        << "invalid JSON at line 1, column 7 (offset 7): illegal number"; // 6 characters, 7 bytes before it
    QTest::newRow("top-level array") << QByteArray("[1, 2]") << "expected a JSON object at the top level, got an array";
    QTest::newRow("top-level string") << QByteArray("\"config\"")
                                      << R"(expected a JSON object at the top level, got "config")";
    QTest::newRow("top-level number") << QByteArray(" 42\n") << "expected a JSON object at the top level, got 42";
    QTest::newRow("top-level null") << QByteArray("null") << "expected a JSON object at the top level, got null";
    QTest::newRow("two objects") << QByteArray("{}\n{}")
                                 << "invalid JSON at line 2, column 1 (offset 3): garbage at the end of the document";
}

void TestConfig::invalidJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);

    const QString path = write(json);
    Config c;
    QString error;
    QVERIFY(!ConfigLoader::load(path, &c, &error));
    QCOMPARE(error, path + QStringLiteral(": ") + message);
}

void TestConfig::fileErrors()
{
    const QString dir = QDir(m_dir.path()).absolutePath();
    Config c;
    QString error;

    const QString missing = dir + QStringLiteral("/does-not-exist.json");
    QVERIFY(!ConfigLoader::load(missing, &c, &error));
    QCOMPARE(error, missing + QStringLiteral(": cannot read the configuration file (it does not exist)"));

    QVERIFY(!ConfigLoader::load(dir + QStringLiteral("/certs"), &c, &error));
    QCOMPARE(error, dir + QStringLiteral("/certs: cannot read the configuration file (it is a directory)"));

    // A BOM written by an editor is not an error.
    const QString bom =
        write(QByteArray("\xEF\xBB\xBF") + QByteArray(kEarlierEngineConfig), QStringLiteral("bom.json"));
    QVERIFY2(ConfigLoader::load(bom, &c, &error), qPrintable(error));
    QCOMPARE(c.clientName, QStringLiteral("site_a"));

    // Neither config nor error are needed.
    QVERIFY(ConfigLoader::load(bom, nullptr, static_cast<QString *>(nullptr)));
    QVERIFY(!ConfigLoader::load(missing, nullptr, static_cast<ConfigError *>(nullptr)));
}

void TestConfig::unreadableFiles()
{
    if (::geteuid() == 0) {
        // Root reads every file whatever its mode (CI runs as root): the case runs as the
        // user nobody instead, in a child of this program that runs only this function.
        QProcess child;
        child.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TMPDIR"), QStringLiteral("/tmp")); // a folder nobody may write in
        child.setProcessEnvironment(env);
        child.start(QStringLiteral("setpriv"),
                    {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                     QStringLiteral("--clear-groups"), QStringLiteral("--"), QCoreApplication::applicationFilePath(),
                     QStringLiteral("unreadableFiles")});
        QVERIFY2(child.waitForFinished(60000), qPrintable(child.errorString()));
        const QByteArray out = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, out.constData());
        // It ran (was not skipped) and passed as a user that cannot read a file of mode 0200.
        QVERIFY2(out.contains("PASS   : TestConfig::unreadableFiles()"), out.constData());
        return;
    }
    const QString path = write(QByteArray(kEarlierEngineConfig), QStringLiteral("locked.json"));
    QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
    Config c;
    QString error;
    QVERIFY(!ConfigLoader::load(path, &c, &error));
    QCOMPARE(error, path + QStringLiteral(": cannot read the configuration file (Permission denied)"));

    const QString ca = QDir(m_dir.path()).absoluteFilePath(QStringLiteral("locked-ca.crt"));
    write("x", QStringLiteral("locked-ca.crt"));
    QVERIFY(QFile::setPermissions(ca, QFileDevice::WriteOwner));
    const QString config = write(patched(earlierEngineObject(), QStringLiteral("mqttConfig.ca"), R"("locked-ca.crt")"));
    QVERIFY(!ConfigLoader::load(config, &c, &error));
    QCOMPARE(error,
             config + QStringLiteral(": mqttConfig.ca: expected a readable file, but \"") + ca
                 + QStringLiteral("\" cannot be read (Permission denied)"));
}

// Messages name the file as the user gave it, e.g. "config.json: ...".
void TestConfig::messageUsesPathAsGiven()
{
    write(patched(earlierEngineObject(), QStringLiteral("mqttConfig.port"), R"("abc")"), QStringLiteral("config.json"));
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_dir.path()));
    Config c;
    QString error;
    const bool ok = ConfigLoader::load(QStringLiteral("config.json"), &c, &error);
    QVERIFY(QDir::setCurrent(previous));
    QVERIFY(!ok);
    QCOMPARE(error, QStringLiteral(R"(config.json: mqttConfig.port: expected an integer from 1 to 65535, got "abc")"));

    write(patched(earlierEngineObject(), QStringLiteral("fooBar"), "1"), QStringLiteral("config.json"));
    QVERIFY(QDir::setCurrent(m_dir.path()));
    const bool ok2 = ConfigLoader::load(QStringLiteral("config.json"), &c, &error);
    const QString expectedFilePath = QDir(m_dir.path()).absoluteFilePath(QStringLiteral("config.json"));
    QVERIFY(QDir::setCurrent(previous));
    QVERIFY(!ok2);
    QCOMPARE(error, QStringLiteral(R"(config.json: unknown key "fooBar")"));

    // ...while filePath is always absolute.
    write(QByteArray(kEarlierEngineConfig), QStringLiteral("config.json"));
    QVERIFY(QDir::setCurrent(m_dir.path()));
    const bool ok3 = ConfigLoader::load(QStringLiteral("config.json"), &c, &error);
    QVERIFY(QDir::setCurrent(previous));
    QVERIFY2(ok3, qPrintable(error));
    QCOMPARE(c.filePath, expectedFilePath);
    QCOMPARE(c.queueDirectory, QDir(m_dir.path()).absoluteFilePath(QStringLiteral("queue")));
}

// Passwords never appear in a message, whatever else is wrong.
// mysqlConfig.transformerUser/transformerPassword: the login of the transformers' own
// connection. Absent: the engine's login; present: only the user and password change.
void TestConfig::transformerLogin()
{
    const auto load = [this](const QJsonObject &object, Config *c, QString *error) {
        return ConfigLoader::load(write(object), c, error);
    };
    Config c;
    QString error;
    QVERIFY2(load(earlierEngineObject(), &c, &error), qPrintable(error));
    QVERIFY(c.mysql.transformerUser.isEmpty());
    QVERIFY(c.mysql.transformerPassword.isEmpty());
    QVERIFY(!c.mysql.transformerPasswordRef.isReference());
    MysqlConfig login = c.mysql.forTransformers();
    QCOMPARE(login.user, QStringLiteral("sync"));
    QCOMPARE(login.password, QStringLiteral("db-secret-0815"));

    // A user and a plain password.
    QJsonObject object = patched(earlierEngineObject(), QStringLiteral("mysqlConfig.transformerUser"), R"("reader")");
    object = patched(object, QStringLiteral("mysqlConfig.transformerPassword"), R"("reader-pw")");
    QVERIFY2(load(object, &c, &error), qPrintable(error));
    QCOMPARE(c.mysql.transformerUser, QStringLiteral("reader"));
    QCOMPARE(c.mysql.transformerPassword, QStringLiteral("reader-pw"));
    QCOMPARE(c.mysql.user, QStringLiteral("sync")); // the engine's own login is unchanged
    QCOMPARE(c.mysql.password, QStringLiteral("db-secret-0815"));
    login = c.mysql.forTransformers();
    QCOMPARE(login.user, QStringLiteral("reader"));
    QCOMPARE(login.password, QStringLiteral("reader-pw"));
    QCOMPARE(login.host, c.mysql.host);
    QCOMPARE(login.port, c.mysql.port);
    QCOMPARE(login.database, c.mysql.database);

    // The password as a reference, in the forms of mysqlConfig.password.
    object =
        patched(object, QStringLiteral("mysqlConfig.transformerPassword"), R"({"keychain": "site_a-transformers"})");
    QVERIFY2(load(object, &c, &error), qPrintable(error));
    QCOMPARE(c.mysql.transformerPasswordRef.kind, SecretRef::Kind::Keychain);
    QCOMPARE(c.mysql.transformerPasswordRef.name, QStringLiteral("site_a-transformers"));
    QCOMPARE(c.mysql.transformerPasswordRef.service, QStringLiteral("mysql-sync"));
    QCOMPARE(c.mysql.transformerPasswordRef.key, QStringLiteral("mysqlConfig.transformerPassword"));
    QVERIFY(c.mysql.transformerPassword.isEmpty());
    QVERIFY(!c.mysql.passwordRef.isReference()); // mysqlConfig.password stays plain
    object = patched(object, QStringLiteral("mysqlConfig.transformerPassword"), R"({"env": "READER_PW"})");
    QVERIFY2(load(object, &c, &error), qPrintable(error));
    QCOMPARE(c.mysql.transformerPasswordRef.kind, SecretRef::Kind::Env);
    QCOMPARE(c.mysql.transformerPasswordRef.name, QStringLiteral("READER_PW"));
    object = patched(object, QStringLiteral("mysqlConfig.transformerPassword"), R"({"file": "reader.pw"})");
    QVERIFY2(load(object, &c, &error), qPrintable(error));
    QCOMPARE(c.mysql.transformerPasswordRef.kind, SecretRef::Kind::File);
    QCOMPARE(c.mysql.transformerPasswordRef.name, QDir(m_dir.path()).absoluteFilePath(QStringLiteral("reader.pw")));

    // A user without a password logs in without one, never with the engine's.
    object = patched(object, QStringLiteral("mysqlConfig.transformerPassword"), QByteArray());
    QVERIFY2(load(object, &c, &error), qPrintable(error));
    login = c.mysql.forTransformers();
    QCOMPARE(login.user, QStringLiteral("reader"));
    QVERIFY(login.password.isEmpty());
    QVERIFY(!login.passwordRef.isReference());

    // An empty user is the engine's login; with a password it is an error naming the user key.
    object = patched(object, QStringLiteral("mysqlConfig.transformerUser"), R"("")");
    QVERIFY2(load(object, &c, &error), qPrintable(error));
    QCOMPARE(c.mysql.forTransformers().user, QStringLiteral("sync"));
    object = patched(object, QStringLiteral("mysqlConfig.transformerPassword"), R"("reader-pw")");
    const QString path = write(object);
    QVERIFY(!ConfigLoader::load(path, &c, &error));
    QCOMPARE(error,
             path
                 + QStringLiteral(": mysqlConfig.transformerUser: expected the transformers' database user that "
                                  "mysqlConfig.transformerPassword belongs to (a non-empty string), got \"\""));
    QVERIFY(!error.contains(QLatin1String("reader-pw")));
}

void TestConfig::secretsNeverInMessages_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("value");

    QTest::newRow("mqtt password number") << "mqttConfig.password" << QByteArray("987654321");
    QTest::newRow("mysql password number") << "mysqlConfig.password" << QByteArray("987654321");
    QTest::newRow("transformer password number") << "mysqlConfig.transformerPassword" << QByteArray("987654321");
    QTest::newRow("mqtt password array") << "mqttConfig.password" << QByteArray("[987654321]");
    QTest::newRow("other error") << "mysqlConfig.port" << QByteArray(R"("987654321")");
}

void TestConfig::secretsNeverInMessages()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, value);

    QJsonObject object = patched(earlierEngineObject(), key, value);
    const QString path = write(object);
    Config c;
    QString error;
    QVERIFY(!ConfigLoader::load(path, &c, &error));
    QVERIFY2(error.startsWith(path + QStringLiteral(": ") + key + QStringLiteral(": expected ")), qPrintable(error));
    for (const char *secret : {"mqtt-secret-4711", "db-secret-0815"})
        QVERIFY2(!error.contains(QLatin1String(secret)), qPrintable(error));
    if (key.endsWith(QStringLiteral("password")))
        QVERIFY2(!error.contains(QLatin1String("987654321")), qPrintable(error));
}

void TestConfig::failureLeavesConfigUntouched()
{
    Config c;
    c.clientName = QStringLiteral("before");
    c.batchSize = 7;
    QString error;
    QVERIFY(!ConfigLoader::parse("{", QStringLiteral("x.json"), &c, &error));
    QVERIFY(error.startsWith(QStringLiteral("x.json: invalid JSON at line 1, column 2 (offset 1): ")));
    QCOMPARE(c.clientName, QStringLiteral("before"));
    QCOMPARE(c.batchSize, 7);

    // A successful parse replaces everything and clears the error.
    const QString path = write(QByteArray(kEarlierEngineConfig));
    QVERIFY(ConfigLoader::parse(kEarlierEngineConfig, path, &c, &error));
    QVERIFY(error.isEmpty());
    QCOMPARE(c.clientName, QStringLiteral("site_a"));
    QCOMPARE(c.batchSize, 1000);
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
