#pragma once
// The one owner of sync_verifies (docs/protocol.md, "Verify and repair"): each verification of
// a sync table against a remote, asked for by an operator (`mysql-sync verify`, the desktop
// app) and run by the engine, with its outcome, so that the daemon and the app see the same.
#include <QJsonArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace mysqlsync {

struct VerifyRun {
    enum class State { Queued, Running, Done, Failed };
    qint64 id = 0;
    QString table;
    QString remote;
    bool repair = false;
    // "operator", "background" (verifyInterval), "recovery" (a remote or outbox lost state),
    // "load" (after an initial load) or "check" (mysql-sync --check)
    QString requestedBy;
    State state = State::Queued;
    qint64 requestedAt = 0; // ms
    qint64 startedAt = 0;
    qint64 finishedAt = 0;
    qint64 rowsChecked = 0; // rows of this site compared
    qint64 differing = 0;   // on both sites, different
    qint64 missing = 0;     // here, not on the remote
    qint64 extra = 0;       // on the remote, not here
    qint64 repaired = 0;    // rows sent again to the remote
    QString message;        // why it failed, or a note
    QJsonArray details;     // the first keys of each kind: [{"key", "kind": "differs|missing|extra"}]

    static QString stateName(State s);
};

class VerifyStore {
public:
    // Queues a verification; its id in *id. `requestedBy`: see VerifyRun.
    static bool queue(const QSqlDatabase &db, const QString &table, const QString &remote, bool repair, qint64 *id,
                      QString *error, const QString &requestedBy = QStringLiteral("operator"));
    // The oldest queued one, if any (*found).
    static bool nextQueued(const QSqlDatabase &db, VerifyRun *out, bool *found, QString *error);
    static bool read(const QSqlDatabase &db, qint64 id, VerifyRun *out, bool *found, QString *error);
    // The latest `limit`, newest first.
    static bool recent(const QSqlDatabase &db, int limit, QList<VerifyRun> *out, QString *error);
    // For each (table, remote): its newest run and its newest finished (done or failed) one,
    // the same row when the newest has finished; ordered by id.
    static bool latestPerPair(const QSqlDatabase &db, QList<VerifyRun> *out, QString *error);
    static bool update(const QSqlDatabase &db, const VerifyRun &run, QString *error);
    // When the pair was last verified, queued or running included (ms; 0: never).
    static bool lastRequested(const QSqlDatabase &db, const QString &table, const QString &remote, qint64 *at,
                              QString *error);
    // Runs left `running` by an engine that stopped: failed, so that nobody waits for them.
    static bool abandonRunning(const QSqlDatabase &db, QString *error);
    // Removes a run that is still queued (one nobody will take: no engine runs); *removed
    // false when an engine has taken it meanwhile.
    static bool withdraw(const QSqlDatabase &db, qint64 id, bool *removed, QString *error);
    // requested_by of the comparisons `mysql-sync --check` asks for: reported, never repaired,
    // and never waiting for a remote that is offline.
    static QString requestedByCheck() { return QStringLiteral("check"); }
};

} // namespace mysqlsync
