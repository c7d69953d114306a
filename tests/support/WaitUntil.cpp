#include "WaitUntil.h"

#include <QDeadlineTimer>
#include <QTest>

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

} // namespace testsupport
