#include "livefeed/FeedPage.h"

#include "monitor/FeedClientsModel.h"
#include "monitor/FeedMonitor.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace mysqlsync::ui {

FeedPage::FeedPage(FeedMonitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_summary(new QLabel(this))
    , m_error(new QLabel(this))
    , m_view(new QTableView(this))
{
    auto *layout = new QVBoxLayout(this);
    m_summary->setObjectName(QStringLiteral("feedSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_error->setObjectName(QStringLiteral("feedError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    layout->addWidget(m_error);
    m_view->setModel(monitor->model());
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->verticalHeader()->hide();
    layout->addWidget(m_view);
    connect(monitor, &FeedMonitor::reported, this, &FeedPage::update);
    connect(monitor, &FeedMonitor::stateChanged, this, &FeedPage::update);
    update();
}

void FeedPage::update()
{
    m_error->setText(m_monitor->error());
    m_error->setVisible(!m_monitor->error().isEmpty());
    switch (m_monitor->state()) {
    case FeedMonitor::State::Off:
        m_summary->setText(tr("The live feed is not running (the configuration has no feed section)."));
        return;
    case FeedMonitor::State::Starting:
        m_summary->setText(tr("The live feed is starting… (connecting to its database, then listening)"));
        return;
    case FeedMonitor::State::Failed:
        m_summary->setText(tr("The live feed is not running."));
        return;
    case FeedMonitor::State::Running:
        break;
    }
    const FeedReport &r = m_monitor->lastReport();
    m_summary->setText(tr("Listening on port %1: %n client(s) connected; %2 dropped for not keeping up; %3 "
                          "change(s) the feed fell too far behind to push; %4 not published on the broker.",
                          nullptr, int(r.clients.size()))
                           .arg(m_monitor->port())
                           .arg(r.droppedClients)
                           .arg(r.droppedChanges)
                           .arg(r.streamLost));
}

} // namespace mysqlsync::ui
