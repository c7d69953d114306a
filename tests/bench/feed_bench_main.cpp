// mysql-sync-feed-bench: the live feed under load (issue 18; docs/BENCHMARKS.md, "Live feed").
// One daemon with a feed on the private MariaDB A; N WebSocket clients (QWebSocket, this
// process, subscribed to `orders`); a thread commits `orders` rows at a steady rate, each row
// routed to one user (user_id = id % users + 1). For every row, the push latency is the time
// from its commit (the INSERT returned) to its push reaching its client, on one steady clock.
// With --feed-servers K the clients are served by K standalone feed servers (mysql-sync feed)
// fed by the daemon's feed.publishStream through the broker instead of the daemon's own feed:
// the clients are split between them (users = clients / K, each user with one client on every
// server), so every server pushes every row, and the figures are given per server and together,
// with a check that each server pushed the same rows. Printed: p50 / p90 / p99 / max, rows
// pushed and missing, the CPU and RSS of the daemon (and its feed thread, sync-feed) and of each
// feed server. Run it with  bash scripts/bench-feed.sh.
//   mysql-sync-feed-bench --servers DIR [--daemon PATH] [--clients N] [--rate ROWS_PER_S]
//                         [--seconds S] [--batch ROWS] [--feed-servers K]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTextStream>
#include <QThread>
#include <QWebSocket>

#include <algorithm>
#include <memory>
#include <vector>

#include "EngineProcess.h"
#include "FeedBenchLoad.h"
#include "ProcStat.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

using namespace testsupport;
using namespace feedbench;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// A feed the clients connect to: the daemon's own, or a standalone feed server's.
struct FeedTarget {
    QString name;
    quint16 port = 0;
    EngineProcess *process = nullptr;
    std::vector<qint64> pushNs; // [id]: when row id's push arrived (its first), 0 if never
    int pushes = 0;
    int ready = 0; // clients subscribed
    double cpu0 = 0;
};

// The push latencies (ms) of rows [first, last] at one target, and how many never arrived.
struct Latency {
    std::vector<double> ms;
    int missing = 0;
    void add(const std::vector<qint64> &pushNs, const std::vector<qint64> &commitNs, int first, int last)
    {
        for (int id = first; id <= last; ++id) {
            if (pushNs[size_t(id)] == 0 || commitNs[size_t(id)] == 0)
                ++missing;
            else
                ms.push_back(double(pushNs[size_t(id)] - commitNs[size_t(id)]) / 1e6);
        }
    }
    QString text() const
    {
        auto f = [](double v) { return QString::number(v, 'f', 1); };
        return f(percentile(ms, 0.5)) + QStringLiteral(" / ") + f(percentile(ms, 0.9)) + QStringLiteral(" / ")
            + f(percentile(ms, 0.99)) + QStringLiteral(" / ") + f(percentile(ms, 1.0)) + QStringLiteral(" ms");
    }
    void into(QJsonObject *o) const
    {
        o->insert(QStringLiteral("missing"), missing);
        o->insert(QStringLiteral("p50_ms"), percentile(ms, 0.5));
        o->insert(QStringLiteral("p90_ms"), percentile(ms, 0.9));
        o->insert(QStringLiteral("p99_ms"), percentile(ms, 0.99));
        o->insert(QStringLiteral("max_ms"), percentile(ms, 1.0));
    }
};

QJsonObject feedConfig(quint16 port, bool publishStream)
{
    QJsonObject feed = QJsonDocument::fromJson(QStringLiteral(R"({
        "listen": "127.0.0.1:%1",
        "tokens": {"table": "users", "tokenColumn": "token", "userColumn": "id"},
        "routing": {"orders": "user_id"}})")
                                                   .arg(port)
                                                   .toUtf8())
                           .object();
    if (publishStream)
        feed.insert(QStringLiteral("publishStream"), true);
    return feed;
}

// `users` clients on `target` (user u presents tok-u and subscribes to `orders`); each push of
// row id stamps target->pushNs[id].
void connectClients(FeedTarget *target, int users, int rows, std::vector<std::unique_ptr<QWebSocket>> *sockets)
{
    const QString subscribe = QStringLiteral(R"({"action":"subscribe","body":{"entity":"orders"}})");
    for (int u = 1; u <= users; ++u) {
        auto s = std::make_unique<QWebSocket>();
        QWebSocket *socket = s.get();
        QObject::connect(socket, &QWebSocket::textMessageReceived, [=](const QString &text) {
            const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
            const QString action = o.value(QStringLiteral("action")).toString();
            if (action == QLatin1String("change")) {
                const int id =
                    o.value(QStringLiteral("body")).toObject().value(QStringLiteral("key")).toString().toInt();
                if (id > 0 && id <= rows && target->pushNs[size_t(id)] == 0)
                    target->pushNs[size_t(id)] = nowNs();
                ++target->pushes;
            } else if (action == QLatin1String("authenticated")) {
                socket->sendTextMessage(subscribe);
            } else if (action == QLatin1String("subscribed")) {
                ++target->ready;
            } else if (action == QLatin1String("error")) {
                out() << "client error (" << target->name << "): " << text << "\n";
            }
        });
        socket->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/?token=tok-%2").arg(target->port).arg(u)));
        sockets->push_back(std::move(s));
    }
}

QString pct(double v)
{
    return QString::number(v, 'f', 0);
}

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
    const QCommandLineOption clientsOpt(QStringLiteral("clients"), QStringLiteral("WebSocket clients in all (1000)."),
                                        QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption rateOpt(QStringLiteral("rate"), QStringLiteral("Rows committed per second (2000)."),
                                     QStringLiteral("ROWS"), QStringLiteral("2000"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("Seconds of load (20)."),
                                        QStringLiteral("S"), QStringLiteral("20"));
    const QCommandLineOption batchOpt(QStringLiteral("batch"), QStringLiteral("Rows per transaction (20)."),
                                      QStringLiteral("ROWS"), QStringLiteral("20"));
    const QCommandLineOption
        feedServersOpt(QStringLiteral("feed-servers"),
                       QStringLiteral(
                           "Standalone feed servers (mysql-sync feed) fed by the daemon's feed.publishStream, the "
                           "clients split between them (0: the daemon's own feed serves them)."),
                       QStringLiteral("K"), QStringLiteral("0"));
    parser.addOptions({serversOpt, daemonOpt, clientsOpt, rateOpt, secondsOpt, batchOpt, feedServersOpt});
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
    const int feedServers = parser.value(feedServersOpt).toInt();
    const int users = clients / std::max(1, feedServers);
    if (clients < 1 || rate <= 0 || rows < 1 || feedServers < 0 || users < 1) {
        out() << "mysql-sync-feed-bench: --clients, --rate and --seconds must be positive, --feed-servers at most "
                 "--clients\n";
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
    QStringList userRows;
    for (int u = 1; u <= users; ++u)
        userRows << QStringLiteral("(%1,'tok-%1')").arg(u);
    if (!db.exec(QStringLiteral("INSERT INTO users VALUES ") + userRows.join(QLatin1Char(',')))) {
        out() << "mysql-sync-feed-bench: " << db.lastError() << "\n";
        return 1;
    }

    QJsonObject config = EngineProcess::config(servers, 'A', database, QStringLiteral("site_a"),
                                               {QStringLiteral("site_b")}, {QStringLiteral("orders")}, {});
    config.insert(QStringLiteral("initialLoad"), false);
    config.insert(QStringLiteral("loggingLevel"), QStringLiteral("info")); // "ready (" is an info line
    const quint16 enginePort = freePort();
    config.insert(QStringLiteral("feed"), feedConfig(enginePort, feedServers > 0));
    EngineProcess engine(QStringLiteral("site_a"), config);
    if (!engine.start() || !engine.waitForLog("ready (", 60000)) {
        out() << "mysql-sync-feed-bench: the daemon did not start:\n" << engine.log().right(3000) << "\n";
        return 1;
    }
    std::vector<std::unique_ptr<EngineProcess>> feedProcesses;
    std::vector<FeedTarget> targets(size_t(std::max(1, feedServers)));
    if (feedServers == 0)
        targets[0] = FeedTarget{QStringLiteral("daemon"), enginePort, &engine, {}, 0, 0, 0};
    for (int i = 0; i < feedServers; ++i) {
        const quint16 port = freePort();
        QJsonObject c = config;
        c.insert(QStringLiteral("feed"), feedConfig(port, true));
        feedProcesses.push_back(std::make_unique<EngineProcess>(QStringLiteral("feed%1").arg(i + 1), c));
        EngineProcess *p = feedProcesses.back().get();
        p->setArguments({QStringLiteral("feed")});
        if (!p->start() || !p->waitForLog("feed stream subscribed", 60000)) {
            out() << "mysql-sync-feed-bench: feed server " << i + 1 << " did not start:\n"
                  << p->log().right(3000) << "\n";
            return 1;
        }
        targets[size_t(i)] = FeedTarget{QStringLiteral("feed server %1").arg(i + 1), port, p, {}, 0, 0, 0};
    }
    out() << "feed benchmark: " << clients << " clients";
    if (feedServers > 0)
        out() << " on " << feedServers << " standalone feed servers (" << users << " users, one client each per "
              << "server)";
    out() << ", " << rate << " rows/s for " << rows / rate << " s, " << batch << " rows per transaction\n";
    out().flush();

    std::vector<qint64> commitNs(size_t(rows) + 1, 0);
    std::vector<std::unique_ptr<QWebSocket>> sockets;
    QElapsedTimer connecting;
    connecting.start();
    for (FeedTarget &t : targets) {
        t.pushNs.assign(size_t(rows) + 1, 0);
        connectClients(&t, users, rows, &sockets);
    }
    auto allOf = [&](auto pred) { return std::all_of(targets.begin(), targets.end(), pred); };
    if (!waitUntil([&] { return allOf([&](const FeedTarget &t) { return t.ready == users; }); }, 120000, 10)) {
        for (const FeedTarget &t : targets)
            out() << "mysql-sync-feed-bench: " << t.name << ": " << t.ready << " of " << users
                  << " clients subscribed\n";
        return 1;
    }
    out() << "  clients connected and subscribed in " << connecting.elapsed() << " ms\n";
    out().flush();

    const qint64 pid = engine.processId();
    const double cpu0 = cpuSeconds(pid);
    const double selfCpu0 = cpuSeconds(getpid());
    for (FeedTarget &t : targets)
        t.cpu0 = cpuSeconds(t.process->processId());
    MachineCpu machine0;
    machineCpu(&machine0);
    const double feedCpu0 = threadCpu(pid, "sync-feed");
    const qint64 t0 = nowNs();
    Inserter inserter(servers, database, users, rows, rate, batch, &commitNs);
    inserter.start();
    // The clients read on this thread while the rows are committed on the inserter's.
    waitUntil([&] { return inserter.isFinished(); }, int(rows / rate * 1000) + 120000, 1);
    inserter.wait();
    waitUntil([&] { return allOf([&](const FeedTarget &t) { return t.pushes >= rows; }); }, 10000, 5);
    const double wall = double(nowNs() - t0) / 1e9;
    const double cpu = cpuSeconds(pid) - cpu0;
    const double selfCpu = cpuSeconds(getpid()) - selfCpu0;
    const double feedCpu = threadCpu(pid, "sync-feed") - feedCpu0;
    if (!inserter.error.isEmpty()) {
        out() << "mysql-sync-feed-bench: inserting: " << inserter.error << "\n";
        return 1;
    }

    Latency together;
    int pushes = 0;
    bool samePushes = true;
    for (const FeedTarget &t : targets) {
        together.add(t.pushNs, commitNs, 1, rows);
        pushes += t.pushes;
        // The same rows as the first server: pushed there exactly when pushed here.
        for (int id = 1; id <= rows && samePushes; ++id)
            samePushes = (t.pushNs[size_t(id)] == 0) == (targets[0].pushNs[size_t(id)] == 0);
        samePushes = samePushes && t.pushes == targets[0].pushes;
    }
    const double achieved = rows / inserter.seconds;
    // The median by 2-second window of commits: does the latency grow (a stage that cannot keep
    // up) or only jump (waiting for a CPU)?
    QStringList windows;
    const int perWindow = std::max(1, int(2 * rate));
    for (int first = 1; first <= rows; first += perWindow) {
        Latency w;
        for (const FeedTarget &t : targets)
            w.add(t.pushNs, commitNs, first, std::min(rows, first + perWindow - 1));
        windows << QString::number(percentile(w.ms, 0.5), 'f', 0);
    }
    out() << "  rows committed ......... " << rows << " in " << QString::number(inserter.seconds, 'f', 1) << " s ("
          << pct(achieved) << " rows/s)\n";
    out() << "  pushes received ........ " << pushes << " (rows never pushed: " << together.missing << ")\n";
    out() << "  push latency from commit p50 / p90 / p99 / max ... " << together.text() << "\n";
    out() << "  p50 by 2 s of commits .. " << windows.join(QLatin1Char(' ')) << " ms\n";
    out() << "  daemon CPU ............. " << pct(100 * cpu / wall) << " % of one core (engine and feed"
          << (feedServers > 0 ? ", publishing the stream)\n" : ")\n");
    out() << "  feed thread CPU ........ " << pct(100 * feedCpu / wall) << " % of one core\n";
    out() << "  this process (clients) . " << pct(100 * selfCpu / wall)
          << " % of one core (the clients and the inserter)\n";
    MachineCpu machine1;
    machineCpu(&machine1);
    const double busy =
        double(machine1.busy - machine0.busy) / double(std::max<qint64>(1, machine1.all - machine0.all));
    out() << "  machine busy ........... " << pct(100 * busy) << " % of " << QThread::idealThreadCount()
          << " cores (everything running on it)\n";
    out() << "  daemon RSS / peak ...... " << procStatusKb(pid, "VmRSS") / 1024 << " / "
          << procStatusKb(pid, "VmHWM") / 1024 << " MB\n";
    QJsonArray perServer;
    if (feedServers > 0) {
        for (const FeedTarget &t : targets) {
            Latency l;
            l.add(t.pushNs, commitNs, 1, rows);
            const qint64 p = t.process->processId();
            const double serverCpu = cpuSeconds(p) - t.cpu0;
            out() << "  " << t.name << " (port " << t.port << "): " << t.pushes << " pushes, " << l.missing
                  << " rows never pushed, p50 / p90 / p99 / max " << l.text() << "; CPU " << pct(100 * serverCpu / wall)
                  << " % of one core, RSS / peak " << procStatusKb(p, "VmRSS") / 1024 << " / "
                  << procStatusKb(p, "VmHWM") / 1024 << " MB\n";
            QJsonObject o{{QStringLiteral("port"), t.port},
                          {QStringLiteral("pushes"), t.pushes},
                          {QStringLiteral("cpu_pct"), 100 * serverCpu / wall},
                          {QStringLiteral("rss_mb"), double(procStatusKb(p, "VmRSS")) / 1024},
                          {QStringLiteral("peak_rss_mb"), double(procStatusKb(p, "VmHWM")) / 1024}};
            l.into(&o);
            perServer.append(o);
        }
        out() << "  same pushes on every feed server: " << (samePushes ? "yes" : "NO") << "\n";
    }
    QJsonObject summary{{QStringLiteral("clients"), clients},
                        {QStringLiteral("rate"), achieved},
                        {QStringLiteral("rows"), rows},
                        {QStringLiteral("pushes"), pushes},
                        {QStringLiteral("daemon_cpu_pct"), 100 * cpu / wall},
                        {QStringLiteral("feed_thread_cpu_pct"), 100 * feedCpu / wall},
                        {QStringLiteral("bench_cpu_pct"), 100 * selfCpu / wall},
                        {QStringLiteral("machine_busy_pct"), 100 * busy},
                        {QStringLiteral("rss_mb"), double(procStatusKb(pid, "VmRSS")) / 1024},
                        {QStringLiteral("peak_rss_mb"), double(procStatusKb(pid, "VmHWM")) / 1024}};
    together.into(&summary);
    if (feedServers > 0) {
        summary.insert(QStringLiteral("feed_servers"), perServer);
        summary.insert(QStringLiteral("same_pushes"), samePushes);
    }
    out() << QJsonDocument(summary).toJson(QJsonDocument::Compact) << "\n";
    out().flush();
    sockets.clear();
    for (auto &p : feedProcesses)
        p->stop();
    engine.stop();
    return together.missing == 0 && samePushes ? 0 : 1;
}
