#pragma once
// mysql-sync-bench (usage: bench_main.cpp): the options, the helpers every phase uses and the
// Bench class. Its parts: BenchInfra.cpp (databases, daemons, which path they speak, the
// warm-up), BenchPhasesThroughput.cpp (insert, e2e), BenchPhaseLatency.cpp, BenchPhaseWire.cpp
// (messages and bytes per row, with WireObserver), BenchPhaseFloor.cpp, BenchPhaseBacklog.cpp,
// BenchPhaseConsistency.cpp (verify, load), BenchPhasePostgres.cpp (PostgreSQL sites) and
// BenchRun.cpp (the order of the phases, memory, the summary and the JSON line).
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <chrono>
#include <csignal>
#include <functional>
#include <memory>

#include "EngineProcess.h"
#include "Servers.h"
#include "SiteDatabase.h"

namespace bench {

using Clock = std::chrono::steady_clock;

// ------------------------------------------------------------------ helpers (BenchInfra.cpp)

extern volatile std::sig_atomic_t g_interrupted;
extern "C" void onSignal(int);

double secondsSince(Clock::time_point t0);
double msBetween(Clock::time_point a, Clock::time_point b);
QTextStream &out();
// "  label ...... value", the label padded to one column.
void line(const QString &label, const QString &value);
void heading(const QString &text);
QString num(double v, int decimals = 0);
// Processes queued events (the daemons' output pipes) without sleeping.
void pumpEvents();
void sleepMs(double ms);
// Polls `condition` every stepMs until it holds (true), the deadline passes or a signal came.
bool pollUntil(const std::function<bool()> &condition, double timeoutS, int stepMs = 100);
QString sqlError(const QSqlQuery &q);
// One statement on a connection; false (with the error in *error) on failure.
bool execSql(QSqlDatabase db, const QString &sql, QString *error);
qint64 scalarInt(QSqlDatabase db, const QString &sql, qint64 fallback = -1);
// Multi-row INSERT statements for ids [firstId, firstId + rows), `batch` rows each. Built
// before any timing starts, so that only the database (and the engines) are measured.
QStringList buildInserts(const QString &table, qint64 firstId, int rows, int batch, quint32 seed);
extern const QString kItemsDdl;
// Runs the prepared statements, one transaction each; rows/s, or -1 with *error set.
double timedInserts(QSqlDatabase db, const QStringList &statements, int rows, QString *error,
                    double *seconds = nullptr);
// A content fingerprint of items rows in [from, to]: equal on both sites when equal data,
// also between a MariaDB and a PostgreSQL site.
QString fingerprint(QSqlDatabase db, qint64 from, qint64 to);
// True for a QPSQL connection.
bool isPostgres(QSqlDatabase db);
// The items table's DDL (kItemsDdl on MariaDB, the same columns on PostgreSQL), table `table`.
QString itemsDdl(QSqlDatabase db, const QString &table);
// True when `table` exists in the connection's database (MariaDB) or schema (PostgreSQL).
bool tableExists(QSqlDatabase db, const QString &table);
// The daemon's pid: through its QProcess, else by the config path on a /proc command line.
qint64 daemonPid(testsupport::EngineProcess &engine);
QString logTail(testsupport::EngineProcess &engine, int bytes = 3000);
double median(QList<double> values);

// ------------------------------------------------------------------ options

struct Options {
    QString serversDir;
    QString daemon;
    QString logLevel = QStringLiteral("warn");
    QString logDir;
    QString latencyTrace;
    QJsonObject extraConfig; // --set KEY=VALUE: more keys for both daemons' configuration
    QString floorProgram;
    QStringList phases;
    int rows = 50000;
    int batch = 1000;
    int latencyRows = 1000;
    double latencyRate = 100;
    int checkInterval = 1000;
    int insertRepeats = 3;
    int wireRows = 5000;
    int backlogRows = 1000000;
    double timeoutScale = 1.0;
    bool strict = false;

    static QStringList allPhases();
};

// Which protocol the two daemons speak to each other: the extension channel's batches (the
// configuration's defaults; `compress` as given) or only the five per-row messages
// (extensions.enabled false on both, as with an earlier engine).
struct PathSetting {
    bool fast = true;
    bool compress = true;
    QString label() const; // "fast path", "fast path, uncompressed", "per-row path"
    bool operator==(const PathSetting &o) const { return fast == o.fast && compress == o.compress; }
};

// Which servers the two sites are on: site_a (the sender, items in syncTables) on `from`,
// site_b (the receiver, items in receiveTables) on `to`; each 'A' (MariaDB A), 'B' (MariaDB
// B) or 'P' (the PostgreSQL server). Every phase but pg runs on A -> B.
struct SitePair {
    char from = 'A';
    char to = 'B';
    static QString kind(char server); // "MariaDB" or "PostgreSQL"
    QString label() const;            // "MariaDB -> PostgreSQL"
    bool operator==(const SitePair &o) const { return from == o.from && to == o.to; }
};

// What a latency run is held against: p50 and p99 in ms at most.
struct LatencyTargets {
    double p50Ms;
    double p99Ms;
};

// ------------------------------------------------------------------ the benchmark

class Bench {
public:
    Bench(const Options &options, const testsupport::Servers &servers);
    ~Bench();
    int run();

private:
    // BenchInfra.cpp
    bool setup();
    // site 'A' (site_a, the sender) or 'B' (site_b, the receiver), on m_sites' servers.
    QJsonObject engineConfig(char site, const PathSetting &path) const;
    // The bench's connections, the items tables and both daemons' configuration for `pair`:
    // the daemons stopped (their peak RSS recorded), every database recreated when the pair
    // changes; the next usePath() starts them. False (reported) on failure.
    bool useSites(const SitePair &pair);
    bool startEngine(testsupport::EngineProcess &engine, const std::function<bool()> &ready, const QString &what);
    // Both daemons speak `path` (restarted with that configuration and every table emptied
    // when they did not, or when `restart`), warmed up, and the probe row went on that path.
    bool usePath(const PathSetting &path, bool restart = false);
    // Stops both daemons, their peak RSS recorded under the current path's label.
    bool stopEngines();
    void recordPeakRss();
    // Empties items, table_changes and sync_status on both sites (the daemons stopped).
    bool emptyTables();
    bool warmUp();
    bool enginesAlive(QString *why);
    bool triggersInstalled();
    void fail(const QString &phase, const QString &why);
    void target(const QString &name, bool met);
    double timeout(double seconds) const { return seconds * m_opt.timeoutScale; }
    // " AND primary_key NOT IN (probes)": the warm-up's rows, left out of the counts.
    QString notProbes() const;
    int batchRows() const;
    bool configuredCompress() const;

    // The phases
    void phaseInsert(); // BenchPhasesThroughput.cpp
    void phaseEndToEnd();
    QJsonObject runEndToEnd(const QString &phase);
    void phaseLatency(); // BenchPhaseLatency.cpp
    QJsonObject runLatency(const QString &phase, const LatencyTargets &targets);
    void phasePostgres(); // BenchPhasePostgres.cpp
    void phaseWire();     // BenchPhaseWire.cpp
    QJsonObject runWire(const PathSetting &path);
    void phaseFloor(); // BenchPhaseFloor.cpp
    QJsonObject runFloor(int rowsPerMessage, bool compress);
    void phaseBacklog(); // BenchPhaseBacklog.cpp
    void phaseMemory();  // BenchRun.cpp
    // BenchPhaseConsistency.cpp
    struct CpuMeter;
    CpuMeter startCpuMeter();
    qint64 consistencyRows();
    void phaseConsistency();
    void runLoadWithLiveStream(qint64 n, QJsonObject *r);

    Options m_opt;
    testsupport::Servers m_servers;
    std::unique_ptr<testsupport::SiteDatabase> m_a;      // bench's own connection to A (inserts)
    std::unique_ptr<testsupport::SiteDatabase> m_b;      // to B (checks)
    std::unique_ptr<testsupport::SiteDatabase> m_aCheck; // to A (sync_status checks)
    std::unique_ptr<testsupport::EngineProcess> m_engineA;
    std::unique_ptr<testsupport::EngineProcess> m_engineB;
    SitePair m_sites;                                     // the servers the connections and daemons use now
    PathSetting m_path;                                   // what the daemons' configuration says now
    bool m_pathSet = false;                               // false until usePath() configured them
    QList<qint64> m_probeIds;                             // warm-up rows since the tables were last emptied
    QList<QPair<QString, QPair<double, double>>> m_peaks; // label -> (site_a, site_b) VmHWM MB
    QJsonObject m_result;
    QStringList m_failures;
    QStringList m_missed;
    qint64 m_brokerLogStart = 0;
    static constexpr qint64 kProbeId = 2000000000;
    static constexpr qint64 kLatencyBase = 1000001;
};

} // namespace bench
