// The Feed tab (issue 18) in a MainWindow over a FakeEngine, against the harness's MariaDB
// (fixture "servers"): a configuration with a `feed` section shows the tab and runs the same
// FeedService as the daemon; a WebSocket client connected to it appears with its user, address
// and subscriptions, its messages per second follow the changes pushed to it, and it goes when
// it disconnects; a configuration without a feed hides the tab and stops the feed. A feed whose
// database accepts connections and never answers starts in the background: the tab says
// "starting", then names the problem, and the window's event loop never stalls meanwhile.
// --tab feed (MainWindow::showTab) opens on the Feed tab once the configuration starts, and says
// plainly that there is none when the configuration has no feed section.
#include "FakeEngine.h"
#include "SiteDatabase.h"
#include "StallMeter.h"
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
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QStatusBar>
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
    void unreachableDatabaseNeverFreezesTheWindow();
    void tabOptionFeed();

private:
    // The site's configuration (with a feed section when asked); databasePort replaces the
    // harness's MariaDB port, with a 2 s connect timeout.
    Config load(bool withFeed, quint16 databasePort = 0);
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

Config TestFeedClientsPage::load(bool withFeed, quint16 databasePort)
{
    QJsonObject json = EngineProcess::config(m_servers, 'A', QStringLiteral("tfgui_a"), QStringLiteral("site_a"),
                                             {QStringLiteral("site_b")}, {QStringLiteral("orders")}, {});
    if (databasePort) {
        QJsonObject mysql = json.value(QStringLiteral("mysqlConfig")).toObject();
        mysql.insert(QStringLiteral("port"), databasePort);
        mysql.insert(QStringLiteral("connectTimeout"), 2000);
        json.insert(QStringLiteral("mysqlConfig"), mysql);
    }
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
    QVERIFY2(waitUntil([&] { return m_window->feedMonitor()->isRunning(); }, kWaitMs),
             qPrintable(m_window->feedMonitor()->error()));
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

void TestFeedClientsPage::unreachableDatabaseNeverFreezesTheWindow()
{
    // A "database" that accepts connections and never says a word: the feed's connection waits
    // for its greeting until the connect timeout (the server check, then the driver: 2 s each).
    QTcpServer blackhole;
    QVERIFY(blackhole.listen(QHostAddress::LocalHost, 0));
    const Config config = load(true, blackhole.serverPort());
    QVERIFY(config.feed.enabled);
    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    m_window->session()->start(config);
    const bool startingAtOnce = m_window->feedMonitor()->state() == FeedMonitor::State::Starting;
    const QString summaryAtOnce = m_window->feedPage()->summary()->text();
    QVERIFY(m_window->tabs()->isTabVisible(MainWindow::FeedTab));
    QVERIFY(waitUntil([&] { return m_window->feedMonitor()->state() == FeedMonitor::State::Failed; }, kWaitMs));
    QVERIFY2(clock.elapsed() >= 1500, "the feed's database answered at once: nothing was waited for");
    const qint64 ticks = meter.ticks(); // the gap up to now counts once the next tick comes
    QVERIFY(waitUntil([&] { return meter.ticks() > ticks; }, kWaitMs, 1));
    QVERIFY2(meter.longestMs() < 1000,
             qPrintable(QStringLiteral("the event loop stalled for %1 ms while the feed started (of %2 ms)")
                            .arg(meter.longestMs())
                            .arg(clock.elapsed())));
    qInfo("the feed took %lld ms to fail; the event loop's longest stall meanwhile: %lld ms", clock.elapsed(),
          meter.longestMs());
    QVERIFY(startingAtOnce);
    QVERIFY2(summaryAtOnce.contains(QLatin1String("starting")), qPrintable(summaryAtOnce));
    const QString error = m_window->feedPage()->error()->text();
    QVERIFY2(!m_window->feedPage()->error()->isHidden(), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("the feed's database connection"))
                 && error.contains(QString::number(blackhole.serverPort())),
             qPrintable(error));
    QVERIFY(!m_window->feedMonitor()->service());
}

void TestFeedClientsPage::tabOptionFeed()
{
    QCOMPARE(MainWindow::tabNames().size(), m_window->tabs()->count());
    QCOMPARE(MainWindow::tabNames().at(MainWindow::FeedTab), QStringLiteral("feed"));
    QVERIFY(!m_window->showTab(QStringLiteral("nonsense")));

    // As main() does: --tab before the configuration starts (it starts from the event loop).
    FakeEngine engine;
    MainWindow window(engine, false);
    QVERIFY(window.showTab(QStringLiteral("feed")));
    QCOMPARE(window.tabs()->currentIndex(), int(MainWindow::OverviewTab));
    window.session()->start(load(true));
    QCOMPARE(window.tabs()->currentIndex(), int(MainWindow::FeedTab));

    // A configuration without a feed section: no Feed tab to show, and the window says so.
    window.session()->start(load(false));
    QVERIFY(!window.tabs()->isTabVisible(MainWindow::FeedTab));
    QVERIFY(window.showTab(QStringLiteral("feed")));
    QVERIFY(window.tabs()->currentIndex() != int(MainWindow::FeedTab));
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("has no feed section")),
             qPrintable(window.statusBar()->currentMessage()));

    // The same when --tab feed waits for a configuration that turns out to have none.
    FakeEngine engine2;
    MainWindow window2(engine2, false);
    QVERIFY(window2.showTab(QStringLiteral("feed")));
    window2.session()->start(load(false));
    QVERIFY(window2.tabs()->currentIndex() != int(MainWindow::FeedTab));
    QVERIFY2(window2.statusBar()->currentMessage().contains(QLatin1String("has no feed section")),
             qPrintable(window2.statusBar()->currentMessage()));
}

QTEST_MAIN(TestFeedClientsPage)
#include "tst_feedclientspage.moc"
