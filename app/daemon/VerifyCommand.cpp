#include "VerifyCommand.h"

#include "SiteCommand.h"
#include "database/VerifyStore.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonObject>
#include <QThread>

using namespace mysqlsync;

namespace {

const char kUsage[] = "usage: mysql-sync verify CONFIG TABLE REMOTE|--all [--repair] [--no-wait] [--timeout SECONDS]\n"
                      "       mysql-sync verify CONFIG --status\n";

void print(QTextStream &out, const VerifyRun &r)
{
    out << "#" << r.id << "\t" << r.table << "\t" << r.remote << "\t" << VerifyRun::stateName(r.state)
        << (r.repair ? "\trepair" : "") << "\t" << r.rowsChecked << " row(s) compared";
    if (r.requestedAt > 0)
        out << "\trequested " << QDateTime::fromMSecsSinceEpoch(r.requestedAt).toUTC().toString(Qt::ISODate);
    if (!r.message.isEmpty())
        out << "\n    " << r.message;
    out << "\n";
    for (const QJsonValue &d : r.details)
        out << "    " << d.toObject().value(QStringLiteral("kind")).toString() << "\t"
            << d.toObject().value(QStringLiteral("key")).toString() << "\n";
}

} // namespace

int runVerifyCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList rest = arguments.mid(2);
    if (rest.contains(QStringLiteral("--help"))) {
        out << kUsage;
        return 0;
    }
    const bool repair = rest.removeAll(QStringLiteral("--repair")) > 0;
    const bool noWait = rest.removeAll(QStringLiteral("--no-wait")) > 0;
    int timeoutS = 3600;
    const qsizetype t = rest.indexOf(QStringLiteral("--timeout"));
    if (t >= 0) {
        bool ok = false;
        timeoutS = rest.value(t + 1).toInt(&ok);
        if (!ok || timeoutS <= 0) {
            err << "mysql-sync: verify: --timeout takes a number of seconds\n" << kUsage;
            return 2;
        }
        rest.remove(t, 2);
    }
    const bool status = rest.size() == 2 && rest.at(1) == QLatin1String("--status");
    if (!status && rest.size() != 3) {
        err << kUsage;
        return 2;
    }
    Config config;
    std::unique_ptr<DbConnection> site;
    if (!openSite(rest.first(), QStringLiteral("mysql-sync-verify"), &config, &site, err))
        return 1;
    QString error;
    if (status) {
        QList<VerifyRun> runs;
        if (!VerifyStore::recent(site->db(), 20, &runs, &error)) {
            err << "mysql-sync: " << error << "\n";
            return 1;
        }
        for (const VerifyRun &r : std::as_const(runs))
            print(out, r);
        return 0;
    }
    const QString table = rest.at(1);
    if (!config.syncTables.contains(table)) {
        err << "mysql-sync: verify: " << table << " is not one of the syncTables of " << rest.first() << "\n";
        return 2;
    }
    const QStringList remotes = rest.at(2) == QLatin1String("--all") ? config.remoteClients : QStringList{rest.at(2)};
    QList<qint64> ids;
    for (const QString &remote : remotes) {
        if (!config.remoteClients.contains(remote)) {
            err << "mysql-sync: verify: " << remote << " is not one of the remoteClients of " << rest.first() << "\n";
            return 2;
        }
        qint64 id = 0;
        if (!VerifyStore::queue(site->db(), table, remote, repair, &id, &error)) {
            err << "mysql-sync: " << error << "\n";
            return 1;
        }
        out << "verification #" << id << " of " << table << " against " << remote << " queued\n";
        ids.append(id);
    }
    out.flush();
    if (noWait)
        return 0;
    // The engine of this site runs it; the outcome is in sync_verifies.
    QDeadlineTimer deadline(qint64(timeoutS) * 1000);
    QDeadlineTimer nudge(15000);
    int rc = 0;
    for (const qint64 id : std::as_const(ids)) {
        VerifyRun r;
        for (;;) {
            bool found = false;
            if (!VerifyStore::read(site->db(), id, &r, &found, &error)) {
                err << "mysql-sync: " << error << "\n";
                return 1;
            }
            if (!found) {
                err << "mysql-sync: verify: #" << id << " was removed from sync_verifies\n";
                return 1;
            }
            if (r.state == VerifyRun::State::Done || r.state == VerifyRun::State::Failed)
                break;
            if (r.state == VerifyRun::State::Queued && nudge.hasExpired()) {
                err << "mysql-sync: verify: still queued after 15 s: is the engine of " << config.clientName
                    << " running?\n";
                nudge = QDeadlineTimer::Forever;
            }
            if (deadline.hasExpired()) {
                err << "mysql-sync: verify: #" << id << " did not finish within " << timeoutS << " s\n";
                return 1;
            }
            QThread::msleep(200); // polling the database: nothing here could be awaited instead
        }
        print(out, r);
        if (r.state == VerifyRun::State::Failed)
            rc = 1;
        else if (rc == 0 && (r.differing + r.missing + r.extra) > (r.repair ? r.repaired : 0))
            rc = 3;
    }
    return rc;
}
