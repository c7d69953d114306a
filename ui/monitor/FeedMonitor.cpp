#include "monitor/FeedMonitor.h"

#include "feed/FeedService.h"
#include "monitor/FeedClientsModel.h"

#include <algorithm>

namespace mysqlsync::ui {

FeedMonitor::FeedMonitor(QObject *parent)
    : QObject(parent)
    , m_model(new FeedClientsModel(this))
{
    m_clock.start();
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &FeedMonitor::refresh);
}

FeedMonitor::~FeedMonitor()
{
    stop();
    for (const std::shared_ptr<FeedService> &s : m_abandoned)
        s->stop(); // waits for a start still under way (the app is closing)
}

void FeedMonitor::start(const Config &config)
{
    stop();
    if (!config.feed.enabled)
        return;
    m_service = std::make_shared<FeedService>(config);
    setState(State::Starting);
    const quint64 generation = m_generation;
    FeedService *service = m_service.get();
    service->startInBackground(this, [this, generation, service](const QString &error) {
        started(generation, service, error);
    });
}

void FeedMonitor::started(quint64 generation, FeedService *service, const QString &error)
{
    if (generation != m_generation) { // stopped while it started: its start has ended now
        const auto it = std::find_if(m_abandoned.begin(), m_abandoned.end(),
                                     [service](const std::shared_ptr<FeedService> &s) { return s.get() == service; });
        if (it != m_abandoned.end()) {
            (*it)->stop();
            m_abandoned.erase(it);
        }
        return;
    }
    if (!error.isEmpty()) {
        // The engine may hold the service as its sink: stopped, it is only a no-op sink.
        m_service->stop();
        m_service.reset();
        m_error = tr("The live feed cannot start: %1").arg(error);
        setState(State::Failed);
        return;
    }
    m_timer.start();
    refresh();
    setState(State::Running);
}

void FeedMonitor::stop()
{
    ++m_generation;
    m_timer.stop();
    if (m_service) {
        if (m_state == State::Starting)
            m_abandoned.push_back(m_service);
        else // the engine may still hold it as its sink: stopped here, it is only a no-op sink
            m_service->stop();
        m_service.reset();
    }
    m_report = FeedReport();
    m_model->clear();
    m_error.clear();
    setState(State::Off);
}

void FeedMonitor::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

quint16 FeedMonitor::port() const
{
    return m_service ? m_service->port() : 0;
}

void FeedMonitor::refresh()
{
    if (m_service)
        m_service->requestReport(this, [this](const FeedReport &report) { take(report); });
}

void FeedMonitor::take(const FeedReport &report)
{
    if (!m_service)
        return; // a report of a feed stopped since
    m_report = report;
    m_model->setReport(report, m_clock.elapsed());
    Q_EMIT reported();
}

} // namespace mysqlsync::ui
