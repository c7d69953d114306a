// Issue 18: esink's clients connect unchanged. A real socket.io v4 client from npm
// (tests/node/socketio_client.js, socket.io-client) connects to a daemon's feed with
// {auth: {token}} over the websocket transport and receives the `{table}` and `changes` events
// of rows inserted in MariaDB, only those routed to its user and without the filtered columns; a
// wrong token gets connect_error; the polling transport is refused with HTTP 400. A second daemon
// takes signed tokens (feed.tokens.jwtKey): a good JWT connects as its `sub`, an expired one
// and one with alg none get connect_error.
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include "EngineProcess.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

#include <memory>

using namespace testsupport;

namespace {

constexpr int kTimeoutMs = 30000;

// One `node socketio_client.js` run: the JSON lines it printed.
class NodeClient {
public:
    bool start(quint16 port, const QString &token)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NODE_PATH"), qEnvironmentVariable("MYSQL_SYNC_NODE_MODULES"));
        m_process.setProcessEnvironment(env);
        m_process.setProgram(QStringLiteral("node"));
        m_process.setArguments(
            {qEnvironmentVariable("MYSQL_SYNC_SOURCE_DIR") + QLatin1String("/tests/node/socketio_client.js"),
             QStringLiteral("http://127.0.0.1:%1").arg(port), token});
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { read(); });
        m_process.start();
        return m_process.waitForStarted(kTimeoutMs);
    }
    ~NodeClient()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    // The first line of `event` (and, if given, whose payload names `key`), waiting for it.
    QJsonObject waitFor(const QString &event, const QString &key = QString())
    {
        QJsonObject found;
        waitUntil(
            [&] {
                for (const QJsonObject &line : std::as_const(m_lines)) {
                    if (line.value(QStringLiteral("event")).toString() == event
                        && (key.isEmpty() || payload(line).value(QStringLiteral("key")).toString() == key)) {
                        found = line;
                        return true;
                    }
                }
                return false;
            },
            kTimeoutMs);
        return found;
    }
    int count(const QString &event, const QString &key) const
    {
        int n = 0;
        for (const QJsonObject &line : m_lines)
            n += line.value(QStringLiteral("event")).toString() == event
                && payload(line).value(QStringLiteral("key")).toString() == key;
        return n;
    }
    static QJsonObject payload(const QJsonObject &line)
    {
        return line.value(QStringLiteral("args")).toArray().first().toObject();
    }
    QByteArray output() { return m_raw + m_process.readAllStandardError(); }
    bool finished() { return m_process.state() == QProcess::NotRunning || m_process.waitForFinished(kTimeoutMs); }

private:
    void read()
    {
        m_buffer += m_process.readAllStandardOutput();
        qsizetype nl;
        while ((nl = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(nl);
            m_buffer.remove(0, nl + 1);
            m_raw += line + '\n';
            m_lines.append(QJsonDocument::fromJson(line).object());
        }
    }
    QProcess m_process;
    QByteArray m_buffer;
    QByteArray m_raw;
    QList<QJsonObject> m_lines;
};

} // namespace

class TestFeedSocketIo : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void receivesTableAndChangesEvents();
    void wrongTokenGetsConnectError();
    void pollingRefused();
    void signedTokens();

private:
    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_a;
    std::unique_ptr<EngineProcess> m_engine;
    quint16 m_port = 0;
};

void TestFeedSocketIo::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    QVERIFY2(!EngineProcess::daemonPath().isEmpty(), "MYSQL_SYNC_DAEMON is not set");
    QVERIFY2(QFile::exists(qEnvironmentVariable("MYSQL_SYNC_NODE_MODULES") + QLatin1String("/socket.io-client")),
             "socket.io-client is not installed (the node_modules test installs it)");
    m_a = std::make_unique<SiteDatabase>(m_servers, 'A', QStringLiteral("tfeedsio_a"));
    QVERIFY(m_a->isOpen());
    for (const char *ddl : {"CREATE TABLE users (id INT PRIMARY KEY, token VARCHAR(64) NULL)",
                            "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT NULL, item VARCHAR(50), "
                            "secret VARCHAR(50))",
                            "CREATE TABLE notes (id INT PRIMARY KEY, title VARCHAR(50))"})
        QVERIFY(m_a->exec(QLatin1String(ddl)));
    QVERIFY(m_a->exec(QStringLiteral("INSERT INTO users VALUES (1, 'tok-1'), (2, 'tok-2')")));

    QTcpServer probe; // a free port for the feed
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    m_port = probe.serverPort();
    probe.close();
    QJsonObject a =
        EngineProcess::config(m_servers, 'A', QStringLiteral("tfeedsio_a"), QStringLiteral("site_a"),
                              {QStringLiteral("site_b")}, {QStringLiteral("orders"), QStringLiteral("notes")}, {});
    a.insert(QStringLiteral("initialLoad"), false);
    a.insert(QStringLiteral("feed"),
             QJsonDocument::fromJson(QStringLiteral(R"({
        "listen": "127.0.0.1:%1",
        "tokens": {"table": "users", "tokenColumn": "token", "userColumn": "id"},
        "routing": {"orders": "user_id", "notes": "*"},
        "filters": ["orders.secret"]})")
                                         .arg(m_port)
                                         .toUtf8())
                 .object());
    m_engine = std::make_unique<EngineProcess>(QStringLiteral("site_a"), a);
    QVERIFY(m_engine->start());
    QVERIFY2(m_engine->waitForLog("ready (", kTimeoutMs), m_engine->log().right(3000).constData());
}

void TestFeedSocketIo::cleanupTestCase()
{
    if (QTest::currentTestFailed() && m_engine)
        qWarning().noquote() << m_engine->log().right(6000);
    if (m_engine)
        m_engine->stop();
}

void TestFeedSocketIo::receivesTableAndChangesEvents()
{
    NodeClient c;
    QVERIFY(c.start(m_port, QStringLiteral("tok-1")));
    QVERIFY2(!c.waitFor(QStringLiteral("connect")).isEmpty(), c.output().constData());
    const QJsonObject connected = c.waitFor(QStringLiteral("connected"));
    QCOMPARE(NodeClient::payload(connected).value(QStringLiteral("user")).toString(), QStringLiteral("1"));

    QVERIFY(m_a->exec(QStringLiteral("INSERT INTO orders VALUES (20, 2, 'not yours', 'x')")));
    QVERIFY(m_a->exec(QStringLiteral("INSERT INTO orders VALUES (10, 1, 'bolt', 'TOPSECRET-sio')")));
    const QJsonObject table = c.waitFor(QStringLiteral("orders"), QStringLiteral("10"));
    QVERIFY2(!table.isEmpty(), c.output().constData());
    const QJsonObject payload = NodeClient::payload(table);
    QCOMPARE(payload.value(QStringLiteral("table")).toString(), QStringLiteral("orders"));
    QCOMPARE(payload.value(QStringLiteral("type")).toString(), QStringLiteral("insert"));
    QCOMPARE(payload.value(QStringLiteral("source")).toString(), QStringLiteral("database"));
    QCOMPARE(payload.value(QStringLiteral("version")).toInt(), 1);
    QVERIFY(payload.value(QStringLiteral("timestamp")).toDouble() > 1.7e12);
    const QJsonObject data = payload.value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("item")).toString(), QStringLiteral("bolt"));
    QCOMPARE(data.value(QStringLiteral("user_id")).toInt(), 1);
    QVERIFY(!data.contains(QStringLiteral("secret")));
    const QJsonObject changes = c.waitFor(QStringLiteral("changes"), QStringLiteral("10"));
    QCOMPARE(NodeClient::payload(changes), payload);

    // An update and a delete arrive as such; a row routed to "*" too, after which the order of
    // user 2 (inserted first) would have arrived had it been sent.
    QVERIFY(m_a->exec(QStringLiteral("UPDATE orders SET item = 'nut' WHERE id = 10")));
    QVERIFY(m_a->exec(QStringLiteral("DELETE FROM orders WHERE id = 10")));
    QVERIFY(m_a->exec(QStringLiteral("INSERT INTO notes VALUES (1, 'for everyone')")));
    QVERIFY2(!c.waitFor(QStringLiteral("notes"), QStringLiteral("1")).isEmpty(), c.output().constData());
    QVERIFY(!c.waitFor(QStringLiteral("changes"), QStringLiteral("1")).isEmpty());
    QCOMPARE(c.count(QStringLiteral("orders"), QStringLiteral("20")), 0);
    QCOMPARE(c.count(QStringLiteral("changes"), QStringLiteral("20")), 0);
    QStringList types;
    for (const QByteArray &line : c.output().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("event")).toString() == QLatin1String("orders"))
            types << NodeClient::payload(o).value(QStringLiteral("type")).toString();
    }
    // The update and the delete may be read together (the row is read after the change).
    QVERIFY2(types == (QStringList{QStringLiteral("insert"), QStringLiteral("update"), QStringLiteral("delete")})
                 || types == (QStringList{QStringLiteral("insert"), QStringLiteral("delete")}),
             qPrintable(types.join(QLatin1Char(','))));
    QVERIFY(!c.output().contains("TOPSECRET"));
}

void TestFeedSocketIo::wrongTokenGetsConnectError()
{
    NodeClient c;
    QVERIFY(c.start(m_port, QStringLiteral("not-a-token")));
    const QJsonObject error = c.waitFor(QStringLiteral("connect_error"));
    QVERIFY2(!error.isEmpty(), c.output().constData());
    QCOMPARE(error.value(QStringLiteral("message")).toString(), QStringLiteral("the token is wrong or revoked"));
    QCOMPARE(error.value(QStringLiteral("data")).toObject().value(QStringLiteral("error")).toString(),
             QStringLiteral("unauthorized"));
    QVERIFY(c.finished()); // the feed closed the connection, the client exited
    QVERIFY2(!c.output().contains("{\"event\":\"connect\","), c.output().constData());
}

void TestFeedSocketIo::pollingRefused()
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(
        QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/socket.io/?EIO=4&transport=polling").arg(m_port))));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QVERIFY(reply->readAll().contains("only the websocket transport"));
    reply->deleteLater();
}

namespace {

QByteArray jwt(const QByteArray &header, const QByteArray &claims, const QByteArray &key)
{
    const auto part = [](const QByteArray &b) {
        return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const QByteArray input = part(header) + '.' + part(claims);
    return input + '.' + part(QMessageAuthenticationCode::hash(input, key, QCryptographicHash::Sha256));
}

} // namespace

void TestFeedSocketIo::signedTokens()
{
    const QByteArray key = "tst-feedsocketio-shared-key-0123456789";
    qputenv("TST_FEEDSIO_JWT_KEY", key);
    SiteDatabase db(m_servers, 'A', QStringLiteral("tfeedsio_j"));
    QVERIFY(db.isOpen());
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE orders (id INT PRIMARY KEY, user_id INT NULL, item VARCHAR(50))")));
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    QJsonObject config = EngineProcess::config(m_servers, 'A', QStringLiteral("tfeedsio_j"), QStringLiteral("site_j"),
                                               {QStringLiteral("site_b")}, {QStringLiteral("orders")}, {});
    config.insert(QStringLiteral("initialLoad"), false);
    config.insert(QStringLiteral("feed"),
                  QJsonDocument::fromJson(QStringLiteral(R"({
        "listen": "127.0.0.1:%1",
        "tokens": {"jwtKey": {"env": "TST_FEEDSIO_JWT_KEY"}},
        "routing": {"orders": "user_id"}})")
                                              .arg(port)
                                              .toUtf8())
                      .object());
    EngineProcess engine(QStringLiteral("site_j"), config);
    QVERIFY(engine.start());
    QVERIFY2(engine.waitForLog("ready (", kTimeoutMs), engine.log().right(3000).constData());

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray hs256 = R"({"alg":"HS256","typ":"JWT"})";
    NodeClient good;
    QVERIFY(
        good.start(port,
                   QString::fromLatin1(jwt(hs256, "{\"sub\":5,\"exp\":" + QByteArray::number(now + 600) + "}", key))));
    const QJsonObject connected = good.waitFor(QStringLiteral("connected"));
    QVERIFY2(!connected.isEmpty(), QByteArray(good.output() + engine.log().right(2000)).constData());
    QCOMPARE(NodeClient::payload(connected).value(QStringLiteral("user")).toString(), QStringLiteral("5"));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO orders VALUES (1, 5, 'signed')")));
    const QJsonObject order = good.waitFor(QStringLiteral("orders"), QStringLiteral("1"));
    QVERIFY2(!order.isEmpty(), good.output().constData());
    QCOMPARE(NodeClient::payload(order)
                 .value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("item"))
                 .toString(),
             QStringLiteral("signed"));

    NodeClient expired;
    QVERIFY(
        expired.start(port,
                      QString::fromLatin1(jwt(hs256, "{\"sub\":5,\"exp\":" + QByteArray::number(now - 5) + "}", key))));
    const QJsonObject refused = expired.waitFor(QStringLiteral("connect_error"));
    QVERIFY2(refused.value(QStringLiteral("message"))
                 .toString()
                 .startsWith(QLatin1String("the token is invalid: the JWT expired")),
             expired.output().constData());

    NodeClient none;
    const auto part = [](const QByteArray &b) {
        return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    QVERIFY(none.start(port, QString::fromLatin1(part(R"({"alg":"none"})") + '.' + part(R"({"sub":5})") + '.')));
    const QJsonObject noneRefused = none.waitFor(QStringLiteral("connect_error"));
    QVERIFY2(noneRefused.value(QStringLiteral("message")).toString().contains(QLatin1String("only HS256")),
             none.output().constData());
    QVERIFY(!engine.log().contains(key)); // the key never reaches the log
    QVERIFY(engine.stop());
}

QTEST_GUILESS_MAIN(TestFeedSocketIo)
#include "tst_feedsocketio.moc"
