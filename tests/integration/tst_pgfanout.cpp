// Issue 17, seed 003's case on PostgreSQL: an append-only `events` table of a PostgreSQL site
// (site_s) fanned out to two destinations, one PostgreSQL (site_d1, a second database on the
// harness's PostgreSQL server) and one MariaDB (site_d2, server A). While events keep being
// written, each of the three engines is stopped (SIGKILL or SIGTERM) in the middle of the
// stream and started again. At the end the three tables hold the same rows, and
// `mysql-sync verify` run against the source finds both remotes identical.
#include <QJsonObject>
#include <QTest>

#include "EngineProcess.h"
#include "SiteSet.h"
#include "SitesTest.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {

constexpr int kBatch = 10;         // events per statement
constexpr int kBatchesPerStep = 5; // written before each stop and again while the engine is down

} // namespace

class TestPgFanout : public SitesTest {
    Q_OBJECT
private slots:
    void eventsSurviveStops();
};

void TestPgFanout::eventsSurviveStops()
{
    const QStringList pgSource = {QStringLiteral(
        "CREATE TABLE events (id bigserial PRIMARY KEY, kind varchar(32) NOT NULL, payload text, amount integer)")};
    const QStringList pgDestination = {QStringLiteral(
        "CREATE TABLE events (id bigint PRIMARY KEY, kind varchar(32) NOT NULL, payload text, amount integer)")};
    const QStringList mariaDestination = {
        QStringLiteral("CREATE TABLE events (id BIGINT NOT NULL PRIMARY KEY, kind VARCHAR(32) NOT NULL, payload TEXT "
                       "NULL, amount INT NULL)")};
    const QStringList tables{QStringLiteral("events")};
    m_watchedTables = tables;
    SITES_MAKE(*m_sites, s, QStringLiteral("site_s"), 'P', QStringLiteral("tpgfan_s"), pgSource);
    SITES_MAKE(*m_sites, d1, QStringLiteral("site_d1"), 'P', QStringLiteral("tpgfan_d1"), pgDestination);
    SITES_MAKE(*m_sites, d2, QStringLiteral("site_d2"), 'A', QStringLiteral("tpgfan_d2"), mariaDestination);
    m_sites->configure(s, {d1.client, d2.client}, tables, {});
    m_sites->configure(d1, {s.client}, {}, tables);
    m_sites->configure(d2, {s.client}, {}, tables);
    for (Site *site : {&s, &d1, &d2})
        QVERIFY(m_sites->start(*site));
    QVERIFY(m_sites->waitReady(s, {d1.client, d2.client}));
    QVERIFY(m_sites->waitReady(d1, {s.client}));
    QVERIFY(m_sites->waitReady(d2, {s.client}));

    qint64 written = 0;
    auto write = [&](int batches) {
        for (int b = 0; b < batches; ++b) {
            QStringList values;
            for (int i = 0; i < kBatch; ++i) {
                ++written;
                values << QStringLiteral("('kind-%1', 'event %2 \"q\" ''x'' ü', %3)")
                              .arg(written % 7)
                              .arg(written)
                              .arg(written % 3 ? QString::number(written * 13) : QStringLiteral("NULL"));
            }
            if (!s.db->exec(QStringLiteral("INSERT INTO events (kind, payload, amount) VALUES ")
                            + values.join(QStringLiteral(", "))))
                return false;
        }
        return true;
    };
    auto arrived = [&](Site &site) { return site.db->count(QStringLiteral("events")); };

    struct Stop {
        Site *site;
        bool kill; // SIGKILL, else SIGTERM
    };
    const QList<Stop> stops = {{&s, true}, {&d1, false}, {&d2, true}, {&s, false}, {&d1, true}, {&d2, false}};
    for (const Stop &stop : stops) {
        // Events flowing: some of this step's have reached both destinations when the stop hits.
        const qint64 before = written;
        QVERIFY(write(kBatchesPerStep));
        WAIT_FOR(arrived(d1) > before && arrived(d2) > before, kSyncTimeoutMs);
        if (stop.kill)
            stop.site->engine->kill9();
        else
            QVERIFY2(stop.site->engine->stop(), stop.site->engine->log().right(3000).constData());
        QVERIFY(write(kBatchesPerStep));
        QVERIFY(m_sites->start(*stop.site));
        QVERIFY(write(1));
    }
    QVERIFY(write(kBatchesPerStep));

    WAIT_FOR(arrived(s) == written && arrived(d1) == written && arrived(d2) == written, kSyncTimeoutMs * 2);
    QVERIFY(SiteSet::sameDumps(s, d1, QStringLiteral("events"), QStringLiteral("id")));
    QVERIFY(SiteSet::sameDumps(s, d2, QStringLiteral("events"), QStringLiteral("id")));
    QVERIFY(m_sites->waitReady(s, {d1.client, d2.client}));
    WAIT_FOR(SiteSet::pendingChanges(s) == 0 && SiteSet::unsettled(s, d1.client) == 0
                 && SiteSet::unsettled(s, d2.client) == 0,
             kSyncTimeoutMs);

    // verify through the source's running engine agrees: both remotes identical (exit 0).
    for (const QString &remote : {d1.client, d2.client}) {
        const EngineProcess::CommandRun run =
            EngineProcess::runCommand({QStringLiteral("verify"), QStringLiteral("--remote"), remote,
                                       QStringLiteral("--timeout"), QStringLiteral("60"), s.engine->configPath()},
                                      90000);
        QVERIFY2(run.exitCode == 0,
                 qPrintable(QStringLiteral("verify %1: exit %2: %3").arg(remote).arg(run.exitCode).arg(run.output)));
    }
}

QTEST_GUILESS_MAIN(TestPgFanout)
#include "tst_pgfanout.moc"
