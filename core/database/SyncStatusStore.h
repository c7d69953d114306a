#pragma once
// Writes sync_status (docs/protocol.md, "Receipts and sync_status"), many rows per statement.
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace mysqlsync {

struct StatusUpdate {
    enum Status { Successful, Pending, Error };
    QString table;
    QString key;
    QString remote;
    Status status = Pending;
    QString message;   // errors only
    qint64 date = 0;   // ms since epoch
};

class SyncStatusStore {
public:
    // Whether sync_status can hold this row as the contract says (table and key of at most
    // 255 characters, a remote name of at most 32, a date that DATETIME holds through
    // FROM_UNIXTIME: 1970-01-01 to 2038-01-19). Empty when it can, else why not.
    static QString check(const QString &table, const QString &key, const QString &remote, qint64 dateMs);

    // Pending rows: set unconditionally (a change was sent or queued with this date).
    static bool setPending(const QSqlDatabase &db, const QList<StatusUpdate> &updates, QSqlError *error);
    // Receipts: the stored row is kept when its date is newer, and for the same date an
    // error is never overwritten by a success.
    static bool applyReceipts(const QSqlDatabase &db, const QList<StatusUpdate> &updates, QSqlError *error);

private:
    static bool upsert(const QSqlDatabase &db, const QList<StatusUpdate> &updates, const QString &onDuplicate,
                       QSqlError *error);
};

} // namespace mysqlsync
