#include "engine/DigestWorker.h"

#include "common/Logging.h"
#include "database/DbConnection.h"

#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace mysqlsync {

struct DigestWorker::Side {
    std::unique_ptr<DbConnection> db;
    std::atomic<bool> stopping{false};
};

DigestWorker::DigestWorker(const MysqlConfig &config, const QString &connectionName)
    : m_config(config)
    , m_connectionName(connectionName)
    , m_side(std::make_shared<Side>())
{
    m_thread.setObjectName(QStringLiteral("verify"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

DigestWorker::~DigestWorker()
{
    std::shared_ptr<Side> side = m_side;
    side->stopping = true;
    // The connection is closed on the thread that opened it, after the job it may be running.
    QMetaObject::invokeMethod(
        m_context, [side] { side->db.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void DigestWorker::post(Job job)
{
    std::shared_ptr<Side> side = m_side;
    const MysqlConfig config = m_config;
    const QString name = m_connectionName;
    QMetaObject::invokeMethod(
        m_context,
        [side, config, name, job = std::move(job)] {
            if (side->stopping)
                return;
            QString error;
            if (side->db) {
                // A connection the server dropped (restart, idle time-out) is opened again.
                QSqlQuery ping(side->db->db());
                if (!ping.exec(QStringLiteral("SELECT 1"))) {
                    qCInfo(lcDatabase).noquote()
                        << "verify connection lost (" << DbConnection::describe(ping.lastError()) << "): reopening";
                    side->db.reset();
                }
            }
            if (!side->db || !side->db->db().isOpen()) {
                side->db = std::make_unique<DbConnection>(config, name);
                if (!side->db->open(&error)) {
                    side->db.reset();
                    job(QSqlDatabase(), error);
                    return;
                }
            }
            job(side->db->db(), QString());
        },
        Qt::QueuedConnection);
}

} // namespace mysqlsync
