#pragma once
// The one owner of sync_versions: the version (origin, time, vector) of each row of a
// bidirectional table, as this site holds it (docs/protocol.md, "Row versions and
// conflicts"). A deleted row keeps its version, so that a late change can be judged.
#include "protocol/RowVersion.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QSqlError>
#include <QStringList>

namespace mysqlsync {

class VersionStore {
public:
    // The stored versions of `keys` (a key without one is absent from *out). A stored vector
    // that does not read back fails the read (*error says which row).
    static bool read(const QSqlDatabase &db, const QString &table, const QStringList &keys,
                     QHash<QString, RowVersion> *out, QString *error, QSqlError *sqlError = nullptr);
    // Sets the versions (one statement per 500 rows).
    static bool write(const QSqlDatabase &db, const QString &table, const QList<QPair<QString, RowVersion>> &versions,
                      QString *error, QSqlError *sqlError = nullptr);
    // sqlError (if given) receives the server's error, to tell a lost connection.
};

} // namespace mysqlsync
