#pragma once
// The one owner of sync_conflicts (docs/protocol.md, "sync_conflicts"): every conflict this
// site saw, both versions as JSON, the policy, the winner, and who settled it when. The
// engine records and settles; the desktop app reads pages and counts, each with its own
// connection.
#include "protocol/RowVersion.h"

#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <optional>

namespace mysqlsync {

// The `winner` column: which version the row kept. Edited: an operator wrote a third one.
enum class ConflictOutcome { Local, Remote, Edited };
QString conflictOutcomeText(ConflictOutcome outcome);
std::optional<ConflictOutcome> conflictOutcomeFromText(const QString &text);

struct ConflictRecord {
    qint64 id = 0;
    QString table;
    QString key;
    QString localSite;        // this site
    QString remoteSite;       // the origin of the version that arrived
    QJsonValue localVersion;  // the row as this site had it (an object), or null: absent
    QJsonValue remoteVersion; // the row the remote sent, or null: a delete
    RowVersion local;         // their versions (origin, time, vector)
    RowVersion remote;
    QString policy;                        // "newest", "priority", "manual"
    std::optional<ConflictOutcome> winner; // none while open
    qint64 detectedAt = 0;                 // ms since the epoch
    qint64 settledAt = 0;                  // 0 while open
    QString settledBy;                     // "policy", a site's name, or "operator@host"

    bool isOpen() const { return settledAt == 0; }
};

struct ConflictFilter {
    enum class State { Any, Open, Settled };
    State state = State::Any;
    QString table;     // exact, or empty
    QString remote;    // exact, or empty
    QString keySearch; // substring of the key, or empty
};

class ConflictStore {
public:
    // --- The engine ---

    // Inserts `record` (its id is ignored and set).
    static bool record(const QSqlDatabase &db, ConflictRecord *record, QString *error, QSqlError *sqlError = nullptr);
    // The open conflicts of these keys of `table`, oldest first.
    static bool openFor(const QSqlDatabase &db, const QString &table, const QStringList &keys,
                        QList<ConflictRecord> *out, QString *error, QSqlError *sqlError = nullptr);
    // Settles the open conflicts of one row (all of them): the row kept `winner`.
    static bool settleRow(const QSqlDatabase &db, const QString &table, const QString &key, ConflictOutcome winner,
                          const QString &settledBy, qint64 nowMs, QString *error, QSqlError *sqlError = nullptr);

    // --- Everyone ---

    static bool read(const QSqlDatabase &db, qint64 id, ConflictRecord *out, QString *error);
    // The newest `limit` matching conflicts whose id is below `beforeId` (0: from the newest),
    // newest first; page on with the last one's id.
    static bool readPage(const QSqlDatabase &db, const ConflictFilter &filter, qint64 beforeId, int limit,
                         QList<ConflictRecord> *out, QString *error);
    // How many are open.
    static bool countOpen(const QSqlDatabase &db, qint64 *count, QString *error);
};

} // namespace mysqlsync

Q_DECLARE_METATYPE(mysqlsync::ConflictRecord)
