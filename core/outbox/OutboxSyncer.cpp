#include "outbox/OutboxSyncer.h"

#include "common/Logging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

namespace mysqlsync {

// Lives on the syncer's thread; the connection is opened, used and closed there.
class OutboxSyncWorker : public QObject {
    Q_OBJECT
public:
    OutboxSyncWorker(const QString &filePath, const QString &connectionName)
        : m_filePath(filePath)
        , m_connectionName(connectionName)
    { }

    void sync(quint64 ticket)
    {
        if (ticket <= m_done) {
            Q_EMIT synced(m_done); // answered by a checkpoint that started after it was asked
            return;
        }
        const quint64 covered = m_latest; // every request made before this checkpoint starts
        QString error;
        if (!checkpoint(&error)) {
            Q_EMIT failed(error);
            return;
        }
        m_done = covered;
        Q_EMIT synced(covered);
    }

    void close()
    {
        if (!QSqlDatabase::contains(m_connectionName))
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }

    std::atomic<quint64> m_latest{0};

Q_SIGNALS:
    void synced(quint64 ticket);
    void failed(const QString &error);

private:
    bool checkpoint(QString *error)
    {
        if (!QSqlDatabase::contains(m_connectionName)) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
            db.setDatabaseName(m_filePath);
            if (!db.open()) {
                *error =
                    QStringLiteral("outbox %1: cannot open for syncing: %2").arg(m_filePath, db.lastError().text());
                QSqlDatabase::removeDatabase(m_connectionName);
                return false;
            }
            QSqlQuery pragmas(db);
            // A checkpoint syncs with its own connection's setting: the WAL, then the file.
            pragmas.exec(QStringLiteral("PRAGMA synchronous=FULL"));
            pragmas.exec(QStringLiteral("PRAGMA busy_timeout=5000"));
        }
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        // (busy, frames in the WAL, frames checkpointed): a frame not checkpointed may not
        // have been synced either (a reader held it back), so that is no answer yet.
        if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) || !q.next()) {
            *error = QStringLiteral("outbox %1: checkpoint failed: %2").arg(m_filePath, q.lastError().text());
            return false;
        }
        const int frames = q.value(1).toInt();
        const int checkpointed = q.value(2).toInt();
        if (frames >= 0 && checkpointed < frames) {
            *error = QStringLiteral("outbox %1: checkpoint incomplete (%2 of %3 frames)")
                         .arg(m_filePath)
                         .arg(checkpointed)
                         .arg(frames);
            return false;
        }
        return true;
    }

    QString m_filePath;
    QString m_connectionName;
    quint64 m_done = 0;
};

OutboxSyncer::OutboxSyncer(const QString &filePath, const QString &connectionName, QObject *parent)
    : QObject(parent)
    , m_worker(new OutboxSyncWorker(filePath, connectionName))
{
    m_thread.setObjectName(QStringLiteral("outbox-sync"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &OutboxSyncWorker::synced, this, &OutboxSyncer::synced);
    connect(m_worker, &OutboxSyncWorker::failed, this, &OutboxSyncer::failed);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

OutboxSyncer::~OutboxSyncer()
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void OutboxSyncer::request(quint64 ticket)
{
    m_worker->m_latest = qMax(m_worker->m_latest.load(), ticket);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, ticket] { w->sync(ticket); }, Qt::QueuedConnection);
}

} // namespace mysqlsync

#include "OutboxSyncer.moc"
