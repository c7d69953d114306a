// SyncStatusModel against a real sync_status of 200,000 rows on the harness's MariaDB:
// pages arrive off the GUI thread (the event loop never stalls), filters, search and sorting
// are done by the database, and fetchMore continues exactly where the last page ended.
#include "SiteDatabase.h"
#include "StallMeter.h"
#include "database/Schema.h"
#include "database/SqlDialect.h"
#include "monitor/StatusCountsLoader.h"
#include "monitor/SyncStatusModel.h"
#include "protocol/Refusal.h"
#include "syncstatus/SyncStatusPage.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLocale>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace mysqlsync;
using namespace mysqlsync::ui;
using namespace testsupport;

namespace {

const int kRows = 200000;

} // namespace

class TestSyncStatusModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void openingDoesNotBlockTheGuiThread();
    void pagesContinueInOrder();
    void filtersAndSearch();
    void badDatabaseIsReported();
    void postgresSite();

private:
    MysqlConfig mysql() const;
    // Asks for three pages of 1,000 rows (the model sorted by key by the caller) and checks
    // that no row comes twice and the keys ascend across the pages; `total`: the rows there are.
    static void readPagesByKey(SyncStatusModel &model, int total);
    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_db;
};

MysqlConfig TestSyncStatusModel::mysql() const
{
    return m_db->engineConfig();
}

void TestSyncStatusModel::readPagesByKey(SyncStatusModel &model, int total)
{
    for (int pageCount = 1; pageCount <= 3; ++pageCount) {
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), qMin(total, pageCount * 1000), 20000);
        if (model.rowCount() < total)
            QTRY_VERIFY_WITH_TIMEOUT(model.canFetchMore({}), 20000);
        if (pageCount < 3)
            model.fetchMore({});
    }
    QSet<QString> ids;
    for (int r = 0; r < model.rowCount(); ++r) {
        const StatusRow row = model.row(r);
        QVERIFY2(!ids.contains(row.id), "a row appeared twice across pages");
        ids.insert(row.id);
        if (r > 0)
            QVERIFY2(model.row(r - 1).key <= row.key, qPrintable(model.row(r - 1).key + QLatin1Char('>') + row.key));
    }
}

void TestSyncStatusModel::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    m_db = std::make_unique<SiteDatabase>(m_servers, 'A', QStringLiteral("gui_status"));
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->lastError()));
    // The engine's own DDL (core/database/Schema.cpp).
    QVERIFY(m_db->exec(
        QStringLiteral("CREATE TABLE sync_status(id VARCHAR(32) PRIMARY KEY NOT NULL, "
                       "`table_name` VARCHAR(255) NOT NULL, primary_key VARCHAR(255) NOT NULL, "
                       "remote VARCHAR(32) NOT NULL, `date` DATETIME NOT NULL, "
                       "`status` ENUM('successful', 'pending', 'error') NOT NULL, message VARCHAR(255) NULL)")));
    QVERIFY(m_db->exec(QStringLiteral("SET SESSION max_recursive_iterations = 1000000")));
    QElapsedTimer t;
    t.start();
    // Row n: table items/orders/customers, remote site_b/site_c, every 10th pending, every 100th an error.
    QVERIFY(m_db->exec(
        QStringLiteral(
            "INSERT INTO sync_status WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < %1) "
            "SELECT MD5(CONCAT(n)), ELT(1 + n %% 3, 'items', 'orders', 'customers'), CAST(n AS CHAR), "
            "IF(n %% 2 = 1, 'site_b', 'site_c'), TIMESTAMP('2026-01-01') - INTERVAL n SECOND, "
            "IF(n %% 100 = 0, 'error', IF(n %% 10 = 0, 'pending', 'successful')), "
            "IF(n %% 100 = 0, CONCAT('Duplicate entry ', n), NULL) FROM s")
            .arg(kRows)
            .replace(QStringLiteral("%%"), QStringLiteral("%"))));
    QCOMPARE(m_db->count(QStringLiteral("sync_status")), qint64(kRows));
    qInfo() << "inserted" << kRows << "sync_status rows in" << t.elapsed() << "ms";
}

void TestSyncStatusModel::openingDoesNotBlockTheGuiThread()
{
    SyncStatusModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SyncStatusPage page(&model);
    page.resize(900, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QSignalSpy pages(&model, &SyncStatusModel::pageLoaded);
    StallMeter meter;
    QElapsedTimer open;
    open.start();
    model.setDatabase(mysql());
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 20000);
    const qint64 firstRows = open.elapsed();
    // Counted up to the model's limit (100,000), not through all 200,000 rows.
    QTRY_COMPARE_WITH_TIMEOUT(model.totalRows(), qint64(100000), 20000);
    QVERIFY(model.countCapped());
    // Newest first: row 1 has the latest date.
    QCOMPARE(model.row(0).key, QStringLiteral("1"));
    QCOMPARE(model.index(0, StatusFilter::Status).data().toString(), QStringLiteral("successful"));
    QVERIFY2(page.statusText().contains(QStringLiteral("more than 100")), qPrintable(page.statusText()));
    qInfo() << "first rows after" << firstRows << "ms; longest GUI stall while opening" << meter.longestMs() << "ms";
    QVERIFY2(meter.longestMs() < 100, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(meter.longestMs())));

    // Filtering: again off the GUI thread.
    meter.reset();
    open.restart();
    StatusFilter f = model.filter();
    f.status = SyncStatus::Error;
    model.setFilter(f);
    QCOMPARE(model.rowCount(), 0); // reset at once; rows follow
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 20000);
    qInfo() << "filtered rows after" << open.elapsed() << "ms; longest GUI stall" << meter.longestMs() << "ms";
    QTRY_COMPARE_WITH_TIMEOUT(model.totalRows(), qint64(kRows / 100), 20000);
    QVERIFY(!model.countCapped());
    QVERIFY2(meter.longestMs() < 100, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(meter.longestMs())));
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.row(r).status, SyncStatus::Error);

    // Scrolling to the end asks for the next page.
    const int before = model.rowCount();
    page.view()->scrollToBottom();
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > before, 20000);
    QVERIFY2(meter.longestMs() < 100, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(meter.longestMs())));
}

void TestSyncStatusModel::pagesContinueInOrder()
{
    SyncStatusModel model;
    model.setCountLimit(kRows); // exactly kRows: counted exactly, not "more than"
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(1000);
    model.sort(StatusFilter::Key, Qt::AscendingOrder);
    model.setDatabase(mysql());
    readPagesByKey(model, kRows);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(model.totalRows(), qint64(kRows), 20000);
    QVERIFY(!model.countCapped());
    // Text order of the keys: 1, 10, 100, 1000, 10000, 100000, 100001, ...
    QCOMPARE(model.row(0).key, QStringLiteral("1"));
    QCOMPARE(model.row(5).key, QStringLiteral("100000"));

    // Descending by status: errors first? No: 'successful' > 'pending' > 'error' as text.
    model.sort(StatusFilter::Status, Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 20000);
    QCOMPARE(model.row(0).status, SyncStatus::Successful);
}

void TestSyncStatusModel::filtersAndSearch()
{
    SyncStatusModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDatabase(mysql());
    StatusFilter f;
    f.table = QStringLiteral("orders");
    f.remote = QStringLiteral("site_c");
    f.status = SyncStatus::Pending;
    model.setFilter(f);
    // n % 3 == 1 (orders), n even (site_c), n % 10 == 0 but not % 100: n = 10 (mod 60)... count it in SQL.
    const qint64 expected =
        m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE `table_name` = 'orders' "
                                    "AND remote = 'site_c' AND `status` = 'pending'"))
            .toLongLong();
    QVERIFY(expected > 0);
    QTRY_COMPARE_WITH_TIMEOUT(model.totalRows(), expected, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 20000);
    for (int r = 0; r < model.rowCount(); ++r) {
        const StatusRow row = model.row(r);
        QCOMPARE(row.table, QStringLiteral("orders"));
        QCOMPARE(row.remote, QStringLiteral("site_c"));
        QCOMPARE(row.status, SyncStatus::Pending);
    }

    StatusFilter search;
    search.keySearch = QStringLiteral("12345");
    model.setFilter(search);
    // Keys containing 12345 among 1..200000: 12345, 112345, and 123450..123459.
    QTRY_COMPARE_WITH_TIMEOUT(model.totalRows(), qint64(12), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 12, 20000);
    QVERIFY(!model.canFetchMore({}));
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY(model.row(r).key.contains(QStringLiteral("12345")));

    search.keySearch = QStringLiteral("50%"); // LIKE wildcards are searched for literally
    model.setFilter(search);
    QTRY_COMPARE_WITH_TIMEOUT(model.totalRows(), qint64(0), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 20000);
    QCOMPARE(model.rowCount(), 0);
}

void TestSyncStatusModel::badDatabaseIsReported()
{
    SyncStatusModel model;
    QSignalSpy failed(&model, &SyncStatusModel::loadFailed);
    MysqlConfig c = mysql();
    c.database = QStringLiteral("no_such_database_here");
    model.setDatabase(c);
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 1, 20000);
    QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("no_such_database_here")),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isLoading());
}

// Issue 17: the same view on a PostgreSQL site's sync_status (the engine's DDL): pages in
// order across the keyset, counts, filters, key search, refusals, sorting by status, dates
// (UTC there) and the counts per remote.
void TestSyncStatusModel::postgresSite()
{
    const int rows = 2500;
    SiteDatabase pg(m_servers, 'P', QStringLiteral("gui_status_pg"));
    QVERIFY2(pg.isOpen(), qPrintable(pg.lastError()));
    for (const QString &ddl : Schema::tableDdl(SqlDialect::postgres()))
        QVERIFY(pg.exec(ddl));
    // Row n as on MariaDB above; every 250th error is a refusal by rule.
    QVERIFY(
        pg.exec(QStringLiteral(
                    "INSERT INTO sync_status(id, table_name, primary_key, remote, \"date\", status, message) "
                    "SELECT md5(n::text), (ARRAY['items', 'orders', 'customers'])[1 + n % 3], n::text, "
                    "CASE WHEN n % 2 = 1 THEN 'site_b' ELSE 'site_c' END, timestamp '2026-01-01' - n * interval '1 "
                    "second', "
                    "CASE WHEN n % 100 = 0 THEN 'error' WHEN n % 10 = 0 THEN 'pending' ELSE 'successful' END, "
                    "CASE WHEN n % 250 = 0 THEN ? WHEN n % 100 = 0 THEN 'duplicate key ' || n END "
                    "FROM generate_series(1, %1) AS n")
                    .arg(rows),
                {refusal::message(refusal::Rule::Delete, QStringLiteral("items"), QStringLiteral("receiveTables[0]"),
                                  QStringLiteral("deletes are not received"))}));
    MysqlConfig site; // as Config::siteDatabase() gives it for a PostgreSQL site
    site.postgres = std::make_shared<const PostgresConfig>(pg.postgresConfig());

    SyncStatusModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SyncStatusPage page(&model);
    QSignalSpy failed(&model, &SyncStatusModel::loadFailed);
    model.setPageSize(1000);
    model.sort(StatusFilter::Key, Qt::AscendingOrder);
    model.setDatabase(site);
    readPagesByKey(model, rows);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QCOMPARE(model.rowCount(), rows);
    QTRY_COMPARE_WITH_TIMEOUT(model.totalRows(), qint64(rows), 20000);
    QVERIFY2(page.statusText().contains(QLocale().toString(rows)), qPrintable(page.statusText()));

    // Newest first: row 1, dated one second before 2026-01-01 UTC, shown in local time.
    model.sort(StatusFilter::Date, Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 20000);
    QCOMPARE(model.row(0).key, QStringLiteral("1"));
    const QDateTime newest(QDate(2025, 12, 31), QTime(23, 59, 59), Qt::UTC);
    QCOMPARE(model.row(0).date.toUTC(), newest);
    QCOMPARE(model.index(0, StatusFilter::Date).data().toString(),
             newest.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    // Next pages by date continue after the last row's (date, id).
    QTRY_VERIFY_WITH_TIMEOUT(model.canFetchMore({}), 20000);
    model.fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2000, 20000);
    QCOMPARE(model.row(1999).key, QStringLiteral("2000"));

    // Sorting by status compares its text: 'successful' first when descending.
    model.sort(StatusFilter::Status, Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 20000);
    QCOMPARE(model.row(0).status, SyncStatus::Successful);

    // Filters and the key search run in the database.
    StatusFilter f;
    f.table = QStringLiteral("orders");
    f.remote = QStringLiteral("site_c");
    f.status = SyncStatus::Pending;
    model.setFilter(f);
    const qint64 expected = pg.scalar(QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE table_name = 'orders' "
                                                     "AND remote = 'site_c' AND status = 'pending'"))
                                .toLongLong();
    QVERIFY(expected > 0);
    QTRY_COMPARE_WITH_TIMEOUT(model.totalRows(), expected, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), int(expected), 20000);
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.row(r).table, QStringLiteral("orders"));
    StatusFilter search;
    search.keySearch = QStringLiteral("123"); // 123, 1123, 1230..1239, 2123
    model.setFilter(search);
    QTRY_COMPARE_WITH_TIMEOUT(model.totalRows(), qint64(13), 20000);
    search.keySearch = QStringLiteral("1_"); // searched for literally
    model.setFilter(search);
    QTRY_COMPARE_WITH_TIMEOUT(model.totalRows(), qint64(0), 20000);
    StatusFilter refused;
    refused.refusedOnly = true;
    model.setFilter(refused);
    QTRY_COMPARE_WITH_TIMEOUT(model.totalRows(), qint64(rows / 500), 20000); // n % 250 == 0 and n % 100 == 0
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 20000);
    QVERIFY2(model.index(0, StatusFilter::Status).data().toString().contains(QStringLiteral("refused by rule")),
             qPrintable(model.index(0, StatusFilter::Status).data().toString()));
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));

    // The Clients tab's pending and error rows per remote.
    StatusCountsLoader counts(site);
    StatusCountsByRemote byRemote;
    QString countError;
    connect(&counts, &StatusCountsLoader::loaded, this,
            [&byRemote](const StatusCountsByRemote &c, qint64) { byRemote = c; });
    connect(&counts, &StatusCountsLoader::failed, this, [&countError](const QString &e) { countError = e; });
    counts.load();
    QVERIFY2(countError.isEmpty(), qPrintable(countError));
    // n odd: site_b; pending n % 10 == 0 (never odd), errors n % 100 == 0 (never odd).
    QCOMPARE(byRemote.value(QStringLiteral("site_c")).errors, qint64(rows / 100));
    QCOMPARE(byRemote.value(QStringLiteral("site_c")).pending, qint64(rows / 10 - rows / 100));
    QCOMPARE(byRemote.value(QStringLiteral("site_b")).pending, qint64(0));
}

QTEST_MAIN(TestSyncStatusModel)
#include "tst_syncstatusmodel.moc"
