#include "syncstatus/SyncStatusPage.h"

#include "monitor/CsvWriter.h"
#include "monitor/SyncStatusActions.h"
#include "monitor/SyncStatusModel.h"
#include "widgets/FilterBar.h"
#include "widgets/RowsView.h"

#include <QAction>
#include <QClipboard>
#include <QFileDialog>
#include <QGuiApplication>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QToolButton>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace mysqlsync::ui {

namespace {
constexpr int kRefusedByRule = -1; // the status filter's choice beside the SyncStatus values
} // namespace

SyncStatusPage::SyncStatusPage(SyncStatusModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_bar(new FilterBar(this))
    , m_view(new QTableView(this))
    , m_info(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    QComboBox *status = m_bar->first();
    status->addItem(tr("Any status"), QVariant());
    status->addItem(tr("Successful"), int(SyncStatus::Successful));
    status->addItem(tr("Pending"), int(SyncStatus::Pending));
    status->addItem(tr("Error"), int(SyncStatus::Error));
    status->addItem(tr("Refused by rule"), kRefusedByRule); // errors a receiver's rule caused
    layout->addWidget(m_bar);

    setUpRowsView(m_view, model, StatusFilter::Date, QStringLiteral("0000-00-00 00:00:00"));
    m_view->horizontalHeader()->setSortIndicator(StatusFilter::Date, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    layout->addWidget(m_view);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_info, 1);
    buildActions();
    for (QAction *action : {m_resendAction, m_resendErrorsAction, m_copyAction, m_exportAction}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        bottom->addWidget(button);
    }
    layout->addLayout(bottom);

    connect(m_bar, &FilterBar::changed, this, &SyncStatusPage::applyFilter);
    connect(m_bar->refreshButton(), &QPushButton::clicked, model, &SyncStatusModel::refresh);
    connect(model, &SyncStatusModel::pageLoaded, this, [this](int, qint64 ms) {
        m_lastPageMs = ms;
        m_error.clear();
        updateStatus();
    });
    connect(model, &SyncStatusModel::loadFailed, this, [this](const QString &message) {
        m_error = message;
        updateStatus();
    });
    connect(model, &SyncStatusModel::totalRowsChanged, this, &SyncStatusPage::updateStatus);
    connect(model, &SyncStatusModel::loadingChanged, this, &SyncStatusPage::updateStatus);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_notice.clear(); // a refresh shows what the engine made of it
        updateStatus();
        updateActions();
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, &SyncStatusPage::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SyncStatusPage::updateActions);
    updateStatus();
    updateActions();
}

void SyncStatusPage::buildActions()
{
    m_resendAction = new QAction(tr("Resend selected rows"), this);
    m_resendErrorsAction = new QAction(tr("Resend all errors for remote…"), this);
    m_copyAction = new QAction(tr("Copy"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_exportAction = new QAction(tr("Export CSV…"), this);
    connect(m_resendAction, &QAction::triggered, this, &SyncStatusPage::resendSelection);
    connect(m_resendErrorsAction, &QAction::triggered, this, &SyncStatusPage::askResendErrors);
    connect(m_copyAction, &QAction::triggered, this, &SyncStatusPage::copySelection);
    connect(m_exportAction, &QAction::triggered, this, &SyncStatusPage::askExportCsv);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_resendAction, m_resendErrorsAction, m_copyAction, m_exportAction});
}

void SyncStatusPage::updateActions()
{
    const bool selected = m_view->selectionModel()->hasSelection();
    m_resendAction->setEnabled(selected);
    m_copyAction->setEnabled(selected);
    m_resendErrorsAction->setEnabled(!m_remotes.isEmpty());
    m_exportAction->setEnabled(m_model->rowCount() > 0);
}

QList<int> SyncStatusPage::selectedRows() const
{
    QList<int> rows;
    const QModelIndexList indexes = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : indexes)
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void SyncStatusPage::resendSelection()
{
    QList<StatusRow> rows;
    for (int r : selectedRows())
        rows << m_model->row(r);
    const QList<ResendBatch> batches = groupForResend(rows);
    for (const ResendBatch &b : batches)
        Q_EMIT resendRequested(b.remote, b.table, b.keys);
    if (!rows.isEmpty()) {
        m_notice = tr("%n row(s) queued to be sent again", nullptr, int(rows.size()));
        updateStatus();
    }
}

void SyncStatusPage::resendErrorsFor(const QString &remote)
{
    if (remote.isEmpty())
        return;
    Q_EMIT resendErrorsRequested(remote);
    m_notice = tr("rows in error for %1 queued to be sent again").arg(remote);
    updateStatus();
}

void SyncStatusPage::askResendErrors()
{
    if (m_remotes.isEmpty())
        return;
    const QString current = m_bar->remote()->currentData().toString();
    bool ok = false;
    const QString remote = QInputDialog::getItem(this, tr("Resend errors"), tr("Resend every row in error for remote:"),
                                                 m_remotes, qMax(0, int(m_remotes.indexOf(current))), false, &ok);
    if (ok)
        resendErrorsFor(remote);
}

void SyncStatusPage::copySelection()
{
    const QList<int> rows = selectedRows();
    if (!rows.isEmpty())
        QGuiApplication::clipboard()->setText(rowsAsTsv(*m_model, rows));
}

bool SyncStatusPage::exportCsv(const QString &path, QString *error)
{
    return CsvWriter::writeFile(*m_model, path, error);
}

void SyncStatusPage::askExportCsv()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export CSV"), tr("sync_status.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportCsv(path, &error)) {
        m_notice = tr("%n row(s) exported to %1", nullptr, m_model->rowCount()).arg(path);
        updateStatus();
    } else {
        QMessageBox::warning(this, tr("Export CSV"), error);
    }
}

void SyncStatusPage::setChoices(const QStringList &tables, const QStringList &remotes)
{
    m_bar->setChoices(tables, remotes);
    m_remotes = remotes;
    if (m_resendErrorsAction)
        updateActions();
}

void SyncStatusPage::applyFilter()
{
    StatusFilter f = m_model->filter();
    const QVariant status = m_bar->first()->currentData();
    f.refusedOnly = status.isValid() && status.toInt() == kRefusedByRule;
    f.status =
        status.isValid() && !f.refusedOnly ? std::optional<SyncStatus>(SyncStatus(status.toInt())) : std::nullopt;
    f.table = m_bar->table()->currentData().toString();
    f.remote = m_bar->remote()->currentData().toString();
    f.keySearch = m_bar->key()->text().trimmed();
    m_model->setFilter(f);
}

void SyncStatusPage::updateStatus()
{
    const QLocale locale;
    QString text;
    if (!m_error.isEmpty()) {
        text = m_error;
    } else {
        const QString total = m_model->totalRows() < 0 ? tr("counting…")
            : m_model->countCapped()                   ? tr("more than %1").arg(locale.toString(m_model->totalRows()))
                                                       : locale.toString(m_model->totalRows());
        text = tr("%1 of %2 rows shown").arg(locale.toString(m_model->rowCount()), total);
        if (m_model->isLoading())
            text += tr(" — loading…");
        else if (m_lastPageMs >= 0)
            text += tr(" — last page read in %1 ms").arg(m_lastPageMs);
        if (!m_notice.isEmpty())
            text += tr(" — %1").arg(m_notice);
    }
    m_info->setText(text);
}

QString SyncStatusPage::statusText() const
{
    return m_info->text();
}

} // namespace mysqlsync::ui
