#include "ClientsModel.h"

#include <QColor>

namespace mysqlsync::ui {

ClientsModel::ClientsModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &ClientsModel::tick);
    m_ticker.start();
}

void ClientsModel::setConfiguredRemotes(const QStringList &remotes)
{
    beginResetModel();
    m_clients.clear();
    for (const QString &name : remotes) {
        Client c;
        c.name = name;
        c.configured = true;
        m_clients.append(c);
    }
    endResetModel();
}

int ClientsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_clients.size());
}

int ClientsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ClientsModel::countdown(qint64 until) const
{
    if (until <= 0)
        return QString();
    const qint64 left = until - m_clock();
    if (left <= 0)
        return tr("expired");
    return tr("%n s", nullptr, int((left + 999) / 1000));
}

QVariant ClientsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Client &c = m_clients.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: return c.configured ? c.name : tr("%1 (not configured)").arg(c.name);
        case Online: return c.online ? tr("online") : tr("offline");
        case Until: return c.online ? countdown(c.until) : QString();
        case LastHeartbeat:
            return c.lastHeartbeat ? QDateTime::fromMSecsSinceEpoch(c.lastHeartbeat).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                   : tr("never");
        case OutboxDepth: return c.outboxDepth;
        }
    } else if (role == SortRole) {
        switch (index.column()) {
        case Name: return c.name;
        case Online: return c.online;
        case Until: return c.until;
        case LastHeartbeat: return c.lastHeartbeat;
        case OutboxDepth: return c.outboxDepth;
        }
    } else if (role == Qt::ForegroundRole && index.column() == Online) {
        return QColor(c.online ? Qt::darkGreen : Qt::darkRed);
    } else if (role == Qt::TextAlignmentRole && index.column() == OutboxDepth) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant ClientsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Client");
    case Online: return tr("State");
    case Until: return tr("Online for");
    case LastHeartbeat: return tr("Last heartbeat");
    case OutboxDepth: return tr("Outbox");
    }
    return {};
}

int ClientsModel::rowOf(const QString &name)
{
    for (int i = 0; i < m_clients.size(); ++i) {
        if (m_clients.at(i).name == name)
            return i;
    }
    const int row = int(m_clients.size());
    beginInsertRows({}, row, row);
    Client c;
    c.name = name;
    m_clients.append(c);
    endInsertRows();
    return row;
}

void ClientsModel::onRemoteState(const QString &name, bool online, qint64 until)
{
    const int row = rowOf(name);
    Client &c = m_clients[row];
    c.online = online;
    c.until = until;
    if (online)
        c.lastHeartbeat = m_clock(); // the engine reports every heartbeat of an online remote
    Q_EMIT dataChanged(index(row, Name), index(row, LastHeartbeat));
}

void ClientsModel::onOutboxDepth(const QString &remote, int depth)
{
    const int row = rowOf(remote);
    m_clients[row].outboxDepth = depth;
    Q_EMIT dataChanged(index(row, OutboxDepth), index(row, OutboxDepth));
}

void ClientsModel::tick()
{
    if (!m_clients.isEmpty())
        Q_EMIT dataChanged(index(0, Until), index(int(m_clients.size()) - 1, Until), {Qt::DisplayRole});
}

} // namespace mysqlsync::ui
