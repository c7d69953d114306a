#include "conflicts/ConflictsPage.h"

#include "conflicts/ConflictDetails.h"
#include "monitor/ConflictsModel.h"
#include "widgets/FilterBar.h"
#include "widgets/RowsView.h"

#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QSysInfo>
#include <QTableView>
#include <QVBoxLayout>

namespace mysqlsync::ui {

ConflictsPage::ConflictsPage(ConflictsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_bar(new FilterBar(this))
    , m_view(new QTableView(this))
    , m_details(new ConflictDetails(this))
    , m_info(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    stateFilter()->addItem(tr("Open and settled"), int(ConflictFilter::State::Any));
    stateFilter()->addItem(tr("Open"), int(ConflictFilter::State::Open));
    stateFilter()->addItem(tr("Settled"), int(ConflictFilter::State::Settled));
    layout->addWidget(m_bar);

    setUpRowsView(m_view, model, ConflictsModel::Detected, QStringLiteral("0000-00-00 00:00:00.000"));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    layout->addWidget(m_info);

    connect(m_bar, &FilterBar::changed, this, &ConflictsPage::applyFilter);
    connect(m_bar->refreshButton(), &QPushButton::clicked, model, &ConflictsModel::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ConflictsPage::showSelected);
    // A refresh replaces the rows (a reset): the conflict shown is selected again, as it is now
    // (settled by the engine since, or still open when it refused).
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_asked.clear();
        if (m_selectedId == 0 || !select(m_selectedId)) {
            m_selectedId = 0;
            m_details->clear();
        }
        updateStatus();
    });
    connect(model, &ConflictsModel::pageLoaded, this, [this] {
        m_error.clear();
        updateStatus();
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, &ConflictsPage::updateStatus);
    connect(model, &ConflictsModel::loadingChanged, this, &ConflictsPage::updateStatus);
    connect(model, &ConflictsModel::loadFailed, this, [this](const QString &message) {
        m_error = message;
        updateStatus();
    });
    connect(m_details, &ConflictDetails::settleRequested, this, &ConflictsPage::onSettle);
    updateStatus();
}

QString ConflictsPage::operatorName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME"); // Windows
    if (user.isEmpty())
        user = QStringLiteral("operator");
    return user + QLatin1Char('@') + QSysInfo::machineHostName();
}

void ConflictsPage::setChoices(const QStringList &tables, const QStringList &remotes)
{
    m_bar->setChoices(tables, remotes);
}

void ConflictsPage::applyFilter()
{
    ConflictFilter f;
    f.state = ConflictFilter::State(stateFilter()->currentData().toInt());
    f.table = tableFilter()->currentData().toString();
    f.remote = remoteFilter()->currentData().toString();
    f.keySearch = keySearch()->text().trimmed();
    m_model->setFilter(f);
}

bool ConflictsPage::select(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, 0);
    if (m_view->selectionModel()->isRowSelected(row, {}))
        showSelected(); // the record may have changed (settled)
    else
        m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void ConflictsPage::showSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return; // a reset drops the selection; modelReset selects again or clears
    const ConflictRecord &c = m_model->conflict(rows.first().row());
    m_selectedId = c.id;
    m_details->setConflict(c, m_asked.contains(c.id));
}

void ConflictsPage::onSettle(qint64 id, ConflictOutcome choice, const QJsonValue &edited)
{
    m_asked.insert(id);
    m_notice = tr("conflict %1: settlement sent to the engine").arg(id);
    updateStatus();
    Q_EMIT settleRequested(id, choice, edited, operatorName());
}

void ConflictsPage::updateStatus()
{
    QString text;
    if (!m_error.isEmpty()) {
        text = m_error;
    } else {
        text = tr("%n conflict(s) shown", nullptr, m_model->rowCount());
        if (m_model->isLoading())
            text += tr(" — loading…");
        if (!m_notice.isEmpty())
            text += tr(" — %1").arg(m_notice);
    }
    m_info->setText(text);
}

QString ConflictsPage::statusText() const
{
    return m_info->text();
}

} // namespace mysqlsync::ui
