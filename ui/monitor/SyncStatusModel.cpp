#include "monitor/SyncStatusModel.h"

#include "monitor/SyncStatusLoader.h"
#include "monitor/UiLogging.h"
#include "protocol/Refusal.h"

#include <QColor>

namespace mysqlsync::ui {

SyncStatusModel::SyncStatusModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    qRegisterMetaType<StatusRow>();
    qRegisterMetaType<QList<StatusRow>>();
}

SyncStatusModel::~SyncStatusModel()
{
    m_generation.next(); // whatever is still queued is skipped
}

void SyncStatusModel::setDatabase(const MysqlConfig &mysql)
{
    if (m_loader) {
        m_generation.next();
        m_pageThread.retire(); // nothing waits for a query already running
        m_countThread.retire();
        m_loader = nullptr;
        m_counter = nullptr;
    }
    beginResetModel();
    m_rows.clear();
    m_atEnd = true;
    endResetModel();
    if (!mysql.namesDatabase())
        return;
    m_loader = new SyncStatusLoader(mysql, m_generation.latest());
    connect(m_loader, &SyncStatusLoader::pageLoaded, this, &SyncStatusModel::onPage, Qt::QueuedConnection);
    connect(m_loader, &SyncStatusLoader::rowsCounted, this, &SyncStatusModel::onCount, Qt::QueuedConnection);
    connect(m_loader, &SyncStatusLoader::failed, this, &SyncStatusModel::onFailed, Qt::QueuedConnection);
    m_counter = new SyncStatusLoader(mysql, m_generation.latest());
    connect(m_counter, &SyncStatusLoader::rowsCounted, this, &SyncStatusModel::onCount, Qt::QueuedConnection);
    connect(m_counter, &SyncStatusLoader::failed, this, &SyncStatusModel::onFailed, Qt::QueuedConnection);
    m_pageThread.start(m_loader);
    m_countThread.start(m_counter);
    restart();
}

void SyncStatusModel::setFilter(const StatusFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    restart();
}

void SyncStatusModel::refresh()
{
    restart();
}

void SyncStatusModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= StatusFilter::ColumnCount)
        return;
    StatusFilter f = m_filter;
    f.sortColumn = column;
    f.descending = order == Qt::DescendingOrder;
    setFilter(f);
}

void SyncStatusModel::restart()
{
    m_generation.next();
    beginResetModel();
    m_rows.clear();
    m_atEnd = true; // views asking during the reset must not request a first page of their own
    endResetModel();
    m_atEnd = false;
    if (m_total != -1) {
        m_total = -1;
        m_capped = false;
        Q_EMIT totalRowsChanged(m_total);
    }
    if (!m_loader) {
        m_atEnd = true;
        return;
    }
    request(true);
    const quint64 generation = m_generation.current();
    const StatusFilter filter = m_filter;
    SyncStatusLoader *counter = m_counter;
    const qint64 limit = m_countLimit;
    QMetaObject::invokeMethod(
        counter, [counter, generation, filter, limit] { counter->countRows(generation, filter, limit); },
        Qt::QueuedConnection);
}

void SyncStatusModel::request(bool fromStart)
{
    setLoading(true);
    const quint64 generation = m_generation.current();
    const StatusFilter filter = m_filter;
    const StatusRow after = m_rows.isEmpty() ? StatusRow() : m_rows.constLast();
    const int limit = m_pageSize;
    SyncStatusLoader *loader = m_loader;
    QMetaObject::invokeMethod(
        loader, [=] { loader->loadPage(generation, filter, fromStart, after, limit); }, Qt::QueuedConnection);
}

bool SyncStatusModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loader && !m_atEnd && !m_loading;
}

void SyncStatusModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        request(m_rows.isEmpty());
}

void SyncStatusModel::onPage(quint64 generation, const QList<StatusRow> &rows, bool atEnd, qint64 elapsedMs)
{
    if (!m_generation.isCurrent(generation))
        return;
    if (!rows.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size()) - 1);
        m_rows.append(rows);
        endInsertRows();
    }
    m_atEnd = atEnd;
    setLoading(false);
    Q_EMIT pageLoaded(int(rows.size()), elapsedMs);
}

void SyncStatusModel::onCount(quint64 generation, qint64 count)
{
    if (!m_generation.isCurrent(generation))
        return;
    m_capped = count > m_countLimit;
    m_total = qMin(count, m_countLimit);
    Q_EMIT totalRowsChanged(m_total);
}

void SyncStatusModel::onFailed(quint64 generation, const QString &message)
{
    if (!m_generation.isCurrent(generation))
        return;
    m_atEnd = true; // refresh() tries again
    setLoading(false);
    qCWarning(lcUiStatus).noquote() << message;
    Q_EMIT loadFailed(message);
}

void SyncStatusModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

int SyncStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SyncStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : StatusFilter::ColumnCount;
}

QVariant SyncStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StatusRow &r = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case StatusFilter::Table:
            return r.table;
        case StatusFilter::Key:
            return r.key;
        case StatusFilter::Remote:
            return r.remote;
        case StatusFilter::Status:
            switch (r.status) {
            case SyncStatus::Successful:
                return tr("successful");
            case SyncStatus::Pending:
                return tr("pending");
            case SyncStatus::Error: {
                const refusal::Rule rule = refusal::classify(r.message);
                return rule == refusal::Rule::None ? tr("error")
                                                   : tr("refused by rule \"%1\"").arg(refusal::ruleName(rule));
            }
            }
            return {};
        case StatusFilter::Date:
            return r.date.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")); // PostgreSQL's is UTC
        case StatusFilter::Message:
            return r.message;
        }
    } else if (role == Qt::ForegroundRole && index.column() == StatusFilter::Status) {
        if (r.status == SyncStatus::Error)
            return QColor(Qt::darkRed);
        if (r.status == SyncStatus::Pending)
            return QColor(Qt::darkYellow);
        return QColor(Qt::darkGreen);
    }
    return {};
}

QVariant SyncStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatusFilter::Table:
        return tr("Table");
    case StatusFilter::Key:
        return tr("Key");
    case StatusFilter::Remote:
        return tr("Remote");
    case StatusFilter::Status:
        return tr("Status");
    case StatusFilter::Date:
        return tr("Date");
    case StatusFilter::Message:
        return tr("Message");
    }
    return {};
}

} // namespace mysqlsync::ui
