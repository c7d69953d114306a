// Unit tests of the configuration loader (core/config): the earlier engine's JSON file,
// defaults, path resolution, broker URIs and every class of error message. The test class is
// in tst_config.h; valid configurations are in tst_config_valid.cpp, error messages in
// tst_config_errors.cpp.
#include "tst_config.h"

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

namespace configtest {

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

} // namespace configtest

using namespace configtest;

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
