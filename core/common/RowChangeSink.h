#pragma once
// Where the engine tells of rows that changed at this site, captured locally or applied from a
// remote (the live feed, core/feed). rowsChanged() is called on the engine's thread and must not
// block: an implementation hands the keys over to a thread of its own.
#include <QList>
#include <QString>

namespace mysqlsync {

struct ChangedRow {
    QString table; // local table name
    QString key;   // the primary key's value as a string
};

class RowChangeSink {
public:
    virtual ~RowChangeSink() = default;
    virtual void rowsChanged(const QList<ChangedRow> &rows) = 0;
};

} // namespace mysqlsync
