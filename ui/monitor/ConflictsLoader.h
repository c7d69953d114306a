#pragma once
// Reads pages of sync_conflicts (core's ConflictStore) on a worker thread through a named
// QMYSQL connection of its own (opened, used and closed on that thread only, as
// SyncStatusLoader does). ConflictsModel owns it; requests arrive as queued calls, answers
// leave as signals. A request older than the newest one the model made (`latest`) is skipped.
#include "config/Config.h"
#include "database/ConflictStore.h"
#include "database/DbConnection.h"

#include <QList>
#include <QObject>

#include <atomic>
#include <memory>

namespace mysqlsync::ui {

class ConflictsLoader : public QObject {
    Q_OBJECT
public:
    ConflictsLoader(const MysqlConfig &mysql, std::shared_ptr<const std::atomic<quint64>> latest);
    ~ConflictsLoader() override;

    // Worker-thread slot (call it queued): the `limit` newest matching conflicts below
    // `beforeId` (0: from the newest).
    void loadPage(quint64 generation, const mysqlsync::ConflictFilter &filter, qint64 beforeId, int limit);

Q_SIGNALS:
    void pageLoaded(quint64 generation, const QList<mysqlsync::ConflictRecord> &rows, bool atEnd);
    void failed(quint64 generation, const QString &message);

private:
    DbConnection m_db;
    std::shared_ptr<const std::atomic<quint64>> m_latest;
};

} // namespace mysqlsync::ui
