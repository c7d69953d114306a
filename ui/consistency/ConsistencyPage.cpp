#include "consistency/ConsistencyPage.h"

#include "consistency/ProgressDelegate.h"
#include "monitor/ConsistencyModel.h"
#include "widgets/RowsView.h"
#include "widgets/Section.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mysqlsync::ui {

ConsistencyPage::ConsistencyPage(ConsistencyModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_verify(new QPushButton(tr("Verify"), this))
    , m_repair(new QPushButton(tr("Repair…"), this))
    , m_loadAgain(new QPushButton(tr("Load again…"), this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_details(new QLabel(this))
    , m_keys(new QTableWidget(0, 2, this))
    , m_info(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *buttons = new QHBoxLayout;
    m_verify->setToolTip(tr("Compare the selected table with the remote's copy, row by row (nothing is changed)"));
    m_repair->setToolTip(
        tr("Compare, then send the rows that differ or are missing on the remote again from this site"));
    m_loadAgain->setToolTip(tr("Send every row of the selected table to the remote again, from its first key"));
    for (QPushButton *b : {m_verify, m_repair, m_loadAgain})
        buttons->addWidget(b);
    buttons->addStretch();
    buttons->addWidget(m_refresh);
    layout->addLayout(buttons);

    setUpRowsView(m_view, model, ConsistencyModel::Verified, QStringLiteral("0000-00-00 00:00:00"));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setItemDelegateForColumn(ConsistencyModel::Progress,
                                     new ProgressDelegate(ConsistencyModel::FractionRole, m_view));
    const int x = m_view->fontMetrics().horizontalAdvance(QLatin1Char('x'));
    m_view->setColumnWidth(ConsistencyModel::Result, x * 30);
    m_view->setColumnWidth(ConsistencyModel::Load, x * 26);

    auto *details = new Section(tr("Last verification"), this);
    auto *detailsLayout = new QVBoxLayout(details->body());
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailsLayout->addWidget(m_details);
    m_keys->setHorizontalHeaderLabels({tr("Key"), tr("Difference")});
    m_keys->verticalHeader()->hide();
    m_keys->horizontalHeader()->setStretchLastSection(true);
    m_keys->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_keys->setSelectionBehavior(QAbstractItemView::SelectRows);
    detailsLayout->addWidget(m_keys, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    layout->addWidget(m_info);

    connect(m_verify, &QPushButton::clicked, this, [this] { onVerify(false); });
    connect(m_repair, &QPushButton::clicked, this, [this] { onVerify(true); });
    connect(m_loadAgain, &QPushButton::clicked, this, &ConsistencyPage::onLoadAgain);
    connect(m_refresh, &QPushButton::clicked, model, &ConsistencyModel::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConsistencyPage::onSelectionChanged);
    connect(model, &QAbstractItemModel::dataChanged, this, &ConsistencyPage::showSelected);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_asking = m_asked = false; // a new configuration or database: nothing is on its way
        if (!select(m_selectedTable, m_selectedRemote))
            showSelected();
    });
    connect(model, &ConsistencyModel::refreshed, this, [this] {
        if (m_readError)
            setStatus(QString()); // read again: the error is over
        if (m_asked) {
            m_asking = m_asked = false;
            showSelected();
        }
    });
    connect(model, &ConsistencyModel::readFailed, this, [this](const QString &message) {
        setStatus(message);
        m_readError = true;
    });
    connect(model, &ConsistencyModel::actionFinished, this, [this](bool, const QString &message) {
        m_asked = true; // the model reads again now
        setStatus(message);
    });
    showSelected();
}

bool ConsistencyPage::confirm(const QString &title, const QString &text)
{
    if (m_confirm)
        return m_confirm(title, text);
    return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

void ConsistencyPage::setStatus(const QString &text)
{
    m_readError = false;
    m_info->setText(text);
}

QString ConsistencyPage::statusText() const
{
    return m_info->text();
}

QString ConsistencyPage::detailsText() const
{
    return m_details->text();
}

int ConsistencyPage::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

bool ConsistencyPage::select(const QString &table, const QString &remote)
{
    const int row = m_model->rowOf(table, remote);
    if (row < 0)
        return false;
    m_view->selectionModel()->select(m_model->index(row, 0),
                                     QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(m_model->index(row, 0));
    return true;
}

void ConsistencyPage::onSelectionChanged()
{
    const int row = selectedRow();
    if (row >= 0) {
        m_selectedTable = m_model->pair(row).table;
        m_selectedRemote = m_model->pair(row).remote;
    }
    showSelected();
}

void ConsistencyPage::showSelected()
{
    const int row = selectedRow();
    const bool usable = row >= 0 && m_model->hasDatabase() && !m_asking;
    const ConsistencyModel::Pair *p = row >= 0 ? &m_model->pair(row) : nullptr;
    m_verify->setEnabled(usable && !p->verifyPending());
    m_repair->setEnabled(usable && !p->verifyPending());
    m_loadAgain->setEnabled(usable && !p->loadPending());
    m_refresh->setEnabled(m_model->hasDatabase());
    m_keys->setRowCount(0);
    if (!p) {
        m_details->setText(tr("Select a table and remote to see its last verification."));
        return;
    }
    if (!p->hasFinished) {
        m_details->setText(tr("%1 has not been verified against %2 yet.").arg(p->table, p->remote));
        return;
    }
    const VerifyRun &run = p->finished;
    QStringList lines;
    lines << (run.repair ? tr("Repair %1 of %2 against %3").arg(run.id).arg(run.table, run.remote)
                         : tr("Verification %1 of %2 against %3").arg(run.id).arg(run.table, run.remote));
    lines << tr("Asked for %1, finished %2; %3 row(s) of this site compared.")
                 .arg(ConsistencyModel::timeText(run.requestedAt), ConsistencyModel::timeText(run.finishedAt),
                      QLocale().toString(run.rowsChecked));
    lines << tr("Result: %1").arg(ConsistencyModel::resultText(run));
    if (run.state == VerifyRun::State::Done && !run.message.isEmpty())
        lines << run.message;
    m_details->setText(lines.join(QLatin1Char('\n')));
    m_keys->setRowCount(int(run.details.size()));
    for (int r = 0; r < run.details.size(); ++r) {
        const QJsonObject d = run.details.at(r).toObject();
        const QString kind = d.value(QStringLiteral("kind")).toString();
        QString words = kind;
        if (kind == QLatin1String("differs"))
            words = tr("differs");
        else if (kind == QLatin1String("missing"))
            words = tr("missing there");
        else if (kind == QLatin1String("extra"))
            words = tr("extra there (only the remote has it)");
        m_keys->setItem(r, 0, new QTableWidgetItem(d.value(QStringLiteral("key")).toString()));
        m_keys->setItem(r, 1, new QTableWidgetItem(words));
    }
}

void ConsistencyPage::onVerify(bool repair)
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const ConsistencyModel::Pair &p = m_model->pair(row);
    if (repair
        && !confirm(tr("Repair %1 on %2").arg(p.table, p.remote),
                    tr("The rows of %1 that differ on %2 or that it lacks are sent again from this site: %2's "
                       "copies of them are overwritten, and rows only %2 has are deleted there.\n\nRepair now?")
                        .arg(p.table, p.remote)))
        return;
    setStatus(repair ? tr("asking for a repair of %1 on %2…").arg(p.table, p.remote)
                     : tr("asking for a verification of %1 against %2…").arg(p.table, p.remote));
    m_asking = true;
    showSelected();
    m_model->verify(row, repair);
}

void ConsistencyPage::onLoadAgain()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const ConsistencyModel::Pair &p = m_model->pair(row);
    if (!confirm(tr("Load %1 into %2 again").arg(p.table, p.remote),
                 tr("Every row of %1 is sent to %2 again, from its first key, while live changes keep flowing. "
                    "%2's copies of these rows are overwritten.\n\nLoad again now?")
                     .arg(p.table, p.remote)))
        return;
    setStatus(tr("asking for a new load of %1 into %2…").arg(p.table, p.remote));
    m_asking = true;
    showSelected();
    m_model->loadAgain(row);
}

} // namespace mysqlsync::ui
