#pragma once
// The app's live feed: runs the same FeedService as the daemon for a configuration with a `feed`
// section (the engine is its RowChangeSink), started in the background (its database may take
// its connect timeout to answer; the window never waits for it), and asks it once a second for
// a FeedReport (handed over between threads, never waiting) for the Feed page's model and
// summary.
#include "config/Config.h"
#include "feed/FeedReport.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace mysqlsync {
class FeedService;
}

namespace mysqlsync::ui {

class FeedClientsModel;

class FeedMonitor : public QObject {
    Q_OBJECT
public:
    enum class State {
        Off,      // no feed section (or stopped)
        Starting, // connecting to its database, then listening
        Running,
        Failed // error() says why
    };

    explicit FeedMonitor(QObject *parent = nullptr);
    ~FeedMonitor() override; // stops the feed

    // Stops the previous configuration's feed; starts `config`'s when it has a `feed` section,
    // without waiting: Starting, then Running or Failed (stateChanged()).
    void start(const Config &config);
    void stop();
    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    // Why the feed could not start (Failed), else empty.
    QString error() const { return m_error; }
    // The engine's RowChangeSink while a feed starts or runs, else null.
    std::shared_ptr<FeedService> service() const { return m_service; }
    quint16 port() const;

    FeedClientsModel *model() const { return m_model; }
    const FeedReport &lastReport() const { return m_report; }
    // Asks for a report now (it arrives through reported()).
    void refresh();

Q_SIGNALS:
    void reported();     // lastReport() and model() are new
    void stateChanged(); // a feed started, failed or stopped

private:
    void started(quint64 generation, FeedService *service, const QString &error);
    void setState(State state);
    void take(const FeedReport &report);

    std::shared_ptr<FeedService> m_service;
    // Feeds stopped while they were starting: stopping one then would wait for its database's
    // answer, so each is stopped once its start has ended (or when the monitor goes).
    std::vector<std::shared_ptr<FeedService>> m_abandoned;
    quint64 m_generation = 0; // of the current start: a start that ends later counts only if current
    State m_state = State::Off;
    QString m_error;
    FeedClientsModel *m_model;
    FeedReport m_report;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace mysqlsync::ui
