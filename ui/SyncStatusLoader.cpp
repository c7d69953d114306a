#include "SyncStatusLoader.h"

#include "UiLogging.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace mysqlsync::ui {

SyncStatusLoader::SyncStatusLoader(const MysqlConfig &mysql, std::shared_ptr<std::atomic<quint64>> latest)
    // The engine's own way to open a connection (TLS, character set, time zone included);
    // it is opened, used and closed on the worker thread (the destructor runs there too).
    : m_db(mysql, QStringLiteral("sync-ui-status-") + QUuid::createUuid().toString(QUuid::Id128))
    , m_latest(std::move(latest))
{
}

SyncStatusLoader::~SyncStatusLoader() = default;

bool SyncStatusLoader::open(QString *error)
{
    return m_db.isOpen() || m_db.open(error);
}

static bool run(QSqlQuery &query, const QString &sql, const QVariantList &binds)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return false;
    for (int i = 0; i < binds.size(); ++i)
        query.bindValue(i, binds.at(i));
    return query.exec();
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
    QVariantList binds;
    const QString sql = SyncStatusQuery::page(filter, fromStart ? nullptr : &after, limit + 1, &binds);
    QSqlQuery query(m_db.db());
    if (!run(query, sql, binds)) {
        const QString message = query.lastError().text();
        qCWarning(lcUiStatus).noquote() << "sync_status page failed:" << message;
        query = QSqlQuery();
        m_db.close(); // reopened by the next request
        Q_EMIT failed(generation, tr("cannot read sync_status: %1").arg(message));
        return;
    }
    QList<StatusRow> rows;
    rows.reserve(limit);
    while (query.next()) {
        if (rows.size() == limit)
            break; // the extra row only tells that more follow
        StatusRow r;
        r.id = query.value(0).toString();
        r.table = query.value(1).toString();
        r.key = query.value(2).toString();
        r.remote = query.value(3).toString();
        r.status = query.value(4).toString();
        r.date = query.value(5).toDateTime();
        r.message = query.value(6).toString();
        rows.append(r);
    }
    const bool atEnd = !query.isValid();
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
    QVariantList binds;
    QSqlQuery query(m_db.db());
    if (!run(query, SyncStatusQuery::count(filter, limit, &binds), binds) || !query.next()) {
        Q_EMIT failed(generation, tr("cannot count sync_status rows: %1").arg(query.lastError().text()));
        return;
    }
    Q_EMIT rowsCounted(generation, query.value(0).toLongLong());
}

} // namespace mysqlsync::ui
