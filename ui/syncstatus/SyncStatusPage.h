#pragma once
// Sync status tab: the SyncStatusModel with filters (status, or the errors a receiver's rule
// refused: protocol/Refusal; table, remote), a key search
// (applied 300 ms after the last keystroke), sorting by any column and a status line.
// Actions (buttons and the table's context menu): resend the selected rows, resend every
// error of a remote, copy the selected rows (tab-separated), export the loaded rows as CSV.
#include "database/SyncStatusStore.h"

#include <QWidget>

class QAction;
class QLabel;
class QTableView;

namespace mysqlsync::ui {

class FilterBar;
class SyncStatusModel;

class SyncStatusPage : public QWidget {
    Q_OBJECT
public:
    SyncStatusPage(SyncStatusModel *model, QWidget *parent = nullptr);

    // The choices of the table and remote filters (from the configuration).
    void setChoices(const QStringList &tables, const QStringList &remotes);
    QTableView *view() const { return m_view; }
    QString statusText() const;

    // Selected rows of the model, ascending.
    QList<int> selectedRows() const;
    // Emits resendRequested() once per (remote, table) of the selection.
    void resendSelection();
    void resendErrorsFor(const QString &remote);
    // Puts the selected rows on the clipboard as tab-separated text.
    void copySelection();
    // Writes the rows loaded so far (header included) as CSV to `path`.
    bool exportCsv(const QString &path, QString *error);

    QAction *resendAction() const { return m_resendAction; }
    QAction *resendErrorsAction() const { return m_resendErrorsAction; }
    QAction *copyAction() const { return m_copyAction; }
    QAction *exportAction() const { return m_exportAction; }

Q_SIGNALS:
    void resendRequested(const QString &remote, const QString &table, const QStringList &keys);
    void resendErrorsRequested(const QString &remote);

private:
    void buildActions();
    void updateActions();
    void askResendErrors();
    void askExportCsv();
    void applyFilter();
    void updateStatus();

    SyncStatusModel *m_model;
    FilterBar *m_bar;
    QTableView *m_view;
    QLabel *m_info;
    qint64 m_lastPageMs = -1;
    QString m_error;
    QString m_notice;
    QStringList m_remotes;
    QAction *m_resendAction = nullptr;
    QAction *m_resendErrorsAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_exportAction = nullptr;
};

} // namespace mysqlsync::ui
