// Table and column mapping between real engines (issue 16): a table received into a local
// table of another name with other column names (a local-only column keeps its value), update
// rights on some columns only, refused deletes and inserts answered with an `error` in the
// sender's sync_status naming the rule, a table published under another name and only some
// of its columns, filtered columns never on the wire (per-row and batch path), a bidirectional
// mapped table both ways, and --check naming each mapping error.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "EngineProcess.h"
#include "Mqtt.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "SiteSet.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {

constexpr int kTimeoutMs = 45000;
const QString kSecret = QStringLiteral("s3cr3t-hash-value");

QJsonArray json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).array();
}

QString status(Site &site, const QString &table, const QString &key, QString *message = nullptr)
{
    const QString s = site.db->scalar(QStringLiteral("SELECT status FROM sync_status WHERE table_name = ? AND "
                                                     "primary_key = ?"),
                                      {table, key})
                          .toString();
    if (message)
        *message = site.db->scalar(QStringLiteral("SELECT message FROM sync_status WHERE table_name = ? AND "
                                                  "primary_key = ?"),
                                   {table, key})
                       .toString();
    return s;
}

int linesStartingWith(const QStringList &lines, const QString &prefix)
{
    int n = 0;
    for (const QString &line : lines)
        n += line.startsWith(prefix) ? 1 : 0;
    return n;
}

} // namespace

class TestMapping : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void mappedTablesRightsAndFilters_data();
    void mappedTablesRightsAndFilters();
    void bidirectionalMappedTable();
    void checkNamesMappingErrors();

private:
    Servers m_servers;
    std::unique_ptr<SiteSet> m_sites;
    QStringList m_watchedTables;
};

#define WAIT_FOR(cond, timeoutMs) SITES_WAIT(*m_sites, m_watchedTables, cond, timeoutMs)

void TestMapping::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    QVERIFY2(!EngineProcess::daemonPath().isEmpty(), "MYSQL_SYNC_DAEMON is not set");
}

void TestMapping::init()
{
    m_sites = std::make_unique<SiteSet>(m_servers);
}

void TestMapping::cleanup()
{
    m_sites.reset();
    m_watchedTables.clear();
}

void TestMapping::mappedTablesRightsAndFilters_data()
{
    QTest::addColumn<bool>("batches");
    QTest::newRow("per-row") << false;
    QTest::newRow("batch") << true;
}

void TestMapping::mappedTablesRightsAndFilters()
{
    QFETCH(bool, batches);
    // A sends `items` as it is (but never `secret`) and `prices` as "fixed" with `amount` as
    // "value"; B takes "items" into `stock` (name -> title, qty -> quantity; only quantity
    // may change, no deletes) and "fixed" into `frozen` (no inserts).
    const QStringList ddlA = {
        QStringLiteral("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(50), qty INT, secret VARCHAR(50))"),
        QStringLiteral("CREATE TABLE prices (id INT PRIMARY KEY, amount INT, internal VARCHAR(50))"),
    };
    const QStringList ddlB = {
        QStringLiteral("CREATE TABLE stock (id INT PRIMARY KEY, title VARCHAR(50), quantity INT, "
                       "local_note VARCHAR(50))"),
        QStringLiteral("CREATE TABLE frozen (id INT PRIMARY KEY, value INT, internal VARCHAR(50))"),
    };
    SITES_MAKE(*m_sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("tmap_a"), ddlA);
    SITES_MAKE(*m_sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("tmap_b"), ddlB);
    m_watchedTables = {QStringLiteral("items"), QStringLiteral("prices"), QStringLiteral("stock"),
                       QStringLiteral("frozen")};
    const QJsonObject extensions{{QStringLiteral("enabled"), batches}, {QStringLiteral("compress"), false}};
    m_sites->configure(
        a, {b.client}, {}, {},
        {{QStringLiteral("syncTables"),
          json(R"(["items", {"table": "prices", "as": "fixed", "columns": {"id": "id", "amount": "value"}}])")},
         {QStringLiteral("filters"), QJsonArray{QStringLiteral("items.secret")}},
         {QStringLiteral("extensions"), extensions}});
    m_sites->configure(b, {a.client}, {}, {},
                       {{QStringLiteral("receiveTables"),
                         json(R"([{"table": "stock", "from": "items", "columns": {"id": "id", "name": "title",
                                   "qty": "quantity"}, "update": ["quantity"], "delete": false},
                                  {"table": "frozen", "from": "fixed", "insert": false}])")},
                        {QStringLiteral("extensions"), extensions}});
    MqttSubscriber wire(m_servers, {QStringLiteral("/change/#"), QStringLiteral("/mysql-sync/#")});
    QVERIFY(wire.isReady());
    QVERIFY(m_sites->start(a));
    QVERIFY(m_sites->start(b));
    QVERIFY(m_sites->waitReady(a, {b.client}));
    QVERIFY(m_sites->waitReady(b, {a.client}));
    if (batches)
        QVERIFY(waitUntil([&] { return SiteSet::logged(a, "site_b is served on the batch path"); }, 15000));

    // 1. Inserts arrive in the other table under the other column names; `secret` stays home.
    QVERIFY(b.db->exec(QStringLiteral("INSERT INTO frozen VALUES (1, 0, 'b-only')")));
    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO items VALUES (1, 'bolt', 7, ?), (2, 'nut', 9, ?), "
                                      "(3, 'gear', 1, ?)"),
                       {kSecret, kSecret, kSecret}));
    WAIT_FOR(b.db->count(QStringLiteral("stock")) == 3 && status(a, QStringLiteral("items"), QStringLiteral("3"))
                 == QLatin1String("successful"),
             kTimeoutMs);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT CONCAT(title, '/', quantity) FROM stock WHERE id = 1")).toString(),
             QStringLiteral("bolt/7"));
    QVERIFY(b.db->exec(QStringLiteral("UPDATE stock SET local_note = 'keep' WHERE id = 1")));

    // 2. An update of name and qty changes only quantity; the local-only column keeps its value.
    QVERIFY(a.db->exec(QStringLiteral("UPDATE items SET name = 'renamed', qty = 70 WHERE id = 1")));
    WAIT_FOR(b.db->scalar(QStringLiteral("SELECT quantity FROM stock WHERE id = 1")).toInt() == 70, kTimeoutMs);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT title FROM stock WHERE id = 1")).toString(), QStringLiteral("bolt"));
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT local_note FROM stock WHERE id = 1")).toString(),
             QStringLiteral("keep"));
    WAIT_FOR(status(a, QStringLiteral("items"), QStringLiteral("1")) == QLatin1String("successful"), kTimeoutMs);

    // 3. A refused delete: an error in A's sync_status naming the rule; the row stays on B.
    QVERIFY(a.db->exec(QStringLiteral("DELETE FROM items WHERE id = 2")));
    QString message;
    WAIT_FOR(status(a, QStringLiteral("items"), QStringLiteral("2"), &message) == QLatin1String("error"), kTimeoutMs);
    QVERIFY2(message.contains(QLatin1String("\"delete\": false")) && message.contains(QLatin1String("stock")),
             qPrintable(message));
    QCOMPARE(b.db->count(QStringLiteral("stock")), qint64(3));

    // 4. A table published under another name (its listed columns only) arrives at the site
    //    that receives that name; an insert there is refused by "insert": false.
    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO prices VALUES (1, 5, 'a-only'), (2, 6, 'a-only')")));
    WAIT_FOR(status(a, QStringLiteral("prices"), QStringLiteral("2"), &message) == QLatin1String("error")
                 && status(a, QStringLiteral("prices"), QStringLiteral("1")) == QLatin1String("successful"),
             kTimeoutMs);
    QVERIFY2(message.contains(QLatin1String("\"insert\": false")) && message.contains(QLatin1String("frozen")),
             qPrintable(message));
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT CONCAT(value, '/', internal) FROM frozen WHERE id = 1")).toString(),
             QStringLiteral("5/b-only"));
    QCOMPARE(b.db->count(QStringLiteral("frozen")), qint64(1));
    QCOMPARE(SiteSet::unsettled(a, b.client), 2); // the two refusals

    // 5. On the wire: the path asked for, the mapped names, and never the filtered column.
    const QStringList lines = wire.lines();
    const int perRow = linesStartingWith(lines, QStringLiteral("/change/site_b "));
    const int batched = linesStartingWith(lines, QStringLiteral("/mysql-sync/site_a/batch/site_b "));
    qInfo() << "per-row changes:" << perRow << "batches:" << batched;
    if (batches) {
        QVERIFY(batched >= 1);
        QCOMPARE(perRow, 0);
    } else {
        QVERIFY(perRow >= 7);
        QCOMPARE(batched, 0);
    }
    const QString all = lines.join(QLatin1Char('\n'));
    QVERIFY(all.contains(QLatin1String("\"bolt\"")));         // the rows are readable on the wire
    QVERIFY(all.contains(QLatin1String("\"table\":\"fixed\""))); // published under "as"
    QVERIFY(!all.contains(kSecret));
    QVERIFY(!all.contains(QLatin1String("\"secret\"")));
    QVERIFY(!all.contains(QLatin1String("\"amount\"")));  // renamed
    QVERIFY(!all.contains(QLatin1String("a-only")));      // not among the published columns
    QVERIFY(!all.contains(QLatin1String("\"prices\""))); // the local name stays home
}

void TestMapping::bidirectionalMappedTable()
{
    // A keeps `users` (with a password hash) and publishes it as "members" (id, name); B has
    // `members` plainly in both lists. A's receiveTables names `users` as a string: the
    // mapping applies both ways.
    SITES_MAKE(*m_sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("tmap_bi_a"),
               QStringList{QStringLiteral("CREATE TABLE users (id INT PRIMARY KEY, full_name VARCHAR(50), "
                                          "pw VARCHAR(50))")});
    SITES_MAKE(*m_sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("tmap_bi_b"),
               QStringList{QStringLiteral("CREATE TABLE members (id INT PRIMARY KEY, name VARCHAR(50))")});
    m_watchedTables = {QStringLiteral("users"), QStringLiteral("members")};
    m_sites->configure(a, {b.client}, {}, {QStringLiteral("users")},
                       {{QStringLiteral("syncTables"), json(R"([{"table": "users", "as": "members",
                                                               "columns": {"id": "id", "full_name": "name"}}])")}});
    const QStringList members{QStringLiteral("members")};
    m_sites->configure(b, {a.client}, members, members);
    QVERIFY(m_sites->start(a));
    QVERIFY(m_sites->start(b));
    QVERIFY(m_sites->waitReady(a, {b.client}));
    QVERIFY(m_sites->waitReady(b, {a.client}));

    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO users VALUES (1, 'Ann', ?)"), {kSecret}));
    WAIT_FOR(b.db->scalar(QStringLiteral("SELECT name FROM members WHERE id = 1")).toString() == QLatin1String("Ann")
                 && status(a, QStringLiteral("users"), QStringLiteral("1")) == QLatin1String("successful"),
             kTimeoutMs);
    QVERIFY(b.db->exec(QStringLiteral("UPDATE members SET name = 'Ann B.' WHERE id = 1")));
    QVERIFY(b.db->exec(QStringLiteral("INSERT INTO members VALUES (2, 'Bob')")));
    WAIT_FOR(a.db->scalar(QStringLiteral("SELECT full_name FROM users WHERE id = 1")).toString()
                     == QLatin1String("Ann B.")
                 && a.db->count(QStringLiteral("users")) == 2
                 && status(b, QStringLiteral("members"), QStringLiteral("2")) == QLatin1String("successful")
                 && status(b, QStringLiteral("members"), QStringLiteral("1")) == QLatin1String("successful"),
             kTimeoutMs);
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT pw FROM users WHERE id = 1")).toString(), kSecret);
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT full_name FROM users WHERE id = 2")).toString(),
             QStringLiteral("Bob"));
    QCOMPARE(SiteSet::unsettled(a, b.client), 0);
    QCOMPARE(SiteSet::unsettled(b, a.client), 0);
}

void TestMapping::checkNamesMappingErrors()
{
    SiteDatabase db(m_servers, 'A', QStringLiteral("tmap_check"));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(20), pw VARCHAR(20))")));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE stock (id INT PRIMARY KEY, title VARCHAR(20), quantity INT)")));
    QJsonObject config = EngineProcess::config(m_servers, 'A', db.databaseName(), QStringLiteral("site_a"),
                                               {QStringLiteral("site_b")}, {}, {});
    config.insert(QStringLiteral("syncTables"),
                  json(R"([{"table": "users", "as": "members", "columns": {"name": "name"}}])"));
    config.insert(QStringLiteral("receiveTables"),
                  json(R"([{"table": "stock", "from": "items", "columns": {"id": "id", "qty": "qty"},
                            "update": ["quantity"]}])"));
    config.insert(QStringLiteral("filters"), QJsonArray{QStringLiteral("users.password")});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mapping.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(config).toJson());
    file.close();

    QProcess check;
    check.start(EngineProcess::daemonPath(), {QStringLiteral("--check"), path});
    QVERIFY(check.waitForFinished(60000));
    const QString out = QString::fromUtf8(check.readAllStandardOutput() + check.readAllStandardError());
    QCOMPARE(check.exitCode(), 1);
    // The first error ConfigLoader finds is reported alone (update names an unmapped column).
    QVERIFY2(out.contains(path + QStringLiteral(": receiveTables[0].update[0]: `quantity` is not a local column that "
                                                "\"columns\" of table `stock` maps onto")),
             qPrintable(out));

    // With that fixed, every catalogue problem is named, each with the file, key and table.
    config.insert(QStringLiteral("receiveTables"),
                  json(R"([{"table": "stock", "from": "items", "columns": {"id": "id", "qty": "qty"},
                            "update": ["qty"]}])"));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(config).toJson());
    file.close();
    check.start(EngineProcess::daemonPath(), {QStringLiteral("--check"), path});
    QVERIFY(check.waitForFinished(60000));
    const QString out2 = QString::fromUtf8(check.readAllStandardOutput() + check.readAllStandardError());
    QCOMPARE(check.exitCode(), 1);
    for (const QString &expected :
         QStringList{path + QStringLiteral(": syncTables[0].columns: does not map the primary key `id` of table `users`"),
          path + QStringLiteral(": receiveTables[0].columns.qty: table `stock` has no column `qty`"),
          path + QStringLiteral(": filters[0]: table `users` has no column `password`"),
          QStringLiteral("check FAILED")})
        QVERIFY2(out2.contains(expected), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(expected, out2)));

    // Two remote columns onto one local column: a configuration error naming both.
    config.insert(QStringLiteral("receiveTables"),
                  json(R"([{"table": "stock", "columns": {"id": "id", "name": "title", "label": "title"}}])"));
    config.insert(QStringLiteral("syncTables"), QJsonArray{QStringLiteral("users")});
    config.insert(QStringLiteral("filters"), QJsonArray{QStringLiteral("users.pw")});
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(config).toJson());
    file.close();
    check.start(EngineProcess::daemonPath(), {QStringLiteral("--check"), path});
    QVERIFY(check.waitForFinished(60000));
    const QString out3 = QString::fromUtf8(check.readAllStandardOutput() + check.readAllStandardError());
    QVERIFY(check.exitCode() != 0);
    QVERIFY2(out3.contains(path + QStringLiteral(": receiveTables[0].columns.name: maps onto local column `title`, as "
                                                 "\"label\" does: two columns would land on one")),
             qPrintable(out3));
}

QTEST_GUILESS_MAIN(TestMapping)
#include "tst_mapping.moc"
