#include "ClientsModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

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
