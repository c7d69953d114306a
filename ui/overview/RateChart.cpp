#include "overview/RateChart.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <utility>

namespace mysqlsync::ui {

namespace {
const int kGridLines = 5; // intervals of the value axis
}

RateChart::RateChart(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Rows per second in and out"));
}

QColor RateChart::inColor()
{
    return QColor(0x1f, 0x77, 0xb4);
} // blue
QColor RateChart::outColor()
{
    return QColor(0xe6, 0x55, 0x0d);
} // orange

QSize RateChart::sizeHint() const
{
    return {600, 220};
}
QSize RateChart::minimumSizeHint() const
{
    return {260, 140};
}

void RateChart::addSample(qint64 nowMs, double in, double out)
{
    m_history.addSample(nowMs, in, out);
    update();
}

void RateChart::addTotals(qint64 nowMs, qint64 totalIn, qint64 totalOut)
{
    if (m_history.addTotals(nowMs, totalIn, totalOut))
        update();
}

void RateChart::clear()
{
    m_history.clear();
    update();
}

QString RateChart::valueText(double value) const
{
    const QLocale locale;
    // Scales are 1, 2 or 5 x 10^k split in 5: below 1 one decimal is exact.
    return value < 1 && value > 0 ? locale.toString(value, 'f', 1) : locale.toString(qRound64(value));
}

void RateChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(font());
    const double scale = m_history.scaleMax();
    const qint64 window = m_history.window();

    // Margins: value labels on the left, time labels below, the legend above.
    int labelWidth = fm.horizontalAdvance(tr("rows/s"));
    for (int i = 0; i <= kGridLines; ++i)
        labelWidth = qMax(labelWidth, fm.horizontalAdvance(valueText(scale * i / kGridLines)));
    const QRectF plot = QRectF(rect()).adjusted(labelWidth + 10, fm.height() + 10, -12, -(fm.height() + 8));
    if (plot.width() < 20 || plot.height() < 20)
        return;
    p.fillRect(plot, palette().base());

    // Value grid and labels.
    QPen grid(palette().mid().color());
    grid.setStyle(Qt::DotLine);
    for (int i = 0; i <= kGridLines; ++i) {
        const double y = plot.bottom() - plot.height() * i / kGridLines;
        p.setPen(grid);
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(palette().text().color());
        const QRectF label(0, y - fm.height() / 2.0, labelWidth + 4, fm.height());
        p.drawText(label, Qt::AlignRight | Qt::AlignVCenter, valueText(scale * i / kGridLines));
    }
    p.drawText(QRectF(0, 0, labelWidth + 4, fm.height() + 4), Qt::AlignRight | Qt::AlignVCenter, tr("rows/s"));

    // Time grid: every minute back from the newest sample ("now"), or five steps for long windows.
    const qint64 step = window <= 10 * 60 * 1000 ? 60 * 1000 : window / 5;
    for (qint64 back = 0; back <= window; back += step) {
        const double x = plot.right() - plot.width() * double(back) / double(window);
        p.setPen(grid);
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        p.setPen(palette().text().color());
        const QString text = back == 0 ? tr("now") : tr("-%1 min").arg(QLocale().toString(back / 60000.0, 'g', 3));
        const double w = fm.horizontalAdvance(text);
        const double left = qBound(0.0, x - w / 2, width() - w);
        p.drawText(QRectF(left, plot.bottom() + 4, w + 1, fm.height()), Qt::AlignCenter, text);
    }
    p.setPen(palette().dark().color());
    p.drawRect(plot);

    // The two series, clipped to the plot.
    const auto &samples = m_history.samples();
    if (samples.empty()) {
        p.setPen(palette().placeholderText().color());
        p.drawText(plot, Qt::AlignCenter, tr("no data yet"));
    } else {
        const qint64 newest = m_history.newestMs();
        auto point = [&](const RateSample &s, double value) {
            return QPointF(plot.right() - plot.width() * double(newest - s.ms) / double(window),
                           plot.bottom() - plot.height() * qMin(1.0, value / scale));
        };
        QPolygonF in;
        QPolygonF out;
        in.reserve(qsizetype(samples.size()));
        out.reserve(qsizetype(samples.size()));
        for (const RateSample &s : samples) {
            in << point(s, s.in);
            out << point(s, s.out);
        }
        p.save();
        p.setClipRect(plot.adjusted(0, -2, 0, 2));
        p.setPen(QPen(outColor(), 2));
        p.drawPolyline(out);
        p.setPen(QPen(inColor(), 2));
        p.drawPolyline(in);
        p.restore();
    }

    // Legend, top right above the plot.
    const QString inText = tr("in (applied)");
    const QString outText = tr("out (sent)");
    const int swatch = 18;
    double x =
        plot.right() - (swatch + 4 + fm.horizontalAdvance(inText) + 14 + swatch + 4 + fm.horizontalAdvance(outText));
    const double y = 4 + fm.height() / 2.0;
    for (const auto &[color, text] : {std::pair{inColor(), inText}, std::pair{outColor(), outText}}) {
        p.setPen(QPen(color, 2));
        p.drawLine(QPointF(x, y), QPointF(x + swatch, y));
        x += swatch + 4;
        p.setPen(palette().text().color());
        p.drawText(QRectF(x, 4, fm.horizontalAdvance(text) + 1, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += fm.horizontalAdvance(text) + 14;
    }
}

} // namespace mysqlsync::ui
