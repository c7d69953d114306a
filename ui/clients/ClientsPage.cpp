#include "clients/ClientsPage.h"

#include "monitor/ClientsModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace mysqlsync::ui {

ClientsPage::ClientsPage(ClientsModel *model, QWidget *parent)
    : QWidget(parent)
{
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(ClientsModel::SortRole);
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Every configured remote and every client seen on /info. "
                               "\"Online for\" counts down to the heartbeat the client promised. "
                               "Pending and errors are rows of sync_status, counted every few seconds; "
                               "the catch-up estimate of an offline remote is its outbox at the recent send rate."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto *view = new QTableView(this);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(ClientsModel::Name, Qt::AscendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->verticalHeader()->hide();
    layout->addWidget(view);
    m_countsError = new QLabel(this);
    m_countsError->setWordWrap(true);
    m_countsError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_countsError->setStyleSheet(QStringLiteral("color: #b00020"));
    m_countsError->hide();
    layout->addWidget(m_countsError);
    connect(model, &ClientsModel::countsFailed, this, [this](const QString &message) {
        m_countsError->setText(message);
        m_countsError->show();
    });
    connect(model, &ClientsModel::countsLoaded, this, [this] {
        m_countsError->clear();
        m_countsError->hide();
    });
}

QString ClientsPage::countsErrorText() const
{
    return m_countsError->text();
}

} // namespace mysqlsync::ui
