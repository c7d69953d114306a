#include "SyncStatusPage.h"

#include "SyncStatusModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mysqlsync::ui {

SyncStatusPage::SyncStatusPage(SyncStatusModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_status(new QComboBox(this))
    , m_table(new QComboBox(this))
    , m_remote(new QComboBox(this))
    , m_key(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_info(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_status->addItem(tr("Any status"), QString());
    m_status->addItem(tr("Successful"), QStringLiteral("successful"));
    m_status->addItem(tr("Pending"), QStringLiteral("pending"));
    m_status->addItem(tr("Error"), QStringLiteral("error"));
    setChoices({}, {});
    m_key->setPlaceholderText(tr("Search key"));
    m_key->setClearButtonEnabled(true);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    bar->addWidget(m_status);
    bar->addWidget(m_table);
    bar->addWidget(m_remote);
    bar->addWidget(m_key, 1);
    bar->addWidget(refresh);
    layout->addLayout(bar);

    m_view->setModel(model);
    m_view->horizontalHeader()->setSortIndicator(StatusFilter::Date, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->setColumnWidth(StatusFilter::Date, m_view->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00")) + 24);
    layout->addWidget(m_view);
    layout->addWidget(m_info);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &SyncStatusPage::applyFilter);
    connect(m_key, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    for (QComboBox *combo : {m_status, m_table, m_remote})
        connect(combo, &QComboBox::currentIndexChanged, this, &SyncStatusPage::applyFilter);
    connect(refresh, &QPushButton::clicked, model, &SyncStatusModel::refresh);
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
    connect(model, &QAbstractItemModel::modelReset, this, &SyncStatusPage::updateStatus);
    updateStatus();
}

void SyncStatusPage::setChoices(const QStringList &tables, const QStringList &remotes)
{
    const QSignalBlocker b1(m_table);
    const QSignalBlocker b2(m_remote);
    m_table->clear();
    m_table->addItem(tr("Any table"), QString());
    for (const QString &t : tables)
        m_table->addItem(t, t);
    m_remote->clear();
    m_remote->addItem(tr("Any remote"), QString());
    for (const QString &r : remotes)
        m_remote->addItem(r, r);
}

void SyncStatusPage::applyFilter()
{
    StatusFilter f = m_model->filter();
    f.status = m_status->currentData().toString();
    f.table = m_table->currentData().toString();
    f.remote = m_remote->currentData().toString();
    f.keySearch = m_key->text().trimmed();
    m_model->setFilter(f);
}

void SyncStatusPage::updateStatus()
{
    const QLocale locale;
    QString text;
    if (!m_error.isEmpty()) {
        text = m_error;
    } else {
        const QString total = m_model->totalRows() < 0 ? tr("counting…") : locale.toString(m_model->totalRows());
        text = tr("%1 of %2 rows shown").arg(locale.toString(m_model->rowCount()), total);
        if (m_model->isLoading())
            text += tr(" — loading…");
        else if (m_lastPageMs >= 0)
            text += tr(" — last page read in %1 ms").arg(m_lastPageMs);
    }
    m_info->setText(text);
}

QString SyncStatusPage::statusText() const
{
    return m_info->text();
}

} // namespace mysqlsync::ui
