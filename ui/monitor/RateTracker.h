#pragma once
// Rows per second in (applied) and out (sent), from the deltas of successive
// EngineCounters reports (countersChanged arrives at most every 200 ms).
#include "engine/EngineTypes.h"

namespace mysqlsync::ui {

class RateTracker {
public:
    // A report at `nowMs` (any monotonic clock, in ms).
    void add(const EngineCounters &counters, qint64 nowMs);
    double rowsInPerSecond() const { return m_in; }
    double rowsOutPerSecond() const { return m_out; }
    // Rows in and out since the first report (the sum of the non-negative deltas, so an
    // engine restart does not count backwards): RateHistory samples these every second.
    qint64 totalIn() const { return m_totalIn; }
    qint64 totalOut() const { return m_totalOut; }
    // Called when no report came for a while: the rates fall to 0 once `nowMs` is
    // more than `idleMs` after the last report.
    void idle(qint64 nowMs, qint64 idleMs = 2000);
    void reset();

private:
    EngineCounters m_last;
    qint64 m_lastMs = -1;
    double m_in = 0;
    double m_out = 0;
    qint64 m_totalIn = 0;
    qint64 m_totalOut = 0;
};

} // namespace mysqlsync::ui
