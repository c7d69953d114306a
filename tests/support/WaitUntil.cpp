#include "WaitUntil.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QStringList>
#include <QTest>

#include <algorithm>

namespace testsupport {

bool waitUntil(const std::function<bool()> &condition, int timeoutMs, int stepMs)
{
    QDeadlineTimer deadline(timeoutMs);
    if (stepMs < 1)
        stepMs = 1;
    while (true) {
        if (condition())
            return true;
        if (deadline.hasExpired())
            return false;
        const qint64 left = deadline.remainingTime();
        QTest::qWait(int(qMin<qint64>(stepMs, qMax<qint64>(left, 1))));
    }
}


QList<qint64> timeArrivals(int rounds, const std::function<bool(int)> &act, const std::function<bool(int)> &arrived,
                           int timeoutMs)
{
    QList<qint64> took;
    for (int i = 0; i < rounds; ++i) {
        if (!act(i))
            break;
        QElapsedTimer timer;
        timer.start();
        if (!waitUntil([&] { return arrived(i); }, timeoutMs, 5))
            break;
        took << timer.elapsed();
    }
    return took;
}

int countBelow(const QList<qint64> &times, qint64 limitMs)
{
    return int(std::count_if(times.cbegin(), times.cend(), [limitMs](qint64 ms) { return ms < limitMs; }));
}

QString describeTimes(const QList<qint64> &times)
{
    QStringList out;
    for (qint64 ms : times)
        out << QString::number(ms);
    return QStringLiteral("ms per round: ") + out.join(QLatin1Char(' '));
}

} // namespace testsupport
