#pragma once
// Runs database jobs of verification (row checksums over key ranges, which may take a good
// part of a second each) on a thread and a connection of their own, so that the engine
// thread keeps capturing, sending and applying while a table is compared.
#include "config/Config.h"

#include <QObject>
#include <QSqlDatabase>
#include <QThread>

#include <functional>
#include <memory>

namespace mysqlsync {

class DbConnection;

class DigestWorker {
public:
    // `db` is the open connection, or invalid with `openError` set when it cannot be opened.
    using Job = std::function<void(const QSqlDatabase &db, const QString &openError)>;

    DigestWorker(const MysqlConfig &config, const QString &connectionName);
    ~DigestWorker(); // waits for the running job; queued ones are dropped
    DigestWorker(const DigestWorker &) = delete;
    DigestWorker &operator=(const DigestWorker &) = delete;

    // Runs `job` on the worker thread, after the jobs posted before it. A job hands its result
    // back with QMetaObject::invokeMethod(receiver, …, Qt::QueuedConnection).
    void post(Job job);

private:
    struct Side; // lives on the worker thread: the connection
    MysqlConfig m_config;
    QString m_connectionName;
    QThread m_thread;
    QObject *m_context = nullptr; // on m_thread
    std::shared_ptr<Side> m_side;
};

} // namespace mysqlsync
