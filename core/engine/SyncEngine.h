#pragma once
// The sync engine: one QObject that runs the whole protocol on the thread it lives in
// (EngineThread gives it its own). Observers connect to its signals; commands reach it
// as queued calls.
#include "config/Config.h"
#include "database/ConflictStore.h"
#include "engine/EngineContext.h"
#include "engine/EngineReports.h"
#include "engine/EngineTypes.h"
#include "engine/RetryBackoff.h"
#include "mqtt/MqttClient.h"

#include <QElapsedTimer>
#include <QJsonValue>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

namespace mysqlsync {

class CaptureScheduler;
class ChangeReceiver;
class ChangeSender;
class DbConnection;
class ExpiryMonitor;
class FlushScheduler;
class IncomingMessages;
class DigestWorker;
class InitialLoader;
class Verifier;
class VerifyResponder;
class MqttTransformPublisher;
class TransformDatabase;
class TransformerHost;
class Outbox;
class OutboxSyncer;
class Heartbeat;
class Presence;
class RemotePaths;
struct ServerCheck;
struct InfoMessage;
class StatusTracker;
class StatusWriter;

class SyncEngine : public EngineReports {
    Q_OBJECT
public:
    explicit SyncEngine(const Config &config, QObject *parent = nullptr);
    ~SyncEngine() override;

    const Config &config() const { return m_ctx.config; }
    EngineCounters counters() const { return m_ctx.counters; }
    bool isPaused() const { return m_paused; }
    // Where rows that changed at this site are told (captured or applied); set before start().
    void setRowChangeSink(std::shared_ptr<RowChangeSink> sink) { m_ctx.rowSink = std::move(sink); }

public Q_SLOTS:
    // Opens the outbox, the database (tables, triggers) and the broker connection.
    // Emits started(), or fatalError() when the configuration cannot work.
    void start();
    // Finishes what is in flight, says goodbye on /info, closes everything, emits stopped().
    void stop();
    // Paused, the engine takes no changes from table_changes, sends none and applies none
    // that arrive (their senders send them again later); presence and receipts go on.
    void setPaused(bool paused);
    // Sends the current state of these keys to `remote` again (sync_status: pending).
    void resend(const QString &remote, const QString &table, const QStringList &keys);
    // resend() for every row of sync_status that is in error for `remote`.
    void resendErrors(const QString &remote);
    // Engine::settleConflict.
    void settleConflict(qint64 id, ConflictOutcome choice, const QJsonValue &edited, const QString &by);

private:
    void startTransformers();
    // A PostgreSQL site: LISTEN on the triggers' channel on a connection of its own, each
    // notification schedules a capture; the idle capture becomes a safety net.
    void listenForChanges();
    bool connectDatabase(const ServerCheck &check, QString *error, bool *fatal);
    void onDatabaseLost(const QString &reason);
    // Checks the server on a thread of its own, then (on this thread) reconnectDatabase().
    void checkDatabase();
    void reconnectDatabase(const ServerCheck &check);
    void onBrokerReady();
    void onBrokerDown(const QString &reason);
    void onRemoteState(const QString &name, bool online, qint64 until);
    void heartbeat();
    // What the heartbeat announces beside `connected` (once the site's identity is known).
    void updateAnnouncement();
    void reportPaths();
    void housekeeping();
    // A damaged outbox was replaced: owe again what sync_status says is pending.
    void rebuildOutbox();
    void checkLostOutbox();
    void writeStatus();
    void setRunning(bool running);
    void fail(const QString &message);
    bool refreshCatalogue(const QString &why);
    void retryRefused();
    // conflictsChanged() with the open count of sync_conflicts.
    void reportConflicts(int detected);
    void shutdown();

    EngineContext m_ctx;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<OutboxSyncer> m_syncer;
    std::unique_ptr<DbConnection> m_db;
    std::unique_ptr<DbConnection> m_applyDb;
    // A PostgreSQL site: the connection that LISTENs (and runs nothing else, so that no
    // notification waits in libpq's buffer behind a query's result).
    std::unique_ptr<DbConnection> m_listenDb;
    std::unique_ptr<MqttClient> m_mqtt;
    std::unique_ptr<Heartbeat> m_heartbeat; // before m_mqtt is stopped: shutdown() resets it first
    std::unique_ptr<Presence> m_presence;
    std::unique_ptr<RemotePaths> m_paths;
    std::unique_ptr<ChangeSender> m_sender;
    std::unique_ptr<ChangeReceiver> m_receiver;
    std::unique_ptr<InitialLoader> m_loader;            // the existing rows of sync tables, to remotes that lack them
    std::unique_ptr<Verifier> m_verifier;               // verify and repair: the side that asks
    std::unique_ptr<VerifyResponder> m_verifyResponder; // and the side that answers
    std::unique_ptr<DigestWorker> m_digests;            // their checksums, on a thread of their own
    std::unique_ptr<StatusWriter> m_statusWriter;       // before m_status: destroyed after it
    std::unique_ptr<StatusTracker> m_status;
    std::unique_ptr<ExpiryMonitor> m_expiry;
    std::unique_ptr<TransformDatabase> m_transformDb; // a connection of the transformers' own
    std::unique_ptr<MqttTransformPublisher> m_transformPublisher;
    std::unique_ptr<TransformerHost> m_transformer;

    QElapsedTimer m_depthsRead;   // when outbox depths were last counted
    bool m_rebuildOwed = false;   // the outbox owes a rebuild from sync_status
    QElapsedTimer m_rebuildTried; // when it was last tried (failures retry every 5 s)
    QTimer m_housekeepingTimer;
    QTimer m_reconnectTimer;
    QTimer m_statusTimer;
    QTimer m_retryTimer;
    RetryBackoff m_retries;      // keys refused for a column the remote lacked
    CaptureScheduler *m_capture; // children: they move to the engine's thread with it
    FlushScheduler *m_flush;
    std::unique_ptr<IncomingMessages> m_incoming;
    QElapsedTimer m_catalogueRead; // when the catalogue was last re-read
    int m_reconnectDelayMs = 1000;
    bool m_checkingDatabase = false;
    bool m_databaseWasUp = false;
    bool m_databaseReported = false;
    QHash<QString, int> m_reportedDepths;
    QHash<QString, QPair<QString, double>> m_reportedPaths; // remote -> path and rows per message reported
    QString m_siteId;                                       // this site's identity (sync_site), once read
    QSet<QString> m_online;                                 // remotes we last reported online
    QHash<QString, qint64> m_loggedSkews;                   // the clock skew last logged, per remote
    EngineCounters m_reportedCounters;
    bool m_running = false;
    bool m_paused = false;
    bool m_schemaReady = false;
};

} // namespace mysqlsync
