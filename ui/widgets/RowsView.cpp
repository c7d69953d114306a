#include "widgets/RowsView.h"

#include "widgets/PlainTextDelegate.h"

#include <QHeaderView>
#include <QTableView>

namespace mysqlsync::ui {

void setUpRowsView(QTableView *view, QAbstractItemModel *model, int dateColumn, const QString &dateSample)
{
    view->setModel(model);
    view->setItemDelegate(new PlainTextDelegate(view));
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->verticalHeader()->hide();
    view->setWordWrap(false);
    view->setColumnWidth(dateColumn, view->fontMetrics().horizontalAdvance(dateSample) + 24);
}

} // namespace mysqlsync::ui
