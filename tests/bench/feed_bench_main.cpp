// mysql-sync-feed-bench: the live feed under load (issue 18; docs/BENCHMARKS.md, "Live feed").
// One daemon with a feed on the private MariaDB A; N WebSocket clients (QWebSocket, this
// process, one user each, subscribed to `orders`); a thread commits `orders` rows at a steady
// rate, each row routed to one user (user_id = id % N + 1). For every row, the push latency is
// the time from its commit (the INSERT returned) to its push reaching its client, on one
// steady clock. Printed: p50 / p90 / p99 / max, rows pushed and missing, the daemon's CPU and
// its feed thread's (sync-feed) CPU and RSS. Run it with  bash scripts/bench-feed.sh.
//   mysql-sync-feed-bench --servers DIR [--daemon PATH] [--clients N] [--rate ROWS_PER_S]
//                         [--seconds S] [--batch ROWS]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTextStream>
#include <QThread>
#include <QWebSocket>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <vector>

#include "EngineProcess.h"
#include "ProcStat.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

using namespace testsupport;
using Clock = std::chrono::steady_clock;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

// CPU seconds of the daemon's thread named `name` (Linux: /proc/PID/task/TID), -1 if none.
double threadCpu(qint64 pid, const QByteArray &name)
{
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == name) {
            QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
            if (!stat.open(QIODevice::ReadOnly))
                return -1;
            const QByteArray s = stat.readAll();
            const QList<QByteArray> f = s.mid(s.lastIndexOf(')') + 2).split(' ');
            if (f.size() < 13)
                return -1;
            return double(f.at(11).toLongLong() + f.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
        }
    }
    return -1;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

// Commits `rows` rows at `rate` rows/s in transactions of `batch` rows, recording each row's
// commit time (commitNs[id]); its own connection, on its own thread.
class Inserter : public QThread {
public:
    Inserter(const Servers &servers, const QString &database, int clients, int rows, double rate, int batch,
             std::vector<qint64> *commitNs)
        : m_servers(servers)
        , m_database(database)
        , m_clients(clients)
        , m_rows(rows)
        , m_rate(rate)
        , m_batch(batch)
        , m_commitNs(commitNs)
    { }
    QString error;
    double seconds = 0;

protected:
    void run() override
    {
        {
            SiteDatabase db(m_servers, 'A', m_database, SiteDatabase::Attach);
            if (!db.isOpen()) {
                error = QStringLiteral("cannot connect: ") + db.lastError();
                return;
            }
            QSqlQuery q(db.database());
            const qint64 start = nowNs();
            for (int first = 1; first <= m_rows; first += m_batch) {
                // The schedule: row `first` is due at start + (first - 1) / rate.
                const qint64 due = start + qint64(double(first - 1) / m_rate * 1e9);
                while (nowNs() < due)
                    QThread::usleep(200);
                QStringList values;
                const int last = std::min(m_rows, first + m_batch - 1);
                for (int id = first; id <= last; ++id)
                    values << QStringLiteral("(%1,%2,'item-%1')").arg(id).arg(id % m_clients + 1);
                if (!q.exec(QStringLiteral("INSERT INTO orders (id, user_id, item) VALUES ")
                            + values.join(QLatin1Char(',')))) {
                    error = q.lastError().text();
                    return;
                }
                const qint64 committed = nowNs();
                for (int id = first; id <= last; ++id)
                    (*m_commitNs)[size_t(id)] = committed;
            }
            seconds = double(nowNs() - start) / 1e9;
        }
    }

private:
    Servers m_servers;
    QString m_database;
    int m_clients;
    int m_rows;
    double m_rate;
    int m_batch;
    std::vector<qint64> *m_commitNs;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The live feed's push latency under load (docs/BENCHMARKS.md)."));
    parser.addHelpOption();
    const QCommandLineOption serversOpt(QStringLiteral("servers"), QStringLiteral("The harness's servers."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption daemonOpt(QStringLiteral("daemon"), QStringLiteral("The mysql-sync daemon."),
                                       QStringLiteral("PATH"));
    const QCommandLineOption clientsOpt(QStringLiteral("clients"), QStringLiteral("WebSocket clients (1000)."),
                                        QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption rateOpt(QStringLiteral("rate"), QStringLiteral("Rows committed per second (2000)."),
                                     QStringLiteral("ROWS"), QStringLiteral("2000"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("Seconds of load (20)."),
                                        QStringLiteral("S"), QStringLiteral("20"));
    const QCommandLineOption batchOpt(QStringLiteral("batch"), QStringLiteral("Rows per transaction (20)."),
                                      QStringLiteral("ROWS"), QStringLiteral("20"));
    parser.addOptions({serversOpt, daemonOpt, clientsOpt, rateOpt, secondsOpt, batchOpt});
    parser.process(app);
    if (!parser.isSet(serversOpt)) {
        out() << "mysql-sync-feed-bench: --servers DIR is required\n";
        return 2;
    }
    if (parser.isSet(daemonOpt))
        qputenv("MYSQL_SYNC_DAEMON", parser.value(daemonOpt).toLocal8Bit());
    const int clients = parser.value(clientsOpt).toInt();
    const double rate = parser.value(rateOpt).toDouble();
    const int batch = std::max(1, parser.value(batchOpt).toInt());
    const int rows = int(rate * parser.value(secondsOpt).toDouble());
    if (clients < 1 || rate <= 0 || rows < 1) {
        out() << "mysql-sync-feed-bench: --clients, --rate and --seconds must be positive\n";
        return 2;
    }

    const Servers servers = Servers::fromDirectory(parser.value(serversOpt));
    if (!servers.valid) {
        out() << "mysql-sync-feed-bench: " << servers.error << "\n";
        return 1;
    }
    const QString database = QStringLiteral("feedbench_a");
    SiteDatabase db(servers, 'A', database);
    if (!db.isOpen() || !db.exec(QStringLiteral("CREATE TABLE users (id INT PRIMARY KEY, token VARCHAR(64))"))
        || !db.exec(QStringLiteral("CREATE TABLE orders (id INT PRIMARY KEY, user_id INT, item VARCHAR(50))"))) {
        out() << "mysql-sync-feed-bench: cannot set up the database: " << db.lastError() << "\n";
        return 1;
    }
    QStringList users;
    for (int u = 1; u <= clients; ++u)
        users << QStringLiteral("(%1,'tok-%1')").arg(u);
    if (!db.exec(QStringLiteral("INSERT INTO users VALUES ") + users.join(QLatin1Char(',')))) {
        out() << "mysql-sync-feed-bench: " << db.lastError() << "\n";
        return 1;
    }

    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    QJsonObject config = EngineProcess::config(servers, 'A', database, QStringLiteral("site_a"),
                                               {QStringLiteral("site_b")}, {QStringLiteral("orders")}, {});
    config.insert(QStringLiteral("initialLoad"), false);
    config.insert(QStringLiteral("loggingLevel"), QStringLiteral("info")); // "ready (" is an info line
    config.insert(QStringLiteral("feed"),
                  QJsonDocument::fromJson(QStringLiteral(R"({
        "listen": "127.0.0.1:%1",
        "tokens": {"table": "users", "tokenColumn": "token", "userColumn": "id"},
        "routing": {"orders": "user_id"}})")
                                              .arg(port)
                                              .toUtf8())
                      .object());
    EngineProcess engine(QStringLiteral("site_a"), config);
    if (!engine.start() || !engine.waitForLog("ready (", 60000)) {
        out() << "mysql-sync-feed-bench: the daemon did not start:\n" << engine.log().right(3000) << "\n";
        return 1;
    }
    const qint64 pid = engine.processId();
    out() << "feed benchmark: " << clients << " clients, " << rate << " rows/s for " << rows / rate << " s, " << batch
          << " rows per transaction\n";
    out().flush();

    std::vector<qint64> commitNs(size_t(rows) + 1, 0);
    std::vector<qint64> pushNs(size_t(rows) + 1, 0);
    std::vector<std::unique_ptr<QWebSocket>> sockets;
    int ready = 0;
    int pushes = 0;
    const QByteArray subscribe = R"({"action":"subscribe","body":{"entity":"orders"}})";
    QElapsedTimer connecting;
    connecting.start();
    for (int u = 1; u <= clients; ++u) {
        auto s = std::make_unique<QWebSocket>();
        QWebSocket *socket = s.get();
        QObject::connect(socket, &QWebSocket::textMessageReceived, [&, socket](const QString &text) {
            const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
            const QString action = o.value(QStringLiteral("action")).toString();
            if (action == QLatin1String("change")) {
                const int id =
                    o.value(QStringLiteral("body")).toObject().value(QStringLiteral("key")).toString().toInt();
                if (id > 0 && id <= rows && pushNs[size_t(id)] == 0)
                    pushNs[size_t(id)] = nowNs();
                ++pushes;
            } else if (action == QLatin1String("authenticated")) {
                socket->sendTextMessage(QString::fromLatin1(subscribe));
            } else if (action == QLatin1String("subscribed")) {
                ++ready;
            } else if (action == QLatin1String("error")) {
                out() << "client error: " << text << "\n";
            }
        });
        socket->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/?token=tok-%2").arg(port).arg(u)));
        sockets.push_back(std::move(s));
    }
    if (!waitUntil([&] { return ready == clients; }, 120000, 10)) {
        out() << "mysql-sync-feed-bench: only " << ready << " of " << clients << " clients subscribed\n";
        return 1;
    }
    out() << "  clients connected and subscribed in " << connecting.elapsed() << " ms\n";
    out().flush();

    const double cpu0 = cpuSeconds(pid);
    const double selfCpu0 = cpuSeconds(getpid());
    MachineCpu machine0;
    machineCpu(&machine0);
    const double feedCpu0 = threadCpu(pid, "sync-feed");
    const qint64 t0 = nowNs();
    Inserter inserter(servers, database, clients, rows, rate, batch, &commitNs);
    inserter.start();
    // The clients read on this thread while the rows are committed on the inserter's.
    waitUntil([&] { return inserter.isFinished(); }, int(rows / rate * 1000) + 120000, 1);
    inserter.wait();
    waitUntil([&] { return pushes >= rows; }, 10000, 5);
    const double wall = double(nowNs() - t0) / 1e9;
    const double cpu = cpuSeconds(pid) - cpu0;
    const double selfCpu = cpuSeconds(getpid()) - selfCpu0;
    const double feedCpu = threadCpu(pid, "sync-feed") - feedCpu0;
    if (!inserter.error.isEmpty()) {
        out() << "mysql-sync-feed-bench: inserting: " << inserter.error << "\n";
        return 1;
    }

    std::vector<double> latencyMs;
    int missing = 0;
    for (int id = 1; id <= rows; ++id) {
        if (pushNs[size_t(id)] == 0 || commitNs[size_t(id)] == 0)
            ++missing;
        else
            latencyMs.push_back(double(pushNs[size_t(id)] - commitNs[size_t(id)]) / 1e6);
    }
    const double achieved = rows / inserter.seconds;
    // The median by 2-second window of commits: does the latency grow (a stage that cannot keep
    // up) or only jump (waiting for a CPU)?
    QStringList windows;
    const int perWindow = std::max(1, int(2 * rate));
    for (int first = 1; first <= rows; first += perWindow) {
        std::vector<double> w;
        for (int id = first; id < first + perWindow && id <= rows; ++id) {
            if (pushNs[size_t(id)] != 0 && commitNs[size_t(id)] != 0)
                w.push_back(double(pushNs[size_t(id)] - commitNs[size_t(id)]) / 1e6);
        }
        windows << QString::number(percentile(w, 0.5), 'f', 0);
    }
    auto ms = [](double v) { return QString::number(v, 'f', 1); };
    out() << "  rows committed ......... " << rows << " in " << QString::number(inserter.seconds, 'f', 1) << " s ("
          << QString::number(achieved, 'f', 0) << " rows/s)\n";
    out() << "  pushes received ........ " << pushes << " (rows never pushed: " << missing << ")\n";
    out() << "  push latency from commit p50 / p90 / p99 / max ... " << ms(percentile(latencyMs, 0.5)) << " / "
          << ms(percentile(latencyMs, 0.9)) << " / " << ms(percentile(latencyMs, 0.99)) << " / "
          << ms(percentile(latencyMs, 1.0)) << " ms\n";
    out() << "  p50 by 2 s of commits .. " << windows.join(QLatin1Char(' ')) << " ms\n";
    out() << "  daemon CPU ............. " << QString::number(100 * cpu / wall, 'f', 0)
          << " % of one core (engine and feed)\n";
    out() << "  feed thread CPU ........ " << QString::number(100 * feedCpu / wall, 'f', 0) << " % of one core\n";
    out() << "  this process (clients) . " << QString::number(100 * selfCpu / wall, 'f', 0)
          << " % of one core (the clients and the inserter)\n";
    MachineCpu machine1;
    machineCpu(&machine1);
    const double busy =
        double(machine1.busy - machine0.busy) / double(std::max<qint64>(1, machine1.all - machine0.all));
    out() << "  machine busy ........... " << QString::number(100 * busy, 'f', 0) << " % of "
          << QThread::idealThreadCount() << " cores (everything running on it)\n";
    out() << "  daemon RSS / peak ...... " << procStatusKb(pid, "VmRSS") / 1024 << " / "
          << procStatusKb(pid, "VmHWM") / 1024 << " MB\n";
    const QJsonObject summary{{QStringLiteral("clients"), clients},
                              {QStringLiteral("rate"), achieved},
                              {QStringLiteral("rows"), rows},
                              {QStringLiteral("missing"), missing},
                              {QStringLiteral("p50_ms"), percentile(latencyMs, 0.5)},
                              {QStringLiteral("p90_ms"), percentile(latencyMs, 0.9)},
                              {QStringLiteral("p99_ms"), percentile(latencyMs, 0.99)},
                              {QStringLiteral("max_ms"), percentile(latencyMs, 1.0)},
                              {QStringLiteral("daemon_cpu_pct"), 100 * cpu / wall},
                              {QStringLiteral("feed_thread_cpu_pct"), 100 * feedCpu / wall},
                              {QStringLiteral("bench_cpu_pct"), 100 * selfCpu / wall},
                              {QStringLiteral("machine_busy_pct"), 100 * busy},
                              {QStringLiteral("rss_mb"), double(procStatusKb(pid, "VmRSS")) / 1024},
                              {QStringLiteral("peak_rss_mb"), double(procStatusKb(pid, "VmHWM")) / 1024}};
    out() << QJsonDocument(summary).toJson(QJsonDocument::Compact) << "\n";
    out().flush();
    sockets.clear();
    engine.stop();
    return missing == 0 ? 0 : 1;
}
