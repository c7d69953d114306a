// Issue 11, group 2: no receipt can poison sync_status. Site site_a sends rows of `items` to
// site_b (both real engines); while the rows and their real receipts flow, the test publishes
// receipts "from site_b" that sync_status cannot hold (a date before 1970 or after 2038, a key
// or table too long). Each is refused alone: every delivered row still ends 'successful',
// and the refusal is logged at warn. The engine's own tables are utf8mb4 even in a database
// whose default character set is latin1.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "Mqtt.h"
#include "SiteSet.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {
constexpr int kRows = 100;
constexpr int kTimeoutMs = 45000;

QByteArray receipt(const QString &table, const QJsonValue &id, const QJsonValue &date)
{
    const QJsonObject args{{QStringLiteral("table"), table},
                           {QStringLiteral("id"), id},
                           {QStringLiteral("date"), date}};
    return QJsonDocument(QJsonObject{{QStringLiteral("sender"), QStringLiteral("site_b")},
                                     {QStringLiteral("message"), QStringLiteral("data_received")},
                                     {QStringLiteral("args"), args}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

class TestReceipts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void poisonReceiptsDuringStream_data();
    void poisonReceiptsDuringStream();
    void engineTablesUtf8mb4();

private:
    Servers m_servers;
};

void TestReceipts::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
}

void TestReceipts::poisonReceiptsDuringStream_data()
{
    QTest::addColumn<QByteArray>("poison");
    QTest::addColumn<QString>("why");
    QTest::newRow("date -1000") << receipt(QStringLiteral("items"), QStringLiteral("p1"), -1000)
                                << QStringLiteral("outside what sync_status.date holds");
    QTest::newRow("date 9e12") << receipt(QStringLiteral("items"), QStringLiteral("p2"), 9e12)
                               << QStringLiteral("outside what sync_status.date holds");
    QTest::newRow("key of 300 characters")
        << receipt(QStringLiteral("items"), QString(300, QLatin1Char('k')), 1767225600000.0)
        << QStringLiteral("the key has 300 characters");
    QTest::newRow("table not sent") << receipt(QStringLiteral("elsewhere"), QStringLiteral("p3"), 1767225600000.0)
                                    << QStringLiteral("is not one of this site's syncTables");
}

void TestReceipts::poisonReceiptsDuringStream()
{
    QFETCH(QByteArray, poison);
    QFETCH(QString, why);
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL) ENGINE=InnoDB");
    const QStringList tables{QStringLiteral("items")};
    SiteSet sites(m_servers);
    Site *a = sites.make(QStringLiteral("site_a"), 'A', QStringLiteral("receipts_a"), {ddl});
    Site *b = sites.make(QStringLiteral("site_b"), 'B', QStringLiteral("receipts_b"), {ddl});
    QVERIFY(a && b);
    sites.configure(*a, {b->client}, tables, {});
    sites.configure(*b, {a->client}, {}, tables);
    QVERIFY(sites.start(*a) && sites.start(*b));
    QVERIFY(sites.waitReady(*a, {b->client}) && sites.waitReady(*b, {a->client}));

    // The rows go out in ten bursts; a poisoned receipt follows each, among the real ones.
    for (int burst = 0; burst < 10; ++burst) {
        for (int i = 1; i <= kRows / 10; ++i) {
            const int id = burst * 10 + i;
            QVERIFY(
                a->db->exec(QStringLiteral("INSERT INTO items VALUES (?, ?)"), {id, QStringLiteral("row %1").arg(id)}));
        }
        QVERIFY(mqttPublish(m_servers, QStringLiteral("/info/site_a"), poison));
    }
    QSet<QString> all;
    for (int id = 1; id <= kRows; ++id)
        all.insert(QString::number(id));
    SITES_WAIT(sites, tables,
               SiteSet::statusKeys(*a, QStringLiteral("items"), b->client, QStringLiteral("successful")) == all,
               kTimeoutMs);
    QCOMPARE(b->db->count(QStringLiteral("items")), qint64(kRows));
    QVERIFY(SiteSet::sameDumps(*a, *b, QStringLiteral("items")));
    // Nothing of the poison reached sync_status, and the refusal was said at warn.
    QCOMPARE(a->db->count(QStringLiteral("sync_status")), qint64(kRows));
    QVERIFY2(waitUntil([&] { return SiteSet::logged(*a, why.toUtf8()); }, 5000), qPrintable(why));
    QVERIFY(a->engine->log().indexOf("ignored a receipt from site_b") >= 0);
    QVERIFY(a->engine->stop() && b->engine->stop());
}

void TestReceipts::engineTablesUtf8mb4()
{
    // A database whose default character set is latin1 still gets utf8mb4 engine tables, and
    // one made latin1 by an older engine is converted: a key with a 4-byte character fits.
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id VARCHAR(20) NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL) "
                       "CHARACTER SET utf8mb4 ENGINE=InnoDB");
    const QStringList tables{QStringLiteral("items")};
    SiteSet sites(m_servers);
    Site *a = sites.make(QStringLiteral("site_a"), 'A', QStringLiteral("receipts_latin1_a"), {ddl});
    Site *b = sites.make(QStringLiteral("site_b"), 'B', QStringLiteral("receipts_latin1_b"), {ddl});
    QVERIFY(a && b);
    QVERIFY(a->db->exec(QStringLiteral("ALTER DATABASE receipts_latin1_a CHARACTER SET latin1")));
    QVERIFY(b->db->exec(QStringLiteral("ALTER DATABASE receipts_latin1_b CHARACTER SET latin1")));
    // site_b's sync_status as an older engine made it, in latin1.
    QVERIFY(b->db->exec(QStringLiteral(
        "CREATE TABLE sync_status(id VARCHAR(32) PRIMARY KEY NOT NULL, `table_name` VARCHAR(255) NOT NULL, "
        "primary_key VARCHAR(255) NOT NULL, remote VARCHAR(32) NOT NULL, `date` DATETIME NOT NULL, "
        "`status` ENUM('successful', 'pending', 'error') NOT NULL, message VARCHAR(255) NULL) "
        "CHARACTER SET latin1")));
    sites.configure(*a, {b->client}, tables, tables);
    sites.configure(*b, {a->client}, tables, tables);
    QVERIFY(sites.start(*a) && sites.start(*b));
    QVERIFY(sites.waitReady(*a, {b->client}) && sites.waitReady(*b, {a->client}));
    for (Site *s : {a, b}) {
        QCOMPARE(s->db
                     ->scalar(QStringLiteral(
                         "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                         "AND TABLE_NAME IN ('table_changes', 'sync_status') "
                         "AND TABLE_COLLATION LIKE 'utf8mb4%'"))
                     .toInt(),
                 2);
    }
    const QString key = QString::fromUtf8("k\xF0\x9F\x98\x80");
    QVERIFY(b->db->exec(QStringLiteral("INSERT INTO items VALUES (?, 'from b')"), {key}));
    SITES_WAIT(sites, tables,
               SiteSet::statusKeys(*b, QStringLiteral("items"), a->client, QStringLiteral("successful"))
                   == QSet<QString>{key},
               kTimeoutMs);
    QCOMPARE(a->db->scalar(QStringLiteral("SELECT name FROM items WHERE id = ?"), {key}).toString(),
             QStringLiteral("from b"));
    QVERIFY(a->engine->stop() && b->engine->stop());
}

QTEST_GUILESS_MAIN(TestReceipts)
#include "tst_receipts.moc"
