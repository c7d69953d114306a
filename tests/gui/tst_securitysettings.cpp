// The configuration page's security part (SecuritySettings inside ConfigForm): a typed broker
// password goes to the OS keychain and the saved JSON holds only {"keychain": …}; a typed
// password that is not stored blocks saving; TLS files are checked (parse, key matches); and
// with no secret service at all the error is plain and nothing is written in plain text until
// the operator ticks the box. Run through tests/harness/with-keyring.sh (a private
// gnome-keyring on a private D-Bus session); the no-keychain case runs as a child process
// with D-Bus pointing nowhere.
#include "config/Config.h"
#include "configuration/ConfigForm.h"
#include "configuration/ConfigPage.h"
#include "monitor/ConfigFile.h"
#include "security/CertificateIssuer.h"
#include "security/KeychainPasswordField.h"
#include "security/SecretJob.h"
#include "security/SecureFile.h"
#include "security/SecuritySettings.h"
#include "security/TlsFilesEditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QJsonDocument>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace mysqlsync;
using namespace mysqlsync::ui;

namespace {

QJsonObject config(const QString &site)
{
    QJsonObject o = QJsonDocument::fromJson(R"({
        "mqttConfig": { "host": "127.0.0.1", "port": 8883, "protocol": "mqtts", "username": "u" },
        "mysqlConfig": { "host": "127.0.0.1", "port": 3306, "user": "sync", "database": "shop" },
        "syncTables": ["items"], "receiveTables": ["items"],
        "remoteClients": ["site_b"], "queueDirectory": "queue", "checkInterval": 1000
    })")
                        .object();
    o.insert(QStringLiteral("clientName"), site);
    return o;
}

QJsonValue at(const QJsonObject &root, const char *section, const char *key)
{
    return root.value(QLatin1String(section)).toObject().value(QLatin1String(key));
}

void type(KeychainPasswordField *field, const QString &text)
{
    field->edit()->setFocus();
    QTest::keyClicks(field->edit(), text);
}

QString uniqueSite()
{
    return QStringLiteral("s") + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

} // namespace

class TestSecuritySettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void passwordGoesToKeychainAndJsonHoldsReference();
    void unstoredPasswordBlocksSaving();
    void transformerPasswordGoesToKeychain();
    void tlsFilesAreChecked();
    void noSecretService();
};

void TestSecuritySettings::passwordGoesToKeychainAndJsonHoldsReference()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run me through tests/harness/with-keyring.sh");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("site.json"));
    const QString site = uniqueSite();
    QString error;
    QVERIFY(ConfigFile::save(path, QJsonDocument(config(site)).toJson(), &error));
    ConfigPage page;
    QVERIFY(page.load(path));
    SecuritySettings *security = page.form()->security();
    KeychainPasswordField *broker = security->brokerPassword();
    QCOMPARE(broker->account(), site + QStringLiteral("-broker"));
    QSignalSpy stored(broker, &KeychainPasswordField::stored);
    const QString secret = QStringLiteral("Br0ker-password-") + QUuid::createUuid().toString(QUuid::Id128);
    type(broker, secret);
    QCOMPARE(broker->state(), KeychainPasswordField::State::Typed);
    // Leaving the field stores it.
    QTest::keyClick(broker->edit(), Qt::Key_Return);
    QVERIFY(stored.count() == 1 || stored.wait(20000));
    QVERIFY2(stored.first().at(0).toBool(), qPrintable(stored.first().at(1).toString()));
    QCOMPARE(broker->state(), KeychainPasswordField::State::Stored);
    QVERIFY(broker->edit()->text().isEmpty());

    // The same for the database password, with the button.
    KeychainPasswordField *database = security->databasePassword();
    QSignalSpy dbStored(database, &KeychainPasswordField::stored);
    type(database, QStringLiteral("db-secret-1"));
    auto *storeButton = security->findChild<QPushButton *>(QStringLiteral("mysqlConfig.password.store"));
    QVERIFY(storeButton && storeButton->isEnabled());
    storeButton->click();
    QVERIFY(dbStored.count() == 1 || dbStored.wait(20000));
    QVERIFY(dbStored.first().at(0).toBool());

    QString read;
    QCOMPARE(SecretStore::read(SecretStore::defaultService(), site + QStringLiteral("-broker"), &read, &error),
             SecretJob::Error::NoError);
    QCOMPARE(read, secret);
    QCOMPARE(SecretStore::read(SecretStore::defaultService(), site + QStringLiteral("-database"), &read, &error),
             SecretJob::Error::NoError);
    QCOMPARE(read, QStringLiteral("db-secret-1"));

    QVERIFY2(page.save(&error), qPrintable(error + page.form()->validationMessage()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray saved = f.readAll();
    QVERIFY(!saved.contains(secret.toUtf8()));
    QVERIFY(!saved.contains("db-secret-1"));
    const QJsonObject root = QJsonDocument::fromJson(saved).object();
    QCOMPARE(at(root, "mqttConfig", "password").toObject(),
             (QJsonObject{{QStringLiteral("keychain"), QString(site + QStringLiteral("-broker"))}}));
    QCOMPARE(at(root, "mysqlConfig", "password").toObject(),
             (QJsonObject{{QStringLiteral("keychain"), QString(site + QStringLiteral("-database"))}}));

    // Loaded again, the reference is kept and shown as such.
    ConfigPage again;
    QVERIFY(again.load(path));
    QCOMPARE(again.form()->security()->brokerPassword()->state(), KeychainPasswordField::State::Kept);
    QVERIFY(again.form()->security()->brokerPassword()->statusText().contains(site + QStringLiteral("-broker")));
    QCOMPARE(at(again.form()->document(), "mqttConfig", "password"), at(root, "mqttConfig", "password"));

    SecretStore::remove(SecretStore::defaultService(), site + QStringLiteral("-broker"), &error);
    SecretStore::remove(SecretStore::defaultService(), site + QStringLiteral("-database"), &error);
}

// The transformers' database password (mysqlConfig.transformerPassword) takes the main
// password's path: typed, stored under "<site>-transformers", the file holds the reference.
void TestSecuritySettings::transformerPasswordGoesToKeychain()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run me through tests/harness/with-keyring.sh");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("site.json"));
    const QString site = uniqueSite();
    QString error;
    QVERIFY(ConfigFile::save(path, QJsonDocument(config(site)).toJson(), &error));
    ConfigPage page;
    QVERIFY(page.load(path));
    KeychainPasswordField *reader = page.form()->security()->transformerPassword();
    QCOMPARE(reader->key(), QStringLiteral("mysqlConfig.transformerPassword"));
    QCOMPARE(reader->account(), site + QStringLiteral("-transformers"));
    QCOMPARE(page.form()->fieldFor(QStringLiteral("mysqlConfig.transformerPassword")),
             static_cast<QWidget *>(reader->edit()));
    auto *user = qobject_cast<QLineEdit *>(page.form()->fieldFor(QStringLiteral("mysqlConfig.transformerUser")));
    QVERIFY(user);
    user->setText(QStringLiteral("reader"));

    // Typed and not stored: saving is refused, naming the key.
    type(reader, QStringLiteral("reader-secret-1"));
    QVERIFY(!page.save(&error));
    QCOMPARE(page.form()->invalidKey(), QStringLiteral("mysqlConfig.transformerPassword"));
    QSignalSpy stored(reader, &KeychainPasswordField::stored);
    reader->store();
    QVERIFY(stored.count() == 1 || stored.wait(20000));
    QVERIFY2(stored.first().at(0).toBool(), qPrintable(stored.first().at(1).toString()));
    QString read;
    QCOMPARE(SecretStore::read(SecretStore::defaultService(), site + QStringLiteral("-transformers"), &read, &error),
             SecretJob::Error::NoError);
    QCOMPARE(read, QStringLiteral("reader-secret-1"));

    QVERIFY2(page.save(&error), qPrintable(error + page.form()->validationMessage()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray saved = f.readAll();
    QVERIFY(!saved.contains("reader-secret-1"));
    const QJsonObject root = QJsonDocument::fromJson(saved).object();
    QCOMPARE(at(root, "mysqlConfig", "transformerUser").toString(), QStringLiteral("reader"));
    QCOMPARE(at(root, "mysqlConfig", "transformerPassword").toObject(),
             (QJsonObject{{QStringLiteral("keychain"), QString(site + QStringLiteral("-transformers"))}}));
    QVERIFY(!root.value(QStringLiteral("mysqlConfig")).toObject().contains(QStringLiteral("password")));

    // The daemon's loader reads what was saved.
    Config loaded;
    QVERIFY2(ConfigLoader::load(path, &loaded, &error), qPrintable(error));
    QCOMPARE(loaded.mysql.transformerPasswordRef.kind, SecretRef::Kind::Keychain);
    QCOMPARE(loaded.mysql.transformerPasswordRef.name, site + QStringLiteral("-transformers"));
    SecretStore::remove(SecretStore::defaultService(), site + QStringLiteral("-transformers"), &error);
}

void TestSecuritySettings::unstoredPasswordBlocksSaving()
{
    ConfigForm form;
    form.setDocument(config(QStringLiteral("site_a")));
    KeychainPasswordField *broker = form.security()->brokerPassword();
    // Typed, not stored yet (no editingFinished): not in the document, and validation says so.
    broker->edit()->setText(QString());
    QTest::keyClicks(broker->edit(), QStringLiteral("typed-only"));
    QVERIFY(!QJsonDocument(form.document()).toJson().contains("typed-only"));
    QString message;
    QVERIFY(!form.validate(QStringLiteral("/tmp/site.json"), &message));
    QVERIFY2(message.contains(QStringLiteral("mqttConfig.password: the password typed is not stored yet")),
             qPrintable(message));
    QCOMPARE(form.invalidKey(), QStringLiteral("mqttConfig.password"));
    QCOMPARE(form.fieldFor(QStringLiteral("mqttConfig.password")), broker->edit());

    // A file that already holds a plain password (the earlier engine's) keeps it as it is.
    QJsonObject plain = config(QStringLiteral("site_a"));
    QJsonObject mysql = plain.value(QStringLiteral("mysqlConfig")).toObject();
    mysql.insert(QStringLiteral("password"), QStringLiteral("old-plain"));
    plain.insert(QStringLiteral("mysqlConfig"), mysql);
    form.setDocument(plain);
    QVERIFY(form.security()->databasePassword()->plainBox()->isChecked());
    QCOMPARE(at(form.document(), "mysqlConfig", "password").toString(), QStringLiteral("old-plain"));
    QVERIFY(form.validate(QStringLiteral("/tmp/site.json")));
}

void TestSecuritySettings::tlsFilesAreChecked()
{
    QTemporaryDir dir;
    QString error;
    const PemPair ca = CertificateIssuer::createAuthority(QStringLiteral("test CA"), {}, &error);
    const PemPair client = CertificateIssuer::issueClient(ca, QStringLiteral("site_a"), {}, &error);
    const PemPair other = CertificateIssuer::issueClient(ca, QStringLiteral("site_b"), {}, &error);
    QVERIFY2(!ca.isNull() && !client.isNull() && !other.isNull(), qPrintable(error));
    QVERIFY(SecureFile::write(dir.filePath(QStringLiteral("ca.crt")), ca.certificate, 0644, true, &error));
    QVERIFY(SecureFile::write(dir.filePath(QStringLiteral("a.crt")), client.certificate, 0644, true, &error));
    QVERIFY(SecureFile::write(dir.filePath(QStringLiteral("a.key")), client.key, 0600, true, &error));
    QVERIFY(SecureFile::write(dir.filePath(QStringLiteral("b.key")), other.key, 0600, true, &error));
    QVERIFY(SecureFile::write(dir.filePath(QStringLiteral("junk.crt")), "not a certificate", 0644, true, &error));
    const QString path = dir.filePath(QStringLiteral("site.json"));

    ConfigForm form;
    QJsonObject doc = config(QStringLiteral("site_a"));
    QJsonObject mqtt = doc.value(QStringLiteral("mqttConfig")).toObject();
    // Relative to the configuration's folder.
    mqtt.insert(QStringLiteral("ca"), QStringLiteral("ca.crt"));
    mqtt.insert(QStringLiteral("cert"), QStringLiteral("a.crt"));
    mqtt.insert(QStringLiteral("key"), QStringLiteral("a.key"));
    doc.insert(QStringLiteral("mqttConfig"), mqtt);
    form.security()->setConfigPath(path);
    form.setDocument(doc);
    TlsFilesEditor *tls = form.security()->brokerTls();
    CertificateFilesResult r = tls->check();
    QVERIFY2(r.ok(), qPrintable(r.problem));
    QVERIFY(r.lines.join(QLatin1Char('\n')).contains(QStringLiteral("cert: site_a, issued by test CA")));
    QVERIFY(r.lines.contains(QStringLiteral("key: belongs to the certificate")));
    QVERIFY2(form.validate(path), qPrintable(form.validationMessage()));

    // Another certificate's key.
    tls->keyEdit()->setText(QStringLiteral("b.key"));
    QString message;
    QVERIFY(!form.validate(path, &message));
    QVERIFY2(message.contains(QStringLiteral("mqttConfig.key: "))
                 && message.contains(QStringLiteral("is not the key of the certificate")),
             qPrintable(message));
    QCOMPARE(form.invalidKey(), QStringLiteral("mqttConfig.key"));
    QVERIFY(!tls->keyEdit()->styleSheet().isEmpty());
    // A CA file that is not a certificate.
    tls->keyEdit()->setText(QStringLiteral("a.key"));
    tls->caEdit()->setText(QStringLiteral("junk.crt"));
    QVERIFY(!form.validate(path, &message));
    QVERIFY2(message.contains(QStringLiteral("mqttConfig.ca: "))
                 && message.contains(QStringLiteral("is not a PEM certificate")),
             qPrintable(message));
    // A missing file: ConfigLoader names it, the field is marked.
    tls->caEdit()->setText(QStringLiteral("missing.crt"));
    QVERIFY(!form.validate(path, &message));
    QCOMPARE(form.invalidKey(), QStringLiteral("mqttConfig.ca"));

    // Database TLS: off means no "ssl" object; on writes it with the files.
    tls->caEdit()->setText(QStringLiteral("ca.crt"));
    QVERIFY(!at(form.document(), "mysqlConfig", "ssl").isObject());
    TlsFilesEditor *db = form.security()->databaseTls();
    db->enabledBox()->setChecked(true);
    db->caEdit()->setText(dir.filePath(QStringLiteral("ca.crt")));
    const QJsonObject ssl = at(form.document(), "mysqlConfig", "ssl").toObject();
    QCOMPARE(ssl.value(QStringLiteral("ca")).toString(), dir.filePath(QStringLiteral("ca.crt")));
    QVERIFY2(form.validate(path), qPrintable(form.validationMessage()));
}

void TestSecuritySettings::noSecretService()
{
    if (qEnvironmentVariableIsSet("MYSQL_SYNC_KEYCHAIN_CHILD")) {
        ConfigForm form;
        form.setDocument(config(QStringLiteral("site_a")));
        KeychainPasswordField *broker = form.security()->brokerPassword();
        QSignalSpy stored(broker, &KeychainPasswordField::stored);
        QTest::keyClicks(broker->edit(), QStringLiteral("never-in-plain"));
        broker->store();
        QVERIFY(stored.count() == 1 || stored.wait(30000));
        QTextStream out(stdout);
        out << "STORED " << (stored.first().at(0).toBool() ? 1 : 0) << "\n";
        out << "STATUS " << broker->statusText() << "\n";
        out << "INJSON " << (QJsonDocument(form.document()).toJson().contains("never-in-plain") ? 1 : 0) << "\n";
        QString message;
        out << "VALID " << (form.validate(QStringLiteral("/tmp/site.json"), &message) ? 1 : 0) << " " << message
            << "\n";
        // The operator's explicit choice: plain text.
        broker->plainBox()->setChecked(true);
        out << "PLAIN " << at(form.document(), "mqttConfig", "password").toString() << "\n";
        out << "VALIDPLAIN " << (form.validate(QStringLiteral("/tmp/site.json")) ? 1 : 0) << "\n";
        return;
    }
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MYSQL_SYNC_KEYCHAIN_CHILD"), QStringLiteral("1"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/mysql-sync-no-bus"));
    env.remove(QStringLiteral("DISPLAY"));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("noSecretService")});
    QVERIFY(child.waitForFinished(90000));
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    const QString all = out + QString::fromUtf8(child.readAllStandardError());
    QVERIFY2(out.contains(QStringLiteral("STORED 0\n")), qPrintable(all));
    QVERIFY2(out.contains(QStringLiteral("STATUS Not stored in the keychain: no keychain is available")),
             qPrintable(all));
    QVERIFY2(out.contains(QStringLiteral("INJSON 0\n")), qPrintable(all));
    QVERIFY2(out.contains(QStringLiteral(
                 "VALID 0 /tmp/site.json: mqttConfig.password: the password was not saved: no keychain is available")),
             qPrintable(all));
    QVERIFY2(out.contains(QStringLiteral("PLAIN never-in-plain\n")), qPrintable(all));
    QVERIFY2(out.contains(QStringLiteral("VALIDPLAIN 1\n")), qPrintable(all));
}

QTEST_MAIN(TestSecuritySettings)
#include "tst_securitysettings.moc"
