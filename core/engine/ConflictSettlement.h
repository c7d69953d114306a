#pragma once
// An operator's settlement of a conflict (sync_conflicts): the row becomes the local version,
// the remote's, or an edited one, as a change of this site (written with the triggers on, so
// capture sends it), and its version is made to include every version in conflict, so that
// every site takes it. Used by the running engine (Engine::settleConflict) and by the
// daemon's `settle` command, which works on the database alone while an engine runs.
#include "config/Config.h"
#include "database/Catalog.h"
#include "database/ConflictStore.h"

#include <QSqlDatabase>
#include <QSqlError>

namespace mysqlsync {

class ConflictSettlement {
public:
    struct Result {
        bool ok = false;
        QString error;      // why not (names the conflict)
        QSqlError sqlError; // the server's error, to tell a lost connection
        ConflictRecord conflict;
        int settled = 0; // open conflicts of the row settled
    };
    // `db`: a connection whose writes fire the triggers (not the engine's apply connection).
    static Result settle(const QSqlDatabase &db, const Config &config, const QHash<QString, TableInfo> &tables,
                         qint64 id, ConflictOutcome choice, const QJsonValue &edited, const QString &by);
};

} // namespace mysqlsync
