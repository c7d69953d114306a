#include "ConfigFile.h"
#include "ConfigForm.h"
#include "ConfigPage.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
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
    })").object();
}

class TestConfigForm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripKeepsWhatTheFormDoesNotShow()
    {
        ConfigForm form;
        form.setDocument(validConfig());
        const QJsonObject out = form.document();
        // No field for mqttConfig.servers: kept. Password by reference: kept.
        QCOMPARE(out.value(QStringLiteral("mqttConfig")).toObject().value(QStringLiteral("servers")).toArray().size(), 1);
        QCOMPARE(out.value(QStringLiteral("mqttConfig")).toObject().value(QStringLiteral("password")).toObject()
                     .value(QStringLiteral("env")).toString(), QStringLiteral("BROKER_PW"));
        // Optional keys the file did not have are not added when left at their default.
        QVERIFY(!out.contains(QStringLiteral("captureInterval")));
        QVERIFY(!out.value(QStringLiteral("mqttConfig")).toObject().contains(QStringLiteral("keepalive")));
        QCOMPARE(out.value(QStringLiteral("remoteClients")).toArray().first().toString(), QStringLiteral("site_b"));
        QVERIFY(form.validate(QStringLiteral("/tmp/site.json")));
        QVERIFY(form.validationMessage().isEmpty());
    }

    void validationNamesTheField_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::newRow("client name") << "clientName" << "x";
        QTest::newRow("queue directory") << "queueDirectory" << "";
        QTest::newRow("remote clients") << "remoteClients" << "site_b, no way";
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
        qobject_cast<QLineEdit *>(page.form()->fieldFor(QStringLiteral("clientName")))->setText(QStringLiteral("site_z"));
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
