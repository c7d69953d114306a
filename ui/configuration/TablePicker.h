#pragma once
// The editor of syncTables / receiveTables: a checkable list of the database's tables
// (TableListModel) and a line to add a name the database does not have (yet), which is
// flagged. Entries of the object form (a table mapped under other names, with rights; see
// config/TableMapping.h) are listed below it and edited in a MappingDialog (Map a table…,
// Edit…, Remove); an entry the dialog leaves with nothing mapped becomes a plain name again,
// and a table mapped is no longer a plain name. Entries not edited are kept as they are.
#include "monitor/MappingEntry.h"

#include <QJsonArray>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QListView;
class QListWidget;

namespace mysqlsync::ui {

class MappingDialog;
class TableListModel;

class TablePicker : public QWidget {
    Q_OBJECT
public:
    explicit TablePicker(QWidget *parent = nullptr);

    // Which list this is (sets the mapping dialog's fields).
    void setSide(MappingSide side) { m_side = side; }
    void setSelected(const QStringList &names);
    QStringList selected() const;
    // The object entries of the list.
    void setMappedEntries(const QJsonArray &entries);
    QJsonArray mappedEntries() const { return m_mapped; }
    // The list as the file has it: the plain names, then the object entries.
    QJsonArray entries() const;
    // The mapped entries as listed (one line each).
    QString mappedText() const;
    QListWidget *mappedList() const { return m_mappedList; }
    // The database's tables; `error` non-empty: they could not be read (said below the list).
    void setAvailable(const QStringList &tables, const QString &error = QString());
    // The tables' columns, for the mapping dialog's pickers.
    void setCatalogue(const TableCatalog &catalog) { m_catalog = catalog; }
    // Checks the whole list as it would be saved with an edited entry (the form's check:
    // the engine's rules and the catalogue); returns the problem or empty.
    void setValidator(std::function<QString(const QJsonArray &)> validator) { m_validator = std::move(validator); }
    // Opens the mapping dialog (window-modal, not blocking) on mapped entry `row`, or on a new
    // entry for the selected table when `row` is -1; what it accepts is applied here.
    MappingDialog *editMapping(int row);
    TableListModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    QLineEdit *nameEdit() const { return m_name; }
    QString statusText() const;

Q_SIGNALS:
    void changed();

private:
    void addTyped();
    void updateStatus();
    void updateMappedList();
    void apply(int row, const QJsonValue &entry);
    // The list with `entry` at mapped row `row` (-1: appended), as apply() would make it.
    QJsonArray candidate(int row, const QJsonValue &entry) const;

    MappingSide m_side = MappingSide::Send;
    TableListModel *m_model;
    QListView *m_view;
    QLineEdit *m_name;
    QLabel *m_status;
    QListWidget *m_mappedList;
    QJsonArray m_mapped;
    TableCatalog m_catalog;
    std::function<QString(const QJsonArray &)> m_validator;
    QString m_error;
};

} // namespace mysqlsync::ui
