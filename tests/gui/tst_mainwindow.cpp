// The desktop app end to end: MainWindow (offscreen) runs site_a's engine on the harness's
// servers against a real site_b daemon (EngineProcess). What the views show must be what
// happened: rows sent to site_b and rows relayed from site_b appear in the Sync status view
// with their status, site_b's refusal of a table arrives in Errors & log with its message and rule,
// and killing site_b (kill -9) turns it offline in Clients before its `until` runs out.
#include "engine/Engine.h"
#include "mainwindow/MainWindow.h"
#include "monitor/ClientsModel.h"
#include "monitor/ErrorsModel.h"
#include "monitor/SyncStatusModel.h"
#include "syncstatus/SyncStatusPage.h"

#include "EngineProcess.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mysqlsync;
using namespace mysqlsync::ui;
using namespace testsupport;

namespace {

const QString kDatabase = QStringLiteral("gui_mainwindow");

// The row of `name` in the Clients model, -1 when it is not listed.
int clientRow(const QAbstractItemModel *model, const QString &name)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, ClientsModel::Name).data().toString() == name)
            return r;
    }
    return -1;
}

QString clientState(const QAbstractItemModel *model, const QString &name)
{
    const int r = clientRow(model, name);
    return r < 0 ? QString() : model->index(r, ClientsModel::Online).data().toString();
}

// The status shown for (table, key, remote) in the Sync status view, empty when not shown.
QString shownStatus(const QTableView *view, const QString &table, const QString &key, const QString &remote,
                    QString *message = nullptr)
{
    const QAbstractItemModel *m = view->model();
    for (int r = 0; r < m->rowCount(); ++r) {
        if (m->index(r, StatusFilter::Table).data().toString() == table
            && m->index(r, StatusFilter::Key).data().toString() == key
            && m->index(r, StatusFilter::Remote).data().toString() == remote) {
            if (message)
                *message = m->index(r, StatusFilter::Message).data().toString();
            return m->index(r, StatusFilter::Status).data().toString();
        }
    }
    return QString();
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void syncStatusShowsRowsOfBothSites();
    void errorReceiptAppearsInErrors();
    void killedRemoteGoesOfflineBeforeUntil();

private:
    // Clicks the Sync status tab's Refresh button until `condition` holds for what is shown.
    bool refreshUntil(const std::function<bool()> &condition, int timeoutMs);

    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_a;
    std::unique_ptr<SiteDatabase> m_b;
    std::unique_ptr<EngineProcess> m_siteB;
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_statusTester;
    std::unique_ptr<QAbstractItemModelTester> m_clientsTester;
    std::unique_ptr<QAbstractItemModelTester> m_errorsTester;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the "last configuration" setting stays out of the user's
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    QVERIFY(m_dir.isValid());
    m_a = std::make_unique<SiteDatabase>(m_servers, 'A', kDatabase);
    m_b = std::make_unique<SiteDatabase>(m_servers, 'B', kDatabase);
    QVERIFY2(m_a->isOpen(), qPrintable(m_a->lastError()));
    QVERIFY2(m_b->isOpen(), qPrintable(m_b->lastError()));
    for (SiteDatabase *db : {m_a.get(), m_b.get()}) {
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(64))")));
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE orders (id INT PRIMARY KEY, total INT)")));
    }

    // site_b: sends and receives items; orders exist there but are not among its receiveTables.
    m_siteB =
        std::make_unique<EngineProcess>(QStringLiteral("site_b"),
                                        EngineProcess::config(m_servers, 'B', kDatabase, QStringLiteral("site_b"),
                                                              {QStringLiteral("site_a")}, {QStringLiteral("items")},
                                                              {QStringLiteral("items")}));
    QVERIFY(m_siteB->start());

    // site_a (the app): sends items and orders to site_b and to site_c, which never comes
    // online, so whatever site_a receives from site_b is relayed towards site_c and waits.
    QJsonObject json =
        EngineProcess::config(m_servers, 'A', kDatabase, QStringLiteral("site_a"),
                              {QStringLiteral("site_b"), QStringLiteral("site_c")},
                              {QStringLiteral("items"), QStringLiteral("orders")}, {QStringLiteral("items")});
    json.insert(QStringLiteral("queueDirectory"), m_dir.filePath(QStringLiteral("queue")));
    json.insert(QStringLiteral("loggingLevel"), QStringLiteral("warn"));
    QFile file(m_dir.filePath(QStringLiteral("site_a.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
    file.close();

    m_window = std::make_unique<MainWindow>(false);
    m_statusTester = std::make_unique<QAbstractItemModelTester>(m_window->syncStatusModel(),
                                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_clientsTester =
        std::make_unique<QAbstractItemModelTester>(m_window->clientsModel(),
                                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_errorsTester = std::make_unique<QAbstractItemModelTester>(m_window->errorsModel(),
                                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy started(m_window->engine(), &Engine::started);
    QVERIFY(m_window->openConfiguration(file.fileName()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(started.count() >= 1, 30000);

    // Both engines are ready once each has its triggers and site_a sees site_b online.
    QVERIFY(waitUntil(
        [&] {
            return m_a->scalar(QStringLiteral("SELECT COUNT(*) FROM information_schema.TRIGGERS "
                                              "WHERE TRIGGER_SCHEMA = DATABASE()"))
                       .toInt()
                == 6;
        },
        30000));
    QVERIFY(waitUntil(
        [&] {
            return m_b->scalar(QStringLiteral("SELECT COUNT(*) FROM information_schema.TRIGGERS "
                                              "WHERE TRIGGER_SCHEMA = DATABASE()"))
                       .toInt()
                == 3;
        },
        30000));
    const QAbstractItemModel *clients = m_window->clientsModel();
    QVERIFY2(waitUntil([&] { return clientState(clients, QStringLiteral("site_b")) == QLatin1String("online"); },
                       30000),
             qPrintable(QStringLiteral("site_b shown as '%1'; its log: %2")
                            .arg(clientState(clients, QStringLiteral("site_b")),
                                 QString::fromUtf8(m_siteB->log().right(2000)))));
    QCOMPARE(clientState(clients, QStringLiteral("site_c")), QStringLiteral("offline"));
}

void TestMainWindow::cleanupTestCase()
{
    if (m_window) {
        QSignalSpy stopped(m_window->engine(), &Engine::stopped);
        if (m_window->engine()->isRunning()) {
            m_window->engine()->stop();
            QVERIFY(stopped.wait(20000));
        }
    }
    m_statusTester.reset();
    m_clientsTester.reset();
    m_errorsTester.reset();
    m_window.reset();
    if (m_siteB)
        m_siteB->stop();
}

bool TestMainWindow::refreshUntil(const std::function<bool()> &condition, int timeoutMs)
{
    m_window->tabs()->setCurrentIndex(MainWindow::SyncStatusTab);
    QPushButton *button = nullptr;
    for (QPushButton *b : m_window->syncStatusPage()->findChildren<QPushButton *>()) {
        if (b->text() == QLatin1String("Refresh"))
            button = b;
    }
    if (!button) {
        qWarning("no Refresh button on the Sync status page");
        return false;
    }
    SyncStatusModel *model = m_window->syncStatusModel();
    return waitUntil(
        [&] {
            if (condition())
                return true;
            if (!model->isLoading())
                QTest::mouseClick(button, Qt::LeftButton);
            waitUntil([&] { return !model->isLoading(); }, 10000, 20);
            return condition();
        },
        timeoutMs, 300);
}

void TestMainWindow::syncStatusShowsRowsOfBothSites()
{
    QVERIFY(m_a->exec(QStringLiteral("INSERT INTO items VALUES (1, 'made on a'), (2, 'also on a')")));
    QVERIFY(m_b->exec(QStringLiteral("INSERT INTO items VALUES (101, 'made on b'), (102, 'also on b')")));
    QVERIFY2(
        waitUntil([&] { return m_b->count(QStringLiteral("items")) == 4 && m_a->count(QStringLiteral("items")) == 4; },
                  45000),
        m_siteB->log().right(3000).constData());

    const QTableView *view = m_window->syncStatusPage()->view();
    QCOMPARE(view->model(), m_window->syncStatusModel());
    // site_a's rows: acknowledged by site_b. site_b's rows: applied on site_a, owed on to
    // site_c (offline), never echoed back to site_b.
    auto shown = [&] {
        return shownStatus(view, QStringLiteral("items"), QStringLiteral("1"), QStringLiteral("site_b"))
            == QLatin1String("successful")
            && shownStatus(view, QStringLiteral("items"), QStringLiteral("2"), QStringLiteral("site_b"))
            == QLatin1String("successful")
            && shownStatus(view, QStringLiteral("items"), QStringLiteral("101"), QStringLiteral("site_c"))
            == QLatin1String("pending")
            && shownStatus(view, QStringLiteral("items"), QStringLiteral("102"), QStringLiteral("site_c"))
            == QLatin1String("pending");
    };
    QVERIFY2(refreshUntil(shown, 45000),
             qPrintable(QStringLiteral("shown: %1 rows; sync_status on A: %2")
                            .arg(view->model()->rowCount())
                            .arg(m_a->dump(QStringLiteral("sync_status"),
                                           QStringLiteral("table_name, primary_key, remote")))));
    QCOMPARE(shownStatus(view, QStringLiteral("items"), QStringLiteral("101"), QStringLiteral("site_b")), QString());
    QCOMPARE(shownStatus(view, QStringLiteral("items"), QStringLiteral("1"), QStringLiteral("site_c")),
             QStringLiteral("pending"));
    QCOMPARE(m_a->scalar(QStringLiteral("SELECT name FROM items WHERE id = 101")).toString(),
             QStringLiteral("made on b"));
    // The total is counted at each refresh, as the rows are read: refreshed until it has caught up.
    QVERIFY2(refreshUntil(
                 [&] { return m_window->syncStatusModel()->totalRows() == m_a->count(QStringLiteral("sync_status")); },
                 20000),
             qPrintable(QStringLiteral("shown total %1, sync_status on A: %2")
                            .arg(m_window->syncStatusModel()->totalRows())
                            .arg(m_a->count(QStringLiteral("sync_status")))));
    QVERIFY2(m_window->syncStatusPage()->statusText().contains(
                 QString::number(m_a->count(QStringLiteral("sync_status")))),
             qPrintable(m_window->syncStatusPage()->statusText()));
}

void TestMainWindow::errorReceiptAppearsInErrors()
{
    const QString refusal = QStringLiteral("The table is not configured as receive table!");
    ErrorsModel *errors = m_window->errorsModel();
    auto errorRow = [&] {
        for (int r = 0; r < errors->rowCount(); ++r) {
            if (errors->index(r, ErrorsModel::Remote).data().toString() == QLatin1String("site_b")
                && errors->index(r, ErrorsModel::Table).data().toString() == QLatin1String("orders")
                && errors->index(r, ErrorsModel::Key).data().toString() == QLatin1String("7"))
                return r;
        }
        return -1;
    };
    QCOMPARE(errorRow(), -1);
    QVERIFY(m_a->exec(QStringLiteral("INSERT INTO orders VALUES (7, 70)")));
    QVERIFY2(waitUntil([&] { return errorRow() >= 0; }, 45000), m_siteB->log().right(3000).constData());
    const int r = errorRow();
    QCOMPARE(errors->index(r, ErrorsModel::Message).data().toString(), refusal);
    QCOMPARE(errors->index(r, ErrorsModel::Source).data().toString(),
             EngineError::sourceName(EngineError::Source::Remote));
    QCOMPARE(errors->index(r, ErrorsModel::Rule).data().toString(), QStringLiteral("refused by \"receiveTables\""));
    QCOMPARE(m_b->count(QStringLiteral("orders")), 0);

    // The same refusal is the row's status in the Sync status view, named by its rule, message included.
    const QTableView *view = m_window->syncStatusPage()->view();
    QString message;
    QVERIFY(refreshUntil(
        [&] {
            return shownStatus(view, QStringLiteral("orders"), QStringLiteral("7"), QStringLiteral("site_b"), &message)
                == QLatin1String("refused by rule \"receiveTables\"");
        },
        30000));
    QCOMPARE(message, refusal);
}

void TestMainWindow::killedRemoteGoesOfflineBeforeUntil()
{
    const QAbstractItemModel *clients = m_window->clientsModel();
    QSignalSpy reports(m_window->engine(), &Engine::remoteStateChanged);
    qint64 until = 0;
    auto lastUntil = [&] {
        for (const QList<QVariant> &report : reports) {
            if (report.at(0).toString() == QLatin1String("site_b") && report.at(1).toBool())
                until = report.at(2).toLongLong();
        }
        return until;
    };
    // A fresh heartbeat of site_b: its `until` is what site_a promised itself.
    QVERIFY(waitUntil([&] { return lastUntil() > QDateTime::currentMSecsSinceEpoch(); }, 15000));
    QCOMPARE(clientState(clients, QStringLiteral("site_b")), QStringLiteral("online"));
    reports.clear();
    m_siteB->kill9();
    const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(until > killedAt, "site_b's until passed before the kill; the test would prove nothing");
    QVERIFY2(waitUntil([&] { return clientState(clients, QStringLiteral("site_b")) == QLatin1String("offline"); },
                       30000, 10),
             qPrintable(clientState(clients, QStringLiteral("site_b"))));
    const qint64 offlineAt = QDateTime::currentMSecsSinceEpoch();
    qInfo() << "site_b offline" << offlineAt - killedAt << "ms after kill -9; its until was" << until - killedAt
            << "ms ahead";
    QVERIFY2(offlineAt <= until,
             qPrintable(QStringLiteral("offline only %1 ms after site_b's until").arg(offlineAt - until)));
    // The engine said so (the broker's will), not a countdown that ran out.
    bool reported = false;
    for (const QList<QVariant> &report : reports)
        reported = reported || (report.at(0).toString() == QLatin1String("site_b") && !report.at(1).toBool());
    QVERIFY(reported);
    QCOMPARE(clientState(clients, QStringLiteral("site_c")), QStringLiteral("offline"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
