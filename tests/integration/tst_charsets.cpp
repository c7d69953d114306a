// Character sets and SQL modes cannot corrupt or inject (issue 11, item 6). Two real engines,
// site_a (server A, the sender) and site_b (server B, the receiver), with the servers' global
// sql_mode set for the test (engines started after SET GLOBAL get it as their session mode):
// values with quotes, backslashes, NUL, newlines and 4-byte UTF-8 must arrive byte for byte,
// through the multi-row path (a receive-only table: ChangeReceiver writes a burst as one
// INSERT ... ON DUPLICATE KEY UPDATE of SqlLiteral literals) and the single-row path (a
// bidirectional table: bound parameters), and the sender's sync_status must end 'successful'
// with the exact key text; also with mysqlConfig.charset naming 3-byte utf8 (the connection is
// utf8mb4 all the same). A database whose default is latin1: a latin1 receiving table gets
// latin1-representable values right, and the engine's own tables are utf8mb4.
//
// Exact bytes are compared with HEX() against the UTF-8 (or latin1) encoding computed here;
// the receiving table and the sending one also with SiteDatabase::dump.
#include <QCryptographicHash>
#include <QDebug>
#include <QSqlDatabase>
#include <QTest>

#include <memory>

#include "EngineProcess.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "TestUtil.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {

constexpr int kStartTimeoutMs = 30000;
constexpr int kSyncTimeoutMs = 45000;
const QString kHostileModes = QStringLiteral("NO_BACKSLASH_ESCAPES,ANSI_QUOTES");

struct Site {
    QString client;
    char server = 'A';
    std::unique_ptr<SiteDatabase> db;
    std::unique_ptr<EngineProcess> engine;
};

// Values that break naive quoting in one mode or another.
QStringList trickyValues()
{
    return {
        QStringLiteral("'"),
        QStringLiteral("\""),
        QStringLiteral("\\"),
        QStringLiteral("\\'"),
        QStringLiteral("\\\\"),
        QStringLiteral("%"),
        QStringLiteral("_"),
        QStringLiteral("a") + QChar(0) + QStringLiteral("b"),
        QStringLiteral("line1\nline2"),
        QStringLiteral("col1\tcol2"),
        QStringLiteral("😀"),
        QStringLiteral("emoji 😀🎉 and the clef 𝄞"),
        QStringLiteral("it's a \"quote\" \\ back\\\\slash \\' % _ 😀"),
        QStringLiteral("\\0 \\n \\t \\Z \\b \\%"),
        QStringLiteral("''"),
        QStringLiteral("\\\""),
        QStringLiteral("ends with a backslash\\"),
        QStringLiteral("Grüße, ½ €"),
        QStringLiteral("CR\r\nLF"),
        QStringLiteral("x' OR '1'='1"),
        QStringLiteral("\" OR \"1\"=\"1"),
        QStringLiteral("%_%\\%\\_"),
        QStringLiteral("X'41' 0x41 _utf8mb4'x'"),
        QString(QLatin1String("")),
        QStringLiteral("\x1a ctrl-z"),
        QStringLiteral("`backtick` $$ ;"),
        QStringLiteral("NUL at the end") + QChar(0),
        QStringLiteral("plain text"),
    };
}

// Keys for sync_status: quotes, backslashes, emoji (a distinct number first, so that no two
// compare equal under utf8mb4_general_ci, which treats all 4-byte characters alike).
QString trickyKey(int i)
{
    static const QStringList tails = {
        QStringLiteral("'"),
        QStringLiteral("\""),
        QStringLiteral("\\"),
        QStringLiteral("\\'"),
        QStringLiteral("\\\\"),
        QStringLiteral("😀"),
        QStringLiteral("it's \"q\" \\ 😀"),
        QStringLiteral("%"),
        QStringLiteral("_"),
        QStringLiteral("`"),
        QStringLiteral("a\\"),
        QStringLiteral("''"),
        QStringLiteral("\\\""),
        QStringLiteral("x' OR '1'='1"),
        QStringLiteral("🎉\\🎉"),
    };
    return QStringLiteral("k%1 ").arg(i, 2, 10, QLatin1Char('0')) + tails.at(i % tails.size());
}

QString utf8Hex(const QString &s)
{
    return QString::fromLatin1(s.toUtf8().toHex().toUpper());
}
QString latin1Hex(const QString &s)
{
    return QString::fromLatin1(s.toLatin1().toHex().toUpper());
}

// One table's rows as "HEX(id) HEX(c1) HEX(c2)..." lines, ordered by HEX(id).
QStringList hexRows(SiteDatabase &db, const QString &table, const QStringList &columns)
{
    QStringList select{QStringLiteral("HEX(id)")};
    for (const QString &c : columns)
        select << QStringLiteral("HEX(%1)").arg(SiteDatabase::quoteIdentifier(c));
    QStringList out;
    const auto rows = db.rows(QStringLiteral("SELECT %1 FROM %2")
                                  .arg(select.join(QStringLiteral(", ")), SiteDatabase::quoteIdentifier(table)));
    for (const QVariantMap &r : rows) {
        QStringList cells;
        for (const QString &s : std::as_const(select))
            cells << (r.value(s).isNull() ? QStringLiteral("NULL") : r.value(s).toString());
        out << cells.join(QLatin1Char(' '));
    }
    out.sort();
    return out;
}

} // namespace

class TestCharsets : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void roundTrip_data();
    void roundTrip();
    void latin1Database();

private:
    // Sets the global sql_mode of both servers to their saved mode plus `extra`.
    bool setModes(const QString &extra);
    bool makeSite(Site &site, const QString &client, char server, const QString &database, const QStringList &ddl,
                  SiteDatabase::Mode mode = SiteDatabase::Recreate);
    bool startEngine(Site &site, const QString &remote, const QStringList &syncTables, const QStringList &receiveTables,
                     const QString &charset = QString());
    // Every key of `keys` is in `site`'s sync_status for `remote` and `table`: 'successful',
    // the exact key bytes (HEX) and the id the protocol derives from them; nothing else.
    static QString statusProblem(Site &site, const QString &table, const QString &remote, const QStringList &keys);
    static bool settled(Site &from, Site &to, const QString &table, const QStringList &keys);
    static QString state(Site &a, Site &b, const QString &table);
    // The triggers of `table` in `site`'s database were created under `modes` (an engine's session).
    static QString triggerModeProblem(Site &site, const QString &table, const QString &modes);

    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_adminA, m_adminB;
    QString m_savedModeA, m_savedModeB;
    QString m_savedGeneralLog, m_savedLogOutput;
    int m_run = 0;
};

void TestCharsets::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    QVERIFY2(!EngineProcess::daemonPath().isEmpty(), "MYSQL_SYNC_DAEMON is not set");
    m_adminA = std::make_unique<SiteDatabase>(m_servers, 'A', QStringLiteral("charsets_admin"));
    m_adminB = std::make_unique<SiteDatabase>(m_servers, 'B', QStringLiteral("charsets_admin"));
    QVERIFY2(m_adminA->isOpen() && m_adminB->isOpen(), qPrintable(m_adminA->lastError() + m_adminB->lastError()));
    m_savedModeA = m_adminA->scalar(QStringLiteral("SELECT @@GLOBAL.sql_mode")).toString();
    m_savedModeB = m_adminB->scalar(QStringLiteral("SELECT @@GLOBAL.sql_mode")).toString();
    QVERIFY2(!m_savedModeA.contains(QLatin1String("NO_BACKSLASH_ESCAPES")), qPrintable(m_savedModeA));
    // The receiver's statements, to tell the multi-row path from the single-row one.
    m_savedGeneralLog = m_adminB->scalar(QStringLiteral("SELECT @@GLOBAL.general_log")).toString();
    m_savedLogOutput = m_adminB->scalar(QStringLiteral("SELECT @@GLOBAL.log_output")).toString();
    QVERIFY(m_adminB->exec(QStringLiteral("SET GLOBAL log_output = 'TABLE'")));
    QVERIFY(m_adminB->exec(QStringLiteral("SET GLOBAL general_log = 1")));
}

void TestCharsets::cleanupTestCase()
{
    if (m_adminA && m_adminA->isOpen())
        m_adminA->exec(QStringLiteral("SET GLOBAL sql_mode = '%1'").arg(m_savedModeA));
    if (m_adminB && m_adminB->isOpen()) {
        m_adminB->exec(QStringLiteral("SET GLOBAL sql_mode = '%1'").arg(m_savedModeB));
        m_adminB->exec(QStringLiteral("SET GLOBAL general_log = %1").arg(m_savedGeneralLog.toInt()));
        m_adminB->exec(QStringLiteral("SET GLOBAL log_output = '%1'").arg(m_savedLogOutput));
        m_adminB->exec(QStringLiteral("TRUNCATE TABLE mysql.general_log"));
    }
    m_adminA.reset();
    m_adminB.reset();
}

bool TestCharsets::setModes(const QString &extra)
{
    for (auto [admin, saved] : {std::pair{m_adminA.get(), m_savedModeA}, std::pair{m_adminB.get(), m_savedModeB}}) {
        const QString mode = extra.isEmpty() ? saved : saved + QLatin1Char(',') + extra;
        if (!admin->exec(QStringLiteral("SET GLOBAL sql_mode = '%1'").arg(mode)))
            return false;
        const QString now = admin->scalar(QStringLiteral("SELECT @@GLOBAL.sql_mode")).toString();
        for (const QString &part : extra.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!now.split(QLatin1Char(',')).contains(part)) {
                qWarning().noquote() << "global sql_mode is" << now << "without" << part;
                return false;
            }
        }
    }
    return true;
}

bool TestCharsets::makeSite(Site &site, const QString &client, char server, const QString &database,
                            const QStringList &ddl, SiteDatabase::Mode mode)
{
    site.client = client;
    site.server = server;
    site.db = std::make_unique<SiteDatabase>(m_servers, server, database, mode);
    if (!site.db->isOpen())
        return false;
    for (const QString &sql : ddl) {
        if (!site.db->exec(sql))
            return false;
    }
    return true;
}

bool TestCharsets::startEngine(Site &site, const QString &remote, const QStringList &syncTables,
                               const QStringList &receiveTables, const QString &charset)
{
    QJsonObject config = EngineProcess::config(m_servers, site.server, site.db->databaseName(), site.client, {remote},
                                               syncTables, receiveTables);
    if (!charset.isEmpty()) {
        QJsonObject mysql = config.value(QStringLiteral("mysqlConfig")).toObject();
        mysql.insert(QStringLiteral("charset"), charset);
        config.insert(QStringLiteral("mysqlConfig"), mysql);
    }
    site.engine = std::make_unique<EngineProcess>(site.client, config);
    return site.engine->start();
}

// Both engines have their database ready, are subscribed and see each other online.
#define WAIT_READY(a, b)                                                                                               \
    for (Site * s_ : {&(a), &(b)}) {                                                                                   \
        const QString other_ = s_ == &(a) ? (b).client : (a).client;                                                   \
        QVERIFY2(waitUntil(                                                                                            \
                     [&] {                                                                                             \
                         const QByteArray log_ = s_->engine->log();                                                    \
                         return !s_->engine->isRunning()                                                               \
                             || (log_.contains(" ready (") && log_.contains("subscribed to")                           \
                                 && log_.contains((other_ + QStringLiteral(" is online")).toUtf8()));                  \
                     },                                                                                                \
                     kStartTimeoutMs)                                                                                  \
                     && s_->engine->isRunning(),                                                                       \
                 qPrintable(s_->client + QStringLiteral(" not ready:\n")                                               \
                            + QString::fromUtf8(s_->engine->log().right(6000))));                                      \
    }

QString TestCharsets::statusProblem(Site &site, const QString &table, const QString &remote, const QStringList &keys)
{
    const auto rows =
        site.db->rows(QStringLiteral("SELECT id, HEX(primary_key) AS k, `status`, message FROM sync_status "
                                     "WHERE `table_name` = ? AND remote = ?"),
                      {table, remote});
    QMap<QString, QVariantMap> byKey;
    for (const QVariantMap &r : rows)
        byKey.insert(r.value(QStringLiteral("k")).toString(), r);
    if (byKey.size() != rows.size() || rows.size() != keys.size())
        return QStringLiteral("%1 sync_status rows (%2 distinct keys), expected %3")
            .arg(rows.size())
            .arg(byKey.size())
            .arg(keys.size());
    for (const QString &key : keys) {
        const QVariantMap r = byKey.value(utf8Hex(key));
        if (r.isEmpty())
            return QStringLiteral("no sync_status row whose key is exactly %1 (%2)").arg(key, utf8Hex(key));
        if (r.value(QStringLiteral("status")).toString() != QLatin1String("successful"))
            return QStringLiteral("key %1 is %2: %3")
                .arg(key, r.value(QStringLiteral("status")).toString(), r.value(QStringLiteral("message")).toString());
        if (r.value(QStringLiteral("id")).toString() != statusId(table, key, remote))
            return QStringLiteral("key %1 has id %2, expected %3")
                .arg(key, r.value(QStringLiteral("id")).toString(), statusId(table, key, remote));
    }
    return {};
}

bool TestCharsets::settled(Site &from, Site &to, const QString &table, const QStringList &keys)
{
    const QString sent = from.db->dump(table);
    return !sent.isEmpty() && sent == to.db->dump(table) && from.db->count(QStringLiteral("table_changes")) == 0
        && statusProblem(from, table, to.client, keys).isEmpty();
}

QString TestCharsets::state(Site &a, Site &b, const QString &table)
{
    // Everything into the log (a failure message is cut short), the first differences returned.
    QString out;
    for (Site *s : {&a, &b}) {
        out += QStringLiteral("---- %1 %2:\n%3").arg(s->client, table, s->db->dump(table).left(6000));
        out += QStringLiteral("table_changes: %1\n").arg(s->db->count(QStringLiteral("table_changes")));
        for (const QVariantMap &r :
             s->db->rows(QStringLiteral("SELECT remote, primary_key, `status`, message FROM sync_status "
                                        "ORDER BY primary_key LIMIT 60")))
            out +=
                QStringLiteral("  status %1 [%2] %3 %4\n")
                    .arg(r.value(QStringLiteral("remote")).toString(),
                         r.value(QStringLiteral("primary_key")).toString(),
                         r.value(QStringLiteral("status")).toString(), r.value(QStringLiteral("message")).toString());
    }
    qWarning().noquote() << out;
    const QStringList sent = a.db->dump(table).split(QLatin1Char('\n'));
    const QStringList got = b.db->dump(table).split(QLatin1Char('\n'));
    QStringList differences;
    for (const QString &line : sent) {
        if (!got.contains(line) && differences.size() < 3)
            differences << QStringLiteral("%1 has [%2], %3 not").arg(a.client, line, b.client);
    }
    for (const QString &line : got) {
        if (!sent.contains(line) && differences.size() < 6)
            differences << QStringLiteral("%1 has [%2], %3 not").arg(b.client, line, a.client);
    }
    return differences.join(QLatin1Char('\n'));
}

QString TestCharsets::triggerModeProblem(Site &site, const QString &table, const QString &modes)
{
    const auto rows =
        site.db->rows(QStringLiteral("SELECT TRIGGER_NAME AS n, SQL_MODE AS m FROM information_schema.TRIGGERS "
                                     "WHERE TRIGGER_SCHEMA = ? AND EVENT_OBJECT_TABLE = ?"),
                      {site.db->databaseName(), table});
    if (rows.size() != 3)
        return QStringLiteral("%1 triggers on %2 in %3").arg(rows.size()).arg(table, site.client);
    for (const QVariantMap &r : rows) {
        const QStringList mode = r.value(QStringLiteral("m")).toString().split(QLatin1Char(','));
        for (const QString &part : modes.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!mode.contains(part))
                return QStringLiteral("trigger %1 was created under sql_mode %2, without %3")
                    .arg(r.value(QStringLiteral("n")).toString(), mode.join(QLatin1Char(',')), part);
        }
    }
    return {};
}

// ---------------------------------------------------------------------------------------------

void TestCharsets::roundTrip_data()
{
    QTest::addColumn<QString>("modes");
    QTest::addColumn<bool>("bidirectional");
    QTest::addColumn<QString>("charset"); // both engines' mysqlConfig.charset (empty: not given)
    QTest::newRow("server default sql_mode, multi-row path") << QString() << false << QString();
    QTest::newRow("server default sql_mode, single-row path") << QString() << true << QString();
    QTest::newRow("NO_BACKSLASH_ESCAPES+ANSI_QUOTES, multi-row path") << kHostileModes << false << QString();
    QTest::newRow("NO_BACKSLASH_ESCAPES+ANSI_QUOTES, single-row path") << kHostileModes << true << QString();
    // A 3-byte utf8 name in the configuration still gives a utf8mb4 connection: emoji survive.
    QTest::newRow("NO_BACKSLASH_ESCAPES+ANSI_QUOTES, multi-row path, charset UTF8_GENERAL_CI")
        << kHostileModes << false << QStringLiteral("UTF8_GENERAL_CI");
    QTest::newRow("NO_BACKSLASH_ESCAPES+ANSI_QUOTES, single-row path, charset utf8")
        << kHostileModes << true << QStringLiteral("utf8");
}

void TestCharsets::roundTrip()
{
    QFETCH(QString, modes);
    QFETCH(bool, bidirectional);
    QFETCH(QString, charset);
    QVERIFY(setModes(modes));
    const int run = ++m_run;
    const QString table = QStringLiteral("vals_%1").arg(run);
    const QString ddl = QStringLiteral("CREATE TABLE %1 (id VARCHAR(64) NOT NULL PRIMARY KEY, txt TEXT NULL, "
                                       "vc VARCHAR(255) NULL)")
                            .arg(table);
    Site a, b;
    QVERIFY(makeSite(a, QStringLiteral("site_a"), 'A', QStringLiteral("charsets_a_%1").arg(run), {ddl}));
    QVERIFY(makeSite(b, QStringLiteral("site_b"), 'B', QStringLiteral("charsets_b_%1").arg(run), {ddl}));
    // This test's own sessions run under the mode too (they bind every value).
    const QString session = a.db->scalar(QStringLiteral("SELECT @@SESSION.sql_mode")).toString();
    QVERIFY2(modes.isEmpty() || session.contains(QLatin1String("NO_BACKSLASH_ESCAPES")), qPrintable(session));

    QVERIFY(startEngine(a, b.client, {table}, {}, charset));
    QVERIFY(startEngine(b, a.client, bidirectional ? QStringList{table} : QStringList{}, {table}, charset));
    WAIT_READY(a, b);
    // The engines' sessions have the mode: their triggers were created under it.
    QString problem = triggerModeProblem(a, table, modes);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    if (bidirectional) {
        problem = triggerModeProblem(b, table, modes);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // Every value, in one transaction: the receiver gets them as one burst.
    const QStringList values = trickyValues();
    const int n = int(values.size());
    QStringList keys;
    QMap<QString, QPair<QVariant, QVariant>> expected; // key -> (txt, vc)
    auto vcOf = [&](int i) { return i == n - 1 ? QVariant() : QVariant(values.at((i + 5) % n)); };
    QSqlDatabase conn = a.db->database();
    QVERIFY(conn.transaction());
    for (int i = 0; i < n; ++i) {
        keys << trickyKey(i);
        expected.insert(keys.last(), {values.at(i), vcOf(i)});
        QVERIFY(a.db->exec(QStringLiteral("INSERT INTO %1 (id, txt, vc) VALUES (?, ?, ?)").arg(table),
                           {keys.last(), values.at(i), vcOf(i)}));
    }
    QVERIFY(conn.commit());
    auto expectedHex = [&] {
        QStringList out;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            out << QStringList{utf8Hex(it.key()),
                               it.value().first.isNull() ? QStringLiteral("NULL")
                                                         : utf8Hex(it.value().first.toString()),
                               it.value().second.isNull() ? QStringLiteral("NULL")
                                                          : utf8Hex(it.value().second.toString())}
                       .join(QLatin1Char(' '));
        }
        out.sort();
        return out;
    };
    QCOMPARE(hexRows(*a.db, table, {QStringLiteral("txt"), QStringLiteral("vc")}), expectedHex());
    QVERIFY2(waitUntil([&] { return settled(a, b, table, keys); }, kSyncTimeoutMs),
             qPrintable(state(a, b, table) + QLatin1Char('\n') + statusProblem(a, table, b.client, keys)));
    QCOMPARE(hexRows(*b.db, table, {QStringLiteral("txt"), QStringLiteral("vc")}), expectedHex());

    // The path taken: a multi-row INSERT for the receive-only table, none for the bidirectional one.
    const qint64 multiRow =
        m_adminB
            ->scalar(QStringLiteral("SELECT COUNT(*) FROM mysql.general_log WHERE command_type = 'Query' "
                                    "AND argument LIKE ?"),
                     {QStringLiteral("INSERT INTO `%1` (%),(%").arg(table)})
            .toLongLong();
    if (bidirectional)
        QCOMPARE(multiRow, 0);
    else
        QVERIFY2(multiRow >= 1, "the rows never arrived together in one multi-row INSERT");

    // Every row changes at once (the upsert's UPDATE half), then two are deleted.
    QVERIFY(conn.transaction());
    for (int i = 0; i < n; ++i) {
        const QVariant txt = values.at((i + 7) % n), vc = vcOf((i + 3) % n);
        expected[keys.at(i)] = {txt, vc};
        QVERIFY(
            a.db->exec(QStringLiteral("UPDATE %1 SET txt = ?, vc = ? WHERE id = ?").arg(table), {txt, vc, keys.at(i)}));
    }
    QVERIFY(conn.commit());
    QVERIFY2(waitUntil(
                 [&] {
                     return settled(a, b, table, keys)
                         && hexRows(*b.db, table, {QStringLiteral("txt"), QStringLiteral("vc")}) == expectedHex();
                 },
                 kSyncTimeoutMs),
             qPrintable(state(a, b, table) + QLatin1Char('\n') + statusProblem(a, table, b.client, keys)));
    for (int i : {2, 6}) {
        QVERIFY(a.db->exec(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table), {keys.at(i)}));
        expected.remove(keys.at(i));
    }
    QVERIFY2(waitUntil([&] { return settled(a, b, table, keys) && b.db->count(table) == n - 2; }, kSyncTimeoutMs),
             qPrintable(state(a, b, table) + QLatin1Char('\n') + statusProblem(a, table, b.client, keys)));
    QCOMPARE(hexRows(*b.db, table, {QStringLiteral("txt"), QStringLiteral("vc")}), expectedHex());
    QCOMPARE(b.db->dump(table), a.db->dump(table));
    // Nothing came back to the sender.
    QCOMPARE(b.db->count(QStringLiteral("table_changes")), 0);

    QVERIFY(a.engine->isRunning() && b.engine->isRunning());
    QVERIFY(a.engine->stop());
    QVERIFY(b.engine->stop());
}

// A database whose default character set is latin1 (the receiving site's, on server B).
void TestCharsets::latin1Database()
{
    QVERIFY(setModes(kHostileModes));
    const QString latinDb = QStringLiteral("charsets_latin1");
    QVERIFY(m_adminB->exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(latinDb)));
    QVERIFY(m_adminB->exec(
        QStringLiteral("CREATE DATABASE %1 CHARACTER SET latin1 COLLATE latin1_swedish_ci").arg(latinDb)));
    // lt: latin1 columns (the database's default), received here; e: utf8mb4 columns, sent from here.
    const QString lt = QStringLiteral(
        "CREATE TABLE lt (id VARCHAR(64) NOT NULL PRIMARY KEY, txt VARCHAR(255) NULL, long_txt TEXT NULL)");
    const QString e = QStringLiteral("CREATE TABLE e (id VARCHAR(64) CHARACTER SET utf8mb4 NOT NULL PRIMARY KEY, "
                                     "txt VARCHAR(255) CHARACTER SET utf8mb4 NULL)");
    Site a, l;
    QVERIFY(makeSite(a, QStringLiteral("site_a"), 'A', QStringLiteral("charsets_latin1_a"), {lt, e}));
    QVERIFY(makeSite(l, QStringLiteral("site_l"), 'B', latinDb, {lt, e}, SiteDatabase::Attach));
    QCOMPARE(l.db->scalar(QStringLiteral(
                              "SELECT GROUP_CONCAT(DISTINCT CHARACTER_SET_NAME) FROM information_schema.COLUMNS "
                              "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'lt' AND DATA_TYPE <> 'int'"),
                          {latinDb})
                 .toString(),
             QStringLiteral("latin1"));

    QVERIFY(startEngine(a, l.client, {QStringLiteral("lt")}, {QStringLiteral("e")}));
    QVERIFY(startEngine(l, a.client, {QStringLiteral("e")}, {QStringLiteral("lt")}));
    WAIT_READY(a, l);
    // The engine's own tables are utf8mb4 in a latin1 database.
    const auto collations =
        l.db->rows(QStringLiteral("SELECT TABLE_NAME AS t, TABLE_COLLATION AS c FROM information_schema.TABLES "
                                  "WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN ('table_changes', 'sync_status') "
                                  "ORDER BY 1"),
                   {latinDb});
    QCOMPARE(collations.size(), 2);
    for (const QVariantMap &r : collations)
        QVERIFY2(r.value(QStringLiteral("c")).toString().startsWith(QLatin1String("utf8mb4")),
                 qPrintable(r.value(QStringLiteral("t")).toString() + QLatin1String(" is ")
                            + r.value(QStringLiteral("c")).toString()));

    // latin1-representable values, quotes and backslashes included, arrive as latin1 bytes.
    const QStringList latinValues = {
        QStringLiteral("Grüße"),
        QStringLiteral("café 'x' \"y\" \\ \\' \\\\"),
        QStringLiteral("½ © ® ÿ Ø"),
        QStringLiteral("tab\there\nnewline"),
        QStringLiteral("nul") + QChar(0) + QStringLiteral("inside"),
        QString(QLatin1String("")),
        QStringLiteral("%_ ends\\"),
        QStringLiteral("x' OR '1'='1"),
    };
    QStringList keys, expectedA, expectedL;
    QSqlDatabase conn = a.db->database();
    QVERIFY(conn.transaction());
    for (int i = 0; i < latinValues.size(); ++i) {
        const QString key = QStringLiteral("k%1 é'\\ß").arg(i);
        const QString txt = latinValues.at(i), longTxt = latinValues.at((i + 3) % latinValues.size()).repeated(3);
        keys << key;
        QVERIFY(a.db->exec(QStringLiteral("INSERT INTO lt (id, txt, long_txt) VALUES (?, ?, ?)"), {key, txt, longTxt}));
        expectedA << QStringList{utf8Hex(key), utf8Hex(txt), utf8Hex(longTxt)}.join(QLatin1Char(' '));
        expectedL << QStringList{latin1Hex(key), latin1Hex(txt), latin1Hex(longTxt)}.join(QLatin1Char(' '));
    }
    QVERIFY(conn.commit());
    expectedA.sort();
    expectedL.sort();
    QVERIFY2(waitUntil([&] { return settled(a, l, QStringLiteral("lt"), keys); }, kSyncTimeoutMs),
             qPrintable(state(a, l, QStringLiteral("lt")) + QLatin1Char('\n')
                        + statusProblem(a, QStringLiteral("lt"), l.client, keys)));
    QCOMPARE(hexRows(*a.db, QStringLiteral("lt"), {QStringLiteral("txt"), QStringLiteral("long_txt")}), expectedA);
    QCOMPARE(hexRows(*l.db, QStringLiteral("lt"), {QStringLiteral("txt"), QStringLiteral("long_txt")}), expectedL);

    // Keys with emoji sent from the latin1 database: its table_changes and sync_status hold them.
    const QStringList emojiKeys = {QStringLiteral("e1 😀"), QStringLiteral("e2 it's \\ 🎉"), QStringLiteral("e3 \"𝄞\"")};
    for (const QString &key : emojiKeys)
        QVERIFY(l.db->exec(QStringLiteral("INSERT INTO e (id, txt) VALUES (?, ?)"),
                           {key, QString(key + QStringLiteral(" 😀 ' \\"))}));
    QVERIFY2(waitUntil([&] { return settled(l, a, QStringLiteral("e"), emojiKeys); }, kSyncTimeoutMs),
             qPrintable(state(l, a, QStringLiteral("e")) + QLatin1Char('\n')
                        + statusProblem(l, QStringLiteral("e"), a.client, emojiKeys)));
    QCOMPARE(hexRows(*a.db, QStringLiteral("e"), {QStringLiteral("txt")}),
             hexRows(*l.db, QStringLiteral("e"), {QStringLiteral("txt")}));
    QCOMPARE(a.db->scalar(QStringLiteral("SELECT HEX(txt) FROM e WHERE id = ?"), {emojiKeys.at(1)}).toString(),
             utf8Hex(emojiKeys.at(1) + QStringLiteral(" 😀 ' \\")));

    QVERIFY(a.engine->stop());
    QVERIFY(l.engine->stop());
}

QTEST_GUILESS_MAIN(TestCharsets)
#include "tst_charsets.moc"
