// End-to-end synchronisation between real engines (the mysql-sync daemon) on the private
// MariaDB servers and broker of the test harness: inserts, updates and deletes both ways,
// every value type of the codec table (docs/protocol.md), primary-key changes, a bulk
// transaction, relaying through a third bidirectional site without echoes, and a remote
// that is offline while changes are made.
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

#include <iterator>
#include <memory>

#include "EngineProcess.h"
#include "Mqtt.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {

constexpr int kStartTimeoutMs = 30000;
constexpr int kSyncTimeoutMs = 45000;

// One site of a test: its database (as the test sees it) and its engine.
struct Site {
    QString client;
    char server = 'A';
    std::unique_ptr<SiteDatabase> db;
    std::unique_ptr<EngineProcess> engine;
    int logOffset = 0;   // where the current run's output starts in engine->log()
};

QString statusId(const QString &table, const QString &key, const QString &remote)
{
    return QString::fromLatin1(
        QCryptographicHash::hash((table + QLatin1Char('-') + key + QLatin1Char('-') + remote).toUtf8(),
                                 QCryptographicHash::Md5).toHex());
}

QString truncated(const QString &text, int max = 6000)
{
    return text.size() <= max ? text : text.left(max) + QStringLiteral("\n... (%1 more characters)").arg(text.size() - max);
}

} // namespace

class TestSync : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void bothWaysIntegerAndStringKeys();
    void everyCodecType();
    void deletesAndKeyChanges();
    void manyRowsInOneTransaction();
    void threeSitesRelayWithoutEcho();
    void remoteOffline();

private:
    // Creates the database of a site (fresh) and runs `ddl` in it.
    bool makeSite(Site &site, const QString &client, char server, const QString &database, const QStringList &ddl);
    void configureEngine(Site &site, const QStringList &remotes, const QStringList &syncTables,
                         const QStringList &receiveTables);
    bool startEngine(Site &site);
    // The engine's current run has its database ready (tables, triggers), is subscribed and
    // sees every remote in `online` as online.
    bool waitReady(Site &site, const QStringList &online, int timeoutMs = kStartTimeoutMs);

    // sync_status of `site` for `remote`: the keys of `table` with `status`.
    static QSet<QString> statusKeys(Site &site, const QString &table, const QString &remote, const QString &status);
    // Rows of sync_status for `remote` that are not 'successful'.
    static qint64 unsettledCount(Site &site, const QString &remote);
    // Every key of `expected` is 'successful' for `remote`, nothing else of the table is there.
    static bool allSuccessful(Site &site, const QString &table, const QString &remote, const QSet<QString> &expected);
    static bool sameDumps(Site &a, Site &b, const QString &table, const QString &orderBy = QStringLiteral("1"));
    static qint64 pendingChanges(Site &site) { return site.db->count(QStringLiteral("table_changes")); }

    // Everything the watched sites hold, for a failure message.
    void diagnostics(const QString &why);

    Servers m_servers;
    QList<Site *> m_watched;
    QStringList m_watchedTables;
};

// Waits for `cond` (re-evaluated while the event loop spins); on timeout prints the state of
// every site of the test and fails it. The engines print their logs when they are destroyed.
#define WAIT_FOR(cond, timeoutMs)                                                                                \
    do {                                                                                                         \
        if (!waitUntil([&]() -> bool { return bool(cond); }, (timeoutMs), 100)) {                              \
            const QString why_ = QStringLiteral("timed out after %1 ms waiting for: %2").arg(timeoutMs).arg(QString::fromUtf8(#cond)); \
            diagnostics(why_);                                                                                   \
            QFAIL(qPrintable(why_));                                                                             \
        }                                                                                                        \
    } while (false)

void TestSync::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    QVERIFY2(!EngineProcess::daemonPath().isEmpty(), "MYSQL_SYNC_DAEMON is not set");
}

void TestSync::init()
{
    m_watched.clear();
    m_watchedTables.clear();
}

void TestSync::cleanup()
{
    m_watched.clear();
    m_watchedTables.clear();
}

bool TestSync::makeSite(Site &site, const QString &client, char server, const QString &database, const QStringList &ddl)
{
    site.client = client;
    site.server = server;
    site.db = std::make_unique<SiteDatabase>(m_servers, server, database);
    if (!site.db->isOpen()) {
        qWarning().noquote() << "cannot create database" << database << "on server" << server << ":" << site.db->lastError();
        return false;
    }
    for (const QString &sql : ddl) {
        if (!site.db->exec(sql))
            return false;
    }
    m_watched.append(&site);
    return true;
}

void TestSync::configureEngine(Site &site, const QStringList &remotes, const QStringList &syncTables,
                               const QStringList &receiveTables)
{
    const QJsonObject config = EngineProcess::config(m_servers, site.server, site.db->databaseName(), site.client,
                                                     remotes, syncTables, receiveTables);
    site.engine = std::make_unique<EngineProcess>(site.client, config);
}

bool TestSync::startEngine(Site &site)
{
    site.logOffset = int(site.engine->log().size());
    return site.engine->start();
}

bool TestSync::waitReady(Site &site, const QStringList &online, int timeoutMs)
{
    EngineProcess &e = *site.engine;
    const int from = site.logOffset;
    const bool ok = waitUntil([&] {
        if (!e.isRunning())
            return false;
        const QByteArray log = e.log();
        if (log.indexOf(" ready (", from) < 0 || log.indexOf("subscribed to", from) < 0)
            return false;
        for (const QString &remote : online) {
            if (log.indexOf((remote + QStringLiteral(" is online")).toUtf8(), from) < 0)
                return false;
        }
        return true;
    }, timeoutMs, 100);
    if (!ok)
        qWarning().noquote() << "engine" << site.client << "not ready within" << timeoutMs << "ms (running:"
                             << e.isRunning() << "), log:\n" << QString::fromUtf8(e.log().mid(from).right(8000));
    return ok;
}

QSet<QString> TestSync::statusKeys(Site &site, const QString &table, const QString &remote, const QString &status)
{
    QSet<QString> keys;
    const auto rows = site.db->rows(QStringLiteral("SELECT primary_key FROM sync_status WHERE `table_name` = ? AND remote = ? "
                                                   "AND `status` = ?"), {table, remote, status});
    for (const QVariantMap &r : rows)
        keys.insert(r.value(QStringLiteral("primary_key")).toString());
    return keys;
}

qint64 TestSync::unsettledCount(Site &site, const QString &remote)
{
    const QVariant v = site.db->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE remote = ? AND `status` <> 'successful'"),
                                       {remote});
    return v.isValid() ? v.toLongLong() : -1;
}

bool TestSync::allSuccessful(Site &site, const QString &table, const QString &remote, const QSet<QString> &expected)
{
    const QVariant others = site.db->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE `table_name` = ? AND remote = ? "
                                                           "AND `status` <> 'successful'"), {table, remote});
    if (!others.isValid() || others.toLongLong() != 0)
        return false;
    return statusKeys(site, table, remote, QStringLiteral("successful")) == expected;
}

bool TestSync::sameDumps(Site &a, Site &b, const QString &table, const QString &orderBy)
{
    const QString da = a.db->dump(table, orderBy);
    return !da.isEmpty() && da == b.db->dump(table, orderBy);
}

void TestSync::diagnostics(const QString &why)
{
    QString out = QStringLiteral("==== diagnostics: %1\n").arg(why);
    for (Site *site : std::as_const(m_watched)) {
        if (!site->db || !site->db->isOpen())
            continue;
        out += QStringLiteral("---- site %1 (server %2, database %3), engine %4\n")
                   .arg(site->client, QString(QLatin1Char(site->server)), site->db->databaseName(),
                        site->engine && site->engine->isRunning() ? QStringLiteral("running") : QStringLiteral("not running"));
        for (const QString &table : std::as_const(m_watchedTables))
            out += QStringLiteral("table %1:\n%2").arg(table, truncated(site->db->dump(table), 3000));
        out += QStringLiteral("table_changes:\n%1").arg(truncated(site->db->dump(QStringLiteral("table_changes"), QStringLiteral("id")), 2000));
        out += QStringLiteral("sync_status by remote/table/status:\n");
        const auto rows = site->db->rows(QStringLiteral(
            "SELECT remote, `table_name`, `status`, COUNT(*) AS n, MAX(message) AS message FROM sync_status "
            "GROUP BY remote, `table_name`, `status` ORDER BY 1, 2, 3"));
        for (const QVariantMap &r : rows) {
            out += QStringLiteral("  %1 %2 %3: %4 %5\n")
                       .arg(r.value(QStringLiteral("remote")).toString(), r.value(QStringLiteral("table_name")).toString(),
                            r.value(QStringLiteral("status")).toString(), r.value(QStringLiteral("n")).toString(),
                            r.value(QStringLiteral("message")).toString());
        }
        const auto unsettled = site->db->rows(QStringLiteral(
            "SELECT remote, `table_name`, primary_key, `status`, `date`, message FROM sync_status "
            "WHERE `status` <> 'successful' ORDER BY `date` LIMIT 20"));
        for (const QVariantMap &r : unsettled) {
            out += QStringLiteral("  not successful: %1 %2 [%3] %4 %5 %6\n")
                       .arg(r.value(QStringLiteral("remote")).toString(), r.value(QStringLiteral("table_name")).toString(),
                            r.value(QStringLiteral("primary_key")).toString(), r.value(QStringLiteral("status")).toString(),
                            r.value(QStringLiteral("date")).toString(), r.value(QStringLiteral("message")).toString());
        }
    }
    qWarning().noquote() << out;
}

// ---------------------------------------------------------------------------------------------
// 1. Both directions at once, integer and string keys.

void TestSync::bothWaysIntegerAndStringKeys()
{
    const QStringList ddl = {
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, qty INT NULL, "
                       "note TEXT NULL) ENGINE=InnoDB"),
        QStringLiteral("CREATE TABLE people (id VARCHAR(64) NOT NULL PRIMARY KEY, name VARCHAR(100) NULL, score INT NULL) "
                       "ENGINE=InnoDB"),
    };
    const QStringList tables = {QStringLiteral("items"), QStringLiteral("people")};
    Site a, b;
    QVERIFY(makeSite(a, QStringLiteral("site_a"), 'A', QStringLiteral("tsync_both_a"), ddl));
    QVERIFY(makeSite(b, QStringLiteral("site_b"), 'B', QStringLiteral("tsync_both_b"), ddl));
    m_watchedTables = tables;
    configureEngine(a, {b.client}, tables, tables);
    configureEngine(b, {a.client}, tables, tables);
    QVERIFY(startEngine(a));
    QVERIFY(startEngine(b));
    QVERIFY(waitReady(a, {b.client}));
    QVERIFY(waitReady(b, {a.client}));

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
                           {i, QStringLiteral("a-item %1").arg(i), i * 10, i % 3 ? QVariant(QStringLiteral("note ä %1").arg(i)) : QVariant()}));
        QVERIFY(b.db->exec(QStringLiteral("INSERT INTO items VALUES (?, ?, ?, ?)"),
                           {100 + i, QStringLiteral("b-item %1").arg(i), i % 4 ? QVariant(i) : QVariant(), QStringLiteral("b 'note'\n%1").arg(i)}));
    }
    for (int i = 0; i < peopleA.size(); ++i) {
        QVERIFY(a.db->exec(QStringLiteral("INSERT INTO people VALUES (?, ?, ?)"), {peopleA[i], QStringLiteral("A person %1").arg(i), i}));
        QVERIFY(b.db->exec(QStringLiteral("INSERT INTO people VALUES (?, ?, ?)"), {peopleB[i], QStringLiteral("B person %1").arg(i), -i}));
    }
    WAIT_FOR(a.db->count(QStringLiteral("items")) == 40 && b.db->count(QStringLiteral("items")) == 40
                 && a.db->count(QStringLiteral("people")) == 22 && b.db->count(QStringLiteral("people")) == 22,
             kSyncTimeoutMs);
    WAIT_FOR(sameDumps(a, b, QStringLiteral("items")) && sameDumps(a, b, QStringLiteral("people")), kSyncTimeoutMs);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT name FROM people WHERE id = ?"), {obrien}).toString(), QStringLiteral("A person 10"));
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT name FROM people WHERE id = ?"), {tricky}).toString(), QStringLiteral("B person 10"));

    // Phase 2: each site updates and deletes keys of its own and keys the other one made
    // (never the same key on both sides at once).
    QVERIFY(a.db->exec(QStringLiteral("UPDATE items SET name = CONCAT(name, ' upd by A'), qty = qty + 1 WHERE id BETWEEN 1 AND 5 OR id BETWEEN 101 AND 105")));
    QVERIFY(b.db->exec(QStringLiteral("UPDATE items SET name = CONCAT(name, ' upd by B'), note = NULL WHERE id BETWEEN 6 AND 10 OR id BETWEEN 106 AND 110")));
    QVERIFY(a.db->exec(QStringLiteral("DELETE FROM items WHERE id IN (11, 12, 111)")));
    QVERIFY(b.db->exec(QStringLiteral("DELETE FROM items WHERE id IN (13, 112, 113)")));
    QVERIFY(a.db->exec(QStringLiteral("UPDATE people SET name = 'Renamed by A', score = 99 WHERE id IN (?, ?)"), {obrien, peopleB[0]}));
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
                 && sameDumps(a, b, QStringLiteral("items")) && sameDumps(a, b, QStringLiteral("people")),
             kSyncTimeoutMs);
    WAIT_FOR(pendingChanges(a) == 0 && pendingChanges(b) == 0
                 && allSuccessful(a, QStringLiteral("items"), b.client, itemsFromA)
                 && allSuccessful(a, QStringLiteral("people"), b.client, peopleFromA)
                 && allSuccessful(b, QStringLiteral("items"), a.client, itemsFromB)
                 && allSuccessful(b, QStringLiteral("people"), a.client, peopleFromB),
             kSyncTimeoutMs);
    QCOMPARE(unsettledCount(a, b.client), 0);
    QCOMPARE(unsettledCount(b, a.client), 0);
    QCOMPARE(a.db->count(QStringLiteral("sync_status")), qint64(itemsFromA.size() + peopleFromA.size()));
    QCOMPARE(b.db->count(QStringLiteral("sync_status")), qint64(itemsFromB.size() + peopleFromB.size()));

    // The final state, spelled out.
    QVERIFY(sameDumps(a, b, QStringLiteral("items")));
    QVERIFY(sameDumps(a, b, QStringLiteral("people")));
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 3")).toString(), QStringLiteral("a-item 3 upd by A"));
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT qty FROM items WHERE id = 3")).toInt(), 31);
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 103")).toString(), QStringLiteral("b-item 3 upd by A"));
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 7")).toString(), QStringLiteral("a-item 7 upd by B"));
    QVERIFY(a.db->scalar(QStringLiteral("SELECT note FROM items WHERE id = 7")).isNull());
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id IN (11, 12, 13, 111, 112, 113)")).toInt(), 0);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id IN (11, 12, 13, 111, 112, 113)")).toInt(), 0);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT name FROM people WHERE id = ?"), {obrien}).toString(), QStringLiteral("Renamed by A"));
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT score FROM people WHERE id = ?"), {peopleB[0]}).toInt(), 99);
    QVERIFY(a.db->scalar(QStringLiteral("SELECT name FROM people WHERE id = ?"), {tricky}).isNull());
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT COUNT(*) FROM people WHERE id IN (?, ?)"), {peopleA[1], peopleB[1]}).toInt(), 0);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT COUNT(*) FROM people WHERE id IN (?, ?)"), {peopleA[1], peopleB[1]}).toInt(), 0);

    // sync_status rows are addressed by md5(table-id-remote), for unusual keys too.
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT `status` FROM sync_status WHERE id = ?"),
                          {statusId(QStringLiteral("people"), obrien, b.client)}).toString(), QStringLiteral("successful"));
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT `status` FROM sync_status WHERE id = ?"),
                          {statusId(QStringLiteral("people"), tricky, a.client)}).toString(), QStringLiteral("successful"));
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT primary_key FROM sync_status WHERE id = ?"),
                          {statusId(QStringLiteral("items"), QStringLiteral("111"), b.client)}).toString(), QStringLiteral("111"));

    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

// ---------------------------------------------------------------------------------------------
// 2. Every type of the codec table, A -> B.

namespace {

struct TypedColumn {
    const char *name;
    const char *type;
    enum Canon { Text, Hex, BitValue } canon;
};

const TypedColumn kTypedColumns[] = {
    {"c_tinyint", "TINYINT", TypedColumn::Text},
    {"c_tinyint_u", "TINYINT UNSIGNED", TypedColumn::Text},
    {"c_smallint", "SMALLINT", TypedColumn::Text},
    {"c_mediumint", "MEDIUMINT", TypedColumn::Text},
    {"c_int", "INT", TypedColumn::Text},
    {"c_int_u", "INT UNSIGNED", TypedColumn::Text},
    {"c_bigint", "BIGINT", TypedColumn::Text},
    {"c_bigint_u", "BIGINT UNSIGNED", TypedColumn::Text},
    {"c_year", "YEAR", TypedColumn::Text},
    {"c_float", "FLOAT", TypedColumn::Text},
    {"c_double", "DOUBLE", TypedColumn::Text},
    {"c_decimal", "DECIMAL(30,10)", TypedColumn::Text},
    {"c_date", "DATE", TypedColumn::Text},
    {"c_datetime", "DATETIME", TypedColumn::Text},
    {"c_datetime6", "DATETIME(6)", TypedColumn::Text},
    {"c_timestamp", "TIMESTAMP NULL DEFAULT NULL", TypedColumn::Text},
    {"c_time", "TIME", TypedColumn::Text},
    {"c_char", "CHAR(10)", TypedColumn::Text},
    {"c_varchar", "VARCHAR(200)", TypedColumn::Text},
    {"c_text", "TEXT", TypedColumn::Text},
    {"c_enum", "ENUM('small','medium','large')", TypedColumn::Text},
    {"c_set", "SET('red','green','blue')", TypedColumn::Text},
    {"c_json", "JSON", TypedColumn::Text},
    {"c_binary", "BINARY(4)", TypedColumn::Hex},
    {"c_varbinary", "VARBINARY(64)", TypedColumn::Hex},
    {"c_blob", "BLOB", TypedColumn::Hex},
    {"c_bit", "BIT(10)", TypedColumn::BitValue},
};

QString typedDdl()
{
    QStringList columns{QStringLiteral("id INT NOT NULL PRIMARY KEY")};
    for (const TypedColumn &c : kTypedColumns)
        columns << QStringLiteral("%1 %2%3").arg(QLatin1String(c.name), QLatin1String(c.type),
                                                 QByteArray(c.type).contains("NULL") ? QString() : QStringLiteral(" NULL"));
    return QStringLiteral("CREATE TABLE typed (%1) ENGINE=InnoDB").arg(columns.join(QStringLiteral(", ")));
}

// Every column as exact text: HEX for bytes, the number for BIT, CAST AS CHAR otherwise;
// '<NULL>' for NULL (so that an empty value and NULL differ).
QString canonicalSelect()
{
    QStringList exprs{QStringLiteral("id")};
    for (const TypedColumn &c : kTypedColumns) {
        const QString n = QLatin1String(c.name);
        QString e;
        switch (c.canon) {
        case TypedColumn::Hex: e = QStringLiteral("HEX(%1)").arg(n); break;
        case TypedColumn::BitValue: e = QStringLiteral("CAST(%1 + 0 AS CHAR)").arg(n); break;
        case TypedColumn::Text: e = QStringLiteral("CAST(%1 AS CHAR CHARACTER SET utf8mb4)").arg(n); break;
        }
        exprs << QStringLiteral("IFNULL(%1, '<NULL>') AS %2").arg(e, n);
    }
    return QStringLiteral("SELECT %1 FROM typed ORDER BY id").arg(exprs.join(QStringLiteral(", ")));
}

QString describeRows(const QList<QVariantMap> &rows)
{
    QString out;
    for (const QVariantMap &r : rows) {
        QStringList parts;
        for (auto it = r.cbegin(); it != r.cend(); ++it)
            parts << QStringLiteral("%1=%2").arg(it.key(), it.value().toString());
        out += parts.join(QStringLiteral(" | ")) + QLatin1Char('\n');
    }
    return out;
}

// The entity of the change message for `id` among lines "topic payload" of a subscriber.
QJsonObject entityFromLines(const QStringList &lines, const QString &topic, const QString &id, bool *found)
{
    *found = false;
    QJsonObject entity;
    for (const QString &line : lines) {
        if (!line.startsWith(topic + QLatin1Char(' ')))
            continue;
        const QJsonObject message = QJsonDocument::fromJson(line.mid(topic.size() + 1).toUtf8()).object();
        if (message.value(QStringLiteral("id")).toString() != id)
            continue;
        *found = true;
        entity = message.value(QStringLiteral("entity")).toObject();   // the last one wins
    }
    return entity;
}

QJsonArray bufferBytes(const QByteArray &bytes)
{
    QJsonArray data;
    for (char c : bytes)
        data.append(int(static_cast<unsigned char>(c)));
    return data;
}

} // namespace

void TestSync::everyCodecType()
{
    const QStringList ddl = {typedDdl()};
    Site a, b;
    QVERIFY(makeSite(a, QStringLiteral("site_a"), 'A', QStringLiteral("tsync_types_a"), ddl));
    QVERIFY(makeSite(b, QStringLiteral("site_b"), 'B', QStringLiteral("tsync_types_b"), ddl));
    m_watchedTables = {QStringLiteral("typed")};
    const QStringList typed = {QStringLiteral("typed")};
    configureEngine(a, {b.client}, typed, {});
    configureEngine(b, {a.client}, {}, typed);
    // The per-row wire forms: site_b speaks only the five messages, as an earlier engine
    // does (the batch path carries the same entities: tst_fastpath).
    QJsonObject perRow = EngineProcess::config(m_servers, b.server, b.db->databaseName(), b.client, {a.client}, {}, typed);
    perRow.insert(QStringLiteral("extensions"), QJsonObject{{QStringLiteral("enabled"), false}});
    b.engine->setConfig(perRow);
    QVERIFY(startEngine(a));
    QVERIFY(startEngine(b));
    QVERIFY(waitReady(a, {b.client}));
    QVERIFY(waitReady(b, {a.client}));

    MqttSubscriber wire(m_servers, QStringLiteral("/change/%1").arg(b.client));
    QVERIFY(wire.isReady());

    QByteArray allBytes;
    for (int i = 0; i < 256; ++i)
        allBytes.append(char(i));
    const QByteArray binary4("\x00\xff\x10\x7f", 4);
    const QByteArray varbinary("\x00\xff\x00", 3);
    const QString text = QStringLiteral("Grüße 😀🎉 日本語 \"dq\" 'sq' \\ tab\tnewline\nend");
    const QString json = QStringLiteral("{\"a\": [1, 2.5, \"x\"], \"b\": null, \"c\": {\"d\": true}, \"u\": \"ü😀\"}");

    const QString columns = [] {
        QStringList names{QStringLiteral("id")};
        for (const TypedColumn &c : kTypedColumns)
            names << QLatin1String(c.name);
        return names.join(QStringLiteral(", "));
    }();
    // The literals go into SQL text where a bound value would pass through a QVariant type.
    QVERIFY(a.db->exec(QStringLiteral(
        "INSERT INTO typed (%1) VALUES (1, 127, 255, -32768, 8388607, -2147483648, 4294967295, 9007199254740993, "
        "18446744073709551615, 2155, 3.14, 2.718281828459045, '12345678901234567890.1234567890', '2024-02-29', "
        "'2038-01-19 03:14:08', '2024-12-31 23:59:59.123456', '2024-06-01 12:34:56', '838:59:59', 'abc', "
        "?, ?, 'medium', 'red,blue', ?, ?, ?, ?, b'1010101011')").arg(columns),
        {QStringLiteral("O'Brien \"q\" \\ tab\t ü"), text, json, binary4, varbinary, allBytes}));
    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO typed (id) VALUES (2)")));
    QVERIFY(a.db->exec(QStringLiteral(
        "INSERT INTO typed (%1) VALUES (3, -128, 0, 32767, -8388608, 2147483647, 0, -9223372036854775808, "
        "0, 1901, -0.5, -1.5e-300, '-0.0000000001', '1000-01-01', '1000-01-01 00:00:00', '2000-01-01 00:00:00.000001', "
        "'2001-09-09 01:46:40', '-838:59:59', '', '', '', 'small', '', '[]', X'00000000', X'', X'00', b'0')").arg(columns)));
    QVERIFY(a.db->exec(QStringLiteral(
        "INSERT INTO typed (%1) VALUES (4, 0, 1, 0, 0, 0, 1, 9223372036854775807, 9007199254740993, 2024, 0.1, "
        "1.7976931348623157e308, '99999999999999999999.9999999999', '9999-12-31', '9999-12-31 23:59:59', "
        "'9999-12-31 23:59:59.999999', '2038-01-19 03:14:07', '00:00:01', 'x y', 'trailing  ', ?, 'large', "
        "'red,green,blue', '{}', X'FFFFFFFF', REPEAT(X'FF', 64), REPEAT(X'FF', 3000), b'1111111111')").arg(columns),
        {QStringLiteral("🎉")}));

    WAIT_FOR(b.db->count(QStringLiteral("typed")) == 4, kSyncTimeoutMs);
    WAIT_FOR(sameDumps(a, b, QStringLiteral("typed"), QStringLiteral("id")), kSyncTimeoutMs);
    {
        const QList<QVariantMap> ra = a.db->rows(canonicalSelect());
        const QList<QVariantMap> rb = b.db->rows(canonicalSelect());
        QCOMPARE(ra.size(), 4);
        QVERIFY2(ra == rb, qPrintable(QStringLiteral("A:\n%1B:\n%2").arg(describeRows(ra), describeRows(rb))));
    }
    WAIT_FOR(pendingChanges(a) == 0
                 && allSuccessful(a, QStringLiteral("typed"), b.client,
                                  {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")}),
             kSyncTimeoutMs);

    // Specific values on B, as exact text.
    auto onB = [&](const QString &expr, int id) {
        return b.db->scalar(QStringLiteral("SELECT %1 FROM typed WHERE id = ?").arg(expr), {id});
    };
    QCOMPARE(onB(QStringLiteral("CAST(c_bigint AS CHAR)"), 1).toString(), QStringLiteral("9007199254740993"));
    QCOMPARE(onB(QStringLiteral("CAST(c_bigint_u AS CHAR)"), 1).toString(), QStringLiteral("18446744073709551615"));
    QCOMPARE(onB(QStringLiteral("CAST(c_bigint AS CHAR)"), 3).toString(), QStringLiteral("-9223372036854775808"));
    QCOMPARE(onB(QStringLiteral("CAST(c_bigint AS CHAR)"), 4).toString(), QStringLiteral("9223372036854775807"));
    QCOMPARE(onB(QStringLiteral("CAST(c_bigint_u AS CHAR)"), 4).toString(), QStringLiteral("9007199254740993"));
    QCOMPARE(onB(QStringLiteral("CAST(c_int_u AS CHAR)"), 1).toString(), QStringLiteral("4294967295"));
    QCOMPARE(onB(QStringLiteral("CAST(c_mediumint AS CHAR)"), 3).toString(), QStringLiteral("-8388608"));
    QCOMPARE(onB(QStringLiteral("CAST(c_decimal AS CHAR)"), 1).toString(), QStringLiteral("12345678901234567890.1234567890"));
    QCOMPARE(onB(QStringLiteral("CAST(c_decimal AS CHAR)"), 3).toString(), QStringLiteral("-0.0000000001"));
    QCOMPARE(onB(QStringLiteral("CAST(c_decimal AS CHAR)"), 4).toString(), QStringLiteral("99999999999999999999.9999999999"));
    QCOMPARE(onB(QStringLiteral("CAST(c_float AS CHAR)"), 1).toString(), QStringLiteral("3.14"));
    QCOMPARE(onB(QStringLiteral("c_float = CAST(3.14 AS FLOAT)"), 1).toInt(), 1);
    QCOMPARE(onB(QStringLiteral("c_double = 2.718281828459045e0"), 1).toInt(), 1);
    QCOMPARE(onB(QStringLiteral("c_double = -1.5e-300"), 3).toInt(), 1);
    QCOMPARE(onB(QStringLiteral("c_double = 1.7976931348623157e308"), 4).toInt(), 1);
    QCOMPARE(onB(QStringLiteral("CAST(c_year AS CHAR)"), 1).toString(), QStringLiteral("2155"));
    QCOMPARE(onB(QStringLiteral("CAST(c_date AS CHAR)"), 1).toString(), QStringLiteral("2024-02-29"));
    QCOMPARE(onB(QStringLiteral("CAST(c_datetime AS CHAR)"), 1).toString(), QStringLiteral("2038-01-19 03:14:08"));
    QCOMPARE(onB(QStringLiteral("CAST(c_datetime6 AS CHAR)"), 1).toString(), QStringLiteral("2024-12-31 23:59:59.123456"));
    QCOMPARE(onB(QStringLiteral("CAST(c_datetime6 AS CHAR)"), 3).toString(), QStringLiteral("2000-01-01 00:00:00.000001"));
    QCOMPARE(onB(QStringLiteral("CAST(c_timestamp AS CHAR)"), 1).toString(), QStringLiteral("2024-06-01 12:34:56"));
    QCOMPARE(onB(QStringLiteral("CAST(c_time AS CHAR)"), 1).toString(), QStringLiteral("838:59:59"));
    QCOMPARE(onB(QStringLiteral("CAST(c_time AS CHAR)"), 3).toString(), QStringLiteral("-838:59:59"));
    QCOMPARE(onB(QStringLiteral("c_varchar"), 1).toString(), QStringLiteral("O'Brien \"q\" \\ tab\t ü"));
    QCOMPARE(onB(QStringLiteral("c_varchar"), 4).toString(), QStringLiteral("trailing  "));
    QCOMPARE(onB(QStringLiteral("c_text"), 1).toString(), text);
    QCOMPARE(onB(QStringLiteral("c_text"), 4).toString(), QStringLiteral("🎉"));
    QCOMPARE(onB(QStringLiteral("c_enum"), 1).toString(), QStringLiteral("medium"));
    QCOMPARE(onB(QStringLiteral("c_set"), 1).toString(), QStringLiteral("red,blue"));
    QCOMPARE(onB(QStringLiteral("c_set"), 3).toString(), QString());
    QVERIFY(!onB(QStringLiteral("c_set"), 3).isNull());
    QCOMPARE(onB(QStringLiteral("c_json"), 1).toString(), json);
    QCOMPARE(onB(QStringLiteral("HEX(c_binary)"), 1).toString(), QStringLiteral("00FF107F"));
    QCOMPARE(onB(QStringLiteral("HEX(c_varbinary)"), 1).toString(), QStringLiteral("00FF00"));
    QCOMPARE(onB(QStringLiteral("HEX(c_blob)"), 1).toString(), QString::fromLatin1(allBytes.toHex().toUpper()));
    QCOMPARE(onB(QStringLiteral("HEX(c_varbinary)"), 3).toString(), QString());
    QVERIFY(!onB(QStringLiteral("c_varbinary"), 3).isNull());
    QCOMPARE(onB(QStringLiteral("HEX(c_blob)"), 3).toString(), QStringLiteral("00"));
    QCOMPARE(onB(QStringLiteral("LENGTH(c_blob)"), 4).toInt(), 3000);
    QCOMPARE(onB(QStringLiteral("c_bit + 0"), 1).toInt(), 683);
    QCOMPARE(onB(QStringLiteral("c_bit + 0"), 3).toInt(), 0);
    QCOMPARE(onB(QStringLiteral("c_bit + 0"), 4).toInt(), 1023);
    {
        // Row 2: NULL in every nullable column.
        QStringList nullChecks;
        for (const TypedColumn &c : kTypedColumns)
            nullChecks << QStringLiteral("%1 IS NULL").arg(QLatin1String(c.name));
        QCOMPARE(onB(nullChecks.join(QStringLiteral(" AND ")), 2).toInt(), 1);
    }

    // The wire forms of docs/protocol.md ("Values in entity").
    {
        bool found = false;
        const QString topic = QStringLiteral("/change/%1").arg(b.client);
        WAIT_FOR((entityFromLines(wire.lines(), topic, QStringLiteral("4"), &found), found), 10000);
        const QJsonObject e1 = entityFromLines(wire.lines(), topic, QStringLiteral("1"), &found);
        QVERIFY(found);
        QCOMPARE(e1.value(QStringLiteral("id")), QJsonValue(QStringLiteral("1")));
        QCOMPARE(e1.value(QStringLiteral("c_tinyint")), QJsonValue(127));
        QCOMPARE(e1.value(QStringLiteral("c_int")), QJsonValue(-2147483648LL));
        QCOMPARE(e1.value(QStringLiteral("c_int_u")), QJsonValue(4294967295LL));
        QCOMPARE(e1.value(QStringLiteral("c_bigint")), QJsonValue(QStringLiteral("9007199254740993")));
        QCOMPARE(e1.value(QStringLiteral("c_bigint_u")), QJsonValue(QStringLiteral("18446744073709551615")));
        QCOMPARE(e1.value(QStringLiteral("c_year")), QJsonValue(2155));
        QVERIFY(e1.value(QStringLiteral("c_float")).isDouble());
        QCOMPARE(e1.value(QStringLiteral("c_double")).toDouble(), 2.718281828459045);
        QCOMPARE(e1.value(QStringLiteral("c_decimal")), QJsonValue(QStringLiteral("12345678901234567890.1234567890")));
        QCOMPARE(e1.value(QStringLiteral("c_date")), QJsonValue(QStringLiteral("2024-02-29")));
        QCOMPARE(e1.value(QStringLiteral("c_datetime")), QJsonValue(QStringLiteral("2038-01-19 03:14:08")));
        QCOMPARE(e1.value(QStringLiteral("c_datetime6")), QJsonValue(QStringLiteral("2024-12-31 23:59:59.123456")));
        QCOMPARE(e1.value(QStringLiteral("c_timestamp")), QJsonValue(QStringLiteral("2024-06-01 12:34:56")));
        QCOMPARE(e1.value(QStringLiteral("c_time")), QJsonValue(QStringLiteral("838:59:59")));
        QCOMPARE(e1.value(QStringLiteral("c_text")), QJsonValue(text));
        QCOMPARE(e1.value(QStringLiteral("c_set")), QJsonValue(QStringLiteral("red,blue")));
        QCOMPARE(e1.value(QStringLiteral("c_json")), QJsonValue(json));
        const auto buffer = [](const QByteArray &bytes) {
            return QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("Buffer")},
                                          {QStringLiteral("data"), bufferBytes(bytes)}});
        };
        QCOMPARE(e1.value(QStringLiteral("c_binary")), buffer(binary4));
        QCOMPARE(e1.value(QStringLiteral("c_varbinary")), buffer(varbinary));
        QCOMPARE(e1.value(QStringLiteral("c_blob")), buffer(allBytes));
        QCOMPARE(e1.value(QStringLiteral("c_bit")), buffer(QByteArray("\x02\xab", 2)));
        const QJsonObject e2 = entityFromLines(wire.lines(), topic, QStringLiteral("2"), &found);
        QVERIFY(found);
        QCOMPARE(int(e2.size()), int(std::size(kTypedColumns)) + 1);
        for (const TypedColumn &c : kTypedColumns)
            QVERIFY2(e2.value(QLatin1String(c.name)).isNull(), c.name);
        const QJsonObject e3 = entityFromLines(wire.lines(), topic, QStringLiteral("3"), &found);
        QCOMPARE(e3.value(QStringLiteral("c_bigint")), QJsonValue(QStringLiteral("-9223372036854775808")));
        QCOMPARE(e3.value(QStringLiteral("c_bigint_u")), QJsonValue(0));
        QCOMPARE(e3.value(QStringLiteral("c_varbinary")), buffer(QByteArray()));
    }

    // Updates carry every type too: row 2 takes row 1's values, row 1 becomes all NULL,
    // row 3 goes.
    {
        QStringList copy, clear;
        for (const TypedColumn &c : kTypedColumns) {
            copy << QStringLiteral("t.%1 = s.%1").arg(QLatin1String(c.name));
            clear << QStringLiteral("%1 = NULL").arg(QLatin1String(c.name));
        }
        QVERIFY(a.db->exec(QStringLiteral("UPDATE typed t JOIN typed s ON s.id = 1 SET %1 WHERE t.id = 2").arg(copy.join(QStringLiteral(", ")))));
        QVERIFY(a.db->exec(QStringLiteral("UPDATE typed SET %1 WHERE id = 1").arg(clear.join(QStringLiteral(", ")))));
        QVERIFY(a.db->exec(QStringLiteral("DELETE FROM typed WHERE id = 3")));
    }
    WAIT_FOR(b.db->count(QStringLiteral("typed")) == 3 && sameDumps(a, b, QStringLiteral("typed"), QStringLiteral("id")),
             kSyncTimeoutMs);
    {
        const QList<QVariantMap> ra = a.db->rows(canonicalSelect());
        const QList<QVariantMap> rb = b.db->rows(canonicalSelect());
        QCOMPARE(ra.size(), 3);
        QVERIFY2(ra == rb, qPrintable(QStringLiteral("A:\n%1B:\n%2").arg(describeRows(ra), describeRows(rb))));
    }
    QCOMPARE(onB(QStringLiteral("HEX(c_blob)"), 2).toString(), QString::fromLatin1(allBytes.toHex().toUpper()));
    QCOMPARE(onB(QStringLiteral("CAST(c_decimal AS CHAR)"), 2).toString(), QStringLiteral("12345678901234567890.1234567890"));
    QCOMPARE(onB(QStringLiteral("CAST(c_bigint_u AS CHAR)"), 2).toString(), QStringLiteral("18446744073709551615"));
    QVERIFY(onB(QStringLiteral("c_blob"), 1).isNull());
    WAIT_FOR(pendingChanges(a) == 0
                 && allSuccessful(a, QStringLiteral("typed"), b.client,
                                  {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")}),
             kSyncTimeoutMs);
    // B only receives: it never sent anything, so it has nothing in sync_status.
    QCOMPARE(b.db->count(QStringLiteral("sync_status")), 0);
}

// ---------------------------------------------------------------------------------------------
// 3. Deletes and primary-key changes, both ways.

void TestSync::deletesAndKeyChanges()
{
    const QStringList ddl = {
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL) ENGINE=InnoDB"),
        QStringLiteral("CREATE TABLE codes (code VARCHAR(64) NOT NULL PRIMARY KEY, label VARCHAR(100) NULL) ENGINE=InnoDB"),
    };
    const QStringList tables = {QStringLiteral("items"), QStringLiteral("codes")};
    Site a, b;
    QVERIFY(makeSite(a, QStringLiteral("site_a"), 'A', QStringLiteral("tsync_delete_a"), ddl));
    QVERIFY(makeSite(b, QStringLiteral("site_b"), 'B', QStringLiteral("tsync_delete_b"), ddl));
    m_watchedTables = tables;
    configureEngine(a, {b.client}, tables, tables);
    configureEngine(b, {a.client}, tables, tables);
    QVERIFY(startEngine(a));
    QVERIFY(startEngine(b));
    QVERIFY(waitReady(a, {b.client}));
    QVERIFY(waitReady(b, {a.client}));

    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'three'), (4, 'four'), "
                                      "(5, 'five'), (7, 'seven'), (8, 'eight'), (9, 'nine'), (10, 'ten')")));
    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO codes VALUES ('alpha', 'A'), ('beta', 'B'), ('gamma', 'G'), (?, 'quoted')"),
                       {QStringLiteral("O'Brien ü 1")}));
    WAIT_FOR(b.db->count(QStringLiteral("items")) == 9 && b.db->count(QStringLiteral("codes")) == 4
                 && sameDumps(a, b, QStringLiteral("items")) && sameDumps(a, b, QStringLiteral("codes")),
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

    WAIT_FOR(sameDumps(a, b, QStringLiteral("items")) && sameDumps(a, b, QStringLiteral("codes"))
                 && a.db->count(QStringLiteral("items")) == 6 && a.db->count(QStringLiteral("codes")) == 2,
             kSyncTimeoutMs);
    WAIT_FOR(pendingChanges(a) == 0 && pendingChanges(b) == 0 && unsettledCount(a, b.client) == 0
                 && unsettledCount(b, a.client) == 0,
             kSyncTimeoutMs);

    for (Site *s : {&a, &b}) {
        QCOMPARE(s->db->scalar(QStringLiteral("SELECT GROUP_CONCAT(id ORDER BY id) FROM items")).toString(),
                 QStringLiteral("1,2,6,7,8,11"));
        QCOMPARE(s->db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 6")).toString(), QStringLiteral("five"));
        QCOMPARE(s->db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 1")).toString(), QStringLiteral("one again"));
        QCOMPARE(s->db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 11")).toString(), QStringLiteral("ten moved"));
        QCOMPARE(s->db->scalar(QStringLiteral("SELECT GROUP_CONCAT(code ORDER BY code) FROM codes")).toString(),
                 QStringLiteral("delta,gamma"));
        QCOMPARE(s->db->scalar(QStringLiteral("SELECT label FROM codes WHERE code = 'delta'")).toString(), QStringLiteral("was beta"));
    }
    // The old keys are owed as deletes and acknowledged as such.
    QCOMPARE(statusKeys(a, QStringLiteral("items"), b.client, QStringLiteral("successful")),
             (QSet<QString>{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5"),
                            QStringLiteral("6"), QStringLiteral("7"), QStringLiteral("8"), QStringLiteral("9"), QStringLiteral("10"),
                            QStringLiteral("50")}));
    QCOMPARE(statusKeys(b, QStringLiteral("items"), a.client, QStringLiteral("successful")),
             (QSet<QString>{QStringLiteral("9"), QStringLiteral("10"), QStringLiteral("11")}));
    QCOMPARE(statusKeys(a, QStringLiteral("codes"), b.client, QStringLiteral("successful")),
             (QSet<QString>{QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma"), QStringLiteral("delta"),
                            QStringLiteral("O'Brien ü 1")}));
    QCOMPARE(statusKeys(b, QStringLiteral("codes"), a.client, QStringLiteral("successful")), QSet<QString>{QStringLiteral("alpha")});
}

// ---------------------------------------------------------------------------------------------
// 4. 2000 rows in one transaction.

void TestSync::manyRowsInOneTransaction()
{
    const QStringList ddl = {QStringLiteral(
        "CREATE TABLE bulk (id INT NOT NULL PRIMARY KEY, payload VARCHAR(200) NOT NULL, n BIGINT NULL, d DECIMAL(12,4) NULL) ENGINE=InnoDB")};
    const QStringList bulk = {QStringLiteral("bulk")};
    Site a, b;
    QVERIFY(makeSite(a, QStringLiteral("site_a"), 'A', QStringLiteral("tsync_bulk_a"), ddl));
    QVERIFY(makeSite(b, QStringLiteral("site_b"), 'B', QStringLiteral("tsync_bulk_b"), ddl));
    m_watchedTables = bulk;
    configureEngine(a, {b.client}, bulk, {});
    configureEngine(b, {a.client}, {}, bulk);
    QVERIFY(startEngine(a));
    QVERIFY(startEngine(b));
    QVERIFY(waitReady(a, {b.client}));
    QVERIFY(waitReady(b, {a.client}));

    constexpr int kRows = 2000;
    QElapsedTimer timer;
    timer.start();
    QSqlDatabase db = a.db->database();
    QVERIFY(db.transaction());
    for (int start = 1; start <= kRows; start += 500) {
        QStringList values;
        for (int i = start; i < start + 500; ++i)
            values << QStringLiteral("(%1, 'row %1 ü %2', %3, %4.%5)")
                          .arg(i).arg(QString(i % 50, QLatin1Char('x'))).arg(qint64(i) * 1000003).arg(i).arg(i % 10000, 4, 10, QLatin1Char('0'));
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO bulk VALUES %1").arg(values.join(QStringLiteral(", ")))),
                 qPrintable(q.lastError().text()));
    }
    QVERIFY(db.commit());
    QCOMPARE(a.db->count(QStringLiteral("bulk")), qint64(kRows));

    WAIT_FOR(b.db->count(QStringLiteral("bulk")) == kRows, 60000);
    const qint64 arrived = timer.elapsed();
    WAIT_FOR(sameDumps(a, b, QStringLiteral("bulk")), 10000);
    WAIT_FOR(statusKeys(a, QStringLiteral("bulk"), b.client, QStringLiteral("successful")).size() == kRows, 60000);
    const qint64 acknowledged = timer.elapsed();
    QCOMPARE(unsettledCount(a, b.client), 0);
    QCOMPARE(a.db->count(QStringLiteral("sync_status")), qint64(kRows));
    QCOMPARE(pendingChanges(a), 0);
    qInfo().noquote() << kRows << "rows: all on B after" << arrived << "ms, all acknowledged after" << acknowledged << "ms";
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
    Site a, b, c;
    QVERIFY(makeSite(a, QStringLiteral("site_a"), 'A', QStringLiteral("tsync_relay_a"), ddl));
    QVERIFY(makeSite(b, QStringLiteral("site_b"), 'B', QStringLiteral("tsync_relay_b"), ddl));
    QVERIFY(makeSite(c, QStringLiteral("site_c"), 'A', QStringLiteral("tsync_relay_c"), ddl));
    m_watchedTables = items;
    QList<Site *> sites = {&a, &b, &c};
    for (Site *s : sites) {
        QStringList others;
        for (Site *o : sites) {
            if (o != s)
                others << o->client;
        }
        configureEngine(*s, others, items, items);
    }
    for (Site *s : sites)
        QVERIFY(startEngine(*s));
    QVERIFY(waitReady(a, {b.client, c.client}));
    QVERIFY(waitReady(b, {a.client, c.client}));
    QVERIFY(waitReady(c, {a.client, b.client}));

    // Changes travel per row or, between engines of ours, in batches (issue 13).
    MqttSubscriber changes(m_servers, QStringList{QStringLiteral("/change/#"), QStringLiteral("/mysql-sync/+/batch/#")});
    QVERIFY(changes.isReady());

    auto allEqual = [&] {
        return sameDumps(a, b, QStringLiteral("items")) && sameDumps(a, c, QStringLiteral("items"));
    };
    auto settled = [&] {
        for (Site *s : sites) {
            if (pendingChanges(*s) != 0)
                return false;
            for (Site *o : sites) {
                if (o != s && unsettledCount(*s, o->client) != 0)
                    return false;
            }
        }
        return true;
    };
    // Nothing is sent for `ms` and nothing changes in the databases meanwhile.
    auto quiet = [&](int ms) {
        QStringList before;
        for (Site *s : sites)
            before << s->db->dump(QStringLiteral("sync_status"), QStringLiteral("id")) << s->db->dump(QStringLiteral("items"));
        changes.clear();
        QTest::qWait(ms);
        QStringList after;
        for (Site *s : sites)
            after << s->db->dump(QStringLiteral("sync_status"), QStringLiteral("id")) << s->db->dump(QStringLiteral("items"));
        const QStringList sent = changes.lines();
        if (!sent.isEmpty())
            qWarning().noquote() << "still sending after settling:\n" << sent.mid(0, 20).join(QLatin1Char('\n'));
        bool empty = true;
        for (Site *s : sites)
            empty = empty && pendingChanges(*s) == 0;
        for (int i = 0; i < before.size() && i < after.size(); ++i) {
            if (before.at(i) != after.at(i))
                qWarning().noquote() << "changed while quiet, site" << sites.at(i / 2)->client << (i % 2 ? "items" : "sync_status")
                                     << "\nbefore:\n" << before.at(i) << "\nafter:\n" << after.at(i);
        }
        if (!empty)
            qWarning() << "table_changes not empty while quiet";
        return sent.isEmpty() && before == after && empty;
    };

    // A row made on A.
    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO items VALUES (1, 'from A', 1)")));
    WAIT_FOR(b.db->count(QStringLiteral("items")) == 1 && c.db->count(QStringLiteral("items")) == 1 && allEqual(), kSyncTimeoutMs);
    WAIT_FOR(settled(), kSyncTimeoutMs);
    QVERIFY(quiet(2000));
    for (Site *s : sites)
        QCOMPARE(s->db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id = 1 AND name = 'from A'")).toInt(), 1);
    QCOMPARE(statusKeys(a, QStringLiteral("items"), b.client, QStringLiteral("successful")), QSet<QString>{QStringLiteral("1")});
    QCOMPARE(statusKeys(a, QStringLiteral("items"), c.client, QStringLiteral("successful")), QSet<QString>{QStringLiteral("1")});

    // A row made on B, and an update made on C of A's row.
    QVERIFY(b.db->exec(QStringLiteral("INSERT INTO items VALUES (2, 'from B', 2)")));
    QVERIFY(c.db->exec(QStringLiteral("UPDATE items SET name = 'changed on C', qty = 3 WHERE id = 1")));
    WAIT_FOR(allEqual() && a.db->count(QStringLiteral("items")) == 2
                 && a.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 1")).toString() == QStringLiteral("changed on C"),
             kSyncTimeoutMs);
    WAIT_FOR(settled(), kSyncTimeoutMs);
    QVERIFY(quiet(2000));
    // And a delete made on C.
    QVERIFY(c.db->exec(QStringLiteral("DELETE FROM items WHERE id = 2")));
    WAIT_FOR(allEqual() && a.db->count(QStringLiteral("items")) == 1 && b.db->count(QStringLiteral("items")) == 1, kSyncTimeoutMs);
    WAIT_FOR(settled(), kSyncTimeoutMs);
    QVERIFY(quiet(2000));
    for (Site *s : sites) {
        QCOMPARE(s->db->scalar(QStringLiteral("SELECT CONCAT(id, ':', name, ':', qty) FROM items")).toString(),
                 QStringLiteral("1:changed on C:3"));
    }
    QCOMPARE(statusKeys(b, QStringLiteral("items"), a.client, QStringLiteral("successful")).contains(QStringLiteral("2")), true);
    QCOMPARE(statusKeys(c, QStringLiteral("items"), b.client, QStringLiteral("successful")).contains(QStringLiteral("1")), true);
}

// ---------------------------------------------------------------------------------------------
// 6. A remote that is not running.

void TestSync::remoteOffline()
{
    const QStringList ddl = {QStringLiteral(
        "CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL) ENGINE=InnoDB")};
    const QStringList items = {QStringLiteral("items")};
    Site a, b;
    QVERIFY(makeSite(a, QStringLiteral("site_a"), 'A', QStringLiteral("tsync_offline_a"), ddl));
    QVERIFY(makeSite(b, QStringLiteral("site_b"), 'B', QStringLiteral("tsync_offline_b"), ddl));
    m_watchedTables = items;
    configureEngine(a, {b.client}, items, items);
    configureEngine(b, {a.client}, items, items);
    QVERIFY(startEngine(a));
    QVERIFY(startEngine(b));
    QVERIFY(waitReady(a, {b.client}));
    QVERIFY(waitReady(b, {a.client}));

    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO items VALUES (1, 'one'), (2, 'two'), (3, 'three')")));
    WAIT_FOR(sameDumps(a, b, QStringLiteral("items")) && b.db->count(QStringLiteral("items")) == 3, kSyncTimeoutMs);
    WAIT_FOR(allSuccessful(a, QStringLiteral("items"), b.client, {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}),
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
    const QSet<QString> owed = {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6")};
    WAIT_FOR(pendingChanges(a) == 0 && statusKeys(a, QStringLiteral("items"), b.client, QStringLiteral("pending")) == owed,
             kSyncTimeoutMs);
    QCOMPARE(statusKeys(a, QStringLiteral("items"), b.client, QStringLiteral("successful")), QSet<QString>{QStringLiteral("3")});
    // Nothing reaches B meanwhile (give a stray delivery the time to show).
    QTest::qWait(1000);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id <> 100")).toInt(), 3);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 1")).toString(), QStringLiteral("one"));
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id = 100")).toInt(), 0);

    QVERIFY(startEngine(b));
    WAIT_FOR(sameDumps(a, b, QStringLiteral("items")) && a.db->count(QStringLiteral("items")) == 6, kSyncTimeoutMs);
    WAIT_FOR(pendingChanges(a) == 0 && pendingChanges(b) == 0
                 && allSuccessful(a, QStringLiteral("items"), b.client,
                                  {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                                   QStringLiteral("5"), QStringLiteral("6")})
                 && allSuccessful(b, QStringLiteral("items"), a.client, {QStringLiteral("100")}),
             kSyncTimeoutMs);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 1")).toString(), QStringLiteral("one, changed while B was away"));
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id = 2")).toInt(), 0);

    // Round 2: B is killed (the broker says connection_lost for it, from its will).
    offsetA = int(a.engine->log().size());
    b.engine->kill9();
    QVERIFY2(a.engine->waitForLog("site_b is offline", 15000, offsetA), "A never saw B go offline after a kill");
    QVERIFY(a.db->exec(QStringLiteral("INSERT INTO items VALUES (7, 'seven')")));
    QVERIFY(a.db->exec(QStringLiteral("DELETE FROM items WHERE id = 3")));
    WAIT_FOR(pendingChanges(a) == 0
                 && statusKeys(a, QStringLiteral("items"), b.client, QStringLiteral("pending"))
                        == QSet<QString>({QStringLiteral("3"), QStringLiteral("7")}),
             kSyncTimeoutMs);
    QCOMPARE(b.db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id IN (3, 7)")).toInt(), 1);
    QVERIFY(startEngine(b));
    WAIT_FOR(sameDumps(a, b, QStringLiteral("items")) && b.db->count(QStringLiteral("items")) == 6, kSyncTimeoutMs);
    WAIT_FOR(pendingChanges(a) == 0 && unsettledCount(a, b.client) == 0 && unsettledCount(b, a.client) == 0, kSyncTimeoutMs);
    QCOMPARE(statusKeys(a, QStringLiteral("items"), b.client, QStringLiteral("successful")).size(), 7);
}

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
