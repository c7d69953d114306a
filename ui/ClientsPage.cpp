#include "ClientsPage.h"

#include "ClientsModel.h"

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
                               "\"Online for\" counts down to the heartbeat the client promised."), this);
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
}

} // namespace mysqlsync::ui
