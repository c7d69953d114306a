#pragma once
// Consistency tab: per (sync table, remote) of the open configuration (a ConsistencyModel),
// the last verification and its result, the initial load, and a progress bar with rows/s and
// time left while a load or a verification runs. Verify, Repair (confirmed: it overwrites the
// remote's copies of the rows that differ) and Load again (confirmed) act on the selected row
// through the model, which queues the request for the site's running engine. Below the list,
// the selected row's last verification: its facts and the first keys that differed.
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace mysqlsync::ui {

class ConsistencyModel;

class ConsistencyPage : public QWidget {
    Q_OBJECT
public:
    // Asks the operator (title, question); true to go on. A QMessageBox unless a test sets one.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;

    explicit ConsistencyPage(ConsistencyModel *model, QWidget *parent = nullptr);

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    QTableView *view() const { return m_view; }
    QPushButton *verifyButton() const { return m_verify; }
    QPushButton *repairButton() const { return m_repair; }
    QPushButton *loadAgainButton() const { return m_loadAgain; }
    QPushButton *refreshButton() const { return m_refresh; }
    QTableWidget *keysView() const { return m_keys; }
    QString detailsText() const;
    QString statusText() const;
    // Selects the row of (table, remote); false when there is none.
    bool select(const QString &table, const QString &remote);

private:
    int selectedRow() const;
    void onSelectionChanged();
    void showSelected();
    void onVerify(bool repair);
    void onLoadAgain();
    bool confirm(const QString &title, const QString &text);
    void setStatus(const QString &text);

    ConsistencyModel *m_model;
    QTableView *m_view;
    QPushButton *m_verify;
    QPushButton *m_repair;
    QPushButton *m_loadAgain;
    QPushButton *m_refresh;
    QLabel *m_details;
    QTableWidget *m_keys;
    QLabel *m_info;
    Confirm m_confirm;
    QString m_selectedTable; // kept across resets of the model
    QString m_selectedRemote;
    bool m_readError = false; // the status shows why the last read failed
    // An action is on its way (until the poll after it shows what it did): no second one meanwhile.
    bool m_asking = false;
    bool m_asked = false; // written; the poll after it is on its way
};

} // namespace mysqlsync::ui
