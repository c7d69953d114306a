// Issue 11, group 5: one bad row never holds up the others. site_a sends to site_b:
//  - a 6 MiB row while site_b's server allows 4 MiB packets, among 50 small rows: the big row
//    gets an `error` receipt naming max_allowed_packet, the small ones are written, and the
//    connection is never dropped over it;
//  - a row that another session of site_b keeps locked for 70 s while 100 other rows flow:
//    those are written meanwhile, the locked one is tried again, set aside after some tries
//    (an `error` row at site_a) and written once site_a changes it again after the lock.
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include "SiteSet.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {
constexpr int kTimeoutMs = 60000;
constexpr qint64 kSmallPacket = 4 * 1024 * 1024;
} // namespace

class TestBadRows : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void rowAboveMaxAllowedPacket();
    void lockedRow();

private:
    Servers m_servers;
    qint64 m_packetB = 0;
};

void TestBadRows::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
}

void TestBadRows::cleanupTestCase()
{
    if (m_packetB > 0) {
        SiteDatabase b(m_servers, 'B', QStringLiteral("badrows_restore"));
        b.exec(QStringLiteral("SET GLOBAL max_allowed_packet = %1").arg(m_packetB));
    }
}

void TestBadRows::rowAboveMaxAllowedPacket()
{
    const QString ddl =
        QStringLiteral("CREATE TABLE docs (id INT NOT NULL PRIMARY KEY, body LONGTEXT NOT NULL) ENGINE=InnoDB");
    const QStringList tables{QStringLiteral("docs")};
    SiteSet sites(m_servers);
    Site *a = sites.make(QStringLiteral("site_a"), 'A', QStringLiteral("badrows_packet_a"), {ddl});
    Site *b = sites.make(QStringLiteral("site_b"), 'B', QStringLiteral("badrows_packet_b"), {ddl});
    QVERIFY(a && b);
    m_packetB = b->db->scalar(QStringLiteral("SELECT @@GLOBAL.max_allowed_packet")).toLongLong();
    QVERIFY(m_packetB > 0);
    QVERIFY(a->db->scalar(QStringLiteral("SELECT @@GLOBAL.max_allowed_packet")).toLongLong() > 8 * 1024 * 1024);
    QVERIFY(b->db->exec(QStringLiteral("SET GLOBAL max_allowed_packet = %1").arg(kSmallPacket)));
    sites.configure(*a, {b->client}, tables, {});
    sites.configure(*b, {a->client}, {}, tables);
    QVERIFY(sites.start(*a) && sites.start(*b));
    QVERIFY(sites.waitReady(*a, {b->client}) && sites.waitReady(*b, {a->client}));

    // 25 small rows, the big one, 25 small rows: all in one transaction, so they travel together.
    QSqlDatabase db = a->db->database();
    QVERIFY(db.transaction());
    for (int id = 1; id <= 51; ++id) {
        const QString body = id == 26 ? QString(6 * 1024 * 1024, QLatin1Char('x')) : QStringLiteral("small %1").arg(id);
        QVERIFY(a->db->exec(QStringLiteral("INSERT INTO docs VALUES (?, ?)"), {id, body}));
    }
    QVERIFY(db.commit());
    QSet<QString> small;
    for (int id = 1; id <= 51; ++id) {
        if (id != 26)
            small.insert(QString::number(id));
    }
    SITES_WAIT(sites, tables,
               SiteSet::statusKeys(*a, QStringLiteral("docs"), b->client, QStringLiteral("successful")) == small
                   && SiteSet::statusKeys(*a, QStringLiteral("docs"), b->client, QStringLiteral("error"))
                       == QSet<QString>{QStringLiteral("26")},
               kTimeoutMs);
    QCOMPARE(b->db->count(QStringLiteral("docs")), qint64(50));
    const QString message =
        a->db->scalar(QStringLiteral("SELECT message FROM sync_status WHERE primary_key = '26'")).toString();
    QVERIFY2(message.contains(QLatin1String("max_allowed_packet")), qPrintable(message));
    // site_b never lost its database connection over it.
    QVERIFY(!SiteSet::logged(*b, "database connection lost"));
    QVERIFY(a->engine->stop() && b->engine->stop());
    QVERIFY(b->db->exec(QStringLiteral("SET GLOBAL max_allowed_packet = %1").arg(m_packetB)));
}

void TestBadRows::lockedRow()
{
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL) ENGINE=InnoDB");
    const QStringList tables{QStringLiteral("items")};
    SiteSet sites(m_servers);
    Site *a = sites.make(QStringLiteral("site_a"), 'A', QStringLiteral("badrows_lock_a"), {ddl});
    Site *b = sites.make(QStringLiteral("site_b"), 'B', QStringLiteral("badrows_lock_b"), {ddl});
    QVERIFY(a && b);
    QVERIFY(a->db->exec(QStringLiteral("INSERT INTO items VALUES (1, 'before')")));
    QVERIFY(b->db->exec(QStringLiteral("INSERT INTO items VALUES (1, 'before')")));
    sites.configure(*a, {b->client}, tables, {});
    sites.configure(*b, {a->client}, {}, tables);
    QVERIFY(sites.start(*a) && sites.start(*b));
    QVERIFY(sites.waitReady(*a, {b->client}) && sites.waitReady(*b, {a->client}));

    // Another session of site_b locks row 1 for 70 s.
    SiteDatabase locker(m_servers, 'B', QStringLiteral("badrows_lock_b"), SiteDatabase::Attach);
    QVERIFY(locker.isOpen());
    QSqlDatabase lockDb = locker.database();
    QVERIFY(lockDb.transaction());
    QVERIFY(locker.exec(QStringLiteral("SELECT * FROM items WHERE id = 1 FOR UPDATE")));
    QElapsedTimer locked;
    locked.start();

    QVERIFY(a->db->exec(QStringLiteral("UPDATE items SET name = 'during the lock' WHERE id = 1")));
    for (int id = 2; id <= 101; ++id)
        QVERIFY(a->db->exec(QStringLiteral("INSERT INTO items VALUES (?, 'flowing')"), {id}));
    SITES_WAIT(sites, tables, b->db->count(QStringLiteral("items")) == 101, 30000);
    qInfo() << "100 rows written at site_b" << locked.elapsed() << "ms into the lock";
    QVERIFY(locked.elapsed() < 30000);
    // Tried again, and set aside before the lock ends.
    SITES_WAIT(sites, tables,
               SiteSet::statusKeys(*a, QStringLiteral("items"), b->client, QStringLiteral("error"))
                   == QSet<QString>{QStringLiteral("1")},
               65000);
    QVERIFY(locked.elapsed() < 70000);
    const QString message =
        a->db->scalar(QStringLiteral("SELECT message FROM sync_status WHERE primary_key = '1'")).toString();
    QVERIFY2(message.contains(QLatin1String("set aside")), qPrintable(message));
    QVERIFY(!SiteSet::logged(*b, "database connection lost"));
    waitUntil([&] { return locked.elapsed() >= 70000; }, 75000, 500); // the lock's holder keeps it 70 s
    QVERIFY(lockDb.commit());

    // After the lock: the row was not written meanwhile; a new change of it goes through.
    QCOMPARE(b->db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 1")).toString(), QStringLiteral("before"));
    QVERIFY(a->db->exec(QStringLiteral("UPDATE items SET name = 'after the lock' WHERE id = 1")));
    SITES_WAIT(sites, tables,
               SiteSet::sameDumps(*a, *b, QStringLiteral("items")) && SiteSet::unsettled(*a, b->client) == 0,
               kTimeoutMs);
    QVERIFY(a->engine->stop() && b->engine->stop());
}

QTEST_GUILESS_MAIN(TestBadRows)
#include "tst_badrows.moc"
