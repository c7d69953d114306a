// The Conflicts tab (the inbox) in a MainWindow over a FakeEngine, reading a real
// sync_conflicts on the harness's MariaDB (fixture "servers"; rows written with core's
// ConflictStore as the engine writes them): rows newest first, the filters (state, table,
// remote, key), the selected conflict's versions side by side with the differing columns
// marked, each action reaching Engine::settleConflict with the right id, choice and row,
// settled conflicts read-only, and conflictsChanged refreshing the list, the Overview's count
// and the notification.
#include "SiteDatabase.h"
#include "conflicts/ConflictDetails.h"
#include "conflicts/ConflictEditDialog.h"
#include "conflicts/ConflictsPage.h"
#include "database/ConflictStore.h"
#include "database/Schema.h"
#include "mainwindow/MainWindow.h"
#include "monitor/ConflictsModel.h"
#include "monitor/EntityDiffModel.h"
#include "monitor/MonitorSession.h"
#include "overview/OverviewPage.h"

#include "FakeEngine.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateTime>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTabWidget>
#include <QTest>

using namespace mysqlsync;
using namespace mysqlsync::ui;
using namespace testsupport;

namespace {

QJsonObject row(std::initializer_list<QPair<QString, QJsonValue>> values)
{
    QJsonObject o;
    for (const auto &v : values)
        o.insert(v.first, v.second);
    return o;
}

} // namespace

class TestConflictsPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rowsAreShownNewestFirst();
    void filtersNarrowTheList();
    void selectingShowsBothVersionsWithDifferencesMarked();
    void keepThisSitesSettlesLocal();
    void takeTheRemotesDeleteSettlesRemote();
    void editAndKeepSendsTheEditedRow();
    void settledConflictsAreReadOnly();
    void conflictsChangedRefreshesListCountAndTells();

private:
    qint64 insert(const QString &table, const QString &key, const QString &remote, const QJsonValue &local,
                  const QJsonValue &remoteVersion, const QString &policy);
    void resetFilters();
    ConflictsPage *page() const { return m_window->conflictsPage(); }
    ConflictsModel *model() const { return m_window->conflictsModel(); }
    ConflictDetails *details() const { return page()->details(); }
    int rowOfColumn(const QString &name) const;

    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_db;
    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qint64 m_ids[5] = {};
};

qint64 TestConflictsPage::insert(const QString &table, const QString &key, const QString &remote,
                                 const QJsonValue &local, const QJsonValue &remoteVersion, const QString &policy)
{
    ConflictRecord c;
    c.table = table;
    c.key = key;
    c.localSite = QStringLiteral("site_a");
    c.remoteSite = remote;
    c.localVersion = local;
    c.remoteVersion = remoteVersion;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    c.local = {QStringLiteral("site_a"), now - 2000, {{QStringLiteral("site_a"), now - 2000}}, {}};
    c.remote = {remote, now - 1000, {{remote, now - 1000}}, {}};
    c.policy = policy;
    c.detectedAt = now;
    QString error;
    if (!ConflictStore::record(m_db->database(), &c, &error)) {
        qWarning().noquote() << error;
        return 0;
    }
    return c.id;
}

void TestConflictsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    m_db = std::make_unique<SiteDatabase>(m_servers, 'A', QStringLiteral("gui_conflicts"));
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->lastError()));
    // The engine's own DDL (core/database/Schema.cpp).
    bool created = false;
    for (const QString &ddl : Schema::tableDdl()) {
        if (ddl.contains(QStringLiteral("sync_conflicts("))) {
            QVERIFY(m_db->exec(ddl));
            created = true;
        }
    }
    QVERIFY(created);
    const QJsonValue deleted(QJsonValue::Null);
    const QString b = QStringLiteral("site_b");
    const QString c = QStringLiteral("site_c");
    const QString items = QStringLiteral("items");
    const QString notes = QStringLiteral("notes");
    m_ids[0] = insert(items, QStringLiteral("1"), b,
                      row({{QStringLiteral("id"), 1},
                           {QStringLiteral("name"), QStringLiteral("A")},
                           {QStringLiteral("qty"), 5}}),
                      row({{QStringLiteral("id"), 1},
                           {QStringLiteral("name"), QStringLiteral("B")},
                           {QStringLiteral("qty"), 5}}),
                      QStringLiteral("manual"));
    m_ids[1] = insert(items, QStringLiteral("2"), c,
                      row({{QStringLiteral("id"), 2},
                           {QStringLiteral("name"), QStringLiteral("x")},
                           {QStringLiteral("qty"), 1}}),
                      deleted, QStringLiteral("manual"));
    m_ids[2] = insert(notes, QStringLiteral("10"), b,
                      row({{QStringLiteral("id"), 10}, {QStringLiteral("text"), QStringLiteral("l")}}),
                      row({{QStringLiteral("id"), 10}, {QStringLiteral("text"), QStringLiteral("r")}}),
                      QStringLiteral("newest"));
    m_ids[3] = insert(items, QStringLiteral("12"), b, deleted,
                      row({{QStringLiteral("id"), 12},
                           {QStringLiteral("name"), QStringLiteral("n")},
                           {QStringLiteral("qty"), 0}}),
                      QStringLiteral("manual"));
    m_ids[4] = insert(notes, QStringLiteral("11"), b,
                      row({{QStringLiteral("id"), 11}, {QStringLiteral("text"), QStringLiteral("p")}}),
                      row({{QStringLiteral("id"), 11}, {QStringLiteral("text"), QStringLiteral("q")}}),
                      QStringLiteral("manual"));
    for (qint64 id : m_ids)
        QVERIFY(id > 0);
    QString error;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(ConflictStore::settleRow(m_db->database(), notes, QStringLiteral("10"), ConflictOutcome::Remote,
                                      QStringLiteral("policy"), now, &error),
             qPrintable(error));
    QVERIFY2(ConflictStore::settleRow(m_db->database(), notes, QStringLiteral("11"), ConflictOutcome::Edited,
                                      QStringLiteral("alice@desk"), now, &error),
             qPrintable(error));

    m_engine = std::make_unique<FakeEngine>();
    m_window = std::make_unique<MainWindow>(*m_engine, false);
    m_tester =
        std::make_unique<QAbstractItemModelTester>(model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    Config config;
    config.filePath = QStringLiteral("/nonexistent/site_a.json");
    config.clientName = QStringLiteral("site_a");
    config.remoteClients = {b, c};
    config.syncTables = {items, notes, QStringLiteral("logs")};
    config.receiveTables = {items, notes};
    config.mysql = m_db->engineConfig();
    m_window->session()->start(config);
    QCOMPARE(m_engine->starts.size(), 1);
    m_window->tabs()->setCurrentIndex(MainWindow::ConflictsTab);
    QCOMPARE(m_window->tabs()->currentWidget(), static_cast<QWidget *>(page()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // Only bidirectional tables can have conflicts: "logs" is not offered.
    QCOMPARE(page()->tableFilter()->count(), 3);
    QCOMPARE(page()->tableFilter()->itemText(1), items);
    QCOMPARE(page()->tableFilter()->itemText(2), notes);
    QCOMPARE(page()->remoteFilter()->count(), 3);
}

void TestConflictsPage::cleanupTestCase()
{
    m_tester.reset();
    m_window.reset();
    m_engine.reset();
}

void TestConflictsPage::resetFilters()
{
    page()->keySearch()->clear();
    page()->stateFilter()->setCurrentIndex(0);
    page()->tableFilter()->setCurrentIndex(0);
    page()->remoteFilter()->setCurrentIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 5, 20000);
    QTRY_VERIFY(!model()->isLoading());
}

int TestConflictsPage::rowOfColumn(const QString &name) const
{
    const EntityDiffModel *diff = details()->diffModel();
    for (int r = 0; r < diff->rowCount(); ++r) {
        if (diff->index(r, EntityDiffModel::Name).data().toString() == name)
            return r;
    }
    return -1;
}

void TestConflictsPage::rowsAreShownNewestFirst()
{
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 5, 20000);
    for (int r = 0; r < 5; ++r)
        QCOMPARE(model()->conflict(r).id, m_ids[4 - r]);
    const auto cell = [this](int r, int column) { return model()->index(r, column).data().toString(); };
    QCOMPARE(cell(4, ConflictsModel::Table), QStringLiteral("items"));
    QCOMPARE(cell(4, ConflictsModel::Key), QStringLiteral("1"));
    QCOMPARE(cell(4, ConflictsModel::Remote), QStringLiteral("site_b"));
    QCOMPARE(cell(4, ConflictsModel::Policy), QStringLiteral("manual"));
    QCOMPARE(cell(4, ConflictsModel::State), QStringLiteral("open"));
    QCOMPARE(cell(2, ConflictsModel::State), QStringLiteral("settled: remote's taken"));
    QCOMPARE(cell(0, ConflictsModel::State), QStringLiteral("settled: edited"));
    QVERIFY2(page()->statusText().startsWith(QStringLiteral("5 conflict")), qPrintable(page()->statusText()));
}

void TestConflictsPage::filtersNarrowTheList()
{
    resetFilters();
    const auto keys = [this] {
        QStringList k;
        for (int r = 0; r < model()->rowCount(); ++r)
            k << model()->conflict(r).key;
        return k.join(QLatin1Char(','));
    };
    page()->stateFilter()->setCurrentIndex(1); // open
    QTRY_COMPARE_WITH_TIMEOUT(keys(), QStringLiteral("12,2,1"), 20000);
    page()->stateFilter()->setCurrentIndex(2); // settled
    QTRY_COMPARE_WITH_TIMEOUT(keys(), QStringLiteral("11,10"), 20000);
    page()->stateFilter()->setCurrentIndex(0);
    page()->tableFilter()->setCurrentIndex(page()->tableFilter()->findText(QStringLiteral("items")));
    QTRY_COMPARE_WITH_TIMEOUT(keys(), QStringLiteral("12,2,1"), 20000);
    page()->tableFilter()->setCurrentIndex(0);
    page()->remoteFilter()->setCurrentIndex(page()->remoteFilter()->findText(QStringLiteral("site_c")));
    QTRY_COMPARE_WITH_TIMEOUT(keys(), QStringLiteral("2"), 20000);
    page()->remoteFilter()->setCurrentIndex(0);
    QTest::keyClicks(page()->keySearch(), QStringLiteral("1"));
    QTRY_COMPARE_WITH_TIMEOUT(keys(), QStringLiteral("11,12,10,1"), 20000);
    page()->keySearch()->setText(QStringLiteral("12"));
    QTRY_COMPARE_WITH_TIMEOUT(keys(), QStringLiteral("12"), 20000);
    resetFilters();
}

void TestConflictsPage::selectingShowsBothVersionsWithDifferencesMarked()
{
    resetFilters();
    const int r = model()->rowOf(m_ids[0]);
    QVERIFY(r >= 0);
    QTest::mouseClick(page()->view()->viewport(), Qt::LeftButton, {},
                      page()->view()->visualRect(model()->index(r, ConflictsModel::Key)).center());
    QCOMPARE(details()->conflict().id, m_ids[0]);
    const EntityDiffModel *diff = details()->diffModel();
    QCOMPARE(diff->rowCount(), 3);
    QCOMPARE(diff->headerData(EntityDiffModel::Before, Qt::Horizontal).toString(),
             QStringLiteral("This site (site_a)"));
    QCOMPARE(diff->headerData(EntityDiffModel::After, Qt::Horizontal).toString(), QStringLiteral("Remote (site_b)"));
    const int name = rowOfColumn(QStringLiteral("name"));
    const int qty = rowOfColumn(QStringLiteral("qty"));
    QVERIFY(name >= 0 && qty >= 0);
    QCOMPARE(diff->index(name, EntityDiffModel::Before).data().toString(), QStringLiteral("\"A\""));
    QCOMPARE(diff->index(name, EntityDiffModel::After).data().toString(), QStringLiteral("\"B\""));
    QCOMPARE(diff->change(name), EntityDiffModel::Change::Changed);
    QCOMPARE(diff->change(qty), EntityDiffModel::Change::Same);
    QCOMPARE(diff->change(rowOfColumn(QStringLiteral("id"))), EntityDiffModel::Change::Same);
    // Marked: the differing column has a background, the equal ones none.
    QVERIFY(diff->index(name, EntityDiffModel::Name).data(Qt::BackgroundRole).isValid());
    QVERIFY(!diff->index(qty, EntityDiffModel::Name).data(Qt::BackgroundRole).isValid());
    const QString facts = details()->factsText();
    for (const char *part : {"items, key 1", "Policy: manual", "This site: site_a", "Remote: site_b", "State: open"})
        QVERIFY2(facts.contains(QLatin1String(part)), qPrintable(facts));
    QVERIFY(details()->keepLocalButton()->isEnabled());
    QVERIFY(details()->takeRemoteButton()->isEnabled());
    QVERIFY(details()->editButton()->isEnabled());
}

void TestConflictsPage::keepThisSitesSettlesLocal()
{
    QVERIFY(page()->select(m_ids[0]));
    const int before = int(m_engine->settles.size());
    QTest::mouseClick(details()->keepLocalButton(), Qt::LeftButton);
    QCOMPARE(m_engine->settles.size(), before + 1);
    const FakeEngine::Settle &s = m_engine->settles.last();
    QCOMPARE(s.id, m_ids[0]);
    QCOMPARE(s.choice, ConflictOutcome::Local);
    QVERIFY(s.edited.isUndefined());
    QCOMPARE(s.by, ConflictsPage::operatorName());
    QVERIFY(s.by.contains(QLatin1Char('@')) && !s.by.startsWith(QLatin1Char('@')) && !s.by.endsWith(QLatin1Char('@')));
    // Asked once: the actions wait for the list to show what the engine did.
    QVERIFY(!details()->keepLocalButton()->isEnabled());
    QVERIFY(!details()->takeRemoteButton()->isEnabled());
    QVERIFY2(page()->statusText().contains(QStringLiteral("settlement sent")), qPrintable(page()->statusText()));
}

void TestConflictsPage::takeTheRemotesDeleteSettlesRemote()
{
    QVERIFY(page()->select(m_ids[1]));
    QCOMPARE(details()->conflict().id, m_ids[1]);
    QVERIFY2(details()->takeRemoteButton()->text().contains(QStringLiteral("delete")),
             qPrintable(details()->takeRemoteButton()->text()));
    QVERIFY(details()->factsText().contains(QStringLiteral("The remote deleted the row")));
    const EntityDiffModel *diff = details()->diffModel();
    QCOMPARE(diff->changedCount(), 3); // every column goes
    QCOMPARE(diff->index(rowOfColumn(QStringLiteral("name")), EntityDiffModel::After).data().toString(),
             QStringLiteral("(removed)"));
    const int before = int(m_engine->settles.size());
    details()->takeRemoteButton()->click();
    QCOMPARE(m_engine->settles.size(), before + 1);
    QCOMPARE(m_engine->settles.last().id, m_ids[1]);
    QCOMPARE(m_engine->settles.last().choice, ConflictOutcome::Remote);
    QVERIFY(m_engine->settles.last().edited.isUndefined());
}

void TestConflictsPage::editAndKeepSendsTheEditedRow()
{
    // This site has no row: the editor starts from the remote's.
    QVERIFY(page()->select(m_ids[3]));
    QVERIFY(details()->editButton()->isEnabled());
    details()->editButton()->click();
    ConflictEditDialog *dialog = details()->editDialog();
    QVERIFY(dialog);
    QVERIFY(!dialog->startLocalButton()->isEnabled());
    QCOMPARE(dialog->columns(), (QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("qty")}));
    QCOMPARE(dialog->valueText(QStringLiteral("name")), QStringLiteral("\"n\""));
    dialog->setValueText(QStringLiteral("name"), QStringLiteral("plain words")); // not JSON: text
    dialog->setValueText(QStringLiteral("qty"), QStringLiteral("7"));
    const int before = int(m_engine->settles.size());
    dialog->accept();
    QCOMPARE(m_engine->settles.size(), before + 1);
    const FakeEngine::Settle &s = m_engine->settles.last();
    QCOMPARE(s.id, m_ids[3]);
    QCOMPARE(s.choice, ConflictOutcome::Edited);
    QCOMPARE(s.edited,
             QJsonValue(row({{QStringLiteral("id"), 12},
                             {QStringLiteral("name"), QStringLiteral("plain words")},
                             {QStringLiteral("qty"), 7}})));
    QCOMPARE(s.by, ConflictsPage::operatorName());

    // Starting from either side of a conflict with two rows; a JSON string stays a string.
    QVERIFY(page()->select(m_ids[0])); // asked for already (keepThisSitesSettlesLocal): busy
    QVERIFY(!details()->editButton()->isEnabled());
    QTRY_VERIFY(!model()->isLoading());
    model()->refresh(); // the rows come again: the asked-for mark is gone, the actions are back
    QTRY_VERIFY_WITH_TIMEOUT(details()->editButton()->isEnabled(), 20000);
    QCOMPARE(details()->conflict().id, m_ids[0]);
    details()->editButton()->click();
    dialog = details()->editDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->valueText(QStringLiteral("name")), QStringLiteral("\"A\""));
    dialog->startRemoteButton()->click();
    QCOMPARE(dialog->valueText(QStringLiteral("name")), QStringLiteral("\"B\""));
    dialog->setValueText(QStringLiteral("name"), QStringLiteral("\"12\""));
    dialog->accept();
    QCOMPARE(m_engine->settles.last().id, m_ids[0]);
    QCOMPARE(m_engine->settles.last().edited,
             QJsonValue(row({{QStringLiteral("id"), 1},
                             {QStringLiteral("name"), QStringLiteral("12")},
                             {QStringLiteral("qty"), 5}})));
}

void TestConflictsPage::settledConflictsAreReadOnly()
{
    QVERIFY(page()->select(m_ids[4]));
    QCOMPARE(details()->conflict().id, m_ids[4]);
    QVERIFY(!details()->keepLocalButton()->isEnabled());
    QVERIFY(!details()->takeRemoteButton()->isEnabled());
    QVERIFY(!details()->editButton()->isEnabled());
    const QString facts = details()->factsText();
    QVERIFY2(facts.contains(QStringLiteral("Settled by alice@desk")) && facts.contains(QStringLiteral("edited")),
             qPrintable(facts));
    const int before = int(m_engine->settles.size());
    details()->keepLocalButton()->click(); // disabled: nothing happens
    QCOMPARE(m_engine->settles.size(), before);
}

void TestConflictsPage::conflictsChangedRefreshesListCountAndTells()
{
    resetFilters();
    QVERIFY(page()->select(m_ids[0]));
    QCOMPARE(m_window->overview()->conflictsText(), QStringLiteral("—"));
    // What the engine would have done: settle row 1 (this site's kept) and record a new one.
    QString error;
    QVERIFY2(ConflictStore::settleRow(m_db->database(), QStringLiteral("items"), QStringLiteral("1"),
                                      ConflictOutcome::Local, ConflictsPage::operatorName(),
                                      QDateTime::currentMSecsSinceEpoch(), &error),
             qPrintable(error));
    const qint64 newest =
        insert(QStringLiteral("items"), QStringLiteral("99"), QStringLiteral("site_c"),
               row({{QStringLiteral("id"), 99}}), row({{QStringLiteral("id"), 99}}), QStringLiteral("manual"));
    QVERIFY(newest > 0);
    Q_EMIT m_engine->conflictsChanged(3, 1);
    QCOMPARE(m_window->overview()->conflictsText(), QStringLiteral("3 open"));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("1 new conflict")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 6, 20000);
    QCOMPARE(model()->conflict(0).id, newest);
    // The conflict shown stays selected and is now settled: read-only.
    QTRY_VERIFY_WITH_TIMEOUT(!details()->conflict().isOpen(), 20000);
    QCOMPARE(details()->conflict().id, m_ids[0]);
    QVERIFY(!details()->keepLocalButton()->isEnabled());
    QVERIFY(details()->factsText().contains(QStringLiteral("this site's kept")));

    // The Overview's count is a link to the inbox.
    m_window->tabs()->setCurrentIndex(MainWindow::OverviewTab);
    QLabel *link = nullptr;
    for (QLabel *label : m_window->overview()->findChildren<QLabel *>()) {
        if (label->text().contains(QStringLiteral("href=\"conflicts\"")))
            link = label;
    }
    QVERIFY(link);
    Q_EMIT link->linkActivated(QStringLiteral("conflicts"));
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::ConflictsTab));
}

QTEST_MAIN(TestConflictsPage)
#include "tst_conflictspage.moc"
