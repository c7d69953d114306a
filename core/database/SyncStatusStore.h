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
