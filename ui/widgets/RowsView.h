#pragma once
// The table of a page of rows (Sync status, Conflicts): `model` shown as plain text
// (PlainTextDelegate), one line a row, whole rows selected, no row numbers, the last column
// stretched and `dateColumn` as wide as `dateSample`.
#include <QString>

class QAbstractItemModel;
class QTableView;

namespace mysqlsync::ui {

void setUpRowsView(QTableView *view, QAbstractItemModel *model, int dateColumn, const QString &dateSample);

} // namespace mysqlsync::ui
