#include "StatusCountsLoader.h"

#include "UiLogging.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QUuid>

namespace mysqlsync::ui {

StatusCountsLoader::StatusCountsLoader(const MysqlConfig &mysql)
    : m_db(mysql, QStringLiteral("sync-ui-counts-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

StatusCountsLoader::~StatusCountsLoader() = default;

QString StatusCountsLoader::sql()
{
    // The engine's index mysql_sync_status_filter (status, remote, ...) answers this.
    return QStringLiteral("SELECT remote, `status`, COUNT(*) FROM sync_status "
                          "WHERE `status` IN ('pending', 'error') GROUP BY remote, `status`");
}

void StatusCountsLoader::load()
{
    QString error;
    if (!m_db.isOpen() && !m_db.open(&error)) {
        Q_EMIT failed(tr("cannot count pending and error rows of sync_status: %1").arg(error));
        return;
    }
    QElapsedTimer timer;
    timer.start();
    QSqlQuery query(m_db.db());
    query.setForwardOnly(true);
    if (!query.exec(sql())) {
        const QString message = DbConnection::describe(query.lastError());
        qCWarning(lcUiStatus).noquote() << "sync_status counts failed:" << message;
        query = QSqlQuery();
        m_db.close(); // reopened by the next request
        Q_EMIT failed(tr("cannot count pending and error rows of sync_status: %1").arg(message));
        return;
    }
    StatusCountsByRemote counts;
    while (query.next()) {
        StatusCounts &c = counts[query.value(0).toString()];
        if (query.value(1).toString() == QLatin1String("pending"))
            c.pending = query.value(2).toLongLong();
        else
            c.errors = query.value(2).toLongLong();
    }
    qCDebug(lcUiStatus) << "pending/error counts of" << counts.size() << "remotes in" << timer.elapsed() << "ms";
    Q_EMIT loaded(counts, timer.elapsed());
}

} // namespace mysqlsync::ui
