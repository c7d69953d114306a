#pragma once
// One conflict of the inbox: table and key, policy, both sites and the times of their
// changes, when it was detected, how and by whom it was settled; both versions side by side
// (EntityDiffModel: this site's vs the remote's, differing columns marked); and, while it is
// open, the operator's choices: keep this site's, take the remote's, or edit and keep
// (ConflictEditDialog). Settled conflicts are read-only.
#include "database/ConflictStore.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace mysqlsync::ui {

class ConflictEditDialog;
class EntityDiffModel;

class ConflictDetails : public QWidget {
    Q_OBJECT
public:
    explicit ConflictDetails(QWidget *parent = nullptr);

    // Shows `conflict`; `busy`: a settlement was asked for already (the actions wait for the list).
    void setConflict(const ConflictRecord &conflict, bool busy = false);
    void clear();
    bool hasConflict() const { return m_conflict.id != 0; }
    const ConflictRecord &conflict() const { return m_conflict; }

    EntityDiffModel *diffModel() const { return m_diff; }
    QTableView *diffView() const { return m_view; }
    QPushButton *keepLocalButton() const { return m_keepLocal; }
    QPushButton *takeRemoteButton() const { return m_takeRemote; }
    QPushButton *editButton() const { return m_edit; }
    // The editor opened by "Edit and keep…" while it is open, else nullptr.
    ConflictEditDialog *editDialog() const;
    // The text of the facts shown (table, key, policy, sites, times, state), one line each.
    QString factsText() const;

Q_SIGNALS:
    // The operator chose: `edited` is the row to keep for Edited (an object), else undefined.
    void settleRequested(qint64 id, mysqlsync::ConflictOutcome choice, const QJsonValue &edited);

private:
    void openEditor();
    void setActionsEnabled(bool enabled);

    ConflictRecord m_conflict;
    QLabel *m_title;
    QLabel *m_facts;
    QLabel *m_note;
    EntityDiffModel *m_diff;
    QTableView *m_view;
    QPushButton *m_keepLocal;
    QPushButton *m_takeRemote;
    QPushButton *m_edit;
    QPointer<ConflictEditDialog> m_dialog;
};

} // namespace mysqlsync::ui
