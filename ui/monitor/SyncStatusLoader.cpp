#include "monitor/SyncStatusLoader.h"

#include "monitor/UiLogging.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QUuid>

namespace mysqlsync::ui {

SyncStatusLoader::SyncStatusLoader(const MysqlConfig &mysql, std::shared_ptr<const std::atomic<quint64>> latest)
    // The engine's own way to open a connection (TLS, character set, time zone included);
    // it is opened, used and closed on the worker thread (the destructor runs there too).
    : m_db(mysql, QStringLiteral("sync-ui-status-") + QUuid::createUuid().toString(QUuid::Id128))
    , m_latest(std::move(latest))
{ }

SyncStatusLoader::~SyncStatusLoader() = default;

bool SyncStatusLoader::open(QString *error)
{
    return m_db.isOpen() || m_db.open(error);
}

void SyncStatusLoader::loadPage(quint64 generation, const StatusFilter &filter, bool fromStart, const StatusRow &after,
                                int limit)
{
    if (stale(generation))
        return;
    QString error;
    if (!open(&error)) {
        Q_EMIT failed(generation, error);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    QList<StatusRow> rows;
    bool atEnd = false;
    QSqlError sqlError;
    if (!SyncStatusStore::readPage(m_db.db(), filter, fromStart ? nullptr : &after, limit, &rows, &atEnd, &sqlError)) {
        const QString message = sqlError.text();
        qCWarning(lcUiStatus).noquote() << "sync_status page failed:" << message;
        m_db.close(); // reopened by the next request
        Q_EMIT failed(generation, tr("cannot read sync_status: %1").arg(message));
        return;
    }
    qCDebug(lcUiStatus) << "page of" << rows.size() << "rows in" << timer.elapsed() << "ms";
    Q_EMIT pageLoaded(generation, rows, atEnd, timer.elapsed());
}

void SyncStatusLoader::countRows(quint64 generation, const StatusFilter &filter, qint64 limit)
{
    if (stale(generation))
        return;
    QString error;
    if (!open(&error)) {
        Q_EMIT failed(generation, error);
        return;
    }
    qint64 count = 0;
    QSqlError sqlError;
    if (!SyncStatusStore::countRows(m_db.db(), filter, limit, &count, &sqlError)) {
        Q_EMIT failed(generation, tr("cannot count sync_status rows: %1").arg(sqlError.text()));
        return;
    }
    Q_EMIT rowsCounted(generation, count);
}

} // namespace mysqlsync::ui
