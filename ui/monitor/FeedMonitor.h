#pragma once
// The app's live feed: runs the same FeedService as the daemon for a configuration with a `feed`
// section (the engine is its RowChangeSink), and asks it once a second for a FeedReport (handed
// over between threads, never waiting) for the Feed page's model and summary.
#include "config/Config.h"
#include "feed/FeedReport.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace mysqlsync {
class FeedService;
}

namespace mysqlsync::ui {

class FeedClientsModel;

class FeedMonitor : public QObject {
    Q_OBJECT
public:
    explicit FeedMonitor(QObject *parent = nullptr);
    ~FeedMonitor() override; // stops the feed

    // Stops the previous configuration's feed; starts `config`'s when it has a `feed` section.
    // False with `error` naming the problem (the feed does not run then).
    bool start(const Config &config, QString *error);
    void stop();
    bool isRunning() const { return m_service != nullptr; }
    // The engine's RowChangeSink while a feed runs, else null.
    std::shared_ptr<FeedService> service() const { return m_service; }
    quint16 port() const;

    FeedClientsModel *model() const { return m_model; }
    const FeedReport &lastReport() const { return m_report; }
    // Asks for a report now (it arrives through reported()).
    void refresh();

Q_SIGNALS:
    void reported();       // lastReport() and model() are new
    void runningChanged(); // a feed started or stopped

private:
    void take(const FeedReport &report);

    std::shared_ptr<FeedService> m_service;
    FeedClientsModel *m_model;
    FeedReport m_report;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace mysqlsync::ui
