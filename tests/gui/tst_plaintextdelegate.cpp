// PlainTextDelegate: cells painted from shaped-once texts look like the style's (text where
// the style puts it, the model's colour, selection), elide what does not fit, fall back to
// QStyledItemDelegate for what it does not draw, and keep its cache bounded.
#include "widgets/PlainTextDelegate.h"

#include <QHeaderView>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace mysqlsync::ui;

namespace {

bool near(QRgb pixel, const QColor &color, int tolerance = 90)
{
    return qAbs(qRed(pixel) - color.red()) + qAbs(qGreen(pixel) - color.green()) + qAbs(qBlue(pixel) - color.blue())
        < tolerance;
}

// Pixels of `color` inside `rect` of `image`, and the leftmost/rightmost column holding one.
struct Ink {
    int pixels = 0;
    int left = -1;
    int right = -1;
};
Ink ink(const QImage &image, const QRect &rect, const QColor &color)
{
    Ink r;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (!near(image.pixel(x, y), color))
                continue;
            ++r.pixels;
            r.left = r.left < 0 ? x : qMin(r.left, x);
            r.right = qMax(r.right, x);
        }
    }
    return r;
}

struct View {
    QStandardItemModel model{3, 1};
    QTableView view;
    View(QAbstractItemDelegate *delegate, int width)
    {
        view.setModel(&model);
        if (delegate)
            view.setItemDelegate(delegate);
        view.horizontalHeader()->hide();
        view.verticalHeader()->hide();
        view.setShowGrid(false);
        view.setColumnWidth(0, width);
        view.resize(width + 40, 120);
        view.setPalette(QPalette(Qt::white));
        QPalette p = view.palette();
        p.setColor(QPalette::Base, Qt::white);
        p.setColor(QPalette::Text, Qt::black);
        p.setColor(QPalette::Highlight, QColor(0, 0, 160));
        p.setColor(QPalette::HighlightedText, Qt::white);
        view.setPalette(p);
    }
    QImage grab()
    {
        view.show();
        QCoreApplication::processEvents();
        return view.viewport()->grab().toImage();
    }
    QRect cell(int row) { return view.visualRect(model.index(row, 0)); }
};

} // namespace

class TestPlainTextDelegate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void textIsWhereTheStylePutsIt()
    {
        View plain(new PlainTextDelegate, 300), styled(nullptr, 300);
        for (View *v : {&plain, &styled})
            v->model.setItem(0, 0, new QStandardItem(QStringLiteral("items-42 site_b")));
        const QImage a = plain.grab(), b = styled.grab();
        const Ink ours = ink(a, plain.cell(0), Qt::black), theirs = ink(b, styled.cell(0), Qt::black);
        QVERIFY2(ours.pixels > 20, "no text painted");
        QVERIFY(theirs.pixels > 20);
        // Same glyphs, same place: a pixel or two apart at most.
        QVERIFY2(qAbs(ours.left - theirs.left) <= 2,
                 qPrintable(QStringLiteral("left %1 vs %2").arg(ours.left).arg(theirs.left)));
        QVERIFY2(qAbs(ours.right - theirs.right) <= 3,
                 qPrintable(QStringLiteral("right %1 vs %2").arg(ours.right).arg(theirs.right)));
        QVERIFY(qAbs(ours.pixels - theirs.pixels) < theirs.pixels / 4);
    }

    void foregroundAndSelectionColours()
    {
        View v(new PlainTextDelegate, 200);
        auto *red = new QStandardItem(QStringLiteral("error error error"));
        red->setForeground(QColor(200, 0, 0));
        v.model.setItem(0, 0, red);
        v.model.setItem(1, 0, new QStandardItem(QStringLiteral("selected row")));
        v.view.setSelectionBehavior(QAbstractItemView::SelectRows);
        v.view.selectRow(1);
        const QImage image = v.grab();
        QVERIFY2(ink(image, v.cell(0), QColor(200, 0, 0)).pixels > 20, "the model's colour was not used");
        QCOMPARE(ink(image, v.cell(0), Qt::black).pixels, 0);
        const QRect selected = v.cell(1);
        QVERIFY2(ink(image, selected, QColor(0, 0, 160)).pixels > selected.width() * selected.height() / 2,
                 "the selection background is missing");
        // Light text on the dark selection (anti-aliased: count the pixels well above its red of 0).
        int light = 0;
        for (int y = selected.top(); y <= selected.bottom(); ++y)
            for (int x = selected.left(); x <= selected.right(); ++x)
                light += qRed(image.pixel(x, y)) > 150 && qGreen(image.pixel(x, y)) > 150;
        QVERIFY2(light > 20, "selected text is not in the highlighted text colour");
    }

    void tooLongTextIsElidedInsideItsCell()
    {
        View v(new PlainTextDelegate, 80);
        v.model.setItem(0, 0, new QStandardItem(QString(200, QLatin1Char('W'))));
        const QImage image = v.grab();
        const QRect cell = v.cell(0);
        const Ink inside = ink(image, cell, Qt::black);
        QVERIFY(inside.pixels > 20);
        QVERIFY2(inside.right <= cell.right(), "text ran out of its cell");
        // Nothing painted right of the column.
        QCOMPARE(ink(image, QRect(cell.right() + 2, cell.top(), 30, cell.height()), Qt::black).pixels, 0);
    }

    void cellsItDoesNotDrawGoToTheStyle()
    {
        auto *delegate = new PlainTextDelegate;
        View v(delegate, 200);
        QPixmap icon(16, 16);
        icon.fill(QColor(0, 160, 0));
        v.model.setItem(0, 0, new QStandardItem(QIcon(icon), QStringLiteral("with icon")));
        v.model.setItem(1, 0, new QStandardItem(QStringLiteral("two\nlines")));
        const QImage image = v.grab();
        QVERIFY2(ink(image, v.cell(0), QColor(0, 160, 0)).pixels > 100, "the icon was not painted");
        QCOMPARE(delegate->cachedTexts(), 0); // neither went through the cache
    }

    void cacheStaysBounded()
    {
        auto *delegate = new PlainTextDelegate;
        View v(delegate, 200);
        QImage image(200, 30, QImage::Format_ARGB32);
        QPainter painter(&image);
        QStyleOptionViewItem option;
        option.rect = QRect(0, 0, 200, 30);
        option.font = v.view.font();
        option.fontMetrics = QFontMetrics(option.font);
        option.widget = &v.view;
        v.model.setItem(0, 0, new QStandardItem);
        for (int i = 0; i < PlainTextDelegate::kCacheLimit + 500; ++i) {
            v.model.item(0, 0)->setText(QStringLiteral("key %1").arg(i));
            delegate->paint(&painter, option, v.model.index(0, 0));
            QVERIFY(delegate->cachedTexts() <= PlainTextDelegate::kCacheLimit);
        }
        QVERIFY(delegate->cachedTexts() > 0);
        // Another font: texts shaped for the old one are not reused.
        option.font.setPointSize(option.font.pointSize() + 4);
        option.fontMetrics = QFontMetrics(option.font);
        delegate->paint(&painter, option, v.model.index(0, 0));
        QCOMPARE(delegate->cachedTexts(), 1);
    }
};

QTEST_MAIN(TestPlainTextDelegate)
#include "tst_plaintextdelegate.moc"
