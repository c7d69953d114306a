// SyncEngine's database connection: connecting (the catalogue, the triggers, the site's
// identity), reading the catalogue again when a table changed under the engine, and losing and
// regaining the connection with back-off. The rest of SyncEngine is in SyncEngine.cpp.
#include "engine/SyncEngine.h"

#include "common/Logging.h"
#include "database/Catalog.h"
#include "database/DbConnection.h"
#include "database/EngineLock.h"
#include "database/LoadStore.h"
#include "database/MappingCheck.h"
#include "database/Schema.h"
#include "database/ServerCheck.h"
#include "database/VerifyStore.h"
#include "engine/CaptureScheduler.h"
#include "engine/ChangeReceiver.h"
#include "engine/ChangeSender.h"
#include "engine/FlushScheduler.h"
#include "engine/InitialLoader.h"
#include "engine/StatusTracker.h"
#include "outbox/Outbox.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace mysqlsync {

namespace {
constexpr int kMaxReconnectDelayMs = 30000;
constexpr int kCatalogueEveryMs = 1000;   // the catalogue is re-read at most this often
constexpr int kSafetyNetCaptureMs = 1000; // an idle capture woken by notifications looks this often
} // namespace

bool SyncEngine::connectDatabase(const ServerCheck &check, QString *error, bool *fatal)
{
    *fatal = false;
    m_sender->resetStatements();
    m_receiver->resetStatements();
    if (m_loader)
        m_loader->resetStatements();
    if (!m_db->open(error, {}, &check))
        return false;
    const SqlDialect &dialect = m_db->dialect();
    if (!m_applyDb->open(error,
                         {Schema::markApplyingSql(dialect), dialect.lockWaitSql(ChangeReceiver::kLockWaitSeconds),
                          // Each read of a transaction sees what is committed by then: the conflict
                          // check reads table_changes after it has locked the rows (ConflictResolver).
                          dialect.kind() == SqlDialect::Kind::Postgres
                              ? QStringLiteral(
                                  "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED")
                              : QStringLiteral("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")},
                         &check))
        return false;
    m_receiver->setMaxPacket(m_applyDb->maxAllowedPacket());
    QStringList problems;
    if (!Catalog::load(m_db->db(), m_ctx.config.configuredTables(), &m_ctx.tables, &problems)) {
        *error = problems.join(QStringLiteral("; "));
        *fatal = m_db->db().isOpen() && QSqlQuery(m_db->db()).exec(QStringLiteral("SELECT 1"));
        return false;
    }
    // Mapped and filtered columns are checked before any SQL names them.
    problems = MappingCheck::problems(m_ctx.config, m_ctx.tables);
    if (!problems.isEmpty()) {
        *error = problems.join(QStringLiteral("; "));
        *fatal = true;
        return false;
    }
    QList<TriggerPlan> plan;
    if (!Schema::triggerPlan(m_ctx.tables, m_ctx.config.syncTables, &plan, error, dialect)) {
        *fatal = true;
        return false;
    }
    if (!Schema::install(m_db->db(), m_db->isMariaDb(), plan, error)) {
        // A statement the server refused is for the operator; a connection that dropped is retried.
        *fatal = QSqlQuery(m_db->db()).exec(QStringLiteral("SELECT 1"));
        return false;
    }
    if (m_siteId.isEmpty()) {
        if (!Schema::siteIdentity(m_db->db(), &m_siteId, error)) {
            *fatal = QSqlQuery(m_db->db()).exec(QStringLiteral("SELECT 1"));
            return false;
        }
        qCInfo(lcDatabase).noquote() << "site identity" << m_siteId;
        updateAnnouncement();
    }
    bool held = false;
    qint64 holder = 0;
    if (!EngineLock::take(m_db->db(), m_ctx.config.clientName, &held, &holder, error))
        return false; // a connection that dropped: retried
    if (!held)
        qCWarning(lcDatabase).noquote()
            << "another connection (id" << holder << ") of this database holds the engine lock of"
            << m_ctx.config.clientName
            << ": is a second engine of this site running? Two engines of one site send every change twice";
    if (m_db->isPostgres())
        listenForChanges();
    qCInfo(lcDatabase).noquote() << "database" << m_db->description() << "ready (" << m_db->serverVersion() << ")";
    return true;
}

void SyncEngine::listenForChanges()
{
    // The triggers notify at each commit that recorded a change: a capture runs at once. The
    // periodic capture stays, less often, for a notification lost with its connection.
    m_capture->setIdleInterval(0);
    if (!m_listenDb)
        m_listenDb =
            std::make_unique<DbConnection>(m_ctx.config.siteDatabase(), m_db->name() + QStringLiteral("-listen"));
    QString error;
    QSqlDriver *driver = m_listenDb->open(&error) ? m_listenDb->db().driver() : nullptr;
    if (!driver || !driver->subscribeToNotification(Schema::notifyChannel())) {
        qCWarning(lcDatabase).noquote() << "cannot LISTEN on" << Schema::notifyChannel()
                                        << "- changes are found by the periodic capture only:"
                                        << (driver ? DbConnection::describe(driver->lastError()) : error);
        return;
    }
    connect(driver, &QSqlDriver::notification, this, [this](const QString &name) {
        if (name == Schema::notifyChannel() && m_running && m_ctx.databaseUp)
            m_capture->schedule(0);
    });
    m_capture->setIdleInterval(qMax(m_ctx.config.captureIntervalMs, kSafetyNetCaptureMs));
    qCInfo(lcDatabase).noquote() << "capture woken by notifications on" << Schema::notifyChannel();
}

bool SyncEngine::refreshCatalogue(const QString &why)
{
    if (!m_running || !m_ctx.databaseUp)
        return false;
    if (m_catalogueRead.isValid() && !m_catalogueRead.hasExpired(kCatalogueEveryMs))
        return false;
    m_catalogueRead.start();
    qCInfo(lcDatabase).noquote() << "reading the catalogue again:" << why;
    QHash<QString, TableInfo> tables;
    QStringList problems;
    Catalog::load(m_db->db(), m_ctx.config.configuredTables(), &tables, &problems);
    // A table that is gone or lost its primary key keeps what was known of it: its writes
    // and reads fail and say so, and it is read again on the next change of the catalogue.
    for (auto it = tables.cbegin(); it != tables.cend(); ++it) {
        if (it->primaryKey >= 0)
            m_ctx.tables.insert(it.key(), it.value());
    }
    for (const QString &problem : std::as_const(problems)) {
        qCWarning(lcDatabase).noquote() << problem;
        m_ctx.reportError(EngineError::Source::Database, problem);
    }
    m_sender->resetStatements();
    m_receiver->resetStatements();
    // A renamed key column would leave the triggers naming a column that is gone.
    QList<TriggerPlan> plan;
    QString error;
    if (!Schema::triggerPlan(m_ctx.tables, m_ctx.config.syncTables, &plan, &error, m_db->dialect())
        || !Schema::install(m_db->db(), m_db->isMariaDb(), plan, &error)) {
        qCWarning(lcDatabase).noquote() << "the triggers could not be checked again:" << error;
        m_ctx.reportError(EngineError::Source::Database, error);
    }
    return true;
}

void SyncEngine::onDatabaseLost(const QString &reason)
{
    if (!m_ctx.databaseUp)
        return;
    m_ctx.databaseUp = false;
    qCWarning(lcDatabase).noquote() << "database connection lost:" << reason;
    m_ctx.reportError(EngineError::Source::Database, reason);
    Q_EMIT databaseStateChanged(false, reason);
    m_capture->stop();
    m_status->clear();
    m_reconnectDelayMs = 1000;
    m_reconnectTimer.start(m_reconnectDelayMs);
}

void SyncEngine::checkLostOutbox()
{
    // A new outbox on a site whose engine of this version ran before (sync_loads has rows): the
    // queue directory was wiped (or moved), and what it owed may be lost. Every sync table is
    // compared with every remote and repaired. (A site upgraded from an earlier engine has no
    // sync_loads rows yet: its pairs count as synced, as the earlier engine left them.)
    if (!m_outbox->createdNew())
        return;
    QList<LoadState> loads;
    QString error;
    QSqlError sqlError;
    if (!LoadStore::readAll(m_db->db(), &loads, &error, &sqlError)) {
        m_ctx.databaseFailure(sqlError, QStringLiteral("reading sync_loads"));
        return;
    }
    if (loads.isEmpty())
        return; // a new site, or the first start of this version
    const QString why = QStringLiteral("the outbox %1 was created anew although this site has synced before: what "
                                       "it owed may be lost; verifying and repairing every sync table with every "
                                       "remote")
                            .arg(m_outbox->filePath());
    qCWarning(lcEngine).noquote() << why;
    m_ctx.reportError(EngineError::Source::Outbox, why);
    for (const QString &table : std::as_const(m_ctx.config.syncTables)) {
        for (const QString &remote : std::as_const(m_ctx.config.remoteClients)) {
            qint64 id = 0;
            if (!VerifyStore::queue(m_db->db(), table, remote, true, &id, &error, QStringLiteral("recovery")))
                qCWarning(lcEngine).noquote() << error;
        }
    }
}

void SyncEngine::checkDatabase()
{
    // DNS, the TCP connect and the TLS probe run on a thread of their own (database/ServerCheck);
    // this thread connects only to a server that just answered.
    if (!m_running || m_checkingDatabase)
        return;
    m_checkingDatabase = true;
    ServerCheck::start(m_ctx.config.siteDatabase(), this, [this](const ServerCheck &check) {
        m_checkingDatabase = false;
        reconnectDatabase(check);
    });
}

void SyncEngine::reconnectDatabase(const ServerCheck &check)
{
    if (!m_running || m_ctx.databaseUp)
        return;
    QString error = check.message;
    bool fatal = false;
    if (check.state == ServerCheck::State::Answers && connectDatabase(check, &error, &fatal)) {
        m_ctx.databaseUp = true;
        m_reconnectDelayMs = 1000;
        if (!m_databaseWasUp)
            checkLostOutbox();
        qCInfo(lcDatabase).noquote() << (m_databaseWasUp ? "database connection restored" : "database connected");
        m_databaseWasUp = true;
        Q_EMIT databaseStateChanged(true, m_db->description());
        reportConflicts(0);
        rebuildOutbox();
        if (m_loader)
            m_loader->poke();
        m_capture->schedule(0);
        m_capture->resume();
        m_flush->resume();
        return;
    }
    if (fatal) {
        fail(error);
        return;
    }
    qCWarning(lcDatabase).noquote() << error << "- retrying in" << m_reconnectDelayMs / 1000 << "s";
    if (!m_databaseWasUp && !m_databaseReported) {
        m_databaseReported = true; // the first failure at start goes to the error list, later ones to the log
        m_ctx.reportError(EngineError::Source::Database, error);
    }
    Q_EMIT databaseStateChanged(false, error);
    m_reconnectDelayMs = qMin(m_reconnectDelayMs * 2, kMaxReconnectDelayMs);
    m_reconnectTimer.start(m_reconnectDelayMs);
}

} // namespace mysqlsync
