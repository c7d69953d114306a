#pragma once
// Clients tab: the ClientsModel in a sortable table, and why the sync_status counts could
// not be read when they could not.
#include <QWidget>

class QLabel;

namespace mysqlsync::ui {

class ClientsModel;

class ClientsPage : public QWidget {
    Q_OBJECT
public:
    ClientsPage(ClientsModel *model, QWidget *parent = nullptr);
    QString countsErrorText() const;

private:
    QLabel *m_countsError;
};

} // namespace mysqlsync::ui
