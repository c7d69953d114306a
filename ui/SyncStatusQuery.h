#pragma once
// The SQL of the sync-status view: a filter, a sort and keyset pagination over
// sync_status (ORDER BY <column>, id; the next page starts after the last row's
// (value, id), so no page ever costs an OFFSET scan).
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QVariantList>

namespace mysqlsync::ui {

struct StatusRow {
    QString id;
    QString table;
    QString key;
    QString remote;
    QString status;
    QDateTime date;
    QString message;
};

struct StatusFilter {
    enum Column { Table, Key, Remote, Status, Date, Message, ColumnCount };
    QString status;      // successful, pending, error, or empty: any
    QString table;       // exact, or empty
    QString remote;      // exact, or empty
    QString keySearch;   // substring of primary_key, or empty
    int sortColumn = Date;
    bool descending = true;

    friend bool operator==(const StatusFilter &a, const StatusFilter &b)
    {
        return a.status == b.status && a.table == b.table && a.remote == b.remote && a.keySearch == b.keySearch
            && a.sortColumn == b.sortColumn && a.descending == b.descending;
    }
};

class SyncStatusQuery {
public:
    // SELECT of one page after `after` (null: the first page). Placeholders are positional.
    static QString page(const StatusFilter &filter, const StatusRow *after, int limit, QVariantList *binds);
    // Counts the matching rows, but stops at `limit` + 1 (a result above `limit` means "more
    // than `limit`"): an exact COUNT(*) of 1,000,000 rows reads them all, seconds on a busy server.
    static QString count(const StatusFilter &filter, qint64 limit, QVariantList *binds);
    // The value of `row` in the sort column, as compared by the keyset condition.
    static QVariant sortValue(const StatusFilter &filter, const StatusRow &row);
    // LIKE pattern matching `text` anywhere, with % _ and \ escaped.
    static QString containsPattern(const QString &text);

private:
    static QString where(const StatusFilter &filter, QStringList *conditions, QVariantList *binds);
    static QString sortExpression(int column);
};

} // namespace mysqlsync::ui

Q_DECLARE_METATYPE(mysqlsync::ui::StatusRow)
