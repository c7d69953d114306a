#include "monitor/StatusCountsLoader.h"

#include "monitor/UiLogging.h"

#include <QElapsedTimer>
#include <QUuid>

namespace mysqlsync::ui {

StatusCountsLoader::StatusCountsLoader(const MysqlConfig &mysql)
    : m_db(mysql, QStringLiteral("sync-ui-counts-") + QUuid::createUuid().toString(QUuid::Id128))
{ }

StatusCountsLoader::~StatusCountsLoader() = default;

void StatusCountsLoader::load()
{
    QString error;
    if (!m_db.isOpen() && !m_db.open(&error)) {
        Q_EMIT failed(tr("cannot count pending and error rows of sync_status: %1").arg(error));
        return;
    }
    QElapsedTimer timer;
    timer.start();
    StatusCountsByRemote counts;
    QSqlError sqlError;
    if (!SyncStatusStore::countsByRemote(m_db.db(), &counts, &sqlError)) {
        const QString message = DbConnection::describe(sqlError);
        qCWarning(lcUiStatus).noquote() << "sync_status counts failed:" << message;
        m_db.close(); // reopened by the next request
        Q_EMIT failed(tr("cannot count pending and error rows of sync_status: %1").arg(message));
        return;
    }
    qCDebug(lcUiStatus) << "pending/error counts of" << counts.size() << "remotes in" << timer.elapsed() << "ms";
    Q_EMIT loaded(counts, timer.elapsed());
}

} // namespace mysqlsync::ui
