#pragma once
// Table and column mapping (docs/protocol.md, "Configuration file", "Mapping tables and
// columns"): a syncTables entry may publish a local table under another name and only some
// of its columns, renamed; a receiveTables entry may take a remote's table into a local one
// of another name, its columns onto local ones, with rights to update, insert and delete.
// Config keeps the local names in syncTables/receiveTables and these beside them.
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>

namespace mysqlsync {

struct SendMapping {
    QString table;                  // the local table
    QString as;                     // its name on the wire
    QMap<QString, QString> columns; // local column -> name on the wire; empty: every column as it is
    QString key;                    // the JSON path of the entry it came from, e.g. "syncTables[1]"

    // The name `local` travels under; empty when the column is not published.
    QString wireColumn(const QString &local) const;
    // The syncTables entry as the file has it: the table's name when nothing is mapped, else
    // the object with what differs from the defaults (the desktop app's editor writes this).
    QJsonValue toJson() const;
};

struct ReceiveMapping {
    QString table;                  // the local table
    QString from;                   // the name the remote sends
    QMap<QString, QString> columns; // remote column -> local column; empty: every column as it is
    bool updateListed = false;      // `update` given: only its columns change in an existing row
    QStringList update;             // local columns a remote may change in an existing row
    bool insert = true;             // a remote may add rows
    bool remove = true;             // a remote may delete rows ("delete" in the file)
    bool mirror = false;            // after an initial load, rows the source lacks are deleted
    QString key;                    // the JSON path of the entry it came from, e.g. "receiveTables[1]"

    // The local column a remote column is written to; empty when it is not written.
    QString localColumn(const QString &remote) const;
    // The remote's name of a local column (the inverse), or empty.
    QString remoteColumn(const QString &local) const;
    // Whether a remote may change `local` in an existing row.
    bool mayUpdate(const QString &local) const { return !updateListed || update.contains(local); }
    // Whether the rules need the row's existence to be known (insert refused, update limited).
    bool restricts() const { return !insert || updateListed; }
    // The receiveTables entry as the file has it: the table's name when nothing is mapped and
    // no rule differs from its default, else the object with what differs.
    QJsonValue toJson() const;
};

} // namespace mysqlsync
