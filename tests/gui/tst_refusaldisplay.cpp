// Refusals by rule in the desktop app: on a real sync_status (the harness's MariaDB), the Sync
// status tab's "Refused by rule" filter shows exactly the errors a receiver's rule caused
// (worded by core's protocol/Refusal, as the engine sends them), labelled with the rule in the
// Status column; the Errors tab names the rule of a refused change in its Rule column.
#include "SiteDatabase.h"
#include "errors/ErrorsPage.h"
#include "monitor/ErrorsModel.h"
#include "monitor/SyncStatusModel.h"
#include "protocol/Refusal.h"
#include "syncstatus/SyncStatusPage.h"
#include "widgets/FilterBar.h"

#include <QComboBox>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace mysqlsync;
using namespace mysqlsync::ui;
using namespace testsupport;

class TestRefusalDisplay : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void syncStatusFiltersAndLabelsRefusals();
    void errorsNameTheRule();

private:
    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_db;
    QString m_deleteRefused;
    QString m_insertRefused;
};

void TestRefusalDisplay::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    m_db = std::make_unique<SiteDatabase>(m_servers, 'A', QStringLiteral("gui_refusals"));
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->lastError()));
    QVERIFY(m_db->exec(
        QStringLiteral("CREATE TABLE sync_status(id VARCHAR(32) PRIMARY KEY NOT NULL, "
                       "`table_name` VARCHAR(255) NOT NULL, primary_key VARCHAR(255) NOT NULL, "
                       "remote VARCHAR(32) NOT NULL, `date` DATETIME NOT NULL, "
                       "`status` ENUM('successful', 'pending', 'error') NOT NULL, message VARCHAR(255) NULL)")));
    m_deleteRefused =
        refusal::message(refusal::Rule::Delete, QStringLiteral("stock"), QStringLiteral("receiveTables[1]"),
                         QStringLiteral("a remote may not delete its rows"));
    m_insertRefused = refusal::message(refusal::Rule::Insert, QStringLiteral("stock"),
                                       QStringLiteral("receiveTables[1]"), QStringLiteral("a remote may not add rows"));
    const QList<QVariantList> rows = {
        {QStringLiteral("1"), QStringLiteral("items"), QStringLiteral("1"), QStringLiteral("site_b"),
         QStringLiteral("2026-01-01 10:00:01"), QStringLiteral("error"), m_deleteRefused},
        {QStringLiteral("2"), QStringLiteral("items"), QStringLiteral("2"), QStringLiteral("site_b"),
         QStringLiteral("2026-01-01 10:00:02"), QStringLiteral("error"), m_insertRefused},
        {QStringLiteral("3"), QStringLiteral("orders"), QStringLiteral("3"), QStringLiteral("site_b"),
         QStringLiteral("2026-01-01 10:00:03"), QStringLiteral("error"), refusal::notReceivedMessage()},
        {QStringLiteral("4"), QStringLiteral("items"), QStringLiteral("4"), QStringLiteral("site_b"),
         QStringLiteral("2026-01-01 10:00:04"), QStringLiteral("error"),
         QStringLiteral("Duplicate entry '4' for key 'PRIMARY'")},
        {QStringLiteral("5"), QStringLiteral("items"), QStringLiteral("5"), QStringLiteral("site_b"),
         QStringLiteral("2026-01-01 10:00:05"), QStringLiteral("successful"), QVariant()},
        // A message mentioning a rule without being a refusal's.
        {QStringLiteral("6"), QStringLiteral("items"), QStringLiteral("6"), QStringLiteral("site_b"),
         QStringLiteral("2026-01-01 10:00:06"), QStringLiteral("error"),
         QStringLiteral("trigger says: refused by the receiver's rule \"delete\"")},
    };
    for (const QVariantList &r : rows)
        QVERIFY(m_db->exec(QStringLiteral("INSERT INTO sync_status VALUES (?, ?, ?, ?, ?, ?, ?)"), r));
}

void TestRefusalDisplay::syncStatusFiltersAndLabelsRefusals()
{
    SyncStatusModel model;
    SyncStatusPage page(&model);
    page.show();
    model.setDatabase(m_db->engineConfig());
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 6, 20000);

    // Every row's Status: the rule of a refusal, "error" for other errors.
    QHash<QString, QString> status;
    for (int r = 0; r < model.rowCount(); ++r)
        status.insert(model.row(r).key, model.index(r, StatusFilter::Status).data().toString());
    QCOMPARE(status.value(QStringLiteral("1")), QStringLiteral("refused by rule \"delete\""));
    QCOMPARE(status.value(QStringLiteral("2")), QStringLiteral("refused by rule \"insert\""));
    QCOMPARE(status.value(QStringLiteral("3")), QStringLiteral("refused by rule \"receiveTables\""));
    QCOMPARE(status.value(QStringLiteral("4")), QStringLiteral("error"));
    QCOMPARE(status.value(QStringLiteral("5")), QStringLiteral("successful"));
    QCOMPARE(status.value(QStringLiteral("6")), QStringLiteral("error"));

    // The status filter's "Refused by rule": the database returns exactly the three refusals.
    auto *bar = page.findChild<FilterBar *>();
    QVERIFY(bar);
    const int choice = bar->first()->findText(QStringLiteral("Refused by rule"));
    QVERIFY(choice > 0);
    bar->first()->setCurrentIndex(choice);
    QTRY_VERIFY_WITH_TIMEOUT(model.filter().refusedOnly, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(model.totalRows(), qint64(3), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, 20000);
    QStringList keys;
    for (int r = 0; r < model.rowCount(); ++r)
        keys << model.row(r).key;
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));

    // With a table filter as well.
    page.setChoices({QStringLiteral("items"), QStringLiteral("orders")}, {QStringLiteral("site_b")});
    bar->table()->setCurrentIndex(bar->table()->findData(QStringLiteral("orders")));
    QTRY_COMPARE_WITH_TIMEOUT(model.totalRows(), qint64(1), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 20000);
    QCOMPARE(model.row(0).key, QStringLiteral("3"));

    // Back to "Error": every error again.
    bar->table()->setCurrentIndex(0);
    bar->first()->setCurrentIndex(bar->first()->findText(QStringLiteral("Error")));
    QTRY_COMPARE_WITH_TIMEOUT(model.totalRows(), qint64(5), 20000);
    QVERIFY(!model.filter().refusedOnly);
}

void TestRefusalDisplay::errorsNameTheRule()
{
    ErrorsModel model;
    ErrorsPage page(&model);
    model.append(EngineError::now(EngineError::Source::Remote, m_deleteRefused, QStringLiteral("site_b"),
                                  QStringLiteral("items"), QStringLiteral("1")));
    model.append(EngineError::now(EngineError::Source::Remote, refusal::notReceivedMessage(), QStringLiteral("site_b"),
                                  QStringLiteral("orders"), QStringLiteral("3")));
    model.append(EngineError::now(EngineError::Source::Apply, QStringLiteral("Duplicate entry '4' for key 'PRIMARY'"),
                                  QStringLiteral("site_b"), QStringLiteral("items"), QStringLiteral("4")));
    QCOMPARE(model.headerData(ErrorsModel::Rule, Qt::Horizontal).toString(), QStringLiteral("Rule"));
    QCOMPARE(model.index(0, ErrorsModel::Rule).data().toString(), QStringLiteral("refused by \"delete\""));
    QCOMPARE(model.index(1, ErrorsModel::Rule).data().toString(), QStringLiteral("refused by \"receiveTables\""));
    QCOMPARE(model.index(2, ErrorsModel::Rule).data().toString(), QString());
    QCOMPARE(model.index(0, ErrorsModel::Message).data().toString(), m_deleteRefused);
    // The filter finds refusals by their label.
    page.setFilterText(QStringLiteral("refused by \""));
    QCOMPARE(page.proxy()->rowCount(), 2);
}

QTEST_MAIN(TestRefusalDisplay)
#include "tst_refusaldisplay.moc"
