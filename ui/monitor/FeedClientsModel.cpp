#include "monitor/FeedClientsModel.h"

namespace mysqlsync::ui {

FeedClientsModel::FeedClientsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void FeedClientsModel::setReport(const FeedReport &report, qint64 nowMs)
{
    const double seconds = m_lastMs > 0 ? double(nowMs - m_lastMs) / 1000.0 : 0.0;
    QHash<quintptr, qint64> sent;
    QHash<quintptr, double> rates;
    for (const FeedClientReport &c : report.clients) {
        sent.insert(c.id, c.sent);
        const auto before = m_lastSent.constFind(c.id);
        if (before != m_lastSent.cend() && seconds > 0)
            rates.insert(c.id, double(c.sent - *before) / seconds);
    }
    beginResetModel();
    m_clients = report.clients;
    m_lastSent = sent;
    m_rates = rates;
    m_lastMs = nowMs;
    endResetModel();
}

void FeedClientsModel::clear()
{
    beginResetModel();
    m_clients.clear();
    m_lastSent.clear();
    m_rates.clear();
    m_lastMs = 0;
    endResetModel();
}

int FeedClientsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_clients.size());
}

int FeedClientsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FeedClientsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_clients.size() || role != Qt::DisplayRole)
        return {};
    const FeedClientReport &c = m_clients.at(index.row());
    switch (index.column()) {
    case User:
        return c.user.isEmpty() ? tr("(not logged in)") : c.user;
    case Address:
        return c.peer;
    case Subscriptions:
        return c.subscriptions.join(QStringLiteral(", "));
    case MessagesPerSecond: {
        const auto rate = m_rates.constFind(c.id);
        return rate == m_rates.cend() ? QStringLiteral("–") : QString::number(*rate, 'f', 1);
    }
    case Dropped:
        return QString::number(c.dropped);
    default:
        return {};
    }
}

QVariant FeedClientsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case User:
        return tr("User");
    case Address:
        return tr("Address");
    case Subscriptions:
        return tr("Subscriptions");
    case MessagesPerSecond:
        return tr("Messages/s");
    case Dropped:
        return tr("Dropped");
    default:
        return {};
    }
}

} // namespace mysqlsync::ui
