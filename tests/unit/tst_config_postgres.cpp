// tst_config: postgresConfig (issue 17), the alternative to mysqlConfig. The test class is in
// tst_config.h.
#include "tst_config.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mysqlsync;
using namespace configtest;

namespace {

// The earlier engine's configuration with a PostgreSQL database in place of its MariaDB one.
QJsonObject postgresObject()
{
    QJsonObject object = earlierEngineObject();
    object.remove(QStringLiteral("mysqlConfig"));
    object.insert(QStringLiteral("postgresConfig"),
                  QJsonDocument::fromJson(R"({
        "host": "pg.example.com",
        "user": "sync",
        "password": "pg-secret-0816",
        "database": "shop"
    })")
                      .object());
    return object;
}

} // namespace

void TestConfig::postgresAccepted()
{
    const QString dir = QDir(m_dir.path()).absolutePath();
    Config c;
    QString error;
    QString path = write(postgresObject());
    QVERIFY2(ConfigLoader::load(path, &c, &error), qPrintable(error));
    QVERIFY(c.databaseKind == DatabaseKind::Postgres);
    QCOMPARE(c.postgres.host, QStringLiteral("pg.example.com"));
    QCOMPARE(c.postgres.port, 5432);
    QCOMPARE(c.postgres.user, QStringLiteral("sync"));
    QCOMPARE(c.postgres.password, QStringLiteral("pg-secret-0816"));
    QVERIFY(!c.postgres.passwordRef.isReference());
    QCOMPARE(c.postgres.database, QStringLiteral("shop"));
    QCOMPARE(c.postgres.schema, QStringLiteral("public"));
    QCOMPARE(c.postgres.connectTimeoutMs, 10000);
    QVERIFY(!c.postgres.tlsEnabled);
    // PostgreSQL sites run: nothing refuses them, and every connection made from
    // siteDatabase() opens PostgreSQL with these settings.
    QVERIFY(unsupportedDatabaseReason(c).isEmpty());
    const MysqlConfig site = c.siteDatabase();
    QVERIFY(site.postgres);
    QCOMPARE(site.postgres->host, QStringLiteral("pg.example.com"));
    QCOMPARE(site.postgres->password, QStringLiteral("pg-secret-0816"));

    // Every key given; the password as a reference in the forms of mysqlConfig.password.
    QJsonObject object = patched(postgresObject(), QStringLiteral("postgresConfig.port"), "6543");
    object = patched(object, QStringLiteral("postgresConfig.schema"), R"("sales")");
    object = patched(object, QStringLiteral("postgresConfig.connectTimeout"), "2500");
    object = patched(object, QStringLiteral("postgresConfig.password"), R"({"env": "PG_SYNC_PASSWORD"})");
    object = patched(object, QStringLiteral("postgresConfig.tls"),
                     R"({"ca": "certs/db-ca.pem", "cert": "certs/db-cert.pem", "key": "certs/db-key.pem"})");
    path = write(object);
    QVERIFY2(ConfigLoader::load(path, &c, &error), qPrintable(error));
    QCOMPARE(c.postgres.port, 6543);
    QCOMPARE(c.postgres.schema, QStringLiteral("sales"));
    QCOMPARE(c.postgres.connectTimeoutMs, 2500);
    QVERIFY(c.postgres.password.isEmpty());
    QVERIFY(c.postgres.passwordRef.kind == SecretRef::Kind::Env);
    QCOMPARE(c.postgres.passwordRef.name, QStringLiteral("PG_SYNC_PASSWORD"));
    QCOMPARE(c.postgres.passwordRef.key, QStringLiteral("postgresConfig.password"));
    QVERIFY(c.postgres.tlsEnabled);
    QCOMPARE(c.postgres.tls.ca, dir + QStringLiteral("/certs/db-ca.pem"));
    QCOMPARE(c.postgres.tls.cert, dir + QStringLiteral("/certs/db-cert.pem"));
    QCOMPARE(c.postgres.tls.key, dir + QStringLiteral("/certs/db-key.pem"));
    QVERIFY(c.postgres.tls.rejectUnauthorized); // verify: on unless turned off

    object = patched(object, QStringLiteral("postgresConfig.tls.verify"), "false");
    object = patched(object, QStringLiteral("postgresConfig.password"), R"({"keychain": "pg-site"})");
    QVERIFY2(ConfigLoader::load(write(object), &c, &error), qPrintable(error));
    QVERIFY(!c.postgres.tls.rejectUnauthorized);
    QVERIFY(c.postgres.passwordRef.kind == SecretRef::Kind::Keychain);
    QCOMPARE(c.postgres.passwordRef.name, QStringLiteral("pg-site"));

    // A MariaDB site is a MariaDB site again (nothing left over from the last load).
    QVERIFY2(ConfigLoader::load(write(earlierEngineObject()), &c, &error), qPrintable(error));
    QVERIFY(c.databaseKind == DatabaseKind::MariaDb);
    QVERIFY(unsupportedDatabaseReason(c).isEmpty());
    QVERIFY(!c.siteDatabase().postgres);
    QVERIFY(c.postgres.database.isEmpty());
}

void TestConfig::postgresErrors_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("message");

    const QByteArray mysql = QJsonDocument(earlierEngineObject().value(QStringLiteral("mysqlConfig")).toObject())
                                 .toJson(QJsonDocument::Compact);
    QTest::newRow("both databases") << "mysqlConfig" << mysql
                                    << "postgresConfig: mysqlConfig is given too: a site's database is either "
                                       "MySQL/MariaDB (mysqlConfig) or PostgreSQL (postgresConfig); give exactly "
                                       "one of them";
    QTest::newRow("neither database") << "postgresConfig" << QByteArray()
                                      << "mysqlConfig: missing required key, expected the site's database: "
                                         "mysqlConfig (MySQL/MariaDB) or postgresConfig (PostgreSQL), exactly one "
                                         "of them";
    QTest::newRow("not an object") << "postgresConfig" << QByteArray("[]")
                                   << "postgresConfig: expected an object, got an array";
    QTest::newRow("missing database") << "postgresConfig.database" << QByteArray()
                                      << "postgresConfig.database: missing required key, expected a non-empty string";
    QTest::newRow("empty database") << "postgresConfig.database" << QByteArray(R"("")")
                                    << R"(postgresConfig.database: expected a non-empty string, got "")";
    QTest::newRow("empty schema") << "postgresConfig.schema" << QByteArray(R"("")")
                                  << R"(postgresConfig.schema: expected a non-empty string, got "")";
    QTest::newRow("empty host") << "postgresConfig.host" << QByteArray(R"("")")
                                << R"(postgresConfig.host: expected a non-empty string, got "")";
    QTest::newRow("port 0") << "postgresConfig.port" << QByteArray("0")
                            << "postgresConfig.port: expected an integer from 1 to 65535, got 0";
    QTest::newRow("port string") << "postgresConfig.port" << QByteArray(R"("5432")")
                                 << R"(postgresConfig.port: expected an integer from 1 to 65535, got "5432")";
    QTest::newRow("connectTimeout too short")
        << "postgresConfig.connectTimeout" << QByteArray("500")
        << "postgresConfig.connectTimeout: expected an integer of at least 1000 (milliseconds), got 500";
    QTest::newRow("unknown key") << "postgresConfig.sslmode" << QByteArray(R"("require")")
                                 << R"(unknown key "postgresConfig.sslmode")";
    QTest::newRow("mysqlConfig's key") << "postgresConfig.socketPath" << QByteArray(R"("/run/pg")")
                                       << R"(unknown key "postgresConfig.socketPath")";
    QTest::newRow("tls not an object") << "postgresConfig.tls" << QByteArray("true")
                                       << "postgresConfig.tls: expected an object, got true";
    QTest::newRow("tls rejectUnauthorized") << "postgresConfig.tls" << QByteArray(R"({"rejectUnauthorized": false})")
                                            << R"(unknown key "postgresConfig.tls.rejectUnauthorized")";
    QTest::newRow("tls verify string") << "postgresConfig.tls" << QByteArray(R"({"verify": "yes"})")
                                       << R"(postgresConfig.tls.verify: expected true or false, got "yes")";
    QTest::newRow("tls ca missing")
        << "postgresConfig.tls" << QByteArray(R"({"ca": "nope.pem"})")
        << R"(postgresConfig.tls.ca: expected a readable file, but "%DIR%/nope.pem" does not exist)";
    QTest::newRow("tls cert without key")
        << "postgresConfig.tls" << QByteArray(R"({"cert": "client.crt"})")
        << "postgresConfig.tls.key: missing required key, expected the client certificate's private key (a "
           "readable file): postgresConfig.tls.cert and postgresConfig.tls.key go together";
    QTest::newRow("tls key without cert")
        << "postgresConfig.tls" << QByteArray(R"({"key": "client.key"})")
        << "postgresConfig.tls.cert: missing required key, expected the client certificate's certificate (a "
           "readable file): postgresConfig.tls.cert and postgresConfig.tls.key go together";
}

void TestConfig::postgresErrors()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, value);
    QFETCH(QString, message);
    message.replace(QStringLiteral("%DIR%"), QDir(m_dir.path()).absolutePath());

    const QString path = write(patched(postgresObject(), key, value));
    Config c;
    QString error;
    QVERIFY(!ConfigLoader::load(path, &c, &error));
    QCOMPARE(error, path + QStringLiteral(": ") + message);
    QVERIFY2(!error.contains(QLatin1String("pg-secret-0816")), qPrintable(error));
}

void TestConfig::postgresPasswordNeverInMessages()
{
    const QString path = write(patched(postgresObject(), QStringLiteral("postgresConfig.password"), "987654321"));
    Config c;
    QString error;
    QVERIFY(!ConfigLoader::load(path, &c, &error));
    QVERIFY2(error.startsWith(path + QStringLiteral(": postgresConfig.password: expected ")), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("987654321")), qPrintable(error));
}
