#pragma once
// Row versions and conflicts of bidirectional tables (docs/ARCHITECTURE.md, "Conflicts").
// Capture stamps each local change with a new version; every send carries the row's stored
// version on the batch path; the receiver compares an incoming version with the row's own
// (its stored one, or a newer local one while a local change waits in table_changes) and
// either writes it (it includes ours), keeps ours (ours includes it), or, when neither
// includes the other, records a conflict and lets the table's policy decide.
#include "database/ConflictStore.h"
#include "database/RowStore.h"
#include "engine/ConflictRule.h"
#include "engine/EngineContext.h"

#include <QHash>
#include <QJsonValue>
#include <QSet>

#include <optional>

namespace mysqlsync {

struct ChangeMessage;

class ConflictResolver {
public:
    // Whether the row as this site has it (`here`, null: none) is the state `incoming` (a
    // change's entity) describes: every column it carries equal.
    static bool equalState(const QJsonValue &here, const QJsonValue &incoming);
    explicit ConflictResolver(EngineContext &context);

    // Capture: these local changes get their new versions (on the capture connection). False
    // when the database failed (reported; capture tries again).
    bool stampLocal(const QList<TableKey> &keys);
    // Rows of bidirectional tables that have no version yet (they existed before) get one, as
    // changes of this site made now: an initial load sends them with it.
    bool stampMissing(const QString &table, const QStringList &keys);
    // The stored versions of these keys of bidirectional tables, keyed "table\nkey" (on the
    // capture connection). False when the database failed (reported).
    bool versionsOf(const QList<TableKey> &keys, QHash<QString, RowVersion> *out);

    struct Verdict {
        bool write = true; // false: this site's row stays (the change is answered as received)
        RowVersion store;  // the row's version afterwards
        bool storeVersion = true;
        bool sendBack = false;    // owe the row to the sender again (it may hold the losing version)
        bool settlesOpen = false; // a version that includes every open conflict of the row
        std::optional<ConflictRecord> conflict;
    };
    // Inside the apply transaction, before the writes: the verdict for each change of a
    // bidirectional table (others are absent from *out).
    RowStore::Result judge(const QList<const ChangeMessage *> &changes, QHash<const ChangeMessage *, Verdict> *out,
                           QString *error);
    // Inside the same transaction, after the writes: the versions of the rows written or kept,
    // the conflicts, and the open conflicts settled by a version that includes them.
    struct Tally {
        int detected = 0;         // conflicts recorded
        int settled = 0;          // conflicts settled (by the policy, or by a version that includes them)
        QStringList tableRemotes; // "table/remote" of each recorded one
    };
    RowStore::Result finish(const QHash<const ChangeMessage *, Verdict> &verdicts,
                            const QSet<const ChangeMessage *> &written, Tally *tally, QString *error);
    // Adds a committed tally to the engine's counters.
    void count(const Tally &tally);

    void resetStatements() { m_rows.reset(); }

private:
    // `sameState`: the row here already is what the change makes it (not a conflict).
    Verdict judgeOne(const ChangeMessage &change, const RowVersion &stored, bool localPending, bool sameState,
                     qint64 now);
    RowStore::Result failure(const QSqlError &sqlError, const QString &message, QString *error);

    EngineContext &m_ctx;
    RowStore m_rows; // the apply connection's: the local row of a conflict
};

} // namespace mysqlsync
