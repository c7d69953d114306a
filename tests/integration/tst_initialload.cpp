// Issue 14: a sync table that already holds rows when sync starts arrives whole at a remote that
// lacks them, in key order, through the outbox (every row acknowledged in sync_status), with the
// changes made during the load ending in their latest state; a kill -9 in the middle resumes
// where it stopped, and a finished load is not repeated after a restart.
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "EngineProcess.h"
#include "SiteSet.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {
constexpr int kRows = 200000;
constexpr int kTimeoutMs = 180000;
} // namespace

class TestInitialLoad : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void existingRowsArriveOnce();
    void syncedBeforeIsNotLoaded();
    void bidirectionalEqualRowsAreNoConflict();
    void emptyTableIsNotLoaded();
    void mappedAndFilteredColumnsLoad();

private:
    Servers m_servers;
};

void TestInitialLoad::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
}

void TestInitialLoad::existingRowsArriveOnce()
{
    const QString table = QStringLiteral("items");
    const QStringList tables{table};
    const QString ddl = QStringLiteral(
        "CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, qty INT NOT NULL) ENGINE=InnoDB");
    SiteSet sites(m_servers);
    SITES_MAKE(sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("load_a"),
               (QStringList{ddl,
                            QStringLiteral("INSERT INTO items SELECT seq, CONCAT('row ', seq), seq % 97 FROM "
                                           "seq_1_to_%1")
                                .arg(kRows)}));
    SITES_MAKE(sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("load_b"), QStringList{ddl});
    QCOMPARE(a.db->count(table), qint64(kRows));
    sites.configure(a, {QStringLiteral("site_b")}, tables, {});
    sites.configure(b, {QStringLiteral("site_a")}, {}, tables);
    QVERIFY(sites.start(b));
    QVERIFY(sites.start(a));
    QVERIFY(sites.waitReady(a, {QStringLiteral("site_b")}));

    auto sent = [&] {
        return a.db
            ->scalar(QStringLiteral("SELECT rows_sent FROM sync_loads WHERE `table_name` = 'items' AND remote = "
                                    "'site_b'"))
            .toLongLong();
    };
    // Changes during the load: rows not loaded yet and rows loaded already, updated and deleted.
    SITES_WAIT(sites, tables, sent() >= 20000, kTimeoutMs);
    QVERIFY(a.db->exec(QStringLiteral("UPDATE items SET name = 'late' WHERE id IN (5, 150000, 199999)")));
    QVERIFY(a.db->exec(QStringLiteral("DELETE FROM items WHERE id IN (6, 150001)")));
    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO items VALUES (300000, 'new during the load', 1)")));

    // kill -9 in the middle: the load resumes where sync_loads says, not from the first key.
    SITES_WAIT(sites, tables, sent() >= 60000, kTimeoutMs);
    a.engine->kill9();
    QVERIFY(a.engine->waitForExit(10000));
    const qint64 atKill = sent();
    QVERIFY(atKill >= 60000 && atKill < kRows);
    QVERIFY(sites.start(a));
    QVERIFY(sites.waitReady(a, {QStringLiteral("site_b")}));

    SITES_WAIT(sites, tables,
               a.db->scalar(QStringLiteral("SELECT state FROM sync_loads WHERE `table_name` = 'items'")).toString()
                       == QStringLiteral("done")
                   && SiteSet::sameDumps(a, b, table) && SiteSet::unsettled(a, QStringLiteral("site_b")) == 0
                   && SiteSet::pendingChanges(a) == 0,
               kTimeoutMs);
    // Every row acknowledged in sync_status, as any sent row.
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE remote = 'site_b' AND `status` = "
                                         "'successful' AND `table_name` = 'items'"))
                 .toLongLong(),
             qint64(kRows + 1)); // every key: the rows, the two deleted (a delete is acknowledged too), the new one
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 150000")).toString(),
             QStringLiteral("late"));
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id IN (6, 150001)")).toLongLong(), 0);
    // Resumed: the chunks before the kill were not all sent again.
    QVERIFY2(sent() < qint64(kRows) + atKill, qPrintable(QString::number(sent())));
    qInfo() << "rows owed by the load:" << sent() << "(killed at" << atKill << ")";

    // A restart does not load it again.
    QVERIFY(a.engine->stop());
    QVERIFY(sites.start(a));
    QVERIFY(sites.waitReady(a, {QStringLiteral("site_b")}));
    const qint64 before = sent();
    QVERIFY(!waitUntil([&] { return SiteSet::unsettled(a, QStringLiteral("site_b")) != 0 || sent() != before; }, 3000,
                       100));
    QVERIFY(!SiteSet::logged(a, "has never been loaded"));
    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

void TestInitialLoad::syncedBeforeIsNotLoaded()
{
    // A pair whose changes already went to the remote (sync_status rows from an engine before
    // loads existed) is taken as loaded: an upgrade does not send every table again.
    const QString table = QStringLiteral("items");
    const QStringList tables{table};
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL) ENGINE=InnoDB");
    SiteSet sites(m_servers);
    SITES_MAKE(sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("load2_a"),
               (QStringList{ddl, QStringLiteral("INSERT INTO items VALUES (1, 'one'), (2, 'two')")}));
    SITES_MAKE(sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("load2_b"), QStringList{ddl});
    // What an earlier version left: its engine tables, one row of sync_status for the pair.
    QVERIFY(a.db->exec(QStringLiteral(
        "CREATE TABLE sync_status (id VARCHAR(32) PRIMARY KEY NOT NULL, `table_name` VARCHAR(255) NOT NULL, "
        "primary_key VARCHAR(255) NOT NULL, remote VARCHAR(32) NOT NULL, `date` DATETIME NOT NULL, `status` "
        "ENUM('successful', 'pending', 'error') NOT NULL, message VARCHAR(255) NULL) DEFAULT CHARSET=utf8mb4")));
    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO sync_status VALUES (MD5('items-1-site_b'), 'items', '1', 'site_b', "
                                      "NOW(), 'successful', NULL)")));
    sites.configure(a, {QStringLiteral("site_b")}, tables, {});
    sites.configure(b, {QStringLiteral("site_a")}, {}, tables);
    QVERIFY(sites.start(b));
    QVERIFY(sites.start(a));
    QVERIFY(sites.waitReady(a, {QStringLiteral("site_b")}));
    SITES_WAIT(sites, tables,
               a.db->scalar(QStringLiteral("SELECT state FROM sync_loads WHERE `table_name` = 'items'")).toString()
                   == QStringLiteral("done"),
               30000);
    QVERIFY(!waitUntil([&] { return b.db->count(table) > 0; }, 3000, 100));
    // On request it is loaded.
    QProcess p;
    p.start(EngineProcess::daemonPath(),
            {QStringLiteral("load"), a.engine->configPath(), QStringLiteral("items"), QStringLiteral("site_b")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    SITES_WAIT(sites, tables, SiteSet::sameDumps(a, b, table), 30000);
    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

void TestInitialLoad::bidirectionalEqualRowsAreNoConflict()
{
    // Two sites seeded alike load a bidirectional table into each other: the rows both hold
    // with the same content are no conflict; the one row they hold differently is one, and
    // both end identical.
    const QString table = QStringLiteral("items");
    const QStringList tables{table};
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL) ENGINE=InnoDB");
    const QString rows = QStringLiteral("INSERT INTO items SELECT seq, CONCAT('row ', seq) FROM seq_1_to_50");
    SiteSet sites(m_servers);
    SITES_MAKE(sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("load3_a"), (QStringList{ddl, rows}));
    SITES_MAKE(sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("load3_b"),
               (QStringList{ddl, rows, QStringLiteral("UPDATE items SET name = 'B version' WHERE id = 7")}));
    sites.configure(a, {QStringLiteral("site_b")}, tables, tables);
    sites.configure(b, {QStringLiteral("site_a")}, tables, tables);
    QVERIFY(sites.start(b));
    QVERIFY(sites.start(a));
    QVERIFY(sites.waitReady(a, {QStringLiteral("site_b")}));
    auto loaded = [](Site &s) {
        return s.db->scalar(QStringLiteral("SELECT state FROM sync_loads")).toString() == QStringLiteral("done");
    };
    SITES_WAIT(sites, tables,
               loaded(a) && loaded(b) && SiteSet::sameDumps(a, b, table)
                   && SiteSet::unsettled(a, QStringLiteral("site_b")) == 0
                   && SiteSet::unsettled(b, QStringLiteral("site_a")) == 0,
               60000);
    auto conflicts = [](Site &s, const QString &where) {
        return s.db->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_conflicts WHERE %1").arg(where)).toLongLong();
    };
    const QString others = QStringLiteral("primary_key <> '7'");
    QCOMPARE(conflicts(a, others) + conflicts(b, others), qint64(0));
    QVERIFY(conflicts(a, QStringLiteral("primary_key = '7'")) + conflicts(b, QStringLiteral("primary_key = '7'")) >= 1);
    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

void TestInitialLoad::emptyTableIsNotLoaded()
{
    // A table that is empty when its pair is first seen has nothing to load, whether or not
    // the remote is online: its triggers capture what comes later, and a load would send
    // those rows a second time (tst_sync's relay test saw the extra sends).
    const QString table = QStringLiteral("items");
    const QStringList tables{table};
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL) ENGINE=InnoDB");
    SiteSet sites(m_servers);
    SITES_MAKE(sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("load4_a"), QStringList{ddl});
    SITES_MAKE(sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("load4_b"), QStringList{ddl});
    // site_c is never started: its pair cannot be loaded before it comes online.
    sites.configure(a, {QStringLiteral("site_b"), QStringLiteral("site_c")}, tables, {});
    sites.configure(b, {QStringLiteral("site_a")}, {}, tables);
    QVERIFY(sites.start(b));
    QVERIFY(sites.start(a));
    QVERIFY(sites.waitReady(a, {QStringLiteral("site_b")}));
    auto pair = [&](const QString &remote) {
        return a.db
            ->scalar(
                QStringLiteral("SELECT CONCAT(state, ' ', rows_sent) FROM sync_loads WHERE remote = '%1'").arg(remote))
            .toString();
    };
    SITES_WAIT(sites, tables, pair(QStringLiteral("site_b")) == QStringLiteral("done 0"), 30000);
    QCOMPARE(pair(QStringLiteral("site_c")), QStringLiteral("done 0"));
    QVERIFY(a.engine->waitForLog("table items is empty: nothing to load into site_c", 1000, a.logOffset));
    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO items VALUES (1, 'after the start')")));
    SITES_WAIT(sites, tables, SiteSet::sameDumps(a, b, table) && SiteSet::unsettled(a, QStringLiteral("site_b")) == 0,
               30000);
    QCOMPARE(pair(QStringLiteral("site_b")), QStringLiteral("done 0"));
    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

void TestInitialLoad::mappedAndFilteredColumnsLoad()
{
    // A load sends what any change of those rows sends: a mapped table under its wire name with
    // only its listed columns renamed, a filtered column never.
    const int rows = 2500; // a few chunks
    SiteSet sites(m_servers);
    SITES_MAKE(sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("load5_a"),
               (QStringList{QStringLiteral(
                                "CREATE TABLE users (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, "
                                "password VARCHAR(50) NOT NULL) ENGINE=InnoDB"),
                            QStringLiteral("CREATE TABLE notes (id INT NOT NULL PRIMARY KEY, body TEXT NOT NULL, "
                                           "secret VARCHAR(20) NULL) ENGINE=InnoDB"),
                            QStringLiteral("INSERT INTO users SELECT seq, CONCAT('user ', seq, ' \u00fc\\\\\"'), "
                                           "'hunter2' FROM seq_1_to_%1")
                                .arg(rows),
                            QStringLiteral("INSERT INTO notes SELECT seq, CONCAT('note\\n', seq), 'secret' FROM "
                                           "seq_1_to_%1")
                                .arg(rows)}));
    SITES_MAKE(sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("load5_b"),
               (QStringList{QStringLiteral("CREATE TABLE members (id INT NOT NULL PRIMARY KEY, full_name VARCHAR(50) "
                                           "NOT NULL) ENGINE=InnoDB"),
                            QStringLiteral("CREATE TABLE notes (id INT NOT NULL PRIMARY KEY, body TEXT NOT NULL, "
                                           "secret VARCHAR(20) NULL) ENGINE=InnoDB")}));
    const QJsonArray sent{QJsonObject{{QStringLiteral("table"), QStringLiteral("users")},
                                      {QStringLiteral("as"), QStringLiteral("members")},
                                      {QStringLiteral("columns"),
                                       QJsonObject{{QStringLiteral("id"), QStringLiteral("id")},
                                                   {QStringLiteral("name"), QStringLiteral("full_name")}}}},
                          QStringLiteral("notes")};
    sites.configure(a, {QStringLiteral("site_b")}, {}, {},
                    {{QStringLiteral("syncTables"), sent},
                     {QStringLiteral("filters"), QJsonArray{QStringLiteral("notes.secret")}}});
    sites.configure(b, {QStringLiteral("site_a")}, {}, {QStringLiteral("members"), QStringLiteral("notes")});
    QVERIFY(sites.start(b));
    QVERIFY(sites.start(a));
    QVERIFY(sites.waitReady(a, {QStringLiteral("site_b")}));
    const QStringList watched{QStringLiteral("members"), QStringLiteral("notes")};
    SITES_WAIT(sites, watched,
               a.db->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_loads WHERE state = 'done'")).toInt() == 2
                   && a.db->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE `status` = 'successful'"))
                           .toInt()
                       == 2 * rows,
               kTimeoutMs);
    SITES_WAIT(sites, watched, SiteSet::logged(a, "site_b is served on the batch path"), 10000); // by housekeeping
    // Every user under its wire name, exactly as A holds the name; every note without its secret.
    QCOMPARE(b.db->count(QStringLiteral("members")), qint64(rows));
    const QList<QVariantMap> users = a.db->rows(QStringLiteral("SELECT id, name FROM users ORDER BY id"));
    const QList<QVariantMap> members =
        b.db->rows(QStringLiteral("SELECT id, full_name AS name FROM members ORDER BY id"));
    QVERIFY(users == members);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT COUNT(*) FROM notes WHERE secret IS NULL")).toInt(), rows);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT body FROM notes WHERE id = 7")).toString(), QStringLiteral("note\n7"));
    // The sender's sync_status keeps the local table name.
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE `table_name` = 'users'")).toInt(),
             rows);
    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

QTEST_GUILESS_MAIN(TestInitialLoad)
#include "tst_initialload.moc"
