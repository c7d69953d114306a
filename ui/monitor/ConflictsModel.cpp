#include "monitor/ConflictsModel.h"

#include "monitor/ConflictsLoader.h"
#include "monitor/UiLogging.h"

#include <QColor>
#include <QDateTime>

namespace mysqlsync::ui {

ConflictsModel::ConflictsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    qRegisterMetaType<ConflictRecord>();
    qRegisterMetaType<QList<ConflictRecord>>();
}

ConflictsModel::~ConflictsModel()
{
    retire();
}

void ConflictsModel::retire()
{
    m_generation.next(); // whatever is still queued is skipped
    m_thread.retire();   // nobody waits here
    m_loader = nullptr;
}

void ConflictsModel::setDatabase(const MysqlConfig &mysql)
{
    retire();
    setLoading(false);
    if (mysql.namesDatabase()) {
        m_loader = new ConflictsLoader(mysql, m_generation.latest());
        connect(m_loader, &ConflictsLoader::pageLoaded, this, &ConflictsModel::onPage, Qt::QueuedConnection);
        connect(m_loader, &ConflictsLoader::failed, this, &ConflictsModel::onFailed, Qt::QueuedConnection);
        m_thread.start(m_loader);
    }
    restart();
}

void ConflictsModel::setFilter(const ConflictFilter &filter)
{
    if (filter.state == m_filter.state && filter.table == m_filter.table && filter.remote == m_filter.remote
        && filter.keySearch == m_filter.keySearch)
        return;
    m_filter = filter;
    restart();
}

void ConflictsModel::restart()
{
    m_generation.next();
    beginResetModel();
    m_rows.clear();
    m_atEnd = true; // views asking during the reset must not request a page of their own
    endResetModel();
    if (!m_loader)
        return;
    m_atEnd = false;
    request(0, m_pageSize, false);
}

void ConflictsModel::refresh()
{
    if (!m_loader)
        return;
    m_generation.next();
    // Everything shown is read again (keyset pages stop at 10,000 rows a read).
    request(0, qBound(m_pageSize, int(m_rows.size()), 10000), true);
}

void ConflictsModel::request(qint64 beforeId, int limit, bool replace)
{
    m_replace = replace;
    setLoading(true);
    const quint64 generation = m_generation.current();
    const ConflictFilter filter = m_filter;
    ConflictsLoader *loader = m_loader;
    QMetaObject::invokeMethod(
        loader, [=] { loader->loadPage(generation, filter, beforeId, limit); }, Qt::QueuedConnection);
}

bool ConflictsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loader && !m_atEnd && !m_loading;
}

void ConflictsModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        request(m_rows.isEmpty() ? 0 : m_rows.constLast().id, m_pageSize, false);
}

void ConflictsModel::onPage(quint64 generation, const QList<ConflictRecord> &rows, bool atEnd)
{
    if (!m_generation.isCurrent(generation))
        return;
    if (m_replace) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else if (!rows.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size()) - 1);
        m_rows.append(rows);
        endInsertRows();
    }
    m_replace = false;
    m_atEnd = atEnd;
    setLoading(false);
    Q_EMIT pageLoaded(int(rows.size()));
}

void ConflictsModel::onFailed(quint64 generation, const QString &message)
{
    if (!m_generation.isCurrent(generation))
        return;
    m_replace = false;
    m_atEnd = true; // refresh() tries again
    setLoading(false);
    Q_EMIT loadFailed(message);
}

void ConflictsModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

int ConflictsModel::rowOf(qint64 id) const
{
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).id == id)
            return r;
    }
    return -1;
}

QString ConflictsModel::timeText(qint64 ms)
{
    if (ms <= 0)
        return QString();
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString ConflictsModel::stateText(const ConflictRecord &c)
{
    if (c.isOpen())
        return tr("open");
    if (!c.winner)
        return tr("settled");
    switch (*c.winner) {
    case ConflictOutcome::Local:
        return tr("settled: this site's kept");
    case ConflictOutcome::Remote:
        return tr("settled: remote's taken");
    case ConflictOutcome::Edited:
        return tr("settled: edited");
    }
    return tr("settled");
}

int ConflictsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConflictsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConflictRecord &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Id:
            return c.id;
        case Detected:
            return timeText(c.detectedAt);
        case Table:
            return c.table;
        case Key:
            return c.key;
        case Remote:
            return c.remoteSite;
        case Policy:
            return c.policy;
        case State:
            return stateText(c);
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == State)
            return c.isOpen() ? QColor(Qt::darkRed) : QColor(Qt::darkGreen);
        return {};
    case IdRole:
        return c.id;
    case OpenRole:
        return c.isOpen();
    default:
        return {};
    }
}

QVariant ConflictsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("Id");
    case Detected:
        return tr("Detected");
    case Table:
        return tr("Table");
    case Key:
        return tr("Key");
    case Remote:
        return tr("Remote");
    case Policy:
        return tr("Policy");
    case State:
        return tr("State");
    }
    return {};
}

} // namespace mysqlsync::ui
