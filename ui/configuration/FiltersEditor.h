#pragma once
// The editor of `filters` (columns that never leave the site, as table.column): the list, and
// a table and a column picked from the live catalogue (or typed while it is not listed).
// What the engine says of a filter (a table not synced, the primary key) is ConfigForm's
// validation.
#include "monitor/MappingEntry.h"

#include <QWidget>

class QComboBox;
class QListWidget;

namespace mysqlsync::ui {

class FiltersEditor : public QWidget {
    Q_OBJECT
public:
    explicit FiltersEditor(QWidget *parent = nullptr);

    void setFilters(const QStringList &filters);
    QStringList filters() const;
    void setCatalogue(const TableCatalog &catalog);
    // Adds table.column (false when either is empty or it is listed already).
    bool add(const QString &table, const QString &column);
    void removeSelected();

    QComboBox *tableCombo() const { return m_table; }
    QComboBox *columnCombo() const { return m_column; }
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void changed();

private:
    void tableChanged();

    TableCatalog m_catalog;
    QListWidget *m_list;
    QComboBox *m_table;
    QComboBox *m_column;
};

} // namespace mysqlsync::ui
