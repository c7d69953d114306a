#pragma once
// Sync status tab: the SyncStatusModel with filters (status, table, remote), a key search
// (applied 300 ms after the last keystroke), sorting by any column and a status line.
#include "SyncStatusQuery.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace mysqlsync::ui {

class SyncStatusModel;

class SyncStatusPage : public QWidget {
    Q_OBJECT
public:
    SyncStatusPage(SyncStatusModel *model, QWidget *parent = nullptr);

    // The choices of the table and remote filters (from the configuration).
    void setChoices(const QStringList &tables, const QStringList &remotes);
    QTableView *view() const { return m_view; }
    QString statusText() const;

private:
    void applyFilter();
    void updateStatus();

    SyncStatusModel *m_model;
    QComboBox *m_status;
    QComboBox *m_table;
    QComboBox *m_remote;
    QLineEdit *m_key;
    QTableView *m_view;
    QLabel *m_info;
    QTimer m_debounce;
    qint64 m_lastPageMs = -1;
    QString m_error;
};

} // namespace mysqlsync::ui
