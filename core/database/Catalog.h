#pragma once
// What the database itself says about the configured tables (information_schema).
// Every identifier that ever goes into SQL text comes from here, never from a message.
#include "codec/ValueCodec.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace mysqlsync {

// Up to this many names are compared one by one rather than looked up by hash: a name is looked
// up for every row applied, and Qt's hash of a short string cost 300-500 ns on this project's
// machines, while comparing a few names (most differ in length) costs far less.
inline constexpr qsizetype kScannedNames = 16;

struct TableInfo {
    QString name;
    QList<ColumnInfo> columns;       // in the table's order
    QHash<QString, int> columnIndex; // exact (case-sensitive) name -> index
    int primaryKey = -1;             // index into columns
    // A UNIQUE index besides the primary key: an upsert would also match on it, so rows are
    // written by primary key only (RowStore).
    bool hasOtherUniqueKeys = false;

    const ColumnInfo &key() const { return columns.at(primaryKey); }
    const ColumnInfo *column(const QString &name) const
    {
        if (columns.size() <= kScannedNames) {
            for (const ColumnInfo &c : columns) {
                if (c.name == name)
                    return &c;
            }
            return nullptr;
        }
        auto it = columnIndex.constFind(name);
        return it == columnIndex.cend() ? nullptr : &columns.at(*it);
    }
};

// tables.constFind(name), without hashing the name when there are few tables (kScannedNames).
const TableInfo *findTable(const QHash<QString, TableInfo> &tables, const QString &name);

class Catalog {
public:
    // Reads the tables of the connection's current database. Each table of `tables`
    // must exist and have a single-column primary key; each failure is one line in
    // `problems` naming the table. Returns true when there were none.
    static bool load(const QSqlDatabase &db, const QStringList &tables, QHash<QString, TableInfo> *out,
                     QStringList *problems);
    // Every base table of the current database, sorted (for the desktop app's table picker).
    // Empty with `error` set when the catalogue cannot be read.
    static QStringList tableNames(const QSqlDatabase &db, QString *error);
};

} // namespace mysqlsync
