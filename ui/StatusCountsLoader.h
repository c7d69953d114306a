#pragma once
// Counts the pending and error rows of sync_status per remote, on a worker thread through a
// named QMYSQL connection of its own (opened, used and closed on that thread only, as
// SyncStatusLoader does). StatusCountsPoller owns it and asks every few seconds.
#include "config/Config.h"
#include "database/DbConnection.h"

#include <QHash>
#include <QMetaType>
#include <QObject>

namespace mysqlsync::ui {

struct StatusCounts {
    qint64 pending = 0;
    qint64 errors = 0;
    friend bool operator==(const StatusCounts &a, const StatusCounts &b)
    {
        return a.pending == b.pending && a.errors == b.errors;
    }
};
using StatusCountsByRemote = QHash<QString, StatusCounts>;

class StatusCountsLoader : public QObject {
    Q_OBJECT
public:
    explicit StatusCountsLoader(const MysqlConfig &mysql);
    ~StatusCountsLoader() override;

    // Worker-thread slot (call it queued): one query, answered by loaded() or failed().
    void load();

    // SELECT remote, status, COUNT(*) of the pending and error rows, grouped.
    static QString sql();

Q_SIGNALS:
    void loaded(const mysqlsync::ui::StatusCountsByRemote &counts, qint64 elapsedMs);
    void failed(const QString &message);

private:
    DbConnection m_db;
};

} // namespace mysqlsync::ui

Q_DECLARE_METATYPE(mysqlsync::ui::StatusCounts)
