// The Feed tab (issue 18) in a MainWindow over a FakeEngine, against the harness's MariaDB
// (fixture "servers"): a configuration with a `feed` section shows the tab and runs the same
// FeedService as the daemon; a WebSocket client connected to it appears with its user, address
// and subscriptions, its messages per second follow the changes pushed to it, and it goes when
// it disconnects; a configuration without a feed hides the tab and stops the feed.
#include "FakeEngine.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"
#include "common/RowChangeSink.h"
#include "config/Config.h"
#include "feed/FeedService.h"
#include "livefeed/FeedPage.h"
#include "mainwindow/MainWindow.h"
#include "monitor/FeedClientsModel.h"
#include "monitor/FeedMonitor.h"
#include "monitor/MonitorSession.h"

#include "EngineProcess.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace mysqlsync;
using namespace mysqlsync::ui;
using namespace testsupport;

namespace {
constexpr int kWaitMs = 20000;
} // namespace

class TestFeedClientsPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void clientsShowLive();
    void noFeedHidesTheTab();

private:
    Config load(bool withFeed);
    QString cell(int row, int column) const;

    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_db;
    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
};

void TestFeedClientsPage::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    m_db = std::make_unique<SiteDatabase>(m_servers, 'A', QStringLiteral("tfgui_a"));
    QVERIFY(m_db->isOpen());
    for (const char *ddl : {"CREATE TABLE users (id INT PRIMARY KEY, token VARCHAR(64) NULL)",
                            "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT NULL, item VARCHAR(50))",
                            "INSERT INTO users VALUES (1, 'tok-1')"})
        QVERIFY(m_db->exec(QLatin1String(ddl)));
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    m_port = probe.serverPort();
    probe.close();
    m_engine = std::make_unique<FakeEngine>();
    m_window = std::make_unique<MainWindow>(*m_engine, false);
    new QAbstractItemModelTester(m_window->feedMonitor()->model(), m_window.get());
    m_window->show();
}

void TestFeedClientsPage::cleanupTestCase()
{
    m_window.reset();
}

Config TestFeedClientsPage::load(bool withFeed)
{
    QJsonObject json = EngineProcess::config(m_servers, 'A', QStringLiteral("tfgui_a"), QStringLiteral("site_a"),
                                             {QStringLiteral("site_b")}, {QStringLiteral("orders")}, {});
    if (withFeed)
        json.insert(QStringLiteral("feed"),
                    QJsonDocument::fromJson(QStringLiteral(R"({"listen": "127.0.0.1:%1",
                        "tokens": {"table": "users", "tokenColumn": "token", "userColumn": "id"},
                        "routing": {"orders": "user_id"}})")
                                                .arg(m_port)
                                                .toUtf8())
                        .object());
    const QString path = m_dir.filePath(withFeed ? QStringLiteral("feed.json") : QStringLiteral("plain.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) <= 0)
        return {};
    file.close();
    Config config;
    QString error;
    if (!ConfigLoader::load(path, &config, &error))
        qWarning().noquote() << error;
    return config;
}

QString TestFeedClientsPage::cell(int row, int column) const
{
    const FeedClientsModel *model = m_window->feedMonitor()->model();
    return model->data(model->index(row, column)).toString();
}

void TestFeedClientsPage::clientsShowLive()
{
    const Config config = load(true);
    QVERIFY(config.feed.enabled);
    m_window->session()->start(config);
    QVERIFY(m_window->tabs()->isTabVisible(MainWindow::FeedTab));
    QVERIFY2(m_window->feedMonitor()->isRunning(), "the app's feed did not start");
    QCOMPARE(m_window->feedMonitor()->port(), m_port);
    const FeedClientsModel *model = m_window->feedMonitor()->model();
    QCOMPARE(model->rowCount(), 0);

    QWebSocket socket;
    QList<QJsonObject> frames;
    connect(&socket, &QWebSocket::textMessageReceived, this,
            [&](const QString &text) { frames.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
    socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/?token=tok-1").arg(m_port)));
    QVERIFY(waitUntil([&] { return !frames.isEmpty(); }, kWaitMs));
    socket.sendTextMessage(QStringLiteral(R"({"action":"subscribe","body":{"entity":"orders"}})"));
    QVERIFY(waitUntil([&] { return frames.size() >= 2; }, kWaitMs));
    QCOMPARE(frames.at(1).value(QStringLiteral("action")).toString(), QStringLiteral("subscribed"));

    // The page shows it within its refresh period, never waiting for the feed's thread.
    QVERIFY(waitUntil(
        [&] { return model->rowCount() == 1 && cell(0, FeedClientsModel::Subscriptions) == QLatin1String("orders"); },
        kWaitMs));
    QCOMPARE(cell(0, FeedClientsModel::User), QStringLiteral("1"));
    QVERIFY2(cell(0, FeedClientsModel::Address).startsWith(QLatin1String("127.0.0.1:")),
             qPrintable(cell(0, FeedClientsModel::Address)));
    QCOMPARE(cell(0, FeedClientsModel::Dropped), QStringLiteral("0"));
    QVERIFY(m_window->feedPage()->summary()->text().contains(QLatin1String("1 client")));

    // Changes pushed to it: the engine's sink (as the engine calls it), then messages per second.
    std::shared_ptr<FeedService> sink = m_window->feedMonitor()->service();
    QVERIFY(sink);
    for (int i = 1; i <= 20; ++i) {
        QVERIFY(m_db->exec(QStringLiteral("INSERT INTO orders VALUES (?, 1, 'bolt')"), {i}));
        sink->rowsChanged({ChangedRow{QStringLiteral("orders"), QString::number(i)}});
    }
    QVERIFY(waitUntil([&] { return frames.size() >= 22; }, kWaitMs));
    QVERIFY2(waitUntil([&] { return model->rowCount() == 1 && model->messagesPerSecond(0) > 0; }, kWaitMs),
             qPrintable(cell(0, FeedClientsModel::MessagesPerSecond)));
    QVERIFY(cell(0, FeedClientsModel::MessagesPerSecond).toDouble() > 0);
    // Quiet again: the rate falls back to 0.
    QVERIFY(waitUntil([&] { return model->rowCount() == 1 && model->messagesPerSecond(0) == 0; }, kWaitMs));

    socket.close();
    QVERIFY(waitUntil([&] { return model->rowCount() == 0; }, kWaitMs));
    QVERIFY(m_window->feedPage()->summary()->text().contains(QLatin1String("0 client")));
}

void TestFeedClientsPage::noFeedHidesTheTab()
{
    const Config config = load(false);
    QVERIFY(!config.clientName.isEmpty());
    m_window->session()->start(config);
    QVERIFY(!m_window->tabs()->isTabVisible(MainWindow::FeedTab));
    QVERIFY(!m_window->feedMonitor()->isRunning());
    QCOMPARE(m_window->feedMonitor()->model()->rowCount(), 0);
    // The port is free again: the feed was stopped.
    QTcpServer again;
    QVERIFY(again.listen(QHostAddress::LocalHost, m_port));
}

QTEST_MAIN(TestFeedClientsPage)
#include "tst_feedclientspage.moc"
