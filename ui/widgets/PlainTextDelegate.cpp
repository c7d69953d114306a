#include "widgets/PlainTextDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace mysqlsync::ui {

PlainTextDelegate::PlainTextDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

const QStaticText &PlainTextDelegate::shaped(const QString &text, const QFont &font) const
{
    if (font != m_cacheFont || m_cache.size() >= kCacheLimit) {
        m_cache.clear();
        m_cacheFont = font;
    }
    auto it = m_cache.find(text);
    if (it == m_cache.end()) {
        QStaticText staticText(text);
        staticText.setTextFormat(Qt::PlainText); // a key or a message is never markup
        staticText.prepare(QTransform(), font);
        it = m_cache.insert(text, staticText);
    }
    return it.value();
}

void PlainTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const bool plain = !(opt.features & (QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator))
        && opt.direction == Qt::LeftToRight && !opt.text.contains(QLatin1Char('\n'))
        && !opt.text.contains(QChar::LineSeparator);
    if (!plain) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    // The cell's background (selection, alternating rows, hover) as the style draws it.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
        : (opt.state & QStyle::State_Active)                                ? QPalette::Normal
                                                                            : QPalette::Inactive;
    const QColor color =
        opt.palette.color(group, (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect textRect = opt.rect.adjusted(margin, 0, -margin, 0);
    if (!opt.text.isEmpty() && textRect.width() > 0) {
        painter->save();
        painter->setPen(color);
        painter->setFont(opt.font);
        painter->setClipRect(opt.rect);
        const QStaticText &text = shaped(opt.text, opt.font);
        const QSizeF size = text.size();
        if (size.width() > textRect.width()) {
            // Too wide: elided like the style does (rare: the columns fit their usual texts).
            const QString elided = opt.fontMetrics.elidedText(opt.text, opt.textElideMode, textRect.width());
            painter->drawText(textRect, int(opt.displayAlignment) | Qt::TextSingleLine, elided);
        } else {
            qreal x = textRect.left();
            if (opt.displayAlignment & Qt::AlignRight)
                x = textRect.right() + 1 - size.width();
            else if (opt.displayAlignment & Qt::AlignHCenter)
                x = textRect.left() + (textRect.width() - size.width()) / 2;
            qreal y = textRect.top() + (textRect.height() - size.height()) / 2;
            if (opt.displayAlignment & Qt::AlignTop)
                y = textRect.top();
            else if (opt.displayAlignment & Qt::AlignBottom)
                y = textRect.bottom() + 1 - size.height();
            painter->drawStaticText(QPointF(x, y), text);
        }
        painter->restore();
    }

    if (opt.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(opt);
        focus.rect = opt.rect;
        focus.state |= QStyle::State_KeyboardFocusChange;
        focus.backgroundColor =
            opt.palette.color(group, (opt.state & QStyle::State_Selected) ? QPalette::Highlight : QPalette::Window);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
}

} // namespace mysqlsync::ui
