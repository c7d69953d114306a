#pragma once
// Paints a cell as a progress bar when the model gives it a fraction (ConsistencyModel's
// FractionRole, 0..1) and the display text on the bar; cells without one are drawn as usual.
#include <QStyledItemDelegate>

namespace mysqlsync::ui {

class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    ProgressDelegate(int fractionRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace mysqlsync::ui
