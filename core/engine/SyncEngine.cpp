#include "engine/SyncEngine.h"

#include "common/Logging.h"
#include "database/Catalog.h"
#include "database/DbConnection.h"
#include "database/Schema.h"
#include "database/ServerCheck.h"
#include "database/SyncStatusStore.h"
#include "engine/CaptureScheduler.h"
#include "engine/ChangeReceiver.h"
#include "engine/ChangeSender.h"
#include "engine/DigestWorker.h"
#include "engine/FlushScheduler.h"
#include "engine/IncomingMessages.h"
#include "engine/InitialLoader.h"
#include "engine/MqttTransformPublisher.h"
#include "engine/OutboxRebuild.h"
#include "engine/RemotePaths.h"
#include "engine/RetryBackoff.h"
#include "engine/StatusTracker.h"
#include "engine/StatusWriter.h"
#include "engine/TransformConnection.h"
#include "engine/Verifier.h"
#include "engine/VerifyResponder.h"
#include "mqtt/Heartbeat.h"
#include "mqtt/Presence.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxSyncer.h"
#include "protocol/Extensions.h"
#include "protocol/Messages.h"
#include "security/CertificateExpiry.h"
#include "transform/TransformerHost.h"


#include <QSqlError>
#include <QSqlQuery>

namespace mysqlsync {

namespace {
constexpr int kHousekeepingMs = 200;
constexpr int kDepthsEveryMs = 1000;
constexpr int kStatusWriteMs = 10; // sync_status is written this long after a change of it
constexpr int kRetryCheckMs = 500; // how often refused keys that are due are sent again

} // namespace

SyncEngine::SyncEngine(const Config &config, QObject *parent)
    : EngineReports(parent)
    // Parented so that they move to the engine's thread with it.
    , m_housekeepingTimer(this)
    , m_reconnectTimer(this)
    , m_statusTimer(this)
    , m_retryTimer(this)
    , m_capture(new CaptureScheduler(m_ctx, this))
    , m_flush(new FlushScheduler(m_ctx, this))
    , m_incoming(std::make_unique<IncomingMessages>(m_ctx, m_retries, *m_flush, *m_capture))
{
    qRegisterMetaType<EngineCounters>();
    qRegisterMetaType<EngineError>();
    m_ctx.config = config;
    m_ctx.report = [this](const EngineError &e) { Q_EMIT errorOccurred(e); };
    m_ctx.databaseLost = [this](const QString &reason) { onDatabaseLost(reason); };
    m_ctx.refreshCatalogue = [this](const QString &why) { return refreshCatalogue(why); };
    m_ctx.roomMade = [this](const QStringList &remotes) { m_incoming->roomMade(remotes); };
    m_ctx.isTaken = [this](qint64 id) { return m_capture->isTaken(id); };
    m_ctx.stampLocal = [this](const QList<TableKey> &keys) {
        return !m_receiver || m_receiver->conflicts().stampLocal(keys);
    };
    m_ctx.conflictsChanged = [this](int detected) { reportConflicts(detected); };
    m_ctx.statusQueued = [this] {
        if (!m_statusTimer.isActive())
            m_statusTimer.start(kStatusWriteMs);
    };

    for (QTimer *t : {&m_reconnectTimer, &m_statusTimer})
        t->setSingleShot(true);
    connect(&m_statusTimer, &QTimer::timeout, this, &SyncEngine::writeStatus);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SyncEngine::checkDatabase);
    connect(&m_housekeepingTimer, &QTimer::timeout, this, &SyncEngine::housekeeping);
    connect(&m_retryTimer, &QTimer::timeout, this, &SyncEngine::retryRefused);
}

SyncEngine::~SyncEngine()
{
    shutdown();
}

void SyncEngine::start()
{
    if (m_running)
        return;
    const Config &cfg = m_ctx.config;
    const QString suffix = cfg.clientName + QLatin1Char('-') + QString::number(quintptr(this), 16);

    QString error = unsupportedDatabaseReason(cfg);
    if (!error.isEmpty()) {
        fail(error);
        return;
    }
    m_outbox = std::make_unique<Outbox>(cfg.queueDirectory, QStringLiteral("mysql-sync-outbox-") + suffix);
    if (!m_outbox->open(&error)) {
        fail(error);
        return;
    }
    m_db = std::make_unique<DbConnection>(cfg.siteDatabase(), QStringLiteral("mysql-sync-main-") + suffix);
    m_applyDb = std::make_unique<DbConnection>(cfg.siteDatabase(), QStringLiteral("mysql-sync-apply-") + suffix);
    m_presence = std::make_unique<Presence>(cfg.clientName, cfg.remoteClients, cfg.checkIntervalMs);
    connect(m_presence.get(), &Presence::remoteStateChanged, this, &SyncEngine::onRemoteState);
    connect(m_presence.get(), &Presence::remoteClockSkew, this,
            [this](const QString &name, qint64 skewMs) {
                // Logged when it is first seen beyond 5 s, and again when it moved by more than 5 s.
                const auto last = m_loggedSkews.constFind(name);
                const bool notable = qAbs(skewMs) > 5000 || (last != m_loggedSkews.cend() && qAbs(*last) > 5000);
                if (notable && (last == m_loggedSkews.cend() || qAbs(*last - skewMs) > 5000)) {
                    m_loggedSkews.insert(name, skewMs);
                    qCInfo(lcPresence).noquote()
                        << QStringLiteral("the clock of %1 is about %2 s %3 ours (estimated from its heartbeat)")
                               .arg(name)
                               .arg(qAbs(skewMs) / 1000.0, 0, 'f', 1)
                               .arg(skewMs < 0 ? QStringLiteral("behind") : QStringLiteral("ahead of"));
                }
                Q_EMIT remoteClockSkew(name, skewMs);
            });

    m_syncer = std::make_unique<OutboxSyncer>(m_outbox->filePath(), QStringLiteral("mysql-sync-outbox-sync-") + suffix);
    m_ctx.outbox = m_outbox.get();
    m_ctx.presence = m_presence.get();
    m_paths = std::make_unique<RemotePaths>();
    m_ctx.paths = m_paths.get();
    m_ctx.db = m_db.get();
    m_ctx.applyDb = m_applyDb.get();
    m_sender = std::make_unique<ChangeSender>(m_ctx);
    m_receiver = std::make_unique<ChangeReceiver>(m_ctx, *m_sender);
    m_statusWriter = std::make_unique<StatusWriter>(cfg.siteDatabase(), QStringLiteral("mysql-sync-status-") + suffix);
    connect(
        m_statusWriter.get(), &StatusWriter::resultsReady, this,
        [this] {
            if (m_status)
                m_status->collect();
        },
        Qt::QueuedConnection);
    m_status = std::make_unique<StatusTracker>(m_ctx, m_statusWriter.get());
    m_ctx.status = m_status.get();
    m_capture->attach(m_sender.get(), m_syncer.get(), m_db.get());
    m_flush->attach(m_sender.get());
    m_incoming->setReceiver(m_receiver.get());
    m_loader = std::make_unique<InitialLoader>(m_ctx, nullptr);
    m_loader->start(m_sender.get(), &m_receiver->conflicts(),
                    [this](const QString &remote) { m_flush->schedule(remote, 0); });
    m_loader->setPaused(m_paused);
    m_ctx.receiptsWritten = [this](const QList<InfoMessage> &receipts) { m_loader->receiptsWritten(receipts); };
    m_ctx.receiptsArrived = [this](const QString &table, const QString &remote, qint64 date, int count) {
        m_loader->receiptsArrived(table, remote, date, count);
    };
    m_ctx.loadOwed = [this](const QString &table, const QString &remote) { return m_loader->owes(table, remote); };
    m_digests = std::make_unique<DigestWorker>(cfg.siteDatabase(), QStringLiteral("mysql-sync-verify-") + suffix);
    m_verifier =
        std::make_unique<Verifier>(m_ctx, m_digests.get(),
                                   [this](const QString &remote, const QString &table, const QStringList &keys) {
                                       if (m_receiver->conflicts().stampMissing(table, keys))
                                           resend(remote, table, keys);
                                   });
    m_verifyResponder = std::make_unique<VerifyResponder>(m_ctx, m_digests.get());
    m_incoming->setVerify([this](const ext::VerifyMessage &m) {
        if (m.isRequest())
            m_verifyResponder->handle(m);
        else
            m_verifier->handle(m);
    });
    m_verifier->start();
    startTransformers();
    setRunning(true);

    m_rebuildOwed = m_outbox->rebuildOwed();
    const QStringList subscriptions = {topics::info(), topics::infoFor(cfg.clientName),
                                       topics::changeFor(cfg.clientName)};
    m_mqtt = std::make_unique<MqttClient>(cfg.mqtt, cfg.clientName, subscriptions,
                                          InfoMessage::connectionLost(cfg.clientName).toJson());
    if (cfg.extensions.enabled)
        m_mqtt->setOptionalSubscriptions(ext::subscriptions(cfg.clientName));
    m_ctx.mqtt = m_mqtt.get();
    if (m_ctx.rowSink)
        m_ctx.rowSink->brokerChanged(m_mqtt.get()); // the feed's stream (feed.publishStream)
    connect(m_mqtt.get(), &MqttClient::ready, this, &SyncEngine::onBrokerReady);
    connect(m_mqtt.get(), &MqttClient::optionalSubscribed, this, [this] {
        if (m_heartbeat)
            m_heartbeat->announceNow();
    });
    connect(m_mqtt.get(), &MqttClient::down, this, &SyncEngine::onBrokerDown);
    connect(m_mqtt.get(), &MqttClient::messagesArrived, this, [this](const QList<MqttIncoming> &messages) {
        if (m_running)
            m_incoming->handle(messages);
    });
    connect(m_mqtt.get(), &MqttClient::errorOccurred, this,
            [this](const QString &message) { m_ctx.reportError(EngineError::Source::Broker, message); });
    m_mqtt->start();
    // `connected` on /info from a thread of its own: a long database call here does not stop it.
    m_heartbeat = std::make_unique<Heartbeat>(m_mqtt.get(), cfg.clientName, cfg.checkIntervalMs);
    updateAnnouncement();

    // Certificates that expire within 30 days: a warning at start and once a day.
    m_expiry = std::make_unique<ExpiryMonitor>(cfg);
    connect(m_expiry.get(), &ExpiryMonitor::warning, this, [this](const QString &message) {
        qCWarning(lcEngine).noquote() << message;
        m_ctx.reportError(EngineError::Source::Configuration, message);
    });
    m_expiry->start();

    m_housekeepingTimer.start(kHousekeepingMs);
    m_flush->start();
    m_retryTimer.start(kRetryCheckMs);
    checkDatabase();
    qCInfo(lcEngine).noquote() << "engine" << cfg.clientName << "started: sync"
                               << cfg.syncTables.join(QStringLiteral(", ")) << "| receive"
                               << cfg.receiveTables.join(QStringLiteral(", ")) << "| remotes"
                               << cfg.remoteClients.join(QStringLiteral(", "));
    Q_EMIT started();
}

void SyncEngine::startTransformers()
{
    const Config &cfg = m_ctx.config;
    if (cfg.transformerDirectory.isEmpty())
        return;
    // Never the engine's own connection: see TransformConnection. It logs in as
    // mysqlConfig.transformerUser when one is configured.
    m_transformDb =
        std::make_unique<TransformConnection>(cfg.siteDatabase().forTransformers(),
                                              m_db->name() + QStringLiteral("-transform"), cfg.transformTimeoutMs);
    if (!cfg.mysql.transformerUser.isEmpty())
        qCInfo(lcEngine).noquote() << "transformers query the database as user" << cfg.mysql.transformerUser;
    m_transformPublisher = std::make_unique<MqttTransformPublisher>(m_ctx);
    m_transformer =
        std::make_unique<TransformerHost>(cfg.transformerDirectory, m_transformDb.get(), m_transformPublisher.get());
    m_transformer->setTimeLimit(cfg.transformTimeoutMs);
    m_ctx.transformer = m_transformer.get();
    // A broken file does not stop the engine: its table's changes fail (error rows and
    // receipts) until it is fixed, and it is reloaded when it changes.
    for (const QString &table : cfg.configuredTables()) {
        if (!m_transformer->hasTransformer(table))
            continue;
        const QString problem = m_transformer->check(table);
        if (problem.isEmpty()) {
            qCInfo(lcEngine).noquote() << "transformer" << m_transformer->filePath(table) << "loaded for" << table;
        } else {
            qCWarning(lcEngine).noquote() << problem;
            m_ctx.reportError(EngineError::Source::Transform, problem, {}, table);
        }
    }
}

void SyncEngine::retryRefused()
{
    if (!m_running || !m_ctx.databaseUp || m_paused || m_retries.isEmpty())
        return;
    const auto due = m_retries.takeDue(EngineContext::now());
    for (auto remote = due.cbegin(); remote != due.cend(); ++remote) {
        for (auto table = remote->cbegin(); table != remote->cend(); ++table)
            resend(remote.key(), table.key(), table.value());
    }
}

void SyncEngine::onBrokerReady()
{
    Q_EMIT brokerStateChanged(true, m_mqtt->brokerDescription());
    m_presence->resetHeartbeat();
    heartbeat();
    // Whatever was sent before may have been lost with the old connection.
    m_flush->scheduleOnline(EngineContext::now());
}

void SyncEngine::onBrokerDown(const QString &reason)
{
    m_ctx.reportError(EngineError::Source::Broker, reason);
    Q_EMIT brokerStateChanged(false, reason);
}

void SyncEngine::writeStatus()
{
    if (!m_running || !m_ctx.databaseUp)
        return;
    m_status->flush();
}

void SyncEngine::onRemoteState(const QString &name, bool online, qint64 until)
{
    Q_EMIT remoteStateChanged(name, online, until);
    if (!online)
        m_paths->wentOffline(name, EngineContext::now());
    const bool wasOnline = m_online.contains(name);
    if (online)
        m_online.insert(name);
    else
        m_online.remove(name);
    if (online && !wasOnline) {
        // A newcomer learns at once that we are here, instead of at our next heartbeat.
        m_presence->resetHeartbeat();
        heartbeat();
    }
    if (online && !wasOnline && m_ctx.config.remoteClients.contains(name)) {
        // Back online: send what was queued, and again what it may have missed; to an engine
        // that speaks the extension channel once it has announced it (its announcement
        // schedules a flush), to any other after the grace.
        const qint64 now = EngineContext::now();
        if (m_paths && m_mqtt && m_mqtt->optionalReady()) {
            m_paths->cameOnline(name, now);
            QTimer::singleShot(RemotePaths::kAnnouncementGraceMs + 10, this, [this, name] {
                if (m_running && m_online.contains(name))
                    m_flush->schedule(name, EngineContext::now());
            });
        }
        m_flush->schedule(name, now);
        if (m_loader)
            m_loader->poke();
    }
}

void SyncEngine::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    m_capture->setPaused(paused);
    if (m_loader)
        m_loader->setPaused(paused);
    m_flush->setPaused(paused);
    m_incoming->setPaused(paused);
    qCInfo(lcEngine) << (paused ? "sync paused" : "sync resumed");
    Q_EMIT pausedChanged(paused);
    if (paused || !m_running)
        return;
    m_capture->schedule(0);
    m_flush->scheduleOnline(EngineContext::now());
}

void SyncEngine::resend(const QString &remote, const QString &table, const QStringList &keys)
{
    if (!m_running || keys.isEmpty())
        return;
    if (!m_ctx.config.remoteClients.contains(remote) || !m_ctx.config.syncTables.contains(table)) {
        m_ctx.reportError(EngineError::Source::Configuration,
                          QStringLiteral(
                              "cannot resend: %1 is not a remote of this site, or %2 not one of its syncTables")
                              .arg(remote, table),
                          remote, table);
        return;
    }
    if (!m_sender->oweAgain(remote, table, keys, EngineContext::now()))
        return;
    qCInfo(lcEngine).noquote() << "resending" << keys.size() << "row(s) of" << table << "to" << remote;
    m_flush->schedule(remote, 0);
}

void SyncEngine::resendErrors(const QString &remote)
{
    if (!m_running || !m_ctx.databaseUp)
        return;
    QHash<QString, QStringList> byTable;
    QSqlError sqlError;
    if (!SyncStatusStore::keysInError(m_db->db(), remote, &byTable, &sqlError)) {
        m_ctx.databaseFailure(sqlError, QStringLiteral("reading sync_status"));
        return;
    }
    for (auto it = byTable.cbegin(); it != byTable.cend(); ++it)
        resend(remote, it.key(), it.value());
}

void SyncEngine::updateAnnouncement()
{
    const Config &cfg = m_ctx.config;
    if (!m_heartbeat || !cfg.extensions.enabled || m_siteId.isEmpty())
        return;
    ext::Announcement a;
    a.sender = cfg.clientName;
    a.site = m_siteId;
    a.capabilities = {ext::capabilityBatch(), ext::capabilityZlib(), ext::capabilityVerify()};
    m_heartbeat->setAnnouncement(ext::helloTopic(cfg.clientName), a.toJson());
    m_heartbeat->announceNow();
}

void SyncEngine::reportPaths()
{
    const qint64 now = EngineContext::now();
    for (const QString &remote : m_ctx.config.remoteClients) {
        const RemotePaths::Path path =
            m_ctx.batchesTo(remote, now) ? RemotePaths::Path::Batch : RemotePaths::Path::PerRow;
        const RemotePaths::Traffic t = m_paths->traffic(remote, path);
        const QPair<QString, double> report{RemotePaths::name(path),
                                            t.messages > 0 ? double(t.rows) / double(t.messages) : 0.0};
        auto it = m_reportedPaths.find(remote);
        if (it != m_reportedPaths.end() && it->first == report.first && qAbs(it->second - report.second) < 0.05)
            continue;
        if (it == m_reportedPaths.end() || it->first != report.first)
            qCInfo(lcEngine).noquote() << remote << "is served on the" << report.first << "path";
        m_reportedPaths.insert(remote, report);
        Q_EMIT remotePathChanged(remote, report.first, report.second);
    }
}

void SyncEngine::heartbeat()
{
    if (m_running && m_heartbeat)
        m_heartbeat->beatNow();
}

void SyncEngine::housekeeping()
{
    if (!m_running)
        return;
    if (m_heartbeat)
        m_heartbeat->engineAlive();
    m_presence->expire(EngineContext::now());
    if (m_rebuildOwed && m_ctx.databaseUp && (!m_rebuildTried.isValid() || m_rebuildTried.hasExpired(5000)))
        rebuildOutbox();
    m_incoming->summarise(EngineContext::now());
    reportPaths();
    if (m_ctx.counters != m_reportedCounters) {
        m_reportedCounters = m_ctx.counters;
        Q_EMIT countersChanged(m_reportedCounters);
    }
    // Counting a long outbox takes a while: at most once a second.
    if (m_ctx.outboxChanged && (!m_depthsRead.isValid() || m_depthsRead.hasExpired(kDepthsEveryMs))) {
        m_ctx.outboxChanged = false;
        m_depthsRead.start();
        const QHash<QString, int> depths = m_outbox->depths();
        for (const QString &remote : m_ctx.config.remoteClients) {
            const int depth = depths.value(remote);
            auto it = m_reportedDepths.find(remote);
            if (it == m_reportedDepths.end() || *it != depth) {
                m_reportedDepths[remote] = depth;
                Q_EMIT outboxDepthChanged(remote, depth);
            }
        }
    }
}

void SyncEngine::rebuildOutbox()
{
    if (!m_rebuildOwed || !m_ctx.databaseUp)
        return;
    m_rebuildTried.start();
    int owed = 0;
    QString error;
    if (!OutboxRebuild::run(m_ctx, *m_sender, &owed, &error)) {
        qCWarning(lcEngine).noquote() << error << "- trying again in 5 s";
        m_ctx.reportError(EngineError::Source::Outbox, error);
        return;
    }
    m_rebuildOwed = false;
    qCWarning(lcEngine).noquote() << "the outbox replaced a damaged one: rebuilt from sync_status," << owed
                                  << "key(s) owed again";
    m_flush->scheduleOnline(0);
}

void SyncEngine::setRunning(bool running)
{
    m_running = running;
    m_capture->setRunning(running);
    m_flush->setRunning(running);
}

void SyncEngine::fail(const QString &message)
{
    qCCritical(lcEngine).noquote() << message;
    m_ctx.reportError(EngineError::Source::Configuration, message);
    shutdown();
    Q_EMIT fatalError(message);
}

void SyncEngine::stop()
{
    // Once: a second stop (a signal, then the owner's destructor) changes nothing.
    const bool wasStarted = m_running || m_outbox;
    shutdown();
    if (wasStarted)
        Q_EMIT stopped();
}

void SyncEngine::shutdown()
{
    if (!m_running && !m_outbox)
        return;
    setRunning(false);
    for (QTimer *t : {&m_housekeepingTimer, &m_reconnectTimer, &m_statusTimer, &m_retryTimer})
        t->stop();
    m_capture->stop();
    m_flush->stop();
    if (m_loader)
        m_loader->stop();
    if (m_verifier)
        m_verifier->stop();
    if (m_incoming)
        m_incoming->setVerify(nullptr);
    m_digests.reset(); // joins its thread: nothing of it runs once the rest goes
    if (m_status && m_ctx.databaseUp)
        m_status->finish();
    m_syncer.reset();
    // What capture took is removed now rather than taken again at the next start.
    m_capture->finish(m_outbox.get());
    m_capture->detach();
    m_heartbeat.reset(); // joined: no `connected` after the goodbye
    if (m_mqtt) {
        if (m_ctx.rowSink)
            m_ctx.rowSink->brokerChanged(nullptr); // before the connection goes
        // The broker gets our goodbye; publishes still in flight finish within the timeout.
        m_mqtt->stop(InfoMessage::connectionLost(m_ctx.config.clientName).toJson(), 5000);
        m_ctx.mqtt = nullptr;
        m_mqtt.reset();
    }
    if (m_sender)
        m_sender->resetStatements();
    if (m_receiver)
        m_receiver->resetStatements();
    m_ctx.status = nullptr;
    m_status.reset();
    m_statusWriter.reset(); // closes its connection and joins its thread
    m_ctx.transformer = nullptr;
    m_transformer.reset();
    m_transformPublisher.reset();
    m_transformDb.reset();
    m_expiry.reset();
    m_incoming->setReceiver(nullptr);
    m_ctx.receiptsWritten = nullptr;
    m_ctx.receiptsArrived = nullptr;
    m_ctx.loadOwed = nullptr;
    m_loader.reset();
    m_verifier.reset();
    m_verifyResponder.reset();
    m_receiver.reset();
    m_sender.reset();
    if (m_applyDb)
        m_applyDb->close();
    if (m_listenDb)
        m_listenDb->close();
    if (m_db)
        m_db->close();
    if (m_outbox)
        m_outbox->close();
    m_outbox.reset();
    m_ctx.outbox = nullptr;
    m_ctx.databaseUp = false;
    m_online.clear();
    m_reportedPaths.clear();
    m_ctx.paths = nullptr;
    m_paths.reset();
    qCInfo(lcEngine).noquote() << "engine" << m_ctx.config.clientName << "stopped";
}

} // namespace mysqlsync
