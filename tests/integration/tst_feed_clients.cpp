// tst_feed: tokens refused, a client that stops reading dropped while another keeps receiving,
// GET /ping and POST /publish, TLS only, catalogue problems (tst_feed.h).
#include "tst_feed.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslError>
#include <QTest>

#include "WaitUntil.h"

using namespace testsupport;

namespace {
constexpr int kTimeoutMs = 30000;

QString bodyString(const QJsonObject &frame, const char *field)
{
    return frame.value(QStringLiteral("body")).toObject().value(QLatin1String(field)).toString();
}

// A masked client text frame (RFC 6455), short payloads only.
QByteArray clientFrame(const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x81));
    frame.append(char(0x80 | payload.size()));
    const quint32 mask = QRandomGenerator::global()->generate();
    QByteArray key(4, Qt::Uninitialized);
    for (int i = 0; i < 4; ++i)
        key[i] = char((mask >> (8 * i)) & 0xff);
    frame.append(key);
    for (int i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ key.at(i % 4)));
    return frame;
}

struct HttpAnswer {
    int status = 0;
    QByteArray body;
};

HttpAnswer http(QNetworkAccessManager &nam, const QString &method, const QUrl &url, const QByteArray &body = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = method == QLatin1String("POST") ? nam.post(request, body) : nam.get(request);
    waitUntil([reply] { return reply->isFinished(); }, kTimeoutMs);
    HttpAnswer a{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return a;
}

} // namespace

void TestFeed::wrongOrRevokedTokenRefused()
{
    // Wrong token in the URL.
    FeedTestClient wrong;
    QVERIFY(wrong.open(m_port, QStringLiteral("no-such-token")));
    const QJsonObject error = wrong.waitFor(QStringLiteral("error"));
    QCOMPARE(bodyString(error, "error"), QStringLiteral("unauthorized"));
    QVERIFY(bodyString(error, "message").contains(QLatin1String("wrong or revoked")));
    QVERIFY2(waitUntil([&] { return wrong.isClosed(); }, kTimeoutMs), "the connection was not closed");
    QCOMPARE(wrong.socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);

    // Wrong token in a message; subscribing before any token is refused too.
    FeedTestClient early;
    QVERIFY(early.open(m_port));
    early.send(QJsonObject{{QStringLiteral("action"), QStringLiteral("subscribe")},
                           {QStringLiteral("body"), QJsonObject{{QStringLiteral("entity"), QStringLiteral("notes")}}}});
    QCOMPARE(bodyString(early.waitFor(QStringLiteral("error")), "error"), QStringLiteral("unauthorized"));
    QVERIFY(!early.isClosed());
    early.send(QJsonObject{{QStringLiteral("action"), QStringLiteral("secret")},
                           {QStringLiteral("body"), QStringLiteral("tok-1' OR '1'='1")}});
    QVERIFY2(waitUntil([&] { return early.isClosed(); }, kTimeoutMs), "a wrong secret did not close the connection");
    QVERIFY(early.count(QStringLiteral("authenticated"), QString(), QString()) == 0);

    // The column's collation ignores case and trailing spaces; the token comparison does not.
    for (const QString &near : {QStringLiteral("TOK-1"), QStringLiteral("tok-1 ")}) {
        FeedTestClient nearly;
        QVERIFY(nearly.open(m_port, near));
        QCOMPARE(bodyString(nearly.waitFor(QStringLiteral("error")), "error"), QStringLiteral("unauthorized"));
        QVERIFY(waitUntil([&] { return nearly.isClosed(); }, kTimeoutMs));
    }

    // A revoked token (no longer in the table) is refused.
    QVERIFY(m_a->exec(QStringLiteral("UPDATE users SET token = NULL WHERE id = 3")));
    FeedTestClient revoked;
    QVERIFY(revoked.open(m_port, QStringLiteral("tok-3")));
    QCOMPARE(bodyString(revoked.waitFor(QStringLiteral("error")), "error"), QStringLiteral("unauthorized"));
    QVERIFY(waitUntil([&] { return revoked.isClosed(); }, kTimeoutMs));
    QVERIFY(m_a->exec(QStringLiteral("UPDATE users SET token = 'tok-3' WHERE id = 3")));
}

void TestFeed::slowClientDroppedOthersKeepReceiving()
{
    auto fast = client(QStringLiteral("tok-1"), {QStringLiteral("blobs"), QStringLiteral("notes")});
    QVERIFY(fast);
    // The slow client speaks WebSocket by hand, so that it can stop reading.
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(slow.waitForConnected(kTimeoutMs));
    slow.write(QByteArrayLiteral("GET /?token=tok-2 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                 "Sec-WebSocket-Version: 13\r\n\r\n"));
    QByteArray received;
    QVERIFY(waitUntil(
        [&] {
            received += slow.readAll();
            return received.contains("\"authenticated\"");
        },
        kTimeoutMs));
    QVERIFY(received.startsWith("HTTP/1.1 101"));
    slow.write(clientFrame(R"({"action":"subscribe","body":{"entity":"blobs"}})"));
    QVERIFY(waitUntil(
        [&] {
            received += slow.readAll();
            return received.contains("\"subscribed\"");
        },
        kTimeoutMs));
    slow.setReadBufferSize(4096); // from now on it reads nothing: the kernel's buffers fill up

    // 200 rows of 250 kB (50 MB): far more than the socket buffers and the slow client's queue
    // (50 messages) hold. The fast client reads each row before the next is written.
    const int rows = 200;
    const int logOffset = int(m_engineA->log().size());
    for (int i = 1; i <= rows; ++i) {
        QVERIFY(m_a->exec(QStringLiteral("INSERT INTO blobs VALUES (?, REPEAT('x', 250000))"), {i}));
        QVERIFY2(!fast->waitFor(QStringLiteral("change"), QStringLiteral("blobs"), QString::number(i)).isEmpty(),
                 qPrintable(QStringLiteral("the fast client did not receive row %1").arg(i)));
    }
    QVERIFY(!fast->isClosed());
    QVERIFY2(m_engineA->waitForLog("dropping feed client", kTimeoutMs, logOffset),
             m_engineA->log().right(2000).constData());
    // Reading again, the slow client finds its connection closed.
    slow.setReadBufferSize(0);
    QVERIFY2(waitUntil(
                 [&] {
                     slow.readAll();
                     return slow.state() == QAbstractSocket::UnconnectedState;
                 },
                 kTimeoutMs),
             "the slow client was not disconnected");
    // The fast one is still served.
    barrier({fast.get()});
}

void TestFeed::httpPingAndPublish()
{
    QNetworkAccessManager nam;
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_port);
    HttpAnswer a = http(nam, QStringLiteral("GET"), QUrl(base + QStringLiteral("/ping")));
    QCOMPARE(a.status, 200);
    QCOMPARE(a.body, QByteArray("pong"));
    QCOMPARE(http(nam, QStringLiteral("GET"), QUrl(base + QStringLiteral("/nowhere"))).status, 404);

    auto c2 = client(QStringLiteral("tok-2"), {QStringLiteral("orders"), QStringLiteral("notes")});
    auto c1 = client(QStringLiteral("tok-1"), {QStringLiteral("orders"), QStringLiteral("notes")});
    QVERIFY(c1 && c2);
    const QUrl publish(base + QStringLiteral("/publish"));
    QCOMPARE(http(nam, QStringLiteral("POST"), publish, "{not json").status, 400);
    QCOMPARE(http(nam, QStringLiteral("POST"), publish,
                  R"({"data": {"id": 7}, "type": "insert", "userId": "2", "table": "orders"})")
                 .status,
             401);
    QCOMPARE(
        http(nam, QStringLiteral("POST"), publish,
             R"({"securityToken": "guess", "data": {"id": 7}, "type": "insert", "userId": "2", "table": "orders"})")
            .status,
        401); // esink: an invalid token is 401
    QCOMPARE(http(nam, QStringLiteral("POST"), publish,
                  R"({"securityToken": "publish-secret-1", "data": {"id": 7}, "type": "merge", "userId": "2",
                      "table": "orders"})")
                 .status,
             400);
    a = http(nam, QStringLiteral("POST"), publish,
             R"({"securityToken": "publish-secret-1", "type": "update", "userId": "2", "table": "orders",
                 "data": {"id": 900, "user_id": 2, "item": "published", "secret": "TOPSECRET-pub"}})");
    QCOMPARE(a.status, 200);
    const QJsonObject pushed = c2->waitFor(QStringLiteral("change"), QStringLiteral("orders"), QStringLiteral("900"));
    QVERIFY(!pushed.isEmpty());
    const QJsonObject body = pushed.value(QStringLiteral("body")).toObject();
    QCOMPARE(body.value(QStringLiteral("kind")).toString(), QStringLiteral("update"));
    QCOMPARE(body.value(QStringLiteral("source")).toString(), QStringLiteral("api"));
    QCOMPARE(body.value(QStringLiteral("row")).toObject().value(QStringLiteral("item")).toString(),
             QStringLiteral("published"));
    barrier({c1.get(), c2.get()});
    QCOMPARE(c1->count(QStringLiteral("change"), QStringLiteral("orders"), QStringLiteral("900")), 0);
}

void TestFeed::tlsOnly()
{
    // A self-signed certificate for 127.0.0.1; the feed then speaks wss:// and https:// only.
    QProcess openssl;
    const QString dir = m_engineA->tempDir();
    const QString certFile = dir + QStringLiteral("/feed.crt");
    const QString keyFile = dir + QStringLiteral("/feed.key");
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-keyout"), keyFile, QStringLiteral("-out"), certFile});
    QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
    QVERIFY(m_engineA->stop());
    QJsonObject config = m_engineA->currentConfig();
    QJsonObject feed = config.value(QStringLiteral("feed")).toObject();
    feed.insert(QStringLiteral("tls"),
                QJsonObject{{QStringLiteral("cert"), certFile}, {QStringLiteral("key"), keyFile}});
    config.insert(QStringLiteral("feed"), feed);
    m_engineA->setConfig(config);
    const int logOffset = int(m_engineA->log().size());
    QVERIFY(m_engineA->start());
    QVERIFY2(m_engineA->waitForLog("(wss://, https://)", kTimeoutMs, logOffset),
             m_engineA->log().right(3000).constData());
    QVERIFY(m_engineA->waitForLog("ready (", kTimeoutMs, logOffset));

    FeedTestClient secure;
    connect(&secure.socket(), &QWebSocket::sslErrors, &secure.socket(),
            [&secure](const QList<QSslError> &) { secure.socket().ignoreSslErrors(); });
    secure.socket().open(QUrl(QStringLiteral("wss://127.0.0.1:%1/?token=tok-1").arg(m_port)));
    QCOMPARE(bodyString(secure.waitFor(QStringLiteral("authenticated")), "user"), QStringLiteral("1"));
    QVERIFY(secure.subscribe(QStringLiteral("orders")));
    QVERIFY(m_a->exec(QStringLiteral("INSERT INTO orders VALUES (500, 1, 'tls', 'TOPSECRET-o500')")));
    QVERIFY(!secure.waitFor(QStringLiteral("change"), QStringLiteral("orders"), QStringLiteral("500")).isEmpty());
    m_allFrames += secure.raw();

    // Plain ws:// gets no WebSocket; https:// answers.
    FeedTestClient plain;
    QVERIFY(!plain.open(m_port, QStringLiteral("tok-1")));
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(QStringLiteral("https://127.0.0.1:%1/ping").arg(m_port)));
    QNetworkReply *reply = nam.get(request);
    connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &) { reply->ignoreSslErrors(); });
    QVERIFY(waitUntil([reply] { return reply->isFinished(); }, kTimeoutMs));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->readAll(), QByteArray("pong"));
    reply->deleteLater();
}

void TestFeed::catalogueProblemsRefused()
{
    // A routing column the table does not have: --check names it, and the daemon does not start.
    QVERIFY(m_engineA->stop());
    QJsonObject config = m_engineA->currentConfig();
    QJsonObject feed = config.value(QStringLiteral("feed")).toObject();
    QJsonObject routing = feed.value(QStringLiteral("routing")).toObject();
    routing.insert(QStringLiteral("orders"), QStringLiteral("owner"));
    feed.insert(QStringLiteral("routing"), routing);
    feed.insert(QStringLiteral("tokens"),
                QJsonObject{{QStringLiteral("table"), QStringLiteral("users")},
                            {QStringLiteral("tokenColumn"), QStringLiteral("tokn")},
                            {QStringLiteral("userColumn"), QStringLiteral("id")}});
    config.insert(QStringLiteral("feed"), feed);
    m_engineA->setConfig(config);

    QProcess check;
    check.setProcessChannelMode(QProcess::MergedChannels);
    check.start(EngineProcess::daemonPath(), {QStringLiteral("--check"), m_engineA->configPath()});
    QVERIFY(check.waitForFinished(60000));
    const QString out = QString::fromUtf8(check.readAll());
    QCOMPARE(check.exitCode(), 1);
    QVERIFY2(out.contains(QStringLiteral("feed.routing.orders: table `orders` has no column `owner`")),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("feed.tokens.tokenColumn: table `users` has no column `tokn`")),
             qPrintable(out));

    const int logOffset = int(m_engineA->log().size());
    QVERIFY(m_engineA->start());
    QVERIFY(m_engineA->waitForExit(kTimeoutMs));
    QCOMPARE(m_engineA->exitCode(), 1);
    QVERIFY2(m_engineA->log().mid(logOffset).contains("the feed cannot start: "),
             m_engineA->log().right(2000).constData());
    QVERIFY(m_engineA->log().mid(logOffset).contains("feed.routing.orders: table `orders` has no column `owner`"));
}
