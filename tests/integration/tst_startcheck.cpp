// Issue 14 (seed 003's start-up checks): `mysql-sync --check` also says, for each remote that
// is online and speaks the extension channel, whether each sync table agrees with the
// remote's copy, compared through the site's running engine and never changed. Without a
// running engine it says so and passes; a table that differs fails the check and names its
// keys; an offline remote is reported as not compared.
#include <QTest>

#include "EngineProcess.h"
#include "SiteSet.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {

using Outcome = EngineProcess::CommandRun;

Outcome check(const Site &site)
{
    return EngineProcess::runCommand({QStringLiteral("--check"), site.engine->configPath()});
}

} // namespace

class TestStartCheck : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void reportsAgreementThroughTheEngine();

private:
    Servers m_servers;
};

void TestStartCheck::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
}

void TestStartCheck::reportsAgreementThroughTheEngine()
{
    const QString table = QStringLiteral("items");
    const QStringList tables{table};
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL) ENGINE=InnoDB");
    SiteSet sites(m_servers);
    SITES_MAKE(sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("startcheck_a"),
               (QStringList{ddl,
                            QStringLiteral("INSERT INTO items SELECT seq, CONCAT('row ', seq) FROM seq_1_to_500")}));
    SITES_MAKE(sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("startcheck_b"), QStringList{ddl});
    sites.configure(a, {QStringLiteral("site_b")}, tables, {});
    sites.configure(b, {QStringLiteral("site_a")}, {}, tables);

    // No engine of site_a yet: nothing to compare through, said plainly, and no failure.
    Outcome none = check(a);
    QVERIFY2(none.exitCode == 0, qPrintable(none.output));
    QVERIFY2(none.output.contains(QStringLiteral("tables: not compared with the remotes: no engine of site_a is "
                                                 "running")),
             qPrintable(none.output));
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_verifies WHERE requested_by = 'check'"))
                 .toLongLong(),
             qint64(0));

    QVERIFY(sites.start(b));
    QVERIFY(sites.start(a));
    QVERIFY(sites.waitReady(a, {QStringLiteral("site_b")}));
    SITES_WAIT(sites, tables,
               a.db->scalar(QStringLiteral("SELECT state FROM sync_verifies WHERE requested_by = 'load'")).toString()
                       == QStringLiteral("done")
                   && SiteSet::sameDumps(a, b, table),
               60000);

    Outcome same = check(a);
    QVERIFY2(same.exitCode == 0, qPrintable(same.output));
    QVERIFY2(same.output.contains(QStringLiteral("  items -> site_b: identical (500 row(s) compared")),
             qPrintable(same.output));
    QVERIFY2(same.output.endsWith(QStringLiteral("check passed\n")), qPrintable(same.output));

    // Changed behind the engines' backs on the receive side: the check fails, names the key,
    // and repairs nothing.
    QVERIFY(b.db->exec(QStringLiteral("UPDATE items SET name = 'edited' WHERE id = 7")));
    Outcome differs = check(a);
    QVERIFY2(differs.exitCode == 1, qPrintable(differs.output));
    QVERIFY2(differs.output.contains(QStringLiteral("  items -> site_b: 1 changed, 0 missing there, 0 extra there")),
             qPrintable(differs.output));
    QVERIFY2(differs.output.contains(QStringLiteral("differs\t7")), qPrintable(differs.output));
    QVERIFY2(differs.output.endsWith(QStringLiteral("check FAILED\n")), qPrintable(differs.output));
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 7")).toString(), QStringLiteral("edited"));

    // The remote's engine stopped: reported as not compared, at once, and no failure.
    QVERIFY(b.engine->stop());
    QVERIFY(a.engine->waitForLog("site_b is offline", 30000, a.logOffset));
    Outcome offline = check(a);
    QVERIFY2(offline.exitCode == 0, qPrintable(offline.output));
    QVERIFY2(offline.output.contains(QStringLiteral("  items -> site_b: not compared: site_b is offline")),
             qPrintable(offline.output));
    QVERIFY(a.engine->stop());
}

QTEST_GUILESS_MAIN(TestStartCheck)
#include "tst_startcheck.moc"
