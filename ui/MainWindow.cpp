#include "MainWindow.h"

#include "BrokerSetupWizard.h"
#include "AsyncSecretResolver.h"
#include "ClientsModel.h"
#include "ClientsPage.h"
#include "ConfigPage.h"
#include "EngineController.h"
#include "ErrorsModel.h"
#include "ErrorNotifier.h"
#include "ErrorsPage.h"
#include "ExpiryBanner.h"
#include "ExpiryWatcher.h"
#include "FirstRunPage.h"
#include "OverviewPage.h"
#include "SettingsDialog.h"
#include "RemoteNotifier.h"
#include "StateIcon.h"
#include "SyncStatusModel.h"
#include "SyncStatusPage.h"
#include "TrayController.h"
#include "TransformersPage.h"
#include "UiLogging.h"
#include "config/Config.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

namespace mysqlsync::ui {

static const char *const kLastConfiguration = "lastConfiguration";

MainWindow::MainWindow(bool trayAvailable, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(new EngineController(this))
    , m_clients(new ClientsModel(this))
    , m_errors(new ErrorsModel(10000, this))
    , m_status(new SyncStatusModel(this))
    , m_tabs(new QTabWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_firstRun(new FirstRunPage(this))
    , m_secrets(new AsyncSecretResolver(this))
    , m_tray(new TrayController(this, trayAvailable, this))
    , m_notifier(new RemoteNotifier(this))
    , m_errorNotifier(new ErrorNotifier(this))
    , m_expiry(new ExpiryWatcher(this))
    , m_tracker(new SyncStateTracker)
{
    setWindowTitle(tr("mysql-sync monitor"));
    m_tabs->setDocumentMode(true); // no frame around the pages: the window is their frame
    m_overview = new OverviewPage(m_tabs);
    m_statusPage = new SyncStatusPage(m_status, m_tabs);
    m_errorsPage = new ErrorsPage(m_errors, m_tabs);
    m_configPage = new ConfigPage(m_tabs);
    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->addTab(new ClientsPage(m_clients, m_tabs), tr("Clients"));
    m_tabs->addTab(m_statusPage, tr("Sync status"));
    m_tabs->addTab(m_errorsPage, tr("Errors && log"));
    m_tabs->addTab(m_configPage, tr("Configuration"));
    m_transformersPage = new TransformersPage(m_tabs);
    m_tabs->addTab(m_transformersPage, tr("Transformers"));
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(m_firstRun);
    setCentralWidget(m_stack);
    m_stateLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_stateLabel);
    buildMenu();
    wireEngine();
    connect(m_configPage, &ConfigPage::applyRequested, this, &MainWindow::openConfiguration);
    connect(m_expiry, &ExpiryWatcher::checked, m_overview->expiryBanner(), &ExpiryBanner::setNotices);
    connect(m_expiry, &ExpiryWatcher::checked, this, [this](const QList<ExpiryNotice> &notices) {
        if (!notices.isEmpty())
            m_tray->notify(tr("Certificate expiry"), ExpiryWatcher::summary(notices));
    });
    connect(m_firstRun, &FirstRunPage::created, this, [this](const QString &path) { openConfiguration(path); });
    connect(m_secrets, &AsyncSecretResolver::finished, this,
            [this](bool ok, const Config &config, const QString &error) {
                if (ok)
                    startEngine(config);
                else
                    reportOpenError(error);
            });
    connect(m_tray, &TrayController::quitRequested, this, &MainWindow::quit);
    connect(m_tray, &TrayController::unavailable, this, [this](const QString &message) {
        statusBar()->showMessage(message, 15000);
    });
    m_tray->activate();
    // The tray keeps the app alive while the window is hidden.
    QApplication::setQuitOnLastWindowClosed(!m_tray->isActive());
    m_stateTimer.setInterval(1000);
    connect(&m_stateTimer, &QTimer::timeout, this, &MainWindow::updateState);
    m_stateTimer.start();
    resize(1000, 680);
    updateState();
}

MainWindow::~MainWindow()
{
    delete m_tracker;
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
    tools->addAction(tr("&Secure broker setup…"), this, &MainWindow::openBrokerSetup)->setObjectName(QStringLiteral("brokerSetupAction"));
}

void MainWindow::wireEngine()
{
    EngineController *e = m_engine;
    connect(e, &EngineController::started, this, [this] {
        m_tracker->setRunning(true);
        m_tracker->setFatal(false);
        m_overview->onEngineRunning(true);
        m_tray->setEngineRunning(true);
        m_status->refresh(); // sync_status exists now (the engine creates it when missing)
        m_clients->refreshCounts();
        m_notifier->start(m_engine->config().remoteClients);
        updateState();
    });
    connect(e, &EngineController::stopped, this, [this] {
        m_tracker->setRunning(false);
        m_overview->onEngineRunning(false);
        m_tray->setEngineRunning(false);
        m_notifier->stop();
        m_errorNotifier->reset();
        updateState();
    });
    connect(e, &EngineController::fatalError, this, [this](const QString &message) {
        m_tracker->setFatal(true);
        m_overview->onFatal(message);
        m_tray->notify(tr("mysql-sync stopped"), message);
        updateState();
    });
    connect(e, &EngineController::pausedChanged, m_overview, &OverviewPage::onPausedChanged);
    connect(e, &EngineController::pausedChanged, m_tray, &TrayController::setPaused);
    connect(e, &EngineController::pausedChanged, this, &MainWindow::updateState);
    connect(m_overview, &OverviewPage::pauseRequested, e, &EngineController::setPaused);
    connect(m_tray, &TrayController::pauseRequested, e, &EngineController::setPaused);
    connect(m_statusPage, &SyncStatusPage::resendRequested, e, &EngineController::resend);
    connect(m_statusPage, &SyncStatusPage::resendErrorsRequested, e, &EngineController::resendErrors);
    connect(e, &EngineController::databaseStateChanged, m_overview, &OverviewPage::onDatabaseState);
    connect(e, &EngineController::brokerStateChanged, m_overview, &OverviewPage::onBrokerState);
    connect(e, &EngineController::databaseStateChanged, this, [this](bool up) {
        m_tracker->setDatabase(up);
        updateState();
    });
    connect(e, &EngineController::brokerStateChanged, this, [this](bool up) {
        m_tracker->setBroker(up);
        updateState();
    });
    connect(e, &EngineController::remoteStateChanged, m_clients, &ClientsModel::onRemoteState);
    connect(e, &EngineController::remoteClockSkew, m_clients, &ClientsModel::onClockSkew);
    connect(e, &EngineController::remoteStateChanged, m_notifier, &RemoteNotifier::onRemoteState);
    connect(m_notifier, &RemoteNotifier::notification, this, &MainWindow::showNotification);
    connect(e, &EngineController::errorOccurred, m_errorNotifier, &ErrorNotifier::onError);
    connect(m_errorNotifier, &ErrorNotifier::notification, this,
            [this](const QString &title, const QString &message) { showNotification(title, message, true); });
    connect(m_overview, &OverviewPage::sendRateChanged, m_clients, &ClientsModel::setSendRate);
    connect(e, &EngineController::remoteStateChanged, this, [this](const QString &name, bool online) {
        m_tracker->setRemote(name, online);
        updateState();
    });
    connect(e, &EngineController::outboxDepthChanged, m_clients, &ClientsModel::onOutboxDepth);
    connect(e, &EngineController::outboxDepthChanged, this, [this](const QString &remote, int depth) {
        m_tracker->setOutboxDepth(remote, depth);
    });
    connect(e, &EngineController::countersChanged, m_overview, &OverviewPage::onCounters);
    connect(e, &EngineController::errorOccurred, m_errors, &ErrorsModel::append);
    connect(e, &EngineController::errorOccurred, m_overview, &OverviewPage::onError);
    connect(e, &EngineController::errorOccurred, this, [this] {
        m_tracker->errorAt(QDateTime::currentMSecsSinceEpoch());
        updateState();
    });
}

void MainWindow::showNotification(const QString &title, const QString &message, bool warning)
{
    if (m_tray->isActive())
        m_tray->notify(title, message, warning);
    else
        statusBar()->showMessage(tr("%1: %2").arg(title, QString(message).replace(QLatin1Char('\n'), QLatin1Char(' '))), 15000);
}

bool MainWindow::openConfiguration(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_stack->setCurrentWidget(m_tabs);
    m_configPage->load(absolute);
    Config config;
    QString error;
    if (!ConfigLoader::load(absolute, &config, &error)) {
        reportOpenError(error);
        return false;
    }
    // Password references are resolved without blocking: keychain entries through SecretJob
    // (startEngine() follows when they are read), environment variables and files at once.
    if (config.mqtt.passwordRef.kind == SecretRef::Kind::Keychain
        || config.mysql.passwordRef.kind == SecretRef::Kind::Keychain)
        statusBar()->showMessage(m_readingMessage = tr("Reading the passwords of %1 from the keychain…").arg(absolute));
    m_secrets->start(config);
    return true;
}

void MainWindow::reportOpenError(const QString &message)
{
    qCWarning(lcUi).noquote() << message;
    m_overview->onFatal(message);
    m_tabs->setCurrentIndex(ConfigurationTab);
    statusBar()->showMessage(message);
    Q_EMIT openFailed(message);
}

void MainWindow::startEngine(const Config &config)
{
    const QString absolute = config.filePath;
    if (!m_readingMessage.isEmpty() && statusBar()->currentMessage() == m_readingMessage)
        statusBar()->clearMessage();
    QSettings().setValue(QLatin1String(kLastConfiguration), absolute);
    delete m_tracker;
    m_tracker = new SyncStateTracker;
    for (const QString &remote : config.remoteClients)
        m_tracker->setRemote(remote, false);
    m_clients->setConfiguredRemotes(config.remoteClients);
    m_overview->setSite(config.clientName, absolute);
    QStringList tables = config.configuredTables();
    tables.sort();
    m_statusPage->setChoices(tables, config.remoteClients);
    m_status->setDatabase(config.mysql);
    m_clients->setDatabase(config.mysql);
    m_transformersPage->setConfiguration(config);
    m_engine->start(config);
    m_expiry->setConfig(config);
    setWindowTitle(tr("%1 — mysql-sync monitor").arg(config.clientName));
    updateState();
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
    return QSettings().value(QLatin1String(kLastConfiguration)).toString();
}

void MainWindow::chooseConfiguration()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open configuration"), QFileInfo(m_configPage->path()).path(),
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
    return m_tracker->state(QDateTime::currentMSecsSinceEpoch());
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
    connect(m_engine, &EngineController::stopped, qApp, &QApplication::quit);
    QTimer::singleShot(15000, qApp, &QApplication::quit); // a stuck goodbye does not keep us
    m_engine->stop();
    hide();
}

} // namespace mysqlsync::ui
