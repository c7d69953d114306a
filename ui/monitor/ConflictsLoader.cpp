#include "monitor/ConflictsLoader.h"

#include "monitor/UiLogging.h"

#include <QElapsedTimer>
#include <QUuid>

namespace mysqlsync::ui {

ConflictsLoader::ConflictsLoader(const MysqlConfig &mysql, std::shared_ptr<const std::atomic<quint64>> latest)
    : m_db(mysql, QStringLiteral("sync-ui-conflicts-") + QUuid::createUuid().toString(QUuid::Id128))
    , m_latest(std::move(latest))
{ }

ConflictsLoader::~ConflictsLoader() = default;

void ConflictsLoader::loadPage(quint64 generation, const ConflictFilter &filter, qint64 beforeId, int limit)
{
    if (generation < m_latest->load())
        return; // a newer request follows
    QString error;
    if (!m_db.isOpen() && !m_db.open(&error)) {
        Q_EMIT failed(generation, error);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    QList<ConflictRecord> rows;
    if (!ConflictStore::readPage(m_db.db(), filter, beforeId, limit, &rows, &error)) {
        qCWarning(lcUiConflicts).noquote() << error;
        m_db.close(); // reopened by the next request
        Q_EMIT failed(generation, error);
        return;
    }
    qCDebug(lcUiConflicts) << "page of" << rows.size() << "conflicts in" << timer.elapsed() << "ms";
    Q_EMIT pageLoaded(generation, rows, rows.size() < limit);
}

} // namespace mysqlsync::ui
