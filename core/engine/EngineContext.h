#pragma once
// What the engine's parts share. Lives on the engine's thread and is touched only there.
#include "common/RowChangeSink.h"
#include "config/Config.h"
#include "database/Catalog.h"
#include "engine/EngineTypes.h"

#include <QDateTime>
#include <QSet>
#include <QSqlError>
#include <functional>

namespace mysqlsync {

class DbConnection;
class Outbox;
class Presence;
class RemotePaths;
class Transport;
class StatusTracker;
class TransformerHost;
struct InfoMessage;

struct TableKey {
    QString table;
    QString key;
};

struct EngineContext {
    Config config;
    Outbox *outbox = nullptr;
    Transport *mqtt = nullptr; // the broker connection (MqttClient)
    Presence *presence = nullptr;
    RemotePaths *paths = nullptr;           // which remotes get batches (the extension channel)
    DbConnection *db = nullptr;             // capture, lookups, sync_status
    DbConnection *applyDb = nullptr;        // writes of incoming changes (triggers stay silent there)
    StatusTracker *status = nullptr;        // sync_status, written behind
    TransformerHost *transformer = nullptr; // when transformerDirectory is set
    // Keys a transformer changed on the way out: sentIdKey(remote, table, sent id, date) -> the
    // key the outbox owes, so that the receipt for the sent id settles the right entry.
    QHash<QString, QString> sentIds;
    QHash<QString, TableInfo> tables; // every sync and receive table, from the catalogue
    EngineCounters counters;
    bool databaseUp = false;
    bool outboxChanged = false; // depths must be re-read
    QSet<QString> waiting;      // remotes with changes queued behind a full send window

    std::function<void(EngineError)> report;
    std::function<void(const QString &)> databaseLost;
    // Reads the catalogue again (a table's columns changed under the engine) and re-checks
    // the triggers; at most once a second. True when it was read.
    std::function<bool(const QString &why)> refreshCatalogue;
    std::function<void()> statusQueued; // something waits in `status`: write it soon
    // Changes to these remotes left the send window (acknowledged): send what waits behind it.
    std::function<void(const QStringList &remotes)> roomMade;
    // table_changes rows capture has taken (sent, waiting to be removed): not local changes
    // still to be captured.
    std::function<bool(qint64 id)> isTaken;
    // Capture: new versions for local changes of bidirectional tables (false: try again later).
    std::function<bool(const QList<TableKey> &keys)> stampLocal;
    // Whether this site's initial load of `table` into `remote` is still under way (or not
    // begun): a row here without a version is then a state the remote has not seen yet, and a
    // different state from the remote for it is concurrent with it (ConflictResolver).
    std::function<bool(const QString &table, const QString &remote)> loadOwed;
    // `count` receipts arrived for rows of `table` sent to `remote` at `date`, before their
    // sync_status rows are written: InitialLoader's pacing.
    std::function<void(const QString &table, const QString &remote, qint64 date, int count)> receiptsArrived;
    // Receipts once their sync_status rows are written (or found stale): InitialLoader's chunks.
    std::function<void(const QList<InfoMessage> &receipts)> receiptsWritten;
    // Conflicts were recorded or settled (`detected` of them new): report the open count.
    std::function<void(int detected)> conflictsChanged;
    // Told of every row that changed at this site, captured or applied (the live feed); never
    // waited for. Null: nobody listens.
    std::shared_ptr<RowChangeSink> rowSink;

    static qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }
    bool canSendTo(const QString &remote, qint64 at) const;
    // Tells rowSink (if any) that these rows changed.
    void rowsChanged(const QList<TableKey> &keys) const;
    // Whether `remote` is served batches now (it announced them in its current online period).
    bool batchesTo(const QString &remote, qint64 at) const;
    // Reports a failed database statement: a lost connection goes to databaseLost.
    void databaseFailure(const QSqlError &error, const QString &what);
    void reportError(EngineError::Source source, const QString &message, const QString &remote = {},
                     const QString &table = {}, const QString &key = {});
};

} // namespace mysqlsync
