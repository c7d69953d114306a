// The Consistency tab (issue 14) against real databases on the harness's MariaDB (fixture
// "servers"). In a MainWindow over a FakeEngine: what sync_loads and sync_verifies hold (rows
// written with core's LoadStore and VerifyStore, as the engine writes them) is what each row
// shows, a running verification moves its progress bar, the last verification's keys are
// listed; Verify queues a run with repair 0, Repair (confirmed) one with repair 1 and a
// cancelled confirmation nothing; Load again (confirmed) restarts the pair's load. Then against
// a live pair of mysql-sync daemons: Verify shows "identical", a row changed by hand on the
// remote is found, Repair sends it again, and Verify is "identical" again.
#include "EngineProcess.h"
#include "SiteDatabase.h"
#include "SiteSet.h"
#include "WaitUntil.h"
#include "consistency/ConsistencyPage.h"
#include "database/LoadStore.h"
#include "database/Schema.h"
#include "database/SqlDialect.h"
#include "database/VerifyStore.h"
#include "mainwindow/MainWindow.h"
#include "monitor/ConsistencyModel.h"
#include "monitor/MonitorSession.h"

#include "FakeEngine.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace mysqlsync;
using namespace mysqlsync::ui;
using namespace testsupport;

namespace {
const QString kItems = QStringLiteral("items");
const QString kNotes = QStringLiteral("notes");
const QString kSiteB = QStringLiteral("site_b");
const QString kSiteC = QStringLiteral("site_c");
constexpr int kWaitMs = 20000;

QString n(qint64 value)
{
    return QLocale().toString(value);
}
} // namespace

class TestConsistencyPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void theTabIsThere();
    void rowsShowLoadsAndVerifications();
    void aRunningVerificationMovesItsBar();
    void detailsListTheDifferingKeys();
    void verifyQueuesARun();
    void repairAsksThenQueuesARepair();
    void loadAgainRestartsTheLoad();
    void pollsSlowlyWhenNothingRuns();
    void liveVerifyAndRepair();
    void postgresSite();

private:
    ConsistencyPage *page() const { return m_window->consistencyPage(); }
    ConsistencyModel *model() const { return m_window->consistencyModel(); }
    QString cell(const QString &table, const QString &remote, int column) const;
    bool clickRow(const QString &table, const QString &remote);
    qint64 finishRun(const QString &table, const QString &remote, const VerifyRun &outcome);
    qint64 verifies(const QString &where);
    // Waits for a poll that began after now: everything asked before it is in the database.
    bool waitForNextSnapshot();

    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_db;
    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qint64 m_running = 0;                   // the verification of items against site_c, running
    QList<QPair<QString, QString>> m_asked; // (title, text) of the confirmations asked
    bool m_answer = true;
};

QString TestConsistencyPage::cell(const QString &table, const QString &remote, int column) const
{
    const int row = model()->rowOf(table, remote);
    return row < 0 ? QStringLiteral("(no row)") : model()->index(row, column).data().toString();
}

bool TestConsistencyPage::clickRow(const QString &table, const QString &remote)
{
    const int row = model()->rowOf(table, remote);
    if (row < 0)
        return false;
    QTableView *view = page()->view();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(model()->index(row, ConsistencyModel::Table)).center());
    return view->selectionModel()->isRowSelected(row, {});
}

qint64 TestConsistencyPage::finishRun(const QString &table, const QString &remote, const VerifyRun &outcome)
{
    QString error;
    qint64 id = 0;
    if (!VerifyStore::queue(m_db->database(), table, remote, outcome.repair, &id, &error)) {
        qWarning().noquote() << error;
        return 0;
    }
    VerifyRun run = outcome;
    run.id = id;
    run.table = table;
    run.remote = remote;
    if (!VerifyStore::update(m_db->database(), run, &error)) {
        qWarning().noquote() << error;
        return 0;
    }
    return id;
}

qint64 TestConsistencyPage::verifies(const QString &where)
{
    return m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_verifies WHERE ") + where).toLongLong();
}

bool TestConsistencyPage::waitForNextSnapshot()
{
    const int before = model()->snapshots();
    model()->refresh();
    return waitUntil([&] { return model()->snapshots() > before; }, kWaitMs);
}

void TestConsistencyPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    m_db = std::make_unique<SiteDatabase>(m_servers, 'A', QStringLiteral("gui_consistency"));
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->lastError()));
    // The engine's own tables (core/database/Schema.cpp), as a started engine leaves them.
    for (const QString &ddl : Schema::tableDdl())
        QVERIFY(m_db->exec(ddl));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))")));
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO items SELECT seq, CONCAT('row ', seq) FROM seq_1_to_1000")));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE notes (id INT PRIMARY KEY, text VARCHAR(20))")));

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QString error;
    LoadState done;
    done.table = kItems;
    done.remote = kSiteB;
    done.done = true;
    done.rows = 1000;
    done.startedAt = now - 60000;
    done.finishedAt = now - 50000;
    QVERIFY2(LoadStore::write(m_db->database(), done, &error), qPrintable(error));
    LoadState loading;
    loading.table = kItems;
    loading.remote = kSiteC;
    loading.lastKey = QStringLiteral("250");
    loading.rows = 250;
    loading.startedAt = now - 5000;
    QVERIFY2(LoadStore::write(m_db->database(), loading, &error), qPrintable(error));
    done.table = kNotes;
    QVERIFY2(LoadStore::write(m_db->database(), done, &error), qPrintable(error));

    VerifyRun identical;
    identical.state = VerifyRun::State::Done;
    identical.startedAt = now - 40000;
    identical.finishedAt = now - 39000;
    identical.rowsChecked = 1000;
    QVERIFY(finishRun(kItems, kSiteB, identical) > 0);
    VerifyRun differs = identical;
    differs.rowsChecked = 8;
    differs.differing = 2;
    differs.missing = 1;
    differs.extra = 1;
    differs.message = QStringLiteral("2 differ, 1 missing on site_b, 1 only on site_b");
    differs.details = QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("3")},
                                             {QStringLiteral("kind"), QStringLiteral("differs")}},
                                 QJsonObject{{QStringLiteral("key"), QStringLiteral("5")},
                                             {QStringLiteral("kind"), QStringLiteral("differs")}},
                                 QJsonObject{{QStringLiteral("key"), QStringLiteral("7")},
                                             {QStringLiteral("kind"), QStringLiteral("missing")}},
                                 QJsonObject{{QStringLiteral("key"), QStringLiteral("90")},
                                             {QStringLiteral("kind"), QStringLiteral("extra")}}};
    QVERIFY(finishRun(kNotes, kSiteB, identical) > 0); // older: the newer one is shown
    QVERIFY(finishRun(kNotes, kSiteB, differs) > 0);
    VerifyRun failed;
    failed.state = VerifyRun::State::Failed;
    failed.finishedAt = now - 30000;
    failed.message = QStringLiteral("site_c did not answer for 60 s (offline?)");
    QVERIFY(finishRun(kNotes, kSiteC, failed) > 0);
    VerifyRun running;
    running.state = VerifyRun::State::Running;
    running.startedAt = now - 2000;
    running.rowsChecked = 400;
    QVERIFY(finishRun(kItems, kSiteC, failed) > 0); // the last finished one, under the running one
    m_running = finishRun(kItems, kSiteC, running);
    QVERIFY(m_running > 0);

    m_engine = std::make_unique<FakeEngine>();
    m_window = std::make_unique<MainWindow>(*m_engine, false);
    m_tester =
        std::make_unique<QAbstractItemModelTester>(model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page()->setConfirm([this](const QString &title, const QString &text) {
        m_asked.append({title, text});
        return m_answer;
    });
    Config config;
    config.filePath = QStringLiteral("/nonexistent/site_a.json");
    config.clientName = QStringLiteral("site_a");
    config.remoteClients = {kSiteB, kSiteC};
    config.syncTables = {kItems, kNotes};
    config.receiveTables = {kNotes};
    config.mysql = m_db->engineConfig();
    m_window->session()->start(config);
    m_window->tabs()->setCurrentIndex(MainWindow::ConsistencyTab);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(model()->snapshots() > 0, kWaitMs);
}

void TestConsistencyPage::cleanupTestCase()
{
    m_tester.reset();
    m_window.reset();
    m_engine.reset();
}

void TestConsistencyPage::theTabIsThere()
{
    QCOMPARE(m_window->tabs()->widget(MainWindow::ConsistencyTab), static_cast<QWidget *>(page()));
    QCOMPARE(m_window->tabs()->tabText(MainWindow::ConsistencyTab), QStringLiteral("Consistency"));
    QCOMPARE(m_window->tabs()->tabText(MainWindow::ConsistencyTab - 1), QStringLiteral("Conflicts"));
    // Every sync table against every remote.
    QCOMPARE(model()->rowCount(), 4);
    QCOMPARE(model()->headerData(ConsistencyModel::Result, Qt::Horizontal).toString(), QStringLiteral("Result"));
    // Nothing selected: nothing to act on.
    QVERIFY(!page()->verifyButton()->isEnabled());
    QVERIFY(!page()->repairButton()->isEnabled());
    QVERIFY(!page()->loadAgainButton()->isEnabled());
}

void TestConsistencyPage::rowsShowLoadsAndVerifications()
{
    QCOMPARE(cell(kItems, kSiteB, ConsistencyModel::Result), QStringLiteral("identical"));
    QVERIFY2(cell(kItems, kSiteB, ConsistencyModel::Load).startsWith(QStringLiteral("loaded 20")),
             qPrintable(cell(kItems, kSiteB, ConsistencyModel::Load)));
    QVERIFY(cell(kItems, kSiteB, ConsistencyModel::Verified).startsWith(QStringLiteral("20")));
    QCOMPARE(cell(kItems, kSiteB, ConsistencyModel::Progress), QString());
    QCOMPARE(model()
                 ->index(model()->rowOf(kItems, kSiteB), ConsistencyModel::Progress)
                 .data(ConsistencyModel::FractionRole)
                 .toDouble(),
             -1.0);
    QCOMPARE(cell(kNotes, kSiteB, ConsistencyModel::Result),
             QStringLiteral("2 differ, 1 missing there, 1 extra there"));
    QCOMPARE(cell(kNotes, kSiteC, ConsistencyModel::Result),
             QStringLiteral("failed: site_c did not answer for 60 s (offline?)"));
    QCOMPARE(cell(kNotes, kSiteC, ConsistencyModel::Load), QStringLiteral("not recorded yet"));
    // A verification runs: the last finished one stays in Result, the running one in Progress.
    QCOMPARE(cell(kItems, kSiteC, ConsistencyModel::Result),
             QStringLiteral("failed: site_c did not answer for 60 s (offline?)"));
    QCOMPARE(cell(kItems, kSiteC, ConsistencyModel::Load), QStringLiteral("loading: 250 row(s) sent"));
    const QString progress = cell(kItems, kSiteC, ConsistencyModel::Progress);
    QVERIFY2(progress.startsWith(QStringLiteral("verifying · %1 of %2 rows (40%)").arg(n(400), n(1000))),
             qPrintable(progress));
    QVERIFY2(progress.contains(QStringLiteral(" rows/s · ")) && progress.endsWith(QStringLiteral(" left")),
             qPrintable(progress));
    QCOMPARE(model()
                 ->index(model()->rowOf(kItems, kSiteC), ConsistencyModel::Progress)
                 .data(ConsistencyModel::FractionRole)
                 .toDouble(),
             0.4);
    QVERIFY(model()->isBusy());
    QCOMPARE(model()->pollInterval(), ConsistencyModel::kBusyPollMs);
}

void TestConsistencyPage::aRunningVerificationMovesItsBar()
{
    QString error;
    VerifyRun run;
    bool found = false;
    QVERIFY2(VerifyStore::read(m_db->database(), m_running, &run, &found, &error) && found, qPrintable(error));
    run.rowsChecked = 800;
    QVERIFY2(VerifyStore::update(m_db->database(), run, &error), qPrintable(error));
    // Polled every second while it runs: no refresh asked for.
    const int row = model()->rowOf(kItems, kSiteC);
    QTRY_COMPARE_WITH_TIMEOUT(model()
                                  ->index(row, ConsistencyModel::Progress)
                                  .data(ConsistencyModel::FractionRole)
                                  .toDouble(),
                              0.8, kWaitMs);
    QVERIFY(cell(kItems, kSiteC, ConsistencyModel::Progress).contains(QStringLiteral("(80%)")));
    QVERIFY(model()->pair(row).rate > 0);
    // It ends identical.
    run.state = VerifyRun::State::Done;
    run.rowsChecked = 1000;
    run.finishedAt = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(VerifyStore::update(m_db->database(), run, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(cell(kItems, kSiteC, ConsistencyModel::Result), QStringLiteral("identical"), kWaitMs);
    // The load still runs: its bar now (250 of 1,000).
    QVERIFY2(cell(kItems, kSiteC, ConsistencyModel::Progress)
                 .startsWith(QStringLiteral("loading · %1 of %2 rows (25%)").arg(n(250), n(1000))),
             qPrintable(cell(kItems, kSiteC, ConsistencyModel::Progress)));
}

void TestConsistencyPage::detailsListTheDifferingKeys()
{
    QVERIFY(clickRow(kNotes, kSiteB));
    const QString details = page()->detailsText();
    for (const char *part :
         {"Verification ", "of notes against site_b", "Result: 2 differ, 1 missing there, 1 extra there"})
        QVERIFY2(details.contains(QLatin1String(part)), qPrintable(details));
    QTableWidget *keys = page()->keysView();
    QCOMPARE(keys->rowCount(), 4);
    QCOMPARE(keys->item(0, 0)->text(), QStringLiteral("3"));
    QCOMPARE(keys->item(0, 1)->text(), QStringLiteral("differs"));
    QCOMPARE(keys->item(2, 0)->text(), QStringLiteral("7"));
    QCOMPARE(keys->item(2, 1)->text(), QStringLiteral("missing there"));
    QCOMPARE(keys->item(3, 0)->text(), QStringLiteral("90"));
    QVERIFY(keys->item(3, 1)->text().startsWith(QStringLiteral("extra there")));
    // An identical one lists no keys.
    QVERIFY(clickRow(kItems, kSiteB));
    QCOMPARE(keys->rowCount(), 0);
    QVERIFY(page()->detailsText().contains(QStringLiteral("Result: identical")));
}

void TestConsistencyPage::verifyQueuesARun()
{
    QVERIFY(clickRow(kItems, kSiteB));
    QVERIFY(page()->verifyButton()->isEnabled());
    const qint64 before = verifies(QStringLiteral("TRUE"));
    m_asked.clear();
    QTest::mouseClick(page()->verifyButton(), Qt::LeftButton);
    QVERIFY(m_asked.isEmpty()); // a verification changes nothing: no question
    QTRY_COMPARE_WITH_TIMEOUT(verifies(QStringLiteral("TRUE")), before + 1, kWaitMs);
    QCOMPARE(verifies(QStringLiteral("`table_name` = 'items' AND remote = 'site_b' AND repair = 0 AND state = "
                                     "'queued'")),
             qint64(1));
    QTRY_VERIFY_WITH_TIMEOUT(page()->statusText().contains(QStringLiteral("queued")), kWaitMs);
    // The page shows it waiting for the engine, and offers no second one meanwhile.
    QTRY_COMPARE_WITH_TIMEOUT(cell(kItems, kSiteB, ConsistencyModel::Progress), QStringLiteral("verification queued"),
                              kWaitMs);
    QCOMPARE(cell(kItems, kSiteB, ConsistencyModel::Result), QStringLiteral("identical")); // the last finished
    QVERIFY(!page()->verifyButton()->isEnabled());
    QVERIFY(!page()->repairButton()->isEnabled());
    QVERIFY(page()->loadAgainButton()->isEnabled());
}

void TestConsistencyPage::repairAsksThenQueuesARepair()
{
    QVERIFY(clickRow(kNotes, kSiteB));
    QVERIFY(page()->repairButton()->isEnabled());
    const qint64 before = verifies(QStringLiteral("TRUE"));
    m_asked.clear();
    m_answer = false;
    QTest::mouseClick(page()->repairButton(), Qt::LeftButton);
    QCOMPARE(m_asked.size(), 1);
    QVERIFY2(m_asked.first().second.contains(QStringLiteral("overwritten")), qPrintable(m_asked.first().second));
    QVERIFY(m_asked.first().first.contains(QStringLiteral("site_b")));
    QVERIFY(waitForNextSnapshot()); // anything queued would be written by now
    QCOMPARE(verifies(QStringLiteral("TRUE")), before);

    m_answer = true;
    QTest::mouseClick(page()->repairButton(), Qt::LeftButton);
    QCOMPARE(m_asked.size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(verifies(QStringLiteral("TRUE")), before + 1, kWaitMs);
    QCOMPARE(verifies(QStringLiteral("`table_name` = 'notes' AND remote = 'site_b' AND repair = 1 AND state = "
                                     "'queued'")),
             qint64(1));
    QTRY_COMPARE_WITH_TIMEOUT(cell(kNotes, kSiteB, ConsistencyModel::Progress), QStringLiteral("repair queued"),
                              kWaitMs);
}

void TestConsistencyPage::loadAgainRestartsTheLoad()
{
    QVERIFY(clickRow(kNotes, kSiteB));
    QVERIFY(page()->loadAgainButton()->isEnabled());
    const QString state = QStringLiteral("SELECT CONCAT(state, ' ', rows_sent, ' ', IFNULL(last_key, 'null')) FROM "
                                         "sync_loads WHERE `table_name` = 'notes' AND remote = 'site_b'");
    QCOMPARE(m_db->scalar(state).toString(), QStringLiteral("done 1000 null"));
    m_asked.clear();
    m_answer = false;
    QTest::mouseClick(page()->loadAgainButton(), Qt::LeftButton);
    QCOMPARE(m_asked.size(), 1);
    QVERIFY(waitForNextSnapshot());
    QCOMPARE(m_db->scalar(state).toString(), QStringLiteral("done 1000 null"));

    m_answer = true;
    QTest::mouseClick(page()->loadAgainButton(), Qt::LeftButton);
    QCOMPARE(m_asked.size(), 2);
    QVERIFY2(m_asked.last().second.contains(QStringLiteral("first key")), qPrintable(m_asked.last().second));
    QTRY_COMPARE_WITH_TIMEOUT(m_db->scalar(state).toString(), QStringLiteral("loading 0 null"), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(cell(kNotes, kSiteB, ConsistencyModel::Load), QStringLiteral("to be loaded"), kWaitMs);
    QVERIFY(!page()->loadAgainButton()->isEnabled()); // not done: nothing to restart
    QVERIFY2(page()->statusText().contains(QStringLiteral("again")), qPrintable(page()->statusText()));
    // Not begun yet (the remote may be offline): no bar.
    const QModelIndex progress = model()->index(model()->rowOf(kNotes, kSiteB), ConsistencyModel::Progress);
    QCOMPARE(progress.data(ConsistencyModel::FractionRole).toDouble(), -1.0);
    QCOMPARE(progress.data().toString(), QStringLiteral("repair queued")); // asked for before, waiting
    // The engine begins it: an empty table's bar is full at once.
    QVERIFY(m_db->exec(QStringLiteral("UPDATE sync_loads SET started_at = ? WHERE `table_name` = 'notes' AND "
                                      "remote = 'site_b'"),
                       {QDateTime::currentMSecsSinceEpoch()}));
    QTRY_COMPARE_WITH_TIMEOUT(progress.data(ConsistencyModel::FractionRole).toDouble(), 1.0, kWaitMs);
    QCOMPARE(progress.data().toString(), QStringLiteral("loading · 0 rows"));
    QVERIFY(!page()->loadAgainButton()->isEnabled());
}

void TestConsistencyPage::pollsSlowlyWhenNothingRuns()
{
    QVERIFY(model()->isBusy());
    QVERIFY(m_db->exec(QStringLiteral("UPDATE sync_loads SET state = 'done', finished_at = 1")));
    QVERIFY(m_db->exec(QStringLiteral("UPDATE sync_verifies SET state = 'done', finished_at = 1 WHERE state = "
                                      "'queued'")));
    QTRY_VERIFY_WITH_TIMEOUT(!model()->isBusy(), kWaitMs);
    QCOMPARE(model()->pollInterval(), ConsistencyModel::kIdlePollMs);
}

void TestConsistencyPage::liveVerifyAndRepair()
{
    const QString ddl = QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL)");
    const QStringList tables{kItems};
    SiteSet sites(m_servers);
    SITES_MAKE(sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("gui_consistency_a"),
               (QStringList{ddl,
                            QStringLiteral("INSERT INTO items SELECT seq, CONCAT('row ', seq) FROM seq_1_to_2000")}));
    SITES_MAKE(sites, b, kSiteB, 'B', QStringLiteral("gui_consistency_b"), QStringList{ddl});
    sites.configure(a, {kSiteB}, tables, {});
    sites.configure(b, {QStringLiteral("site_a")}, {}, tables);
    QVERIFY(sites.start(b));
    QVERIFY(sites.start(a));
    QVERIFY(sites.waitReady(a, {kSiteB}));

    // The page over site_a's database, as the app shows it.
    ConsistencyModel liveModel;
    ConsistencyPage livePage(&liveModel);
    livePage.setConfirm([](const QString &, const QString &) { return true; });
    liveModel.setPairs(tables, {kSiteB});
    liveModel.setDatabase(a.db->engineConfig());
    livePage.show();
    QVERIFY(QTest::qWaitForWindowExposed(&livePage));
    const auto result = [&] { return liveModel.index(0, ConsistencyModel::Result).data().toString(); };
    // The initial load brings the rows over; the page says so.
    SITES_WAIT(sites, tables,
               liveModel.index(0, ConsistencyModel::Load).data().toString().startsWith(QStringLiteral("loaded"))
                   && SiteSet::sameDumps(a, b, kItems) && SiteSet::unsettled(a, kSiteB) == 0,
               120000);
    // The check after the load is the first verification the page shows.
    SITES_WAIT(sites, tables, result() == QStringLiteral("identical"), 60000);
    QVERIFY(livePage.select(kItems, kSiteB));
    QTRY_VERIFY_WITH_TIMEOUT(livePage.verifyButton()->isEnabled(), kWaitMs);
    QTest::mouseClick(livePage.verifyButton(), Qt::LeftButton);
    SITES_WAIT(sites, tables,
               a.db->scalar(QStringLiteral("SELECT state FROM sync_verifies WHERE requested_by = 'operator'"))
                           .toString()
                       == QStringLiteral("done")
                   && result() == QStringLiteral("identical"),
               60000);
    QVERIFY2(livePage.detailsText().contains(QStringLiteral("%1 row(s) of this site compared").arg(n(2000))),
             qPrintable(livePage.detailsText()));

    // Changed by hand on the remote: found, repaired, identical again.
    QVERIFY(b.db->exec(QStringLiteral("UPDATE items SET name = 'edited' WHERE id = 1234")));
    QTRY_VERIFY_WITH_TIMEOUT(livePage.verifyButton()->isEnabled(), kWaitMs);
    QTest::mouseClick(livePage.verifyButton(), Qt::LeftButton);
    SITES_WAIT(sites, tables, result() == QStringLiteral("1 differ"), 60000);
    QCOMPARE(livePage.keysView()->rowCount(), 1);
    QCOMPARE(livePage.keysView()->item(0, 0)->text(), QStringLiteral("1234"));
    QCOMPARE(livePage.keysView()->item(0, 1)->text(), QStringLiteral("differs"));
    QTRY_VERIFY_WITH_TIMEOUT(livePage.repairButton()->isEnabled(), kWaitMs);
    QTest::mouseClick(livePage.repairButton(), Qt::LeftButton);
    SITES_WAIT(sites, tables, result() == QStringLiteral("1 differ — 1 row(s) sent again"), 60000);
    SITES_WAIT(sites, tables,
               b.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 1234")).toString()
                   == QStringLiteral("row 1234"),
               60000);
    QTRY_VERIFY_WITH_TIMEOUT(livePage.verifyButton()->isEnabled(), kWaitMs);
    QTest::mouseClick(livePage.verifyButton(), Qt::LeftButton);
    SITES_WAIT(sites, tables,
               liveModel.pair(0).hasLatest && liveModel.pair(0).latest.state == VerifyRun::State::Done
                   && result() == QStringLiteral("identical"),
               60000);
    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

// Issue 17: the loader on a PostgreSQL site: loads and verifications read from its engine
// tables, the running load's table counted (pg_class's estimate, COUNT(*) when small), and
// Verify queues a row there.
void TestConsistencyPage::postgresSite()
{
    SiteDatabase pg(m_servers, 'P', QStringLiteral("gui_consistency_pg"));
    QVERIFY2(pg.isOpen(), qPrintable(pg.lastError()));
    for (const QString &ddl : Schema::tableDdl(SqlDialect::postgres()))
        QVERIFY(pg.exec(ddl));
    QVERIFY(pg.exec(QStringLiteral("CREATE TABLE items (id integer PRIMARY KEY, name varchar(20))")));
    QVERIFY(pg.exec(QStringLiteral("INSERT INTO items SELECT n, 'row ' || n FROM generate_series(1, 300) AS n")));
    LoadState loading;
    loading.table = kItems;
    loading.remote = kSiteB;
    loading.lastKey = QStringLiteral("60");
    loading.rows = 60;
    loading.startedAt = QDateTime::currentMSecsSinceEpoch() - 5000;
    QString error;
    QVERIFY2(LoadStore::write(pg.database(), loading, &error), qPrintable(error));

    ConsistencyModel consistency;
    QSignalSpy failed(&consistency, &ConsistencyModel::readFailed);
    consistency.setPairs({kItems}, {kSiteB});
    MysqlConfig site; // as Config::siteDatabase() gives it for a PostgreSQL site
    site.postgres = std::make_shared<const PostgresConfig>(pg.postgresConfig());
    consistency.setDatabase(site);
    QVERIFY(consistency.hasDatabase());
    QTRY_VERIFY_WITH_TIMEOUT(consistency.snapshots() > 0, kWaitMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    const int row = consistency.rowOf(kItems, kSiteB);
    QVERIFY(consistency.pair(row).loading());
    QCOMPARE(consistency.pair(row).total, qint64(300));
    QVERIFY2(ConsistencyModel::progressText(consistency.pair(row)).contains(QStringLiteral("(20%)")),
             qPrintable(ConsistencyModel::progressText(consistency.pair(row))));

    QSignalSpy done(&consistency, &ConsistencyModel::actionFinished);
    consistency.verify(row, false);
    QVERIFY(done.wait(kWaitMs));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    QCOMPARE(pg.scalar(QStringLiteral("SELECT COUNT(*) FROM sync_verifies WHERE table_name = 'items' AND "
                                      "remote = 'site_b' AND state = 'queued'"))
                 .toLongLong(),
             qint64(1));
}

QTEST_MAIN(TestConsistencyPage)
#include "tst_consistencypage.moc"
