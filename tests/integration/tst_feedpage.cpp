// tst_feedpage (issue 18, labels browser and integration): docs/examples/feed.html in headless
// Chromium against a real daemon's feed. The page is opened from file:// with its query
// parameters (feed URL, token, table, connect=1); the test reads the page's DOM through the
// Chrome DevTools protocol (Runtime.evaluate), polling until what MariaDB changed shows.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

#include <memory>

#include "EngineProcess.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {
constexpr int kTimeoutMs = 30000;

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// Headless Chromium with the DevTools protocol on a port of its own, showing one page.
class Browser {
public:
    ~Browser()
    {
        m_devtools.close();
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

    bool open(const QUrl &page, QString *error)
    {
        QString program;
        for (const char *name : {"chromium", "chromium-browser", "google-chrome"}) {
            program = QStandardPaths::findExecutable(QLatin1String(name));
            if (!program.isEmpty())
                break;
        }
        if (program.isEmpty()) {
            *error = QStringLiteral("chromium is not installed (scripts/setup.sh installs it)");
            return false;
        }
        const quint16 port = freePort();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(program,
                        {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"),
                         QStringLiteral("--no-first-run"), QStringLiteral("--user-data-dir=") + m_profile.path(),
                         QStringLiteral("--remote-debugging-port=%1").arg(port),
                         QStringLiteral("--remote-allow-origins=*"), page.toString(QUrl::FullyEncoded)});
        if (!m_process.waitForStarted(15000)) {
            *error = QStringLiteral("chromium did not start: ") + m_process.errorString();
            return false;
        }
        // The page's DevTools WebSocket, from /json/list once Chromium listens.
        QString target;
        QNetworkAccessManager http;
        waitUntil(
            [&] {
                QNetworkReply *reply =
                    http.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/json/list").arg(port))));
                waitUntil([&] { return reply->isFinished(); }, 5000);
                const QJsonArray list = QJsonDocument::fromJson(reply->readAll()).array();
                reply->deleteLater();
                for (const QJsonValue &t : list) {
                    if (t.toObject().value(QStringLiteral("type")).toString() == QLatin1String("page"))
                        target = t.toObject().value(QStringLiteral("webSocketDebuggerUrl")).toString();
                }
                return !target.isEmpty();
            },
            kTimeoutMs);
        if (target.isEmpty()) {
            *error = QStringLiteral("chromium's DevTools never listed the page: ")
                + QString::fromUtf8(m_process.readAll().right(2000));
            return false;
        }
        QObject::connect(&m_devtools, &QWebSocket::textMessageReceived, [this](const QString &text) {
            const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
            if (o.contains(QStringLiteral("id")))
                m_answers.insert(o.value(QStringLiteral("id")).toInt(), o);
        });
        m_devtools.open(QUrl(target));
        if (!waitUntil([&] { return m_devtools.state() == QAbstractSocket::ConnectedState; }, kTimeoutMs)) {
            *error = QStringLiteral("cannot reach chromium's DevTools at ") + target;
            return false;
        }
        return true;
    }

    // The value of a JavaScript expression in the page (null when it could not be evaluated).
    QJsonValue evaluate(const QString &expression)
    {
        const int id = ++m_id;
        m_devtools.sendTextMessage(
            QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("id"), id},
                                                        {QStringLiteral("method"), QStringLiteral("Runtime.evaluate")},
                                                        {QStringLiteral("params"),
                                                         QJsonObject{{QStringLiteral("expression"), expression},
                                                                     {QStringLiteral("returnByValue"), true}}}})
                                  .toJson(QJsonDocument::Compact)));
        if (!waitUntil([&] { return m_answers.contains(id); }, 10000))
            return QJsonValue::Null;
        return m_answers.take(id)
            .value(QStringLiteral("result"))
            .toObject()
            .value(QStringLiteral("result"))
            .toObject()
            .value(QStringLiteral("value"));
    }

private:
    QTemporaryDir m_profile;
    QProcess m_process;
    QWebSocket m_devtools;
    QHash<int, QJsonObject> m_answers;
    int m_id = 0;
};

// What the page's table shows: key -> {column -> cell text, "_kind" -> the last change's kind}.
const char kRowsScript[] = R"(JSON.stringify(Object.fromEntries([...document.querySelectorAll('#body tr')].map(
  tr => [tr.dataset.key, Object.assign({_kind: tr.dataset.kind},
         Object.fromEntries([...tr.children].map(td => [td.dataset.column, td.textContent])))]))))";

} // namespace

class TestFeedPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void rowsChangeLiveInThePage();

private:
    QJsonObject pageRows();
    // Polls the page until `done` holds for its rows (bounded); the rows seen last.
    QJsonObject waitForRows(const std::function<bool(const QJsonObject &)> &done);

    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_db;
    std::unique_ptr<EngineProcess> m_engine;
    std::unique_ptr<Browser> m_browser;
    quint16 m_port = 0;
};

void TestFeedPage::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    m_db = std::make_unique<SiteDatabase>(m_servers, 'A', QStringLiteral("tfpage_a"));
    QVERIFY(m_db->isOpen());
    for (const char *ddl : {"CREATE TABLE users (id INT PRIMARY KEY, token VARCHAR(64) NULL)",
                            "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT NULL, item VARCHAR(50), "
                            "secret VARCHAR(50))",
                            "INSERT INTO users VALUES (1, 'tok-1'), (2, 'tok-2')"})
        QVERIFY(m_db->exec(QLatin1String(ddl)));
    m_port = freePort();
    QJsonObject config = EngineProcess::config(m_servers, 'A', QStringLiteral("tfpage_a"), QStringLiteral("site_a"),
                                               {QStringLiteral("site_b")}, {QStringLiteral("orders")}, {});
    config.insert(QStringLiteral("initialLoad"), false);
    config.insert(QStringLiteral("feed"),
                  QJsonObject{{QStringLiteral("listen"), QStringLiteral("127.0.0.1:%1").arg(m_port)},
                              {QStringLiteral("tokens"),
                               QJsonObject{{QStringLiteral("table"), QStringLiteral("users")},
                                           {QStringLiteral("tokenColumn"), QStringLiteral("token")},
                                           {QStringLiteral("userColumn"), QStringLiteral("id")}}},
                              {QStringLiteral("routing"),
                               QJsonObject{{QStringLiteral("orders"), QStringLiteral("user_id")}}},
                              {QStringLiteral("filters"), QJsonArray{QStringLiteral("orders.secret")}}});
    m_engine = std::make_unique<EngineProcess>(QStringLiteral("site_a"), config);
    QVERIFY(m_engine->start());
    QVERIFY2(m_engine->waitForLog("ready (", kTimeoutMs), m_engine->log().right(3000).constData());

    const QString source = qEnvironmentVariable("MYSQL_SYNC_SOURCE_DIR");
    QUrl page = QUrl::fromLocalFile(source + QStringLiteral("/docs/examples/feed.html"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("url"), QStringLiteral("ws://127.0.0.1:%1/").arg(m_port));
    query.addQueryItem(QStringLiteral("token"), QStringLiteral("tok-1"));
    query.addQueryItem(QStringLiteral("table"), QStringLiteral("orders"));
    query.addQueryItem(QStringLiteral("connect"), QStringLiteral("1"));
    page.setQuery(query);
    m_browser = std::make_unique<Browser>();
    QString error;
    QVERIFY2(m_browser->open(page, &error), qPrintable(error));
    QVERIFY2(waitUntil(
                 [&] {
                     return m_browser->evaluate(QStringLiteral("document.body.dataset.state || ''")).toString()
                         == QLatin1String("subscribed");
                 },
                 kTimeoutMs),
             qPrintable(
                 m_browser->evaluate(QStringLiteral("document.getElementById('status').textContent")).toString()));
}

void TestFeedPage::cleanupTestCase()
{
    if (QTest::currentTestFailed() && m_engine)
        qWarning().noquote() << m_engine->log().right(4000);
    m_browser.reset();
    if (m_engine)
        m_engine->stop();
}

QJsonObject TestFeedPage::pageRows()
{
    return QJsonDocument::fromJson(m_browser->evaluate(QLatin1String(kRowsScript)).toString().toUtf8()).object();
}

QJsonObject TestFeedPage::waitForRows(const std::function<bool(const QJsonObject &)> &done)
{
    QJsonObject rows;
    waitUntil([&] { return done(rows = pageRows()); }, kTimeoutMs);
    return rows;
}

void TestFeedPage::rowsChangeLiveInThePage()
{
    auto cell = [](const QJsonObject &rows, const char *key, const char *column) {
        return rows.value(QLatin1String(key)).toObject().value(QLatin1String(column)).toString();
    };
    QVERIFY(pageRows().isEmpty());
    // Inserts: user 1's rows appear, user 2's never (the later row proves the earlier had its chance).
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO orders VALUES (5, 1, 'bolt', 'TOPSECRET-5')")));
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO orders VALUES (6, 2, 'nut', 'TOPSECRET-6')")));
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO orders VALUES (7, 1, 'washer', NULL)")));
    QJsonObject rows = waitForRows([](const QJsonObject &r) { return r.contains(QStringLiteral("7")); });
    QCOMPARE(cell(rows, "5", "item"), QStringLiteral("bolt"));
    QCOMPARE(cell(rows, "5", "user_id"), QStringLiteral("1"));
    QCOMPARE(cell(rows, "5", "_kind"), QStringLiteral("insert"));
    QCOMPARE(cell(rows, "7", "item"), QStringLiteral("washer"));
    QVERIFY2(!rows.contains(QStringLiteral("6")), "another user's row shows");
    QVERIFY2(!rows.value(QStringLiteral("5")).toObject().contains(QStringLiteral("secret")), "a filtered column shows");
    QVERIFY(!m_browser->evaluate(QStringLiteral("document.body.innerHTML"))
                 .toString()
                 .contains(QLatin1String("TOPSECRET")));

    // An update changes the row in place.
    QVERIFY(m_db->exec(QStringLiteral("UPDATE orders SET item = 'bolt M8' WHERE id = 5")));
    rows = waitForRows([&](const QJsonObject &r) { return cell(r, "5", "item") == QLatin1String("bolt M8"); });
    QCOMPARE(cell(rows, "5", "_kind"), QStringLiteral("update"));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(m_browser->evaluate(QStringLiteral("document.querySelectorAll('#body tr')[0].dataset.key")).toString(),
             QStringLiteral("5")); // in place: still the first line

    // A delete, and a row given to another user ("gone"): both leave the page.
    QVERIFY(m_db->exec(QStringLiteral("DELETE FROM orders WHERE id = 7")));
    QVERIFY(m_db->exec(QStringLiteral("UPDATE orders SET user_id = 2 WHERE id = 5")));
    rows = waitForRows([](const QJsonObject &r) { return r.isEmpty(); });
    QVERIFY2(rows.isEmpty(), qPrintable(QString::fromUtf8(QJsonDocument(rows).toJson())));
    const QString log = m_browser->evaluate(QStringLiteral("document.getElementById('log').textContent")).toString();
    QVERIFY2(log.contains(QLatin1String("deleted 7")) && log.contains(QLatin1String("gone 5")), qPrintable(log));
}

QTEST_GUILESS_MAIN(TestFeedPage)
#include "tst_feedpage.moc"
