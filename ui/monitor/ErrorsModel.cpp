#include "monitor/ErrorsModel.h"

#include "protocol/Refusal.h"

namespace mysqlsync::ui {

ErrorsModel::ErrorsModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(qMax(1, capacity))
{ }

int ErrorsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_errors.size());
}

int ErrorsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ErrorsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EngineError &e = m_errors.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Time:
            return e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        case Source:
            return EngineError::sourceName(e.source);
        case Remote:
            return e.remote;
        case Table:
            return e.table;
        case Key:
            return e.key;
        case Rule: {
            const refusal::Rule rule = refusal::classify(e.message);
            return rule == refusal::Rule::None ? QString() : tr("refused by \"%1\"").arg(refusal::ruleName(rule));
        }
        case Message:
            return e.message;
        }
    }
    return {};
}

QVariant ErrorsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Source:
        return tr("Source");
    case Remote:
        return tr("Remote");
    case Table:
        return tr("Table");
    case Key:
        return tr("Key");
    case Rule:
        return tr("Rule");
    case Message:
        return tr("Message");
    }
    return {};
}

void ErrorsModel::clear()
{
    beginResetModel();
    m_errors.clear();
    endResetModel();
}

void ErrorsModel::append(const EngineError &error)
{
    if (m_errors.size() >= m_capacity) {
        const int drop = int(m_errors.size()) - m_capacity + 1;
        beginRemoveRows({}, 0, drop - 1);
        m_errors.erase(m_errors.begin(), m_errors.begin() + drop);
        endRemoveRows();
    }
    const int row = int(m_errors.size());
    beginInsertRows({}, row, row);
    m_errors.append(error);
    endInsertRows();
}

} // namespace mysqlsync::ui
