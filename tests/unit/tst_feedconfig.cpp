// The `feed` section of the configuration (issue 18): what it reads, and an error naming the file,
// the key and the problem for each thing it refuses.
#include "config/Config.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace mysqlsync;

namespace {

QJsonObject baseConfig()
{
    return QJsonDocument::fromJson(R"({
        "mqttConfig": {"host": "localhost"},
        "mysqlConfig": {"database": "shop", "user": "u"},
        "syncTables": ["orders", "messages"],
        "receiveTables": ["news", "users"],
        "clientName": "site_a",
        "remoteClients": ["site_b"],
        "queueDirectory": "queue",
        "checkInterval": 1000
    })")
        .object();
}

QJsonObject feedSection()
{
    return QJsonDocument::fromJson(R"({
        "listen": "0.0.0.0:9001",
        "tokens": {"table": "users", "tokenColumn": "token", "userColumn": "id"},
        "routing": {"orders": "user_id", "messages": ["sender_id", "recipient_id"], "news": "*"},
        "filters": ["users.password"],
        "publishToken": {"env": "FEED_TOKEN"},
        "clientQueue": 50
    })")
        .object();
}

} // namespace

class TestFeedConfig : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void absentMeansNoFeed()
    {
        Config c;
        QString error;
        QVERIFY2(ConfigLoader::parse(QJsonDocument(baseConfig()).toJson(), path(), &c, &error), qPrintable(error));
        QVERIFY(!c.feed.enabled);
        QVERIFY(c.feed.routing.isEmpty());
    }

    void readsEveryKey()
    {
        QJsonObject o = baseConfig();
        o.insert(QStringLiteral("feed"), feedSection());
        Config c;
        QString error;
        QVERIFY2(ConfigLoader::parse(QJsonDocument(o).toJson(), path(), &c, &error), qPrintable(error));
        QVERIFY(c.feed.enabled);
        QCOMPARE(c.feed.host, QStringLiteral("0.0.0.0"));
        QCOMPARE(c.feed.port, 9001);
        QVERIFY(!c.feed.usesTls());
        QCOMPARE(c.feed.tokenTable, QStringLiteral("users"));
        QCOMPARE(c.feed.tokenColumn, QStringLiteral("token"));
        QCOMPARE(c.feed.userColumn, QStringLiteral("id"));
        QCOMPARE(c.feed.routing.size(), 3);
        QCOMPARE(c.feed.routing.value(QStringLiteral("orders")).columns, QStringList{QStringLiteral("user_id")});
        QCOMPARE(c.feed.routing.value(QStringLiteral("messages")).columns,
                 (QStringList{QStringLiteral("sender_id"), QStringLiteral("recipient_id")}));
        QVERIFY(c.feed.routing.value(QStringLiteral("news")).everyone);
        QVERIFY(!c.feed.routing.value(QStringLiteral("orders")).everyone);
        QCOMPARE(c.feed.filteredColumns(QStringLiteral("users")), QStringList{QStringLiteral("password")});
        QVERIFY(c.feed.filteredColumns(QStringLiteral("orders")).isEmpty());
        QCOMPARE(c.feed.publishTokenRef.kind, SecretRef::Kind::Env);
        QCOMPARE(c.feed.publishTokenRef.key, QStringLiteral("feed.publishToken"));
        QVERIFY(c.feed.publishToken.isEmpty());
        QCOMPARE(c.feed.clientQueue, 50);
        QCOMPARE(c.feed.cacheRows, 100000);
    }

    void defaultsAndIpv6()
    {
        QJsonObject feed = feedSection();
        feed.remove(QStringLiteral("listen"));
        feed.remove(QStringLiteral("clientQueue"));
        QJsonObject o = baseConfig();
        o.insert(QStringLiteral("feed"), feed);
        Config c;
        QString error;
        QVERIFY2(ConfigLoader::parse(QJsonDocument(o).toJson(), path(), &c, &error), qPrintable(error));
        QCOMPARE(c.feed.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(c.feed.port, 8765);
        QCOMPARE(c.feed.clientQueue, 1000);

        feed.insert(QStringLiteral("listen"), QStringLiteral("[::1]:8080"));
        o.insert(QStringLiteral("feed"), feed);
        QVERIFY2(ConfigLoader::parse(QJsonDocument(o).toJson(), path(), &c, &error), qPrintable(error));
        QCOMPARE(c.feed.host, QStringLiteral("::1"));
        QCOMPARE(c.feed.port, 8080);
    }

    void tlsFiles()
    {
        QFile cert(m_dir.filePath(QStringLiteral("feed.crt")));
        QVERIFY(cert.open(QIODevice::WriteOnly));
        cert.write("x");
        cert.close();
        QJsonObject feed = feedSection();
        feed.insert(QStringLiteral("tls"),
                    QJsonObject{{QStringLiteral("cert"), QStringLiteral("feed.crt")},
                                {QStringLiteral("key"), QStringLiteral("feed.crt")}});
        QJsonObject o = baseConfig();
        o.insert(QStringLiteral("feed"), feed);
        Config c;
        QString error;
        QVERIFY2(ConfigLoader::parse(QJsonDocument(o).toJson(), path(), &c, &error), qPrintable(error));
        QVERIFY(c.feed.usesTls());
        QCOMPARE(c.feed.tlsCert, m_dir.filePath(QStringLiteral("feed.crt")));
    }

    void signedTokens()
    {
        QJsonObject feed = feedSection();
        feed.insert(QStringLiteral("tokens"),
                    QJsonObject{{QStringLiteral("jwtKey"), QJsonObject{{QStringLiteral("env"), QStringLiteral("K")}}}});
        QJsonObject o = baseConfig();
        o.insert(QStringLiteral("feed"), feed);
        Config c;
        QString error;
        QVERIFY2(ConfigLoader::parse(QJsonDocument(o).toJson(), path(), &c, &error), qPrintable(error));
        QVERIFY(c.feed.jwt);
        QCOMPARE(c.feed.jwtKeyRef.kind, SecretRef::Kind::Env);
        QCOMPARE(c.feed.jwtKeyRef.name, QStringLiteral("K"));
        QCOMPARE(c.feed.jwtKeyRef.key, QStringLiteral("feed.tokens.jwtKey"));
        QVERIFY(c.feed.jwtKey.isEmpty()); // read later, by SecretResolver
        QCOMPARE(c.feed.jwtUserClaim, QStringLiteral("sub"));
        QVERIFY(c.feed.tokenTable.isEmpty());

        const QByteArray key = "a-plain-shared-key-of-36-bytes-long!";
        feed.insert(QStringLiteral("tokens"),
                    QJsonObject{{QStringLiteral("jwtKey"), QString::fromLatin1(key)},
                                {QStringLiteral("userClaim"), QStringLiteral("uid")}});
        o.insert(QStringLiteral("feed"), feed);
        QVERIFY2(ConfigLoader::parse(QJsonDocument(o).toJson(), path(), &c, &error), qPrintable(error));
        QVERIFY(c.feed.jwt);
        QCOMPARE(c.feed.jwtKey.toLatin1(), key);
        QCOMPARE(c.feed.jwtUserClaim, QStringLiteral("uid"));

        // Looked-up tokens stay the default form.
        o.insert(QStringLiteral("feed"), feedSection());
        Config lookup;
        QVERIFY2(ConfigLoader::parse(QJsonDocument(o).toJson(), path(), &lookup, &error), qPrintable(error));
        QVERIFY(!lookup.feed.jwt);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("message");

        QTest::newRow("feed not an object") << "" << QByteArray("true") << "feed: expected an object, got true";
        QTest::newRow("unknown key") << "port" << QByteArray("1") << R"(unknown key "feed.port")";
        QTest::newRow("listen without port")
            << "listen" << QByteArray(R"("localhost")")
            << R"(feed.listen: expected an address and port as "host:port" (e.g. "127.0.0.1:8765", "[::1]:8765"), the port from 1 to 65535, got "localhost")";
        QTest::newRow("listen port out of range")
            << "listen" << QByteArray(R"("localhost:70000")")
            << R"(feed.listen: expected an address and port as "host:port" (e.g. "127.0.0.1:8765", "[::1]:8765"), the port from 1 to 65535, got "localhost:70000")";
        QTest::newRow("listen number")
            << "listen" << QByteArray("8765")
            << R"(feed.listen: expected an address and port as "host:port" (e.g. "127.0.0.1:8765", "[::1]:8765"), got 8765)";
        QTest::newRow("tokens missing") << "tokens" << QByteArray()
                                        << "feed.tokens: missing required key, expected an object";
        QTest::newRow("token column missing")
            << "tokens" << QByteArray(R"({"table": "users", "userColumn": "id"})")
            << "feed.tokens.tokenColumn: missing required key, expected a non-empty string; or jwtKey (signed tokens) "
               "instead of table, tokenColumn and userColumn";
        QTest::newRow("token table empty")
            << "tokens" << QByteArray(R"({"table": "", "tokenColumn": "token", "userColumn": "id"})")
            << R"(feed.tokens.table: expected a non-empty string, got "")";
        QTest::newRow("token is user")
            << "tokens" << QByteArray(R"({"table": "users", "tokenColumn": "id", "userColumn": "id"})")
            << R"(feed.tokens.userColumn: expected a column other than tokenColumn "id": a token must not be its own user id)";
        QTest::newRow("unknown tokens key")
            << "tokens" << QByteArray(R"({"table": "users", "tokenColumn": "t", "userColumn": "id", "x": 1})")
            << R"(unknown key "feed.tokens.x")";
        QTest::newRow("jwt and table")
            << "tokens"
            << QByteArray(R"({"jwtKey": {"env": "K"}, "table": "users", "tokenColumn": "t", "userColumn": "id"})")
            << "feed.tokens.table: expected either jwtKey (signed tokens) or table, tokenColumn and userColumn "
               "(tokens looked up), not both";
        QTest::newRow("jwt key short")
            << "tokens" << QByteArray(R"({"jwtKey": "only-20-bytes-long!!"})")
            << "feed.tokens.jwtKey: expected a key of at least 32 bytes (HS256), got 20 bytes";
        QTest::newRow("jwt key number")
            << "tokens" << QByteArray(R"({"jwtKey": 7})")
            << R"(feed.tokens.jwtKey: expected a string or one of {"keychain": "account"}, {"env": "VARIABLE"}, {"file": "path"}, got a number)";
        QTest::newRow("jwt empty claim") << "tokens" << QByteArray(R"({"jwtKey": {"env": "K"}, "userClaim": ""})")
                                         << R"(feed.tokens.userClaim: expected a non-empty string, got "")";
        QTest::newRow("claim without jwt")
            << "tokens"
            << QByteArray(R"({"table": "users", "tokenColumn": "t", "userColumn": "id", "userClaim": "sub"})")
            << "feed.tokens.userClaim: applies to signed tokens only: give jwtKey, or remove userClaim";
        QTest::newRow("routing array")
            << "routing" << QByteArray(R"(["orders"])")
            << R"(feed.routing: expected an object of table names to a column name, an array of column names or "*", got an array)";
        QTest::newRow("routing number")
            << "routing" << QByteArray(R"({"orders": 1})")
            << R"(feed.routing.orders: expected a column name, a non-empty array of column names or "*", got 1)";
        QTest::newRow("routing empty list")
            << "routing" << QByteArray(R"({"orders": []})")
            << R"(feed.routing.orders: expected a column name, a non-empty array of column names or "*", got an array)";
        QTest::newRow("routing duplicate column")
            << "routing" << QByteArray(R"({"orders": ["a", "a"]})")
            << R"(feed.routing.orders[1]: expected a column name (non-empty, at most 64 characters) not listed before, got "a")";
        QTest::newRow("routing star in list")
            << "routing" << QByteArray(R"({"orders": ["a", "*"]})")
            << R"(feed.routing.orders[1]: expected a column name (non-empty, at most 64 characters) not listed before, got "*")";
        QTest::newRow("routing unknown table")
            << "routing" << QByteArray(R"({"invoices": "user_id"})")
            << "feed.routing.invoices: names a table that is in neither syncTables nor receiveTables: the feed hears "
               "only of changes of those";
        QTest::newRow("filter without dot")
            << "filters" << QByteArray(R"(["password"])")
            << R"(feed.filters[0]: expected a column as table.column (each name non-empty, of at most 64 characters), got "password")";
        QTest::newRow("publish token number")
            << "publishToken" << QByteArray("42")
            << R"(feed.publishToken: expected a string or one of {"keychain": "account"}, {"env": "VARIABLE"}, {"file": "path"}, got a number)";
        QTest::newRow("client queue zero")
            << "clientQueue" << QByteArray("0") << "feed.clientQueue: expected an integer from 1 to 1000000, got 0";
        QTest::newRow("tls without key") << "tls" << QByteArray(R"({"cert": "config.json"})")
                                         << "feed.tls.key: missing required key, expected a non-empty path";
        QTest::newRow("tls cert missing file")
            << "tls" << QByteArray(R"({"cert": "nope.crt", "key": "config.json"})")
            << R"(feed.tls.cert: expected a readable file, but "%DIR%/nope.crt" does not exist)";
    }

    void errors()
    {
        QFETCH(QString, key);
        QFETCH(QByteArray, value);
        QFETCH(QString, message);
        QJsonObject feed = feedSection();
        QJsonObject o = baseConfig();
        if (key.isEmpty()) {
            o.insert(QStringLiteral("feed"), QJsonDocument::fromJson("[" + value + "]").array().first());
        } else {
            if (value.isEmpty())
                feed.remove(key);
            else
                feed.insert(key, QJsonDocument::fromJson("[" + value + "]").array().first());
            o.insert(QStringLiteral("feed"), feed);
        }
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(o).toJson());
        file.close();
        Config c;
        QString error;
        QVERIFY(!ConfigLoader::load(path(), &c, &error));
        message.replace(QLatin1String("%DIR%"), m_dir.path());
        QCOMPARE(error, path() + QStringLiteral(": ") + message);
    }

    void secretNeverInMessage()
    {
        QJsonObject feed = feedSection();
        feed.insert(QStringLiteral("publishToken"), QJsonObject{{QStringLiteral("keychain"), 7}});
        QJsonObject o = baseConfig();
        o.insert(QStringLiteral("feed"), feed);
        Config c;
        QString error;
        QVERIFY(!ConfigLoader::parse(QJsonDocument(o).toJson(), path(), &c, &error));
        QVERIFY2(error.contains(QLatin1String("feed.publishToken.keychain")), qPrintable(error));
    }

private:
    QString path() const { return m_dir.filePath(QStringLiteral("config.json")); }
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestFeedConfig)
#include "tst_feedconfig.moc"
