// Issue 11, group 4: a write touches only the row with that primary key. site_a sends
// `users` rows to site_b, whose table has a UNIQUE e-mail column as well. A row whose e-mail
// another row of site_b holds must not rewrite that row (INSERT ... ON DUPLICATE KEY UPDATE
// would): it is refused with an `error` receipt naming the constraint, and nothing changes.
#include <QTest>

#include "SiteSet.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {
constexpr int kTimeoutMs = 45000;
}

class TestUniqueKey : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void uniqueClash_data();
    void uniqueClash();

private:
    Servers m_servers;
};

void TestUniqueKey::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
}

void TestUniqueKey::uniqueClash_data()
{
    // Receive-only tables are written many rows per statement, bidirectional ones one by one:
    // both paths must keep to the primary key.
    QTest::addColumn<bool>("bidirectional");
    QTest::newRow("receive only") << false;
    QTest::newRow("bidirectional") << true;
}

void TestUniqueKey::uniqueClash()
{
    QFETCH(bool, bidirectional);
    const QString ddl = QStringLiteral("CREATE TABLE users (id INT NOT NULL PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                                       "name VARCHAR(100) NULL, UNIQUE KEY users_email (email)) ENGINE=InnoDB");
    const QStringList tables{QStringLiteral("users")};
    SiteSet sites(m_servers);
    Site *a = sites.make(QStringLiteral("site_a"), 'A', QStringLiteral("unique_a"), {ddl});
    Site *b = sites.make(QStringLiteral("site_b"), 'B', QStringLiteral("unique_b"), {ddl});
    QVERIFY(a && b);
    // site_b's own row holds the e-mail that site_a's row 2 will carry.
    QVERIFY(b->db->exec(QStringLiteral("INSERT INTO users VALUES (1, 'x@y', 'own row of site_b')")));
    // The rows put in place count as synced (no initial load): only the clash travels.
    const QJsonObject noLoad{{QStringLiteral("initialLoad"), false}};
    sites.configure(*a, {b->client}, tables, bidirectional ? tables : QStringList(), noLoad);
    sites.configure(*b, {a->client}, bidirectional ? tables : QStringList(), tables, noLoad);
    QVERIFY(sites.start(*a) && sites.start(*b));
    QVERIFY(sites.waitReady(*a, {b->client}) && sites.waitReady(*b, {a->client}));

    // Rows around the clash, so that a multi-row statement carries it with others.
    QVERIFY(a->db->exec(QStringLiteral("INSERT INTO users VALUES (2, 'x@y', 'from site_a'), (3, 'z@y', 'three'), "
                                       "(4, 'w@y', 'four')")));
    SITES_WAIT(sites, tables,
               SiteSet::statusKeys(*a, QStringLiteral("users"), b->client, QStringLiteral("error"))
                       == QSet<QString>{QStringLiteral("2")}
                   && SiteSet::statusKeys(*a, QStringLiteral("users"), b->client, QStringLiteral("successful"))
                       == (QSet<QString>{QStringLiteral("3"), QStringLiteral("4")}),
               kTimeoutMs);
    // site_b's row 1 is untouched, row 2 was not written, 3 and 4 were.
    QCOMPARE(b->db->scalar(QStringLiteral("SELECT CONCAT(id, ':', email, ':', name) FROM users WHERE email = 'x@y'"))
                 .toString(),
             QStringLiteral("1:x@y:own row of site_b"));
    QCOMPARE(b->db->scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE id = 2")).toInt(), 0);
    QCOMPARE(b->db->scalar(QStringLiteral("SELECT GROUP_CONCAT(id ORDER BY id) FROM users")).toString(),
             QStringLiteral("1,3,4"));
    const QString message =
        a->db->scalar(QStringLiteral("SELECT message FROM sync_status WHERE primary_key = '2'")).toString();
    QVERIFY2(message.contains(QLatin1String("users_email")), qPrintable(message));

    // An update by primary key still works, also one that changes nothing.
    QVERIFY(a->db->exec(QStringLiteral("UPDATE users SET email = 'v@y', name = 'three again' WHERE id = 3")));
    SITES_WAIT(sites, tables,
               b->db->scalar(QStringLiteral("SELECT CONCAT(email, ':', name) FROM users WHERE id = 3")).toString()
                   == QStringLiteral("v@y:three again"),
               kTimeoutMs);
    QVERIFY(a->db->exec(QStringLiteral("UPDATE users SET name = 'four' WHERE id = 4"))); // no change: no trigger row
    QVERIFY(a->db->exec(QStringLiteral("INSERT INTO users VALUES (5, 'u@y', 'five')")));
    SITES_WAIT(sites, tables,
               SiteSet::statusKeys(*a, QStringLiteral("users"), b->client, QStringLiteral("successful"))
                   == (QSet<QString>{QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5")}),
               kTimeoutMs);
    QCOMPARE(b->db->scalar(QStringLiteral("SELECT GROUP_CONCAT(id ORDER BY id) FROM users")).toString(),
             QStringLiteral("1,3,4,5"));
    QVERIFY(a->engine->stop() && b->engine->stop());
}

QTEST_GUILESS_MAIN(TestUniqueKey)
#include "tst_uniquekey.moc"
