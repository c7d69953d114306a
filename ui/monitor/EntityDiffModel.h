#pragma once
// The "try it" result side by side: one row per column of the entity, its value before
// and after the transformer (in the entity's JSON form), changed, added and removed columns
// highlighted. Without an "after" (a delete, a drop, an error) only the row is shown.
#include <QAbstractTableModel>
#include <QJsonObject>
#include <QStringList>

namespace mysqlsync::ui {

class EntityDiffModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Before, After, ColumnCount };
    enum class Change { Same, Changed, Added, Removed };
    enum Role { ChangeRole = Qt::UserRole + 1 };

    explicit EntityDiffModel(QObject *parent = nullptr);

    // `after` null: there is no entity after (only Before is filled).
    void setEntities(const QJsonObject &before, const QJsonObject &after, bool hasAfter);
    void clear();
    // The headers of the Before and After columns (default "Before", "After"); the conflicts
    // inbox names the two sites there.
    void setColumnTitles(const QString &before, const QString &after);

    Change change(int row) const;
    int changedCount() const;
    // A JSON value as it is shown: compact JSON ("text" quoted, numbers, null, {…}).
    static QString valueText(const QJsonValue &value);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_names; // the row's columns in order, then columns the transformer added
    QJsonObject m_before;
    QJsonObject m_after;
    bool m_hasAfter = false;
    QString m_beforeTitle;
    QString m_afterTitle;
};

} // namespace mysqlsync::ui
