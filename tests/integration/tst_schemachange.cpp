// Issue 11, group 3: schema changes do not stall capture. ALTER TABLE on a synced table while
// both engines run: the catalogue is read again, capture of the other tables goes on, and
// rows a receiver refused because it lacked a column are sent again by themselves once it
// has it. No restart, no operator.
#include <QElapsedTimer>
#include <QTest>

#include "SiteSet.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {
constexpr int kTimeoutMs = 60000;
}

class TestSchemaChange : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void dropColumnOtherTableGoesOn();
    void columnAddedOnSenderFirst();

private:
    Servers m_servers;
};

void TestSchemaChange::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
}

void TestSchemaChange::dropColumnOtherTableGoesOn()
{
    const QStringList
        ddl{QStringLiteral("CREATE TABLE t1 (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, extra VARCHAR(50) "
                           "NULL) ENGINE=InnoDB"),
            QStringLiteral("CREATE TABLE t2 (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL) ENGINE=InnoDB")};
    const QStringList tables{QStringLiteral("t1"), QStringLiteral("t2")};
    SiteSet sites(m_servers);
    Site *a = sites.make(QStringLiteral("site_a"), 'A', QStringLiteral("schema_drop_a"), ddl);
    Site *b = sites.make(QStringLiteral("site_b"), 'B', QStringLiteral("schema_drop_b"), ddl);
    QVERIFY(a && b);
    sites.configure(*a, {b->client}, tables, {});
    sites.configure(*b, {a->client}, {}, tables);
    QVERIFY(sites.start(*a) && sites.start(*b));
    QVERIFY(sites.waitReady(*a, {b->client}) && sites.waitReady(*b, {a->client}));
    QVERIFY(a->db->exec(QStringLiteral("INSERT INTO t1 VALUES (1, 'one', 'x')")));
    QVERIFY(a->db->exec(QStringLiteral("INSERT INTO t2 VALUES (1, 'one')")));
    SITES_WAIT(sites, tables, b->db->count(QStringLiteral("t1")) == 1 && b->db->count(QStringLiteral("t2")) == 1,
               kTimeoutMs);

    // The column goes on the sender while its rows are in flight, t2 keeps changing.
    QVERIFY(a->db->exec(QStringLiteral("UPDATE t1 SET name = 'one again' WHERE id = 1")));
    QVERIFY(a->db->exec(QStringLiteral("ALTER TABLE t1 DROP COLUMN extra")));
    QVERIFY(a->db->exec(QStringLiteral("INSERT INTO t1 VALUES (2, 'two')")));
    QElapsedTimer clock;
    clock.start();
    for (int id = 2; id <= 21; ++id)
        QVERIFY(a->db->exec(QStringLiteral("INSERT INTO t2 VALUES (?, 'row')"), {id}));
    SITES_WAIT(sites, tables, b->db->count(QStringLiteral("t2")) == 21, 5000);
    qInfo() << "t2 synced" << clock.elapsed() << "ms after the DROP COLUMN on t1";
    SITES_WAIT(sites, tables,
               b->db->scalar(QStringLiteral("SELECT GROUP_CONCAT(CONCAT(id, ':', name) ORDER BY id) FROM t1"))
                       .toString()
                   == QStringLiteral("1:one again,2:two"),
               kTimeoutMs);
    SITES_WAIT(sites, tables, SiteSet::unsettled(*a, b->client) == 0 && SiteSet::pendingChanges(*a) == 0, kTimeoutMs);
    QVERIFY(SiteSet::logged(*a, "reading the catalogue again"));
    QVERIFY(a->engine->stop() && b->engine->stop());
}

void TestSchemaChange::columnAddedOnSenderFirst()
{
    const QStringList ddl{
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL) ENGINE=InnoDB")};
    const QStringList tables{QStringLiteral("items")};
    SiteSet sites(m_servers);
    Site *a = sites.make(QStringLiteral("site_a"), 'A', QStringLiteral("schema_add_a"), ddl);
    Site *b = sites.make(QStringLiteral("site_b"), 'B', QStringLiteral("schema_add_b"), ddl);
    QVERIFY(a && b);
    sites.configure(*a, {b->client}, tables, {});
    sites.configure(*b, {a->client}, {}, tables);
    QVERIFY(sites.start(*a) && sites.start(*b));
    QVERIFY(sites.waitReady(*a, {b->client}) && sites.waitReady(*b, {a->client}));

    // Rows flow the whole time: 20 before, the column on site_a, 20 more (with colours),
    // the column on site_b 3 s later, 20 more.
    int id = 0;
    auto rows = [&](int n, bool colour) {
        for (int i = 0; i < n; ++i) {
            ++id;
            const bool ok = colour ? a->db->exec(QStringLiteral("INSERT INTO items VALUES (?, ?, ?)"),
                                                 {id, QStringLiteral("row %1").arg(id), QStringLiteral("c%1").arg(id)})
                                   : a->db->exec(QStringLiteral("INSERT INTO items VALUES (?, ?)"),
                                                 {id, QStringLiteral("row %1").arg(id)});
            if (!ok)
                return false;
            QTest::qWait(20);
        }
        return true;
    };
    QVERIFY(rows(20, false));
    QVERIFY(a->db->exec(QStringLiteral("ALTER TABLE items ADD COLUMN colour VARCHAR(20) NULL")));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(rows(20, true));
    // Half of the colours change too (updates of rows site_b may have refused already).
    QVERIFY(a->db->exec(QStringLiteral("UPDATE items SET colour = CONCAT('u', id) WHERE id % 2 = 0")));
    QTest::qWait(qMax<int>(0, 3000 - int(clock.elapsed()))); // the receiver's operator is 3 s late
    QVERIFY(b->db->exec(QStringLiteral("ALTER TABLE items ADD COLUMN colour VARCHAR(20) NULL")));
    QVERIFY(rows(20, true));

    SITES_WAIT(sites, tables, SiteSet::sameDumps(*a, *b, QStringLiteral("items")), kTimeoutMs);
    SITES_WAIT(sites, tables,
               SiteSet::unsettled(*a, b->client) == 0
                   && SiteSet::statusKeys(*a, QStringLiteral("items"), b->client, QStringLiteral("successful")).size()
                       == id,
               kTimeoutMs);
    // 40 rows inserted with a colour, 10 of the first 20 given one by the update.
    QCOMPARE(b->db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE colour IS NOT NULL")).toInt(), 50);
    QVERIFY(a->engine->isRunning() && b->engine->isRunning());
    QVERIFY(a->engine->stop() && b->engine->stop());
}

QTEST_GUILESS_MAIN(TestSchemaChange)
#include "tst_schemachange.moc"
