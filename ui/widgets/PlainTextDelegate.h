#pragma once
// Paints plain one-line cells (text, a foreground colour, selection) for the big tables (Sync
// status, Errors) at a fraction of QStyledItemDelegate's cost: the style lays every cell out
// with a QTextLayout and shapes its text again on every repaint, which took most of the GUI
// thread's longest bursts under a live sync. Here each distinct text is shaped once into a
// QStaticText (a bounded cache) and drawn from it. Cells it cannot paint the same way (icons,
// check boxes, right-to-left, several lines) go to QStyledItemDelegate unchanged.
#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace mysqlsync::ui {

class PlainTextDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit PlainTextDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Texts kept shaped at most; the cache starts again when it is full or the font changes.
    static constexpr int kCacheLimit = 4096;
    int cachedTexts() const { return int(m_cache.size()); }

private:
    const QStaticText &shaped(const QString &text, const QFont &font) const;

    mutable QHash<QString, QStaticText> m_cache;
    mutable QFont m_cacheFont;
};

} // namespace mysqlsync::ui
