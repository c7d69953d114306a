// ChangeSender's flow control (engine/SendWindow): room per remote and how much capture takes.
#include "engine/SendWindow.h"

#include <QTest>

Q_DECLARE_METATYPE(mysqlsync::sendwindow::Remote)

using namespace mysqlsync;
using sendwindow::Remote;

class TestSendWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void room()
    {
        QCOMPARE(sendwindow::room(500, 0), 500);
        QCOMPARE(sendwindow::room(500, 499), 1);
        QCOMPARE(sendwindow::room(500, 500), 0);
        QCOMPARE(sendwindow::room(500, 700), 0); // more in flight than the window (it shrank): none
        QCOMPARE(sendwindow::room(1, 0), 1);
    }

    void captureLimit_data()
    {
        QTest::addColumn<int>("batch");
        QTest::addColumn<QList<Remote>>("remotes");
        QTest::addColumn<int>("limit");
        QTest::newRow("no remotes: a batch") << 1000 << QList<Remote>{} << 1000;
        QTest::newRow("idle remote: its window") << 1000 << QList<Remote>{{true, 0, 500}} << 500;
        QTest::newRow("window wider than a batch") << 100 << QList<Remote>{{true, 0, 500}} << 100;
        QTest::newRow("the widest of two") << 1000 << QList<Remote>{{true, 450, 500}, {true, 100, 500}} << 400;
        QTest::newRow("a wider batch-path window")
            << 5000 << QList<Remote>{{true, 450, 2000}, {true, 100, 500}} << 1550;
        QTest::newRow("every window full") << 1000 << QList<Remote>{{true, 500, 500}, {true, 650, 500}} << 0;
        QTest::newRow("one offline: a batch") << 1000 << QList<Remote>{{true, 500, 500}, {false, 0, 500}} << 1000;
        QTest::newRow("offline first") << 1000 << QList<Remote>{{false, 0, 500}, {true, 500, 500}} << 1000;
    }
    void captureLimit()
    {
        QFETCH(int, batch);
        QFETCH(QList<Remote>, remotes);
        QFETCH(int, limit);
        QCOMPARE(sendwindow::captureLimit(batch, remotes), limit);
    }
};

QTEST_GUILESS_MAIN(TestSendWindow)
#include "tst_sendwindow.moc"
