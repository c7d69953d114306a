#pragma once
// The rows/s in and out of the last few minutes (default 5), one sample per call
// (OverviewPage adds one a second): what RateChart draws, and the recent send rate that
// ClientsModel divides an offline remote's outbox by to estimate its catch-up time.
#include <QtGlobal>

#include <deque>

namespace mysqlsync::ui {

struct RateSample {
    qint64 ms = 0;  // monotonic clock
    double in = 0;  // rows/s applied
    double out = 0; // rows/s sent
};

class RateHistory {
public:
    explicit RateHistory(qint64 windowMs = 5 * 60 * 1000);

    void setWindow(qint64 windowMs);
    qint64 window() const { return m_windowMs; }

    // A sample at `nowMs`; samples older than the window before it are dropped. A sample
    // earlier than the newest one is ignored (the clock is monotonic).
    void addSample(qint64 nowMs, double in, double out);
    // A sample from running totals (RateTracker::totalIn/totalOut): the rates since the
    // previous call. The first call, and a call whose totals went back, only set the base.
    // True when a sample was added.
    bool addTotals(qint64 nowMs, qint64 totalIn, qint64 totalOut);
    void clear();

    const std::deque<RateSample> &samples() const { return m_samples; }
    qint64 newestMs() const { return m_samples.empty() ? 0 : m_samples.back().ms; }
    // The largest rate in or out in the window (0 when empty).
    double maxValue() const;
    // The top of the chart's scale: maxValue() rounded up to 1, 2 or 5 times a power of ten.
    double scaleMax() const { return niceCeiling(maxValue()); }
    // The average rows/s out over the samples in which something was sent (what a remote
    // coming back can expect); 0 when nothing was sent in the window.
    double sendingRate() const;

    // The smallest 1, 2 or 5 x 10^k that is >= value, and at least 1.
    static double niceCeiling(double value);

private:
    void trim();

    std::deque<RateSample> m_samples;
    qint64 m_windowMs;
    qint64 m_baseMs = -1;
    qint64 m_baseIn = 0;
    qint64 m_baseOut = 0;
};

} // namespace mysqlsync::ui
