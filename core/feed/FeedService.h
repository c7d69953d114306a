#pragma once
// The live feed of one engine (docs/protocol.md, "Live feed"): runs FeedRuntime on a thread of
// its own and is the engine's RowChangeSink. rowsChanged() only hands the keys over (a queued
// call): the engine never waits for the feed. At most kMaxPending keys wait for the feed's thread;
// beyond that the feed has fallen behind and keys are dropped (and counted). With
// feed.publishStream it also publishes each change its feed resolved on the engine's broker
// connection (FeedStreamMessage), for standalone feed servers; a change that finds the broker
// away is not published (counted in streamLost()).
#include "common/RowChangeSink.h"
#include "config/Config.h"
#include "feed/FeedReport.h"

#include <QMutex>
#include <QSet>
#include <QThread>

#include <atomic>
#include <functional>

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
    // The same without waiting (the desktop app: the feed's database may take its connect
    // timeout to answer): `done` runs on `context`'s thread with an empty string once the feed
    // listens, or the problem (its thread has ended then). Not called when `context` is gone. A
    // stop() meanwhile waits for the start to end.
    void startInBackground(QObject *context, std::function<void(const QString &error)> done);
    void stop();
    // The port the feed listens on (feed.listen's, or the one chosen for port 0); 0 until then.
    quint16 port() const { return m_port.load(); }
    qint64 dropped() const { return m_dropped.load(); }
    // The feed's open WebSocket connections now (any thread; /metrics' mysql_sync_feed_clients).
    int clients() const { return m_clients.load(); }

    qint64 streamLost() const { return m_streamLost.load(); }
    // Asks the feed's thread for a FeedReport and hands it to `done` on `context`'s thread
    // (`context` must outlive this service, or the service be stopped first); never waits.
    // Nothing happens when the feed is not running. Any thread.
    void requestReport(QObject *context, std::function<void(const FeedReport &)> done);

    void rowsChanged(const QList<ChangedRow> &rows) override;
    void brokerChanged(Transport *transport) override;

private:
    Config m_config;
    QSet<QString> m_routed; // fixed after construction: read from any thread
    QThread m_thread;
    std::atomic<FeedRuntime *> m_runtime{nullptr};
    // Calls (rowsChanged, requestReport) between reading m_runtime and posting to it: stop()
    // waits for them to leave before the runtime can go (the app stops a feed while an engine
    // that still holds it as its sink may be reporting changes).
    std::atomic<int> m_callers{0};
    std::atomic<quint16> m_port{0};
    // Guards m_stopping against a start ending on the feed's thread as stop() begins.
    QMutex m_stateMutex;
    bool m_stopping = false;
    std::atomic<int> m_pending{0};
    std::atomic<qint64> m_dropped{0};
    std::atomic<int> m_clients{0};

    // The runtime, made and moved to the started thread (start, startInBackground).
    FeedRuntime *launch();
    // On the feed's thread: starts `runtime`; once it listens, it takes the changes.
    bool begin(FeedRuntime *runtime, QString *error);

    // The stream (feed.publishStream): published from the feed's thread.
    void publishStream(const QByteArray &payload);
    QMutex m_brokerMutex; // held while publishing: the engine's thread waits for it to clear m_broker
    Transport *m_broker = nullptr;
    QString m_streamTopic;
    std::atomic<qint64> m_streamLost{0};
};

} // namespace mysqlsync
