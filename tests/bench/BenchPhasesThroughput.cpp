// Phases insert (the database's own rate with the triggers, repeated) and e2e (both paths).
#include "Bench.h"

#include "Mqtt.h"
#include "ProcStat.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

using namespace testsupport;

namespace bench {

namespace {

// Some of InnoDB's counters on a connection (SHOW GLOBAL STATUS), by name.
QHash<QString, qint64> innodbStatus(QSqlDatabase db)
{
    QHash<QString, qint64> r;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral(
            "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_data_fsyncs', "
            "'Innodb_buffer_pool_pages_flushed', 'Innodb_buffer_pool_pages_dirty', 'Innodb_data_written')"))) {
        while (q.next())
            r.insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    return r;
}

} // namespace

// 1. The database's own insert rate with the engine's triggers (engine stopped), --insert-repeats
// times, with what may explain the spread: MariaDB A's CPU per row, how busy the whole machine
// was meanwhile (other processes, the host's steal), InnoDB's fsyncs and page flushes.
void Bench::phaseInsert()
{
    heading(QStringLiteral("[1] database insert rate on A, triggers installed, engine stopped"));
    {
        // The engine is stopped only once it is fully up (its first heartbeat on /info):
        // the triggers are its work, and a stop while it still connects is another matter.
        MqttSubscriber info(m_servers, QStringLiteral("/info"));
        if (!startEngine(
                *m_engineA, [this] { return triggersInstalled(); }, QStringLiteral("triggers on A")))
            return;
        const bool up = pollUntil(
            [&] {
                for (const QString &l : info.lines())
                    if (l.contains(QLatin1String("\"site_a\"")) && l.contains(QLatin1String("\"connected\"")))
                        return true;
                return !m_engineA->isRunning();
            },
            timeout(30), 20);
        if (!up || !m_engineA->isRunning())
            fail(QStringLiteral("insert"),
                 QStringLiteral("no heartbeat of site_a on /info within %1 s (measuring anyway)").arg(timeout(30)));
    }
    if (!m_engineA->stop()) {
        // Reported, but the measurement needs only the triggers, which stay.
        fail(QStringLiteral("insert"),
             QStringLiteral("site_a did not stop cleanly (measuring anyway):\n") + logTail(*m_engineA));
    }
    if (!triggersInstalled()) {
        fail(QStringLiteral("insert"), QStringLiteral("the triggers are gone after site_a stopped"));
        return;
    }
    QSqlDatabase db = m_a->database();
    QString error;
    const qint64 mariadbA = m_servers.pid(QStringLiteral("mysql-a.pid"));
    line(QStringLiteral("rows, transactions"),
         QStringLiteral("%1 rows in %2-row multi-row INSERT transactions, %3 run(s), "
                        "each on emptied tables")
             .arg(m_opt.rows)
             .arg(m_opt.batch)
             .arg(m_opt.insertRepeats));
    const QStringList plain = buildInserts(QStringLiteral("items_plain"), 1, m_opt.rows, m_opt.batch, 1);
    const QStringList withTriggers = buildInserts(QStringLiteral("items"), 1, m_opt.rows, m_opt.batch, 1);
    QList<double> rates, plainRates;
    QJsonArray runs;
    qint64 logged = -1;
    for (int run = 1; run <= m_opt.insertRepeats && !g_interrupted; ++run) {
        // Start from empty tables (TRUNCATE fires no triggers); nothing may linger from the
        // engine's start either.
        for (const QString &t :
             {QStringLiteral("items"), QStringLiteral("items_plain"), QStringLiteral("table_changes")}) {
            if (!execSql(db, QStringLiteral("TRUNCATE TABLE ") + t, &error)) {
                fail(QStringLiteral("insert"), error);
                return;
            }
        }
        double plainS = 0, trigS = 0;
        const double plainRate = timedInserts(db, plain, m_opt.rows, &error, &plainS);
        if (plainRate < 0) {
            fail(QStringLiteral("insert"), error);
            return;
        }
        const QHash<QString, qint64> before = innodbStatus(db);
        MachineCpu m0, m1;
        machineCpu(&m0);
        const double cpu0 = cpuSeconds(mariadbA);
        double onCpu0 = 0, wait0 = 0, onCpu1 = 0, wait1 = 0;
        const bool sched = schedSeconds(mariadbA, &onCpu0, &wait0);
        const double rate = timedInserts(db, withTriggers, m_opt.rows, &error, &trigS);
        if (rate < 0) {
            fail(QStringLiteral("insert"), error);
            return;
        }
        const double cpu = cpuSeconds(mariadbA) - cpu0;
        const double waited = sched && schedSeconds(mariadbA, &onCpu1, &wait1) ? wait1 - wait0 : -1;
        machineCpu(&m1);
        const QHash<QString, qint64> after = innodbStatus(db);
        const double all = double(std::max<qint64>(1, m1.all - m0.all));
        const double busy = 100.0 * (m1.busy - m0.busy) / all, steal = 100.0 * (m1.steal - m0.steal) / all;
        const qint64 fsyncs =
            after.value(QStringLiteral("Innodb_data_fsyncs")) - before.value(QStringLiteral("Innodb_data_fsyncs"));
        const qint64 flushed = after.value(QStringLiteral("Innodb_buffer_pool_pages_flushed"))
            - before.value(QStringLiteral("Innodb_buffer_pool_pages_flushed"));
        logged = scalarInt(db, QStringLiteral("SELECT COUNT(*) FROM table_changes"));
        line(QStringLiteral("run %1: with triggers / without").arg(run),
             QStringLiteral("%1 rows/s (%2 s) / %3 rows/s (%4 s)")
                 .arg(num(rate), num(trigS, 2), num(plainRate), num(plainS, 2)));
        line(QString(),
             QStringLiteral("MariaDB A: %1 us CPU/row, on a CPU %2 % and waiting for one %3 % of the time; "
                            "machine busy %4 %, steal %5 %; %6 fsyncs, %7 pages flushed")
                 .arg(num(1e6 * cpu / m_opt.rows), num(100 * cpu / trigS), num(100 * waited / trigS), num(busy),
                      num(steal, 1))
                 .arg(fsyncs)
                 .arg(flushed));
        rates << rate;
        plainRates << plainRate;
        QJsonObject r;
        r.insert(QStringLiteral("rows_per_s"), qRound(rate));
        r.insert(QStringLiteral("without_triggers_rows_per_s"), qRound(plainRate));
        r.insert(QStringLiteral("mariadb_a_cpu_us_per_row"), qRound(1e6 * cpu / m_opt.rows));
        r.insert(QStringLiteral("mariadb_a_cpu_share_percent"), qRound(100 * cpu / trigS));
        r.insert(QStringLiteral("mariadb_a_runqueue_wait_percent"), qRound(100 * waited / trigS));
        r.insert(QStringLiteral("machine_busy_percent"), qRound(busy));
        r.insert(QStringLiteral("steal_percent"), std::round(steal * 10) / 10);
        r.insert(QStringLiteral("fsyncs"), fsyncs);
        r.insert(QStringLiteral("pages_flushed"), flushed);
        runs.append(r);
        if (logged != m_opt.rows)
            fail(QStringLiteral("insert"),
                 QStringLiteral("expected %1 table_changes rows, found %2").arg(m_opt.rows).arg(logged));
    }
    if (rates.isEmpty())
        return;
    const double lo = *std::min_element(rates.cbegin(), rates.cend()),
                 hi = *std::max_element(rates.cbegin(), rates.cend());
    line(QStringLiteral("insert rate with triggers, min / median / max"),
         QStringLiteral("%1 / %2 / %3 rows/s").arg(num(lo), num(median(rates)), num(hi)));
    line(QStringLiteral("without triggers, min / median / max"),
         QStringLiteral("%1 / %2 / %3 rows/s  (for comparison)")
             .arg(num(*std::min_element(plainRates.cbegin(), plainRates.cend())), num(median(plainRates)),
                  num(*std::max_element(plainRates.cbegin(), plainRates.cend()))));
    line(QStringLiteral("table_changes rows written by the triggers"), QString::number(logged));
    QJsonObject r;
    r.insert(QStringLiteral("rows"), m_opt.rows);
    r.insert(QStringLiteral("rows_per_s"), qRound(median(rates)));
    r.insert(QStringLiteral("min_rows_per_s"), qRound(lo));
    r.insert(QStringLiteral("max_rows_per_s"), qRound(hi));
    r.insert(QStringLiteral("without_triggers_rows_per_s"), qRound(median(plainRates)));
    r.insert(QStringLiteral("table_changes_rows"), logged);
    r.insert(QStringLiteral("runs"), runs);
    m_result.insert(QStringLiteral("db_insert"), r);

    // The next phases start from empty tables.
    for (const QString &t : {QStringLiteral("items"), QStringLiteral("items_plain"), QStringLiteral("table_changes")}) {
        if (!execSql(db, QStringLiteral("TRUNCATE TABLE ") + t, &error))
            fail(QStringLiteral("insert"), error);
    }
}

// 2. End to end on both paths, one after the other on the same servers: the fast path (the
// defaults), then the per-row path (both daemons restarted with extensions.enabled false).
void Bench::phaseEndToEnd()
{
    heading(QStringLiteral("[2] end to end, site_a -> site_b (one direction), both engines running: fast path"));
    QJsonObject fast, perRow;
    if (usePath(PathSetting{true, configuredCompress()}))
        fast = runEndToEnd(QStringLiteral("e2e"));
    if (g_interrupted)
        return;
    heading(QStringLiteral("[2b] end to end, the same on the per-row path (what an earlier engine gets)"));
    if (usePath(PathSetting{false, false}))
        perRow = runEndToEnd(QStringLiteral("e2e_per_row"));
    const double f = fast.value(QStringLiteral("rows_per_s")).toDouble(),
                 p = perRow.value(QStringLiteral("rows_per_s")).toDouble();
    heading(QStringLiteral("[2c] end to end: fast path against per-row path"));
    line(QStringLiteral("FAST PATH"),
         f > 0 ? QStringLiteral("%1 rows/s   (target >= 15000)").arg(num(f)) : QStringLiteral("FAILED"));
    line(QStringLiteral("PER-ROW PATH"),
         p > 0 ? QStringLiteral("%1 rows/s   (before the fast path: 4300-4700 on a quiet machine)").arg(num(p))
               : QStringLiteral("FAILED"));
    target(QStringLiteral("e2e_rows_per_s"), f >= 15000);
    if (f > 0 && p > 0) {
        const double ratio = f / p;
        line(QStringLiteral("RATIO fast / per-row"), QStringLiteral("%1 x   (target >= 3)").arg(num(ratio, 2)));
        m_result.insert(QStringLiteral("ratio"), std::round(ratio * 100) / 100);
        target(QStringLiteral("e2e_ratio"), ratio >= 3);
    } else {
        target(QStringLiteral("e2e_ratio"), false);
    }
}

// Inserts as fast as possible on A until all rows are on B and acknowledged; the result is
// stored under `phase` in the JSON.
QJsonObject Bench::runEndToEnd(const QString &phase)
{
    const int n = m_opt.rows;
    const QStringList statements = buildInserts(QStringLiteral("items"), 1, n, m_opt.batch, 2);
    QSqlDatabase a = m_a->database();
    QSqlDatabase b = m_b->database();
    QSqlDatabase aCheck = m_aCheck->database();
    const QString countB = QStringLiteral("SELECT COUNT(*) FROM items WHERE id BETWEEN 1 AND %1").arg(n);
    const QString countAcked =
        QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE %1 = 'successful' AND remote = 'site_b'")
            .arg(m_aCheck->quote(QStringLiteral("status")))
        + notProbes();
    // CPU time of every process involved, to see where the time goes; PostgreSQL's with its
    // backends (the postmaster's children), where the work is.
    struct Proc {
        QString name;
        qint64 pid;
        bool withChildren;
        double start;
        double cpu() const { return withChildren ? cpuSecondsWithChildren(pid) : cpuSeconds(pid); }
    };
    QList<Proc> procs{{QStringLiteral("site_a"), daemonPid(*m_engineA), false, 0},
                      {QStringLiteral("site_b"), daemonPid(*m_engineB), false, 0}};
    QList<std::pair<const char *, const char *>> servers;
    for (char server : {m_sites.from, m_sites.to}) {
        if (server == 'P')
            servers.append(std::pair{"postgres", "postgres.pid"});
        else
            servers.append(server == 'A' ? std::pair{"mariadbd A", "mysql-a.pid"}
                                         : std::pair{"mariadbd B", "mysql-b.pid"});
    }
    servers.append(std::pair{"mosquitto", "mosquitto.pid"});
    for (const auto &[name, file] : servers) {
        if (const qint64 pid = m_servers.pid(QLatin1String(file)); pid > 0)
            procs.append({QLatin1String(name), pid, qstrcmp(name, "postgres") == 0, 0});
    }
    procs.append({QStringLiteral("bench"), qint64(QCoreApplication::applicationPid()), false, 0});
    for (Proc &p : procs)
        p.start = p.cpu();

    // Inserts at full speed; nothing else runs meanwhile in this process.
    QString error;
    const auto t0 = Clock::now();
    double insertS = 0;
    const double insertRate = timedInserts(a, statements, n, &error, &insertS);
    QJsonObject r;
    if (insertRate < 0) {
        fail(phase, error);
        return r;
    }
    // Then watch B (and, once B has everything, the acknowledgements on A) every 100 ms.
    const double limit = timeout(std::max(180.0, n / 250.0));
    double appliedS = -1, ackedS = -1;
    qint64 onB = 0, acked = 0;
    QList<QPair<double, qint64>> progress; // (s, rows on B)
    QString why;
    while (true) {
        pumpEvents();
        const double now = secondsSince(t0);
        if (appliedS < 0) {
            onB = scalarInt(b, countB, onB);
            progress.append({now, onB});
            if (onB >= n)
                appliedS = secondsSince(t0);
        }
        if (appliedS >= 0) {
            acked = scalarInt(aCheck, countAcked, acked);
            if (acked >= n) {
                ackedS = secondsSince(t0);
                break;
            }
        }
        if (!enginesAlive(&why) || g_interrupted || now > limit)
            break;
        sleepMs(100);
    }
    const double wallS = secondsSince(t0);
    QStringList cpuText;
    QJsonObject cpu;
    for (const Proc &p : procs) {
        const double now = p.cpu();
        if (p.start < 0 || now < 0)
            continue;
        cpuText << QStringLiteral("%1 %2").arg(p.name, num(now - p.start, 2));
        cpu.insert(QString(p.name).replace(QLatin1Char(' '), QLatin1Char('_')),
                   std::round((now - p.start) * 100) / 100);
    }

    line(QStringLiteral("rows, transactions"),
         QStringLiteral("%1 rows in %2-row multi-row INSERT transactions on A").arg(n).arg(m_opt.batch));
    line(QStringLiteral("inserts on A done after"),
         QStringLiteral("%1 s  (%2 rows/s with the engines running)").arg(num(insertS, 2), num(insertRate)));
    r.insert(QStringLiteral("path"), m_path.label());
    r.insert(QStringLiteral("sites"), m_sites.label());
    r.insert(QStringLiteral("rows"), n);
    r.insert(QStringLiteral("insert_seconds"), insertS);
    if (appliedS >= 0)
        line(QStringLiteral("all rows applied on B after"),
             QStringLiteral("%1 s  (%2 rows/s)").arg(num(appliedS, 2), num(n / appliedS)));
    else
        line(QStringLiteral("all rows applied on B after"),
             QStringLiteral("FAILED: %1 of %2 rows on B after %3 s").arg(onB).arg(n).arg(num(secondsSince(t0), 1)));
    if (ackedS >= 0) {
        const double rate = n / ackedS;
        line(QStringLiteral("all rows acknowledged on A (end to end) after"),
             QStringLiteral("%1 s").arg(num(ackedS, 2)));
        line(QStringLiteral("END-TO-END THROUGHPUT, %1").arg(m_path.label()),
             QStringLiteral("%1 rows/s").arg(num(rate)));
        r.insert(QStringLiteral("rows_per_s"), qRound(rate));
    } else if (appliedS >= 0) {
        line(QStringLiteral("all rows acknowledged on A (end to end) after"),
             QStringLiteral("FAILED: %1 of %2 'successful' in sync_status after %3 s")
                 .arg(acked)
                 .arg(n)
                 .arg(num(secondsSince(t0), 1)));
    }
    if (appliedS >= 0) {
        r.insert(QStringLiteral("applied_seconds"), appliedS);
        r.insert(QStringLiteral("applied_rows_per_s"), qRound(n / appliedS));
    }
    if (ackedS >= 0)
        r.insert(QStringLiteral("acked_seconds"), ackedS);
    if (!cpuText.isEmpty()) {
        line(QStringLiteral("CPU seconds used in the phase (%1 s wall)").arg(num(wallS, 1)),
             cpuText.join(QStringLiteral(", ")));
        r.insert(QStringLiteral("cpu_seconds"), cpu);
    }
    // Rows on B over time (whole seconds, only when the count moved), to see whether the
    // flow was steady or stalled (e.g. waiting for resends).
    QStringList steps;
    double nextMark = 1.0;
    qint64 last = -1;
    for (const auto &p : progress) {
        if (p.first >= nextMark) {
            if (p.second != last)
                steps << QStringLiteral("%1s:%2").arg(num(std::floor(p.first), 0)).arg(p.second);
            last = p.second;
            while (nextMark <= p.first)
                nextMark += 1.0;
        }
    }
    for (int i = 0; i < steps.size(); i += 10)
        line(i == 0 ? QStringLiteral("rows on B over time (when it changed)") : QString(),
             steps.mid(i, 10).join(QLatin1Char(' ')));

    if (ackedS < 0) {
        if (!why.isEmpty())
            fail(phase, why);
        else
            fail(phase,
                 g_interrupted ? QStringLiteral("interrupted") : QStringLiteral("timeout after %1 s").arg(limit));
    } else {
        const QString fa = fingerprint(a, 1, n), fb = fingerprint(b, 1, n);
        line(QStringLiteral("B's rows equal A's"),
             fa == fb ? QStringLiteral("yes") : QStringLiteral("NO (A %1, B %2)").arg(fa, fb));
        if (fa != fb)
            fail(phase, QStringLiteral("the rows on B differ from A's"));
        const qint64 left = scalarInt(aCheck, QStringLiteral("SELECT COUNT(*) FROM table_changes"));
        r.insert(QStringLiteral("equal"), fa == fb);
        if (left != 0)
            line(QStringLiteral("table_changes rows left on A"), QString::number(left));
    }
    m_result.insert(phase, r);
    return r;
}

} // namespace bench
