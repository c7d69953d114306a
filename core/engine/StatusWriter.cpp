#include "engine/StatusWriter.h"

#include "database/DbConnection.h"

#include <QMutexLocker>

#include <memory>

namespace mysqlsync {

// Lives on the writer's thread: the connection is opened, used and closed there.
class StatusWriteWorker : public QObject {
public:
    StatusWriteWorker(StatusWriter *owner, const MysqlConfig &config, const QString &connectionName)
        : m_owner(owner)
        , m_config(config)
        , m_connectionName(connectionName)
    { }

    void write(const StatusBatch &batch)
    {
        StatusWritten result;
        result.ticket = batch.ticket;
        // A connection that was open before this batch may have died while idle (the server
        // restarted, a wait_timeout): one more try on a fresh one before it counts as lost.
        const bool wasOpen = m_connection && m_connection->isOpen();
        for (int attempt = 0; attempt < (wasOpen ? 2 : 1); ++attempt) {
            result.refused.clear();
            QString problem;
            if (!ensureOpen(&problem)) {
                result.connectionLost = true;
                result.error = QSqlError(QStringLiteral("cannot open the sync_status connection"), problem,
                                         QSqlError::ConnectionError);
                break;
            }
            if (SyncStatusStore::write(m_connection->db(), batch.pending, batch.receipts, &result.refused,
                                       &result.error)) {
                result.connectionLost = false;
                break;
            }
            result.connectionLost = true;
            m_connection.reset();
        }
        m_owner->post(result);
    }

    void close() { m_connection.reset(); }

private:
    bool ensureOpen(QString *problem)
    {
        if (m_connection && m_connection->isOpen())
            return true;
        m_connection = std::make_unique<DbConnection>(m_config, m_connectionName);
        if (m_connection->open(problem))
            return true;
        m_connection.reset();
        return false;
    }

    StatusWriter *m_owner;
    MysqlConfig m_config;
    QString m_connectionName;
    std::unique_ptr<DbConnection> m_connection;
};

StatusWriter::StatusWriter(const MysqlConfig &config, const QString &connectionName, QObject *parent)
    : QObject(parent)
    , m_worker(new StatusWriteWorker(this, config, connectionName))
{
    m_thread.setObjectName(QStringLiteral("mysql-sync status writer"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

StatusWriter::~StatusWriter()
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void StatusWriter::submit(const StatusBatch &batch)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, batch] { w->write(batch); }, Qt::QueuedConnection);
}

void StatusWriter::waitUntilIdle()
{
    // Queued calls run in order: this one runs after every batch submitted before it.
    QMetaObject::invokeMethod(
        m_worker, [] {}, Qt::BlockingQueuedConnection);
}

QList<StatusWritten> StatusWriter::takeResults()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_results, {});
}

void StatusWriter::post(const StatusWritten &result)
{
    {
        QMutexLocker lock(&m_mutex);
        m_results.append(result);
    }
    Q_EMIT resultsReady();
}

} // namespace mysqlsync
