#pragma once
#include <QList>
#include <QString>

#include <functional>

namespace testsupport {

// Checks `condition` every `stepMs` while spinning the event loop (QTest::qWait) in
// between, until it holds (true) or `timeoutMs` passed (false; checked once more at the end).
bool waitUntil(const std::function<bool()> &condition, int timeoutMs, int stepMs = 50);

// How quickly something arrives, `rounds` times over: act(i), then (checking every 5 ms)
// until arrived(i) holds. The milliseconds from act's return to arrival, one per round; the
// list ends early at a round whose act failed or whose arrival took longer than timeoutMs.
QList<qint64> timeArrivals(int rounds, const std::function<bool(int)> &act, const std::function<bool(int)> &arrived,
                           int timeoutMs);
// How many of `times` are below `limitMs`.
int countBelow(const QList<qint64> &times, qint64 limitMs);
// "ms per round: 12 15 980 ..." for a failed check's message.
QString describeTimes(const QList<qint64> &times);

} // namespace testsupport
