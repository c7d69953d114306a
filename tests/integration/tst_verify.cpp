// Issue 14: verify and repair between two engines. A receive table changed by hand (rows
// edited, deleted, added, one byte of one row flipped) is found out key by key by
// `mysql-sync verify`, which exits 3; `--repair` sends the rows that differ or are missing
// again, after which only the row the remote alone has is left (loads and repairs merge).
#include <QProcess>
#include <QTest>

#include "EngineProcess.h"
#include "Mqtt.h"
#include "SiteSet.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {
constexpr int kRows = 20000;
constexpr int kTimeoutMs = 120000;

struct Outcome {
    int exitCode = -1;
    QString output;
};

Outcome verify(const Site &site, const QStringList &extra)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(EngineProcess::daemonPath(),
            QStringList{QStringLiteral("verify"), site.engine->configPath()} + extra
                + QStringList{QStringLiteral("--timeout"), QStringLiteral("100")});
    if (!p.waitForFinished(kTimeoutMs))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAll())};
}
} // namespace

class TestVerify : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void findsAndRepairsDifferences();

private:
    Servers m_servers;
};

void TestVerify::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
}

void TestVerify::findsAndRepairsDifferences()
{
    const QString table = QStringLiteral("items");
    const QStringList tables{table};
    const QString ddl = QStringLiteral(
        "CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) CHARACTER SET latin1 NOT NULL, "
        "price DECIMAL(10,2) NULL, tag VARBINARY(16) NULL, at DATETIME(3) NULL, note TEXT NULL) ENGINE=InnoDB");
    SiteSet sites(m_servers);
    SITES_MAKE(sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("verify_a"),
               (QStringList{ddl,
                            QStringLiteral("INSERT INTO items SELECT seq, CONCAT('row ', seq), seq / 100, "
                                           "UNHEX(MD5(seq)), '2026-01-02 03:04:05.678' + INTERVAL seq SECOND, "
                                           "IF(seq % 7 = 0, NULL, CONCAT('ünïcødé ', seq)) FROM seq_1_to_%1")
                                .arg(kRows)}));
    SITES_MAKE(sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("verify_b"), QStringList{ddl});
    sites.configure(a, {QStringLiteral("site_b")}, tables, {});
    sites.configure(b, {QStringLiteral("site_a")}, {}, tables);
    QVERIFY(sites.start(b));
    QVERIFY(sites.start(a));
    QVERIFY(sites.waitReady(a, {QStringLiteral("site_b")}));
    // The initial load brings the rows over; then both agree.
    SITES_WAIT(sites, tables, SiteSet::sameDumps(a, b, table) && SiteSet::unsettled(a, QStringLiteral("site_b")) == 0,
               kTimeoutMs);
    Outcome same = verify(a, {table, QStringLiteral("site_b")});
    QVERIFY2(same.exitCode == 0, qPrintable(same.output));
    QVERIFY2(same.output.contains(QStringLiteral("%1 row(s) compared").arg(kRows)), qPrintable(same.output));
    QVERIFY2(same.output.contains(QStringLiteral("0 differ, 0 missing on site_b, 0 only on site_b")),
             qPrintable(same.output));

    // By hand on the receive side: two rows edited, one byte of a third flipped, two deleted,
    // one added.
    QVERIFY(b.db->exec(QStringLiteral("UPDATE items SET name = 'edited' WHERE id IN (17, 9001)")));
    QVERIFY(b.db->exec(QStringLiteral("UPDATE items SET tag = CONCAT(LEFT(tag, 15), CHAR(ASCII(RIGHT(tag, 1)) ^ 1)) "
                                      "WHERE id = 15555")));
    QVERIFY(b.db->exec(QStringLiteral("DELETE FROM items WHERE id IN (1, 19999)")));
    QVERIFY(b.db->exec(QStringLiteral("INSERT INTO items (id, name) VALUES (50000, 'only on b')")));

    Outcome found = verify(a, {table, QStringLiteral("site_b")});
    QVERIFY2(found.exitCode == 3, qPrintable(found.output));
    QVERIFY2(found.output.contains(QStringLiteral("3 differ, 2 missing on site_b, 1 only on site_b")),
             qPrintable(found.output));
    for (const QString &line :
         {QStringLiteral("differs\t17"), QStringLiteral("differs\t9001"), QStringLiteral("differs\t15555"),
          QStringLiteral("missing\t1"), QStringLiteral("missing\t19999"), QStringLiteral("extra\t50000")})
        QVERIFY2(found.output.contains(line), qPrintable(line + QStringLiteral(" not in:\n") + found.output));
    QVERIFY(b.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 17")).toString()
            == QStringLiteral("edited"));

    Outcome repaired = verify(a, {table, QStringLiteral("site_b"), QStringLiteral("--repair")});
    QVERIFY2(repaired.output.contains(QStringLiteral("5 sent again")), qPrintable(repaired.output));
    SITES_WAIT(sites, tables,
               b.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 17")).toString()
                       == QStringLiteral("row 17")
                   && b.db->count(table) == kRows + 1 && SiteSet::unsettled(a, QStringLiteral("site_b")) == 0,
               kTimeoutMs);
    // Merge: the row only the remote has stays, and is all that is left.
    Outcome after = verify(a, {table, QStringLiteral("--all")});
    QVERIFY2(after.exitCode == 3, qPrintable(after.output));
    QVERIFY2(after.output.contains(QStringLiteral("0 differ, 0 missing on site_b, 1 only on site_b")),
             qPrintable(after.output));

    // Forged and malformed verify messages are refused by name, and answer nothing.
    QVERIFY(mqttPublish(m_servers, QStringLiteral("/mysql-sync/site_a/verify/site_b"), "{\"sender\":\"site_a\"}"));
    QVERIFY(b.engine->waitForLog("site_a?verify?site_b : missing field `type`", 10000, b.logOffset));

    Outcome status = verify(a, {QStringLiteral("--status")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.output.count(QStringLiteral("\tdone")) >= 4, qPrintable(status.output));
    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
