#include "config/Config.h"
#include "config/ConfigSchema.h"
#include "configuration/ConfigForm.h"
#include "configuration/ConfigPage.h"
#include "configuration/FiltersEditor.h"
#include "configuration/TablePicker.h"
#include "monitor/ConfigFile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync::ui;

static QJsonObject validConfig()
{
    return QJsonDocument::fromJson(R"({
        "mqttConfig": { "host": "127.0.0.1", "port": 1883, "protocol": "mqtt",
                        "password": {"env": "BROKER_PW"},
                        "servers": [{"host": "backup.example.org", "port": 1884, "protocol": "mqtt"}] },
        "mysqlConfig": { "host": "127.0.0.1", "port": 3306, "user": "sync", "password": "secret",
                         "database": "shop" },
        "syncTables": ["items"], "receiveTables": ["items"],
        "clientName": "site_a", "remoteClients": ["site_b"],
        "queueDirectory": "queue", "checkInterval": 1000
    })")
        .object();
}

// validConfig() as a PostgreSQL site (issue 17): postgresConfig in place of mysqlConfig.
static QJsonObject postgresConfig()
{
    QJsonObject config = validConfig();
    config.remove(QStringLiteral("mysqlConfig"));
    config.insert(QStringLiteral("postgresConfig"),
                  QJsonDocument::fromJson(R"({
        "host": "pg.example.org", "port": 5433, "user": "syncer", "password": {"env": "PG_PW"},
        "database": "shop", "schema": "app", "connectTimeout": 5000, "tls": {"verify": false}
    })")
                      .object());
    return config;
}

class TestConfigForm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // A file with postgresConfig shows PostgreSQL with its values and is written back as it
    // was: postgresConfig only, the password reference and the TLS switch kept.
    void postgresRoundTrip()
    {
        ConfigForm form;
        form.setDocument(postgresConfig());
        QCOMPARE(form.databaseKind(), mysqlsync::DatabaseKind::Postgres);
        QCOMPARE(form.databaseKindBox()->currentText(), QStringLiteral("PostgreSQL"));
        auto text = [&](const char *key) {
            return qobject_cast<QLineEdit *>(form.fieldFor(QLatin1String(key)))->text();
        };
        auto number = [&](const char *key) {
            return qobject_cast<QSpinBox *>(form.fieldFor(QLatin1String(key)))->value();
        };
        QCOMPARE(text("postgresConfig.host"), QStringLiteral("pg.example.org"));
        QCOMPARE(number("postgresConfig.port"), 5433);
        QCOMPARE(text("postgresConfig.user"), QStringLiteral("syncer"));
        QCOMPARE(text("postgresConfig.database"), QStringLiteral("shop"));
        QCOMPARE(text("postgresConfig.schema"), QStringLiteral("app"));
        QCOMPARE(number("postgresConfig.connectTimeout"), 5000);
        QVERIFY(qobject_cast<QCheckBox *>(form.fieldFor(QStringLiteral("postgresConfig.tls")))->isChecked());
        QVERIFY(!qobject_cast<QCheckBox *>(form.fieldFor(QStringLiteral("postgresConfig.tls.verify")))->isChecked());
        // Only the chosen kind's fields are shown.
        form.show();
        QVERIFY(form.fieldFor(QStringLiteral("postgresConfig.host"))->isVisible());
        QVERIFY(!form.fieldFor(QStringLiteral("mysqlConfig.host"))->isVisible());
        QVERIFY(form.fieldFor(QStringLiteral("postgresConfig.password"))->isVisible());
        QVERIFY(!form.fieldFor(QStringLiteral("mysqlConfig.password"))->isVisible());

        QCOMPARE(form.document().value(QStringLiteral("postgresConfig")),
                 postgresConfig().value(QStringLiteral("postgresConfig")));
        QVERIFY(!form.document().contains(QStringLiteral("mysqlConfig")));
        QVERIFY2(form.validate(QStringLiteral("/tmp/site.json")), qPrintable(form.validationMessage()));

        // Edited values are written where the loader reads them.
        qobject_cast<QSpinBox *>(form.fieldFor(QStringLiteral("postgresConfig.port")))->setValue(6543);
        qobject_cast<QLineEdit *>(form.fieldFor(QStringLiteral("postgresConfig.schema")))
            ->setText(QStringLiteral("s2"));
        mysqlsync::Config config;
        QString error;
        QVERIFY2(mysqlsync::ConfigLoader::parse(QJsonDocument(form.document()).toJson(),
                                                QStringLiteral("/tmp/site.json"), &config, &error),
                 qPrintable(error));
        QCOMPARE(config.databaseKind, mysqlsync::DatabaseKind::Postgres);
        QCOMPARE(config.postgres.port, 6543);
        QCOMPARE(config.postgres.schema, QStringLiteral("s2"));
        QCOMPARE(config.postgres.passwordRef.name, QStringLiteral("PG_PW"));
        QVERIFY(!config.postgres.tls.rejectUnauthorized);
        QVERIFY(config.postgres.tlsEnabled);
    }

    // The Configuration tab's raw view of a PostgreSQL site: postgresConfig shown, its plain
    // password masked.
    void postgresRawViewMasksThePassword()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pg.json"));
        QJsonObject config = postgresConfig();
        QJsonObject postgres = config.value(QStringLiteral("postgresConfig")).toObject();
        postgres.insert(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
        postgres.insert(QStringLiteral("port"), 1); // the page lists the tables: refused at once
        postgres.insert(QStringLiteral("password"), QStringLiteral("pg-plain-secret"));
        config.insert(QStringLiteral("postgresConfig"), postgres);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(config).toJson());
        }
        ConfigPage page;
        QVERIFY(page.load(path));
        auto *raw = page.findChild<QPlainTextEdit *>();
        QVERIFY(raw);
        QVERIFY2(raw->toPlainText().contains(QStringLiteral("\"postgresConfig\"")), qPrintable(raw->toPlainText()));
        QVERIFY2(!raw->toPlainText().contains(QStringLiteral("pg-plain-secret")), qPrintable(raw->toPlainText()));
        QVERIFY(raw->toPlainText().contains(QStringLiteral("********")));
    }

    // Switching the kind writes exactly one database section, and keeps what was typed in the
    // other kind's fields until the form gets a new document.
    void switchingKindKeepsBoth()
    {
        ConfigForm form;
        form.setDocument(validConfig());
        QCOMPARE(form.databaseKind(), mysqlsync::DatabaseKind::MariaDb);
        QSignalSpy changed(&form, &ConfigForm::changed);
        form.databaseKindBox()->setCurrentIndex(form.databaseKindBox()->findText(QStringLiteral("PostgreSQL")));
        QCOMPARE(form.databaseKind(), mysqlsync::DatabaseKind::Postgres);
        QVERIFY(changed.count() > 0);
        // PostgreSQL's defaults; the database is required and named when left empty.
        QCOMPARE(qobject_cast<QSpinBox *>(form.fieldFor(QStringLiteral("postgresConfig.port")))->value(), 5432);
        QVERIFY(!form.validate(QStringLiteral("/tmp/site.json")));
        QCOMPARE(form.invalidKey(), QStringLiteral("postgresConfig.database"));
        qobject_cast<QLineEdit *>(form.fieldFor(QStringLiteral("postgresConfig.database")))
            ->setText(QStringLiteral("pgshop"));
        QJsonObject out = form.document();
        QVERIFY(!out.contains(QStringLiteral("mysqlConfig")));
        QCOMPARE(out.value(QStringLiteral("postgresConfig")).toObject(),
                 (QJsonObject{{QStringLiteral("database"), QStringLiteral("pgshop")}}));
        QVERIFY2(form.validate(QStringLiteral("/tmp/site.json")), qPrintable(form.validationMessage()));

        // Back: mysqlConfig as the file had it (with the password), no postgresConfig.
        form.setDatabaseKind(mysqlsync::DatabaseKind::MariaDb);
        out = form.document();
        QVERIFY(!out.contains(QStringLiteral("postgresConfig")));
        QCOMPARE(out.value(QStringLiteral("mysqlConfig")), validConfig().value(QStringLiteral("mysqlConfig")));
        // And again: what was typed for PostgreSQL is still there.
        form.setDatabaseKind(mysqlsync::DatabaseKind::Postgres);
        QCOMPARE(form.document().value(QStringLiteral("postgresConfig")).toObject().value(QStringLiteral("database")),
                 QJsonValue(QStringLiteral("pgshop")));
    }

    void roundTripKeepsWhatTheFormDoesNotShow()
    {
        ConfigForm form;
        form.setDocument(validConfig());
        const QJsonObject out = form.document();
        // mqttConfig.servers unchanged: kept as it was. Password by reference: kept.
        QCOMPARE(out.value(QStringLiteral("mqttConfig")).toObject().value(QStringLiteral("servers")).toArray().size(),
                 1);
        QCOMPARE(out.value(QStringLiteral("mqttConfig"))
                     .toObject()
                     .value(QStringLiteral("password"))
                     .toObject()
                     .value(QStringLiteral("env"))
                     .toString(),
                 QStringLiteral("BROKER_PW"));
        // Optional keys the file did not have are not added when left at their default.
        QVERIFY(!out.contains(QStringLiteral("captureInterval")));
        QVERIFY(!out.value(QStringLiteral("mqttConfig")).toObject().contains(QStringLiteral("keepalive")));
        QCOMPARE(out.value(QStringLiteral("remoteClients")).toArray().first().toString(), QStringLiteral("site_b"));
        QVERIFY(form.validate(QStringLiteral("/tmp/site.json")));
        QVERIFY(form.validationMessage().isEmpty());
    }

    // Mapping objects in syncTables/receiveTables (issue 16): the picker shows them read-only
    // and the form writes them back unchanged; filters are a comma-separated line.
    void mappingEntriesKept()
    {
        QJsonObject config = validConfig();
        const QJsonArray receive = QJsonDocument::fromJson(R"(["items", {"table": "stock", "from": "goods",
            "columns": {"id": "id", "qty": "quantity"}, "update": ["quantity"], "delete": false}])")
                                       .array();
        config.insert(QStringLiteral("receiveTables"), receive);
        config.insert(QStringLiteral("filters"), QJsonArray{QStringLiteral("items.secret")});
        ConfigForm form;
        form.setDocument(config);
        auto *picker = qobject_cast<TablePicker *>(form.fieldFor(QStringLiteral("receiveTables")));
        QVERIFY(picker);
        QCOMPARE(picker->selected(), QStringList{QStringLiteral("items")});
        QVERIFY2(picker->mappedText().contains(QLatin1String("stock (as goods)")), qPrintable(picker->mappedText()));
        const QJsonObject out = form.document();
        QCOMPARE(out.value(QStringLiteral("receiveTables")).toArray(), receive);
        QCOMPARE(out.value(QStringLiteral("filters")).toArray(), QJsonArray{QStringLiteral("items.secret")});
        QVERIFY2(form.validate(QStringLiteral("/tmp/site.json")), qPrintable(form.validationMessage()));

        // No filters in the file, none typed: the key is not added.
        ConfigForm plain;
        plain.setDocument(validConfig());
        QVERIFY(!plain.document().contains(QStringLiteral("filters")));
        auto *filters = qobject_cast<FiltersEditor *>(plain.fieldFor(QStringLiteral("filters")));
        QVERIFY(filters);
        QVERIFY(filters->add(QStringLiteral("items"), QStringLiteral("secret")));
        QVERIFY(filters->add(QStringLiteral("items"), QStringLiteral("token")));
        QVERIFY(!filters->add(QStringLiteral("items"), QStringLiteral("token"))); // listed already
        QCOMPARE(plain.document().value(QStringLiteral("filters")).toArray(),
                 (QJsonArray{QStringLiteral("items.secret"), QStringLiteral("items.token")}));
    }

    void validationNamesTheField_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::newRow("client name") << "clientName"
                                     << "x";
        QTest::newRow("queue directory") << "queueDirectory"
                                         << "";
        QTest::newRow("remote clients") << "remoteClients"
                                        << "site_b, no way";
        QTest::newRow("remote clients: self") << "remoteClients"
                                              << "site_b, site_a";
        // Keys that had no field before the form was built from ConfigSchema.
        QTest::newRow("charset") << "mysqlConfig.charset"
                                 << "latin1";
        QTest::newRow("timezone") << "mysqlConfig.timezone"
                                  << "Europe/Paris";
        QTest::newRow("fallback broker port") << "mqttConfig.servers"
                                              << "backup.example.org:x";
        QTest::newRow("fallback broker without port") << "mqttConfig.servers"
                                                      << "backup.example.org";
    }
    void validationNamesTheField()
    {
        QFETCH(QString, key);
        QFETCH(QString, text);
        ConfigForm form;
        form.setDocument(validConfig());
        auto *edit = qobject_cast<QLineEdit *>(form.fieldFor(key));
        QVERIFY(edit);
        edit->setText(text);
        QString message;
        QVERIFY(!form.validate(QStringLiteral("/tmp/site.json"), &message));
        QVERIFY2(message.contains(key), qPrintable(message));
        QVERIFY2(message.startsWith(QStringLiteral("/tmp/site.json")), qPrintable(message));
        QCOMPARE(form.invalidKey(), key);
        QCOMPARE(form.validationMessage(), message);
        QVERIFY(!edit->styleSheet().isEmpty()); // the field is marked
        // Fixed: valid again, marks cleared.
        form.setDocument(validConfig());
        QVERIFY(form.validate(QStringLiteral("/tmp/site.json")));
        QVERIFY(edit->styleSheet().isEmpty());
    }

    void everySchemaKeyHasAField()
    {
        ConfigForm form;
        for (const mysqlsync::ConfigKey &k : mysqlsync::ConfigSchema::keys()) {
            if (k.group == mysqlsync::ConfigKey::Group::None)
                continue; // sections and the keys of a fallback broker (edited as one line)
            if (k.type == mysqlsync::ConfigKey::Type::Object)
                continue; // mysqlConfig.ssl: its keys are SecuritySettings' fields
            QVERIFY2(form.fieldFor(k.path), qPrintable(k.path));
        }
    }

    // mysqlConfig.transformerUser (a field of the database group) and transformerPassword
    // (SecuritySettings' keychain field): absent, they are not written; present, kept; a
    // password without its user is refused, naming the user's field.
    void transformerLoginEdited()
    {
        ConfigForm form;
        form.setDocument(validConfig());
        auto *user = qobject_cast<QLineEdit *>(form.fieldFor(QStringLiteral("mysqlConfig.transformerUser")));
        QVERIFY(user);
        QVERIFY(user->text().isEmpty());
        QVERIFY(form.fieldFor(QStringLiteral("mysqlConfig.transformerPassword")));
        QJsonObject mysql = form.document().value(QStringLiteral("mysqlConfig")).toObject();
        QVERIFY(!mysql.contains(QStringLiteral("transformerUser")));
        QVERIFY(!mysql.contains(QStringLiteral("transformerPassword")));

        QJsonObject config = validConfig();
        mysql = config.value(QStringLiteral("mysqlConfig")).toObject();
        mysql.insert(QStringLiteral("transformerUser"), QStringLiteral("reader"));
        mysql.insert(QStringLiteral("transformerPassword"),
                     QJsonObject{{QStringLiteral("env"), QStringLiteral("READER_PW")}});
        config.insert(QStringLiteral("mysqlConfig"), mysql);
        form.setDocument(config);
        QCOMPARE(user->text(), QStringLiteral("reader"));
        QCOMPARE(form.document().value(QStringLiteral("mysqlConfig")).toObject(), mysql);
        QVERIFY(form.validate(QStringLiteral("/tmp/site.json")));

        user->setText(QString());
        QString message;
        QVERIFY(!form.validate(QStringLiteral("/tmp/site.json"), &message));
        QCOMPARE(form.invalidKey(), QStringLiteral("mysqlConfig.transformerUser"));
        QVERIFY2(message.contains(QLatin1String("mysqlConfig.transformerPassword")), qPrintable(message));
        QVERIFY(!user->styleSheet().isEmpty());
    }

    void newNumberFieldsValidated_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("value");
        QTest::addColumn<int>("wrong");
        QTest::newRow("sendWindow") << "sendWindow" << 500 << 0;
        QTest::newRow("transformTimeout") << "transformTimeout" << 2000 << 5;
        QTest::newRow("mysql connectTimeout") << "mysqlConfig.connectTimeout" << 10000 << 0;
    }
    void newNumberFieldsValidated()
    {
        QFETCH(QString, key);
        QFETCH(int, value);
        QFETCH(int, wrong);
        ConfigForm form;
        form.setDocument(validConfig());
        auto *spin = qobject_cast<QSpinBox *>(form.fieldFor(key));
        QVERIFY(spin);
        QCOMPARE(spin->value(), value); // the schema's default
        // Left at the default: not written.
        QVERIFY(!form.document().contains(key)
                && !form.document()
                        .value(QStringLiteral("mysqlConfig"))
                        .toObject()
                        .contains(key.section(QLatin1Char('.'), 1)));
        spin->setValue(wrong);
        QString message;
        QVERIFY(!form.validate(QStringLiteral("/tmp/site.json"), &message));
        QCOMPARE(form.invalidKey(), key);
        QVERIFY(!spin->styleSheet().isEmpty());
        spin->setValue(value + 1);
        QVERIFY2(form.validate(QStringLiteral("/tmp/site.json"), &message), qPrintable(message));
    }

    void fallbackBrokersEdited()
    {
        ConfigForm form;
        form.setDocument(validConfig());
        auto *edit = qobject_cast<QLineEdit *>(form.fieldFor(QStringLiteral("mqttConfig.servers")));
        QVERIFY(edit);
        QCOMPARE(edit->text(), QStringLiteral("mqtt://backup.example.org:1884"));
        edit->setText(QStringLiteral("mqtt://backup.example.org:1884, wss://third.example.org:443"));
        const QJsonArray servers =
            form.document().value(QStringLiteral("mqttConfig")).toObject().value(QStringLiteral("servers")).toArray();
        QCOMPARE(servers.size(), 2);
        QCOMPARE(servers.at(1).toObject().value(QStringLiteral("host")).toString(),
                 QStringLiteral("third.example.org"));
        QCOMPARE(servers.at(1).toObject().value(QStringLiteral("port")).toInt(), 443);
        QCOMPARE(servers.at(1).toObject().value(QStringLiteral("protocol")).toString(), QStringLiteral("wss"));
        QVERIFY(form.validate(QStringLiteral("/tmp/site.json")));
    }

    // conflicts (issue 15): one line "table=policy, …" <-> the JSON object, both ways; a file
    // without the key gets none; what does not parse is refused with a message naming it.
    void conflictPoliciesRoundTrip()
    {
        QJsonObject config = validConfig();
        config.insert(QStringLiteral("syncTables"),
                      QJsonArray{QStringLiteral("items"), QStringLiteral("notes"), QStringLiteral("orders")});
        config.insert(QStringLiteral("receiveTables"),
                      QJsonArray{QStringLiteral("items"), QStringLiteral("notes"), QStringLiteral("orders")});
        ConfigForm form;
        form.setDocument(config);
        auto *edit = qobject_cast<QLineEdit *>(form.fieldFor(QStringLiteral("conflicts")));
        QVERIFY(edit);
        QVERIFY(edit->text().isEmpty());
        QVERIFY(!form.document().contains(QStringLiteral("conflicts"))); // not added when left empty
        QVERIFY(form.validate(QStringLiteral("/tmp/site.json")));

        const QJsonObject policies = QJsonDocument::fromJson(R"({
            "items": "newest", "notes": "manual",
            "orders": {"policy": "priority", "sites": ["site_b", "site_a"]}})")
                                         .object();
        config.insert(QStringLiteral("conflicts"), policies);
        form.setDocument(config);
        QCOMPARE(edit->text(), QStringLiteral("items=newest, notes=manual, orders=priority:site_b>site_a"));
        QCOMPARE(form.document().value(QStringLiteral("conflicts")).toObject(), policies); // JSON -> field -> JSON
        QVERIFY2(form.validate(QStringLiteral("/tmp/site.json")), qPrintable(form.validationMessage()));

        // Edited: written as the loader reads it.
        edit->setText(QStringLiteral(" orders = priority: site_a > site_b ,items=manual"));
        const QJsonObject edited = form.document().value(QStringLiteral("conflicts")).toObject();
        QCOMPARE(edited,
                 QJsonDocument::fromJson(R"({"items": "manual",
            "orders": {"policy": "priority", "sites": ["site_a", "site_b"]}})")
                     .object());
        QVERIFY2(form.validate(QStringLiteral("/tmp/site.json")), qPrintable(form.validationMessage()));
        mysqlsync::Config loaded;
        QString error;
        QVERIFY2(mysqlsync::ConfigLoader::parse(QJsonDocument(form.document()).toJson(), QStringLiteral("/tmp/s.json"),
                                                &loaded, &error),
                 qPrintable(error));
        QCOMPARE(loaded.conflictPolicy(QStringLiteral("orders")).kind, mysqlsync::ConflictPolicy::Kind::Priority);
        QCOMPARE(loaded.conflictPolicy(QStringLiteral("orders")).sites,
                 (QStringList{QStringLiteral("site_a"), QStringLiteral("site_b")}));
        QCOMPARE(loaded.conflictPolicy(QStringLiteral("items")).kind, mysqlsync::ConflictPolicy::Kind::Manual);

        // Emptied: an empty object (every table newest), still valid.
        edit->setText(QString());
        QCOMPARE(form.document().value(QStringLiteral("conflicts")), QJsonValue(QJsonObject()));
        QVERIFY(form.validate(QStringLiteral("/tmp/site.json")));

        // Refused with a message that names the item; the field is marked.
        for (const QString &bad :
             {QStringLiteral("items"), QStringLiteral("items=oldest"), QStringLiteral("orders=priority"),
              QStringLiteral("orders=priority:site_a>>site_b"), QStringLiteral("items=newest, items=manual")}) {
            edit->setText(bad);
            QString message;
            QVERIFY2(!form.validate(QStringLiteral("/tmp/site.json"), &message), qPrintable(bad));
            QCOMPARE(form.invalidKey(), QStringLiteral("conflicts"));
            QVERIFY2(message.contains(QStringLiteral("conflicts: \"")), qPrintable(message));
            QVERIFY(!edit->styleSheet().isEmpty());
            // The document keeps what the file had (a string would break the file).
            QCOMPARE(form.document().value(QStringLiteral("conflicts")).toObject(), policies);
        }
        // Parsed but wrong for the loader (a table that is not bidirectional): its message.
        edit->setText(QStringLiteral("customers=manual"));
        QString message;
        QVERIFY(!form.validate(QStringLiteral("/tmp/site.json"), &message));
        QCOMPARE(form.invalidKey(), QStringLiteral("conflicts"));
        QVERIFY2(message.contains(QStringLiteral("bidirectional")), qPrintable(message));
    }

    void numberFieldValidated()
    {
        ConfigForm form;
        form.setDocument(validConfig());
        auto *spin = qobject_cast<QSpinBox *>(form.fieldFor(QStringLiteral("mqttConfig.port")));
        QVERIFY(spin);
        spin->setValue(70000);
        QString message;
        QVERIFY(!form.validate(QStringLiteral("/tmp/site.json"), &message));
        QCOMPARE(form.invalidKey(), QStringLiteral("mqttConfig.port"));
    }

    void saveIsAtomicWithBackup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("site.json"));
        const QByteArray original = QJsonDocument(validConfig()).toJson();
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(original);
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        ConfigPage page;
        QVERIFY(page.load(path));
        qobject_cast<QLineEdit *>(page.form()->fieldFor(QStringLiteral("clientName")))
            ->setText(QStringLiteral("site_z"));
        QString error;
        QVERIFY2(page.save(&error), qPrintable(error));
        QJsonObject saved;
        QVERIFY(ConfigFile::read(path, &saved, &error));
        QCOMPARE(saved.value(QStringLiteral("clientName")).toString(), QStringLiteral("site_z"));
        QFile backup(ConfigFile::backupPath(path));
        QVERIFY(backup.open(QIODevice::ReadOnly));
        QCOMPARE(backup.readAll(), original);
        QCOMPARE(backup.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
        QVERIFY(!QFile::exists(path + QStringLiteral(".tmp")));

        // An invalid form is not saved: the file stays as it was.
        qobject_cast<QLineEdit *>(page.form()->fieldFor(QStringLiteral("clientName")))->setText(QStringLiteral("?"));
        QVERIFY(!page.save(&error));
        QVERIFY(ConfigFile::read(path, &saved, &error));
        QCOMPARE(saved.value(QStringLiteral("clientName")).toString(), QStringLiteral("site_z"));
    }
};

QTEST_MAIN(TestConfigForm)
#include "tst_configform.moc"
