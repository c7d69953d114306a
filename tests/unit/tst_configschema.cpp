// ConfigSchema: the one table of the configuration's keys, and the errors that name them.
#include "config/Config.h"
#include "config/ConfigSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync;

class TestConfigSchema : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsAreConfigs()
    {
        // The schema's defaults and Config's own are the same values.
        const Config c;
        const auto def = [](const char *path) {
            const ConfigKey *k = ConfigSchema::find(QLatin1String(path));
            return k ? k->defaultValue : QJsonValue(QJsonValue::Undefined);
        };
        QCOMPARE(def("checkInterval").toInt(), c.checkIntervalMs);
        QCOMPARE(def("loggingLevel").toString(), c.loggingLevel);
        QCOMPARE(def("captureInterval").toInt(), c.captureIntervalMs);
        QCOMPARE(def("batchSize").toInt(), c.batchSize);
        QCOMPARE(def("resendTimeout").toInt(), c.resendTimeoutMs);
        QCOMPARE(def("sendWindow").toInt(), c.sendWindow);
        QCOMPARE(def("transformTimeout").toInt(), c.transformTimeoutMs);
        QCOMPARE(def("mqttConfig.host").toString(), c.mqtt.host);
        QCOMPARE(def("mqttConfig.port").toInt(), c.mqtt.port);
        QCOMPARE(def("mqttConfig.protocol").toString(), c.mqtt.protocol);
        QCOMPARE(def("mqttConfig.path").toString(), c.mqtt.path);
        QCOMPARE(def("mqttConfig.keepalive").toInt(), c.mqtt.keepaliveSeconds);
        QCOMPARE(def("mqttConfig.clean").toBool(), c.mqtt.clean);
        QCOMPARE(def("mqttConfig.reconnectPeriod").toInt(), c.mqtt.reconnectPeriodMs);
        QCOMPARE(def("mqttConfig.connectTimeout").toInt(), c.mqtt.connectTimeoutMs);
        QCOMPARE(def("mqttConfig.rejectUnauthorized").toBool(), c.mqtt.tls.rejectUnauthorized);
        QCOMPARE(def("mysqlConfig.host").toString(), c.mysql.host);
        QCOMPARE(def("mysqlConfig.port").toInt(), c.mysql.port);
        QCOMPARE(def("mysqlConfig.charset").toString(), c.mysql.charset);
        QCOMPARE(def("mysqlConfig.timezone").toString(), c.mysql.timezone);
        QCOMPARE(def("mysqlConfig.connectTimeout").toInt(), c.mysql.connectTimeoutMs);
    }

    void everyKeyIsDescribed()
    {
        QSet<QString> paths;
        for (const ConfigKey &k : ConfigSchema::keys()) {
            QVERIFY2(!paths.contains(k.path), qPrintable(k.path));
            paths.insert(k.path);
            QVERIFY2(!k.help.isEmpty(), qPrintable(k.path));
            // What the form shows itself has a label; the security page shows the rest.
            if (k.group != ConfigKey::Group::None && k.group != ConfigKey::Group::Security)
                QVERIFY2(k.label, qPrintable(k.path));
            if (k.type == ConfigKey::Type::Integer)
                QVERIFY2(k.min <= k.max, qPrintable(k.path));
            // A key inside a section: the section is in the table too.
            const int dot = k.path.lastIndexOf(QLatin1Char('.'));
            if (dot > 0) {
                QString section = k.path.left(dot);
                if (section.endsWith(QLatin1String("[]")))
                    section.chop(2);
                QVERIFY2(ConfigSchema::find(section), qPrintable(k.path));
            }
        }
        // The keys the issue found without a field have one now.
        for (const char *path : {"sendWindow", "transformTimeout", "mysqlConfig.charset", "mysqlConfig.timezone",
                                 "mysqlConfig.socketPath", "mysqlConfig.connectTimeout", "mqttConfig.servers"}) {
            const ConfigKey *k = ConfigSchema::find(QLatin1String(path));
            QVERIFY2(k && k->group != ConfigKey::Group::None && k->label, path);
        }
    }

    void childNamesAndPaths()
    {
        QCOMPARE(ConfigSchema::childNames(QStringLiteral("mysqlConfig.ssl")),
                 (QStringList{QStringLiteral("ca"), QStringLiteral("cert"), QStringLiteral("key"),
                              QStringLiteral("rejectUnauthorized")}));
        QCOMPARE(ConfigSchema::childNames(QStringLiteral("mqttConfig.servers[]")),
                 (QStringList{QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("protocol")}));
        QVERIFY(ConfigSchema::childNames(QString()).contains(QStringLiteral("sendWindow")));
        QVERIFY(!ConfigSchema::childNames(QString()).contains(QStringLiteral("mqttConfig.host")));
        QCOMPARE(ConfigSchema::schemaPath(QStringLiteral("remoteClients[1]")), QStringLiteral("remoteClients"));
        QCOMPARE(ConfigSchema::schemaPath(QStringLiteral("mqttConfig.servers[10].host")),
                 QStringLiteral("mqttConfig.servers[].host"));
        QCOMPARE(ConfigSchema::find(QStringLiteral("mqttConfig.port"))->expected(),
                 QStringLiteral("an integer from 1 to 65535"));
        QCOMPARE(ConfigSchema::find(QStringLiteral("checkInterval"))->expected(),
                 QStringLiteral("an integer from 10 to 86400000 (milliseconds)"));
    }

    void errorsCarryTheKey_data()
    {
        QTest::addColumn<QByteArray>("patch"); // replaces "PATCH" in a valid file
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        QTest::newRow("range") << QByteArray(R"("sendWindow": 0)") << "sendWindow"
                               << "expected an integer from 1 to 100000, got 0";
        QTest::newRow("nested") << QByteArray(R"("transformTimeout": 5)") << "transformTimeout"
                                << "expected an integer from 10 to 600000 (milliseconds), got 5";
        QTest::newRow("unknown") << QByteArray(R"("sendwindow": 10)") << "sendwindow"
                                 << R"(unknown key "sendwindow")";
        QTest::newRow("self")
            << QByteArray(R"("remoteClients": ["site_b", "site_a"])") << "remoteClients[1]"
            << "expected the name of another client, got \"site_a\", which is this engine's own clientName";
    }
    void errorsCarryTheKey()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QString, key);
        QFETCH(QString, message);
        QByteArray json = R"({"mqttConfig": {"host": "h"}, "mysqlConfig": {"database": "d"}, "syncTables": [],
            "receiveTables": [], "clientName": "site_a", "queueDirectory": "q", "checkInterval": 1000, PATCH})";
        if (!patch.startsWith("\"remoteClients\""))
            json.replace("PATCH", QByteArray(QByteArray("\"remoteClients\": [], ") + patch));
        else
            json.replace("PATCH", patch);
        Config c;
        ConfigError error;
        QVERIFY(!ConfigLoader::parse(json, QStringLiteral("/tmp/x.json"), &c, &error));
        QCOMPARE(error.key, key);
        QCOMPARE(error.message, message);
        QVERIFY2(error.text.startsWith(QStringLiteral("/tmp/x.json: ")), qPrintable(error.text));
        QVERIFY2(error.text.endsWith(message), qPrintable(error.text));
        // The text form is the same line.
        QString text;
        QVERIFY(!ConfigLoader::parse(json, QStringLiteral("/tmp/x.json"), &c, &text));
        QCOMPARE(text, error.text);
    }

    void starterDocumentIsValidOnceNamed()
    {
        QJsonObject doc = ConfigSchema::starterDocument(QStringLiteral("site_a"), QStringLiteral("queue"));
        QJsonObject mysql = doc.value(QStringLiteral("mysqlConfig")).toObject();
        // Without a database it is not complete: the one thing the user must fill in.
        Config c;
        ConfigError error;
        QVERIFY(!ConfigLoader::parse(QJsonDocument(doc).toJson(), QString(), &c, &error));
        QCOMPARE(error.key, QStringLiteral("mysqlConfig.database"));
        mysql.insert(QStringLiteral("database"), QStringLiteral("shop"));
        doc.insert(QStringLiteral("mysqlConfig"), mysql);
        QVERIFY2(ConfigLoader::parse(QJsonDocument(doc).toJson(), QString(), &c, &error), qPrintable(error.text));
        QCOMPARE(c.clientName, QStringLiteral("site_a"));
        QCOMPARE(c.mqtt.port, 1883);
        QCOMPARE(c.checkIntervalMs, 1000);
        QVERIFY(c.syncTables.isEmpty() && c.remoteClients.isEmpty());
    }

    void configuredTables()
    {
        Config c;
        c.syncTables = {QStringLiteral("a"), QStringLiteral("b")};
        c.receiveTables = {QStringLiteral("c"), QStringLiteral("a")};
        QCOMPARE(c.configuredTables(), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        c.syncTables.clear();
        QCOMPARE(c.configuredTables(), (QStringList{QStringLiteral("c"), QStringLiteral("a")}));
    }
};

QTEST_GUILESS_MAIN(TestConfigSchema)
#include "tst_configschema.moc"
