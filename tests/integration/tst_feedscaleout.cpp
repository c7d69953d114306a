// tst_feedscaleout (issue 18, scale-out): one engine with feed.publishStream and two standalone
// feed servers (mysql-sync feed) on other ports, fed from the broker only. A WebSocket client on
// each gets the same push for a row inserted or updated in MariaDB (and "gone" when the row moves
// to another user); a stream message whose payload names another site than its topic is ignored;
// the engine goes on capturing and pushing while both feed servers are gone.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>
#include <QWebSocket>

#include <memory>

#include "EngineProcess.h"
#include "Mqtt.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {
constexpr int kTimeoutMs = 30000;

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QJsonObject body(const QJsonObject &frame)
{
    return frame.value(QStringLiteral("body")).toObject();
}

// One WebSocket client: logs in with ?token=, subscribes, keeps every frame.
class Client : public QObject {
public:
    bool open(quint16 port, const QString &token)
    {
        connect(&m_socket, &QWebSocket::textMessageReceived, this,
                [this](const QString &text) { m_frames.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
        m_socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/?token=%2").arg(port).arg(token)));
        return !waitFor(QStringLiteral("authenticated")).isEmpty();
    }
    bool subscribe(const QString &table)
    {
        m_socket.sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("action"), QStringLiteral("subscribe")},
                                      {QStringLiteral("body"), QJsonObject{{QStringLiteral("entity"), table}}}})
                .toJson(QJsonDocument::Compact)));
        return !waitFor(QStringLiteral("subscribed"), QString(), QString(), table).isEmpty();
    }
    // The first frame of `action` (and table/key when given; `entity` for subscriptions).
    QJsonObject find(const QString &action, const QString &table = QString(), const QString &key = QString(),
                     const QString &entity = QString()) const
    {
        for (const QJsonObject &f : m_frames) {
            const QJsonObject b = body(f);
            if (f.value(QStringLiteral("action")).toString() == action
                && (table.isEmpty() || b.value(QStringLiteral("table")).toString() == table)
                && (key.isEmpty() || b.value(QStringLiteral("key")).toString() == key)
                && (entity.isEmpty() || b.value(QStringLiteral("entity")).toString() == entity))
                return f;
        }
        return {};
    }
    // The kinds of every change of table/key received, in order.
    QStringList kinds(const QString &table, const QString &key) const
    {
        QStringList out;
        for (const QJsonObject &f : m_frames) {
            const QJsonObject b = body(f);
            if (f.value(QStringLiteral("action")).toString() == QLatin1String("change")
                && b.value(QStringLiteral("table")).toString() == table
                && b.value(QStringLiteral("key")).toString() == key)
                out << b.value(QStringLiteral("kind")).toString();
        }
        return out;
    }
    QJsonObject waitFor(const QString &action, const QString &table = QString(), const QString &key = QString(),
                        const QString &entity = QString())
    {
        QJsonObject found;
        waitUntil([&] { return !(found = find(action, table, key, entity)).isEmpty(); }, kTimeoutMs);
        return found;
    }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
};

} // namespace

class TestFeedScaleOut : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void bothServersPushTheSameChanges();
    void forgedStreamMessageIgnored();
    void engineNeverWaitsForFeedServers();

private:
    std::unique_ptr<Client> client(quint16 port, const QString &token);
    // A `notes` row (routed to everyone) seen by every client: what was sent before has arrived.
    void barrier(const QList<Client *> &clients);

    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_db;
    std::unique_ptr<EngineProcess> m_engine;
    std::unique_ptr<EngineProcess> m_feed1;
    std::unique_ptr<EngineProcess> m_feed2;
    quint16 m_enginePort = 0;
    quint16 m_port1 = 0;
    quint16 m_port2 = 0;
    int m_note = 0;
};

void TestFeedScaleOut::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    m_db = std::make_unique<SiteDatabase>(m_servers, 'A', QStringLiteral("tfscale_a"));
    QVERIFY(m_db->isOpen());
    for (const char *ddl : {"CREATE TABLE users (id INT PRIMARY KEY, token VARCHAR(64) NULL)",
                            "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT NULL, item VARCHAR(50), "
                            "secret VARCHAR(50))",
                            "CREATE TABLE notes (id INT PRIMARY KEY, title VARCHAR(50))",
                            "INSERT INTO users VALUES (1, 'tok-1'), (2, 'tok-2')"})
        QVERIFY(m_db->exec(QLatin1String(ddl)));
    m_enginePort = freePort();
    m_port1 = freePort();
    m_port2 = freePort();
    QVERIFY(m_enginePort && m_port1 && m_port2);

    QJsonObject config =
        EngineProcess::config(m_servers, 'A', QStringLiteral("tfscale_a"), QStringLiteral("site_a"),
                              {QStringLiteral("site_b")}, {QStringLiteral("orders"), QStringLiteral("notes")}, {});
    config.insert(QStringLiteral("initialLoad"), false);
    auto withFeed = [&](quint16 port) {
        QJsonObject c = config;
        c.insert(QStringLiteral("feed"),
                 QJsonObject{{QStringLiteral("listen"), QStringLiteral("127.0.0.1:%1").arg(port)},
                             {QStringLiteral("tokens"),
                              QJsonObject{{QStringLiteral("table"), QStringLiteral("users")},
                                          {QStringLiteral("tokenColumn"), QStringLiteral("token")},
                                          {QStringLiteral("userColumn"), QStringLiteral("id")}}},
                             {QStringLiteral("routing"),
                              QJsonObject{{QStringLiteral("orders"), QStringLiteral("user_id")},
                                          {QStringLiteral("notes"), QStringLiteral("*")}}},
                             {QStringLiteral("filters"), QJsonArray{QStringLiteral("orders.secret")}},
                             {QStringLiteral("publishStream"), true}});
        return c;
    };
    m_engine = std::make_unique<EngineProcess>(QStringLiteral("site_a"), withFeed(m_enginePort));
    QVERIFY(m_engine->start());
    QVERIFY2(m_engine->waitForLog("ready (", kTimeoutMs), m_engine->log().right(3000).constData());
    m_feed1 = std::make_unique<EngineProcess>(QStringLiteral("feed1"), withFeed(m_port1));
    m_feed2 = std::make_unique<EngineProcess>(QStringLiteral("feed2"), withFeed(m_port2));
    for (EngineProcess *f : {m_feed1.get(), m_feed2.get()}) {
        f->setArguments({QStringLiteral("feed")});
        QVERIFY(f->start());
    }
    for (EngineProcess *f : {m_feed1.get(), m_feed2.get()})
        QVERIFY2(f->waitForLog("feed stream subscribed", kTimeoutMs), f->log().right(3000).constData());
}

void TestFeedScaleOut::cleanupTestCase()
{
    if (QTest::currentTestFailed() || qEnvironmentVariableIsSet("TST_FEED_LOG")) {
        for (EngineProcess *p : {m_engine.get(), m_feed1.get(), m_feed2.get()})
            if (p)
                qWarning().noquote() << p->name() << p->log().right(4000);
    }
    for (EngineProcess *p : {m_feed1.get(), m_feed2.get(), m_engine.get()})
        if (p)
            p->stop();
}

std::unique_ptr<Client> TestFeedScaleOut::client(quint16 port, const QString &token)
{
    auto c = std::make_unique<Client>();
    if (!c->open(port, token) || !c->subscribe(QStringLiteral("orders")) || !c->subscribe(QStringLiteral("notes")))
        return nullptr;
    return c;
}

void TestFeedScaleOut::barrier(const QList<Client *> &clients)
{
    const QString id = QString::number(++m_note);
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO notes VALUES (?, 'barrier')"), {m_note}));
    for (Client *c : clients)
        QVERIFY2(!c->waitFor(QStringLiteral("change"), QStringLiteral("notes"), id).isEmpty(),
                 qPrintable(QStringLiteral("barrier note %1 did not arrive").arg(id)));
}

void TestFeedScaleOut::bothServersPushTheSameChanges()
{
    auto a1 = client(m_port1, QStringLiteral("tok-1"));
    auto b1 = client(m_port2, QStringLiteral("tok-1"));
    auto b2 = client(m_port2, QStringLiteral("tok-2"));
    QVERIFY(a1 && b1 && b2);

    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO orders VALUES (1, 1, 'bolt', 'TOPSECRET-1')")));
    const QJsonObject p1 = a1->waitFor(QStringLiteral("change"), QStringLiteral("orders"), QStringLiteral("1"));
    const QJsonObject p2 = b1->waitFor(QStringLiteral("change"), QStringLiteral("orders"), QStringLiteral("1"));
    QVERIFY2(!p1.isEmpty() && !p2.isEmpty(), "the insert did not reach both feed servers' clients");
    QCOMPARE(p1, p2); // the same push, time included: the engine's feed resolved it once
    QCOMPARE(body(p1).value(QStringLiteral("kind")).toString(), QStringLiteral("insert"));
    const QJsonObject row = body(p1).value(QStringLiteral("row")).toObject();
    QCOMPARE(row.value(QStringLiteral("item")).toString(), QStringLiteral("bolt"));
    QVERIFY2(!row.contains(QStringLiteral("secret")), "a filtered column crossed the broker");

    // Moving the row to user 2: user 1 learns it is gone (on both servers), user 2 gets it.
    QVERIFY(m_db->exec(QStringLiteral("UPDATE orders SET user_id = 2, item = 'nut' WHERE id = 1")));
    const QJsonObject moved = b2->waitFor(QStringLiteral("change"), QStringLiteral("orders"), QStringLiteral("1"));
    QCOMPARE(body(moved).value(QStringLiteral("kind")).toString(), QStringLiteral("update"));
    QCOMPARE(body(moved).value(QStringLiteral("row")).toObject().value(QStringLiteral("item")).toString(),
             QStringLiteral("nut"));
    const QJsonObject gone1 = a1->waitFor(QStringLiteral("gone"), QStringLiteral("orders"), QStringLiteral("1"));
    const QJsonObject gone2 = b1->waitFor(QStringLiteral("gone"), QStringLiteral("orders"), QStringLiteral("1"));
    QVERIFY(!gone1.isEmpty());
    QCOMPARE(gone1, gone2);
    barrier({a1.get(), b1.get(), b2.get()});
    // User 2 never had the insert (it was user 1's), user 1 never the update: each exactly once.
    QCOMPARE(b2->kinds(QStringLiteral("orders"), QStringLiteral("1")), QStringList{QStringLiteral("update")});
    QCOMPARE(a1->kinds(QStringLiteral("orders"), QStringLiteral("1")), QStringList{QStringLiteral("insert")});
    QCOMPARE(b1->kinds(QStringLiteral("orders"), QStringLiteral("1")), QStringList{QStringLiteral("insert")});
}

void TestFeedScaleOut::forgedStreamMessageIgnored()
{
    auto a = client(m_port1, QStringLiteral("tok-1"));
    QVERIFY(a);
    auto message = [](const QString &sender, int key) {
        return QJsonDocument(QJsonObject{{QStringLiteral("sender"), sender},
                                         {QStringLiteral("table"), QStringLiteral("notes")},
                                         {QStringLiteral("key"), QString::number(key)},
                                         {QStringLiteral("kind"), QStringLiteral("insert")},
                                         {QStringLiteral("row"),
                                          QJsonObject{{QStringLiteral("id"), key},
                                                      {QStringLiteral("title"), QStringLiteral("x")}}},
                                         {QStringLiteral("time"), 1767225600123.0},
                                         {QStringLiteral("owners"),
                                          QJsonObject{{QStringLiteral("before"), QJsonArray()},
                                                      {QStringLiteral("after"), QJsonArray()}}}})
            .toJson(QJsonDocument::Compact);
    };
    const int offset = int(m_feed1->log().size());
    // On site_a's topic, a payload that says site_x sent it: ignored. Then one that agrees: taken
    // (so the first had every chance to arrive before it).
    QVERIFY(mqttPublish(m_servers, QStringLiteral("/mysql-sync/site_a/feed"), message(QStringLiteral("site_x"), 9001)));
    QVERIFY(mqttPublish(m_servers, QStringLiteral("/mysql-sync/site_a/feed"), message(QStringLiteral("site_a"), 9002)));
    QVERIFY(!a->waitFor(QStringLiteral("change"), QStringLiteral("notes"), QStringLiteral("9002")).isEmpty());
    QVERIFY(a->find(QStringLiteral("change"), QStringLiteral("notes"), QStringLiteral("9001")).isEmpty());
    QVERIFY2(m_feed1->waitForLog("is not the site the topic names", kTimeoutMs, offset),
             m_feed1->log().right(2000).constData());
    // Malformed: also refused, the server goes on.
    QVERIFY(mqttPublish(m_servers, QStringLiteral("/mysql-sync/site_a/feed"), QByteArray("{\"sender\":\"site_a\"}")));
    QVERIFY(m_feed1->waitForLog("field `table`", kTimeoutMs, offset));
    QVERIFY(m_feed1->isRunning());
}

void TestFeedScaleOut::engineNeverWaitsForFeedServers()
{
    // A client on the engine's own feed, then both standalone servers gone at once.
    auto local = client(m_enginePort, QStringLiteral("tok-2"));
    QVERIFY(local);
    m_feed1->kill9();
    m_feed2->kill9();
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO orders (id, user_id, item) "
                                      "SELECT seq, 2, 'bulk' FROM seq_100_to_299")));
    QVERIFY(!local->waitFor(QStringLiteral("change"), QStringLiteral("orders"), QStringLiteral("299")).isEmpty());
    QVERIFY(waitUntil([&] { return m_db->count(QStringLiteral("table_changes")) == 0; }, kTimeoutMs));
    QVERIFY(m_engine->isRunning());
    // Back again: the stream serves a new server from its next change on.
    const int offset = int(m_feed1->log().size());
    QVERIFY(m_feed1->start());
    QVERIFY(m_feed1->waitForLog("feed stream subscribed", kTimeoutMs, offset));
    auto again = client(m_port1, QStringLiteral("tok-2"));
    QVERIFY(again);
    QVERIFY(m_db->exec(QStringLiteral("UPDATE orders SET item = 'again' WHERE id = 299")));
    const QJsonObject f = again->waitFor(QStringLiteral("change"), QStringLiteral("orders"), QStringLiteral("299"));
    QCOMPARE(body(f).value(QStringLiteral("row")).toObject().value(QStringLiteral("item")).toString(),
             QStringLiteral("again"));
}

QTEST_GUILESS_MAIN(TestFeedScaleOut)
#include "tst_feedscaleout.moc"
