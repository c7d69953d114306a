#pragma once
// The live feed of one engine (docs/protocol.md, "Live feed"): runs FeedRuntime on a thread of
// its own and is the engine's RowChangeSink. rowsChanged() only hands the keys over (a queued
// call): the engine never waits for the feed. At most kMaxPending keys wait for the feed's thread;
// beyond that the feed has fallen behind and keys are dropped (and counted).
#include "common/RowChangeSink.h"
#include "config/Config.h"

#include <QSet>
#include <QThread>

#include <atomic>

namespace mysqlsync {

class FeedRuntime;

class FeedService : public RowChangeSink {
public:
    static constexpr int kMaxPending = 200000;

    explicit FeedService(const Config &config);
    ~FeedService() override;
    FeedService(const FeedService &) = delete;
    FeedService &operator=(const FeedService &) = delete;

    // Starts the thread and the feed on it; waits for it to listen. False with `error`.
    bool start(QString *error);
    void stop();
    // The port the feed listens on (feed.listen's, or the one chosen for port 0).
    quint16 port() const { return m_port; }
    qint64 dropped() const { return m_dropped.load(); }
    // The feed's open WebSocket connections now (any thread; /metrics' mysql_sync_feed_clients).
    int clients() const { return m_clients.load(); }

    void rowsChanged(const QList<ChangedRow> &rows) override;

private:
    Config m_config;
    QSet<QString> m_routed; // fixed after construction: read from any thread
    QThread m_thread;
    std::atomic<FeedRuntime *> m_runtime{nullptr};
    quint16 m_port = 0;
    std::atomic<int> m_pending{0};
    std::atomic<qint64> m_dropped{0};
    std::atomic<int> m_clients{0};
};

} // namespace mysqlsync
