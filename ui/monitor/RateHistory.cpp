#include "monitor/RateHistory.h"

#include <cmath>

namespace mysqlsync::ui {

RateHistory::RateHistory(qint64 windowMs)
    : m_windowMs(qMax<qint64>(1000, windowMs))
{ }

void RateHistory::setWindow(qint64 windowMs)
{
    m_windowMs = qMax<qint64>(1000, windowMs);
    trim();
}

void RateHistory::addSample(qint64 nowMs, double in, double out)
{
    if (!m_samples.empty() && nowMs < m_samples.back().ms)
        return;
    m_samples.push_back({nowMs, qMax(0.0, in), qMax(0.0, out)});
    trim();
}

bool RateHistory::addTotals(qint64 nowMs, qint64 totalIn, qint64 totalOut)
{
    const bool usable = m_baseMs >= 0 && nowMs > m_baseMs && totalIn >= m_baseIn && totalOut >= m_baseOut;
    if (usable) {
        const double seconds = (nowMs - m_baseMs) / 1000.0;
        addSample(nowMs, (totalIn - m_baseIn) / seconds, (totalOut - m_baseOut) / seconds);
    }
    if (m_baseMs < 0 || nowMs >= m_baseMs) {
        m_baseMs = nowMs;
        m_baseIn = totalIn;
        m_baseOut = totalOut;
    }
    return usable;
}

void RateHistory::clear()
{
    m_samples.clear();
    m_baseMs = -1;
    m_baseIn = 0;
    m_baseOut = 0;
}

void RateHistory::trim()
{
    if (m_samples.empty())
        return;
    const qint64 oldest = m_samples.back().ms - m_windowMs;
    while (m_samples.front().ms < oldest)
        m_samples.pop_front();
}

double RateHistory::maxValue() const
{
    double best = 0;
    for (const RateSample &s : m_samples)
        best = qMax(best, qMax(s.in, s.out));
    return best;
}

double RateHistory::sendingRate() const
{
    double sum = 0;
    int count = 0;
    for (const RateSample &s : m_samples) {
        if (s.out > 0) {
            sum += s.out;
            ++count;
        }
    }
    return count ? sum / count : 0;
}

double RateHistory::niceCeiling(double value)
{
    if (!(value > 1)) // also NaN
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * power >= value * (1 - 1e-12))
            return step * power;
    }
    return 10 * power;
}

} // namespace mysqlsync::ui
