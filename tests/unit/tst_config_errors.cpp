// tst_config: error messages (a patched configuration per row, invalid JSON). The test class
// is in tst_config.h.
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

// ---------------------------------------------------------------------------
// Errors: each row patches the earlier engine's configuration (an empty value removes the
// key) and gives the whole message after "<file>: ". %DIR% is the temporary directory.
// ---------------------------------------------------------------------------

void TestConfig::errors_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("message");

    const QString tableName =
        QStringLiteral("a table name (a non-empty string of at most 64 characters) or a mapping object");
    const QString clientName = QStringLiteral("a client name (2 to 32 characters of A-Z, a-z, 0-9, _ and -)");
    const QString protocols = QStringLiteral("one of mqtt, tcp, mqtts, ssl, ws, wss, wx, wxs");
    const QString timezone = QStringLiteral(R"("local", "Z" or an offset "+HH:MM"/"-HH:MM")");

    // Required keys.
    QTest::newRow("missing mqttConfig") << "mqttConfig" << QByteArray()
                                        << "mqttConfig: missing required key, expected an object";
    QTest::newRow("missing mysqlConfig")
        << "mysqlConfig" << QByteArray()
        << "mysqlConfig: missing required key, expected the site's database: mysqlConfig (MySQL/MariaDB) or "
           "postgresConfig (PostgreSQL), exactly one of them";
    QTest::newRow("missing syncTables") << "syncTables" << QByteArray()
                                        << "syncTables: missing required key, expected an array of table names or mapping objects";
    QTest::newRow("missing receiveTables")
        << "receiveTables" << QByteArray() << "receiveTables: missing required key, expected an array of table names or mapping objects";
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
                                       << R"(syncTables: expected an array of table names or mapping objects, got "items")";
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
        << "receiveTables" << QByteArray("{}") << "receiveTables: expected an array of table names or mapping objects, got an object";
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

    // Conflict policies (issue 15): only for bidirectional tables, each one named.
    QTest::newRow("conflicts not an object")
        << "conflicts" << QByteArray(R"("newest")")
        << QStringLiteral(R"(conflicts: expected an object of table names to "newest", "manual" or {"policy": )"
                          R"("priority", "sites": [client names]}, got "newest")");
    QTest::newRow("conflicts unknown policy")
        << "conflicts" << QByteArray(R"({"items": "oldest"})")
        << QStringLiteral(R"(conflicts.items: expected "newest", "manual" or {"policy": "priority", "sites": )"
                          R"([client names]}, got "oldest")");
    QTest::newRow("conflicts priority without sites")
        << "conflicts" << QByteArray(R"({"items": {"policy": "priority"}})")
        << QStringLiteral("conflicts.items.sites: expected a non-empty array of client names, the first winning, got "
                          "nothing");
    QTest::newRow("conflicts priority site twice")
        << "conflicts" << QByteArray(R"({"items": {"policy": "priority", "sites": ["site_a", "site_a"]}})")
        << QStringLiteral(R"(conflicts.items.sites[1]: expected a client name not listed before, got "site_a")");
    QTest::newRow("conflicts unknown field")
        << "conflicts" << QByteArray(R"({"items": {"policy": "manual", "sites": []}})")
        << QStringLiteral("conflicts.items.sites: unknown key");
    QTest::newRow("conflicts on a one-way table")
        << "conflicts" << QByteArray(R"({"orders": "manual"})")
        << QStringLiteral("conflicts.orders: names a table that is not in both syncTables and receiveTables: "
                          "conflicts arise only on bidirectional tables");

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
