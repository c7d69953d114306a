#include "monitor/EntityDiffModel.h"

#include <QColor>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>

namespace mysqlsync::ui {

EntityDiffModel::EntityDiffModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void EntityDiffModel::setEntities(const QJsonObject &before, const QJsonObject &after, bool hasAfter)
{
    beginResetModel();
    m_before = before;
    m_after = hasAfter ? after : QJsonObject();
    m_hasAfter = hasAfter;
    // QJsonObject keys are sorted; that is also how the entity is sent.
    m_names = before.keys();
    if (hasAfter) {
        for (const QString &name : after.keys()) {
            if (!before.contains(name))
                m_names << name;
        }
    }
    endResetModel();
}

void EntityDiffModel::setColumnTitles(const QString &before, const QString &after)
{
    m_beforeTitle = before;
    m_afterTitle = after;
    Q_EMIT headerDataChanged(Qt::Horizontal, Before, After);
}

void EntityDiffModel::clear()
{
    setEntities({}, {}, false);
}

EntityDiffModel::Change EntityDiffModel::change(int row) const
{
    const QString &name = m_names.at(row);
    if (!m_hasAfter)
        return Change::Same;
    if (!m_before.contains(name))
        return Change::Added;
    if (!m_after.contains(name))
        return Change::Removed;
    return m_before.value(name) == m_after.value(name) ? Change::Same : Change::Changed;
}

int EntityDiffModel::changedCount() const
{
    int n = 0;
    for (int i = 0; i < m_names.size(); ++i)
        n += change(i) != Change::Same;
    return n;
}

QString EntityDiffModel::valueText(const QJsonValue &value)
{
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

int EntityDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

int EntityDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EntityDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &name = m_names.at(index.row());
    const Change c = change(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Name:
            return name;
        case Before:
            return m_before.contains(name) ? valueText(m_before.value(name)) : tr("(absent)");
        case After:
            if (!m_hasAfter)
                return QString();
            return m_after.contains(name) ? valueText(m_after.value(name)) : tr("(removed)");
        }
        return {};
    case Qt::BackgroundRole:
        if (index.column() == After || index.column() == Name) {
            if (c == Change::Changed)
                return QColor(255, 236, 179); // amber
            if (c == Change::Added)
                return QColor(200, 240, 200); // green
            if (c == Change::Removed)
                return QColor(250, 205, 205); // red
        }
        return {};
    case Qt::ForegroundRole:
        // Readable on the light highlight whatever the palette (dark themes included).
        if (c != Change::Same && (index.column() == After || index.column() == Name))
            return QColor(Qt::black);
        return {};
    case Qt::FontRole:
        if (c != Change::Same) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case ChangeRole:
        return int(c);
    default:
        return {};
    }
}

QVariant EntityDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Column");
    case Before:
        return m_beforeTitle.isEmpty() ? tr("Before") : m_beforeTitle;
    case After:
        return m_afterTitle.isEmpty() ? tr("After") : m_afterTitle;
    default:
        return {};
    }
}

} // namespace mysqlsync::ui
