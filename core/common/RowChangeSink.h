#pragma once
// Where the engine tells of rows that changed at this site, captured locally or applied from a
// remote (the live feed, core/feed). rowsChanged() is called on the engine's thread and must not
// block: an implementation hands the keys over to a thread of its own.
#include <QList>
#include <QString>

namespace mysqlsync {

class Transport;

struct ChangedRow {
    QString table; // local table name
    QString key;   // the primary key's value as a string
};

class RowChangeSink {
public:
    virtual ~RowChangeSink() = default;
    virtual void rowsChanged(const QList<ChangedRow> &rows) = 0;
    // The engine's broker connection, once made (and nullptr before it goes): a sink may publish
    // on it from any thread while it holds it (Transport::publish does not block). Called on the
    // engine's thread.
    virtual void brokerChanged(Transport * /*transport*/) { }
};

} // namespace mysqlsync
