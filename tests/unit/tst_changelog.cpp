// ChangeLog::collapse: several captured changes of one key become one, at its first place.
#include "database/ChangeLog.h"

#include <QTest>

using namespace mysqlsync;

class TestChangeLog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void empty()
    {
        const ChangeBatch b = ChangeLog::collapse({});
        QVERIFY(b.ids.isEmpty());
        QVERIFY(b.keys.isEmpty());
    }

    void keysOnceAtTheirFirstChange()
    {
        const QList<CapturedChange> changes{
            {1, QStringLiteral("parent"), QStringLiteral("7")}, {2, QStringLiteral("child"), QStringLiteral("70")},
            {3, QStringLiteral("parent"), QStringLiteral("7")}, // updated again after its child
            {4, QStringLiteral("child"), QStringLiteral("71")}, {5, QStringLiteral("child"), QStringLiteral("70")},
        };
        const ChangeBatch b = ChangeLog::collapse(changes);
        // Every id read is removed later, duplicates included, in the order read.
        QCOMPARE(b.ids, (QList<qint64>{1, 2, 3, 4, 5}));
        // The parent inserted before its child stays before it.
        const QList<QPair<QString, QString>> expected{{QStringLiteral("parent"), QStringLiteral("7")},
                                                      {QStringLiteral("child"), QStringLiteral("70")},
                                                      {QStringLiteral("child"), QStringLiteral("71")}};
        QCOMPARE(b.keys, expected);
    }

    void sameKeyInTwoTablesIsTwoKeys()
    {
        const ChangeBatch b = ChangeLog::collapse({{10, QStringLiteral("a"), QStringLiteral("1")},
                                                   {11, QStringLiteral("b"), QStringLiteral("1")},
                                                   {12, QStringLiteral("a"), QStringLiteral("1")}});
        QCOMPARE(b.keys.size(), 2);
        QCOMPARE(b.keys.at(1).first, QStringLiteral("b"));
    }

    void keysCompareExactly()
    {
        // Keys are strings as the trigger wrote them: "1" and "01", "a" and "A" differ.
        const ChangeBatch b = ChangeLog::collapse({{1, QStringLiteral("t"), QStringLiteral("1")},
                                                   {2, QStringLiteral("t"), QStringLiteral("01")},
                                                   {3, QStringLiteral("t"), QStringLiteral("a")},
                                                   {4, QStringLiteral("t"), QStringLiteral("A")}});
        QCOMPARE(b.keys.size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestChangeLog)
#include "tst_changelog.moc"
