#pragma once
// The Transformers tab's listing: every *.js file of the configuration's transformerDirectory
// with the configured tables (syncTables, receiveTables) whose camel-case name it matches
// (core's transformerFileName, the engine's own rule), files that match no table, and
// configured tables without a file. Refreshed when the folder changes (QFileSystemWatcher;
// a folder that does not exist yet is waited for through its nearest existing parent).
// Listing a local folder is cheap, so it happens on the GUI thread.
#include "config/Config.h"

#include <QAbstractTableModel>
#include <QFileSystemWatcher>
#include <QList>
#include <QStringList>
#include <QTimer>

namespace mysqlsync::ui {

class TransformerListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { File, Tables, State, ColumnCount };
    enum class EntryState {
        Matched, // a file and the table(s) it transforms
        NoTable, // a file whose name is no configured table's camel-case name (never run)
        NoFile,  // a configured table without a file (its rows pass unchanged)
    };
    enum Role { StateRole = Qt::UserRole + 1, TablesRole };

    struct Entry {
        QString file;       // file name in the folder; for NoFile the name the engine looks for
        QStringList tables; // the configured tables this file is for
        EntryState state = EntryState::Matched;
        bool operator==(const Entry &o) const { return file == o.file && tables == o.tables && state == o.state; }
    };

    explicit TransformerListModel(QObject *parent = nullptr);

    // An empty directory: transformers are off (no rows, problem() says so).
    void setConfiguration(const QString &directory, const QStringList &syncTables, const QStringList &receiveTables);
    QString directory() const { return m_directory; }
    // Why the folder could not be listed ("" when it was).
    QString problem() const { return m_problem; }
    // Reads the folder again (also done by itself when the folder changes).
    void refresh();

    Entry entry(int row) const { return m_entries.at(row); }
    // The row of the entry for `table` (its file, or its "no file" row); -1 if not configured.
    int rowOfTable(const QString &table) const;
    // The configured tables, sorted (for the "try it" table choice).
    QStringList tables() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // After every refresh (whether or not the rows changed).
    void refreshed();

private:
    QString directionText(const QString &table) const;
    void watch(const QString &path);

    QString m_directory;
    Config m_tables; // only its syncTables and receiveTables
    QList<Entry> m_entries;
    QString m_problem;
    QFileSystemWatcher m_watcher;
    QTimer m_settle; // coalesces the bursts of change events one save makes
};

} // namespace mysqlsync::ui
