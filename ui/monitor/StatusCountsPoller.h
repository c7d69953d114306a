#pragma once
// Asks a StatusCountsLoader (on a thread of its own) for the pending and error counts of
// sync_status per remote every few seconds, never more than one request at a time (a slow
// database does not pile up queries). Switching databases retires the old thread without
// waiting for it on the GUI thread; the destructor joins what is still running.
#include "monitor/RequestGeneration.h"
#include "monitor/StatusCountsLoader.h"
#include "monitor/WorkerThread.h"

#include <QObject>
#include <QTimer>

namespace mysqlsync::ui {

class StatusCountsPoller : public QObject {
    Q_OBJECT
public:
    explicit StatusCountsPoller(QObject *parent = nullptr);
    ~StatusCountsPoller() override;

    // Counts in `mysql`'s database (password resolved) from now on, the first time at once.
    // An empty database name stops polling.
    void setDatabase(const MysqlConfig &mysql);
    void setInterval(int ms) { m_timer.setInterval(ms); }
    // Asks now (unless a request is still running: its answer is as fresh).
    void refresh();

Q_SIGNALS:
    void countsChanged(const mysqlsync::StatusCountsByRemote &counts);
    void failed(const QString &message);

private:
    void retire();
    void onLoaded(const mysqlsync::StatusCountsByRemote &counts);
    void onFailed(const QString &message);

    WorkerThread m_thread{QStringLiteral("sync-ui-counts")};
    StatusCountsLoader *m_loader = nullptr;
    RequestGeneration m_generation; // one per loader: its answers count while it is the current one
    QTimer m_timer;
    bool m_busy = false;
};

} // namespace mysqlsync::ui
