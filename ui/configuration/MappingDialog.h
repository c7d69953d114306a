#pragma once
// Edits one entry of syncTables or receiveTables (config/TableMapping.h): the local table, the
// name it travels under ("as") or is received from ("from"), the column map (local columns
// picked from the live catalogue), and for a receive table the rights: the columns a remote may
// update, whether it may insert and delete rows. The entry is read and written with core's
// TableMapping (a plain name when nothing is mapped); an entry not changed is kept exactly as
// the file had it. OK checks the entry (duplicates here, then the caller's check: the
// engine's rules against the catalogue) and shows the problem inline instead of closing.
#include "monitor/MappingEntry.h"

#include <QDialog>
#include <QJsonValue>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace mysqlsync::ui {

class ColumnMapEditor;

class MappingDialog : public QDialog {
    Q_OBJECT
public:
    explicit MappingDialog(MappingSide side, QWidget *parent = nullptr);

    void setCatalogue(const TableCatalog &catalog);
    // The entry to edit (a name or an object); a null value: a new entry.
    void setEntry(const QJsonValue &entry);
    // The entry as edited: the original value when nothing changed.
    QJsonValue entry() const;
    // Checks a candidate entry beyond this dialog's own checks; returns the problem or empty.
    void setValidator(std::function<QString(const QJsonValue &)> validator) { m_validator = std::move(validator); }
    // The problem shown (empty when none).
    QString errorText() const;

    MappingSide side() const { return m_side; }
    QComboBox *tableCombo() const { return m_table; }
    QLineEdit *nameEdit() const { return m_name; }
    QCheckBox *mapColumnsBox() const { return m_mapColumns; }
    ColumnMapEditor *columns() const { return m_columns; }
    QCheckBox *limitUpdatesBox() const { return m_limitUpdates; }
    QListWidget *updateList() const { return m_update; }
    QCheckBox *insertBox() const { return m_insert; }
    QCheckBox *deleteBox() const { return m_delete; }
    QCheckBox *mirrorBox() const { return m_mirror; }

    void accept() override;

private:
    void tableChanged();
    void refreshUpdateList();
    // The entry the widgets say, or empty with `error` when they say something impossible.
    QJsonValue edited(QString *error) const;
    void showError(const QString &text);

    MappingSide m_side;
    TableCatalog m_catalog;
    QJsonValue m_original;
    QString m_originalCanonical; // the original entry through TableMapping::toJson
    std::function<QString(const QJsonValue &)> m_validator;
    QComboBox *m_table;
    QLineEdit *m_name;
    QCheckBox *m_mapColumns;
    ColumnMapEditor *m_columns;
    QCheckBox *m_limitUpdates = nullptr;
    QListWidget *m_update = nullptr;
    QCheckBox *m_insert = nullptr;
    QCheckBox *m_delete = nullptr;
    QCheckBox *m_mirror = nullptr;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace mysqlsync::ui
