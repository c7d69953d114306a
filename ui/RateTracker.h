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
    // Called when no report came for a while: the rates fall to 0 once `nowMs` is
    // more than `idleMs` after the last report.
    void idle(qint64 nowMs, qint64 idleMs = 2000);
    void reset();

private:
    EngineCounters m_last;
    qint64 m_lastMs = -1;
    double m_in = 0;
    double m_out = 0;
};

} // namespace mysqlsync::ui
