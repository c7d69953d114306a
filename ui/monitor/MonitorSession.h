#pragma once
// The desktop app without its widgets: one open configuration and its engine. open() loads the
// file, resolves its password references (AsyncSecretResolver: the keychain without blocking),
// then starts the engine. The session owns what is derived from the engine's reports: the
// Clients, Errors, Sync status, Conflicts and Consistency models, the notifiers that decide
// what to tell the user, the certificate expiry watcher and the one-word SyncState. It depends on the Engine interface
// only: the app passes a ThreadedEngine, tests a FakeEngine. Views (MainWindow) read the models
// and state from here, show what the session says, and send commands to engine().
#include "config/Config.h"
#include "monitor/SyncState.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace mysqlsync {
class Engine;
}

namespace mysqlsync::ui {

class AsyncSecretResolver;
class ClientsModel;
class ConflictNotifier;
class ConflictsModel;
class ConsistencyModel;
class ErrorNotifier;
class ErrorsModel;
class ExpiryWatcher;
class RemoteNotifier;
class SyncStatusModel;

class MonitorSession : public QObject {
    Q_OBJECT
public:
    explicit MonitorSession(Engine &engine, QObject *parent = nullptr);
    ~MonitorSession() override;

    // Loads `path`, resolves its password references, then start()s it. False when the file
    // cannot be used (openFailed() says why, at once); a password that cannot be read is
    // reported later through openFailed(). Keychain reads announce themselves (readingSecrets()).
    bool open(const QString &path);
    // Starts the engine on `config` (passwords resolved), resets what the models and the state
    // knew of the previous one, remembers the file as the last one used.
    void start(const Config &config);
    // The configuration file last started (QSettings), empty when none.
    static QString lastConfiguration();

    Engine &engine() const { return m_engine; }
    ClientsModel *clientsModel() const { return m_clients; }
    ErrorsModel *errorsModel() const { return m_errors; }
    SyncStatusModel *syncStatusModel() const { return m_status; }
    ConflictsModel *conflictsModel() const { return m_conflicts; }
    ConflictNotifier *conflictNotifier() const { return m_conflictNotifier; }
    // The Consistency tab's rows: every sync table against every remote.
    ConsistencyModel *consistencyModel() const { return m_consistency; }
    // The open conflicts of sync_conflicts as the engine last reported them (conflictsChanged),
    // -1 before its first report for this configuration.
    qint64 openConflicts() const { return m_openConflicts; }
    RemoteNotifier *remoteNotifier() const { return m_notifier; }
    ErrorNotifier *errorNotifier() const { return m_errorNotifier; }
    ExpiryWatcher *expiryWatcher() const { return m_expiry; }
    AsyncSecretResolver *secretResolver() const { return m_secrets; }
    // The state at `nowMs` (errors count for a minute after they happened).
    SyncState state(qint64 nowMs) const;
    SyncState state() const;
    bool isPaused() const;

Q_SIGNALS:
    // Password references of `path` are being read from the keychain.
    void readingSecrets(const QString &path);
    // The configuration (or one of its passwords) could not be used; `message` says why.
    void openFailed(const QString &message);
    // `config` is about to start: the models are reset for its remotes; views show its site.
    void starting(const mysqlsync::Config &config);
    // What state() returns may have changed.
    void stateChanged();
    // openConflicts() changed.
    void openConflictsChanged(qint64 open);
    // Something to tell the user (a remote offline or back, errors); `warning`: bad news.
    void notification(const QString &title, const QString &message, bool warning);

private:
    void wire();
    void fail(const QString &message);

    Engine &m_engine;
    ClientsModel *m_clients;
    ErrorsModel *m_errors;
    SyncStatusModel *m_status;
    ConflictsModel *m_conflicts;
    ConflictNotifier *m_conflictNotifier;
    ConsistencyModel *m_consistency;
    QTimer m_conflictsRefresh; // coalesces the inbox's reloads after conflictsChanged
    qint64 m_openConflicts = -1;
    AsyncSecretResolver *m_secrets;
    RemoteNotifier *m_notifier;
    ErrorNotifier *m_errorNotifier;
    ExpiryWatcher *m_expiry;
    std::unique_ptr<SyncStateTracker> m_tracker;
};

} // namespace mysqlsync::ui
