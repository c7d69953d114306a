#pragma once
// A checkable list of table names for syncTables / receiveTables: the tables the live
// database has (setAvailable) plus any configured or typed name, which is kept and flagged
// when the database does not have it (or when the database's list is not known yet).
#include <QAbstractListModel>
#include <QStringList>

namespace mysqlsync::ui {

class TableListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { KnownRole = Qt::UserRole + 1 }; // bool: the database has this table

    explicit TableListModel(QObject *parent = nullptr);

    // The database's tables (sorted), less the engine's own (table_changes, sync_status: never
    // synced); `known` false: the list could not be read (nothing is flagged then).
    void setAvailable(const QStringList &tables, bool known = true);
    bool hasAvailable() const { return m_known; }
    // The configured names, in their order; names the database lacks are added and flagged.
    void setChecked(const QStringList &names);
    // Checked names: the configured order first, then newly checked ones in list order.
    QStringList checked() const;
    // Adds (and checks) a typed name; false when it is empty or already listed (then it is checked).
    bool addName(const QString &name);
    // Checked names the database does not have (empty while its list is unknown).
    QStringList unknownChecked() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void checkedChanged();

private:
    struct Item {
        QString name;
        bool checked = false;
        bool available = false;
    };
    void rebuild(const QStringList &available, const QStringList &checkedNames);
    bool isRow(const QModelIndex &index) const;

    QList<Item> m_items;
    QStringList m_order; // checked names in the order they were configured or checked
    bool m_known = false;
};

} // namespace mysqlsync::ui
