// End-to-end synchronisation between real engines (the mysql-sync daemon) on the private
// MariaDB servers and broker of the test harness: inserts, updates and deletes both ways,
// primary-key changes, a bulk transaction, relaying through a third bidirectional site without
// echoes, and a remote that is offline while changes are made. Every value type of the codec
// table: tst_sync_codec.
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDebug>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <memory>

#include "EngineProcess.h"
#include "Mqtt.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "SiteSet.h"
#include "SitesTest.h"
#include "TestUtil.h"
#include "WaitUntil.h"

using namespace testsupport;

class TestSync : public SitesTest {
    Q_OBJECT
private slots:
    void bothWaysIntegerAndStringKeys();
    void deletesAndKeyChanges();
    void manyRowsInOneTransaction();
    void threeSitesRelayWithoutEcho();
    void remoteOffline();
};

// ---------------------------------------------------------------------------------------------
// 1. Both directions at once, integer and string keys.

void TestSync::bothWaysIntegerAndStringKeys()
{
    const QStringList ddl = {
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, qty INT NULL, "
                       "note TEXT NULL) ENGINE=InnoDB"),
        QStringLiteral(
            "CREATE TABLE people (id VARCHAR(64) NOT NULL PRIMARY KEY, name VARCHAR(100) NULL, score INT NULL) "
            "ENGINE=InnoDB"),
    };
    const QStringList tables = {QStringLiteral("items"), QStringLiteral("people")};
    SITES_MAKE(*m_sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("tsync_both_a"), ddl);
    SITES_MAKE(*m_sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("tsync_both_b"), ddl);
    m_watchedTables = tables;
    m_sites->configure(a, {b.client}, tables, tables);
    m_sites->configure(b, {a.client}, tables, tables);
    QVERIFY(m_sites->start(a));
    QVERIFY(m_sites->start(b));
    QVERIFY(m_sites->waitReady(a, {b.client}));
    QVERIFY(m_sites->waitReady(b, {a.client}));

    const QString obrien = QStringLiteral("O'Brien ü 1");
    const QString tricky = QStringLiteral("Zoë \"dq\" \\ back 😀 2");
    QStringList peopleA, peopleB;
    for (int i = 0; i < 10; ++i) {
        peopleA << QUuid::createUuid().toString(QUuid::WithoutBraces);
        peopleB << QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    peopleA << obrien;
    peopleB << tricky;

    // Phase 1: both sites insert their own keys, interleaved, one autocommit statement each.
    for (int i = 1; i <= 20; ++i) {
        QVERIFY(a.db->exec(QStringLiteral("INSERT INTO items VALUES (?, ?, ?, ?)"),
                           {i, QStringLiteral("a-item %1").arg(i), i * 10,
                            i % 3 ? QVariant(QStringLiteral("note ä %1").arg(i)) : QVariant()}));
        QVERIFY(b.db->exec(QStringLiteral("INSERT INTO items VALUES (?, ?, ?, ?)"),
                           {100 + i, QStringLiteral("b-item %1").arg(i), i % 4 ? QVariant(i) : QVariant(),
                            QStringLiteral("b 'note'\n%1").arg(i)}));
    }
    for (int i = 0; i < peopleA.size(); ++i) {
        QVERIFY(a.db->exec(QStringLiteral("INSERT INTO people VALUES (?, ?, ?)"),
                           {peopleA[i], QStringLiteral("A person %1").arg(i), i}));
        QVERIFY(b.db->exec(QStringLiteral("INSERT INTO people VALUES (?, ?, ?)"),
                           {peopleB[i], QStringLiteral("B person %1").arg(i), -i}));
    }
    WAIT_FOR(a.db->count(QStringLiteral("items")) == 40 && b.db->count(QStringLiteral("items")) == 40
                 && a.db->count(QStringLiteral("people")) == 22 && b.db->count(QStringLiteral("people")) == 22,
             kSyncTimeoutMs);
    WAIT_FOR(SiteSet::sameDumps(a, b, QStringLiteral("items")) && SiteSet::sameDumps(a, b, QStringLiteral("people")),
             kSyncTimeoutMs);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT name FROM people WHERE id = ?"), {obrien}).toString(),
             QStringLiteral("A person 10"));
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT name FROM people WHERE id = ?"), {tricky}).toString(),
             QStringLiteral("B person 10"));

    // Phase 2: each site updates and deletes keys of its own and keys the other one made
    // (never the same key on both sides at once).
    QVERIFY(a.db->exec(QStringLiteral("UPDATE items SET name = CONCAT(name, ' upd by A'), qty = qty + 1 WHERE id "
                                      "BETWEEN 1 AND 5 OR id BETWEEN 101 AND 105")));
    QVERIFY(b.db->exec(QStringLiteral("UPDATE items SET name = CONCAT(name, ' upd by B'), note = NULL WHERE id BETWEEN "
                                      "6 AND 10 OR id BETWEEN 106 AND 110")));
    QVERIFY(a.db->exec(QStringLiteral("DELETE FROM items WHERE id IN (11, 12, 111)")));
    QVERIFY(b.db->exec(QStringLiteral("DELETE FROM items WHERE id IN (13, 112, 113)")));
    QVERIFY(a.db->exec(QStringLiteral("UPDATE people SET name = 'Renamed by A', score = 99 WHERE id IN (?, ?)"),
                       {obrien, peopleB[0]}));
    QVERIFY(b.db->exec(QStringLiteral("UPDATE people SET name = NULL WHERE id = ?"), {tricky}));
    QVERIFY(b.db->exec(QStringLiteral("DELETE FROM people WHERE id = ?"), {peopleA[1]}));
    QVERIFY(a.db->exec(QStringLiteral("DELETE FROM people WHERE id = ?"), {peopleB[1]}));

    // What each site sent (and so has a sync_status row for): keys it changed itself.
    QSet<QString> itemsFromA, itemsFromB, peopleFromA, peopleFromB;
    for (int i = 1; i <= 20; ++i) {
        itemsFromA << QString::number(i);
        itemsFromB << QString::number(100 + i);
    }
    for (int i : {101, 102, 103, 104, 105, 111})
        itemsFromA << QString::number(i);
    for (int i : {6, 7, 8, 9, 10, 13})
        itemsFromB << QString::number(i);
    peopleFromA = QSet<QString>(peopleA.cbegin(), peopleA.cend()) << peopleB[0] << peopleB[1];
    peopleFromB = QSet<QString>(peopleB.cbegin(), peopleB.cend()) << peopleA[1];

    WAIT_FOR(a.db->count(QStringLiteral("items")) == 34 && b.db->count(QStringLiteral("items")) == 34
                 && a.db->count(QStringLiteral("people")) == 20 && b.db->count(QStringLiteral("people")) == 20
                 && SiteSet::sameDumps(a, b, QStringLiteral("items"))
                 && SiteSet::sameDumps(a, b, QStringLiteral("people")),
             kSyncTimeoutMs);
    WAIT_FOR(SiteSet::pendingChanges(a) == 0 && SiteSet::pendingChanges(b) == 0
                 && SiteSet::allSuccessful(a, QStringLiteral("items"), b.client, itemsFromA)
                 && SiteSet::allSuccessful(a, QStringLiteral("people"), b.client, peopleFromA)
                 && SiteSet::allSuccessful(b, QStringLiteral("items"), a.client, itemsFromB)
                 && SiteSet::allSuccessful(b, QStringLiteral("people"), a.client, peopleFromB),
             kSyncTimeoutMs);
    QCOMPARE(SiteSet::unsettled(a, b.client), 0);
    QCOMPARE(SiteSet::unsettled(b, a.client), 0);
    QCOMPARE(a.db->count(QStringLiteral("sync_status")), qint64(itemsFromA.size() + peopleFromA.size()));
    QCOMPARE(b.db->count(QStringLiteral("sync_status")), qint64(itemsFromB.size() + peopleFromB.size()));

    // The final state, spelled out.
    QVERIFY(SiteSet::sameDumps(a, b, QStringLiteral("items")));
    QVERIFY(SiteSet::sameDumps(a, b, QStringLiteral("people")));
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 3")).toString(),
             QStringLiteral("a-item 3 upd by A"));
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT qty FROM items WHERE id = 3")).toInt(), 31);
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 103")).toString(),
             QStringLiteral("b-item 3 upd by A"));
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 7")).toString(),
             QStringLiteral("a-item 7 upd by B"));
    QVERIFY(a.db->scalar(QStringLiteral("SELECT note FROM items WHERE id = 7")).isNull());
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id IN (11, 12, 13, 111, 112, 113)")).toInt(),
             0);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id IN (11, 12, 13, 111, 112, 113)")).toInt(),
             0);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT name FROM people WHERE id = ?"), {obrien}).toString(),
             QStringLiteral("Renamed by A"));
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT score FROM people WHERE id = ?"), {peopleB[0]}).toInt(), 99);
    QVERIFY(a.db->scalar(QStringLiteral("SELECT name FROM people WHERE id = ?"), {tricky}).isNull());
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT COUNT(*) FROM people WHERE id IN (?, ?)"), {peopleA[1], peopleB[1]})
                 .toInt(),
             0);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT COUNT(*) FROM people WHERE id IN (?, ?)"), {peopleA[1], peopleB[1]})
                 .toInt(),
             0);

    // sync_status rows are addressed by md5(table-id-remote), for unusual keys too.
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT `status` FROM sync_status WHERE id = ?"),
                          {statusId(QStringLiteral("people"), obrien, b.client)})
                 .toString(),
             QStringLiteral("successful"));
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT `status` FROM sync_status WHERE id = ?"),
                          {statusId(QStringLiteral("people"), tricky, a.client)})
                 .toString(),
             QStringLiteral("successful"));
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT primary_key FROM sync_status WHERE id = ?"),
                          {statusId(QStringLiteral("items"), QStringLiteral("111"), b.client)})
                 .toString(),
             QStringLiteral("111"));

    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

// ---------------------------------------------------------------------------------------------
// 3. Deletes and primary-key changes, both ways.

void TestSync::deletesAndKeyChanges()
{
    const QStringList ddl = {
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL) ENGINE=InnoDB"),
        QStringLiteral(
            "CREATE TABLE codes (code VARCHAR(64) NOT NULL PRIMARY KEY, label VARCHAR(100) NULL) ENGINE=InnoDB"),
    };
    const QStringList tables = {QStringLiteral("items"), QStringLiteral("codes")};
    SITES_MAKE(*m_sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("tsync_delete_a"), ddl);
    SITES_MAKE(*m_sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("tsync_delete_b"), ddl);
    m_watchedTables = tables;
    m_sites->configure(a, {b.client}, tables, tables);
    m_sites->configure(b, {a.client}, tables, tables);
    QVERIFY(m_sites->start(a));
    QVERIFY(m_sites->start(b));
    QVERIFY(m_sites->waitReady(a, {b.client}));
    QVERIFY(m_sites->waitReady(b, {a.client}));

    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'three'), (4, 'four'), "
                                      "(5, 'five'), (7, 'seven'), (8, 'eight'), (9, 'nine'), (10, 'ten')")));
    QVERIFY(a.db->exec(QStringLiteral(
                           "INSERT INTO codes VALUES ('alpha', 'A'), ('beta', 'B'), ('gamma', 'G'), (?, 'quoted')"),
                       {QStringLiteral("O'Brien ü 1")}));
    WAIT_FOR(b.db->count(QStringLiteral("items")) == 9 && b.db->count(QStringLiteral("codes")) == 4
                 && SiteSet::sameDumps(a, b, QStringLiteral("items"))
                 && SiteSet::sameDumps(a, b, QStringLiteral("codes")),
             kSyncTimeoutMs);

    // A deletes and moves keys; B does the same to other rows.
    QVERIFY(a.db->exec(QStringLiteral("DELETE FROM items WHERE id IN (3, 4)")));
    QVERIFY(a.db->exec(QStringLiteral("UPDATE items SET id = 6 WHERE id = 5")));
    QVERIFY(a.db->exec(QStringLiteral("UPDATE codes SET code = 'delta', label = 'was beta' WHERE code = 'beta'")));
    QVERIFY(a.db->exec(QStringLiteral("DELETE FROM codes WHERE code = ?"), {QStringLiteral("O'Brien ü 1")}));
    // A key deleted and made again at once, and one made and deleted at once.
    QVERIFY(a.db->exec(QStringLiteral("DELETE FROM items WHERE id = 1")));
    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO items VALUES (1, 'one again')")));
    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO items VALUES (50, 'short-lived')")));
    QVERIFY(a.db->exec(QStringLiteral("DELETE FROM items WHERE id = 50")));
    QVERIFY(b.db->exec(QStringLiteral("DELETE FROM items WHERE id = 9")));
    QVERIFY(b.db->exec(QStringLiteral("UPDATE items SET id = 11, name = 'ten moved' WHERE id = 10")));
    QVERIFY(b.db->exec(QStringLiteral("DELETE FROM codes WHERE code = 'alpha'")));

    WAIT_FOR(SiteSet::sameDumps(a, b, QStringLiteral("items")) && SiteSet::sameDumps(a, b, QStringLiteral("codes"))
                 && a.db->count(QStringLiteral("items")) == 6 && a.db->count(QStringLiteral("codes")) == 2,
             kSyncTimeoutMs);
    WAIT_FOR(SiteSet::pendingChanges(a) == 0 && SiteSet::pendingChanges(b) == 0 && SiteSet::unsettled(a, b.client) == 0
                 && SiteSet::unsettled(b, a.client) == 0,
             kSyncTimeoutMs);

    for (Site *s : {&a, &b}) {
        QCOMPARE(s->db->scalar(QStringLiteral("SELECT GROUP_CONCAT(id ORDER BY id) FROM items")).toString(),
                 QStringLiteral("1,2,6,7,8,11"));
        QCOMPARE(s->db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 6")).toString(),
                 QStringLiteral("five"));
        QCOMPARE(s->db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 1")).toString(),
                 QStringLiteral("one again"));
        QCOMPARE(s->db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 11")).toString(),
                 QStringLiteral("ten moved"));
        QCOMPARE(s->db->scalar(QStringLiteral("SELECT GROUP_CONCAT(code ORDER BY code) FROM codes")).toString(),
                 QStringLiteral("delta,gamma"));
        QCOMPARE(s->db->scalar(QStringLiteral("SELECT label FROM codes WHERE code = 'delta'")).toString(),
                 QStringLiteral("was beta"));
    }
    // The old keys are owed as deletes and acknowledged as such.
    QCOMPARE(SiteSet::statusKeys(a, QStringLiteral("items"), b.client, QStringLiteral("successful")),
             (QSet<QString>{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                            QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("7"), QStringLiteral("8"),
                            QStringLiteral("9"), QStringLiteral("10"), QStringLiteral("50")}));
    QCOMPARE(SiteSet::statusKeys(b, QStringLiteral("items"), a.client, QStringLiteral("successful")),
             (QSet<QString>{QStringLiteral("9"), QStringLiteral("10"), QStringLiteral("11")}));
    QCOMPARE(SiteSet::statusKeys(a, QStringLiteral("codes"), b.client, QStringLiteral("successful")),
             (QSet<QString>{QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma"),
                            QStringLiteral("delta"), QStringLiteral("O'Brien ü 1")}));
    QCOMPARE(SiteSet::statusKeys(b, QStringLiteral("codes"), a.client, QStringLiteral("successful")),
             QSet<QString>{QStringLiteral("alpha")});
}

// ---------------------------------------------------------------------------------------------
// 4. 2000 rows in one transaction.

void TestSync::manyRowsInOneTransaction()
{
    const QStringList ddl = {QStringLiteral("CREATE TABLE bulk (id INT NOT NULL PRIMARY KEY, payload VARCHAR(200) NOT "
                                            "NULL, n BIGINT NULL, d DECIMAL(12,4) NULL) ENGINE=InnoDB")};
    const QStringList bulk = {QStringLiteral("bulk")};
    SITES_MAKE(*m_sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("tsync_bulk_a"), ddl);
    SITES_MAKE(*m_sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("tsync_bulk_b"), ddl);
    m_watchedTables = bulk;
    m_sites->configure(a, {b.client}, bulk, {});
    m_sites->configure(b, {a.client}, {}, bulk);
    QVERIFY(m_sites->start(a));
    QVERIFY(m_sites->start(b));
    QVERIFY(m_sites->waitReady(a, {b.client}));
    QVERIFY(m_sites->waitReady(b, {a.client}));

    constexpr int kRows = 2000;
    QElapsedTimer timer;
    timer.start();
    QSqlDatabase db = a.db->database();
    QVERIFY(db.transaction());
    for (int start = 1; start <= kRows; start += 500) {
        QStringList values;
        for (int i = start; i < start + 500; ++i)
            values << QStringLiteral("(%1, 'row %1 ü %2', %3, %4.%5)")
                          .arg(i)
                          .arg(QString(i % 50, QLatin1Char('x')))
                          .arg(qint64(i) * 1000003)
                          .arg(i)
                          .arg(i % 10000, 4, 10, QLatin1Char('0'));
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO bulk VALUES %1").arg(values.join(QStringLiteral(", ")))),
                 qPrintable(q.lastError().text()));
    }
    QVERIFY(db.commit());
    QCOMPARE(a.db->count(QStringLiteral("bulk")), qint64(kRows));

    WAIT_FOR(b.db->count(QStringLiteral("bulk")) == kRows, 60000);
    const qint64 arrived = timer.elapsed();
    WAIT_FOR(SiteSet::sameDumps(a, b, QStringLiteral("bulk")), 10000);
    WAIT_FOR(SiteSet::statusKeys(a, QStringLiteral("bulk"), b.client, QStringLiteral("successful")).size() == kRows,
             60000);
    const qint64 acknowledged = timer.elapsed();
    QCOMPARE(SiteSet::unsettled(a, b.client), 0);
    QCOMPARE(a.db->count(QStringLiteral("sync_status")), qint64(kRows));
    QCOMPARE(SiteSet::pendingChanges(a), 0);
    qInfo().noquote() << kRows << "rows: all on B after" << arrived << "ms, all acknowledged after" << acknowledged
                      << "ms";
    // Every change and receipt went out in its first publish: none refused by the MQTT client
    // (Paho's outgoing buffer) and left to the resend timeout.
    for (Site *s : {&a, &b}) {
        const QByteArray log = s->engine->log();
        QVERIFY2(!log.contains("No more messages can be buffered") && !log.contains("publish on"),
                 qPrintable(QStringLiteral("engine %1 failed to publish").arg(s->client)));
    }
}

// ---------------------------------------------------------------------------------------------
// 5. Three bidirectional sites: relays reach everyone once, and nothing echoes.

void TestSync::threeSitesRelayWithoutEcho()
{
    const QStringList ddl = {QStringLiteral(
        "CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, qty INT NULL) ENGINE=InnoDB")};
    const QStringList items = {QStringLiteral("items")};
    SITES_MAKE(*m_sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("tsync_relay_a"), ddl);
    SITES_MAKE(*m_sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("tsync_relay_b"), ddl);
    SITES_MAKE(*m_sites, c, QStringLiteral("site_c"), 'A', QStringLiteral("tsync_relay_c"), ddl);
    m_watchedTables = items;
    QList<Site *> sites = {&a, &b, &c};
    for (Site *s : sites) {
        QStringList others;
        for (Site *o : sites) {
            if (o != s)
                others << o->client;
        }
        m_sites->configure(*s, others, items, items);
    }
    for (Site *s : sites)
        QVERIFY(m_sites->start(*s));
    QVERIFY(m_sites->waitReady(a, {b.client, c.client}));
    QVERIFY(m_sites->waitReady(b, {a.client, c.client}));
    QVERIFY(m_sites->waitReady(c, {a.client, b.client}));

    // Changes travel per row or, between engines of ours, in batches (issue 13).
    MqttSubscriber changes(m_servers,
                           QStringList{QStringLiteral("/change/#"), QStringLiteral("/mysql-sync/+/batch/#")});
    QVERIFY(changes.isReady());

    auto allEqual = [&] {
        return SiteSet::sameDumps(a, b, QStringLiteral("items")) && SiteSet::sameDumps(a, c, QStringLiteral("items"));
    };
    auto settled = [&] {
        for (Site *s : sites) {
            if (SiteSet::pendingChanges(*s) != 0)
                return false;
            for (Site *o : sites) {
                if (o != s && SiteSet::unsettled(*s, o->client) != 0)
                    return false;
            }
        }
        return true;
    };
    // Nothing is sent for `ms` and nothing changes in the databases meanwhile.
    auto quiet = [&](int ms) {
        QStringList before;
        for (Site *s : sites)
            before << s->db->dump(QStringLiteral("sync_status"), QStringLiteral("id"))
                   << s->db->dump(QStringLiteral("items"));
        changes.clear();
        QTest::qWait(ms);
        QStringList after;
        for (Site *s : sites)
            after << s->db->dump(QStringLiteral("sync_status"), QStringLiteral("id"))
                  << s->db->dump(QStringLiteral("items"));
        const QStringList sent = changes.lines();
        if (!sent.isEmpty())
            qWarning().noquote() << "still sending after settling:\n" << sent.mid(0, 20).join(QLatin1Char('\n'));
        bool empty = true;
        for (Site *s : sites)
            empty = empty && SiteSet::pendingChanges(*s) == 0;
        for (int i = 0; i < before.size() && i < after.size(); ++i) {
            if (before.at(i) != after.at(i))
                qWarning().noquote() << "changed while quiet, site" << sites.at(i / 2)->client
                                     << (i % 2 ? "items" : "sync_status") << "\nbefore:\n"
                                     << before.at(i) << "\nafter:\n"
                                     << after.at(i);
        }
        if (!empty)
            qWarning() << "table_changes not empty while quiet";
        return sent.isEmpty() && before == after && empty;
    };

    // A row made on A.
    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO items VALUES (1, 'from A', 1)")));
    WAIT_FOR(b.db->count(QStringLiteral("items")) == 1 && c.db->count(QStringLiteral("items")) == 1 && allEqual(),
             kSyncTimeoutMs);
    WAIT_FOR(settled(), kSyncTimeoutMs);
    QVERIFY(quiet(2000));
    for (Site *s : sites)
        QCOMPARE(s->db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id = 1 AND name = 'from A'")).toInt(),
                 1);
    QCOMPARE(SiteSet::statusKeys(a, QStringLiteral("items"), b.client, QStringLiteral("successful")),
             QSet<QString>{QStringLiteral("1")});
    QCOMPARE(SiteSet::statusKeys(a, QStringLiteral("items"), c.client, QStringLiteral("successful")),
             QSet<QString>{QStringLiteral("1")});

    // A row made on B, and an update made on C of A's row.
    QVERIFY(b.db->exec(QStringLiteral("INSERT INTO items VALUES (2, 'from B', 2)")));
    QVERIFY(c.db->exec(QStringLiteral("UPDATE items SET name = 'changed on C', qty = 3 WHERE id = 1")));
    WAIT_FOR(allEqual() && a.db->count(QStringLiteral("items")) == 2
                 && a.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 1")).toString()
                     == QStringLiteral("changed on C"),
             kSyncTimeoutMs);
    WAIT_FOR(settled(), kSyncTimeoutMs);
    QVERIFY(quiet(2000));
    // And a delete made on C.
    QVERIFY(c.db->exec(QStringLiteral("DELETE FROM items WHERE id = 2")));
    WAIT_FOR(allEqual() && a.db->count(QStringLiteral("items")) == 1 && b.db->count(QStringLiteral("items")) == 1,
             kSyncTimeoutMs);
    WAIT_FOR(settled(), kSyncTimeoutMs);
    QVERIFY(quiet(2000));
    for (Site *s : sites) {
        QCOMPARE(s->db->scalar(QStringLiteral("SELECT CONCAT(id, ':', name, ':', qty) FROM items")).toString(),
                 QStringLiteral("1:changed on C:3"));
    }
    QCOMPARE(SiteSet::statusKeys(b, QStringLiteral("items"), a.client, QStringLiteral("successful"))
                 .contains(QStringLiteral("2")),
             true);
    QCOMPARE(SiteSet::statusKeys(c, QStringLiteral("items"), b.client, QStringLiteral("successful"))
                 .contains(QStringLiteral("1")),
             true);
}

// ---------------------------------------------------------------------------------------------
// 6. A remote that is not running.

void TestSync::remoteOffline()
{
    const QStringList ddl = {
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL) ENGINE=InnoDB")};
    const QStringList items = {QStringLiteral("items")};
    SITES_MAKE(*m_sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("tsync_offline_a"), ddl);
    SITES_MAKE(*m_sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("tsync_offline_b"), ddl);
    m_watchedTables = items;
    m_sites->configure(a, {b.client}, items, items);
    m_sites->configure(b, {a.client}, items, items);
    QVERIFY(m_sites->start(a));
    QVERIFY(m_sites->start(b));
    QVERIFY(m_sites->waitReady(a, {b.client}));
    QVERIFY(m_sites->waitReady(b, {a.client}));

    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'three')")));
    WAIT_FOR(SiteSet::sameDumps(a, b, QStringLiteral("items")) && b.db->count(QStringLiteral("items")) == 3,
             kSyncTimeoutMs);
    WAIT_FOR(SiteSet::allSuccessful(a, QStringLiteral("items"), b.client,
                                    {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}),
             kSyncTimeoutMs);

    // Round 1: B stops cleanly (it says connection_lost itself).
    int offsetA = int(a.engine->log().size());
    QVERIFY(b.engine->stop());
    QVERIFY2(a.engine->waitForLog("site_b is offline", 15000, offsetA), "A never saw B go offline");
    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO items VALUES (4, 'four'), (5, 'five'), (6, 'six')")));
    QVERIFY(a.db->exec(QStringLiteral("UPDATE items SET name = 'one, changed while B was away' WHERE id = 1")));
    QVERIFY(a.db->exec(QStringLiteral("DELETE FROM items WHERE id = 2")));
    // B's database changes too while its engine is down: the triggers keep them.
    QVERIFY(b.db->exec(QStringLiteral("INSERT INTO items VALUES (100, 'made on B while its engine was down')")));
    const QSet<QString> owed = {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("4"), QStringLiteral("5"),
                                QStringLiteral("6")};
    WAIT_FOR(SiteSet::pendingChanges(a) == 0
                 && SiteSet::statusKeys(a, QStringLiteral("items"), b.client, QStringLiteral("pending")) == owed,
             kSyncTimeoutMs);
    QCOMPARE(SiteSet::statusKeys(a, QStringLiteral("items"), b.client, QStringLiteral("successful")),
             QSet<QString>{QStringLiteral("3")});
    // Nothing reaches B meanwhile (give a stray delivery the time to show).
    QTest::qWait(1000);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id <> 100")).toInt(), 3);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 1")).toString(), QStringLiteral("one"));
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id = 100")).toInt(), 0);

    QVERIFY(m_sites->start(b));
    WAIT_FOR(SiteSet::sameDumps(a, b, QStringLiteral("items")) && a.db->count(QStringLiteral("items")) == 6,
             kSyncTimeoutMs);
    WAIT_FOR(SiteSet::pendingChanges(a) == 0 && SiteSet::pendingChanges(b) == 0
                 && SiteSet::allSuccessful(a, QStringLiteral("items"), b.client,
                                           {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                            QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6")})
                 && SiteSet::allSuccessful(b, QStringLiteral("items"), a.client, {QStringLiteral("100")}),
             kSyncTimeoutMs);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 1")).toString(),
             QStringLiteral("one, changed while B was away"));
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id = 2")).toInt(), 0);

    // Round 2: B is killed (the broker says connection_lost for it, from its will).
    offsetA = int(a.engine->log().size());
    b.engine->kill9();
    QVERIFY2(a.engine->waitForLog("site_b is offline", 15000, offsetA), "A never saw B go offline after a kill");
    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO items VALUES (7, 'seven')")));
    QVERIFY(a.db->exec(QStringLiteral("DELETE FROM items WHERE id = 3")));
    WAIT_FOR(SiteSet::pendingChanges(a) == 0
                 && SiteSet::statusKeys(a, QStringLiteral("items"), b.client, QStringLiteral("pending"))
                     == QSet<QString>({QStringLiteral("3"), QStringLiteral("7")}),
             kSyncTimeoutMs);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id IN (3, 7)")).toInt(), 1);
    QVERIFY(m_sites->start(b));
    WAIT_FOR(SiteSet::sameDumps(a, b, QStringLiteral("items")) && b.db->count(QStringLiteral("items")) == 6,
             kSyncTimeoutMs);
    WAIT_FOR(SiteSet::pendingChanges(a) == 0 && SiteSet::unsettled(a, b.client) == 0
                 && SiteSet::unsettled(b, a.client) == 0,
             kSyncTimeoutMs);
    QCOMPARE(SiteSet::statusKeys(a, QStringLiteral("items"), b.client, QStringLiteral("successful")).size(), 7);
}

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
