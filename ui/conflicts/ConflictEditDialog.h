#pragma once
// "Edit and keep": the row to keep, one line per column of the table (the columns of both
// versions), starting from this site's version or the remote's. Values are written in the
// row's JSON form ("text", 12, null); what is not one JSON value is taken as text. The result
// is always a row (an object) with every column: deleting is "Take the remote's" on a remote
// delete. The engine checks the row against the table (a refusal shows under Errors & log).
#include "database/ConflictStore.h"

#include <QDialog>
#include <QJsonObject>
#include <QStringList>

class QLabel;
class QPushButton;
class QTableWidget;

namespace mysqlsync::ui {

class ConflictEditDialog : public QDialog {
    Q_OBJECT
public:
    ConflictEditDialog(const ConflictRecord &conflict, QWidget *parent = nullptr);

    // Fills the values from this site's version (true) or the remote's (false); a side
    // without a row leaves the values as they are.
    void startFrom(bool local);
    QStringList columns() const { return m_columns; }
    QString valueText(const QString &column) const;
    void setValueText(const QString &column, const QString &text);
    // The row as edited (valid once accepted, or when problem() is empty).
    QJsonObject edited() const;
    // Why the values are not a row yet, or empty.
    QString problem() const;
    QPushButton *startLocalButton() const { return m_fromLocal; }
    QPushButton *startRemoteButton() const { return m_fromRemote; }

    // A value as typed -> JSON: valid JSON as such, anything else as a string.
    static QJsonValue parseValue(const QString &text);

public Q_SLOTS:
    void accept() override;

private:
    ConflictRecord m_conflict;
    QStringList m_columns;
    QTableWidget *m_table;
    QLabel *m_message;
    QPushButton *m_fromLocal;
    QPushButton *m_fromRemote;
};

} // namespace mysqlsync::ui
