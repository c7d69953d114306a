#include "VerifyCommand.h"

#include "SiteCommand.h"
#include "VerifyRuns.h"
#include "database/VerifyStore.h"

#include <QDateTime>
#include <QDeadlineTimer>

using namespace mysqlsync;

namespace {

const char kUsage[] =
    "usage: mysql-sync verify [--table NAME] [--remote NAME] [--repair] [--no-wait] [--timeout SECONDS] CONFIG\n"
    "       mysql-sync verify --status CONFIG\n"
    "Compares this site's sync tables with each remote's copy through the site's running engine;\n"
    "exit status 0: identical, 1: something differs, 2: could not compare.\n";

struct Options {
    QString config;
    QString table;
    QString remote;
    bool repair = false;
    bool noWait = false;
    bool status = false;
    int timeoutS = 3600;
};

bool parse(QStringList args, Options *o, QString *error)
{
    while (!args.isEmpty()) {
        const QString a = args.takeFirst();
        auto value = [&](QString *out) {
            if (args.isEmpty() || args.first().startsWith(QLatin1String("--"))) {
                *error = QStringLiteral("%1 takes a value").arg(a);
                return false;
            }
            *out = args.takeFirst();
            return true;
        };
        if (a == QLatin1String("--table")) {
            if (!value(&o->table))
                return false;
        } else if (a == QLatin1String("--remote")) {
            if (!value(&o->remote))
                return false;
        } else if (a == QLatin1String("--timeout")) {
            QString s;
            bool ok = false;
            if (!value(&s) || (o->timeoutS = s.toInt(&ok), !ok) || o->timeoutS <= 0) {
                *error = QStringLiteral("--timeout takes a number of seconds");
                return false;
            }
        } else if (a == QLatin1String("--repair")) {
            o->repair = true;
        } else if (a == QLatin1String("--no-wait")) {
            o->noWait = true;
        } else if (a == QLatin1String("--status")) {
            o->status = true;
        } else if (a.startsWith(QLatin1String("--")) || !o->config.isEmpty()) {
            *error = QStringLiteral("unexpected argument %1").arg(a);
            return false;
        } else {
            o->config = a;
        }
    }
    if (o->config.isEmpty()) {
        *error = QStringLiteral("the configuration file is missing");
        return false;
    }
    return true;
}

QString when(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(Qt::ISODate) : QStringLiteral("-");
}

} // namespace

int runVerifyCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = arguments.mid(2);
    if (args.contains(QStringLiteral("--help"))) {
        out << kUsage;
        return 0;
    }
    Options o;
    QString error;
    if (!parse(args, &o, &error)) {
        err << "mysql-sync: verify: " << error << "\n" << kUsage;
        return 2;
    }
    Config config;
    std::unique_ptr<DbConnection> site;
    if (!openSite(o.config, QStringLiteral("mysql-sync-verify"), &config, &site, err))
        return 2;
    if (o.status) {
        QList<VerifyRun> runs;
        if (!VerifyStore::recent(site->db(), 20, &runs, &error)) {
            err << "mysql-sync: " << error << "\n";
            return 2;
        }
        for (const VerifyRun &r : std::as_const(runs)) {
            out << "#" << r.id << " " << when(r.requestedAt) << (r.repair ? " repair " : " ")
                << (r.requestedBy == QLatin1String("operator") ? QString() : r.requestedBy + QLatin1Char(' '));
            print(out, r);
        }
        return 0;
    }
    if (!o.table.isEmpty() && !config.syncTables.contains(o.table)) {
        err << "mysql-sync: verify: " << o.table << " is not one of the syncTables of " << o.config << "\n";
        return 2;
    }
    if (!o.remote.isEmpty() && !config.remoteClients.contains(o.remote)) {
        err << "mysql-sync: verify: " << o.remote << " is not one of the remoteClients of " << o.config << "\n";
        return 2;
    }
    QList<QPair<QString, QString>> pairs;
    for (const QString &table : o.table.isEmpty() ? config.syncTables : QStringList{o.table}) {
        for (const QString &remote : o.remote.isEmpty() ? config.remoteClients : QStringList{o.remote})
            pairs.append({table, remote});
    }
    if (o.noWait) {
        for (const auto &[table, remote] : std::as_const(pairs)) {
            qint64 id = 0;
            if (!VerifyStore::queue(site->db(), table, remote, o.repair, &id, &error)) {
                err << "mysql-sync: " << error << "\n";
                return 2;
            }
            out << "#" << id << " " << table << " -> " << remote << (o.repair ? ": repair" : ": verify") << " queued\n";
        }
        return 0;
    }
    const QDeadlineTimer deadline(qint64(o.timeoutS) * 1000);
    QList<VerifyRun> runs;
    if (o.repair) {
        if (!runAll(*site, config, pairs, true, QStringLiteral("operator"), deadline, err, &runs))
            return 2;
        for (const VerifyRun &r : std::as_const(runs)) {
            out << "repair: ";
            print(out, r);
        }
        runs.clear();
        out << "verifying again:\n";
    }
    if (!runAll(*site, config, pairs, false, QStringLiteral("operator"), deadline, err, &runs))
        return 2;
    int rc = 0;
    for (const VerifyRun &r : std::as_const(runs)) {
        print(out, r);
        if (r.state == VerifyRun::State::Failed)
            rc = 2;
        else if (!identical(r) && rc == 0)
            rc = 1;
    }
    return rc;
}
