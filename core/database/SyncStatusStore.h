#pragma once
// The one owner of sync_status (docs/protocol.md, "Receipts and sync_status"): every statement
// on it but its DDL (database/Schema) is here. The engine writes it many rows per statement;
// the engine and the desktop app read it through the same class, each with its own
// connection (the app's loaders pass the QSqlDatabase of their worker thread).
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace mysqlsync {

class SqlDialect;

// The `status` column (an ENUM in this order).
enum class SyncStatus { Successful, Pending, Error };
// "successful", "pending", "error": the column's values.
QString syncStatusText(SyncStatus status);
// The status of a column value; nullopt for anything else.
std::optional<SyncStatus> syncStatusFromText(const QString &text);

struct StatusUpdate {
    QString table;
    QString key;
    QString remote;
    SyncStatus status = SyncStatus::Pending;
    QString message; // errors only
    qint64 date = 0; // ms since epoch
};

// A row sync_status refused (a value the server cannot store), and the server's reason.
struct RefusedStatusRow {
    StatusUpdate update;
    QString reason;
};

// One row as read.
struct StatusRow {
    QString id;
    QString table;
    QString key;
    QString remote;
    SyncStatus status = SyncStatus::Pending;
    QDateTime date; // as stored: local time (MariaDB) or UTC (PostgreSQL)
    QString message;
};

// What the desktop app's view selects and how it sorts.
struct StatusFilter {
    enum Column { Table, Key, Remote, Status, Date, Message, ColumnCount };
    std::optional<SyncStatus> status; // or any
    QString table;                    // exact, or empty
    QString remote;                   // exact, or empty
    QString keySearch;                // substring of primary_key, or empty
    bool refusedOnly = false;         // only errors that a receiver's rule caused (protocol/Refusal)
    int sortColumn = Date;
    bool descending = true;

    friend bool operator==(const StatusFilter &a, const StatusFilter &b)
    {
        return a.status == b.status && a.table == b.table && a.remote == b.remote && a.keySearch == b.keySearch
            && a.refusedOnly == b.refusedOnly && a.sortColumn == b.sortColumn && a.descending == b.descending;
    }
};

// Pending and error rows of one remote.
struct StatusCounts {
    qint64 pending = 0;
    qint64 errors = 0;
    friend bool operator==(const StatusCounts &a, const StatusCounts &b)
    {
        return a.pending == b.pending && a.errors == b.errors;
    }
};
using StatusCountsByRemote = QHash<QString, StatusCounts>;

class SyncStatusStore {
public:
    // --- Writes (the engine) ---

    // Whether sync_status can hold this row as the contract says (table and key of at most
    // 255 characters, a remote name of at most 32, a date that DATETIME holds through
    // FROM_UNIXTIME: 1970-01-01 to 2038-01-19). Empty when it can, else why not.
    static QString check(const QString &table, const QString &key, const QString &remote, qint64 dateMs);

    // Pending rows: set unconditionally (a change was sent or queued with this date).
    static bool setPending(const QSqlDatabase &db, const QList<StatusUpdate> &updates, QSqlError *error);
    // Receipts: the stored row is kept when its date is newer, and for the same date an
    // error is never overwritten by a success (the same rule as keeps()).
    static bool applyReceipts(const QSqlDatabase &db, const QList<StatusUpdate> &updates, QSqlError *error);
    // That rule for two updates of one row: whether `stored` stays when `incoming` arrives.
    static bool keeps(const StatusUpdate &stored, const StatusUpdate &incoming);
    // Both kinds in one transaction (one commit: one log flush on the server). When the
    // server refuses a statement, row by row, so that one row it cannot take never costs the
    // others theirs: the refused ones go to *refused. False only when the connection was
    // lost (*error says why; what was not committed is not written).
    static bool write(const QSqlDatabase &db, const QList<StatusUpdate> &pending, const QList<StatusUpdate> &receipts,
                      QList<RefusedStatusRow> *refused, QSqlError *error);

    // --- Reads (the engine) ---

    // The keys in error for `remote`, by table.
    static bool keysInError(const QSqlDatabase &db, const QString &remote, QHash<QString, QStringList> *byTable,
                            QSqlError *error);
    struct RemoteKey {
        QString remote;
        QString table;
        QString key;
    };
    // Every pending row's remote, table and key.
    static bool pendingKeys(const QSqlDatabase &db, QList<RemoteKey> *out, QSqlError *error);

    // --- Reads (the desktop app: keyset pages, bounded counts, counts per remote) ---

    // One page of rows after `after` (null: the first page): at most `limit` rows; *atEnd
    // when no row follows them.
    static bool readPage(const QSqlDatabase &db, const StatusFilter &filter, const StatusRow *after, int limit,
                         QList<StatusRow> *rows, bool *atEnd, QSqlError *error);
    // The matching rows, counted up to `limit` + 1 (a result above `limit` means "more than
    // `limit`"): an exact COUNT(*) of 1,000,000 rows reads them all, seconds on a busy server.
    static bool countRows(const QSqlDatabase &db, const StatusFilter &filter, qint64 limit, qint64 *count,
                          QSqlError *error);
    // The pending and error rows per remote.
    static bool countsByRemote(const QSqlDatabase &db, StatusCountsByRemote *counts, QSqlError *error);

    // The statements behind them, in `dialect` (ORDER BY <column>, id; the next page starts
    // after the last row's (value, id), so no page ever costs an OFFSET scan). Placeholders
    // are positional.
    static QString pageSql(const SqlDialect &dialect, const StatusFilter &filter, const StatusRow *after, int limit,
                           QVariantList *binds);
    static QString countSql(const SqlDialect &dialect, const StatusFilter &filter, qint64 limit, QVariantList *binds);
    static QString countsByRemoteSql(const SqlDialect &dialect);
    // The value of `row` in the sort column, as compared by the keyset condition (a date in
    // the time zone it was read in: readPage() gives PostgreSQL's as UTC).
    static QVariant sortValue(const StatusFilter &filter, const StatusRow &row);
    // LIKE pattern matching `text` anywhere, with % _ and \ escaped.
    static QString containsPattern(const QString &text);

private:
    static bool upsert(const QSqlDatabase &db, const QList<StatusUpdate> &updates, bool receipts, QSqlError *error);
    // The upsert's assignments for pending rows and for receipts, in the connection's dialect.
    static QString pendingAssignments(const SqlDialect &dialect);
    static QString receiptAssignments(const SqlDialect &dialect);
    // Several updates of one id in one list, as the one row they leave one after the other.
    static QList<StatusUpdate> foldDuplicates(const QList<StatusUpdate> &updates, bool receipts);
    static QString where(const SqlDialect &dialect, const StatusFilter &filter, QStringList *conditions,
                         QVariantList *binds);
    static QString sortExpression(const SqlDialect &dialect, int column);
};

} // namespace mysqlsync

Q_DECLARE_METATYPE(mysqlsync::StatusRow)
Q_DECLARE_METATYPE(mysqlsync::StatusCounts)
