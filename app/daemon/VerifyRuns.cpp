#include "VerifyRuns.h"

#include <QJsonObject>
#include <QThread>

using namespace mysqlsync;

bool identical(const VerifyRun &r)
{
    return r.state == VerifyRun::State::Done && r.differing == 0 && r.missing == 0 && r.extra == 0;
}

void print(QTextStream &out, const VerifyRun &r, const QString &indent)
{
    out << indent << r.table << " -> " << r.remote << ": ";
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
        out << indent << "    " << d.toObject().value(QStringLiteral("kind")).toString() << "\t"
            << d.toObject().value(QStringLiteral("key")).toString() << "\n";
}

bool runAll(DbConnection &db, const Config &config, const QList<QPair<QString, QString>> &pairs, bool repair,
            const QString &requestedBy, QDeadlineTimer deadline, QTextStream &err, QList<VerifyRun> *done)
{
    QString error;
    QList<qint64> ids;
    for (const auto &[table, remote] : pairs) {
        qint64 id = 0;
        if (!VerifyStore::queue(db.db(), table, remote, repair, &id, &error, requestedBy)) {
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
    }
    return true;
}
