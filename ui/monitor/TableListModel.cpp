#include "monitor/TableListModel.h"

#include "database/EngineTables.h"

#include <QBrush>
#include <QColor>

namespace mysqlsync::ui {

TableListModel::TableListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void TableListModel::rebuild(const QStringList &available, const QStringList &checkedNames)
{
    const QStringList checkedOrder = checkedNames; // may be m_order itself
    beginResetModel();
    m_items.clear();
    m_order.clear();
    for (const QString &name : checkedOrder) {
        if (!m_order.contains(name))
            m_order << name;
    }
    // The database's tables in its order, then names it does not have, in configured order.
    for (const QString &name : available)
        m_items.append({name, m_order.contains(name), true});
    for (const QString &name : std::as_const(m_order)) {
        if (!available.contains(name))
            m_items.append({name, true, false});
    }
    endResetModel();
}

void TableListModel::setAvailable(const QStringList &tables, bool known)
{
    m_known = known;
    QStringList offered;
    if (known) {
        // The engine's own bookkeeping tables are never tables to sync.
        for (const QString &table : tables) {
            if (!isEngineTable(table))
                offered << table;
        }
    }
    rebuild(offered, m_order);
}

void TableListModel::setChecked(const QStringList &names)
{
    QStringList available;
    for (const Item &item : std::as_const(m_items)) {
        if (item.available)
            available << item.name;
    }
    rebuild(available, names);
    Q_EMIT checkedChanged();
}

QStringList TableListModel::checked() const
{
    return m_order;
}

bool TableListModel::addName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return false;
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).name == trimmed) {
            setData(index(row), Qt::Checked, Qt::CheckStateRole);
            return false;
        }
    }
    beginInsertRows({}, int(m_items.size()), int(m_items.size()));
    m_items.append({trimmed, true, false});
    m_order << trimmed;
    endInsertRows();
    Q_EMIT checkedChanged();
    return true;
}

QStringList TableListModel::unknownChecked() const
{
    QStringList out;
    if (!m_known)
        return out;
    for (const Item &item : m_items) {
        if (item.checked && !item.available)
            out << item.name;
    }
    return out;
}

bool TableListModel::isRow(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.column() == 0 && index.row() < m_items.size();
}

int TableListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant TableListModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index))
        return {};
    const Item &item = m_items.at(index.row());
    const bool flagged = m_known && !item.available;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return flagged ? tr("%1 (not in the database)").arg(item.name) : item.name;
    case Qt::CheckStateRole:
        return item.checked ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        if (flagged)
            return tr("The database has no table \"%1\": the engine will refuse to start until it exists.")
                .arg(item.name);
        return m_known ? QVariant() : tr("The database's tables are not known yet (Test database lists them).");
    case Qt::ForegroundRole:
        return flagged ? QVariant::fromValue(QBrush(QColor(0xb0, 0x00, 0x20))) : QVariant();
    case KnownRole:
        return item.available;
    default:
        return {};
    }
}

bool TableListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !isRow(index))
        return false;
    Item &item = m_items[index.row()];
    const bool on = value.toInt() == Qt::Checked;
    if (item.checked == on)
        return true;
    item.checked = on;
    if (on)
        m_order << item.name;
    else
        m_order.removeAll(item.name);
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT checkedChanged();
    return true;
}

Qt::ItemFlags TableListModel::flags(const QModelIndex &index) const
{
    if (!isRow(index))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

} // namespace mysqlsync::ui
