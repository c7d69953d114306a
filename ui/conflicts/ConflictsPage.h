#pragma once
// Conflicts tab (the inbox): sync_conflicts through a ConflictsModel, newest first, filtered
// by state (all, open, settled), table, remote and a key search (applied 300 ms after the last
// keystroke); the selected conflict in a ConflictDetails beside the list. The operator's choice
// leaves as settleRequested() (MainWindow passes it to Engine::settleConflict) with `by` the
// OS user at this host. The selection survives the model's refreshes.
#include "database/ConflictStore.h"
#include "widgets/FilterBar.h"

#include <QJsonValue>
#include <QSet>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace mysqlsync::ui {

class ConflictDetails;
class ConflictsModel;

class ConflictsPage : public QWidget {
    Q_OBJECT
public:
    explicit ConflictsPage(ConflictsModel *model, QWidget *parent = nullptr);

    // The choices of the table and remote filters (from the configuration).
    void setChoices(const QStringList &tables, const QStringList &remotes);
    QTableView *view() const { return m_view; }
    ConflictDetails *details() const { return m_details; }
    QComboBox *stateFilter() const { return m_bar->first(); }
    QComboBox *tableFilter() const { return m_bar->table(); }
    QComboBox *remoteFilter() const { return m_bar->remote(); }
    QLineEdit *keySearch() const { return m_bar->key(); }
    QString statusText() const;
    // Selects conflict `id` if it is loaded.
    bool select(qint64 id);
    // Who settles: "<OS user>@<host name>".
    static QString operatorName();

Q_SIGNALS:
    void settleRequested(qint64 id, mysqlsync::ConflictOutcome choice, const QJsonValue &edited, const QString &by);

private:
    void applyFilter();
    void showSelected();
    void onSettle(qint64 id, mysqlsync::ConflictOutcome choice, const QJsonValue &edited);
    void updateStatus();

    ConflictsModel *m_model;
    FilterBar *m_bar;
    QTableView *m_view;
    ConflictDetails *m_details;
    QLabel *m_info;
    qint64 m_selectedId = 0;
    QSet<qint64> m_asked; // settlements asked for and not yet seen in a refresh
    QString m_error;
    QString m_notice;
};

} // namespace mysqlsync::ui
