#include "VerifyCommand.h"

#include "SiteCommand.h"
#include "database/VerifyStore.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonObject>
#include <QThread>

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

bool identical(const VerifyRun &r)
{
    return r.state == VerifyRun::State::Done && r.differing == 0 && r.missing == 0 && r.extra == 0;
}

void print(QTextStream &out, const VerifyRun &r)
{
    out << r.table << " -> " << r.remote << ": ";
    if (r.state == VerifyRun::State::Failed)
        out << "could not compare: " << r.message << "\n";
    else if (r.state != VerifyRun::State::Done)
        out << VerifyRun::stateName(r.state) << " (" << r.rowsChecked << " row(s) compared so far)\n";
    else if (identical(r))
        out << "identical (" << r.message << ")\n";
    else
        out << r.differing << " changed, " << r.missing << " missing there, " << r.extra << " extra there ("
            << r.message << ")\n";
    for (const QJsonValue &d : r.details)
        out << "    " << d.toObject().value(QStringLiteral("kind")).toString() << "\t"
            << d.toObject().value(QStringLiteral("key")).toString() << "\n";
}

// Queues one verification per (table, remote) and waits for each; false when one could not
// be queued or read, or the deadline passed (the reason on `err`).
bool runAll(DbConnection &db, const Config &config, const QList<QPair<QString, QString>> &pairs, bool repair,
            QDeadlineTimer deadline, QTextStream &out, QTextStream &err, QList<VerifyRun> *done)
{
    QString error;
    QList<qint64> ids;
    for (const auto &[table, remote] : pairs) {
        qint64 id = 0;
        if (!VerifyStore::queue(db.db(), table, remote, repair, &id, &error)) {
            err << "mysql-sync: " << error << "\n";
            return false;
        }
        ids.append(id);
    }
    QDeadlineTimer nudge(15000);
    for (const qint64 id : std::as_const(ids)) {
        VerifyRun r;
        for (;;) {
            bool found = false;
            if (!VerifyStore::read(db.db(), id, &r, &found, &error)) {
                err << "mysql-sync: " << error << "\n";
                return false;
            }
            if (!found) {
                err << "mysql-sync: verify: #" << id << " was removed from sync_verifies\n";
                return false;
            }
            if (r.state == VerifyRun::State::Done || r.state == VerifyRun::State::Failed)
                break;
            if (r.state == VerifyRun::State::Queued && nudge.hasExpired()) {
                err << "mysql-sync: verify: still queued after 15 s: is the engine of " << config.clientName
                    << " running?\n";
                err.flush();
                nudge = QDeadlineTimer(QDeadlineTimer::Forever);
            }
            if (deadline.hasExpired()) {
                err << "mysql-sync: verify: " << r.table << " -> " << r.remote << " did not finish in time ("
                    << VerifyRun::stateName(r.state) << ")\n";
                return false;
            }
            QThread::msleep(200); // the engine writes the outcome to the database: polled
        }
        done->append(r);
        out.flush();
    }
    return true;
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
        if (!runAll(*site, config, pairs, true, deadline, out, err, &runs))
            return 2;
        for (const VerifyRun &r : std::as_const(runs)) {
            out << "repair: ";
            print(out, r);
        }
        runs.clear();
        out << "verifying again:\n";
    }
    if (!runAll(*site, config, pairs, false, deadline, out, err, &runs))
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
