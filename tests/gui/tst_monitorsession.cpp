// MonitorSession against a FakeEngine (no thread, no servers): opening a configuration starts
// the engine with it (or says why not), and the engine's reports reach the Clients and Errors
// models, the SyncState and the notifications; a new configuration resets what the session
// knew of the old one. The database in the configuration listens nowhere (port 1), so the
// Sync status and count loaders fail at once and show nothing.
#include "monitor/ClientsModel.h"
#include "monitor/ConflictNotifier.h"
#include "monitor/ConsistencyModel.h"
#include "monitor/ErrorNotifier.h"
#include "monitor/ErrorsModel.h"
#include "monitor/MonitorSession.h"
#include "monitor/RemoteNotifier.h"
#include "monitor/SyncStatusModel.h"

#include "FakeEngine.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync;
using namespace mysqlsync::ui;
using namespace testsupport;

namespace {

QJsonObject configJson(const QString &self, const QStringList &remotes)
{
    const QJsonObject mqtt{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                           {QStringLiteral("port"), 1},
                           {QStringLiteral("protocol"), QStringLiteral("mqtt")}};
    const QJsonObject mysql{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                            {QStringLiteral("port"), 1},
                            {QStringLiteral("user"), QStringLiteral("nobody")},
                            {QStringLiteral("password"), QStringLiteral("x")},
                            {QStringLiteral("database"), QStringLiteral("nothing")}};
    return {{QStringLiteral("mqttConfig"), mqtt},
            {QStringLiteral("mysqlConfig"), mysql},
            {QStringLiteral("clientName"), self},
            {QStringLiteral("remoteClients"), QJsonArray::fromStringList(remotes)},
            {QStringLiteral("syncTables"), QJsonArray{QStringLiteral("items")}},
            {QStringLiteral("receiveTables"), QJsonArray{QStringLiteral("items")}},
            {QStringLiteral("checkInterval"), 500}};
}

QString writeConfig(const QTemporaryDir &dir, const QString &name, QJsonObject json)
{
    json.insert(QStringLiteral("queueDirectory"), dir.filePath(name + QStringLiteral("-queue")));
    QFile file(dir.filePath(name + QStringLiteral(".json")));
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(QJsonDocument(json).toJson());
    return file.fileName();
}

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

} // namespace

class TestMonitorSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void openStartsTheEngineWithTheConfiguration();
    void postgresSiteIsReadToo();
    void unusableConfigurationIsReportedAndNothingStarts();
    void unreadablePasswordIsReportedAndNothingStarts();
    void reportsDriveTheStateAndTheClients();
    void errorsAreListedCountedAndToldOnce();
    void remoteGoingOfflineIsTold();
    void conflictsAreCountedAndToldOnce();
    void stoppedEngineEndsTheRun();
    void anotherConfigurationResetsTheSession();

private:
    // Opens a configuration for site_a with these remotes and waits for the engine's start.
    bool openSiteA(const QStringList &remotes = {QStringLiteral("site_b"), QStringLiteral("site_c")});

    QTemporaryDir m_dir;
    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<MonitorSession> m_session;
    std::unique_ptr<QAbstractItemModelTester> m_clientsTester;
    std::unique_ptr<QAbstractItemModelTester> m_errorsTester;
};

void TestMonitorSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the "last configuration" setting stays out of the user's
    QVERIFY(m_dir.isValid());
}

void TestMonitorSession::init()
{
    m_engine = std::make_unique<FakeEngine>();
    m_session = std::make_unique<MonitorSession>(*m_engine);
    m_clientsTester =
        std::make_unique<QAbstractItemModelTester>(m_session->clientsModel(),
                                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_errorsTester = std::make_unique<QAbstractItemModelTester>(m_session->errorsModel(),
                                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestMonitorSession::cleanup()
{
    m_clientsTester.reset();
    m_errorsTester.reset();
    m_session.reset();
    m_engine.reset();
}

bool TestMonitorSession::openSiteA(const QStringList &remotes)
{
    const QString path = writeConfig(m_dir, QStringLiteral("site_a"), configJson(QStringLiteral("site_a"), remotes));
    const int before = m_engine->starts.size();
    if (path.isEmpty() || !m_session->open(path))
        return false;
    // Password references resolve asynchronously: the start follows on the event loop.
    return QTest::qWaitFor([&] { return m_engine->starts.size() == before + 1; }, 5000);
}

void TestMonitorSession::openStartsTheEngineWithTheConfiguration()
{
    QSignalSpy starting(m_session.get(), &MonitorSession::starting);
    QSignalSpy failed(m_session.get(), &MonitorSession::openFailed);
    QVERIFY(openSiteA());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(starting.count(), 1);
    const Config &started = m_engine->starts.first();
    QCOMPARE(started.clientName, QStringLiteral("site_a"));
    QCOMPARE(started.remoteClients, QStringList({QStringLiteral("site_b"), QStringLiteral("site_c")}));
    QCOMPARE(started.mysql.password, QStringLiteral("x"));
    QCOMPARE(started.filePath, m_dir.filePath(QStringLiteral("site_a.json")));
    QCOMPARE(MonitorSession::lastConfiguration(), started.filePath);

    // The configured remotes are listed, offline until the engine hears from them.
    const ClientsModel *clients = m_session->clientsModel();
    QCOMPARE(clients->rowCount(), 2);
    QCOMPARE(cell(clients, 0, ClientsModel::Name), QStringLiteral("site_b"));
    QCOMPARE(cell(clients, 0, ClientsModel::Online), QStringLiteral("offline"));
    QCOMPARE(cell(clients, 1, ClientsModel::Name), QStringLiteral("site_c"));
    QCOMPARE(m_session->state(), SyncState::Disconnected);
    QCOMPARE(m_engine->stops, 0);
}

// Issue 17: a PostgreSQL site's file starts the engine with its resolved password, and the
// models that read the database (Consistency here; Sync status, Conflicts and the Clients'
// counts alike) are given its settings rather than an empty mysqlConfig.
void TestMonitorSession::postgresSiteIsReadToo()
{
    const QByteArray variable = "MYSQL_SYNC_TST_MONITORSESSION_PG";
    qputenv(variable.constData(), "pg-secret");
    QJsonObject json = configJson(QStringLiteral("site_a"), {QStringLiteral("site_b")});
    json.remove(QStringLiteral("mysqlConfig"));
    json.insert(QStringLiteral("postgresConfig"),
                QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                            {QStringLiteral("port"), 1},
                            {QStringLiteral("database"), QStringLiteral("nothing")},
                            {QStringLiteral("password"),
                             QJsonObject{{QStringLiteral("env"), QString::fromLatin1(variable)}}}});
    QVERIFY(m_session->open(writeConfig(m_dir, QStringLiteral("pgsite"), json)));
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->starts.size(), 1, 5000);
    const Config &started = m_engine->starts.first();
    QCOMPARE(started.databaseKind, DatabaseKind::Postgres);
    QCOMPARE(started.postgres.password, QStringLiteral("pg-secret"));
    QVERIFY(m_session->consistencyModel()->hasDatabase());
    qunsetenv(variable.constData());
}

void TestMonitorSession::unusableConfigurationIsReportedAndNothingStarts()
{
    QSignalSpy failed(m_session.get(), &MonitorSession::openFailed);
    QVERIFY(!m_session->open(m_dir.filePath(QStringLiteral("missing.json"))));
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("missing.json")),
             qPrintable(failed.first().first().toString()));

    QJsonObject json = configJson(QStringLiteral("site_a"), {QStringLiteral("site_b")});
    json.remove(QStringLiteral("clientName"));
    QVERIFY(!m_session->open(writeConfig(m_dir, QStringLiteral("nameless"), json)));
    QCOMPARE(failed.count(), 2);
    QVERIFY2(failed.last().first().toString().contains(QStringLiteral("clientName")),
             qPrintable(failed.last().first().toString()));
    QCoreApplication::processEvents();
    QVERIFY(m_engine->starts.isEmpty());
}

void TestMonitorSession::unreadablePasswordIsReportedAndNothingStarts()
{
    const QByteArray variable = "MYSQL_SYNC_TST_MONITORSESSION_UNSET";
    qunsetenv(variable.constData());
    QJsonObject json = configJson(QStringLiteral("site_a"), {QStringLiteral("site_b")});
    QJsonObject mysql = json.value(QStringLiteral("mysqlConfig")).toObject();
    mysql.insert(QStringLiteral("password"), QJsonObject{{QStringLiteral("env"), QString::fromLatin1(variable)}});
    json.insert(QStringLiteral("mysqlConfig"), mysql);
    QSignalSpy failed(m_session.get(), &MonitorSession::openFailed);
    QVERIFY(m_session->open(writeConfig(m_dir, QStringLiteral("envpassword"), json)));
    QVERIFY(failed.wait(5000));
    QVERIFY2(failed.first().first().toString().contains(QString::fromLatin1(variable)),
             qPrintable(failed.first().first().toString()));
    QVERIFY(m_engine->starts.isEmpty());
}

void TestMonitorSession::reportsDriveTheStateAndTheClients()
{
    QVERIFY(openSiteA());
    QSignalSpy changed(m_session.get(), &MonitorSession::stateChanged);
    m_engine->reportStarted();
    QCOMPARE(m_session->state(), SyncState::Disconnected); // neither database nor broker yet
    m_engine->reportDatabase(true);
    QCOMPARE(m_session->state(), SyncState::Disconnected);
    m_engine->reportBroker(true);
    QCOMPARE(m_session->state(), SyncState::RemoteOffline);
    QVERIFY(changed.count() >= 3);

    const qint64 until = QDateTime::currentMSecsSinceEpoch() + 60000;
    m_engine->reportRemote(QStringLiteral("site_b"), true, until);
    QCOMPARE(m_session->state(), SyncState::RemoteOffline); // site_c still is
    m_engine->reportRemote(QStringLiteral("site_c"), true, until);
    QCOMPARE(m_session->state(), SyncState::InSync);
    const ClientsModel *clients = m_session->clientsModel();
    QCOMPARE(cell(clients, 0, ClientsModel::Online), QStringLiteral("online"));
    QCOMPARE(cell(clients, 1, ClientsModel::Online), QStringLiteral("online"));
    QVERIFY(cell(clients, 0, ClientsModel::LastHeartbeat) != QStringLiteral("never"));

    // Changes owed to a remote: syncing, and the depth in the Clients view.
    m_engine->reportOutboxDepth(QStringLiteral("site_c"), 12);
    QCOMPARE(m_session->state(), SyncState::Syncing);
    QCOMPARE(clients->index(1, ClientsModel::OutboxDepth).data().toInt(), 12);
    m_engine->reportOutboxDepth(QStringLiteral("site_c"), 0);
    QCOMPARE(m_session->state(), SyncState::InSync);

    // The path each remote is served on, and its rows per message, in the Clients view.
    m_engine->reportRemotePath(QStringLiteral("site_b"), QStringLiteral("batch"), 250);
    m_engine->reportRemotePath(QStringLiteral("site_c"), QStringLiteral("per-row"), 1);
    QCOMPARE(cell(clients, 0, ClientsModel::Path), QStringLiteral("Batch"));
    QCOMPARE(cell(clients, 0, ClientsModel::RowsPerMessage), QLocale().toString(250.0, 'f', 1));
    QVERIFY(!clients->index(0, ClientsModel::Path).data(Qt::ToolTipRole).isValid());
    QCOMPARE(cell(clients, 1, ClientsModel::Path), QStringLiteral("Per-row"));
    QVERIFY(clients->index(1, ClientsModel::Path).data(Qt::ToolTipRole).toString().contains(QStringLiteral("ACL")));
    QCOMPARE(clients->rowCount(), 2);

    Q_EMIT m_engine->remoteClockSkew(QStringLiteral("site_b"), 200);
    QCOMPARE(cell(clients, 0, ClientsModel::ClockSkew), QStringLiteral("none"));

    // Losing the broker disconnects, whatever the remotes said; a fatal error is an error.
    m_engine->reportBroker(false);
    QCOMPARE(m_session->state(), SyncState::Disconnected);
    m_engine->reportBroker(true);
    m_engine->reportPaused(true);
    QVERIFY(m_session->isPaused());
    m_engine->reportFatal(QStringLiteral("table items has no primary key"));
    QCOMPARE(m_session->state(), SyncState::Error);
    QVERIFY(!m_session->isPaused());
}

void TestMonitorSession::errorsAreListedCountedAndToldOnce()
{
    QVERIFY(openSiteA());
    m_engine->reportStarted();
    m_engine->reportDatabase(true);
    m_engine->reportBroker(true);
    m_engine->reportRemote(QStringLiteral("site_b"), true, QDateTime::currentMSecsSinceEpoch() + 60000);
    m_engine->reportRemote(QStringLiteral("site_c"), true, QDateTime::currentMSecsSinceEpoch() + 60000);
    QCOMPARE(m_session->state(), SyncState::InSync);

    QSignalSpy told(m_session.get(), &MonitorSession::notification);
    m_engine->reportError(EngineError::Source::Remote, QStringLiteral("Unknown column \"note\""),
                          QStringLiteral("site_b"), QStringLiteral("items"), QStringLiteral("7"));
    m_engine->reportError(EngineError::Source::Apply, QStringLiteral("Duplicate entry"), QStringLiteral("site_c"),
                          QStringLiteral("items"), QStringLiteral("8"));
    const ErrorsModel *errors = m_session->errorsModel();
    QCOMPARE(errors->rowCount(), 2);
    QCOMPARE(cell(errors, 0, ErrorsModel::Message), QStringLiteral("Unknown column \"note\""));
    QCOMPARE(cell(errors, 0, ErrorsModel::Remote), QStringLiteral("site_b"));
    QCOMPARE(cell(errors, 0, ErrorsModel::Key), QStringLiteral("7"));
    QCOMPARE(cell(errors, 1, ErrorsModel::Source), EngineError::sourceName(EngineError::Source::Apply));
    // The first error is told at once, as a warning; the second waits for the minute to end.
    QCOMPARE(told.count(), 1);
    QVERIFY2(told.first().at(1).toString().contains(QStringLiteral("Unknown column")),
             qPrintable(told.first().at(1).toString()));
    QCOMPARE(told.first().at(2).toBool(), true);
    QVERIFY(m_session->errorNotifier()->nextDueMs() > 0);

    // Errors colour the state for a minute.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(m_session->state(now), SyncState::Error);
    QCOMPARE(m_session->state(now + 61000), SyncState::InSync);
}

void TestMonitorSession::conflictsAreCountedAndToldOnce()
{
    QVERIFY(openSiteA());
    QCOMPARE(m_session->openConflicts(), qint64(-1)); // not known before the engine says
    m_engine->reportStarted();
    QSignalSpy counted(m_session.get(), &MonitorSession::openConflictsChanged);
    QSignalSpy told(m_session.get(), &MonitorSession::notification);
    // The count at connect: nothing detected, nothing told.
    Q_EMIT m_engine->conflictsChanged(2, 0);
    QCOMPARE(m_session->openConflicts(), qint64(2));
    QCOMPARE(counted.count(), 1);
    QCOMPARE(told.count(), 0);
    // Three appear: told at once, as a warning, with the open count.
    Q_EMIT m_engine->conflictsChanged(5, 3);
    QCOMPARE(m_session->openConflicts(), qint64(5));
    QCOMPARE(told.count(), 1);
    const QString message = told.first().at(1).toString();
    QVERIFY2(message.contains(QStringLiteral("3 new conflict")) && message.contains(QStringLiteral("5 open")),
             qPrintable(message));
    QCOMPARE(told.first().at(2).toBool(), true);
    // More within the minute wait for it to end, added up; a settlement says nothing.
    Q_EMIT m_engine->conflictsChanged(6, 1);
    Q_EMIT m_engine->conflictsChanged(4, 0);
    QCOMPARE(told.count(), 1);
    QCOMPARE(m_session->openConflicts(), qint64(4));
    QCOMPARE(counted.count(), 4);
    QVERIFY(m_session->conflictNotifier()->nextDueMs() > 0);
    // Another configuration: the count is unknown again, what waited is not told.
    QVERIFY(openSiteA());
    QCOMPARE(m_session->openConflicts(), qint64(-1));
    QCOMPARE(m_session->conflictNotifier()->nextDueMs(), qint64(-1));
}

void TestMonitorSession::remoteGoingOfflineIsTold()
{
    m_session->remoteNotifier()->setCoalesceMs(0);
    QVERIFY(openSiteA({QStringLiteral("site_b")}));
    QSignalSpy told(m_session.get(), &MonitorSession::notification);
    m_engine->reportStarted();
    // Found online right after the start: that is the start, not news.
    m_engine->reportRemote(QStringLiteral("site_b"), true, QDateTime::currentMSecsSinceEpoch() + 60000);
    m_engine->reportRemote(QStringLiteral("site_x"), true, 0); // not a remote of ours: no news either
    m_engine->reportRemote(QStringLiteral("site_b"), false);
    QTRY_COMPARE_WITH_TIMEOUT(told.count(), 1, 5000);
    QVERIFY2(told.last().at(1).toString().contains(QStringLiteral("site_b")), qPrintable(told.last().at(1).toString()));
    QCOMPARE(told.last().at(2).toBool(), true);         // went offline: a warning
    QCOMPARE(m_session->clientsModel()->rowCount(), 2); // site_x is listed as seen
    QCOMPARE(cell(m_session->clientsModel(), 0, ClientsModel::Online), QStringLiteral("offline"));
}

void TestMonitorSession::stoppedEngineEndsTheRun()
{
    QVERIFY(openSiteA());
    m_engine->reportStarted();
    m_engine->reportDatabase(true);
    m_engine->reportBroker(true);
    m_engine->reportError(EngineError::Source::Database, QStringLiteral("lost"));
    m_engine->reportError(EngineError::Source::Database, QStringLiteral("lost again"));
    QVERIFY(m_session->errorNotifier()->nextDueMs() > 0); // the second waits to be told
    m_engine->reportStopped();
    QCOMPARE(m_session->state(), SyncState::Disconnected);
    QCOMPARE(m_session->errorNotifier()->nextDueMs(), qint64(-1)); // no news of a stopped engine
    QCOMPARE(m_session->errorsModel()->rowCount(), 2);             // the list stays
}

void TestMonitorSession::anotherConfigurationResetsTheSession()
{
    QVERIFY(openSiteA());
    m_engine->reportStarted();
    m_engine->reportDatabase(true);
    m_engine->reportBroker(true);
    m_engine->reportRemote(QStringLiteral("site_x"), true, QDateTime::currentMSecsSinceEpoch() + 60000);
    QCOMPARE(m_session->clientsModel()->rowCount(), 3);

    // The session hands the new configuration to the engine (which restarts); the models
    // and the state forget the old remotes at once.
    QVERIFY(openSiteA({QStringLiteral("site_d")}));
    QCOMPARE(m_engine->starts.size(), 2);
    QCOMPARE(m_engine->starts.last().remoteClients, QStringList{QStringLiteral("site_d")});
    QCOMPARE(m_engine->config().remoteClients, QStringList{QStringLiteral("site_d")});
    QCOMPARE(m_session->clientsModel()->rowCount(), 1);
    QCOMPARE(cell(m_session->clientsModel(), 0, ClientsModel::Name), QStringLiteral("site_d"));
    QCOMPARE(m_session->state(), SyncState::Disconnected); // nothing reported of the new engine yet
}

QTEST_MAIN(TestMonitorSession)
#include "tst_monitorsession.moc"
