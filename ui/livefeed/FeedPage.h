#pragma once
// The Feed tab: the live feed's WebSocket clients (user, address, subscriptions, messages per
// second, dropped) and what the feed lost, as FeedMonitor last reported them; while the feed
// starts, that it is starting; when it could not, why (FeedMonitor::error()).
#include <QWidget>

class QLabel;
class QTableView;

namespace mysqlsync::ui {

class FeedMonitor;

class FeedPage : public QWidget {
    Q_OBJECT
public:
    explicit FeedPage(FeedMonitor *monitor, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QLabel *summary() const { return m_summary; }
    QLabel *error() const { return m_error; }

private:
    void update();

    FeedMonitor *m_monitor;
    QLabel *m_summary;
    QLabel *m_error;
    QTableView *m_view;
};

} // namespace mysqlsync::ui
