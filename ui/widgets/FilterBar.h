#pragma once
// The filter bar over a page of rows (Sync status, Conflicts): a first choice the page fills
// (status, state), the table and remote choices, a key search and Refresh. changed() follows
// every choice at once and the key search 300 ms after the last keystroke.
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace mysqlsync::ui {

class FilterBar : public QWidget {
    Q_OBJECT
public:
    explicit FilterBar(QWidget *parent = nullptr);

    QComboBox *first() const { return m_first; }
    QComboBox *table() const { return m_table; }
    QComboBox *remote() const { return m_remote; }
    QLineEdit *key() const { return m_key; }
    QPushButton *refreshButton() const { return m_refresh; }
    // The choices of the table and remote filters, after "Any table" / "Any remote" (data: the
    // name, "" for any). Says nothing through changed().
    void setChoices(const QStringList &tables, const QStringList &remotes);

Q_SIGNALS:
    void changed();

private:
    QComboBox *m_first;
    QComboBox *m_table;
    QComboBox *m_remote;
    QLineEdit *m_key;
    QPushButton *m_refresh;
    QTimer m_debounce;
};

} // namespace mysqlsync::ui
