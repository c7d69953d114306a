#pragma once
// The feed's objects on the feed's thread: its database connection, the push stream and the
// server. Turns the keys the engine reports into changes (the rows read on the feed's own
// connection) for the stream.
#include "common/RowChangeSink.h"
#include "config/Config.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <memory>

namespace mysqlsync {

class FeedDatabase;
class FeedServer;
class FeedStream;

class FeedRuntime : public QObject {
    Q_OBJECT
public:
    explicit FeedRuntime(const Config &config, QObject *parent = nullptr);
    ~FeedRuntime() override;

    // Opens the database, checks the catalogue, primes the owner cache, listens. False with
    // `error` naming the problem.
    bool start(QString *error);
    // feed.publishStream: each change the stream resolved is encoded and handed to `publish`
    // (on this thread). Call before start().
    void setStreamPublisher(std::function<void(const QByteArray &payload)> publish);
    quint16 port() const;
    FeedStream *stream() const { return m_stream.get(); }
    FeedServer *server() const { return m_server; }

    // The rows of routed tables that changed (their current state is read now).
    void rowsChanged(const QList<ChangedRow> &rows);

Q_SIGNALS:
    // The feed's open WebSocket connections (FeedServer::clientsChanged), on the feed's thread.
    void clientsChanged(int count);

private:
    Config m_config;
    std::unique_ptr<FeedDatabase> m_db;
    std::unique_ptr<FeedStream> m_stream;
    FeedServer *m_server = nullptr;
    QElapsedTimer m_lastWarning;
};

} // namespace mysqlsync
