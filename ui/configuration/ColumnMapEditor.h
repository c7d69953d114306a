#pragma once
// The column map of a mapping entry (config/TableMapping.h) as a table of pairs: a local
// column, picked from the live catalogue's columns of the local table (or typed when the
// catalogue is not listed), and its name on the wire (the published name of a sync table,
// the remote's column of a receive table).
#include <QList>
#include <QPair>
#include <QWidget>

class QTableWidget;

namespace mysqlsync::ui {

class ColumnMapEditor : public QWidget {
    Q_OBJECT
public:
    // `wireHeader`: the title of the wire-name column ("Published as", "Remote column").
    explicit ColumnMapEditor(const QString &wireHeader, QWidget *parent = nullptr);

    // The local table's columns, offered by every row's picker.
    void setLocalColumns(const QStringList &columns);
    QStringList localColumns() const { return m_columns; }
    // (local column, wire name) pairs, in the table's order.
    void setPairs(const QList<QPair<QString, QString>> &pairs);
    QList<QPair<QString, QString>> pairs() const;
    // Adds a row (a wire name empty: the local column's own name).
    void addPair(const QString &local, const QString &wire = QString());
    // Adds every local column not in the map yet, under its own name.
    void addAll();
    void removeSelected();
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void changed();

private:
    QTableWidget *m_table;
    QStringList m_columns;
};

} // namespace mysqlsync::ui
