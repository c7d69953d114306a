// Issue 18: esink's clients connect unchanged. A real socket.io v4 client from npm
// (tests/node/socketio_client.js, socket.io-client) connects to a daemon's feed with
// {auth: {token}} over the websocket transport and receives the `{table}` and `changes` events
// of rows inserted in MariaDB, only those routed to its user and without the filtered columns; a
// wrong token gets connect_error; the polling transport is refused with HTTP 400.
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

QTEST_GUILESS_MAIN(TestFeedSocketIo)
#include "tst_feedsocketio.moc"
