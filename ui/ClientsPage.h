#pragma once
// Clients tab: the ClientsModel in a sortable table.
#include <QWidget>

namespace mysqlsync::ui {

class ClientsModel;

class ClientsPage : public QWidget {
    Q_OBJECT
public:
    ClientsPage(ClientsModel *model, QWidget *parent = nullptr);
};

} // namespace mysqlsync::ui
