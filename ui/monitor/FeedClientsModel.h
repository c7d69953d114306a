#pragma once
// The Feed page's table: one row per WebSocket client of the live feed, from the FeedReports
// FeedMonitor receives; messages per second from the difference between two reports.
#include "feed/FeedReport.h"

#include <QAbstractTableModel>
#include <QHash>

namespace mysqlsync::ui {

class FeedClientsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { User, Address, Subscriptions, MessagesPerSecond, Dropped, ColumnCount };

    explicit FeedClientsModel(QObject *parent = nullptr);

    // The clients of `report`, taken at `nowMs` (a monotonic clock).
    void setReport(const FeedReport &report, qint64 nowMs);
    void clear();
    double messagesPerSecond(int row) const { return m_rates.value(m_clients.value(row).id); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<FeedClientReport> m_clients;
    QHash<quintptr, qint64> m_lastSent; // per client: frames sent at the previous report
    QHash<quintptr, double> m_rates;
    qint64 m_lastMs = 0;
};

} // namespace mysqlsync::ui
