// sync_status is written on a connection and thread of its own (engine/StatusWriter): while
// the server makes those writes wait (here a LOCK TABLES held by another session, as a
// long report or a backup would), the engine goes on capturing, sending and applying; once
// the lock goes, every row ends `successful` and nothing stays pending or owed.
// Before the writer had its own thread, the engine's thread waited in the sync_status write
// that followed the first send, and nothing more was captured until the lock went.
#include <QTest>

#include "SiteSet.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {
constexpr int kTimeoutMs = 45000;
constexpr int kGroupMs = 15000; // a group of rows reaches site_b well within this
} // namespace

class TestStatusWriter : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sendsWhileSyncStatusIsLocked_data();
    void sendsWhileSyncStatusIsLocked();

private:
    Servers m_servers;
};

void TestStatusWriter::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
}

void TestStatusWriter::sendsWhileSyncStatusIsLocked_data()
{
    QTest::addColumn<bool>("extensions");
    QTest::newRow("fast path") << true;
    QTest::newRow("per-row path") << false;
}

void TestStatusWriter::sendsWhileSyncStatusIsLocked()
{
    QFETCH(bool, extensions);
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NULL) ENGINE=InnoDB");
    const QStringList tables{QStringLiteral("items")};
    SiteSet sites(m_servers);
    Site *a = sites.make(QStringLiteral("site_a"), 'A', QStringLiteral("statuswriter_a"), {ddl});
    Site *b = sites.make(QStringLiteral("site_b"), 'B', QStringLiteral("statuswriter_b"), {ddl});
    QVERIFY(a && b);
    const QJsonObject extra{{QStringLiteral("extensions"), QJsonObject{{QStringLiteral("enabled"), extensions}}}};
    sites.configure(*a, {b->client}, tables, {}, extra);
    sites.configure(*b, {a->client}, {}, tables, extra);
    QVERIFY(sites.start(*a) && sites.start(*b));
    QVERIFY(sites.waitReady(*a, {b->client}) && sites.waitReady(*b, {a->client}));
    QVERIFY(a->db->exec(QStringLiteral("INSERT INTO items VALUES (1, 'before the lock')")));
    SITES_WAIT(sites, tables,
               SiteSet::statusKeys(*a, QStringLiteral("items"), b->client, QStringLiteral("successful")).size() == 1,
               kTimeoutMs);

    // Another session of site_a's database holds sync_status: every write to it waits.
    SiteDatabase locker(m_servers, 'A', QStringLiteral("statuswriter_a"), SiteDatabase::Attach);
    QVERIFY2(locker.isOpen(), qPrintable(locker.lastError()));
    QVERIFY(locker.exec(QStringLiteral("LOCK TABLES sync_status WRITE")));

    // Three groups of changes, each made after the one before reached site_b: each needs
    // a capture after sync_status writes began to wait.
    int rows = 1;
    for (int group = 0; group < 3; ++group) {
        QStringList values;
        for (int i = 0; i < 20; ++i) {
            ++rows;
            values << QStringLiteral("(%1, 'group %2')").arg(rows).arg(group);
        }
        QVERIFY(a->db->exec(QStringLiteral("INSERT INTO items VALUES ") + values.join(QLatin1Char(','))));
        const int expected = rows;
        // (No SITES_WAIT: its diagnostics would read sync_status, and wait for the lock.)
        if (!waitUntil([&] { return b->db->count(QStringLiteral("items")) == expected; }, kGroupMs, 50)) {
            locker.exec(QStringLiteral("UNLOCK TABLES"));
            QFAIL(qPrintable(QStringLiteral("group %1 did not reach site_b while sync_status was locked: %2 of %3 rows")
                                 .arg(group)
                                 .arg(b->db->count(QStringLiteral("items")))
                                 .arg(expected)));
        }
    }
    // Nothing could be written meanwhile (the locking session can read it).
    QCOMPARE(locker.scalar(QStringLiteral("SELECT COUNT(*) FROM sync_status")).toInt(), 1);
    QVERIFY(a->engine->isRunning());

    QVERIFY(locker.exec(QStringLiteral("UNLOCK TABLES")));
    SITES_WAIT(sites, tables,
               SiteSet::statusKeys(*a, QStringLiteral("items"), b->client, QStringLiteral("successful")).size() == rows
                   && SiteSet::statusKeys(*a, QStringLiteral("items"), b->client, QStringLiteral("pending")).isEmpty(),
               kTimeoutMs);
    QCOMPARE(a->db->count(QStringLiteral("table_changes")), qint64(0));
    // The outbox owes nothing: a restart sends nothing again (no new receipts to write).
    QVERIFY(a->engine->stop() && b->engine->stop());
}

QTEST_GUILESS_MAIN(TestStatusWriter)
#include "tst_statuswriter.moc"
