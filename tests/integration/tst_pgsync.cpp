// Issue 17, end to end: a MariaDB site (site_a, harness server A) and a PostgreSQL site
// (site_p, the harness's PostgreSQL server) synchronising through the private broker with real
// mysql-sync daemons: inserts, updates and deletes both ways with an integer and a string key,
// every mapped type compared value for value on both sides, sync_status successful on both,
// hostile messages refused by the PostgreSQL site without writing, the PostgreSQL site's
// engine killed (-9) in the middle of a stream and started again without losing a row, and a
// backlog on the PostgreSQL site refreshing table_changes' statistics (its capture's plan).
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QTest>

#include "EngineProcess.h"
#include "Mqtt.h"
#include "SiteDatabase.h"
#include "SiteSet.h"
#include "SitesTest.h"
#include "TestUtil.h"
#include "WaitUntil.h"
#include "database/Catalog.h"
#include "database/DbConnection.h"
#include "database/RowDigests.h"
#include "database/Schema.h"
#include "database/SyncStatusStore.h"

#include <memory>

using namespace testsupport;

namespace {

const QString kA = QStringLiteral("site_a");
const QString kP = QStringLiteral("site_p");

// Every row of `table` (ordered by its key) as one line of text per row, from expressions
// that print each value in the same form on MariaDB and on PostgreSQL.
QStringList rowsAsText(Site &site, const QString &table, const QStringList &expressions)
{
    QStringList out;
    const QString sql = QStringLiteral("SELECT %1 FROM %2 ORDER BY 1")
                            .arg(expressions.join(QStringLiteral(", ")), site.db->quote(table));
    for (const QVariantMap &row : site.db->rows(sql)) {
        QStringList cells;
        for (int i = 0; i < expressions.size(); ++i) {
            // rows() names columns by alias: c0, c1, ...
            const QVariant v = row.value(QStringLiteral("c%1").arg(i));
            cells << (v.isNull() ? QStringLiteral("NULL") : v.toString());
        }
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}

QStringList aliased(const QStringList &expressions)
{
    QStringList out;
    for (int i = 0; i < expressions.size(); ++i)
        out << QStringLiteral("%1 AS c%2").arg(expressions.at(i)).arg(i);
    return out;
}

// sync_status of `site` for `remote` and `table`: key -> status.
QHash<QString, QString> statuses(Site &site, const QString &table, const QString &remote)
{
    QHash<QString, QString> out;
    const QString sql =
        QStringLiteral("SELECT primary_key, %1 AS s FROM sync_status WHERE %2 = ? AND remote = ?")
            .arg(site.db->quote(QStringLiteral("status")), site.db->quote(QStringLiteral("table_name")));
    for (const QVariantMap &r : site.db->rows(sql, {table, remote}))
        out.insert(r.value(QStringLiteral("primary_key")).toString(), r.value(QStringLiteral("s")).toString());
    return out;
}

bool allSuccessful(Site &site, const QString &table, const QString &remote, const QSet<QString> &keys)
{
    const QHash<QString, QString> s = statuses(site, table, remote);
    if (QSet<QString>(s.keyBegin(), s.keyEnd()) != keys)
        return false;
    for (const QString &v : s) {
        if (v != QLatin1String("successful"))
            return false;
    }
    return true;
}

// verify's row checksums of `table` on the site's database, as the engine computes them.
QList<mysqlsync::ext::RowDigest> digestsOf(Site &site, const QString &table, const QStringList &columns, QString *error)
{
    using namespace mysqlsync;
    auto db = site.db->isPostgres()
        ? std::make_unique<DbConnection>(site.db->postgresConfig(), QStringLiteral("pgsync-digests-p"))
        : std::make_unique<DbConnection>(site.db->engineConfig(), QStringLiteral("pgsync-digests-a"));
    QList<ext::RowDigest> out;
    QHash<QString, TableInfo> tables;
    QStringList problems;
    if (!db->open(error))
        return out;
    if (!Catalog::load(db->db(), {table}, &tables, &problems)) {
        *error = problems.join(QStringLiteral("; "));
        return out;
    }
    RowDigests(tables.value(table), columns).range(db->db(), QString(), QString(), 0, &out, error);
    return out;
}

} // namespace

class TestPgSync : public SitesTest {
    Q_OBJECT
private slots:
    void bothWaysIntegerAndStringKeys();
    void everyMappedType();
    void hostileMessagesRefused();
    void killedMidStream();
    void captureWokenByNotify();
    void backlogAnalysesTableChanges();
    void receiptRuleSameOnBoth();

private:
    // site_a on MariaDB and site_p on PostgreSQL, both running and seeing each other.
    bool startPair(const QString &prefix, const QStringList &mariaDdl, const QStringList &pgDdl,
                   const QStringList &tables, Site **a, Site **p);
    // The same with one table, items (id integer key, name), on both.
    bool startItemsPair(const QString &prefix, Site **a, Site **p);
};

bool TestPgSync::startPair(const QString &prefix, const QStringList &mariaDdl, const QStringList &pgDdl,
                           const QStringList &tables, Site **a, Site **p)
{
    *a = m_sites->make(kA, 'A', prefix + QStringLiteral("_a"), mariaDdl);
    *p = m_sites->make(kP, 'P', prefix + QStringLiteral("_p"), pgDdl);
    if (!*a || !*p)
        return false;
    m_watchedTables = tables;
    m_sites->configure(**a, {kP}, tables, tables);
    m_sites->configure(**p, {kA}, tables, tables);
    return m_sites->start(**a) && m_sites->start(**p) && m_sites->waitReady(**a, {kP}) && m_sites->waitReady(**p, {kA});
}

bool TestPgSync::startItemsPair(const QString &prefix, Site **a, Site **p)
{
    const QStringList maria = {
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)")};
    const QStringList pg = {QStringLiteral("CREATE TABLE items (id integer PRIMARY KEY, name varchar(100) NOT NULL)")};
    return startPair(prefix, maria, pg, {QStringLiteral("items")}, a, p);
}

// ---------------------------------------------------------------------------------------------

void TestPgSync::bothWaysIntegerAndStringKeys()
{
    const QStringList maria = {
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, qty INT NULL)"),
        QStringLiteral("CREATE TABLE people (id VARCHAR(64) NOT NULL PRIMARY KEY, name VARCHAR(100) NULL)"),
    };
    const QStringList pg = {
        QStringLiteral("CREATE TABLE items (id integer PRIMARY KEY, name varchar(100) NOT NULL, qty integer NULL)"),
        QStringLiteral("CREATE TABLE people (id varchar(64) PRIMARY KEY, name varchar(100) NULL)"),
    };
    const QStringList tables = {QStringLiteral("items"), QStringLiteral("people")};
    Site *a = nullptr;
    Site *p = nullptr;
    QVERIFY(startPair(QStringLiteral("tpgsync_both"), maria, pg, tables, &a, &p));

    const QString tricky = QStringLiteral("O'Brien \"q\" \\ ü 😀");
    for (int i = 1; i <= 10; ++i) {
        QVERIFY(a->db->exec(QStringLiteral("INSERT INTO items VALUES (?, ?, ?)"),
                            {i, QStringLiteral("a-%1 '%2'").arg(i).arg(tricky), i * 10}));
        QVERIFY(p->db->exec(QStringLiteral("INSERT INTO items VALUES (?, ?, ?)"),
                            {100 + i, QStringLiteral("p-%1 %2").arg(i).arg(tricky), i % 3 ? QVariant(i) : QVariant()}));
    }
    QVERIFY(a->db->exec(QStringLiteral("INSERT INTO people VALUES (?, ?)"), {tricky, QStringLiteral("from A")}));
    QVERIFY(p->db->exec(QStringLiteral("INSERT INTO people VALUES (?, ?)"), {QStringLiteral("p-key 1"), QVariant()}));
    QVERIFY(p->db->exec(QStringLiteral("INSERT INTO people VALUES (?, ?)"),
                        {QStringLiteral("p-key 2"), QStringLiteral("from P")}));

    const QStringList itemCols = aliased({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("qty")});
    const QStringList peopleCols = aliased({QStringLiteral("id"), QStringLiteral("name")});
    WAIT_FOR(a->db->count(QStringLiteral("items")) == 20 && p->db->count(QStringLiteral("items")) == 20
                 && a->db->count(QStringLiteral("people")) == 3 && p->db->count(QStringLiteral("people")) == 3,
             kSyncTimeoutMs);
    WAIT_FOR(rowsAsText(*a, QStringLiteral("items"), itemCols) == rowsAsText(*p, QStringLiteral("items"), itemCols)
                 && rowsAsText(*a, QStringLiteral("people"), peopleCols)
                     == rowsAsText(*p, QStringLiteral("people"), peopleCols),
             kSyncTimeoutMs);
    QCOMPARE(p->db->scalar(QStringLiteral("SELECT name FROM people WHERE id = ?"), {tricky}).toString(),
             QStringLiteral("from A"));

    // Updates and deletes both ways, of own keys and of keys the other site made.
    QVERIFY(a->db->exec(QStringLiteral("UPDATE items SET qty = qty + 1, name = CONCAT(name, ' upd A') "
                                       "WHERE id IN (1, 2, 101)")));
    QVERIFY(p->db->exec(QStringLiteral("UPDATE items SET qty = 777, name = name || ' upd P' WHERE id IN (3, 102)")));
    QVERIFY(a->db->exec(QStringLiteral("DELETE FROM items WHERE id IN (4, 103)")));
    QVERIFY(p->db->exec(QStringLiteral("DELETE FROM items WHERE id IN (5, 104)")));
    QVERIFY(p->db->exec(QStringLiteral("UPDATE people SET name = 'renamed by P' WHERE id = ?"), {tricky}));
    QVERIFY(a->db->exec(QStringLiteral("DELETE FROM people WHERE id = ?"), {QStringLiteral("p-key 1")}));
    // A key that changes on PostgreSQL: the old key's removal reaches MariaDB too.
    QVERIFY(p->db->exec(QStringLiteral("UPDATE items SET id = 200 WHERE id = 110")));

    WAIT_FOR(a->db->count(QStringLiteral("items")) == 16 && p->db->count(QStringLiteral("items")) == 16
                 && a->db->count(QStringLiteral("people")) == 2
                 && rowsAsText(*a, QStringLiteral("items"), itemCols)
                     == rowsAsText(*p, QStringLiteral("items"), itemCols)
                 && rowsAsText(*a, QStringLiteral("people"), peopleCols)
                     == rowsAsText(*p, QStringLiteral("people"), peopleCols),
             kSyncTimeoutMs);
    QCOMPARE(a->db->scalar(QStringLiteral("SELECT name FROM people WHERE id = ?"), {tricky}).toString(),
             QStringLiteral("renamed by P"));
    QCOMPARE(a->db->scalar(QStringLiteral("SELECT qty FROM items WHERE id = 102")).toInt(), 777);
    QVERIFY(a->db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id = 110")).toInt() == 0);

    // Receipts: what each site sent is 'successful' in its sync_status, under the MD5 id.
    QSet<QString> fromP;
    for (int i = 101; i <= 110; ++i)
        fromP << QString::number(i);
    fromP << QStringLiteral("3") << QStringLiteral("5") << QStringLiteral("200");
    QSet<QString> fromA;
    for (int i = 1; i <= 10; ++i)
        fromA << QString::number(i);
    fromA << QStringLiteral("101") << QStringLiteral("103");
    WAIT_FOR(allSuccessful(*p, QStringLiteral("items"), kA, fromP)
                 && allSuccessful(*a, QStringLiteral("items"), kP, fromA)
                 && allSuccessful(*p, QStringLiteral("people"), kA,
                                  {QStringLiteral("p-key 1"), QStringLiteral("p-key 2"), tricky}),
             kSyncTimeoutMs);
    QCOMPARE(p->db
                 ->scalar(QStringLiteral("SELECT id FROM sync_status WHERE table_name = 'items' AND primary_key = "
                                         "'200' AND remote = ?"),
                          {kA})
                 .toString(),
             statusId(QStringLiteral("items"), QStringLiteral("200"), kA));
    // Rows the engine applied on PostgreSQL were not captured again (no echo back to site_a).
    WAIT_FOR(SiteSet::pendingChanges(*p) == 0 && SiteSet::pendingChanges(*a) == 0, kSyncTimeoutMs);
    QCOMPARE(statuses(*p, QStringLiteral("items"), kA).contains(QStringLiteral("1")), false);
}

// ---------------------------------------------------------------------------------------------

void TestPgSync::everyMappedType()
{
    const QStringList maria = {QStringLiteral(
        "CREATE TABLE vals (id INT NOT NULL PRIMARY KEY, s SMALLINT NULL, i INT NULL, b BIGINT NULL, "
        "n DECIMAL(20,6) NULL, r FLOAT NULL, d DOUBLE NULL, flag TINYINT(1) NULL, t TEXT NULL, v VARCHAR(50) NULL, "
        "c CHAR(5) NULL, dt DATE NULL, tm TIME NULL, ts DATETIME(3) NULL, tz DATETIME NULL, bin VARBINARY(16) NULL, "
        "j JSON NULL, jb LONGTEXT NULL, u CHAR(36) NULL, e ENUM('red', 'green') NULL)")};
    const QStringList pg = {
        QStringLiteral("CREATE TYPE colour AS ENUM ('red', 'green')"),
        QStringLiteral("CREATE TABLE vals (id integer PRIMARY KEY, s smallint, i integer, b bigint, n numeric(20,6), "
                       "r real, d double precision, flag boolean, t text, v varchar(50), c char(5), dt date, "
                       "tm time, ts timestamp(3), tz timestamp(0) with time zone, bin bytea, j json, jb jsonb, "
                       "u uuid, e colour)"),
    };
    Site *a = nullptr;
    Site *p = nullptr;
    QVERIFY(startPair(QStringLiteral("tpgsync_vals"), maria, pg, {QStringLiteral("vals")}, &a, &p));

    const QString text = QStringLiteral("ünï \"q\" 'a' \\ 😀\ttab");
    // Row 1 from MariaDB, row 2 from PostgreSQL, row 3 (NULLs) from each side's opposite.
    QVERIFY(
        a->db->exec(QStringLiteral(
                        "INSERT INTO vals VALUES (1, -32768, 2147483647, 9007199254740993, '12345678901234.123456', "
                        "3.25, 2.718281828459045, 1, ?, 'varchar', 'ab', '2024-02-29', '13:14:15', "
                        "'2024-02-29 13:14:15.120', '2024-03-01 00:00:01', X'0001FF275C', '{\"k\":\"v\"}', "
                        "'{\"a\": [1, 2]}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'green')"),
                    {text}));
    QVERIFY(p->db->exec(QStringLiteral(
                            "INSERT INTO vals VALUES (2, 32767, -2147483648, -9223372036854775808, '-0.000001', "
                            "-1.5, 1e-300, false, ?, '', 'xyz  ', '1970-01-01', '00:00:00', '1999-12-31 23:59:59.999', "
                            "'2038-01-19 03:14:07+00', '\\x00'::bytea, '[1,\"x\"]', '{\"b\": null}', "
                            "'00000000-0000-0000-0000-000000000000', 'red')"),
                        {QString(text + QStringLiteral(" from P"))}));
    QVERIFY(p->db->exec(QStringLiteral("INSERT INTO vals (id) VALUES (3)")));

    const QStringList mariaCols = aliased({
        QStringLiteral("id"),
        QStringLiteral("CAST(s AS CHAR)"),
        QStringLiteral("CAST(i AS CHAR)"),
        QStringLiteral("CAST(b AS CHAR)"),
        QStringLiteral("CAST(n AS CHAR)"),
        QStringLiteral("CAST(r AS CHAR)"),
        QStringLiteral("CAST(d AS CHAR)"),
        QStringLiteral("CAST(flag AS CHAR)"),
        QStringLiteral("t"),
        QStringLiteral("v"),
        QStringLiteral("c"),
        QStringLiteral("CAST(dt AS CHAR)"),
        QStringLiteral("CAST(tm AS CHAR)"),
        QStringLiteral("CAST(ts AS CHAR)"),
        QStringLiteral("CAST(tz AS CHAR)"),
        QStringLiteral("LOWER(HEX(bin))"),
        QStringLiteral("j"),
        QStringLiteral("jb"),
        QStringLiteral("u"),
        QStringLiteral("CAST(e AS CHAR)"),
    });
    const QStringList pgCols = aliased({
        QStringLiteral("id"),
        QStringLiteral("s::text"),
        QStringLiteral("i::text"),
        QStringLiteral("b::text"),
        QStringLiteral("n::text"),
        QStringLiteral("r::text"),
        QStringLiteral("d::text"),
        QStringLiteral("(flag::int)::text"),
        QStringLiteral("t"),
        QStringLiteral("v"),
        QStringLiteral("c::text"),
        QStringLiteral("to_char(dt, 'YYYY-MM-DD')"),
        QStringLiteral("tm::text"),
        QStringLiteral("to_char(ts, 'YYYY-MM-DD HH24:MI:SS.MS')"),
        QStringLiteral("to_char(tz AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')"),
        QStringLiteral("encode(bin, 'hex')"),
        QStringLiteral("j::text"),
        QStringLiteral("jb::text"),
        QStringLiteral("u::text"),
        QStringLiteral("e::text"),
    });
    WAIT_FOR(a->db->count(QStringLiteral("vals")) == 3 && p->db->count(QStringLiteral("vals")) == 3, kSyncTimeoutMs);
    WAIT_FOR(rowsAsText(*a, QStringLiteral("vals"), mariaCols) == rowsAsText(*p, QStringLiteral("vals"), pgCols),
             kSyncTimeoutMs);
    const QStringList rows = rowsAsText(*p, QStringLiteral("vals"), pgCols);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0),
             QStringLiteral("1|-32768|2147483647|9007199254740993|12345678901234.123456|3.25|2.718281828459045|1|")
                 + text
                 + QStringLiteral(
                     "|varchar|ab|2024-02-29|13:14:15|2024-02-29 13:14:15.120|2024-03-01 00:00:01|"
                     "0001ff275c|{\"k\":\"v\"}|{\"a\": [1, 2]}|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|green"));
    QCOMPARE(rows.at(1),
             QStringLiteral("2|32767|-2147483648|-9223372036854775808|-0.000001|-1.5|1e-300|0|") + text
                 + QStringLiteral(" from P||xyz|1970-01-01|00:00:00|1999-12-31 23:59:59.999|2038-01-19 03:14:07|00|"
                                  "[1,\"x\"]|{\"b\": null}|00000000-0000-0000-0000-000000000000|red"));
    QCOMPARE(rows.at(2), QStringLiteral("3") + QStringLiteral("|NULL").repeated(19));

    // Row checksums (verify's canonical form) are the same on both databases for equal rows.
    const QStringList columns = {QStringLiteral("s"),    QStringLiteral("i"),  QStringLiteral("b"),
                                 QStringLiteral("n"),    QStringLiteral("r"),  QStringLiteral("d"),
                                 QStringLiteral("flag"), QStringLiteral("t"),  QStringLiteral("v"),
                                 QStringLiteral("c"),    QStringLiteral("dt"), QStringLiteral("tm"),
                                 QStringLiteral("ts"),   QStringLiteral("tz"), QStringLiteral("bin"),
                                 QStringLiteral("j"),    QStringLiteral("jb"), QStringLiteral("u"),
                                 QStringLiteral("e")};
    QString error;
    const QList<mysqlsync::ext::RowDigest> mariaSums = digestsOf(*a, QStringLiteral("vals"), columns, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<mysqlsync::ext::RowDigest> pgSums = digestsOf(*p, QStringLiteral("vals"), columns, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(mariaSums.size(), 3);
    QCOMPARE(pgSums, mariaSums);

    // An update of every column from MariaDB reaches PostgreSQL as well.
    QVERIFY(a->db->exec(QStringLiteral("UPDATE vals SET s = 7, n = '0.500000', flag = 0, dt = '2000-01-02', "
                                       "ts = '2000-01-02 03:04:05.006', bin = X'', e = 'red', u = NULL WHERE id = 1")));
    WAIT_FOR(rowsAsText(*a, QStringLiteral("vals"), mariaCols) == rowsAsText(*p, QStringLiteral("vals"), pgCols)
                 && p->db->scalar(QStringLiteral("SELECT s FROM vals WHERE id = 1")).toInt() == 7,
             kSyncTimeoutMs);
    WAIT_FOR(allSuccessful(*p, QStringLiteral("vals"), kA, {QStringLiteral("2"), QStringLiteral("3")})
                 && allSuccessful(*a, QStringLiteral("vals"), kP, {QStringLiteral("1")}),
             kSyncTimeoutMs);
}

// ---------------------------------------------------------------------------------------------

void TestPgSync::hostileMessagesRefused()
{
    const QStringList maria = {
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, qty INT NULL)")};
    const QStringList pg = {
        QStringLiteral("CREATE TABLE items (id integer PRIMARY KEY, name varchar(100) NOT NULL, qty integer NULL, "
                       "day date NULL)")};
    Site *p = m_sites->make(kP, 'P', QStringLiteral("tpgsync_hostile_p"), pg);
    QVERIFY(p);
    m_watchedTables = {QStringLiteral("items")};
    // The test plays site_a itself: raw payloads on /change/site_p, receipts on /info/site_a.
    m_sites->configure(*p, {kA}, {QStringLiteral("items")}, {QStringLiteral("items")});
    MqttSubscriber receipts(m_servers, QStringLiteral("/info/") + kA);
    QVERIFY(receipts.isReady());
    QVERIFY(m_sites->start(*p));
    QVERIFY(m_sites->waitReady(*p, {}));
    // site_a online for an hour: receipts are sent at once, not queued for it.
    const QJsonObject connected{{QStringLiteral("sender"), kA},
                                {QStringLiteral("message"), QStringLiteral("connected")},
                                {QStringLiteral("args"),
                                 QJsonObject{
                                     {QStringLiteral("until"), QDateTime::currentMSecsSinceEpoch() + 3600000}}}};
    QVERIFY(mqttPublish(m_servers, QStringLiteral("/info"), QJsonDocument(connected).toJson(QJsonDocument::Compact)));
    QVERIFY(m_sites->waitReady(*p, {kA}));

    qint64 date = QDateTime::currentMSecsSinceEpoch();
    auto send = [&](const QJsonValue &id, const QJsonValue &entity) {
        QJsonObject o{{QStringLiteral("sender"), kA},
                      {QStringLiteral("table"), QStringLiteral("items")},
                      {QStringLiteral("id"), id},
                      {QStringLiteral("date"), ++date},
                      {QStringLiteral("entity"), entity}};
        return mqttPublish(m_servers, QStringLiteral("/change/") + kP, QJsonDocument(o).toJson(QJsonDocument::Compact));
    };
    auto receiptFor = [&](qint64 d, const QString &kind) {
        const QString needle = QStringLiteral("\"date\":%1").arg(d);
        if (!receipts.waitForLine(needle, 20000))
            return QString();
        for (const QString &line : receipts.lines(needle)) {
            if (line.contains(QStringLiteral("\"message\":\"%1\"").arg(kind)))
                return line;
        }
        return QString();
    };

    // Wrong types: a string and an array for an integer column, a date that does not exist.
    QVERIFY(send(QStringLiteral("1"),
                 QJsonObject{{QStringLiteral("id"), QStringLiteral("1")},
                             {QStringLiteral("name"), QStringLiteral("x")},
                             {QStringLiteral("qty"), QStringLiteral("abc")}}));
    QVERIFY2(!receiptFor(date, QStringLiteral("error")).isEmpty(), "no error receipt for a string in an int column");
    QVERIFY(send(QStringLiteral("2"),
                 QJsonObject{{QStringLiteral("id"), QStringLiteral("2")},
                             {QStringLiteral("name"), QStringLiteral("x")},
                             {QStringLiteral("qty"), QJsonArray{1, 2}}}));
    QVERIFY2(!receiptFor(date, QStringLiteral("error")).isEmpty(), "no error receipt for an array in an int column");
    QVERIFY(send(QStringLiteral("3"),
                 QJsonObject{{QStringLiteral("id"), QStringLiteral("3")},
                             {QStringLiteral("name"), QStringLiteral("x")},
                             {QStringLiteral("day"), QStringLiteral("2024-02-30")}}));
    const QString badDate = receiptFor(date, QStringLiteral("error"));
    QVERIFY2(!badDate.isEmpty(), "no error receipt for an impossible date");
    // An unknown column, and an id that does not match the entity's key.
    QVERIFY(send(QStringLiteral("4"),
                 QJsonObject{{QStringLiteral("id"), QStringLiteral("4")},
                             {QStringLiteral("name"), QStringLiteral("x")},
                             {QStringLiteral("evil\"; DROP TABLE items; --"), 1}}));
    const QString unknown = receiptFor(date, QStringLiteral("error"));
    QVERIFY2(unknown.contains(QStringLiteral("Unknown column")), qPrintable(unknown));
    QVERIFY(
        send(QStringLiteral("5"),
             QJsonObject{{QStringLiteral("id"), QStringLiteral("6")}, {QStringLiteral("name"), QStringLiteral("x")}}));
    const QString mismatch = receiptFor(date, QStringLiteral("error"));
    QVERIFY2(mismatch.contains(QStringLiteral("Sent id does not match entity id!")), qPrintable(mismatch));
    // A NOT NULL violation that only the server sees: refused by PostgreSQL, the next row still written.
    QVERIFY(send(QStringLiteral("7"),
                 QJsonObject{{QStringLiteral("id"), QStringLiteral("7")}, {QStringLiteral("name"), QJsonValue::Null}}));
    QVERIFY2(!receiptFor(date, QStringLiteral("error")).isEmpty(), "no error receipt for a NULL in a NOT NULL column");
    QCOMPARE(p->db->count(QStringLiteral("items")), 0);

    // A valid change afterwards is written: the engine kept running and its session is sound.
    QVERIFY(send(QStringLiteral("8"),
                 QJsonObject{{QStringLiteral("id"), QStringLiteral("8")},
                             {QStringLiteral("name"), QStringLiteral("fine")},
                             {QStringLiteral("day"), QStringLiteral("2024-02-29")}}));
    QVERIFY(!receiptFor(date, QStringLiteral("data_received")).isEmpty());
    QCOMPARE(p->db->count(QStringLiteral("items")), 1);
    QCOMPARE(p->db->scalar(QStringLiteral("SELECT to_char(day, 'YYYY-MM-DD') FROM items WHERE id = 8")).toString(),
             QStringLiteral("2024-02-29"));
    QVERIFY(p->engine->isRunning());
    // The table still has exactly its columns (nothing was executed from the hostile names).
    QCOMPARE(p->db
                 ->scalar(QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE table_name = 'items' "
                                         "AND table_schema = 'public'"))
                 .toInt(),
             4);
    Q_UNUSED(maria);
}

// ---------------------------------------------------------------------------------------------

void TestPgSync::killedMidStream()
{
    Site *a = nullptr;
    Site *p = nullptr;
    QVERIFY(startItemsPair(QStringLiteral("tpgsync_kill"), &a, &p));

    // Both sites write a stream of rows; the PostgreSQL site's engine is killed while rows
    // are on their way in both directions, the writes go on, and it is started again.
    constexpr int kRows = 400;
    int written = 0;
    auto writeSome = [&](int n) {
        for (int k = 0; k < n && written < kRows; ++k, ++written) {
            if (!a->db->exec(QStringLiteral("INSERT INTO items VALUES (?, 'from a')"), {written + 1})
                || !p->db->exec(QStringLiteral("INSERT INTO items VALUES (?, 'from p')"), {100000 + written + 1}))
                return false;
        }
        return true;
    };
    QVERIFY(writeSome(100));
    WAIT_FOR(p->db->count(QStringLiteral("items")) > 100 && a->db->count(QStringLiteral("items")) > 100,
             kSyncTimeoutMs);
    p->engine->kill9();
    QVERIFY(writeSome(200));
    QVERIFY(m_sites->start(*p));
    QVERIFY(writeSome(kRows));
    QVERIFY(m_sites->waitReady(*p, {kA}));

    const QStringList cols = aliased({QStringLiteral("id"), QStringLiteral("name")});
    WAIT_FOR(a->db->count(QStringLiteral("items")) == 2 * kRows && p->db->count(QStringLiteral("items")) == 2 * kRows,
             kSyncTimeoutMs * 2);
    QCOMPARE(rowsAsText(*a, QStringLiteral("items"), cols), rowsAsText(*p, QStringLiteral("items"), cols));
    QSet<QString> fromP;
    for (int i = 1; i <= kRows; ++i)
        fromP << QString::number(100000 + i);
    WAIT_FOR(allSuccessful(*p, QStringLiteral("items"), kA, fromP) && SiteSet::pendingChanges(*p) == 0, kSyncTimeoutMs);
}

// ---------------------------------------------------------------------------------------------

void TestPgSync::captureWokenByNotify()
{
    Site *a = nullptr;
    Site *p = nullptr;
    QVERIFY(startItemsPair(QStringLiteral("tpgsync_notify"), &a, &p));
    QVERIFY(SiteSet::logged(*p, "capture woken by notifications on mysql_sync_changes"));

    // An idle PostgreSQL site looks at table_changes once a second only (a safety net): rows
    // that reach MariaDB well within that were captured because the trigger's NOTIFY woke it.
    // Without the notification each row would wait half a second on average.
    const QList<qint64> took = timeArrivals(
        10, [&](int i) { return p->db->exec(QStringLiteral("INSERT INTO items VALUES (?, 'n')"), {i + 1}); },
        [&](int i) {
            return a->db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id = ?"), {i + 1}).toInt() == 1;
        },
        kSyncTimeoutMs);
    QCOMPARE(took.size(), 10);
    QVERIFY2(countBelow(took, 300) >= 8, qPrintable(describeTimes(took)));
}

// ---------------------------------------------------------------------------------------------

void TestPgSync::backlogAnalysesTableChanges()
{
    Site *a = nullptr;
    Site *p = nullptr;
    QVERIFY(startItemsPair(QStringLiteral("tpgsync_backlog"), &a, &p));
    // A fresh table_changes has no statistics (reltuples -1 since PostgreSQL 14): the planner
    // would read and sort all of it at every capture of a backlog.
    const QString reltuples = QStringLiteral("SELECT reltuples FROM pg_class WHERE oid = 'table_changes'::regclass");
    QCOMPARE(p->db->scalar(reltuples).toDouble(), -1.0);

    // More rows in one commit than a capture takes (the send window's room): a backlog, and
    // the engine refreshes the statistics of table_changes as it begins.
    constexpr int kRows = 3000;
    QVERIFY(p->db->exec(
        QStringLiteral("INSERT INTO items SELECT g, 'burst ' || g FROM generate_series(1, %1) g").arg(kRows)));
    WAIT_FOR(a->db->count(QStringLiteral("items")) == kRows, kSyncTimeoutMs * 2);
    QVERIFY2(p->db->scalar(reltuples).toDouble() >= 0, "table_changes was not analysed when the backlog began");
}

// ---------------------------------------------------------------------------------------------

void TestPgSync::receiptRuleSameOnBoth()
{
    // The same sequences of pending rows and receipts, in one multi-row statement (several
    // updates of one id: PostgreSQL folds them first) and one statement each, leave the same
    // sync_status rows on MariaDB and on PostgreSQL.
    using mysqlsync::StatusUpdate;
    using mysqlsync::SyncStatus;
    const qint64 t1 = 1767225600000;
    const qint64 t2 = t1 + 5000;
    auto u = [](const QString &key, SyncStatus status, qint64 date, const QString &message = QString()) {
        return StatusUpdate{QStringLiteral("items"), key, kA, status, message, date};
    };
    const QList<StatusUpdate> receipts = {
        u(QStringLiteral("1"), SyncStatus::Error, t1, QStringLiteral("e1")),
        u(QStringLiteral("1"), SyncStatus::Successful, t1), // an error stays for the same date
        u(QStringLiteral("2"), SyncStatus::Successful, t2),
        u(QStringLiteral("2"), SyncStatus::Error, t1, QStringLiteral("older")), // older: ignored
        u(QStringLiteral("3"), SyncStatus::Error, t1, QStringLiteral("e3")),
        u(QStringLiteral("3"), SyncStatus::Successful, t2), // newer: replaces the error
        u(QStringLiteral("4"), SyncStatus::Successful, t1),
        u(QStringLiteral("4"), SyncStatus::Error, t1, QStringLiteral("e4")), // error over success
        u(QStringLiteral("4"), SyncStatus::Successful, t1),
        u(QStringLiteral("5"), SyncStatus::Successful, t1),
    };
    const QList<StatusUpdate> pending = {u(QStringLiteral("5"), SyncStatus::Pending, t1),
                                         u(QStringLiteral("6"), SyncStatus::Pending, t1),
                                         u(QStringLiteral("6"), SyncStatus::Pending, t2)};
    QHash<QString, QStringList> results; // "A1", "P1" (multi-row), "A2", "P2" (one by one)
    for (char server : {'A', 'P'}) {
        for (int oneByOne = 0; oneByOne < 2; ++oneByOne) {
            SiteDatabase db(m_servers, server, QStringLiteral("tpgsync_receipts"));
            QVERIFY2(db.isOpen(), qPrintable(db.lastError()));
            QString error;
            QVERIFY2(mysqlsync::Schema::install(db.database(), server == 'A', {}, &error), qPrintable(error));
            QList<mysqlsync::RefusedStatusRow> refused;
            QSqlError sqlError;
            if (oneByOne) {
                for (const StatusUpdate &p : pending)
                    QVERIFY(mysqlsync::SyncStatusStore::write(db.database(), {p}, {}, &refused, &sqlError));
                for (const StatusUpdate &r : receipts)
                    QVERIFY(mysqlsync::SyncStatusStore::write(db.database(), {}, {r}, &refused, &sqlError));
            } else {
                QVERIFY(mysqlsync::SyncStatusStore::write(db.database(), pending, receipts, &refused, &sqlError));
            }
            QVERIFY(refused.isEmpty());
            const QString epoch = server == 'A' ? QStringLiteral("UNIX_TIMESTAMP(`date`)")
                                                : QStringLiteral("CAST(extract(epoch FROM \"date\") AS bigint)");
            const QString status = server == 'A' ? QStringLiteral("CAST(`status` AS CHAR)") : QStringLiteral("status");
            QStringList rows;
            for (const QVariantMap &r :
                 db.rows(QStringLiteral("SELECT id, primary_key AS k, %1 AS s, %2 AS d, message AS m FROM sync_status "
                                        "ORDER BY primary_key")
                             .arg(status, epoch))) {
                rows << QStringLiteral("%1 %2 %3 %4 %5")
                            .arg(r.value(QStringLiteral("id")).toString(), r.value(QStringLiteral("k")).toString(),
                                 r.value(QStringLiteral("s")).toString(), r.value(QStringLiteral("d")).toString(),
                                 r.value(QStringLiteral("m")).isNull() ? QStringLiteral("NULL")
                                                                       : r.value(QStringLiteral("m")).toString());
            }
            results.insert(QString(QLatin1Char(server)) + QString::number(oneByOne + 1), rows);
        }
    }
    const QString s1 = QString::number(t1 / 1000);
    const QString s2 = QString::number(t2 / 1000);
    const QStringList expected = {
        statusId(QStringLiteral("items"), QStringLiteral("1"), kA) + QStringLiteral(" 1 error ") + s1
            + QStringLiteral(" e1"),
        statusId(QStringLiteral("items"), QStringLiteral("2"), kA) + QStringLiteral(" 2 successful ") + s2
            + QStringLiteral(" NULL"),
        statusId(QStringLiteral("items"), QStringLiteral("3"), kA) + QStringLiteral(" 3 successful ") + s2
            + QStringLiteral(" NULL"),
        statusId(QStringLiteral("items"), QStringLiteral("4"), kA) + QStringLiteral(" 4 error ") + s1
            + QStringLiteral(" e4"),
        statusId(QStringLiteral("items"), QStringLiteral("5"), kA) + QStringLiteral(" 5 successful ") + s1
            + QStringLiteral(" NULL"),
        statusId(QStringLiteral("items"), QStringLiteral("6"), kA) + QStringLiteral(" 6 pending ") + s2
            + QStringLiteral(" NULL"),
    };
    QCOMPARE(results.value(QStringLiteral("A1")), expected);
    QCOMPARE(results.value(QStringLiteral("A2")), expected);
    QCOMPARE(results.value(QStringLiteral("P1")), expected);
    QCOMPARE(results.value(QStringLiteral("P2")), expected);
}

QTEST_GUILESS_MAIN(TestPgSync)
#include "tst_pgsync.moc"
