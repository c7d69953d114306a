#include "monitor/MonitorSession.h"

#include "engine/Engine.h"
#include "monitor/AsyncSecretResolver.h"
#include "monitor/ClientsModel.h"
#include "monitor/ConflictNotifier.h"
#include "monitor/ConflictsModel.h"
#include "monitor/ConsistencyModel.h"
#include "monitor/ErrorNotifier.h"
#include "monitor/ErrorsModel.h"
#include "monitor/ExpiryWatcher.h"
#include "monitor/RemoteNotifier.h"
#include "monitor/SyncStatusModel.h"
#include "monitor/UiLogging.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSettings>

namespace mysqlsync::ui {

static const char *const kLastConfiguration = "lastConfiguration";

MonitorSession::MonitorSession(Engine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_clients(new ClientsModel(this))
    , m_errors(new ErrorsModel(10000, this))
    , m_status(new SyncStatusModel(this))
    , m_conflicts(new ConflictsModel(this))
    , m_conflictNotifier(new ConflictNotifier(this))
    , m_consistency(new ConsistencyModel(this))
    , m_secrets(new AsyncSecretResolver(this))
    , m_notifier(new RemoteNotifier(this))
    , m_errorNotifier(new ErrorNotifier(this))
    , m_expiry(new ExpiryWatcher(this))
    , m_tracker(std::make_unique<SyncStateTracker>())
{
    wire();
}

MonitorSession::~MonitorSession() = default;

void MonitorSession::wire()
{
    Engine *e = &m_engine;
    connect(m_secrets, &AsyncSecretResolver::finished, this,
            [this](bool ok, const Config &config, const QString &error) {
                if (ok)
                    start(config);
                else
                    fail(error);
            });
    connect(e, &Engine::started, this, [this] {
        m_tracker->setRunning(true);
        m_tracker->setFatal(false);
        m_status->refresh(); // sync_status exists now (the engine creates it when missing)
        m_clients->refreshCounts();
        m_conflicts->refresh();   // sync_conflicts exists now too
        m_consistency->refresh(); // and sync_loads, sync_verifies
        m_notifier->start(m_engine.config().remoteClients);
        Q_EMIT stateChanged();
    });
    connect(e, &Engine::stopped, this, [this] {
        m_tracker->setRunning(false);
        m_notifier->stop();
        m_errorNotifier->reset();
        m_conflictNotifier->reset();
        Q_EMIT stateChanged();
    });
    connect(e, &Engine::fatalError, this, [this] {
        m_tracker->setFatal(true);
        Q_EMIT stateChanged();
    });
    connect(e, &Engine::pausedChanged, this, &MonitorSession::stateChanged);
    connect(e, &Engine::databaseStateChanged, this, [this](bool up) {
        m_tracker->setDatabase(up);
        Q_EMIT stateChanged();
    });
    connect(e, &Engine::brokerStateChanged, this, [this](bool up) {
        m_tracker->setBroker(up);
        Q_EMIT stateChanged();
    });
    connect(e, &Engine::remoteStateChanged, m_clients, &ClientsModel::onRemoteState);
    connect(e, &Engine::remoteClockSkew, m_clients, &ClientsModel::onClockSkew);
    connect(e, &Engine::remoteStateChanged, m_notifier, &RemoteNotifier::onRemoteState);
    connect(e, &Engine::remoteStateChanged, this, [this](const QString &name, bool online) {
        m_tracker->setRemote(name, online);
        Q_EMIT stateChanged();
    });
    connect(e, &Engine::outboxDepthChanged, m_clients, &ClientsModel::onOutboxDepth);
    connect(e, &Engine::remotePathChanged, m_clients, &ClientsModel::onRemotePath);
    connect(e, &Engine::outboxDepthChanged, this,
            [this](const QString &remote, int depth) { m_tracker->setOutboxDepth(remote, depth); });
    connect(e, &Engine::errorOccurred, m_errorNotifier, &ErrorNotifier::onError);
    connect(e, &Engine::errorOccurred, m_errors, &ErrorsModel::append);
    connect(e, &Engine::errorOccurred, this, [this] {
        m_tracker->errorAt(QDateTime::currentMSecsSinceEpoch());
        Q_EMIT stateChanged();
    });
    // Conflicts: the count at once, the inbox's rows at most every 250 ms while reports come.
    m_conflictsRefresh.setSingleShot(true);
    m_conflictsRefresh.setInterval(250);
    connect(&m_conflictsRefresh, &QTimer::timeout, m_conflicts, &ConflictsModel::refresh);
    connect(e, &Engine::conflictsChanged, m_conflictNotifier, &ConflictNotifier::onConflicts);
    connect(e, &Engine::conflictsChanged, this, [this](qint64 open) {
        if (!m_conflictsRefresh.isActive())
            m_conflictsRefresh.start();
        if (open != m_openConflicts) {
            m_openConflicts = open;
            Q_EMIT openConflictsChanged(open);
        }
    });
    connect(m_conflictNotifier, &ConflictNotifier::notification, this,
            [this](const QString &title, const QString &message) { Q_EMIT notification(title, message, true); });
    connect(m_notifier, &RemoteNotifier::notification, this, &MonitorSession::notification);
    connect(m_errorNotifier, &ErrorNotifier::notification, this,
            [this](const QString &title, const QString &message) { Q_EMIT notification(title, message, true); });
}

bool MonitorSession::open(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    Config config;
    QString error;
    if (!ConfigLoader::load(absolute, &config, &error)) {
        fail(error);
        return false;
    }
    // Password references are resolved without blocking: keychain entries through SecretJob
    // (start() follows when they are read), environment variables and files at once.
    if (config.mqtt.passwordRef.kind == SecretRef::Kind::Keychain
        || config.mysql.passwordRef.kind == SecretRef::Kind::Keychain
        || config.postgres.passwordRef.kind == SecretRef::Kind::Keychain
        || config.mysql.transformerPasswordRef.kind == SecretRef::Kind::Keychain)
        Q_EMIT readingSecrets(absolute);
    m_secrets->start(config);
    return true;
}

void MonitorSession::fail(const QString &message)
{
    qCWarning(lcUi).noquote() << message;
    Q_EMIT openFailed(message);
}

void MonitorSession::start(const Config &config)
{
    QSettings().setValue(QLatin1String(kLastConfiguration), config.filePath);
    m_tracker = std::make_unique<SyncStateTracker>();
    for (const QString &remote : config.remoteClients)
        m_tracker->setRemote(remote, false);
    m_clients->setConfiguredRemotes(config.remoteClients);
    Q_EMIT starting(config);
    // A PostgreSQL site's settings ride along (MysqlConfig::postgres): every loader opens its database.
    const MysqlConfig database = config.siteDatabase();
    m_status->setDatabase(database);
    m_conflicts->setDatabase(database);
    m_consistency->setPairs(config.syncTables, config.remoteClients);
    m_consistency->setDatabase(database);
    m_conflictNotifier->reset();
    if (m_openConflicts != -1) {
        m_openConflicts = -1; // the new engine reports its database's count when it connects
        Q_EMIT openConflictsChanged(m_openConflicts);
    }
    m_clients->setDatabase(database);
    m_engine.start(config);
    m_expiry->setConfig(config);
    Q_EMIT stateChanged();
}

QString MonitorSession::lastConfiguration()
{
    return QSettings().value(QLatin1String(kLastConfiguration)).toString();
}

SyncState MonitorSession::state(qint64 nowMs) const
{
    return m_tracker->state(nowMs);
}

SyncState MonitorSession::state() const
{
    return state(QDateTime::currentMSecsSinceEpoch());
}

bool MonitorSession::isPaused() const
{
    return m_engine.isPaused();
}

} // namespace mysqlsync::ui
