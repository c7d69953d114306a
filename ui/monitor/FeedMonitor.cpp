#include "monitor/FeedMonitor.h"

#include "feed/FeedService.h"
#include "monitor/FeedClientsModel.h"

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
}

bool FeedMonitor::start(const Config &config, QString *error)
{
    stop();
    if (!config.feed.enabled)
        return true;
    auto service = std::make_shared<FeedService>(config);
    if (!service->start(error))
        return false;
    m_service = service;
    m_timer.start();
    refresh();
    Q_EMIT runningChanged();
    return true;
}

void FeedMonitor::stop()
{
    m_timer.stop();
    if (!m_service)
        return;
    // The engine may still hold the service as its sink: stopped here, it is only a no-op sink.
    m_service->stop();
    m_service.reset();
    m_report = FeedReport();
    m_model->clear();
    Q_EMIT runningChanged();
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
