// ReportLimiter: bounded, per-key rate limiting of log lines about events from the wire.
#include "common/ClientName.h"
#include "common/ReportLimiter.h"

#include <QTest>

using namespace mysqlsync;

class TestReportLimiter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oncePerWindowPerKey()
    {
        ReportLimiter l(1, 60000, 8);
        QVERIFY(l.admit(QStringLiteral("mallory"), 1000));
        QVERIFY(!l.admit(QStringLiteral("mallory"), 2000));
        QVERIFY(!l.admit(QStringLiteral("mallory"), 60999));
        QVERIFY(l.admit(QStringLiteral("eve"), 3000));
        QVERIFY(l.expire(60999).isEmpty());
        // The window of mallory ended with two events not reported.
        const QList<ReportLimiter::Summary> s = l.expire(61000);
        QCOMPARE(s.size(), 1);
        QCOMPARE(s.first().key, QStringLiteral("mallory"));
        QCOMPARE(s.first().suppressed, 2);
        QCOMPARE(l.trackedKeys(), 1); // eve's window goes on
        QVERIFY(l.admit(QStringLiteral("mallory"), 61001));
    }

    void aNewWindowKeepsTheCountOfTheOld()
    {
        ReportLimiter l(2, 1000, 8);
        QVERIFY(l.admit(QStringLiteral("a"), 0));
        QVERIFY(l.admit(QStringLiteral("a"), 1));
        QVERIFY(!l.admit(QStringLiteral("a"), 2));
        QVERIFY(l.admit(QStringLiteral("a"), 1500)); // a new window before expire() ran
        const QList<ReportLimiter::Summary> s = l.expire(1600);
        QCOMPARE(s.size(), 1);
        QCOMPARE(s.first().suppressed, 1);
    }

    void theTableIsBounded()
    {
        ReportLimiter l(1, 60000, 100);
        int admitted = 0;
        for (int i = 0; i < 10000; ++i)
            admitted += l.admit(QStringLiteral("name%1").arg(i), 1000 + i) ? 1 : 0;
        QCOMPARE(l.trackedKeys(), 101); // 100 names and the overflow key
        QCOMPARE(admitted, 101);        // one line per name, one for all the others
        const QList<ReportLimiter::Summary> s = l.expire(1000000);
        QCOMPARE(s.size(), 1);
        QCOMPARE(s.first().key, QString());
        QCOMPARE(s.first().suppressed, 10000 - 101);
        QCOMPARE(l.trackedKeys(), 0);
    }

    void loggableName()
    {
        QCOMPARE(mysqlsync::loggableName(QStringLiteral("site_a")), QStringLiteral("site_a"));
        QCOMPARE(mysqlsync::loggableName(QStringLiteral("a\nb\x1b[31m")), QStringLiteral("a?b??31m"));
        QCOMPARE(mysqlsync::loggableName(QString(100, QLatin1Char('x'))),
                 QString(32, QLatin1Char('x')) + QStringLiteral("..."));
    }
};

QTEST_GUILESS_MAIN(TestReportLimiter)
#include "tst_reportlimiter.moc"
