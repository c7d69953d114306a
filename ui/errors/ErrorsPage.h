#pragma once
// Errors & log tab: the ErrorsModel behind a text filter, with CSV export.
#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace mysqlsync::ui {

class ErrorsModel;

class ErrorsPage : public QWidget {
    Q_OBJECT
public:
    ErrorsPage(ErrorsModel *model, QWidget *parent = nullptr);
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    void setFilterText(const QString &text);
    // Writes the filtered rows to `path`.
    bool exportCsv(const QString &path, QString *error) const;

private:
    void exportInteractive();

    ErrorsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
};

} // namespace mysqlsync::ui
