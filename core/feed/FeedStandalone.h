#pragma once
// A feed server as a process of its own (mysql-sync feed CONFIG, docs/protocol.md "Live feed",
// "Scale-out"): no state of its own, fed by the broker's feed stream of the site its
// configuration names (FeedStreamReader), serving WebSocket clients as the engine's feed does
// (FeedServer). Its database connection is optional: tokens are looked up there while it is
// reachable; without it only tokens that need no database are accepted.
#include "config/Config.h"

#include <QObject>

#include <memory>

namespace mysqlsync {

class FeedDatabase;
class FeedServer;
class FeedStream;
class FeedStreamReader;

class FeedStandalone : public QObject {
    Q_OBJECT
public:
    explicit FeedStandalone(const Config &config, QObject *parent = nullptr);
    ~FeedStandalone() override;

    // Opens the database (a configuration problem is fatal, an unreachable database is not),
    // listens, and connects to the broker in the background. False with `error`.
    bool start(QString *error);
    quint16 port() const;
    FeedStreamReader *reader() const { return m_reader; }
    FeedServer *server() const { return m_server; }

private:
    Config m_config;
    std::unique_ptr<FeedDatabase> m_db;
    std::unique_ptr<FeedStream> m_stream;
    FeedServer *m_server = nullptr;
    FeedStreamReader *m_reader = nullptr;
};

} // namespace mysqlsync
