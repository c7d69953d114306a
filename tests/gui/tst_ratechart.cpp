// RateChart and its RateHistory: samples, trimming to the window, rates from running
// totals, the scale, the recent send rate, and that the two series are really painted.
#include "monitor/RateHistory.h"
#include "overview/OverviewPage.h"
#include "overview/RateChart.h"

#include <QImage>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace mysqlsync::ui;

namespace {

bool near(QRgb pixel, const QColor &color)
{
    return qAbs(qRed(pixel) - color.red()) + qAbs(qGreen(pixel) - color.green()) + qAbs(qBlue(pixel) - color.blue())
        < 60;
}

// Pixels of `color` in the rows [top, bottom) of `image`.
int count(const QImage &image, const QColor &color, int top, int bottom)
{
    int n = 0;
    for (int y = qMax(0, top); y < qMin(image.height(), bottom); ++y) {
        for (int x = 0; x < image.width(); ++x)
            n += near(image.pixel(x, y), color);
    }
    return n;
}

} // namespace

class TestRateChart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void samplesAreTrimmedToTheWindow()
    {
        RateHistory h(60 * 1000);
        for (int s = 0; s <= 100; ++s)
            h.addSample(s * 1000, s, 2 * s);
        // 100 s of samples, a 60 s window: 40..100 are kept.
        QCOMPARE(int(h.samples().size()), 61);
        QCOMPARE(h.samples().front().ms, qint64(40000));
        QCOMPARE(h.samples().back().in, 100.0);
        QCOMPARE(h.newestMs(), qint64(100000));
        QCOMPARE(h.maxValue(), 200.0);
        // A sample from the past is ignored, not inserted out of order.
        h.addSample(50000, 1e6, 0);
        QCOMPARE(int(h.samples().size()), 61);
        QCOMPARE(h.maxValue(), 200.0);
        // Shrinking the window trims at once.
        h.setWindow(10 * 1000);
        QCOMPARE(int(h.samples().size()), 11);
        QCOMPARE(h.samples().front().ms, qint64(90000));
        // A long silence: the old samples leave the window as new ones come.
        h.addSample(500000, 0, 0);
        QCOMPARE(int(h.samples().size()), 1);
        QCOMPARE(h.maxValue(), 0.0);
    }

    void fiveMinutesOfOneSamplePerSecond()
    {
        RateChart chart;
        QCOMPARE(chart.history().window(), qint64(5 * 60 * 1000));
        for (int s = 0; s < 600; ++s)
            chart.addSample(s * 1000, 1, 1);
        QCOMPARE(int(chart.history().samples().size()), 301); // 5 minutes, both ends included
        chart.clear();
        QVERIFY(chart.history().samples().empty());
    }

    void ratesFromTotals()
    {
        RateHistory h;
        QVERIFY(!h.addTotals(1000, 100, 10)); // the base only
        QVERIFY(h.samples().empty());
        QVERIFY(h.addTotals(2000, 350, 10)); // +250 in, +0 out in 1 s
        QCOMPARE(h.samples().back().in, 250.0);
        QCOMPARE(h.samples().back().out, 0.0);
        QVERIFY(h.addTotals(2500, 350, 60)); // +50 out in 0.5 s
        QCOMPARE(h.samples().back().in, 0.0);
        QCOMPARE(h.samples().back().out, 100.0);
        // Totals going back (a reset tracker) start a new base instead of a negative rate.
        QVERIFY(!h.addTotals(3500, 0, 0));
        QVERIFY(h.addTotals(4500, 7, 3));
        QCOMPARE(h.samples().back().in, 7.0);
        QCOMPARE(h.samples().back().out, 3.0);
        QCOMPARE(int(h.samples().size()), 3);
    }

    void scaleGrowsToTheMaximum_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("scale");
        QTest::newRow("nothing") << 0.0 << 1.0;
        QTest::newRow("below one") << 0.4 << 1.0;
        QTest::newRow("one") << 1.0 << 1.0;
        QTest::newRow("just above one") << 1.01 << 2.0;
        QTest::newRow("seven") << 7.3 << 10.0;
        QTest::newRow("twelve") << 12.0 << 20.0;
        QTest::newRow("twenty") << 20.0 << 20.0;
        QTest::newRow("480") << 480.0 << 500.0;
        QTest::newRow("501") << 501.0 << 1000.0;
        QTest::newRow("30k") << 30000.0 << 50000.0;
    }
    void scaleGrowsToTheMaximum()
    {
        QFETCH(double, value);
        QFETCH(double, scale);
        QCOMPARE(RateHistory::niceCeiling(value), scale);
        RateHistory h;
        h.addSample(0, value, value / 2);
        QCOMPARE(h.scaleMax(), scale);
    }

    void scaleFallsWhenThePeakLeavesTheWindow()
    {
        RateHistory h(10 * 1000);
        h.addSample(0, 900, 0);
        QCOMPARE(h.scaleMax(), 1000.0);
        for (int s = 1; s <= 11; ++s)
            h.addSample(s * 1000, 3, 4);
        QCOMPARE(h.scaleMax(), 5.0);
    }

    void sendingRateIgnoresIdleSeconds()
    {
        RateHistory h;
        QCOMPARE(h.sendingRate(), 0.0);
        h.addSample(1000, 50, 0);
        QCOMPARE(h.sendingRate(), 0.0); // received, but nothing sent
        h.addSample(2000, 0, 100);
        h.addSample(3000, 0, 0);
        h.addSample(4000, 0, 300);
        QCOMPARE(h.sendingRate(), 200.0);
    }

    void overviewSamplesTheCountersEverySecond()
    {
        OverviewPage page;
        QSignalSpy rate(&page, &OverviewPage::sendRateChanged);
        const RateHistory &h = page.rateChart()->history();
        mysqlsync::EngineCounters c;
        page.onCounters(c);
        QTRY_VERIFY_WITH_TIMEOUT(rate.count() >= 1, 3000); // the base: no sample yet
        c.applied = 300;
        c.sent = 200;
        page.onCounters(c);
        QTRY_VERIFY_WITH_TIMEOUT(!h.samples().empty(), 3000);
        // The rows, over the second or so since the base (a coarse timer may be 5 % early).
        QVERIFY2(h.samples().back().in > 150 && h.samples().back().in < 320,
                 qPrintable(QString::number(h.samples().back().in)));
        QVERIFY(h.samples().back().out > 100 && h.samples().back().out < 214);
        QCOMPARE(rate.last().at(0).toDouble(), h.sendingRate());
        QVERIFY(rate.last().at(0).toDouble() > 0);
        page.setSite(QStringLiteral("a"), QStringLiteral("/tmp/a.json")); // another site: a new chart
        QVERIFY(h.samples().empty());
    }

    void overviewShowsTheUnknownSenders()
    {
        OverviewPage page;
        QCOMPARE(page.unknownSendersText(), QLocale().toString(0));
        mysqlsync::EngineCounters c;
        c.unknownSenders = 12345;
        page.onCounters(c);
        QCOMPARE(page.unknownSendersText(), QLocale().toString(qint64(12345)));
    }

    void overviewShowsRowsPerMessageAndBytesPerRow()
    {
        OverviewPage page;
        QCOMPARE(page.rowsPerMessageText(), QStringLiteral("—")); // nothing sent yet
        QCOMPARE(page.bytesPerRowText(), QStringLiteral("—"));
        mysqlsync::EngineCounters c;
        c.sent = 1000; // per-row: one message each
        c.messagesOut = 1000;
        c.bytesOut = 312500;
        page.onCounters(c);
        QCOMPARE(page.rowsPerMessageText(), QLocale().toString(1.0, 'f', 1));
        QCOMPARE(page.bytesPerRowText(), QLocale().toString(312.5, 'f', 1));
        c.sent += 2000; // then two batches of 1000 rows, 40,000 bytes each
        c.messagesOut += 2;
        c.bytesOut += 80000;
        page.onCounters(c);
        QCOMPARE(page.rowsPerMessageText(), QLocale().toString(3000.0 / 1002.0, 'f', 1));
        QCOMPARE(page.bytesPerRowText(), QLocale().toString(392500.0 / 3000.0, 'f', 1));
    }

    void paintsBothSeries()
    {
        RateChart chart;
        chart.resize(500, 300);
        const QImage empty = chart.grab().toImage();
        // The legend is above the plot; the middle of the plot is empty without samples.
        const int mid = empty.height() / 2;
        QCOMPARE(count(empty, RateChart::inColor(), mid - 30, mid + 30), 0);

        // "in" at 5 rows/s and "out" at 8: the scale is 10, "in" runs through the middle
        // of the plot and "out" at 80 % of its height, over the last minute.
        for (int s = 0; s <= 60; ++s)
            chart.addSample(s * 1000, 5, 8);
        QCOMPARE(chart.history().scaleMax(), 10.0);
        const QImage drawn = chart.grab().toImage();
        QVERIFY2(count(drawn, RateChart::inColor(), mid - 30, mid + 30) > 50, "the 'in' line is not in the middle");
        QCOMPARE(count(drawn, RateChart::outColor(), mid - 30, mid + 30), 0);
        QVERIFY2(count(drawn, RateChart::outColor(), mid - 100, mid - 40) > 50, "the 'out' line is not at 80 %");
        // Both lines end at "now", on the right: the left part of the 5 minutes is empty.
        int leftIn = 0;
        for (int y = mid - 30; y < mid + 30; ++y) {
            for (int x = 0; x < drawn.width() / 2; ++x)
                leftIn += near(drawn.pixel(x, y), RateChart::inColor());
        }
        QCOMPARE(leftIn, 0);
    }
};

QTEST_MAIN(TestRateChart)
#include "tst_ratechart.moc"
