#pragma once
// The editor of syncTables / receiveTables: a checkable list of the database's tables
// (TableListModel) and a line to add a name the database does not have (yet), which is
// flagged. Entries of the object form (a table mapped under other names, with rights; see
// config/TableMapping.h) are not edited here: they are shown read-only and kept as they are.
#include <QJsonArray>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;

namespace mysqlsync::ui {

class TableListModel;

class TablePicker : public QWidget {
    Q_OBJECT
public:
    explicit TablePicker(QWidget *parent = nullptr);

    void setSelected(const QStringList &names);
    QStringList selected() const;
    // The object entries of the list, kept unchanged and shown read-only.
    void setMappedEntries(const QJsonArray &entries);
    QJsonArray mappedEntries() const { return m_mapped; }
    QString mappedText() const;
    // The database's tables; `error` non-empty: they could not be read (said below the list).
    void setAvailable(const QStringList &tables, const QString &error = QString());
    TableListModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    QLineEdit *nameEdit() const { return m_name; }
    QString statusText() const;

Q_SIGNALS:
    void changed();

private:
    void addTyped();
    void updateStatus();

    TableListModel *m_model;
    QListView *m_view;
    QLineEdit *m_name;
    QLabel *m_status;
    QLabel *m_mappedLabel;
    QJsonArray m_mapped;
    QString m_error;
};

} // namespace mysqlsync::ui
