#include "monitor/ClientsModel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace mysqlsync;
using namespace mysqlsync::ui;

class TestClientsModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void configuredRemotesAndReports()
    {
        ClientsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        qint64 now = 1'000'000;
        model.setClock([&now] { return now; });
        model.setConfiguredRemotes({QStringLiteral("site_b"), QStringLiteral("site_c")});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ClientsModel::Online).data().toString(), QStringLiteral("offline"));
        QCOMPARE(model.index(0, ClientsModel::LastHeartbeat).data().toString(), QStringLiteral("never"));

        // A heartbeat from site_b promising the next one within 4.5 s.
        model.onRemoteState(QStringLiteral("site_b"), true, now + 4500);
        QCOMPARE(model.index(0, ClientsModel::Online).data().toString(), QStringLiteral("online"));
        QCOMPARE(model.index(0, ClientsModel::Until).data().toString(), QStringLiteral("5 s"));
        QVERIFY(model.index(0, ClientsModel::LastHeartbeat).data().toString() != QStringLiteral("never"));
        now += 2000;
        QCOMPARE(model.index(0, ClientsModel::Until).data().toString(), QStringLiteral("3 s"));
        now += 5000;
        QCOMPARE(model.index(0, ClientsModel::Until).data().toString(), QStringLiteral("expired"));

        // A client that is not configured but seen on /info gets a row of its own.
        model.onRemoteState(QStringLiteral("site_x"), true, now + 1000);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.index(2, ClientsModel::Name).data().toString().startsWith(QStringLiteral("site_x")));
        QVERIFY(model.index(2, ClientsModel::Name).data().toString().contains(QStringLiteral("not configured")));

        model.onOutboxDepth(QStringLiteral("site_c"), 42);
        QCOMPARE(model.index(1, ClientsModel::OutboxDepth).data().toInt(), 42);
        model.onRemoteState(QStringLiteral("site_b"), false, now);
        QCOMPARE(model.index(0, ClientsModel::Online).data().toString(), QStringLiteral("offline"));
        QCOMPARE(model.index(0, ClientsModel::Until).data().toString(), QString());
        QCOMPARE(model.index(1, ClientsModel::OutboxDepth).data(ClientsModel::SortRole).toInt(), 42);
    }

    void clockSkewColumn()
    {
        ClientsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.headerData(ClientsModel::ClockSkew, Qt::Horizontal).toString(), QStringLiteral("Clock skew"));
        model.setConfiguredRemotes({QStringLiteral("site_b"), QStringLiteral("site_c")});
        QCOMPARE(model.index(0, ClientsModel::ClockSkew).data().toString(), QString()); // not measured yet
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.onClockSkew(QStringLiteral("site_b"), -60000);
        model.onClockSkew(QStringLiteral("site_c"), 200);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model.index(0, ClientsModel::ClockSkew).data().toString(),
                 QStringLiteral("%1 s behind").arg(QLocale().toString(60.0, 'f', 1)));
        QCOMPARE(model.index(1, ClientsModel::ClockSkew).data().toString(), QStringLiteral("none"));
        QCOMPARE(model.index(0, ClientsModel::ClockSkew).data(ClientsModel::SortRole).toLongLong(), qint64(-60000));
        model.onClockSkew(QStringLiteral("site_b"), 61500);
        QCOMPARE(model.index(0, ClientsModel::ClockSkew).data().toString(),
                 QStringLiteral("%1 s ahead").arg(QLocale().toString(61.5, 'f', 1)));
        model.onClockSkew(QStringLiteral("site_b"), 61500); // unchanged: no update
        QCOMPARE(changed.count(), 3);
    }

    void pendingAndErrorCountsPerRemote()
    {
        ClientsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), int(ClientsModel::ColumnCount));
        QCOMPARE(model.headerData(ClientsModel::Pending, Qt::Horizontal).toString(), QStringLiteral("Pending"));
        QCOMPARE(model.headerData(ClientsModel::Errors, Qt::Horizontal).toString(), QStringLiteral("Errors"));
        model.setConfiguredRemotes({QStringLiteral("site_b"), QStringLiteral("site_c")});
        // Not counted yet: blank, not a misleading 0.
        QCOMPARE(model.index(0, ClientsModel::Pending).data().toString(), QString());
        QCOMPARE(model.index(0, ClientsModel::Errors).data(ClientsModel::SortRole).toLongLong(), qint64(-1));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        StatusCountsByRemote counts;
        counts[QStringLiteral("site_b")] = {120, 3};
        counts[QStringLiteral("site_z")] = {5, 5}; // in sync_status only: no row of its own
        model.setStatusCounts(counts);
        QVERIFY(changed.count() >= 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ClientsModel::Pending).data().toLongLong(), qint64(120));
        QCOMPARE(model.index(0, ClientsModel::Errors).data().toLongLong(), qint64(3));
        QCOMPARE(model.index(0, ClientsModel::Errors).data(Qt::ForegroundRole).value<QColor>(), QColor(Qt::darkRed));
        // A remote without pending or error rows has 0 of each (counted, none found).
        QCOMPARE(model.index(1, ClientsModel::Pending).data().toString(), QStringLiteral("0"));
        QCOMPARE(model.index(1, ClientsModel::Errors).data().toLongLong(), qint64(0));
        QVERIFY(!model.index(1, ClientsModel::Errors).data(Qt::ForegroundRole).isValid());

        // A client first seen later gets the counts already known.
        model.onRemoteState(QStringLiteral("site_z"), true, QDateTime::currentMSecsSinceEpoch() + 5000);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2, ClientsModel::Pending).data().toLongLong(), qint64(5));

        // The same counts again change nothing; new ones are shown.
        changed.clear();
        model.setStatusCounts(counts);
        QCOMPARE(changed.count(), 0);
        counts[QStringLiteral("site_b")] = {0, 4};
        model.setStatusCounts(counts);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.index(0, ClientsModel::Pending).data().toLongLong(), qint64(0));
        QCOMPARE(model.index(0, ClientsModel::Errors).data().toLongLong(), qint64(4));

        // Another configuration: unknown again until its database answers.
        model.setConfiguredRemotes({QStringLiteral("site_b")});
        QCOMPARE(model.index(0, ClientsModel::Pending).data().toString(), QString());
    }

    void catchUpEstimateOfOfflineRemotes()
    {
        ClientsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfiguredRemotes({QStringLiteral("site_b"), QStringLiteral("site_c"), QStringLiteral("site_d")});
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        model.onRemoteState(QStringLiteral("site_d"), true, now + 5000);
        model.onOutboxDepth(QStringLiteral("site_b"), 1500);
        model.onOutboxDepth(QStringLiteral("site_d"), 700);
        auto text = [&](int row) { return model.index(row, ClientsModel::CatchUp).data().toString(); };
        auto seconds = [&](int row) {
            return model.index(row, ClientsModel::CatchUp).data(ClientsModel::SortRole).toLongLong();
        };

        // Nothing sent yet: no rate to divide by.
        QCOMPARE(text(0), QStringLiteral("unknown"));
        QCOMPARE(text(1), QStringLiteral("nothing owed")); // offline, empty outbox
        QCOMPARE(text(2), QString());                      // online: being sent to
        QVERIFY(seconds(0) > seconds(1));                  // unknown sorts last

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSendRate(20); // 1500 rows at 20 rows/s
        QVERIFY(changed.count() >= 1);
        QCOMPARE(text(0), QStringLiteral("about 1 min 15 s"));
        QCOMPARE(seconds(0), qint64(75));
        QVERIFY(
            model.index(0, ClientsModel::CatchUp).data(Qt::ToolTipRole).toString().contains(QStringLiteral("1500")));
        QCOMPARE(text(2), QString());

        model.setSendRate(7); // 1500 / 7 = 214.3 -> 215 s
        QCOMPARE(seconds(0), qint64(215));
        QCOMPARE(text(0), QStringLiteral("about 3 min 35 s"));
        model.onOutboxDepth(QStringLiteral("site_b"), 3); // 3 / 7 s
        QCOMPARE(text(0), QStringLiteral("about 1 s"));

        // site_d goes offline with 700 owed: 100 s at 7 rows/s.
        model.onRemoteState(QStringLiteral("site_d"), false, 0);
        QCOMPARE(text(2), QStringLiteral("about 1 min 40 s"));
        model.setSendRate(0); // the rate left the window
        QCOMPARE(text(2), QStringLiteral("unknown"));
    }

    void pathAndRowsPerMessage()
    {
        ClientsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.headerData(ClientsModel::Path, Qt::Horizontal).toString(), QStringLiteral("Path"));
        QCOMPARE(model.headerData(ClientsModel::RowsPerMessage, Qt::Horizontal).toString(),
                 QStringLiteral("Rows/message"));
        model.setConfiguredRemotes({QStringLiteral("site_b"), QStringLiteral("site_c")});
        // Not reported yet: both blank, no tooltip.
        QCOMPARE(model.index(0, ClientsModel::Path).data().toString(), QString());
        QCOMPARE(model.index(0, ClientsModel::RowsPerMessage).data().toString(), QString());
        QVERIFY(!model.index(0, ClientsModel::Path).data(Qt::ToolTipRole).isValid());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.onRemotePath(QStringLiteral("site_b"), QStringLiteral("batch"), 0); // nothing sent yet
        model.onRemotePath(QStringLiteral("site_c"), QStringLiteral("per-row"), 1);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model.index(0, ClientsModel::Path).data().toString(), QStringLiteral("Batch"));
        QCOMPARE(model.index(0, ClientsModel::RowsPerMessage).data().toString(), QString()); // not known yet
        QCOMPARE(model.index(1, ClientsModel::Path).data().toString(), QStringLiteral("Per-row"));
        QCOMPARE(model.index(1, ClientsModel::RowsPerMessage).data().toString(), QLocale().toString(1.0, 'f', 1));

        // Only the per-row remote is marked: its topics carry no sender.
        QVERIFY(!model.index(0, ClientsModel::Path).data(Qt::ToolTipRole).isValid());
        const QString tip = model.index(1, ClientsModel::Path).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("no sender")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("ACL")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("earlier engine")), qPrintable(tip));
        QCOMPARE(model.index(1, ClientsModel::Path).data(Qt::ForegroundRole).value<QColor>(), QColor(Qt::darkYellow));

        // Batches sent: rows per message to one decimal; sorting by the number.
        model.onRemotePath(QStringLiteral("site_b"), QStringLiteral("batch"), 487.25);
        QCOMPARE(model.index(0, ClientsModel::RowsPerMessage).data().toString(), QLocale().toString(487.25, 'f', 1));
        QCOMPARE(model.index(0, ClientsModel::RowsPerMessage).data(ClientsModel::SortRole).toDouble(), 487.25);
        QVERIFY(model.index(1, ClientsModel::RowsPerMessage).data(ClientsModel::SortRole).toDouble()
                < model.index(0, ClientsModel::RowsPerMessage).data(ClientsModel::SortRole).toDouble());

        // site_b stops announcing: back to per-row, marked.
        model.onRemotePath(QStringLiteral("site_b"), QStringLiteral("per-row"), 0);
        QCOMPARE(model.index(0, ClientsModel::Path).data().toString(), QStringLiteral("Per-row"));
        QCOMPARE(model.index(0, ClientsModel::RowsPerMessage).data().toString(), QString());
        QCOMPARE(model.index(0, ClientsModel::Path).data(Qt::ToolTipRole).toString(), tip);
        // A remote not in the list yet gets a row; another configuration forgets the paths.
        model.onRemotePath(QStringLiteral("site_x"), QStringLiteral("batch"), 2);
        QCOMPARE(model.rowCount(), 3);
        model.setConfiguredRemotes({QStringLiteral("site_b")});
        QCOMPARE(model.index(0, ClientsModel::Path).data().toString(), QString());
    }

    void durations()
    {
        QCOMPARE(ClientsModel::durationText(0), QStringLiteral("about 1 s"));
        QCOMPARE(ClientsModel::durationText(59), QStringLiteral("about 59 s"));
        QCOMPARE(ClientsModel::durationText(60), QStringLiteral("about 1 min 0 s"));
        QCOMPARE(ClientsModel::durationText(3 * 3600 + 125), QStringLiteral("about 3 h 2 min"));
        QCOMPARE(ClientsModel::durationText(5 * 86400), QStringLiteral("about 5 days"));
    }

    void countdownRefreshesEverySecond()
    {
        ClientsModel model;
        model.setConfiguredRemotes({QStringLiteral("site_b")});
        model.onRemoteState(QStringLiteral("site_b"), true, QDateTime::currentMSecsSinceEpoch() + 10000);
        int untilChanges = 0;
        connect(&model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &tl, const QModelIndex &br) {
            if (tl.column() <= ClientsModel::Until && br.column() >= ClientsModel::Until)
                ++untilChanges;
        });
        QTRY_VERIFY_WITH_TIMEOUT(untilChanges >= 1, 3000);
    }
};

QTEST_MAIN(TestClientsModel)
#include "tst_clientsmodel.moc"
