// StatusCountsPoller against a real sync_status on the harness's MariaDB: the pending and
// error rows per remote, counted off the GUI thread, refreshed as the table changes, shown
// by ClientsModel; a database that cannot be read is reported by name.
#include "SiteDatabase.h"
#include "clients/ClientsPage.h"
#include "monitor/ClientsModel.h"
#include "monitor/StatusCountsPoller.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

using namespace mysqlsync;
using namespace mysqlsync::ui;
using namespace testsupport;

class TestStatusCountsPoller : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void countsPerRemote();
    void followsTheTable();
    void clientsModelShowsTheCounts();
    void switchingDatabasesDoesNotWait();
    void badDatabaseIsReported();

private:
    MysqlConfig mysql() const;
    StatusCountsByRemote expected();
    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_db;
};

MysqlConfig TestStatusCountsPoller::mysql() const
{
    return m_db->engineConfig();
}

// The counts, asked by the test's own connection.
StatusCountsByRemote TestStatusCountsPoller::expected()
{
    StatusCountsByRemote counts;
    const auto rows = m_db->rows(QStringLiteral("SELECT remote, "
                                                "SUM(`status` = 'pending') AS p, SUM(`status` = 'error') AS e "
                                                "FROM sync_status GROUP BY remote HAVING p + e > 0"));
    for (const QVariantMap &row : rows)
        counts.insert(row.value(QStringLiteral("remote")).toString(),
                      {row.value(QStringLiteral("p")).toLongLong(), row.value(QStringLiteral("e")).toLongLong()});
    return counts;
}

void TestStatusCountsPoller::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    m_db = std::make_unique<SiteDatabase>(m_servers, 'A', QStringLiteral("gui_counts"));
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->lastError()));
    // The engine's own DDL and index (core/database/Schema.cpp).
    QVERIFY(m_db->exec(
        QStringLiteral("CREATE TABLE sync_status(id VARCHAR(32) PRIMARY KEY NOT NULL, "
                       "`table_name` VARCHAR(255) NOT NULL, primary_key VARCHAR(255) NOT NULL, "
                       "remote VARCHAR(32) NOT NULL, `date` DATETIME NOT NULL, "
                       "`status` ENUM('successful', 'pending', 'error') NOT NULL, message VARCHAR(255) NULL)")));
    QVERIFY(m_db->exec(QStringLiteral(
        "CREATE INDEX mysql_sync_status_filter ON sync_status (`status`, remote, `table_name`, `date`)")));
    // 30,000 rows: remote site_b/site_c/site_d by n % 3; site_b: every 7th pending, every
    // 50th an error; site_c: every 11th pending, no errors; site_d: all successful.
    QVERIFY(m_db->exec(QStringLiteral("SET SESSION max_recursive_iterations = 1000000")));
    QVERIFY(m_db->exec(QStringLiteral(
        "INSERT INTO sync_status WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 30000) "
        "SELECT MD5(CONCAT(n)), 'items', CAST(n AS CHAR), ELT(1 + n MOD 3, 'site_b', 'site_c', 'site_d'), "
        "TIMESTAMP('2026-01-01') - INTERVAL n SECOND, "
        "CASE n MOD 3 WHEN 0 THEN IF(n MOD 50 = 0, 'error', IF(n MOD 7 = 0, 'pending', 'successful')) "
        "WHEN 1 THEN IF(n MOD 11 = 0, 'pending', 'successful') ELSE 'successful' END, NULL FROM s")));
    QCOMPARE(m_db->count(QStringLiteral("sync_status")), qint64(30000));
}

void TestStatusCountsPoller::countsPerRemote()
{
    const StatusCountsByRemote want = expected();
    QCOMPARE(want.size(), 2); // site_d has neither
    QVERIFY(want.value(QStringLiteral("site_b")).pending > 0);
    QVERIFY(want.value(QStringLiteral("site_b")).errors > 0);
    QCOMPARE(want.value(QStringLiteral("site_c")).errors, qint64(0));

    StatusCountsPoller poller;
    QSignalSpy counts(&poller, &StatusCountsPoller::countsChanged);
    QSignalSpy failed(&poller, &StatusCountsPoller::failed);
    QElapsedTimer t;
    t.start();
    poller.setDatabase(mysql());
    QVERIFY(t.elapsed() < 100); // the connection is opened on the worker thread
    QVERIFY(counts.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(counts.count(), 1, 20000);
    QCOMPARE(failed.count(), 0);
    const auto got = counts.at(0).at(0).value<StatusCountsByRemote>();
    QCOMPARE(got.size(), 2);
    for (auto it = want.cbegin(); it != want.cend(); ++it) {
        QCOMPARE(got.value(it.key()).pending, it.value().pending);
        QCOMPARE(got.value(it.key()).errors, it.value().errors);
    }
}

void TestStatusCountsPoller::followsTheTable()
{
    StatusCountsPoller poller;
    poller.setInterval(200);
    QSignalSpy counts(&poller, &StatusCountsPoller::countsChanged);
    poller.setDatabase(mysql());
    QTRY_VERIFY_WITH_TIMEOUT(counts.count() >= 1, 20000);
    const qint64 before = counts.last().at(0).value<StatusCountsByRemote>().value(QStringLiteral("site_d")).errors;
    QCOMPARE(before, qint64(0));
    QVERIFY(m_db->exec(QStringLiteral(
        "UPDATE sync_status SET `status` = 'error' WHERE remote = 'site_d' AND primary_key IN ('2', '5', '8')")));
    // The timer asks again by itself.
    QTRY_COMPARE_WITH_TIMEOUT(counts.last().at(0).value<StatusCountsByRemote>().value(QStringLiteral("site_d")).errors,
                              qint64(3), 20000);
    QVERIFY(m_db->exec(QStringLiteral("UPDATE sync_status SET `status` = 'successful' WHERE remote = 'site_d'")));
    QTRY_VERIFY_WITH_TIMEOUT(!counts.last().at(0).value<StatusCountsByRemote>().contains(QStringLiteral("site_d")),
                             20000);
}

void TestStatusCountsPoller::clientsModelShowsTheCounts()
{
    ClientsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConfiguredRemotes({QStringLiteral("site_b"), QStringLiteral("site_c"), QStringLiteral("site_d")});
    QSignalSpy loaded(&model, &ClientsModel::countsLoaded);
    model.setDatabase(mysql());
    QCOMPARE(model.index(0, ClientsModel::Pending).data().toString(), QString()); // not counted yet
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 20000);
    const StatusCountsByRemote want = expected();
    QCOMPARE(model.index(0, ClientsModel::Pending).data().toLongLong(), want.value(QStringLiteral("site_b")).pending);
    QCOMPARE(model.index(0, ClientsModel::Errors).data().toLongLong(), want.value(QStringLiteral("site_b")).errors);
    QCOMPARE(model.index(1, ClientsModel::Pending).data().toLongLong(), want.value(QStringLiteral("site_c")).pending);
    QCOMPARE(model.index(2, ClientsModel::Errors).data().toString(), QStringLiteral("0"));
}

void TestStatusCountsPoller::switchingDatabasesDoesNotWait()
{
    // A "server" on loopback that accepts and never says a word: the first poller thread
    // waits in connect for its timeout; switching away must not wait for it.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    StatusCountsPoller poller;
    QSignalSpy counts(&poller, &StatusCountsPoller::countsChanged);
    QSignalSpy failed(&poller, &StatusCountsPoller::failed);
    MysqlConfig slow = mysql();
    slow.port = silent.serverPort();
    slow.connectTimeoutMs = 3000;
    poller.setDatabase(slow);
    // The poller's thread has connected and now waits for the greeting that never comes.
    QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), 10000);
    QTcpSocket *retiredConnection = silent.nextPendingConnection();
    QCOMPARE(counts.count() + failed.count(), 0); // still waiting for the greeting
    QElapsedTimer t;
    t.start();
    poller.setDatabase(mysql());
    QVERIFY2(t.elapsed() < 100, qPrintable(QStringLiteral("switching took %1 ms").arg(t.elapsed())));
    QTRY_VERIFY_WITH_TIMEOUT(counts.count() >= 1, 20000);
    QVERIFY(counts.last().at(0).value<StatusCountsByRemote>().contains(QStringLiteral("site_b")));
    // The retired loader's answer (a time-out) is not taken for the new database's: it gives
    // up at its time-out and closes its connection, and the poller answers again after that.
    QTRY_VERIFY_WITH_TIMEOUT(retiredConnection->state() == QAbstractSocket::UnconnectedState, 15000);
    const qsizetype answers = counts.count();
    QTRY_VERIFY_WITH_TIMEOUT(counts.count() > answers, 15000);
    QCOMPARE(failed.count(), 0);
}

void TestStatusCountsPoller::badDatabaseIsReported()
{
    ClientsModel model;
    ClientsPage page(&model);
    QSignalSpy failed(&model, &ClientsModel::countsFailed);
    MysqlConfig c = mysql();
    c.database = QStringLiteral("no_such_database_here");
    model.setDatabase(c);
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 1, 20000);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("no_such_database_here"))
                 && message.contains(QStringLiteral("sync_status")),
             qPrintable(message));
    QCOMPARE(page.countsErrorText(), message);
    // The right database: the page's message goes away with the first counts.
    model.setDatabase(mysql());
    QTRY_COMPARE_WITH_TIMEOUT(page.countsErrorText(), QString(), 20000);
}

QTEST_MAIN(TestStatusCountsPoller)
#include "tst_statuscountspoller.moc"
