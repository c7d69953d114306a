#pragma once
// The one owner of sync_loads: per (sync table, remote), whether this site has loaded the
// table's existing rows into the remote (docs/protocol.md, "Initial load"), how far, and for
// which identity of the remote. A pair without a row and without any sync_status row is
// loaded; one with sync_status rows was synced by an engine before loads existed.
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace mysqlsync {

struct LoadState {
    QString table;
    QString remote;
    QString remoteSite; // the identity the remote announced when the load began ("" unknown)
    bool done = false;
    QString lastKey; // null: nothing sent yet
    qint64 rows = 0;
    qint64 startedAt = 0;  // ms
    qint64 finishedAt = 0; // ms, 0 while loading
};

class LoadStore {
public:
    static bool readAll(const QSqlDatabase &db, QList<LoadState> *out, QString *error, QSqlError *sqlError = nullptr);
    static bool write(const QSqlDatabase &db, const LoadState &state, QString *error, QSqlError *sqlError = nullptr);
    // Whether sync_status holds any row of (table, remote).
    static bool everSynced(const QSqlDatabase &db, const QString &table, const QString &remote, bool *synced,
                           QString *error, QSqlError *sqlError = nullptr);
    // Whether the pair's initial load is recorded as done.
    static bool isDone(const QSqlDatabase &db, const QString &table, const QString &remote, bool *done, QString *error);
    // Starts the pair again from the first key (a load on request, a remote that lost its state).
    static bool restart(const QSqlDatabase &db, const QString &table, const QString &remote, QString *error);
};

} // namespace mysqlsync
