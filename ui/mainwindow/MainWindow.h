#pragma once
// The main window: tabs (Overview, Clients, Sync status, Conflicts, Consistency, Errors & log,
// Configuration, Transformers),
// the tray icon and close-to-tray; a view over a MonitorSession (the open configuration, its
// engine, the models and the state), whose engine is a ThreadedEngine unless one is given.
#include "config/Config.h"
#include "monitor/SyncState.h"

#include <QMainWindow>
#include <QStringList>
#include <QTimer>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace mysqlsync {
class Engine;
}

namespace mysqlsync::ui {

class ClientsModel;
class ConfigPage;
class ConflictsModel;
class ConflictsPage;
class ConsistencyModel;
class ConsistencyPage;
class ExpiryWatcher;
class FeedMonitor;
class FeedPage;
class ErrorsModel;
class ErrorsPage;
class FirstRunPage;
class MonitorSession;
class OverviewPage;
class ErrorNotifier;
class RemoteNotifier;
class SyncStatusModel;
class SyncStatusPage;
class TrayController;
class TransformersPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Tab {
        OverviewTab,
        ClientsTab,
        SyncStatusTab,
        ConflictsTab,
        ConsistencyTab,
        ErrorsTab,
        ConfigurationTab,
        TransformersTab,
        FeedTab // shown only while the configuration has a `feed` section
    };

    // `trayAvailable`: QSystemTrayIcon::isSystemTrayAvailable() unless a test says otherwise.
    explicit MainWindow(bool trayAvailable, QWidget *parent = nullptr);
    // A window over `engine` (tests pass a FakeEngine); it must outlive the window.
    MainWindow(Engine &engine, bool trayAvailable, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads `path`, resolves its password references (keychain entries asynchronously:
    // AsyncSecretResolver), then starts the engine and remembers the file as the last one
    // used. False (and the reason shown) when the file cannot be used; a password that
    // cannot be read is reported later through openFailed().
    bool openConfiguration(const QString &path);
    // Shows the first-run page (no configuration yet); `path`: where it will save.
    void showFirstRun(const QString &path = QString());
    bool isFirstRunShown() const;
    FirstRunPage *firstRunPage() const { return m_firstRun; }
    static QString lastConfiguration();
    // --tab NAME: the tabs' names, in Tab order (overview, …, transformers, feed).
    static QStringList tabNames();
    // Shows the tab `name` names; false when no tab has that name. The Feed tab, hidden until a
    // configuration with a `feed` section starts, is shown when one does; a configuration
    // without one says so in the status bar (and the log) instead.
    bool showTab(const QString &name);

    TrayController *tray() const { return m_tray; }
    QTabWidget *tabs() const { return m_tabs; }
    OverviewPage *overview() const { return m_overview; }
    MonitorSession *session() const { return m_session; }
    ClientsModel *clientsModel() const;
    ErrorsModel *errorsModel() const;
    SyncStatusModel *syncStatusModel() const;
    ConfigPage *configPage() const { return m_configPage; }
    SyncStatusPage *syncStatusPage() const { return m_statusPage; }
    ConflictsModel *conflictsModel() const;
    ConflictsPage *conflictsPage() const { return m_conflictsPage; }
    ConsistencyModel *consistencyModel() const;
    ConsistencyPage *consistencyPage() const { return m_consistencyPage; }
    RemoteNotifier *remoteNotifier() const;
    ErrorNotifier *errorNotifier() const;
    TransformersPage *transformersPage() const { return m_transformersPage; }
    FeedMonitor *feedMonitor() const { return m_feedMonitor; }
    FeedPage *feedPage() const { return m_feedPage; }
    QString stateText() const;
    Engine *engine() const { return m_engine; }
    ExpiryWatcher *expiryWatcher() const;
    SyncState state() const;

Q_SIGNALS:
    // The configuration (or one of its passwords) could not be used; `message` says why.
    void openFailed(const QString &message);

public Q_SLOTS:
    // Tools → Secure broker setup: the wizard, non-modal.
    void openBrokerSetup();
    // Stops the engine (it says goodbye to the broker), then quits the application.
    void quit();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void build(bool trayAvailable);
    void buildMenu();
    void wireEngine();
    void updateState();
    // A desktop notification from the tray, or the status bar where there is no tray.
    void showNotification(const QString &title, const QString &message, bool warning);
    void chooseConfiguration();
    void onStarting(const Config &config);
    void reportNoFeedTab(const QString &path);
    void reportOpenError(const QString &message);

    Engine *m_engine;
    MonitorSession *m_session;
    QTabWidget *m_tabs;
    QStackedWidget *m_stack;
    FirstRunPage *m_firstRun;
    OverviewPage *m_overview;
    SyncStatusPage *m_statusPage;
    ConflictsPage *m_conflictsPage;
    ConsistencyPage *m_consistencyPage;
    ErrorsPage *m_errorsPage;
    ConfigPage *m_configPage;
    TransformersPage *m_transformersPage;
    FeedMonitor *m_feedMonitor = nullptr;
    FeedPage *m_feedPage = nullptr;
    TrayController *m_tray = nullptr;
    QLabel *m_stateLabel;
    QTimer m_stateTimer;
    QString m_readingMessage; // in the status bar while the keychain is read
    QString m_iconName;       // StateIcon::name() of the window icon shown
    int m_wantedTab = -1;     // showTab() of a hidden tab, until a configuration starts
    QString m_startedPath;    // the configuration started last (empty: none yet)
    bool m_quitting = false;
};

} // namespace mysqlsync::ui
