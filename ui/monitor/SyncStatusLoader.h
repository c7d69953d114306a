#pragma once
// Reads pages of sync_status on a worker thread through its own named QMYSQL connection
// (opened, used and closed on that thread only). SyncStatusModel owns it; requests arrive
// as queued calls, answers leave as signals. A request older than the newest one the model
// made (see `latest`) is skipped, so typing in a filter never queues stale queries.
#include "config/Config.h"
#include "database/DbConnection.h"
#include "database/SyncStatusStore.h"

#include <QList>
#include <QObject>

#include <atomic>
#include <memory>

namespace mysqlsync::ui {

class SyncStatusLoader : public QObject {
    Q_OBJECT
public:
    SyncStatusLoader(const MysqlConfig &mysql, std::shared_ptr<const std::atomic<quint64>> latest);
    ~SyncStatusLoader() override;

    // Worker-thread slots (call them queued).
    void loadPage(quint64 generation, const mysqlsync::StatusFilter &filter, bool fromStart,
                  const mysqlsync::StatusRow &after, int limit);
    void countRows(quint64 generation, const mysqlsync::StatusFilter &filter, qint64 limit);

Q_SIGNALS:
    void pageLoaded(quint64 generation, const QList<mysqlsync::StatusRow> &rows, bool atEnd, qint64 elapsedMs);
    void rowsCounted(quint64 generation, qint64 count);
    void failed(quint64 generation, const QString &message);

private:
    bool open(QString *error);
    bool stale(quint64 generation) const { return generation < m_latest->load(); }

    DbConnection m_db;
    std::shared_ptr<const std::atomic<quint64>> m_latest;
};

} // namespace mysqlsync::ui
