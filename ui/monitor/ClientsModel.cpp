#include "monitor/ClientsModel.h"

#include "engine/RemotePaths.h"
#include "monitor/StatusCountsPoller.h"

#include <QColor>
#include <QLocale>

#include <cmath>
#include <limits>

namespace mysqlsync::ui {

// The engine's names of the paths, as remotePathChanged reports them.
static QString batchPath()
{
    return RemotePaths::name(RemotePaths::Path::Batch);
}
static QString perRowPath()
{
    return RemotePaths::name(RemotePaths::Path::PerRow);
}

ClientsModel::ClientsModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_poller(new StatusCountsPoller(this))
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &ClientsModel::tick);
    m_ticker.start();
    connect(m_poller, &StatusCountsPoller::countsChanged, this, &ClientsModel::setStatusCounts);
    connect(m_poller, &StatusCountsPoller::failed, this, &ClientsModel::countsFailed);
}

ClientsModel::~ClientsModel() = default;

void ClientsModel::setDatabase(const MysqlConfig &mysql)
{
    m_countsKnown = false;
    m_counts.clear();
    columnChanged(Pending);
    columnChanged(Errors);
    m_poller->setDatabase(mysql);
}

void ClientsModel::refreshCounts()
{
    m_poller->refresh();
}

void ClientsModel::setConfiguredRemotes(const QStringList &remotes)
{
    beginResetModel();
    m_clients.clear();
    m_countsKnown = false; // another configuration: counts come with its database
    m_counts.clear();
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
        case Name:
            return c.configured ? c.name : tr("%1 (not configured)").arg(c.name);
        case Online:
            return c.online ? tr("online") : tr("offline");
        case Until:
            return c.online ? countdown(c.until) : QString();
        case LastHeartbeat:
            return c.lastHeartbeat
                ? QDateTime::fromMSecsSinceEpoch(c.lastHeartbeat).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                : tr("never");
        case OutboxDepth:
            return c.outboxDepth;
        case Pending:
            return m_countsKnown ? QVariant(m_counts.value(c.name).pending) : QVariant(QString());
        case Errors:
            return m_countsKnown ? QVariant(m_counts.value(c.name).errors) : QVariant(QString());
        case CatchUp:
            return catchUp(c, role);
        case ClockSkew:
            return c.skewKnown ? skewText(c.skewMs) : QString();
        case Path:
            return pathText(c.path);
        case RowsPerMessage:
            return c.rowsPerMessage > 0 ? QLocale().toString(c.rowsPerMessage, 'f', 1) : QString();
        }
    } else if (role == SortRole) {
        switch (index.column()) {
        case Name:
            return c.name;
        case Online:
            return c.online;
        case Until:
            return c.until;
        case LastHeartbeat:
            return c.lastHeartbeat;
        case OutboxDepth:
            return c.outboxDepth;
        case Pending:
            return m_countsKnown ? m_counts.value(c.name).pending : qint64(-1);
        case Errors:
            return m_countsKnown ? m_counts.value(c.name).errors : qint64(-1);
        case CatchUp:
            return catchUp(c, role);
        case ClockSkew:
            return c.skewKnown ? c.skewMs : std::numeric_limits<qint64>::min();
        case Path:
            return c.path;
        case RowsPerMessage:
            return c.rowsPerMessage > 0 ? c.rowsPerMessage : -1.0;
        }
    } else if (role == Qt::ForegroundRole && index.column() == Online) {
        return QColor(c.online ? Qt::darkGreen : Qt::darkRed);
    } else if (role == Qt::ForegroundRole && index.column() == Path && c.path == perRowPath()) {
        return QColor(Qt::darkYellow);
    } else if (role == Qt::ForegroundRole && index.column() == Errors && m_counts.value(c.name).errors > 0) {
        return QColor(Qt::darkRed);
    } else if (role == Qt::TextAlignmentRole
               && (index.column() == OutboxDepth || index.column() == Pending || index.column() == Errors
                   || index.column() == ClockSkew || index.column() == RowsPerMessage)) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ToolTipRole && index.column() == ClockSkew && c.skewKnown) {
        return tr("Its clock minus ours, estimated from the `until` of its heartbeats (assuming its checkInterval "
                  "is ours). Up to a minute either way does not make it look offline.");
    } else if (role == Qt::ToolTipRole && index.column() == Path && c.path == perRowPath()) {
        return tr("This remote speaks only what an earlier engine speaks: the per-row protocol, one message per "
                  "row. Its topics carry no sender, so a broker ACL cannot bind them to the sender's login: any "
                  "login allowed on them can send or acknowledge in this remote's name. Remotes that announce "
                  "our extension channel get batches on topics bound to their sender.");
    } else if (role == Qt::ToolTipRole && index.column() == CatchUp && !c.online) {
        return m_sendRate > 0 ? tr("Outbox depth %1 at %2 rows/s, the average send rate of the last minutes")
                                    .arg(c.outboxDepth)
                                    .arg(m_sendRate, 0, 'f', 1)
                              : tr("Nothing was sent in the last minutes: no rate to estimate with");
    }
    return {};
}

QVariant ClientsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Client");
    case Online:
        return tr("State");
    case Until:
        return tr("Online for");
    case LastHeartbeat:
        return tr("Last heartbeat");
    case OutboxDepth:
        return tr("Outbox");
    case Pending:
        return tr("Pending");
    case Errors:
        return tr("Errors");
    case CatchUp:
        return tr("Catch-up (estimate)");
    case ClockSkew:
        return tr("Clock skew");
    case Path:
        return tr("Path");
    case RowsPerMessage:
        return tr("Rows/message");
    }
    return {};
}

qint64 ClientsModel::catchUpSeconds(const Client &c) const
{
    if (c.outboxDepth <= 0)
        return 0;
    if (!(m_sendRate > 0))
        return -1;
    return qint64(std::ceil(c.outboxDepth / m_sendRate));
}

QVariant ClientsModel::catchUp(const Client &c, int role) const
{
    // Only an offline remote has something to catch up on; an online one is being sent to.
    if (c.online)
        return role == SortRole ? QVariant(qint64(-2)) : QVariant(QString());
    const qint64 seconds = catchUpSeconds(c);
    if (role == SortRole)
        return seconds < 0 ? std::numeric_limits<qint64>::max() : seconds;
    if (seconds == 0)
        return tr("nothing owed");
    return seconds < 0 ? tr("unknown") : durationText(seconds);
}

QString ClientsModel::durationText(qint64 seconds)
{
    if (seconds < 60)
        return tr("about %n s", nullptr, int(qMax<qint64>(1, seconds)));
    if (seconds < 3600)
        return tr("about %1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 48 * 3600)
        return tr("about %1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    return tr("about %n days", nullptr, int(qMin<qint64>(seconds / 86400, std::numeric_limits<int>::max())));
}

void ClientsModel::setStatusCounts(const StatusCountsByRemote &counts)
{
    const bool changed = !m_countsKnown || counts != m_counts;
    m_counts = counts;
    m_countsKnown = true;
    if (changed) {
        columnChanged(Pending);
        columnChanged(Errors);
    }
    Q_EMIT countsLoaded();
}

void ClientsModel::setSendRate(double rowsPerSecond)
{
    const double rate = rowsPerSecond > 0 ? rowsPerSecond : 0;
    if (rate == m_sendRate)
        return;
    m_sendRate = rate;
    columnChanged(CatchUp);
}

void ClientsModel::columnChanged(int column)
{
    if (!m_clients.isEmpty())
        Q_EMIT dataChanged(index(0, column), index(int(m_clients.size()) - 1, column));
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
    Q_EMIT dataChanged(index(row, CatchUp), index(row, CatchUp));
}

void ClientsModel::onOutboxDepth(const QString &remote, int depth)
{
    const int row = rowOf(remote);
    m_clients[row].outboxDepth = depth;
    Q_EMIT dataChanged(index(row, OutboxDepth), index(row, OutboxDepth));
    Q_EMIT dataChanged(index(row, CatchUp), index(row, CatchUp));
}

QString ClientsModel::skewText(qint64 skewMs)
{
    if (qAbs(skewMs) < 500)
        return tr("none");
    const QString seconds = QLocale().toString(qAbs(skewMs) / 1000.0, 'f', 1);
    return skewMs < 0 ? tr("%1 s behind").arg(seconds) : tr("%1 s ahead").arg(seconds);
}

void ClientsModel::onClockSkew(const QString &name, qint64 skewMs)
{
    const int row = rowOf(name);
    Client &c = m_clients[row];
    if (c.skewKnown && c.skewMs == skewMs)
        return;
    c.skewKnown = true;
    c.skewMs = skewMs;
    Q_EMIT dataChanged(index(row, ClockSkew), index(row, ClockSkew));
}

QString ClientsModel::pathText(const QString &path)
{
    if (path == batchPath())
        return tr("Batch");
    if (path == perRowPath())
        return tr("Per-row");
    return path; // a path this app does not know: the engine's word
}

void ClientsModel::onRemotePath(const QString &name, const QString &path, double rowsPerMessage)
{
    const int row = rowOf(name);
    Client &c = m_clients[row];
    const double rate = rowsPerMessage > 0 ? rowsPerMessage : 0;
    if (c.path == path && c.rowsPerMessage == rate)
        return;
    c.path = path;
    c.rowsPerMessage = rate;
    Q_EMIT dataChanged(index(row, Path), index(row, RowsPerMessage));
}

void ClientsModel::tick()
{
    if (!m_clients.isEmpty())
        Q_EMIT dataChanged(index(0, Until), index(int(m_clients.size()) - 1, Until), {Qt::DisplayRole});
}

} // namespace mysqlsync::ui
