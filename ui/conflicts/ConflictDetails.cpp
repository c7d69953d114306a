#include "conflicts/ConflictDetails.h"

#include "conflicts/ConflictEditDialog.h"
#include "monitor/ConflictsModel.h"
#include "monitor/EntityDiffModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mysqlsync::ui {

ConflictDetails::ConflictDetails(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_facts(new QLabel(this))
    , m_note(new QLabel(this))
    , m_diff(new EntityDiffModel(this))
    , m_view(new QTableView(this))
    , m_keepLocal(new QPushButton(tr("Keep this site's"), this))
    , m_takeRemote(new QPushButton(tr("Take the remote's"), this))
    , m_edit(new QPushButton(tr("Edit and keep…"), this))
{
    auto *layout = new QVBoxLayout(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setWordWrap(true);
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addWidget(m_note);
    m_view->setModel(m_diff);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->setWordWrap(false);
    layout->addWidget(m_view, 1);
    auto *buttons = new QHBoxLayout;
    m_keepLocal->setToolTip(tr("This site's row stays as it is now and is sent to every site"));
    m_takeRemote->setToolTip(tr("The remote's version becomes the row here and is sent to every site"));
    m_edit->setToolTip(tr("Write the row to keep, starting from either version; it is sent to every site"));
    buttons->addWidget(m_keepLocal);
    buttons->addWidget(m_takeRemote);
    buttons->addWidget(m_edit);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_keepLocal, &QPushButton::clicked, this, [this] {
        setActionsEnabled(false);
        Q_EMIT settleRequested(m_conflict.id, ConflictOutcome::Local, QJsonValue(QJsonValue::Undefined));
    });
    connect(m_takeRemote, &QPushButton::clicked, this, [this] {
        setActionsEnabled(false);
        Q_EMIT settleRequested(m_conflict.id, ConflictOutcome::Remote, QJsonValue(QJsonValue::Undefined));
    });
    connect(m_edit, &QPushButton::clicked, this, &ConflictDetails::openEditor);
    clear();
}

void ConflictDetails::clear()
{
    m_conflict = ConflictRecord();
    if (m_dialog)
        m_dialog->reject();
    m_title->setText(tr("Select a conflict to see both versions."));
    m_facts->clear();
    m_note->hide();
    m_diff->clear();
    setActionsEnabled(false);
}

void ConflictDetails::setConflict(const ConflictRecord &c, bool busy)
{
    if (m_dialog && c.id != m_conflict.id)
        m_dialog->reject();
    m_conflict = c;
    m_title->setText(tr("%1, key %2").arg(c.table, c.key));
    QStringList facts;
    facts << tr("Policy: %1").arg(c.policy);
    facts << tr("This site: %1, changed %2").arg(c.localSite, ConflictsModel::timeText(c.local.time));
    facts << tr("Remote: %1, changed %2").arg(c.remoteSite, ConflictsModel::timeText(c.remote.time));
    facts << tr("Detected: %1").arg(ConflictsModel::timeText(c.detectedAt));
    if (c.isOpen()) {
        facts << tr("State: open");
    } else {
        facts << tr("State: %1").arg(ConflictsModel::stateText(c));
        facts << tr("Settled by %1 at %2").arg(c.settledBy, ConflictsModel::timeText(c.settledAt));
    }
    m_facts->setText(facts.join(QLatin1Char('\n')));

    const bool localRow = c.localVersion.isObject();
    const bool remoteRow = c.remoteVersion.isObject();
    QString note;
    if (!remoteRow)
        note = tr("The remote deleted the row.");
    else if (!localRow)
        note = tr("This site does not have the row (deleted or never written here).");
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    m_diff->setColumnTitles(tr("This site (%1)").arg(c.localSite), tr("Remote (%1)").arg(c.remoteSite));
    m_diff->setEntities(c.localVersion.toObject(), c.remoteVersion.toObject(), true);
    m_takeRemote->setText(remoteRow ? tr("Take the remote's") : tr("Take the remote's (delete the row)"));
    m_keepLocal->setText(localRow ? tr("Keep this site's") : tr("Keep this site's (no row)"));
    setActionsEnabled(c.isOpen() && !busy);
}

void ConflictDetails::setActionsEnabled(bool enabled)
{
    m_keepLocal->setEnabled(enabled);
    m_takeRemote->setEnabled(enabled);
    m_edit->setEnabled(enabled && (m_conflict.localVersion.isObject() || m_conflict.remoteVersion.isObject()));
}

void ConflictDetails::openEditor()
{
    if (!hasConflict() || !m_conflict.isOpen())
        return;
    if (m_dialog)
        m_dialog->reject();
    m_dialog = new ConflictEditDialog(m_conflict, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = m_conflict.id;
    connect(m_dialog, &QDialog::accepted, this, [this, id] {
        if (!m_dialog || id != m_conflict.id)
            return;
        const QJsonObject row = m_dialog->edited();
        setActionsEnabled(false);
        Q_EMIT settleRequested(id, ConflictOutcome::Edited, row);
    });
    m_dialog->open();
}

ConflictEditDialog *ConflictDetails::editDialog() const
{
    return m_dialog;
}

QString ConflictDetails::factsText() const
{
    return m_title->text() + QLatin1Char('\n') + m_facts->text()
        + (m_note->isHidden() ? QString() : QLatin1Char('\n') + m_note->text());
}

} // namespace mysqlsync::ui
