#pragma once
// Writes sync_status on a thread and database connection of its own, so that the engine's
// thread goes on capturing, sending and applying while the server takes the rows.
//
// StatusTracker hands over one batch at a time (submit); the writer writes it with
// SyncStatusStore::write and posts the result, which the engine's thread picks up with
// takeResults() when resultsReady() arrives. Batches are written in the order they were
// submitted. The connection is opened on first use with the engine's mysqlConfig (the same
// character set and time zone as the engine's own session) and opened again after it was
// lost; a write that fails on a connection that had been idle is tried once more on a
// fresh one before it is reported as lost.
#include "config/Config.h"
#include "database/SyncStatusStore.h"

#include <QMutex>
#include <QObject>
#include <QThread>

namespace mysqlsync {

class StatusWriteWorker;

struct StatusBatch {
    quint64 ticket = 0;
    QList<StatusUpdate> pending;
    QList<StatusUpdate> receipts;
};

struct StatusWritten {
    quint64 ticket = 0;
    bool connectionLost = false;
    QSqlError error;                 // why, when the connection was lost
    QList<RefusedStatusRow> refused; // rows the server would not take (the others are written)
};

class StatusWriter : public QObject {
    Q_OBJECT
public:
    StatusWriter(const MysqlConfig &config, const QString &connectionName, QObject *parent = nullptr);
    ~StatusWriter() override; // closes the connection on its thread, quits and joins it

    void submit(const StatusBatch &batch);
    // The results posted since the last call, in the order the batches were submitted.
    QList<StatusWritten> takeResults();
    // Blocks until every batch submitted so far is written (or failed).
    void waitUntilIdle();

Q_SIGNALS:
    void resultsReady();

private:
    friend class StatusWriteWorker;
    void post(const StatusWritten &result);

    QThread m_thread;
    StatusWriteWorker *m_worker;
    QMutex m_mutex;
    QList<StatusWritten> m_results;
};

} // namespace mysqlsync
