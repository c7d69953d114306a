// mysql-sync-bench's infrastructure: helpers, the databases, the daemons and which path they
// speak, the warm-up probe (see Bench.h).
#include "Bench.h"

#include "ProcStat.h"
#include "WireObserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlError>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <random>
#include <thread>

#include <sys/prctl.h>
#include <unistd.h>

using namespace testsupport;

namespace bench {

// ------------------------------------------------------------------ small helpers

volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void onSignal(int)
{
    g_interrupted = 1;
}

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}
double msBetween(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

void line(const QString &label, const QString &value)
{
    out() << "  " << label.leftJustified(46, QLatin1Char(' ')) << ' ' << value << Qt::endl;
}

void heading(const QString &text)
{
    out() << Qt::endl << text << Qt::endl;
}

QString num(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

// Processes queued events (the daemons' output pipes) without sleeping.
void pumpEvents()
{
    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

void sleepMs(double ms)
{
    if (ms > 0)
        std::this_thread::sleep_for(std::chrono::microseconds(qint64(ms * 1000)));
}

// Polls `condition` every stepMs until it holds (true), the deadline passes or a signal came.
bool pollUntil(const std::function<bool()> &condition, double timeoutS, int stepMs)
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

QString sqlError(const QSqlQuery &q)
{
    return q.lastError().text();
}

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

qint64 scalarInt(QSqlDatabase db, const QString &sql, qint64 fallback)
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

const QString kItemsDdl =
    QStringLiteral("CREATE TABLE %1 (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64), qty INT, "
                   "price DECIMAL(10,2), updated DATETIME) ENGINE=InnoDB");

// Runs the prepared statements, one transaction each; rows/s, or -1 with *error set.
double timedInserts(QSqlDatabase db, const QStringList &statements, int rows, QString *error, double *seconds)
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
// The row's text is the same on both kinds of database (the DECIMAL as MariaDB prints it, the
// DATETIME as yyyy-mm-dd hh:mm:ss); the first 32 bits of its MD5 are summed, as text.
QString fingerprint(QSqlDatabase db, qint64 from, qint64 to)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const QString sql = isPostgres(db)
        ? QStringLiteral("SELECT COUNT(*), COALESCE(SUM(('x' || left(md5(concat_ws('|', id, name, qty, price, "
                         "to_char(updated, 'YYYY-MM-DD HH24:MI:SS'))), 8))::bit(32)::bigint), 0)::text "
                         "FROM items WHERE id BETWEEN %1 AND %2")
        : QStringLiteral("SELECT COUNT(*), CAST(COALESCE(SUM(CAST(CONV(LEFT(MD5(CONCAT_WS('|', id, name, qty, price, "
                         "updated)), 8), 16, 10) AS UNSIGNED)), 0) AS CHAR) FROM items WHERE id BETWEEN %1 AND %2");
    if (!q.exec(sql.arg(from).arg(to)) || !q.next())
        return QStringLiteral("error: ") + sqlError(q);
    return q.value(0).toString() + QLatin1Char('/') + q.value(1).toString();
}

bool isPostgres(QSqlDatabase db)
{
    return db.driverName() == QLatin1String("QPSQL");
}

// SQL for the connection's database (MariaDB) or schema (PostgreSQL), as information_schema
// names it.
static QString currentSchema(QSqlDatabase db)
{
    return isPostgres(db) ? QStringLiteral("current_schema()") : QStringLiteral("DATABASE()");
}

QString itemsDdl(QSqlDatabase db, const QString &table)
{
    static const QString postgres =
        QStringLiteral("CREATE TABLE %1 (id integer NOT NULL PRIMARY KEY, name varchar(64), qty integer, "
                       "price numeric(10,2), updated timestamp(0))");
    return (isPostgres(db) ? postgres : kItemsDdl).arg(table);
}

bool tableExists(QSqlDatabase db, const QString &table)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = %1 "
                                  "AND table_name = ?")
                       .arg(currentSchema(db))))
        return false;
    q.addBindValue(table);
    return q.exec() && q.next() && q.value(0).toLongLong() == 1;
}

// ------------------------------------------------------------------ daemons

static QProcess *processOf(EngineProcess &engine)
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

QString logTail(EngineProcess &engine, int bytes)
{
    return QString::fromUtf8(engine.log().right(bytes));
}


double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

QStringList Options::allPhases()
{
    return {QStringLiteral("insert"), QStringLiteral("e2e"),     QStringLiteral("latency"),     QStringLiteral("wire"),
            QStringLiteral("floor"),  QStringLiteral("backlog"), QStringLiteral("consistency"), QStringLiteral("pg")};
}

QString SitePair::kind(char server)
{
    return server == 'P' ? QStringLiteral("PostgreSQL") : QStringLiteral("MariaDB");
}

QString SitePair::label() const
{
    return kind(from) + QStringLiteral(" -> ") + kind(to);
}

QString PathSetting::label() const
{
    if (!fast)
        return QStringLiteral("per-row path");
    return compress ? QStringLiteral("fast path") : QStringLiteral("fast path, uncompressed");
}

// ------------------------------------------------------------------ the benchmark's infrastructure

Bench::Bench(const Options &options, const Servers &servers)
    : m_opt(options)
    , m_servers(servers)
{ }
Bench::~Bench() = default;

void Bench::fail(const QString &phase, const QString &why)
{
    out() << "  FAILED (" << phase << "): " << why << Qt::endl;
    m_failures << phase + QStringLiteral(": ") + why;
}

void Bench::target(const QString &name, bool met)
{
    if (!met)
        m_missed << name;
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
    // One trigger per event on both kinds of database: insert, update, delete.
    return scalarInt(m_a->database(),
                     QStringLiteral("SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = %1 "
                                    "AND event_object_table = 'items' AND trigger_name LIKE 'mysqlSync%'")
                         .arg(currentSchema(m_a->database())))
        == 3;
}

QString Bench::notProbes() const
{
    QStringList ids;
    for (qint64 id : m_probeIds)
        ids << QStringLiteral("'%1'").arg(id);
    return ids.isEmpty() ? QString() : QStringLiteral(" AND primary_key NOT IN (%1)").arg(ids.join(QLatin1Char(',')));
}

int Bench::batchRows() const
{
    return m_opt.extraConfig.value(QStringLiteral("extensions"))
        .toObject()
        .value(QStringLiteral("batchRows"))
        .toInt(1000);
}

bool Bench::configuredCompress() const
{
    return m_opt.extraConfig.value(QStringLiteral("extensions"))
        .toObject()
        .value(QStringLiteral("compress"))
        .toBool(true);
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
        fail(QStringLiteral("setup"),
             QStringLiteral("daemon %1 not ready (%2) within %3 s; end of its log:\n%4")
                 .arg(engine.name(), what)
                 .arg(timeout(60))
                 .arg(logTail(engine)));
        return false;
    }
    return true;
}

QJsonObject Bench::engineConfig(char site, const PathSetting &path) const
{
    const QStringList items{QStringLiteral("items")};
    QJsonObject c = site == 'A'
        ? EngineProcess::config(m_servers, m_sites.from, QStringLiteral("bench"), QStringLiteral("site_a"),
                                {QStringLiteral("site_b")}, items, {})
        : EngineProcess::config(m_servers, m_sites.to, QStringLiteral("bench"), QStringLiteral("site_b"),
                                {QStringLiteral("site_a")}, {}, items);
    c.insert(QStringLiteral("loggingLevel"), m_opt.logLevel);
    c.insert(QStringLiteral("checkInterval"), m_opt.checkInterval);
    c.remove(QStringLiteral("resendTimeout")); // the product's default (30 s), not the tests' 3 s
    for (auto it = m_opt.extraConfig.constBegin(); it != m_opt.extraConfig.constEnd(); ++it)
        c.insert(it.key(), it.value());
    // The path overrides what --set said about these two keys; the rest of it stays.
    QJsonObject ext = c.value(QStringLiteral("extensions")).toObject();
    ext.insert(QStringLiteral("enabled"), path.fast);
    if (path.fast)
        ext.insert(QStringLiteral("compress"), path.compress);
    c.insert(QStringLiteral("extensions"), ext);
    return c;
}

bool Bench::setup()
{
    return useSites(SitePair{});
}

bool Bench::useSites(const SitePair &pair)
{
    if (m_engineA && m_sites == pair) // made last, when all the rest worked
        return true;
    if (m_engineA && m_engineB && !stopEngines())
        return false;
    // Daemons and connections first, so that every database can be dropped.
    m_engineA.reset();
    m_engineB.reset();
    m_aCheck.reset();
    m_a.reset();
    m_b.reset();
    m_sites = pair;
    m_pathSet = false;
    m_probeIds.clear();
    m_a = std::make_unique<SiteDatabase>(m_servers, pair.from, QStringLiteral("bench"));
    m_b = std::make_unique<SiteDatabase>(m_servers, pair.to, QStringLiteral("bench"));
    if (!m_a->isOpen() || !m_b->isOpen()) {
        fail(QStringLiteral("setup"),
             QStringLiteral("cannot open the databases: %1 %2").arg(m_a->lastError(), m_b->lastError()));
        return false;
    }
    m_aCheck = std::make_unique<SiteDatabase>(m_servers, pair.from, QStringLiteral("bench"), SiteDatabase::Attach);
    if (!m_aCheck->isOpen()) {
        fail(QStringLiteral("setup"), m_aCheck->lastError());
        return false;
    }
    QString error;
    if (!execSql(m_a->database(), itemsDdl(m_a->database(), QStringLiteral("items")), &error)
        || !execSql(m_a->database(), itemsDdl(m_a->database(), QStringLiteral("items_plain")), &error)
        || !execSql(m_b->database(), itemsDdl(m_b->database(), QStringLiteral("items")), &error)) {
        fail(QStringLiteral("setup"), error);
        return false;
    }
    m_path = PathSetting{true, configuredCompress()};
    m_engineA = std::make_unique<EngineProcess>(QStringLiteral("site_a"), engineConfig('A', m_path));
    m_engineB = std::make_unique<EngineProcess>(QStringLiteral("site_b"), engineConfig('B', m_path));
    return true;
}

void Bench::recordPeakRss()
{
    double mb[2] = {-1, -1};
    int i = 0;
    for (EngineProcess *e : {m_engineA.get(), m_engineB.get()}) {
        if (e && e->isRunning())
            mb[i] = procStatusKb(daemonPid(*e), "VmHWM") / 1024.0;
        ++i;
    }
    if (mb[0] > 0 || mb[1] > 0) {
        QString label = m_pathSet ? m_path.label() : QStringLiteral("insert phase");
        if (!(m_sites == SitePair{}))
            label = m_sites.label() + QStringLiteral(", ") + label;
        m_peaks.append({label, {mb[0], mb[1]}});
    }
}

bool Bench::stopEngines()
{
    recordPeakRss();
    bool ok = true;
    for (EngineProcess *e : {m_engineA.get(), m_engineB.get()}) {
        pumpEvents();
        if (e->isRunning() && !e->stop()) {
            fail(QStringLiteral("shutdown"),
                 QStringLiteral("%1 did not stop cleanly; end of its log:\n%2").arg(e->name(), logTail(*e)));
            ok = false;
        }
    }
    return ok;
}

bool Bench::emptyTables()
{
    QString error;
    // TRUNCATE fires no triggers; the engine's tables exist once a daemon ran.
    auto empty = [&](QSqlDatabase db, const QStringList &tables) {
        for (const QString &t : tables) {
            if (tableExists(db, t) && !execSql(db, QStringLiteral("TRUNCATE TABLE ") + t, &error)) {
                fail(QStringLiteral("setup"), error);
                return false;
            }
        }
        return true;
    };
    if (!empty(m_a->database(),
               {QStringLiteral("items"), QStringLiteral("items_plain"), QStringLiteral("table_changes"),
                QStringLiteral("sync_status")})
        || !empty(m_b->database(), {QStringLiteral("items"), QStringLiteral("sync_status")}))
        return false;
    m_probeIds.clear();
    return true;
}

bool Bench::usePath(const PathSetting &path, bool restart)
{
    const bool running = m_engineA->isRunning() && m_engineB->isRunning();
    if (m_pathSet && m_path == path && running && !restart)
        return true;
    if (!stopEngines())
        return false;
    if (!emptyTables())
        return false;
    m_path = path;
    m_pathSet = true;
    m_engineA->setConfig(engineConfig('A', path));
    m_engineB->setConfig(engineConfig('B', path));
    out() << "  (both daemons restarted on the " << path.label() << ", tables emptied)" << Qt::endl;
    if (warmUp())
        return true;
    m_pathSet = false; // the next phase starts them again rather than trust them
    return false;
}

// Both engines run; a probe row goes A -> B and its receipt comes back, so that every
// connection (database, broker, presence) is up before anything is timed; and it must have
// travelled on the path the daemons were configured for (a fast-path daemon serves the
// per-row path until it heard the other's announcement: then another probe follows).
bool Bench::warmUp()
{
    if (!m_engineA->isRunning()
        && !startEngine(
            *m_engineA, [this] { return triggersInstalled(); }, QStringLiteral("triggers on A")))
        return false;
    if (!m_engineB->isRunning()
        && !startEngine(
            *m_engineB, [this] { return tableExists(m_b->database(), QStringLiteral("sync_status")); },
            QStringLiteral("sync_status on B")))
        return false;
    WireObserver observer(m_servers.mqttPort, QStringLiteral("site_a"), QStringLiteral("site_b"));
    QString error;
    if (!observer.start(&error)) {
        fail(QStringLiteral("warm-up"), error);
        return false;
    }
    const auto t0 = Clock::now();
    const double limit = timeout(60);
    while (true) {
        const qint64 id = kProbeId + m_probeIds.size();
        m_probeIds.append(id);
        if (!execSql(m_a->database(),
                     QStringLiteral("INSERT INTO items (id, name, qty, price, updated) VALUES "
                                    "(%1, 'probe', 1, '1.00', NOW())")
                         .arg(id),
                     &error)) {
            fail(QStringLiteral("warm-up"), error);
            return false;
        }
        const QString acked =
            QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE %1 = 'items' AND primary_key = '%2' "
                           "AND remote = 'site_b' AND %3 = 'successful'")
                .arg(m_aCheck->quote(QStringLiteral("table_name")))
                .arg(id)
                .arg(m_aCheck->quote(QStringLiteral("status")));
        const WireObserver::Count batchesBefore = observer.count(WireObserver::BatchChange);
        const WireObserver::Count rowsBefore = observer.count(WireObserver::RowChange);
        const bool ok = pollUntil(
            [&] {
                return scalarInt(m_b->database(), QStringLiteral("SELECT COUNT(*) FROM items WHERE id = %1").arg(id))
                    == 1
                    && scalarInt(m_aCheck->database(), acked) == 1;
            },
            std::max(1.0, limit - secondsSince(t0)), 20);
        if (!ok) {
            QString why;
            if (!enginesAlive(&why))
                fail(QStringLiteral("warm-up"), why);
            else
                fail(QStringLiteral("warm-up"),
                     QStringLiteral("the probe row did not reach B and come back acknowledged within %1 s;\n"
                                    "site_a log:\n%2\nsite_b log:\n%3")
                         .arg(limit)
                         .arg(logTail(*m_engineA), logTail(*m_engineB)));
            return false;
        }
        // The observer may hear the change a moment after the receipt came back.
        pollUntil(
            [&] {
                return observer.count(WireObserver::BatchChange).messages > batchesBefore.messages
                    || observer.count(WireObserver::RowChange).messages > rowsBefore.messages;
            },
            2, 10);
        const bool viaBatch = observer.count(WireObserver::BatchChange).messages > batchesBefore.messages;
        const bool viaRow = observer.count(WireObserver::RowChange).messages > rowsBefore.messages;
        if (viaBatch == m_path.fast && viaRow != m_path.fast)
            break;
        if (!m_path.fast || secondsSince(t0) > limit) {
            fail(QStringLiteral("warm-up"),
                 QStringLiteral("the daemons are configured for the %1, but the probe went %2")
                     .arg(m_path.label(), viaBatch ? QStringLiteral("in a batch") : QStringLiteral("per row")));
            return false;
        }
        // site_a has not heard site_b's announcement yet: it comes beside the next heartbeat.
        sleepMs(200);
    }
    line(QStringLiteral("warm-up probe (%1, A -> B -> ack)").arg(m_path.label()),
         num(secondsSince(t0) * 1000) + QStringLiteral(" ms"));
    return true;
}

} // namespace bench
