#include "mainwindow/MainWindow.h"

#include "brokersetup/BrokerSetupWizard.h"
#include "clients/ClientsPage.h"
#include "config/Config.h"
#include "configuration/ConfigPage.h"
#include "configuration/FirstRunPage.h"
#include "conflicts/ConflictsPage.h"
#include "consistency/ConsistencyPage.h"
#include "engine/ThreadedEngine.h"
#include "errors/ErrorsPage.h"
#include "feed/FeedService.h"
#include "livefeed/FeedPage.h"
#include "mainwindow/SettingsDialog.h"
#include "mainwindow/StateIcon.h"
#include "mainwindow/TrayController.h"
#include "monitor/ClientsModel.h"
#include "monitor/ConflictsModel.h"
#include "monitor/ConsistencyModel.h"
#include "monitor/ErrorNotifier.h"
#include "monitor/ErrorsModel.h"
#include "monitor/ExpiryWatcher.h"
#include "monitor/FeedMonitor.h"
#include "monitor/MonitorSession.h"
#include "monitor/RemoteNotifier.h"
#include "monitor/SyncStatusModel.h"
#include "monitor/UiLogging.h"
#include "overview/ExpiryBanner.h"
#include "overview/OverviewPage.h"
#include "syncstatus/SyncStatusPage.h"
#include "transformers/TransformersPage.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

#include <utility>

namespace mysqlsync::ui {

namespace {
ThreadedEngine *backgroundEngine(QObject *parent)
{
    auto *engine = new ThreadedEngine(parent);
    engine->setBackgroundPriority(true); // the window keeps the CPU first
    return engine;
}
} // namespace

MainWindow::MainWindow(bool trayAvailable, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(backgroundEngine(this))
    , m_session(new MonitorSession(*m_engine, this))
{
    build(trayAvailable);
}

MainWindow::MainWindow(Engine &engine, bool trayAvailable, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(&engine)
    , m_session(new MonitorSession(engine, this))
{
    build(trayAvailable);
}

MainWindow::~MainWindow() = default;

void MainWindow::build(bool trayAvailable)
{
    m_tabs = new QTabWidget(this);
    m_stack = new QStackedWidget(this);
    m_firstRun = new FirstRunPage(this);
    m_tray = new TrayController(this, trayAvailable, this);
    setWindowTitle(tr("mysql-sync monitor"));
    m_tabs->setDocumentMode(true); // no frame around the pages: the window is their frame
    m_overview = new OverviewPage(m_tabs);
    m_statusPage = new SyncStatusPage(syncStatusModel(), m_tabs);
    m_conflictsPage = new ConflictsPage(conflictsModel(), m_tabs);
    m_consistencyPage = new ConsistencyPage(consistencyModel(), m_tabs);
    m_errorsPage = new ErrorsPage(errorsModel(), m_tabs);
    m_configPage = new ConfigPage(m_tabs);
    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->addTab(new ClientsPage(clientsModel(), m_tabs), tr("Clients"));
    m_tabs->addTab(m_statusPage, tr("Sync status"));
    m_tabs->addTab(m_conflictsPage, tr("Conflicts"));
    m_tabs->addTab(m_consistencyPage, tr("Consistency"));
    m_tabs->addTab(m_errorsPage, tr("Errors && log"));
    m_tabs->addTab(m_configPage, tr("Configuration"));
    m_transformersPage = new TransformersPage(m_tabs);
    m_tabs->addTab(m_transformersPage, tr("Transformers"));
    m_feedMonitor = new FeedMonitor(this);
    m_feedPage = new FeedPage(m_feedMonitor, m_tabs);
    m_tabs->addTab(m_feedPage, tr("Feed"));
    m_tabs->setTabVisible(FeedTab, false);
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(m_firstRun);
    setCentralWidget(m_stack);
    m_stateLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_stateLabel);
    buildMenu();
    wireEngine();
    connect(m_configPage, &ConfigPage::applyRequested, this, &MainWindow::openConfiguration);
    ExpiryWatcher *expiry = expiryWatcher();
    connect(expiry, &ExpiryWatcher::checked, m_overview->expiryBanner(), &ExpiryBanner::setNotices);
    connect(expiry, &ExpiryWatcher::checked, this, [this](const QList<ExpiryNotice> &notices) {
        if (!notices.isEmpty())
            m_tray->notify(tr("Certificate expiry"), ExpiryWatcher::summary(notices));
    });
    connect(m_firstRun, &FirstRunPage::created, this, [this](const QString &path) { openConfiguration(path); });
    connect(m_session, &MonitorSession::readingSecrets, this, [this](const QString &path) {
        statusBar()->showMessage(m_readingMessage = tr("Reading the passwords of %1 from the keychain…").arg(path));
    });
    connect(m_session, &MonitorSession::openFailed, this, &MainWindow::reportOpenError);
    connect(m_session, &MonitorSession::starting, this, &MainWindow::onStarting);
    connect(m_session, &MonitorSession::stateChanged, this, &MainWindow::updateState);
    connect(m_session, &MonitorSession::notification, this, &MainWindow::showNotification);
    connect(m_tray, &TrayController::quitRequested, this, &MainWindow::quit);
    connect(m_tray, &TrayController::unavailable, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    m_tray->activate();
    // The tray keeps the app alive while the window is hidden.
    QApplication::setQuitOnLastWindowClosed(!m_tray->isActive());
    m_stateTimer.setInterval(1000);
    connect(&m_stateTimer, &QTimer::timeout, this, &MainWindow::updateState);
    m_stateTimer.start();
    resize(1000, 680);
    updateState();
}

ClientsModel *MainWindow::clientsModel() const
{
    return m_session->clientsModel();
}

ErrorsModel *MainWindow::errorsModel() const
{
    return m_session->errorsModel();
}

SyncStatusModel *MainWindow::syncStatusModel() const
{
    return m_session->syncStatusModel();
}

ConflictsModel *MainWindow::conflictsModel() const
{
    return m_session->conflictsModel();
}

ConsistencyModel *MainWindow::consistencyModel() const
{
    return m_session->consistencyModel();
}

RemoteNotifier *MainWindow::remoteNotifier() const
{
    return m_session->remoteNotifier();
}

ErrorNotifier *MainWindow::errorNotifier() const
{
    return m_session->errorNotifier();
}

ExpiryWatcher *MainWindow::expiryWatcher() const
{
    return m_session->expiryWatcher();
}

void MainWindow::buildMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open configuration…"), QKeySequence::Open, this, &MainWindow::chooseConfiguration);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &MainWindow::quit);
    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(tr("&Preferences…"), QKeySequence::Preferences, this,
                        [this] { SettingsDialog(Autostart(), this).exec(); });
    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(tr("&Secure broker setup…"), this, &MainWindow::openBrokerSetup)
        ->setObjectName(QStringLiteral("brokerSetupAction"));
}

// The session keeps the models and the state; the pages and the tray show the engine's reports
// and send its commands.
void MainWindow::wireEngine()
{
    Engine *e = m_engine;
    connect(e, &Engine::started, this, [this] {
        m_overview->onEngineRunning(true);
        m_tray->setEngineRunning(true);
        updateState();
    });
    connect(e, &Engine::stopped, this, [this] {
        m_overview->onEngineRunning(false);
        m_tray->setEngineRunning(false);
        updateState();
    });
    connect(e, &Engine::fatalError, this, [this](const QString &message) {
        m_overview->onFatal(message);
        m_tray->notify(tr("mysql-sync stopped"), message);
        updateState();
    });
    connect(e, &Engine::pausedChanged, m_overview, &OverviewPage::onPausedChanged);
    connect(e, &Engine::pausedChanged, m_tray, &TrayController::setPaused);
    connect(e, &Engine::databaseStateChanged, m_overview, &OverviewPage::onDatabaseState);
    connect(e, &Engine::brokerStateChanged, m_overview, &OverviewPage::onBrokerState);
    connect(e, &Engine::countersChanged, m_overview, &OverviewPage::onCounters);
    connect(e, &Engine::errorOccurred, m_overview, &OverviewPage::onError);
    connect(m_overview, &OverviewPage::pauseRequested, e, &Engine::setPaused);
    connect(m_tray, &TrayController::pauseRequested, e, &Engine::setPaused);
    connect(m_statusPage, &SyncStatusPage::resendRequested, e, &Engine::resend);
    connect(m_statusPage, &SyncStatusPage::resendErrorsRequested, e, &Engine::resendErrors);
    connect(m_overview, &OverviewPage::sendRateChanged, clientsModel(), &ClientsModel::setSendRate);
    connect(m_conflictsPage, &ConflictsPage::settleRequested, e, &Engine::settleConflict);
    connect(m_session, &MonitorSession::openConflictsChanged, m_overview, &OverviewPage::onOpenConflicts);
    connect(m_overview, &OverviewPage::conflictsRequested, this, [this] { m_tabs->setCurrentIndex(ConflictsTab); });
}

void MainWindow::showNotification(const QString &title, const QString &message, bool warning)
{
    if (m_tray->isActive())
        m_tray->notify(title, message, warning);
    else
        statusBar()->showMessage(tr("%1: %2").arg(title, QString(message).replace(QLatin1Char('\n'), QLatin1Char(' '))),
                                 15000);
}

bool MainWindow::openConfiguration(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_stack->setCurrentWidget(m_tabs);
    m_configPage->load(absolute);
    return m_session->open(absolute);
}

void MainWindow::reportOpenError(const QString &message)
{
    m_overview->onFatal(message);
    m_tabs->setCurrentIndex(ConfigurationTab);
    statusBar()->showMessage(message);
    Q_EMIT openFailed(message);
}

void MainWindow::onStarting(const Config &config)
{
    if (!m_readingMessage.isEmpty() && statusBar()->currentMessage() == m_readingMessage)
        statusBar()->clearMessage();
    m_overview->setSite(config.clientName, config.filePath);
    QStringList tables = config.configuredTables();
    tables.sort();
    m_statusPage->setChoices(tables, config.remoteClients);
    QStringList bidirectional;
    for (const QString &t : std::as_const(tables)) {
        if (config.isBidirectional(t))
            bidirectional << t; // conflicts arise only there
    }
    m_conflictsPage->setChoices(bidirectional, config.remoteClients);
    m_transformersPage->setConfiguration(config);
    // The same live feed as the daemon's, fed by the engine about to start; it starts in the
    // background (the Feed tab says "starting…", then how it went).
    m_feedMonitor->start(config);
    if (auto *threaded = qobject_cast<ThreadedEngine *>(m_engine))
        threaded->setRowChangeSink(m_feedMonitor->service());
    m_tabs->setTabVisible(FeedTab, config.feed.enabled);
    m_startedPath = config.filePath;
    if (m_wantedTab >= 0) {
        const int wanted = std::exchange(m_wantedTab, -1);
        if (m_tabs->isTabVisible(wanted))
            m_tabs->setCurrentIndex(wanted);
        else
            reportNoFeedTab(config.filePath);
    }
    setWindowTitle(tr("%1 — mysql-sync monitor").arg(config.clientName));
}

QStringList MainWindow::tabNames()
{
    return {QStringLiteral("overview"),      QStringLiteral("clients"),      QStringLiteral("status"),
            QStringLiteral("conflicts"),     QStringLiteral("consistency"),  QStringLiteral("errors"),
            QStringLiteral("configuration"), QStringLiteral("transformers"), QStringLiteral("feed")};
}

bool MainWindow::showTab(const QString &name)
{
    const int index = int(tabNames().indexOf(name));
    if (index < 0)
        return false;
    if (m_tabs->isTabVisible(index))
        m_tabs->setCurrentIndex(index);
    else if (m_startedPath.isEmpty())
        m_wantedTab = index; // the Feed tab: known once the configuration starts (onStarting)
    else
        reportNoFeedTab(m_startedPath);
    return true;
}

void MainWindow::reportNoFeedTab(const QString &path)
{
    const QString message = tr("There is no Feed tab: %1 has no feed section (the live feed is set up on the "
                               "Configuration tab, \"Live feed\").")
                                .arg(QDir::toNativeSeparators(path));
    qCWarning(lcUi).noquote() << message;
    statusBar()->showMessage(message);
}

void MainWindow::showFirstRun(const QString &path)
{
    if (!path.isEmpty())
        m_firstRun->setTargetPath(path);
    m_stack->setCurrentWidget(m_firstRun);
}

bool MainWindow::isFirstRunShown() const
{
    return m_stack->currentWidget() == m_firstRun;
}

QString MainWindow::lastConfiguration()
{
    return MonitorSession::lastConfiguration();
}

void MainWindow::chooseConfiguration()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open configuration"), QFileInfo(m_configPage->path()).path(),
                                     tr("Configuration files (*.json)"));
    if (!path.isEmpty())
        openConfiguration(path);
}

void MainWindow::openBrokerSetup()
{
    auto *wizard = new BrokerSetupWizard(this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->show();
}

SyncState MainWindow::state() const
{
    return m_session->state();
}

QString MainWindow::stateText() const
{
    return m_stateLabel->text();
}

void MainWindow::updateState()
{
    const SyncState s = state();
    const bool paused = m_engine->isPaused();
    m_tray->setState(s, paused ? tr("%1 (paused)").arg(m_engine->config().clientName) : m_engine->config().clientName);
    // Only on a change: a new window icon is an event for every widget of the window.
    const QString icon = StateIcon::name(s, paused);
    if (icon != m_iconName) {
        m_iconName = icon;
        setWindowIcon(StateIcon::icon(s, paused));
    }
    m_stateLabel->setText(paused ? tr("%1 — paused").arg(syncStateText(s)) : syncStateText(s));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_tray->isActive() && !m_quitting) {
        hide(); // sync keeps running; the tray brings the window back
        event->ignore();
        return;
    }
    event->accept();
    if (!m_tray->isActive())
        quit();
}

void MainWindow::quit()
{
    if (m_quitting)
        return;
    m_quitting = true;
    qCInfo(lcUi) << "quitting";
    if (!m_engine->isRunning()) {
        QApplication::quit();
        return;
    }
    connect(m_engine, &Engine::stopped, qApp, &QApplication::quit);
    QTimer::singleShot(15000, qApp, &QApplication::quit); // a stuck goodbye does not keep us
    m_engine->stop();
    hide();
}

} // namespace mysqlsync::ui
