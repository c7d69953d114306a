#pragma once
// Makes the outbox reach the disk without making its writer wait for it.
//
// The outbox commits in SQLite's WAL mode with synchronous=NORMAL: a commit survives a
// kill of the process at once, a power cut only once the WAL file is synced. This class
// syncs it on a thread (and connection) of its own, with a checkpoint, which syncs the WAL
// before it copies it into the database file. request(ticket) asks for one; synced(ticket)
// says that everything committed before that request is on the disk. Requests made while
// one runs are answered by the next checkpoint, so the disk sees one sync for many commits.
#include <QObject>
#include <QString>
#include <QThread>

namespace mysqlsync {

class OutboxSyncWorker;

class OutboxSyncer : public QObject {
    Q_OBJECT
public:
    // `filePath`: the outbox's SQLite file; `connectionName`: a name of its own.
    OutboxSyncer(const QString &filePath, const QString &connectionName, QObject *parent = nullptr);
    ~OutboxSyncer() override; // closes the connection, quits and joins the thread

    void request(quint64 ticket);

Q_SIGNALS:
    void synced(quint64 ticket);
    void failed(const QString &error);

private:
    QThread m_thread;
    OutboxSyncWorker *m_worker;
};

} // namespace mysqlsync
