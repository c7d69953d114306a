// mysql-sync-bench: throughput, latency and memory of two mysql-sync daemons on the private
// test servers (tests/harness/servers.sh). Not a test: it prints figures, not verdicts.
//
// Usage (normally through `bash scripts/bench.sh`, which builds, starts and stops the servers):
//   mysql-sync-bench --servers DIR [--daemon PATH] [--rows 50000] [--batch 1000]
//                    [--latency-rows 1000] [--latency-rate 100] [--phases insert,e2e,latency,floor]
//                    [--log-level warn] [--log-dir DIR] [--timeout-scale 1] [--strict]
//                    [--latency-trace FILE] [--check-interval 1000] [--set KEY=VALUE ...]
//   DIR is a directory made by `tests/harness/servers.sh start DIR` (its env file is read);
//   PATH defaults to the mysql-sync built with this benchmark.
//
// Direction: one way only, site_a (server A, items in syncTables) -> site_b (server B, items
// in receiveTables). Phases:
//   insert   the database's own insert rate with the engine's triggers installed (engine stopped)
//   e2e      rows/s from the first insert on A until every row is on B and acknowledged on A
//   latency  single rows at a steady rate; COMMIT on A -> row visible on B, percentiles
//   floor    the MQTT floor: mysql-sync-mqtt-floor carries the same traffic (a QoS 1 change
//            out, a QoS 1 receipt back per row) through the same broker with Paho alone, no
//            database and no engine: the most rows/s the protocol allows on this machine
//   memory   peak RSS (VmHWM) of both daemons, read before they stop (always)
// Every phase is bounded in time and reports FAILED rather than hanging. The last line of the
// output is one JSON object with every figure. Exit status: 0 when every phase completed,
// 1 when one failed (timeout, daemon died, wrong data), 2 on bad usage; with --strict also 3
// when a figure misses its target.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTextStream>
#include <QThread>
#include <QVariant>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <functional>
#include <memory>
#include <random>
#include <thread>
#include <vector>

#include <sys/prctl.h>
#include <unistd.h>

#include "BenchSetup.h"
#include "EngineProcess.h"
#include "Mqtt.h"
#include "ProcStat.h"
#include "Servers.h"
#include "SiteDatabase.h"

#ifndef MYSQL_SYNC_BENCH_DAEMON
#define MYSQL_SYNC_BENCH_DAEMON ""
#endif
#ifndef MYSQL_SYNC_BENCH_FLOOR
#define MYSQL_SYNC_BENCH_FLOOR ""
#endif
#ifndef MYSQL_SYNC_BENCH_HARNESS
#define MYSQL_SYNC_BENCH_HARNESS ""
#endif

using namespace testsupport;
using Clock = std::chrono::steady_clock;

namespace {

// ------------------------------------------------------------------ small helpers

volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void onSignal(int) { g_interrupted = 1; }

double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }
double msBetween(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

void line(const QString &label, const QString &value)
{
    out() << "  " << label.leftJustified(46, QLatin1Char(' ')) << ' ' << value << Qt::endl;
}

void heading(const QString &text) { out() << Qt::endl << text << Qt::endl; }

QString num(double v, int decimals = 0) { return QString::number(v, 'f', decimals); }

// Processes queued events (the daemons' output pipes) without sleeping.
void pumpEvents() { QCoreApplication::processEvents(QEventLoop::AllEvents, 5); }

void sleepMs(double ms)
{
    if (ms > 0)
        std::this_thread::sleep_for(std::chrono::microseconds(qint64(ms * 1000)));
}

// Polls `condition` every stepMs until it holds (true), the deadline passes or a signal came.
bool pollUntil(const std::function<bool()> &condition, double timeoutS, int stepMs = 100)
{
    const auto t0 = Clock::now();
    while (true) {
        pumpEvents();
        if (condition())
            return true;
        if (g_interrupted || secondsSince(t0) >= timeoutS)
            return false;
        sleepMs(stepMs);
    }
}

QString sqlError(const QSqlQuery &q) { return q.lastError().text(); }

// One statement on a connection; false (with the error in *error) on failure.
bool execSql(QSqlDatabase db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = sql.left(120) + QStringLiteral(": ") + sqlError(q);
    return false;
}

qint64 scalarInt(QSqlDatabase db, const QString &sql, qint64 fallback = -1)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql) || !q.next())
        return fallback;
    return q.value(0).toLongLong();
}

// ------------------------------------------------------------------ data

// Multi-row INSERT statements for ids [firstId, firstId + rows), `batch` rows each. Built
// before any timing starts, so that only the database (and the engines) are measured.
QStringList buildInserts(const QString &table, qint64 firstId, int rows, int batch, quint32 seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> qty(0, 100000);
    std::uniform_int_distribution<int> cents(0, 99999999);
    std::uniform_int_distribution<int> secs(0, 3 * 365 * 86400);
    std::uniform_int_distribution<int> letter(0, 25);
    const QDateTime epoch(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC);
    QStringList statements;
    for (int done = 0; done < rows; done += batch) {
        const int n = std::min(batch, rows - done);
        QString sql;
        sql.reserve(n * 80 + 64);
        sql += QStringLiteral("INSERT INTO %1 (id, name, qty, price, updated) VALUES ").arg(table);
        for (int i = 0; i < n; ++i) {
            const qint64 id = firstId + done + i;
            QString word(12, QLatin1Char('a'));
            for (QChar &c : word)
                c = QLatin1Char(char('a' + letter(rng)));
            const int c = cents(rng);
            if (i)
                sql += QLatin1Char(',');
            sql += QStringLiteral("(%1,'item %1 %2',%3,'%4.%5','%6')")
                       .arg(id)
                       .arg(word)
                       .arg(qty(rng))
                       .arg(c / 100)
                       .arg(c % 100, 2, 10, QLatin1Char('0'))
                       .arg(epoch.addSecs(secs(rng)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        }
        statements << sql;
    }
    return statements;
}

const QString kItemsDdl = QStringLiteral(
    "CREATE TABLE %1 (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64), qty INT, "
    "price DECIMAL(10,2), updated DATETIME) ENGINE=InnoDB");

// Runs the prepared statements, one transaction each; rows/s, or -1 with *error set.
double timedInserts(QSqlDatabase db, const QStringList &statements, int rows, QString *error, double *seconds = nullptr)
{
    QSqlQuery q(db);
    const auto t0 = Clock::now();
    for (const QString &sql : statements) {
        if (!db.transaction()) {
            *error = QStringLiteral("BEGIN: ") + db.lastError().text();
            return -1;
        }
        if (!q.exec(sql)) {
            *error = QStringLiteral("INSERT: ") + sqlError(q);
            db.rollback();
            return -1;
        }
        if (!db.commit()) {
            *error = QStringLiteral("COMMIT: ") + db.lastError().text();
            return -1;
        }
    }
    const double s = secondsSince(t0);
    if (seconds)
        *seconds = s;
    return s > 0 ? rows / s : 0;
}

// A content fingerprint of items rows in [from, to]: equal on both sites when equal data.
QString fingerprint(QSqlDatabase db, qint64 from, qint64 to)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const QString sql = QStringLiteral(
        "SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', id, name, qty, price, updated))), 0) "
        "FROM items WHERE id BETWEEN %1 AND %2").arg(from).arg(to);
    if (!q.exec(sql) || !q.next())
        return QStringLiteral("error: ") + sqlError(q);
    return q.value(0).toString() + QLatin1Char('/') + q.value(1).toString();
}

// ------------------------------------------------------------------ daemons

QProcess *processOf(EngineProcess &engine)
{
    // EngineProcess owns its QProcess as a child object.
    return engine.findChild<QProcess *>();
}

// The daemon's pid: through its QProcess, else by the config path on a /proc command line.
qint64 daemonPid(EngineProcess &engine)
{
    if (engine.processId() > 0)
        return engine.processId();
    const QByteArray config = engine.configPath().toUtf8();
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 pid = e.toLongLong(&ok);
        if (!ok)
            continue;
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (f.open(QIODevice::ReadOnly) && f.readAll().split('\0').contains(config))
            return pid;
    }
    return -1;
}

QString logTail(EngineProcess &engine, int bytes = 3000)
{
    return QString::fromUtf8(engine.log().right(bytes));
}

// ------------------------------------------------------------------ the benchmark

struct Options {
    QString serversDir;
    QString daemon;
    QString logLevel = QStringLiteral("warn");
    QString logDir;
    QString latencyTrace;
    QJsonObject extraConfig;   // --set KEY=VALUE: more keys for both daemons' configuration
    QString floorProgram;
    QStringList phases{QStringLiteral("insert"), QStringLiteral("e2e"), QStringLiteral("latency"), QStringLiteral("floor")};
    int rows = 50000;
    int batch = 1000;
    int latencyRows = 1000;
    double latencyRate = 100;
    int checkInterval = 1000;
    double timeoutScale = 1.0;
    bool strict = false;
};

class Bench {
public:
    Bench(const Options &options, const Servers &servers) : m_opt(options), m_servers(servers) {}
    int run();

private:
    bool setup();
    bool startEngine(EngineProcess &engine, const std::function<bool()> &ready, const QString &what);
    bool triggersInstalled();
    bool enginesAlive(QString *why);
    bool warmUp();
    void phaseInsert();
    void phaseEndToEnd();
    void phaseLatency();
    void phaseFloor();
    void phaseMemory();
    void fail(const QString &phase, const QString &why);
    void target(const QString &key, bool met) { if (!met) m_missed << key; }
    double timeout(double seconds) const { return seconds * m_opt.timeoutScale; }

    Options m_opt;
    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_a;       // bench's own connection to A (inserts)
    std::unique_ptr<SiteDatabase> m_b;       // to B (checks)
    std::unique_ptr<SiteDatabase> m_aCheck;  // to A (sync_status checks)
    std::unique_ptr<EngineProcess> m_engineA;
    std::unique_ptr<EngineProcess> m_engineB;
    QJsonObject m_result;
    QStringList m_failures;
    QStringList m_missed;
    qint64 m_brokerLogStart = 0;
    static constexpr qint64 kProbeId = 2000000000;
    static constexpr qint64 kLatencyBase = 1000001;
};

void Bench::fail(const QString &phase, const QString &why)
{
    out() << "  FAILED (" << phase << "): " << why << Qt::endl;
    m_failures << phase + QStringLiteral(": ") + why;
}

bool Bench::enginesAlive(QString *why)
{
    for (EngineProcess *e : {m_engineA.get(), m_engineB.get()}) {
        if (e && !e->isRunning()) {
            *why = QStringLiteral("daemon %1 is not running; end of its log:\n%2").arg(e->name(), logTail(*e));
            return false;
        }
    }
    return true;
}

bool Bench::triggersInstalled()
{
    return scalarInt(m_a->database(), QStringLiteral(
               "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() "
               "AND EVENT_OBJECT_TABLE = 'items' AND TRIGGER_NAME LIKE 'mysqlSync%'")) == 3;
}

bool Bench::startEngine(EngineProcess &engine, const std::function<bool()> &ready, const QString &what)
{
    if (QProcess *p = processOf(engine)) {
        // Should the benchmark die, its daemons get SIGTERM instead of lingering.
        p->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    }
    if (!engine.start()) {
        fail(QStringLiteral("setup"), QStringLiteral("cannot start daemon %1").arg(engine.name()));
        return false;
    }
    const bool ok = pollUntil([&] { return !engine.isRunning() || ready(); }, timeout(60), 50);
    if (!ok || !engine.isRunning()) {
        fail(QStringLiteral("setup"), QStringLiteral("daemon %1 not ready (%2) within %3 s; end of its log:\n%4")
                                          .arg(engine.name(), what).arg(timeout(60)).arg(logTail(engine)));
        return false;
    }
    return true;
}

bool Bench::setup()
{
    m_a = std::make_unique<SiteDatabase>(m_servers, 'A', QStringLiteral("bench"));
    m_b = std::make_unique<SiteDatabase>(m_servers, 'B', QStringLiteral("bench"));
    if (!m_a->isOpen() || !m_b->isOpen()) {
        fail(QStringLiteral("setup"), QStringLiteral("cannot open the databases: %1 %2").arg(m_a->lastError(), m_b->lastError()));
        return false;
    }
    m_aCheck = std::make_unique<SiteDatabase>(m_servers, 'A', QStringLiteral("bench"), SiteDatabase::Attach);
    if (!m_aCheck->isOpen()) {
        fail(QStringLiteral("setup"), m_aCheck->lastError());
        return false;
    }
    QString error;
    if (!execSql(m_a->database(), kItemsDdl.arg(QStringLiteral("items")), &error)
        || !execSql(m_a->database(), kItemsDdl.arg(QStringLiteral("items_plain")), &error)
        || !execSql(m_b->database(), kItemsDdl.arg(QStringLiteral("items")), &error)) {
        fail(QStringLiteral("setup"), error);
        return false;
    }

    auto configure = [&](QJsonObject c) {
        c.insert(QStringLiteral("loggingLevel"), m_opt.logLevel);
        c.insert(QStringLiteral("checkInterval"), m_opt.checkInterval);
        c.remove(QStringLiteral("resendTimeout"));  // the product's default (30 s), not the tests' 3 s
        for (auto it = m_opt.extraConfig.constBegin(); it != m_opt.extraConfig.constEnd(); ++it)
            c.insert(it.key(), it.value());
        return c;
    };
    const QStringList items{QStringLiteral("items")};
    m_engineA = std::make_unique<EngineProcess>(
        QStringLiteral("site_a"),
        configure(EngineProcess::config(m_servers, 'A', QStringLiteral("bench"), QStringLiteral("site_a"),
                                        {QStringLiteral("site_b")}, items, {})));
    m_engineB = std::make_unique<EngineProcess>(
        QStringLiteral("site_b"),
        configure(EngineProcess::config(m_servers, 'B', QStringLiteral("bench"), QStringLiteral("site_b"),
                                        {QStringLiteral("site_a")}, {}, items)));
    return true;
}

// Both engines run; one probe row goes A -> B and its receipt comes back, so that every
// connection (database, broker, presence) is up before anything is timed.
bool Bench::warmUp()
{
    if (!m_engineA->isRunning() && !startEngine(*m_engineA, [this] { return triggersInstalled(); }, QStringLiteral("triggers on A")))
        return false;
    if (!m_engineB->isRunning()
        && !startEngine(*m_engineB, [this] {
               return scalarInt(m_b->database(), QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE "
                                                                "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'sync_status'")) == 1;
           }, QStringLiteral("sync_status on B")))
        return false;
    QString error;
    if (!execSql(m_a->database(), QStringLiteral("REPLACE INTO items (id, name, qty, price, updated) VALUES "
                                                 "(%1, 'probe', 1, '1.00', NOW())").arg(kProbeId), &error)) {
        fail(QStringLiteral("warm-up"), error);
        return false;
    }
    const QString acked = QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE `table_name` = 'items' AND primary_key = '%1' "
                                         "AND remote = 'site_b' AND `status` = 'successful'").arg(kProbeId);
    const auto t0 = Clock::now();
    const bool ok = pollUntil([&] {
        return scalarInt(m_b->database(), QStringLiteral("SELECT COUNT(*) FROM items WHERE id = %1").arg(kProbeId)) == 1
            && scalarInt(m_aCheck->database(), acked) == 1;
    }, timeout(60), 20);
    if (!ok) {
        QString why;
        if (!enginesAlive(&why))
            fail(QStringLiteral("warm-up"), why);
        else
            fail(QStringLiteral("warm-up"), QStringLiteral("the probe row did not reach B and come back acknowledged within %1 s;\n"
                                                         "site_a log:\n%2\nsite_b log:\n%3")
                                                .arg(timeout(60)).arg(logTail(*m_engineA), logTail(*m_engineB)));
        return false;
    }
    line(QStringLiteral("warm-up probe (engines up, A -> B -> ack)"), num(secondsSince(t0) * 1000) + QStringLiteral(" ms"));
    return true;
}

// 1. The database's own insert rate with the engine's triggers (engine stopped).
void Bench::phaseInsert()
{
    heading(QStringLiteral("[1] database insert rate on A, triggers installed, engine stopped"));
    {
        // The engine is stopped only once it is fully up (its first heartbeat on /info):
        // the triggers are its work, and a stop while it still connects is another matter.
        MqttSubscriber info(m_servers, QStringLiteral("/info"));
        if (!startEngine(*m_engineA, [this] { return triggersInstalled(); }, QStringLiteral("triggers on A")))
            return;
        const bool up = pollUntil([&] {
            for (const QString &l : info.lines())
                if (l.contains(QLatin1String("\"site_a\"")) && l.contains(QLatin1String("\"connected\"")))
                    return true;
            return !m_engineA->isRunning();
        }, timeout(30), 20);
        if (!up || !m_engineA->isRunning())
            fail(QStringLiteral("insert"), QStringLiteral("no heartbeat of site_a on /info within %1 s (measuring anyway)").arg(timeout(30)));
    }
    if (!m_engineA->stop()) {
        // Reported, but the measurement needs only the triggers, which stay.
        fail(QStringLiteral("insert"), QStringLiteral("site_a did not stop cleanly (measuring anyway):\n") + logTail(*m_engineA));
    }
    if (!triggersInstalled()) {
        fail(QStringLiteral("insert"), QStringLiteral("the triggers are gone after site_a stopped"));
        return;
    }
    QSqlDatabase db = m_a->database();
    QString error;
    // Nothing may linger from the engine's start (it found an empty table).
    execSql(db, QStringLiteral("TRUNCATE TABLE table_changes"), &error);

    const QStringList plain = buildInserts(QStringLiteral("items_plain"), 1, m_opt.rows, m_opt.batch, 1);
    const QStringList withTriggers = buildInserts(QStringLiteral("items"), 1, m_opt.rows, m_opt.batch, 1);
    double plainS = 0, trigS = 0;
    const double plainRate = timedInserts(db, plain, m_opt.rows, &error, &plainS);
    if (plainRate < 0) {
        fail(QStringLiteral("insert"), error);
        return;
    }
    const double rate = timedInserts(db, withTriggers, m_opt.rows, &error, &trigS);
    if (rate < 0) {
        fail(QStringLiteral("insert"), error);
        return;
    }
    const qint64 logged = scalarInt(db, QStringLiteral("SELECT COUNT(*) FROM table_changes"));
    line(QStringLiteral("rows, transactions"), QStringLiteral("%1 rows in %2-row multi-row INSERT transactions")
                                                    .arg(m_opt.rows).arg(m_opt.batch));
    line(QStringLiteral("insert rate with triggers"), QStringLiteral("%1 rows/s  (%2 s)").arg(num(rate), num(trigS, 2)));
    line(QStringLiteral("insert rate, same table without triggers"), QStringLiteral("%1 rows/s  (%2 s; for comparison)")
                                                                          .arg(num(plainRate), num(plainS, 2)));
    line(QStringLiteral("table_changes rows written by the triggers"), QString::number(logged));
    QJsonObject r;
    r.insert(QStringLiteral("rows"), m_opt.rows);
    r.insert(QStringLiteral("rows_per_s"), qRound(rate));
    r.insert(QStringLiteral("seconds"), trigS);
    r.insert(QStringLiteral("without_triggers_rows_per_s"), qRound(plainRate));
    r.insert(QStringLiteral("table_changes_rows"), logged);
    m_result.insert(QStringLiteral("db_insert"), r);
    if (logged != m_opt.rows)
        fail(QStringLiteral("insert"), QStringLiteral("expected %1 table_changes rows, found %2").arg(m_opt.rows).arg(logged));

    // Start phase 2 from empty tables (TRUNCATE fires no triggers).
    for (const QString &t : {QStringLiteral("items"), QStringLiteral("items_plain"), QStringLiteral("table_changes")}) {
        if (!execSql(db, QStringLiteral("TRUNCATE TABLE ") + t, &error))
            fail(QStringLiteral("insert"), error);
    }
}

// 2. End to end: inserts as fast as possible on A until all rows are on B and acknowledged.
void Bench::phaseEndToEnd()
{
    heading(QStringLiteral("[2] end to end, site_a -> site_b (one direction), both engines running"));
    if (!warmUp())
        return;
    const int n = m_opt.rows;
    const QStringList statements = buildInserts(QStringLiteral("items"), 1, n, m_opt.batch, 2);
    QSqlDatabase a = m_a->database();
    QSqlDatabase b = m_b->database();
    QSqlDatabase aCheck = m_aCheck->database();
    const QString countB = QStringLiteral("SELECT COUNT(*) FROM items WHERE id BETWEEN 1 AND %1").arg(n);
    const QString countAcked = QStringLiteral(
        "SELECT COUNT(*) FROM sync_status WHERE `status` = 'successful' AND remote = 'site_b' AND primary_key <> '%1'").arg(kProbeId);
    // CPU time of every process involved, to see where the time goes.
    struct Proc { QString name; qint64 pid; double start; };
    QList<Proc> procs{{QStringLiteral("site_a"), daemonPid(*m_engineA), 0}, {QStringLiteral("site_b"), daemonPid(*m_engineB), 0}};
    for (const auto &[name, file] : {std::pair{"mariadbd A", "mysql-a.pid"}, std::pair{"mariadbd B", "mysql-b.pid"},
                                     std::pair{"mosquitto", "mosquitto.pid"}}) {
        if (const qint64 pid = m_servers.pid(QLatin1String(file)); pid > 0)
            procs.append({QLatin1String(name), pid, 0});
    }
    procs.append({QStringLiteral("bench"), qint64(QCoreApplication::applicationPid()), 0});
    for (Proc &p : procs)
        p.start = cpuSeconds(p.pid);

    // Inserts at full speed; nothing else runs meanwhile in this process.
    QString error;
    const auto t0 = Clock::now();
    double insertS = 0;
    const double insertRate = timedInserts(a, statements, n, &error, &insertS);
    if (insertRate < 0) {
        fail(QStringLiteral("e2e"), error);
        return;
    }
    // Then watch B (and, once B has everything, the acknowledgements on A) every 100 ms.
    const double limit = timeout(std::max(180.0, n / 250.0));
    double appliedS = -1, ackedS = -1;
    qint64 onB = 0, acked = 0;
    QList<QPair<double, qint64>> progress;  // (s, rows on B)
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
        const double now = cpuSeconds(p.pid);
        if (p.start < 0 || now < 0)
            continue;
        cpuText << QStringLiteral("%1 %2").arg(p.name, num(now - p.start, 2));
        cpu.insert(QString(p.name).replace(QLatin1Char(' '), QLatin1Char('_')), std::round((now - p.start) * 100) / 100);
    }

    line(QStringLiteral("rows, transactions"), QStringLiteral("%1 rows in %2-row multi-row INSERT transactions on A").arg(n).arg(m_opt.batch));
    line(QStringLiteral("inserts on A done after"), QStringLiteral("%1 s  (%2 rows/s with the engines running)").arg(num(insertS, 2), num(insertRate)));
    QJsonObject r;
    r.insert(QStringLiteral("rows"), n);
    r.insert(QStringLiteral("insert_seconds"), insertS);
    if (appliedS >= 0)
        line(QStringLiteral("all rows applied on B after"), QStringLiteral("%1 s  (%2 rows/s)").arg(num(appliedS, 2), num(n / appliedS)));
    else
        line(QStringLiteral("all rows applied on B after"), QStringLiteral("FAILED: %1 of %2 rows on B after %3 s").arg(onB).arg(n).arg(num(secondsSince(t0), 1)));
    if (ackedS >= 0) {
        const double rate = n / ackedS;
        line(QStringLiteral("all rows acknowledged on A (end to end) after"), QStringLiteral("%1 s").arg(num(ackedS, 2)));
        line(QStringLiteral("END-TO-END THROUGHPUT"), QStringLiteral("%1 rows/s   (target >= 10000)").arg(num(rate)));
        r.insert(QStringLiteral("rows_per_s"), qRound(rate));
        target(QStringLiteral("e2e_rows_per_s"), rate >= 10000);
    } else if (appliedS >= 0) {
        line(QStringLiteral("all rows acknowledged on A (end to end) after"),
             QStringLiteral("FAILED: %1 of %2 'successful' in sync_status after %3 s").arg(acked).arg(n).arg(num(secondsSince(t0), 1)));
    }
    if (appliedS >= 0) {
        r.insert(QStringLiteral("applied_seconds"), appliedS);
        r.insert(QStringLiteral("applied_rows_per_s"), qRound(n / appliedS));
    }
    if (ackedS >= 0)
        r.insert(QStringLiteral("acked_seconds"), ackedS);
    if (!cpuText.isEmpty()) {
        line(QStringLiteral("CPU seconds used in the phase (%1 s wall)").arg(num(wallS, 1)), cpuText.join(QStringLiteral(", ")));
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
        line(i == 0 ? QStringLiteral("rows on B over time (when it changed)") : QString(), steps.mid(i, 10).join(QLatin1Char(' ')));

    if (ackedS < 0) {
        if (!why.isEmpty())
            fail(QStringLiteral("e2e"), why);
        else
            fail(QStringLiteral("e2e"), g_interrupted ? QStringLiteral("interrupted") : QStringLiteral("timeout after %1 s").arg(limit));
    } else {
        const QString fa = fingerprint(a, 1, n), fb = fingerprint(b, 1, n);
        line(QStringLiteral("B's rows equal A's"), fa == fb ? QStringLiteral("yes") : QStringLiteral("NO (A %1, B %2)").arg(fa, fb));
        if (fa != fb)
            fail(QStringLiteral("e2e"), QStringLiteral("the rows on B differ from A's"));
        const qint64 left = scalarInt(aCheck, QStringLiteral("SELECT COUNT(*) FROM table_changes"));
        r.insert(QStringLiteral("equal"), fa == fb);
        if (left != 0)
            line(QStringLiteral("table_changes rows left on A"), QString::number(left));
    }
    m_result.insert(QStringLiteral("e2e"), r);
}

// 3. Latency: single-row autocommit INSERTs at a steady rate; COMMIT on A -> visible on B.
void Bench::phaseLatency()
{
    heading(QStringLiteral("[3] latency, site_a -> site_b, single-row inserts at a steady rate"));
    if (!warmUp())
        return;
    const int n = m_opt.latencyRows;
    const double intervalMs = 1000.0 / m_opt.latencyRate;
    QStringList statements;
    for (int i = 0; i < n; ++i)
        statements << buildInserts(QStringLiteral("items"), kLatencyBase + i, 1, 1, 1000 + i).first();

    QSqlQuery insert(m_a->database());
    // The poller: one connection to B, one cheap indexed range query per round:
    // which of the rows inserted and not yet seen are there now.
    QSqlQuery poll(m_b->database());
    poll.setForwardOnly(true);
    if (!poll.prepare(QStringLiteral("SELECT id FROM items WHERE id >= ? AND id < ?"))) {
        fail(QStringLiteral("latency"), sqlError(poll));
        return;
    }
    std::vector<Clock::time_point> committed(n);
    std::vector<double> latency(n, -1);
    std::vector<char> seen(n, 0);
    int inserted = 0, oldest = 0, seenCount = 0;
    qint64 polls = 0;
    double pollMsTotal = 0;
    QString why;
    const double drainS = timeout(30);
    const auto start = Clock::now();
    auto nextInsert = start;
    Clock::time_point lastInsert = start;
    auto lastPump = start;
    while (seenCount < n) {
        auto now = Clock::now();
        if (inserted < n && now >= nextInsert) {
            if (!insert.exec(statements.at(inserted))) {
                fail(QStringLiteral("latency"), QStringLiteral("INSERT: ") + sqlError(insert));
                return;
            }
            committed[inserted] = Clock::now();  // autocommit: the statement's return is the COMMIT
            lastInsert = committed[inserted];
            ++inserted;
            nextInsert += std::chrono::microseconds(qint64(intervalMs * 1000));
        }
        if (oldest < inserted) {
            const auto p0 = Clock::now();
            poll.bindValue(0, kLatencyBase + oldest);
            poll.bindValue(1, kLatencyBase + inserted);
            if (!poll.exec()) {
                fail(QStringLiteral("latency"), QStringLiteral("poll: ") + sqlError(poll));
                return;
            }
            const auto p1 = Clock::now();
            ++polls;
            pollMsTotal += msBetween(p0, p1);
            while (poll.next()) {
                const qint64 i = poll.value(0).toLongLong() - kLatencyBase;
                if (i >= 0 && i < inserted && !seen[i]) {
                    seen[i] = 1;
                    // Visible at the latest when the answer came back (resolution: one poll round).
                    latency[i] = msBetween(committed[i], p1);
                    ++seenCount;
                }
            }
            poll.finish();
            while (oldest < inserted && seen[oldest])
                ++oldest;
        }
        now = Clock::now();
        if (now - lastPump > std::chrono::milliseconds(200)) {
            lastPump = now;
            pumpEvents();
            if (!enginesAlive(&why))
                break;
        }
        if (g_interrupted || (inserted == n && secondsSince(lastInsert) > drainS))
            break;
        // About 1 ms between polls, never past the next insert.
        auto wake = now + std::chrono::milliseconds(1);
        if (inserted < n && nextInsert < wake)
            wake = nextInsert;
        if (wake > Clock::now())
            std::this_thread::sleep_until(wake);
    }
    const double spanS = std::chrono::duration<double>(lastInsert - start).count();
    if (!m_opt.latencyTrace.isEmpty()) {
        // Unix times, to line up with the daemons' logs and an MQTT sniffer's timestamps.
        const double wallStart = QDateTime::currentMSecsSinceEpoch() - secondsSince(start) * 1000.0;
        QFile trace(m_opt.latencyTrace);
        if (trace.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
            QTextStream t(&trace);
            t << "id,commit_ms,seen_ms,latency_ms\n";
            for (int i = 0; i < inserted; ++i) {
                const double c = wallStart + msBetween(start, committed[i]);
                t << (kLatencyBase + i) << ',' << num(c, 3) << ',' << (latency[i] >= 0 ? num(c + latency[i], 3) : QString())
                  << ',' << (latency[i] >= 0 ? num(latency[i], 3) : QString()) << '\n';
            }
        }
    }

    std::vector<double> got;
    for (double l : latency)
        if (l >= 0)
            got.push_back(l);
    std::sort(got.begin(), got.end());
    auto pct = [&](double p) {
        if (got.empty())
            return -1.0;
        const size_t rank = size_t(std::ceil(p / 100.0 * got.size()));
        return got[std::min(got.size() - 1, rank > 0 ? rank - 1 : 0)];
    };
    QJsonObject r;
    r.insert(QStringLiteral("rows"), n);
    r.insert(QStringLiteral("check_interval_ms"), m_opt.checkInterval);
    line(QStringLiteral("rows, rate"), QStringLiteral("%1 single-row autocommit INSERTs in %2 s (%3 rows/s), checkInterval %4 ms")
                                           .arg(inserted).arg(num(spanS, 1)).arg(num(spanS > 0 ? (inserted - 1) / spanS : 0, 1))
                                           .arg(m_opt.checkInterval));
    line(QStringLiteral("B polled"), QStringLiteral("%1 times, every ~1 ms, mean round trip %2 ms")
                                         .arg(polls).arg(num(polls ? pollMsTotal / polls : 0, 2)));
    r.insert(QStringLiteral("polls"), polls);
    if (!got.empty()) {
        const double p50 = pct(50), p90 = pct(90), p99 = pct(99), mx = got.back();
        line(QStringLiteral("latency COMMIT on A -> row on B  p50"), num(p50, 1) + QStringLiteral(" ms   (target <= 25)"));
        line(QStringLiteral("                                 p90"), num(p90, 1) + QStringLiteral(" ms"));
        line(QStringLiteral("                                 p99"), num(p99, 1) + QStringLiteral(" ms   (target <= 100)"));
        line(QStringLiteral("                                 max"), num(mx, 1) + QStringLiteral(" ms"));
        r.insert(QStringLiteral("p50_ms"), p50);
        r.insert(QStringLiteral("p90_ms"), p90);
        r.insert(QStringLiteral("p99_ms"), p99);
        r.insert(QStringLiteral("max_ms"), mx);
        r.insert(QStringLiteral("seen"), int(got.size()));
        target(QStringLiteral("latency_p50_ms"), p50 <= 25);
        target(QStringLiteral("latency_p99_ms"), p99 <= 100);
    }
    if (seenCount < n) {
        if (!why.isEmpty())
            fail(QStringLiteral("latency"), why);
        else
            fail(QStringLiteral("latency"), QStringLiteral("%1 of %2 rows never reached B (waited %3 s after the last insert)%4")
                                                .arg(n - seenCount).arg(n).arg(drainS)
                                                .arg(g_interrupted ? QStringLiteral(", interrupted") : QString()));
    }
    m_result.insert(QStringLiteral("latency"), r);
}

// 4. Peak RSS of each daemon, read while they still run.
// The MQTT floor (see the header): the same number of rows as phase e2e, through the same broker.
void Bench::phaseFloor()
{
    heading(QStringLiteral("[4] the MQTT floor: Paho + Mosquitto alone, no database, no engine"));
    const qint64 brokerPid = m_servers.pid(QStringLiteral("mosquitto.pid"));
    QProcess floor;
    floor.setProcessChannelMode(QProcess::MergedChannels);
    floor.start(m_opt.floorProgram, {QStringLiteral("--port"), QString::number(m_servers.mqttPort), QStringLiteral("--rows"),
                                     QString::number(m_opt.rows), QStringLiteral("--window"), QStringLiteral("1000"),
                                     QStringLiteral("--broker-pid"), QString::number(std::max<qint64>(brokerPid, 0))});
    const int limitMs = int(timeout(std::max(120.0, m_opt.rows / 500.0)) * 1000);
    if (!floor.waitForStarted(10000) || !floor.waitForFinished(limitMs) || floor.exitCode() != 0) {
        fail(QStringLiteral("floor"), QStringLiteral("%1 did not complete (%2): %3")
                                          .arg(m_opt.floorProgram, floor.errorString(), QString::fromUtf8(floor.readAll().right(2000))));
        floor.kill();
        floor.waitForFinished(5000);
        return;
    }
    const QList<QByteArray> lines = floor.readAll().trimmed().split('\n');
    const QJsonObject r = QJsonDocument::fromJson(lines.last()).object();
    const double rate = r.value(QStringLiteral("rows_per_s")).toDouble();
    if (rate <= 0) {
        fail(QStringLiteral("floor"), QStringLiteral("unreadable result: %1").arg(QString::fromUtf8(lines.last())));
        return;
    }
    line(QStringLiteral("traffic"), QStringLiteral("%1 rows: a QoS 1 change out and a QoS 1 receipt back each, "
                                                   "at most 1000 unanswered, two processes").arg(m_opt.rows));
    line(QStringLiteral("MQTT FLOOR"), QStringLiteral("%1 rows/s").arg(num(rate)));
    line(QStringLiteral("CPU per row"), QStringLiteral("Paho clients %1 us, broker %2 us")
                                            .arg(num(r.value(QStringLiteral("paho_cpu_us_per_row")).toDouble()),
                                                 num(r.value(QStringLiteral("broker_cpu_us_per_row")).toDouble())));
    QJsonObject result = r;
    const double e2e = m_result.value(QStringLiteral("e2e")).toObject().value(QStringLiteral("rows_per_s")).toDouble();
    if (e2e > 0) {
        line(QStringLiteral("end to end as a share of the floor"), QStringLiteral("%1 %").arg(num(100 * e2e / rate)));
        result.insert(QStringLiteral("e2e_share_percent"), qRound(100 * e2e / rate));
    }
    m_result.insert(QStringLiteral("floor"), result);
}

void Bench::phaseMemory()
{
    heading(QStringLiteral("[5] daemon memory"));
    QJsonObject r;
    for (EngineProcess *e : {m_engineA.get(), m_engineB.get()}) {
        if (!e || !e->isRunning()) {
            line(e ? e->name() : QStringLiteral("?"), QStringLiteral("not running"));
            continue;
        }
        const qint64 pid = daemonPid(*e);
        const qint64 hwm = procStatusKb(pid, "VmHWM"), rss = procStatusKb(pid, "VmRSS");
        if (hwm < 0) {
            fail(QStringLiteral("memory"), QStringLiteral("cannot read /proc/%1/status of %2").arg(pid).arg(e->name()));
            continue;
        }
        const double mb = hwm / 1024.0;
        line(QStringLiteral("%1 peak RSS (VmHWM)").arg(e->name()),
             QStringLiteral("%1 MB   (now %2 MB; target <= 60)").arg(num(mb, 1), num(rss / 1024.0, 1)));
        r.insert(e->name() + QStringLiteral("_peak_rss_mb"), std::round(mb * 10) / 10);
        target(e->name() + QStringLiteral("_peak_rss_mb"), mb <= 60);
    }
    m_result.insert(QStringLiteral("memory"), r);
}

int Bench::run()
{
    const auto t0 = Clock::now();
    out() << "mysql-sync benchmark: one direction, site_a (server A, syncTables [items]) -> site_b (server B, receiveTables [items])"
          << Qt::endl;
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    const QString load = loadavg.open(QIODevice::ReadOnly) ? QString::fromLatin1(loadavg.readAll()).section(QLatin1Char(' '), 0, 2) : QString();
    line(QStringLiteral("daemon"), m_opt.daemon);
    line(QStringLiteral("machine"), QStringLiteral("%1 CPU(s), load average %2").arg(QThread::idealThreadCount()).arg(load));
    line(QStringLiteral("servers"), QStringLiteral("MariaDB A :%1, B :%2, Mosquitto :%3 (%4)")
                                        .arg(m_servers.mysqlPortA).arg(m_servers.mysqlPortB).arg(m_servers.mqttPort).arg(m_servers.dir));
    QStringList extra;
    for (auto it = m_opt.extraConfig.constBegin(); it != m_opt.extraConfig.constEnd(); ++it)
        extra << it.key() + QLatin1Char('=') + QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
    line(QStringLiteral("engine settings"), QStringLiteral("loggingLevel %1, checkInterval %2 ms%3, other keys at their defaults")
                                                .arg(m_opt.logLevel).arg(m_opt.checkInterval)
                                                .arg(extra.isEmpty() ? QString() : QStringLiteral(", ") + extra.join(QStringLiteral(", "))));
    if (!extra.isEmpty())
        m_result.insert(QStringLiteral("extra_config"), m_opt.extraConfig);

    m_brokerLogStart = QFileInfo(QDir(m_servers.dir).filePath(QStringLiteral("mosquitto.log"))).size();
    if (setup()) {
        if (m_opt.phases.contains(QStringLiteral("insert")) && !g_interrupted)
            phaseInsert();
        if (m_opt.phases.contains(QStringLiteral("e2e")) && !g_interrupted)
            phaseEndToEnd();
        if (m_opt.phases.contains(QStringLiteral("latency")) && !g_interrupted)
            phaseLatency();
        if (m_opt.phases.contains(QStringLiteral("floor")) && !g_interrupted)
            phaseFloor();
        phaseMemory();
    }

    for (EngineProcess *e : {m_engineA.get(), m_engineB.get()}) {
        if (!e)
            continue;
        pumpEvents();
        if (e->isRunning() && !e->stop())
            fail(QStringLiteral("shutdown"), QStringLiteral("%1 did not stop cleanly; end of its log:\n%2").arg(e->name(), logTail(*e)));
        if (!m_opt.logDir.isEmpty()) {
            QDir().mkpath(m_opt.logDir);
            const QString to = QDir(m_opt.logDir).filePath(e->name() + QStringLiteral(".log"));
            QFile::remove(to);
            QFile::copy(e->logPath(), to);
        }
    }

    heading(QStringLiteral("summary"));
    // What went wrong along the way, in a line each: the daemons' warnings (the most frequent
    // one, numbers masked) and the broker's notes about messages it dropped.
    QJsonObject warnings;
    for (EngineProcess *e : {m_engineA.get(), m_engineB.get()}) {
        if (!e)
            continue;
        static const QRegularExpression level(QStringLiteral("^\\S+ (warn|error|critical|fatal) "));
        static const QRegularExpression digits(QStringLiteral("\\d+"));
        QHash<QString, int> kinds;
        int total = 0;
        for (const QByteArray &raw : e->log().split('\n')) {
            const QString l = QString::fromUtf8(raw);
            const auto m = level.match(l);
            if (!m.hasMatch() && !l.startsWith(QLatin1String("terminate called")))
                continue;
            ++total;
            ++kinds[QString(l.mid(m.hasMatch() ? m.capturedEnd() : 0)).replace(digits, QStringLiteral("N")).left(110)];
        }
        QString top;
        int topCount = 0;
        for (auto it = kinds.cbegin(); it != kinds.cend(); ++it) {
            if (it.value() > topCount) {
                top = it.key();
                topCount = it.value();
            }
        }
        line(QStringLiteral("%1 warnings/errors logged").arg(e->name()),
             total ? QStringLiteral("%1, most often (%2x): %3").arg(total).arg(topCount).arg(top) : QStringLiteral("0"));
        warnings.insert(e->name(), total);
    }
    QFile brokerLog(QDir(m_servers.dir).filePath(QStringLiteral("mosquitto.log")));
    if (brokerLog.open(QIODevice::ReadOnly)) {
        const int drops = int(brokerLog.readAll().mid(m_brokerLogStart).count("Outgoing messages are being dropped"));
        line(QStringLiteral("broker: \"outgoing messages are being dropped\""), QStringLiteral("%1 time(s) during the run").arg(drops));
        warnings.insert(QStringLiteral("broker_drop_notices"), drops);
    }
    m_result.insert(QStringLiteral("warnings"), warnings);
    const double total = secondsSince(t0);
    line(QStringLiteral("total time"), num(total, 1) + QStringLiteral(" s"));
    if (!m_opt.logDir.isEmpty())
        line(QStringLiteral("daemon logs"), m_opt.logDir);
    line(QStringLiteral("targets missed"), m_missed.isEmpty() ? QStringLiteral("none") : m_missed.join(QStringLiteral(", ")));
    line(QStringLiteral("result"), m_failures.isEmpty() ? QStringLiteral("completed") : QStringLiteral("FAILED: %1 phase(s)").arg(m_failures.size()));

    m_result.insert(QStringLiteral("direction"), QStringLiteral("site_a->site_b"));
    m_result.insert(QStringLiteral("status"), m_failures.isEmpty() ? QStringLiteral("ok") : QStringLiteral("failed"));
    m_result.insert(QStringLiteral("failures"), QJsonArray::fromStringList(m_failures));
    m_result.insert(QStringLiteral("targets_missed"), QJsonArray::fromStringList(m_missed));
    m_result.insert(QStringLiteral("total_seconds"), std::round(total * 10) / 10);
    m_result.insert(QStringLiteral("log_level"), m_opt.logLevel);
    m_result.insert(QStringLiteral("load_average_start"), load);
    m_result.insert(QStringLiteral("cpus"), QThread::idealThreadCount());
    out() << QJsonDocument(m_result).toJson(QJsonDocument::Compact) << Qt::endl;

    if (!m_failures.isEmpty())
        return 1;
    if (m_opt.strict && !m_missed.isEmpty())
        return 3;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mysql-sync-bench"));
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Benchmarks two mysql-sync daemons on the private test servers."));
    parser.addHelpOption();
    const QCommandLineOption servers(QStringLiteral("servers"), QStringLiteral("Directory of tests/harness/servers.sh start DIR."), QStringLiteral("dir"));
    const QCommandLineOption daemon(QStringLiteral("daemon"), QStringLiteral("The mysql-sync executable."), QStringLiteral("path"),
                                    QStringLiteral(MYSQL_SYNC_BENCH_DAEMON));
    const QCommandLineOption rows(QStringLiteral("rows"), QStringLiteral("Rows of phases insert and e2e (50000)."), QStringLiteral("n"), QStringLiteral("50000"));
    const QCommandLineOption batch(QStringLiteral("batch"), QStringLiteral("Rows per INSERT transaction (1000)."), QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption latencyRows(QStringLiteral("latency-rows"), QStringLiteral("Rows of the latency phase (1000)."), QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption latencyRate(QStringLiteral("latency-rate"), QStringLiteral("Rows/s of the latency phase (100)."), QStringLiteral("r"), QStringLiteral("100"));
    const QCommandLineOption phases(QStringLiteral("phases"), QStringLiteral("Comma separated: insert,e2e,latency,floor (all)."), QStringLiteral("list"),
                                    QStringLiteral("insert,e2e,latency,floor"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"), QStringLiteral("The daemons' loggingLevel (warn)."), QStringLiteral("level"), QStringLiteral("warn"));
    const QCommandLineOption logDir(QStringLiteral("log-dir"), QStringLiteral("Copy the daemons' logs here at the end."), QStringLiteral("dir"));
    const QCommandLineOption checkInterval(QStringLiteral("check-interval"), QStringLiteral("The daemons' checkInterval in ms (1000)."), QStringLiteral("ms"), QStringLiteral("1000"));
    const QCommandLineOption timeoutScale(QStringLiteral("timeout-scale"), QStringLiteral("Multiply every phase's time limit (1)."), QStringLiteral("x"), QStringLiteral("1"));
    const QCommandLineOption latencyTrace(QStringLiteral("latency-trace"),
        QStringLiteral("Write id, COMMIT time and seen-on-B time (Unix ms) of every latency row to this CSV file."), QStringLiteral("file"));
    const QCommandLineOption set(QStringLiteral("set"),
        QStringLiteral("Add KEY=VALUE (VALUE as JSON, else a string) to both daemons' configuration, e.g. captureInterval=5. Repeatable."),
        QStringLiteral("key=value"));
    const QCommandLineOption strict(QStringLiteral("strict"), QStringLiteral("Exit with 3 when a figure misses its target."));
    parser.addOptions({servers, daemon, rows, batch, latencyRows, latencyRate, phases, logLevel, logDir, checkInterval, timeoutScale, latencyTrace, set, strict});
    parser.process(app);

    Options o;
    o.serversDir = parser.value(servers);
    o.daemon = QFileInfo(parser.value(daemon)).absoluteFilePath();
    o.floorProgram = QStringLiteral(MYSQL_SYNC_BENCH_FLOOR);
    o.rows = parser.value(rows).toInt();
    o.batch = parser.value(batch).toInt();
    o.latencyRows = parser.value(latencyRows).toInt();
    o.latencyRate = parser.value(latencyRate).toDouble();
    o.phases = parser.value(phases).split(QLatin1Char(','), Qt::SkipEmptyParts);
    o.logLevel = parser.value(logLevel);
    o.logDir = parser.value(logDir);
    o.checkInterval = parser.value(checkInterval).toInt();
    o.timeoutScale = parser.value(timeoutScale).toDouble();
    o.latencyTrace = parser.value(latencyTrace);
    for (const QString &kv : parser.values(set)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            QTextStream(stderr) << "mysql-sync-bench: --set expects KEY=VALUE, got " << kv << "\n";
            return 2;
        }
        const QByteArray raw = kv.mid(eq + 1).toUtf8();
        const QJsonDocument doc = QJsonDocument::fromJson("[" + raw + "]");
        o.extraConfig.insert(kv.left(eq), doc.isArray() && doc.array().size() == 1 ? doc.array().at(0) : QJsonValue(QString::fromUtf8(raw)));
    }
    o.strict = parser.isSet(strict);

    QTextStream err(stderr);
    if (o.serversDir.isEmpty() || o.rows < 1 || o.batch < 1 || o.latencyRows < 1 || o.latencyRate <= 0
        || o.checkInterval < 10 || o.timeoutScale <= 0) {
        err << "mysql-sync-bench: needs --servers DIR and positive numbers (see --help)\n";
        return 2;
    }
    Servers s;
    if (!prepareBench("mysql-sync-bench", o.daemon, o.serversDir, QStringLiteral(MYSQL_SYNC_BENCH_HARNESS), &s))
        return 2;
    Bench bench(o, s);
    return bench.run();
}
