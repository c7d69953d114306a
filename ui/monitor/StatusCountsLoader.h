#pragma once
// Counts the pending and error rows of sync_status per remote, on a worker thread through a
// named QMYSQL connection of its own (opened, used and closed on that thread only, as
// SyncStatusLoader does). StatusCountsPoller owns it and asks every few seconds.
#include "config/Config.h"
#include "database/DbConnection.h"
#include "database/SyncStatusStore.h"

#include <QObject>

namespace mysqlsync::ui {

class StatusCountsLoader : public QObject {
    Q_OBJECT
public:
    explicit StatusCountsLoader(const MysqlConfig &mysql);
    ~StatusCountsLoader() override;

    // Worker-thread slot (call it queued): one query, answered by loaded() or failed().
    void load();

Q_SIGNALS:
    void loaded(const mysqlsync::StatusCountsByRemote &counts, qint64 elapsedMs);
    void failed(const QString &message);

private:
    DbConnection m_db;
};

} // namespace mysqlsync::ui
