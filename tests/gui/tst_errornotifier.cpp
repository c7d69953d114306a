// ErrorNotifier: the first error is told at once, the ones within the next minute together
// when it ends, with their count and the latest; reset forgets what waits.
#include "monitor/ErrorNotifier.h"

#include <QSignalSpy>
#include <QTest>

using namespace mysqlsync;
using namespace mysqlsync::ui;

namespace {
EngineError error(const QString &message, const QString &key = QStringLiteral("7"))
{
    return EngineError::now(EngineError::Source::Remote, message, QStringLiteral("site_b"), QStringLiteral("items"),
                            key);
}
} // namespace

class TestErrorNotifier : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstAtOnceThenOnePerMinute()
    {
        qint64 now = 1000000;
        ErrorNotifier n;
        n.setClock([&] { return now; });
        QSignalSpy told(&n, &ErrorNotifier::notification);
        n.onError(error(QStringLiteral("Unknown column \"note\"")));
        QCOMPARE(told.count(), 1);
        QVERIFY(told.last().at(1).toString().contains(QStringLiteral("Unknown column \"note\"")));
        QVERIFY(told.last().at(1).toString().contains(QStringLiteral("site_b")));
        QVERIFY(told.last().at(1).toString().contains(QStringLiteral("items, key 7")));
        QCOMPARE(n.nextDueMs(), qint64(-1));

        for (int i = 0; i < 500; ++i) {
            now += 100;
            n.onError(error(QStringLiteral("refused %1").arg(i), QString::number(i)));
        }
        QCOMPARE(told.count(), 1); // still within the minute
        QCOMPARE(n.nextDueMs(), qint64(1000000 + 60000));
        now = 1000000 + 59999;
        n.deliverDue();
        QCOMPARE(told.count(), 1);
        now = 1000000 + 60000;
        n.deliverDue();
        QCOMPARE(told.count(), 2);
        const QString summary = told.last().at(1).toString();
        QVERIFY2(summary.contains(QStringLiteral("500")) && summary.contains(QStringLiteral("refused 499")),
                 qPrintable(summary));
        n.deliverDue();
        QCOMPARE(told.count(), 2); // nothing waits any more

        // A quiet minute later, the next error is told at once again.
        now += 60000;
        n.onError(error(QStringLiteral("again")));
        QCOMPARE(told.count(), 3);
    }

    void timerDeliversTheSummary()
    {
        ErrorNotifier n;
        n.setIntervalMs(200);
        QSignalSpy told(&n, &ErrorNotifier::notification);
        n.onError(error(QStringLiteral("one")));
        n.onError(error(QStringLiteral("two")));
        n.onError(error(QStringLiteral("three")));
        QCOMPARE(told.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(told.count(), 2, 2000);
        QVERIFY(told.last().at(1).toString().contains(QStringLiteral("three")));
    }

    void resetForgetsWhatWaits()
    {
        qint64 now = 0;
        ErrorNotifier n;
        n.setClock([&] { return now; });
        QSignalSpy told(&n, &ErrorNotifier::notification);
        n.onError(error(QStringLiteral("one")));
        now = 10;
        n.onError(error(QStringLiteral("two")));
        n.reset();
        QCOMPARE(n.nextDueMs(), qint64(-1));
        now = 100000;
        n.deliverDue();
        QCOMPARE(told.count(), 1);
        now = 100001;
        n.onError(error(QStringLiteral("three"))); // after a reset, told at once
        QCOMPARE(told.count(), 2);
    }
};

QTEST_MAIN(TestErrorNotifier)
#include "tst_errornotifier.moc"
