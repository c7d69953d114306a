// Issue 14: verify and repair between two engines. A receive table changed by hand (rows
// edited, deleted, added, one byte of one row flipped) is found out key by key by
// `mysql-sync verify`, which exits 1; `--repair` makes the remote's copy equal to this site's
// (the rows sent again, the extra row deleted) and verifies again: exit 0.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include "EngineProcess.h"
#include "Mqtt.h"
#include "SiteSet.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {
constexpr int kRows = 20000;
constexpr int kTimeoutMs = 120000;

using Outcome = EngineProcess::CommandRun;

Outcome verify(const Site &site, const QStringList &extra)
{
    return EngineProcess::runCommand(QStringList{QStringLiteral("verify")} + extra
                                         + QStringList{QStringLiteral("--timeout"), QStringLiteral("100"),
                                                       site.engine->configPath()},
                                     kTimeoutMs);
}
// site_a (syncTables items, `extraA` in its configuration) and site_b (receiveTables items)
// started, the initial load of site_a's rows done, arrived, and checked.
bool startLoaded(SiteSet &sites, Site &a, Site &b, const QJsonObject &extraA = {})
{
    const QStringList tables{QStringLiteral("items")};
    sites.configure(a, {QStringLiteral("site_b")}, tables, {}, extraA);
    sites.configure(b, {QStringLiteral("site_a")}, {}, tables);
    if (!sites.start(b) || !sites.start(a) || !sites.waitReady(a, {QStringLiteral("site_b")}))
        return false;
    const bool loaded = waitUntil(
        [&] {
            return a.db->scalar(QStringLiteral("SELECT state FROM sync_loads")).toString() == QStringLiteral("done")
                && a.db->scalar(QStringLiteral("SELECT state FROM sync_verifies WHERE requested_by = 'load'"))
                       .toString()
                == QStringLiteral("done")
                && SiteSet::sameDumps(a, b, QStringLiteral("items"));
        },
        30000, 100);
    if (!loaded)
        sites.diagnostics(QStringLiteral("the initial load did not finish"), tables);
    return loaded;
}

} // namespace

class TestVerify : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void findsAndRepairsDifferences();
    void earlierEngineCannotBeVerified();
    void lostOutboxIsRepaired();
    void backgroundVerificationFindsDrift();
    void recreatedRemoteIsRepaired();
    void mirrorLosesRowsTheSourceLacks();
    void floodOfRequestsIsRefusedNotQueued();

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
    Outcome same = verify(a, {});
    QVERIFY2(same.exitCode == 0, qPrintable(same.output));
    QVERIFY2(same.output.startsWith(QStringLiteral("items -> site_b: identical (%1 row(s) compared").arg(kRows)),
             qPrintable(same.output));

    // By hand on the receive side: two rows edited, one byte of a third flipped, two deleted,
    // one added.
    QVERIFY(b.db->exec(QStringLiteral("UPDATE items SET name = 'edited' WHERE id IN (17, 9001)")));
    QVERIFY(b.db->exec(QStringLiteral("UPDATE items SET tag = CONCAT(LEFT(tag, 15), CHAR(ASCII(RIGHT(tag, 1)) ^ 1)) "
                                      "WHERE id = 15555")));
    QVERIFY(b.db->exec(QStringLiteral("DELETE FROM items WHERE id IN (1, 19999)")));
    QVERIFY(b.db->exec(QStringLiteral("INSERT INTO items (id, name) VALUES (50000, 'only on b')")));

    Outcome found = verify(a, {QStringLiteral("--table"), table, QStringLiteral("--remote"), QStringLiteral("site_b")});
    QVERIFY2(found.exitCode == 1, qPrintable(found.output));
    QVERIFY2(found.output.startsWith(QStringLiteral("items -> site_b: 3 changed, 2 missing there, 1 extra there")),
             qPrintable(found.output));
    for (const QString &line :
         {QStringLiteral("differs\t17"), QStringLiteral("differs\t9001"), QStringLiteral("differs\t15555"),
          QStringLiteral("missing\t1"), QStringLiteral("missing\t19999"), QStringLiteral("extra\t50000")})
        QVERIFY2(found.output.contains(line), qPrintable(line + QStringLiteral(" not in:\n") + found.output));
    QVERIFY(b.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 17")).toString()
            == QStringLiteral("edited"));

    // Repair, then the same verification again: identical.
    Outcome repaired = verify(a, {QStringLiteral("--repair")});
    QVERIFY2(repaired.exitCode == 0, qPrintable(repaired.output));
    QVERIFY2(repaired.output.contains(QStringLiteral("6 sent again")), qPrintable(repaired.output));
    QVERIFY2(repaired.output.contains(QStringLiteral("verifying again:\nitems -> site_b: identical")),
             qPrintable(repaired.output));
    QVERIFY(SiteSet::sameDumps(a, b, table));
    QCOMPARE(b.db->count(table), qint64(kRows)); // the two deleted are back, the extra one is gone
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 17")).toString(), QStringLiteral("row 17"));

    // Forged and malformed verify messages are refused by name, and answer nothing.
    QVERIFY(mqttPublish(m_servers, QStringLiteral("/mysql-sync/site_a/verify/site_b"), "{\"sender\":\"site_a\"}"));
    QVERIFY(b.engine->waitForLog("site_a?verify?site_b : missing field `type`", 10000, b.logOffset));

    Outcome status = verify(a, {QStringLiteral("--status")});
    QCOMPARE(status.exitCode, 0);
    // Two by the operator, and the check after the initial load.
    QVERIFY2(status.output.count(QStringLiteral("items -> site_b: identical")) == 3, qPrintable(status.output));
    QVERIFY2(status.output.count(QStringLiteral(" load items -> site_b: identical")) == 1, qPrintable(status.output));
    QVERIFY2(status.output.contains(
                 QStringLiteral(" repair items -> site_b: 3 changed, 2 missing there, 1 extra there")),
             qPrintable(status.output));

    // Usage errors and names that are not in the configuration: exit 2, named.
    Outcome unknown = verify(a, {QStringLiteral("--remote"), QStringLiteral("site_z")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.output.contains(QStringLiteral("site_z is not one of the remoteClients")),
             qPrintable(unknown.output));
    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

void TestVerify::earlierEngineCannotBeVerified()
{
    // A remote that speaks only the five per-row messages (an earlier engine, or extensions off):
    // exit 2 with a plain message, soon, not after a time-out.
    const QStringList tables{QStringLiteral("items")};
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50)) ENGINE=InnoDB");
    SiteSet sites(m_servers);
    SITES_MAKE(sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("verify2_a"), QStringList{ddl});
    SITES_MAKE(sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("verify2_b"), QStringList{ddl});
    sites.configure(a, {QStringLiteral("site_b")}, tables, {});
    sites.configure(b, {QStringLiteral("site_a")}, {}, tables,
                    QJsonObject{{QStringLiteral("extensions"), QJsonObject{{QStringLiteral("enabled"), false}}}});
    QVERIFY(sites.start(b));
    QVERIFY(sites.start(a));
    QVERIFY(sites.waitReady(a, {QStringLiteral("site_b")}));
    QElapsedTimer t;
    t.start();
    const Outcome o = verify(a, {});
    QVERIFY2(o.exitCode == 2, qPrintable(o.output));
    QVERIFY2(o.output.contains(QStringLiteral("items -> site_b: could not compare: site_b is an earlier engine")),
             qPrintable(o.output));
    QVERIFY2(t.elapsed() < 30000, qPrintable(QString::number(t.elapsed())));
    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

void TestVerify::lostOutboxIsRepaired()
{
    // A site that synced before (sync_status rows) starts with a new outbox: its queue directory
    // was wiped, so what it owed may be lost. Every pair is verified and repaired, with a warning.
    const QStringList tables{QStringLiteral("items")};
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50)) ENGINE=InnoDB");
    const QString rows = QStringLiteral("INSERT INTO items SELECT seq, CONCAT('row ', seq) FROM seq_1_to_100");
    SiteSet sites(m_servers);
    SITES_MAKE(sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("verify3_a"),
               (QStringList{ddl, rows,
                            QStringLiteral(
                                "CREATE TABLE sync_status (id VARCHAR(32) PRIMARY KEY NOT NULL, `table_name` "
                                "VARCHAR(255) NOT NULL, primary_key VARCHAR(255) NOT NULL, remote "
                                "VARCHAR(32) NOT NULL, `date` DATETIME NOT NULL, `status` "
                                "ENUM('successful', 'pending', 'error') NOT NULL, message VARCHAR(255) "
                                "NULL) DEFAULT CHARSET=utf8mb4"),
                            QStringLiteral("INSERT INTO sync_status VALUES (MD5('items-1-site_b'), 'items', '1', "
                                           "'site_b', NOW(), 'successful', NULL)"),
                            // An engine of this version ran here: its load of the pair is done.
                            QStringLiteral("CREATE TABLE sync_loads (`table_name` VARCHAR(255) NOT NULL, remote "
                                           "VARCHAR(32) NOT NULL, remote_site VARCHAR(64) NOT NULL DEFAULT '', state "
                                           "ENUM('loading', 'done') NOT NULL, last_key VARCHAR(255) NULL, rows_sent "
                                           "BIGINT NOT NULL DEFAULT 0, started_at BIGINT NOT NULL DEFAULT 0, "
                                           "finished_at BIGINT NULL, PRIMARY KEY (`table_name`, remote)) DEFAULT "
                                           "CHARSET=utf8mb4"),
                            QStringLiteral("INSERT INTO sync_loads VALUES ('items', 'site_b', '', 'done', NULL, 100, "
                                           "1, 2)")}));
    // What the lost outbox owed: a change of row 7 that site_b never got.
    SITES_MAKE(sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("verify3_b"),
               (QStringList{ddl, rows, QStringLiteral("UPDATE items SET name = 'old' WHERE id = 7")}));
    sites.configure(a, {QStringLiteral("site_b")}, tables, {});
    sites.configure(b, {QStringLiteral("site_a")}, {}, tables);
    QVERIFY(sites.start(b));
    QVERIFY(sites.start(a));
    QVERIFY(a.engine->waitForLog("was created anew although this site has synced before", 30000, a.logOffset));
    SITES_WAIT(sites, tables,
               b.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 7")).toString()
                   == QStringLiteral("row 7"),
               30000);
    QVERIFY(SiteSet::sameDumps(a, b, QStringLiteral("items")));
    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

void TestVerify::backgroundVerificationFindsDrift()
{
    // verifyInterval: a pair whose load is done is verified in the background once its remote
    // is online and not within the interval; drift is logged as a warning and reported, and
    // nothing is repaired without an operator.
    const QStringList tables{QStringLiteral("items")};
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50)) ENGINE=InnoDB");
    SiteSet sites(m_servers);
    SITES_MAKE(sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("verify4_a"),
               (QStringList{ddl,
                            QStringLiteral("INSERT INTO items SELECT seq, CONCAT('row ', seq) FROM seq_1_to_100")}));
    SITES_MAKE(sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("verify4_b"), QStringList{ddl});
    QVERIFY(startLoaded(sites, a, b, QJsonObject{{QStringLiteral("verifyInterval"), 60000}}));
    QVERIFY(b.db->exec(QStringLiteral("UPDATE items SET name = 'drifted' WHERE id = 7")));
    // The check after the load was two minutes ago, longer than the interval; restarted, the
    // pair is looked at as soon as site_b announces.
    QVERIFY(a.engine->stop());
    QVERIFY(a.db->exec(QStringLiteral("UPDATE sync_verifies SET requested_at = requested_at - 120000")));
    QVERIFY(sites.start(a));
    QVERIFY(a.engine->waitForLog("background verification found drift: items differs in site_b", 30000, a.logOffset));
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT CONCAT(differing, ' ', missing, ' ', extra, ' ', repair) FROM "
                                         "sync_verifies WHERE requested_by = 'background'"))
                 .toString(),
             QStringLiteral("1 0 0 0"));
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 7")).toString(), QStringLiteral("drifted"));
    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

void TestVerify::recreatedRemoteIsRepaired()
{
    // site_b comes back with another identity (its database recreated from an old copy): site_a
    // verifies and repairs it without an operator, saying why.
    const QStringList tables{QStringLiteral("items")};
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50)) ENGINE=InnoDB");
    SiteSet sites(m_servers);
    SITES_MAKE(sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("verify5_a"),
               (QStringList{ddl,
                            QStringLiteral("INSERT INTO items SELECT seq, CONCAT('row ', seq) FROM seq_1_to_100")}));
    SITES_MAKE(sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("verify5_b"), QStringList{ddl});
    QVERIFY(startLoaded(sites, a, b));
    QVERIFY(b.engine->stop());
    QVERIFY(b.db->exec(QStringLiteral("DELETE FROM sync_site")));
    QVERIFY(b.db->exec(QStringLiteral("DELETE FROM items WHERE id <= 10")));
    QVERIFY(b.db->exec(QStringLiteral("UPDATE items SET name = 'old' WHERE id = 50")));
    QVERIFY(b.db->exec(QStringLiteral("INSERT INTO items VALUES (500, 'gone since')")));
    QVERIFY(sites.start(b));
    QVERIFY(
        a.engine->waitForLog("site_b came back with another site identity (its database was recreated or replaced): "
                             "verifying and repairing items in it",
                             30000, a.logOffset));
    SITES_WAIT(sites, tables, SiteSet::sameDumps(a, b, QStringLiteral("items")), 30000);
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT CONCAT(requested_by, ' ', repair, ' ', differing, ' ', missing, ' ', "
                                         "extra) FROM sync_verifies WHERE requested_by <> 'load'"))
                 .toString(),
             QStringLiteral("recovery 1 1 10 1"));
    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

void TestVerify::mirrorLosesRowsTheSourceLacks()
{
    // After an initial load the pair is verified; into a mirror ("mirror": true on the receiving
    // side) the rows the source lacks are deleted, into a merge table they stay.
    const QStringList tables{QStringLiteral("items"), QStringLiteral("notes")};
    const QString items =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50)) ENGINE=InnoDB");
    const QString notes =
        QStringLiteral("CREATE TABLE notes (id INT NOT NULL PRIMARY KEY, name VARCHAR(50)) ENGINE=InnoDB");
    auto fill = [](const QString &table, int last) {
        return QStringLiteral("INSERT INTO %1 SELECT seq, CONCAT('row ', seq) FROM seq_1_to_%2").arg(table).arg(last);
    };
    const QString extras = QStringLiteral("INSERT INTO %1 SELECT seq, 'only here' FROM seq_900_to_905");
    SiteSet sites(m_servers);
    SITES_MAKE(sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("verify6_a"),
               (QStringList{items, notes, fill(QStringLiteral("items"), 100), fill(QStringLiteral("notes"), 100)}));
    SITES_MAKE(sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("verify6_b"),
               (QStringList{items, notes, fill(QStringLiteral("items"), 50), fill(QStringLiteral("notes"), 50),
                            extras.arg(QStringLiteral("items")), extras.arg(QStringLiteral("notes"))}));
    sites.configure(a, {QStringLiteral("site_b")}, tables, {});
    sites.configure(b, {QStringLiteral("site_a")}, {}, {},
                    QJsonObject{{QStringLiteral("receiveTables"),
                                 QJsonArray{QJsonObject{{QStringLiteral("table"), QStringLiteral("items")},
                                                        {QStringLiteral("mirror"), true}},
                                            QStringLiteral("notes")}}});
    QVERIFY(sites.start(b));
    QVERIFY(sites.start(a));
    QVERIFY(sites.waitReady(a, {QStringLiteral("site_b")}));
    SITES_WAIT(sites, tables,
               a.db->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_verifies WHERE requested_by = 'load' AND state = "
                                           "'done'"))
                           .toLongLong()
                       == 2
                   && SiteSet::unsettled(a, QStringLiteral("site_b")) == 0,
               60000);
    SITES_WAIT(sites, tables, SiteSet::sameDumps(a, b, QStringLiteral("items")), 30000);
    QCOMPARE(b.db->count(QStringLiteral("notes")), qint64(106));
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT COUNT(*) FROM notes WHERE name = 'only here'")).toLongLong(),
             qint64(6));
    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

void TestVerify::floodOfRequestsIsRefusedNotQueued()
{
    // A remote that sends verify requests faster than the database answers them gets "busy"
    // for the excess, and an answer for every one: nothing piles up without end.
    const QStringList tables{QStringLiteral("items")};
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50)) ENGINE=InnoDB");
    SiteSet sites(m_servers);
    SITES_MAKE(sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("verify7_b"),
               (QStringList{ddl,
                            QStringLiteral("INSERT INTO items SELECT seq, CONCAT('row ', seq) FROM seq_1_to_20000")}));
    sites.configure(b, {QStringLiteral("site_a")}, {}, tables);
    QVERIFY(sites.start(b));
    QVERIFY(b.engine->waitForLog("subscribed to /mysql-sync/+/hello", 30000, b.logOffset));
    MqttSubscriber answers(m_servers, QStringLiteral("/mysql-sync/site_b/verify/site_a"));
    QVERIFY(answers.isReady());
    constexpr int kRequests = 30;
    QList<QByteArray> requests;
    for (int i = 1; i <= kRequests; ++i)
        requests.append(QStringLiteral("{\"sender\":\"site_a\",\"type\":\"range\",\"run\":\"flood\",\"seq\":%1,"
                                       "\"table\":\"items\",\"columns\":[\"id\",\"name\"],\"from\":null,"
                                       "\"chunks\":[{\"to\":null,\"count\":0,\"sum\":\"0000000000000000\"}]}")
                            .arg(i)
                            .toUtf8());
    QVERIFY(mqttPublishLines(m_servers, QStringLiteral("/mysql-sync/site_a/verify/site_b"), requests));
    auto count = [&](const QString &what) {
        int n = 0;
        for (const QString &line : answers.lines())
            n += line.contains(what) ? 1 : 0;
        return n;
    };
    QVERIFY2(waitUntil([&] { return count(QStringLiteral("\"run\":\"flood\"")) == kRequests; }, 60000, 100),
             qPrintable(QString::number(count(QStringLiteral("\"run\":\"flood\"")))));
    const int busy = count(QStringLiteral("busy: "));
    const int results = count(QStringLiteral("\"type\":\"range-result\""));
    QVERIFY2(busy > 0 && results >= 4 && busy + results == kRequests,
             qPrintable(QStringLiteral("%1 busy, %2 results").arg(busy).arg(results)));
    QVERIFY(b.engine->stop());
}

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
