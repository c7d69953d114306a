// Issue 17, more of a PostgreSQL site's life next to a MariaDB site (site_a, harness server A;
// site_p, the harness's PostgreSQL server), with real mysql-sync daemons: the PostgreSQL server
// restarted under a running engine (no row lost either way, the engine reconnects by itself
// and LISTENs again), an operator's settlement that changes no row still waking the capture at
// once, and transformers' context.database.query with ? placeholders on PostgreSQL.
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include "EngineProcess.h"
#include "SiteDatabase.h"
#include "SiteSet.h"
#include "SitesTest.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {

const QString kA = QStringLiteral("site_a");
const QString kP = QStringLiteral("site_p");

const QString kMariaItems =
    QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(128) NOT NULL)");
const QString kPgItems = QStringLiteral("CREATE TABLE items (id integer PRIMARY KEY, name varchar(128) NOT NULL)");

// Rows first..last of items at `site`, named `name`, one statement each.
bool insertRows(Site &site, int first, int last, const QString &name)
{
    for (int id = first; id <= last; ++id) {
        if (!site.db->exec(QStringLiteral("INSERT INTO items (id, name) VALUES (?, ?)"), {id, name}))
            return false;
    }
    return true;
}

bool hasRow(Site &site, int id)
{
    return site.db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id = ?"), {id}).toInt() == 1;
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

// site_p's items.js, both ways: two ? placeholders, one of them next to a '?' inside a string
// literal (which stays a literal).
const char kLabelTransformer[] =
    "module.exports = async function (context) {\n"
    "  if (context.entity === null) return null;\n"
    "  const rows = await context.database.query(\n"
    "    \"SELECT label, '?' AS q FROM id_mapping WHERE id = ? AND label <> ? ORDER BY label\",\n"
    "    context.entity.id, 'hidden');\n"
    "  const label = rows.length ? rows[0].label + rows[0].q : 'none';\n"
    "  context.entity.name = context.entity.name + ' ' + context.source + '->' + context.target + ' ' + label;\n"
    "  return context.entity;\n"
    "};\n";

} // namespace

class TestPgSites : public SitesTest {
    Q_OBJECT
private slots:
    void serverRestarted();
    void settlementWakesCapture();
    void transformerQueries();

private:
    // site_a on MariaDB and site_p on PostgreSQL with items (and `extraDdl` on both), both
    // running and seeing each other; `extra` config keys on both.
    bool startPair(const QString &prefix, const QStringList &mariaExtraDdl, const QStringList &pgExtraDdl,
                   const QJsonObject &extraA, const QJsonObject &extraP, Site **a, Site **p);
    // `mysql-sync settle` for `site`; its output on failure, else empty.
    static QString settle(Site &site, qint64 id, const QStringList &how);
};

bool TestPgSites::startPair(const QString &prefix, const QStringList &mariaExtraDdl, const QStringList &pgExtraDdl,
                            const QJsonObject &extraA, const QJsonObject &extraP, Site **a, Site **p)
{
    *a = m_sites->make(kA, 'A', prefix + QStringLiteral("_a"), QStringList{kMariaItems} + mariaExtraDdl);
    *p = m_sites->make(kP, 'P', prefix + QStringLiteral("_p"), QStringList{kPgItems} + pgExtraDdl);
    if (!*a || !*p)
        return false;
    const QStringList tables{QStringLiteral("items")};
    m_watchedTables = tables;
    m_sites->configure(**a, {kP}, tables, tables, extraA);
    m_sites->configure(**p, {kA}, tables, tables, extraP);
    return m_sites->start(**a) && m_sites->start(**p) && m_sites->waitReady(**a, {kP}) && m_sites->waitReady(**p, {kA});
}

QString TestPgSites::settle(Site &site, qint64 id, const QStringList &how)
{
    const EngineProcess::CommandRun run =
        EngineProcess::runCommand(QStringList{QStringLiteral("settle"), site.engine->configPath(), QString::number(id)}
                                      + how,
                                  30000);
    if (run.exitCode != 0)
        return QStringLiteral("settle %1 %2 failed (exit %3): %4")
            .arg(id)
            .arg(how.join(QLatin1Char(' ')))
            .arg(run.exitCode)
            .arg(run.output);
    return {};
}

// ---------------------------------------------------------------------------------------------

void TestPgSites::serverRestarted()
{
    Site *a = nullptr;
    Site *p = nullptr;
    QVERIFY(startPair(QStringLiteral("tpgsites_restart"), {}, {}, {}, {}, &a, &p));
    // A failed check must not leave the shared PostgreSQL server stopped for the next tests.
    auto restartServer = qScopeGuard([this] { m_servers.postgres(QStringLiteral("start-postgres")); });

    QVERIFY(insertRows(*a, 1, 20, QStringLiteral("a before")));
    QVERIFY(insertRows(*p, 1001, 1020, QStringLiteral("p before")));
    WAIT_FOR(a->db->count(QStringLiteral("items")) == 40 && p->db->count(QStringLiteral("items")) == 40,
             kSyncTimeoutMs);

    // The server goes away under the running engine (fast shutdown: every session is cut off).
    const int offset = int(p->engine->log().size());
    QVERIFY(m_servers.postgres(QStringLiteral("stop-postgres")));
    QVERIFY(insertRows(*a, 21, 40, QStringLiteral("a during")));
    QVERIFY2(p->engine->waitForLog("database connection lost", kSyncTimeoutMs, offset),
             p->engine->log().mid(offset).right(3000).constData());
    QVERIFY(m_servers.postgres(QStringLiteral("start-postgres")));
    // The test's own connection was cut too. Rows written on PostgreSQL as soon as it is back,
    // while the engine is still waiting to reconnect.
    p->db = std::make_unique<SiteDatabase>(m_servers, 'P', p->db->databaseName(), SiteDatabase::Attach);
    QVERIFY2(p->db->isOpen(), qPrintable(p->db->lastError()));
    QVERIFY(insertRows(*p, 1021, 1040, QStringLiteral("p during")));
    QVERIFY(insertRows(*a, 41, 50, QStringLiteral("a during")));

    // The engine reconnects by itself, LISTEN included.
    QVERIFY2(p->engine->waitForLog("capture woken by notifications on mysql_sync_changes", kSyncTimeoutMs, offset),
             p->engine->log().mid(offset).right(3000).constData());
    QVERIFY(p->engine->isRunning());
    QVERIFY(insertRows(*a, 51, 60, QStringLiteral("a after")));
    QVERIFY(insertRows(*p, 1041, 1060, QStringLiteral("p after")));
    WAIT_FOR(a->db->count(QStringLiteral("items")) == 120 && p->db->count(QStringLiteral("items")) == 120
                 && SiteSet::sameDumps(*a, *p, QStringLiteral("items")),
             kSyncTimeoutMs);

    // Changes on PostgreSQL are still read at once (woken by NOTIFY on the new LISTEN
    // connection), not at the once-a-second safety-net look.
    const QList<qint64> took = timeArrivals(
        10, [&](int i) { return insertRows(*p, 2001 + i, 2001 + i, QStringLiteral("timed")); },
        [&](int i) { return hasRow(*a, 2001 + i); }, kSyncTimeoutMs);
    QCOMPARE(took.size(), 10);
    QVERIFY2(countBelow(took, 300) >= 8, qPrintable(describeTimes(took)));

    // Everything each site wrote is acknowledged, nothing is left to capture.
    QSet<QString> fromP;
    for (int id = 1001; id <= 1060; ++id)
        fromP << QString::number(id);
    for (int id = 2001; id <= 2010; ++id)
        fromP << QString::number(id);
    QSet<QString> fromA;
    for (int id = 1; id <= 60; ++id)
        fromA << QString::number(id);
    WAIT_FOR(SiteSet::allSuccessful(*p, QStringLiteral("items"), kA, fromP)
                 && SiteSet::allSuccessful(*a, QStringLiteral("items"), kP, fromA) && SiteSet::pendingChanges(*p) == 0
                 && SiteSet::pendingChanges(*a) == 0,
             kSyncTimeoutMs);
    QVERIFY(SiteSet::sameDumps(*a, *p, QStringLiteral("items")));
}

// ---------------------------------------------------------------------------------------------

void TestPgSites::settlementWakesCapture()
{
    // Manual conflicts; the rows both sites start with count as synced.
    constexpr int kRows = 8;
    const QJsonObject extra{{QStringLiteral("initialLoad"), false},
                            {QStringLiteral("conflicts"),
                             QJsonObject{{QStringLiteral("items"), QStringLiteral("manual")}}}};
    QStringList seed;
    for (int id = 1; id <= kRows; ++id)
        seed << QStringLiteral("INSERT INTO items (id, name) VALUES (%1, 'start')").arg(id);
    Site *a = nullptr;
    Site *p = nullptr;
    QVERIFY(startPair(QStringLiteral("tpgsites_settle"), seed, seed, extra, extra, &a, &p));
    auto brokerBack = qScopeGuard([this] { m_servers.broker(QStringLiteral("start-broker")); });

    // Deleted on PostgreSQL, updated on MariaDB, without seeing each other: each site keeps
    // its own and records the conflict.
    QVERIFY(m_servers.broker(QStringLiteral("stop-broker")));
    QVERIFY(p->db->exec(QStringLiteral("DELETE FROM items")));
    QVERIFY(a->db->exec(QStringLiteral("UPDATE items SET name = 'A'")));
    WAIT_FOR(SiteSet::pendingChanges(*a) == 0 && SiteSet::pendingChanges(*p) == 0, kSyncTimeoutMs);
    QVERIFY(m_servers.broker(QStringLiteral("start-broker")));
    const QString openCount = QStringLiteral("SELECT COUNT(*) FROM sync_conflicts WHERE settled_at IS NULL");
    WAIT_FOR(p->db->scalar(openCount).toInt() == kRows && a->db->scalar(openCount).toInt() == kRows
                 && SiteSet::unsettled(*a, kP) == 0 && SiteSet::unsettled(*p, kA) == 0,
             kSyncTimeoutMs);
    QCOMPARE(p->db->count(QStringLiteral("items")), 0);
    QCOMPARE(a->db->count(QStringLiteral("items")), kRows);

    // Settled at site_p with `mysql-sync settle` while its engine runs, keeping the local
    // deletion: the row is already gone there, so no trigger fires and no row changes; only
    // the settlement's own table_changes row (and its notification) tells the capture. The
    // engine, idle, looks by itself only once a second: the deletions reach MariaDB well
    // within that only because the settlement woke it.
    QString failed;
    const QList<qint64> took = timeArrivals(
        kRows,
        [&](int i) {
            const qint64 id = p->db
                                  ->scalar(QStringLiteral("SELECT id FROM sync_conflicts WHERE settled_at IS NULL "
                                                          "AND primary_key = ?"),
                                           {QString::number(i + 1)})
                                  .toLongLong();
            failed = settle(*p, id, {QStringLiteral("keep-local")});
            return failed.isEmpty();
        },
        [&](int i) { return !hasRow(*a, i + 1); }, kSyncTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QCOMPARE(took.size(), kRows);
    QVERIFY2(countBelow(took, 400) >= kRows - 2, qPrintable(describeTimes(took)));

    WAIT_FOR(a->db->scalar(openCount).toInt() == 0 && p->db->scalar(openCount).toInt() == 0
                 && SiteSet::pendingChanges(*p) == 0 && SiteSet::unsettled(*p, kA) == 0,
             kSyncTimeoutMs);
    QCOMPARE(a->db->count(QStringLiteral("items")), 0);
}

// ---------------------------------------------------------------------------------------------

void TestPgSites::transformerQueries()
{
    QTemporaryDir transformers;
    QVERIFY(transformers.isValid());
    QVERIFY(writeFile(transformers.filePath(QStringLiteral("items.js")), kLabelTransformer));
    const QStringList pgMapping = {
        QStringLiteral("CREATE TABLE id_mapping (id integer NOT NULL, label varchar(32) NOT NULL)"),
        QStringLiteral("INSERT INTO id_mapping VALUES (1, 'one'), (2, 'two'), (3, 'hidden'), (3, 'three')"),
    };
    Site *a = nullptr;
    Site *p = nullptr;
    QVERIFY(startPair(QStringLiteral("tpgsites_transform"), {}, pgMapping, {},
                      {{QStringLiteral("transformerDirectory"), transformers.path()}}, &a, &p));

    // Incoming at site_p: the query runs on PostgreSQL with both values bound.
    QVERIFY(insertRows(*a, 1, 1, QStringLiteral("x")));
    QVERIFY(insertRows(*a, 3, 3, QStringLiteral("z")));
    QVERIFY(insertRows(*a, 4, 4, QStringLiteral("w")));
    // Outgoing from site_p: the row stays as written here and arrives transformed.
    QVERIFY(insertRows(*p, 2, 2, QStringLiteral("y")));
    const QString name = QStringLiteral("SELECT name FROM items WHERE id = ?");
    WAIT_FOR(p->db->count(QStringLiteral("items")) == 4 && a->db->count(QStringLiteral("items")) == 4, kSyncTimeoutMs);
    QCOMPARE(p->db->scalar(name, {1}).toString(), QStringLiteral("x site_a->site_p one?"));
    QCOMPARE(p->db->scalar(name, {3}).toString(), QStringLiteral("z site_a->site_p three?"));
    QCOMPARE(p->db->scalar(name, {4}).toString(), QStringLiteral("w site_a->site_p none"));
    QCOMPARE(p->db->scalar(name, {2}).toString(), QStringLiteral("y"));
    QCOMPARE(a->db->scalar(name, {2}).toString(), QStringLiteral("y site_p->site_a two?"));
    QSet<QString> keys{QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("4")};
    WAIT_FOR(SiteSet::allSuccessful(*a, QStringLiteral("items"), kP, keys)
                 && SiteSet::allSuccessful(*p, QStringLiteral("items"), kA, {QStringLiteral("2")}),
             kSyncTimeoutMs);
}

QTEST_GUILESS_MAIN(TestPgSites)
#include "tst_pgsites.moc"
