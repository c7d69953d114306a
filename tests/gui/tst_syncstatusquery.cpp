// The SQL of the Sync status view, built by the core owner of sync_status.
#include "database/SyncStatusStore.h"

#include <QTest>

using namespace mysqlsync;

class TestSyncStatusQuery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstPageWithFilters()
    {
        StatusFilter f;
        f.status = SyncStatus::Error;
        f.remote = QStringLiteral("site_b");
        f.keySearch = QStringLiteral("4_%");
        QVariantList binds;
        const QString sql = SyncStatusStore::pageSql(f, nullptr, 501, &binds);
        QCOMPARE(sql,
                 QStringLiteral("SELECT id, `table_name`, primary_key, remote, CAST(`status` AS CHAR), `date`, message "
                                "FROM sync_status USE INDEX FOR ORDER BY () WHERE `status` = ? AND remote = ? AND "
                                "primary_key LIKE ? "
                                "ORDER BY `date` DESC, id DESC LIMIT 501"));
        QCOMPARE(binds, (QVariantList{QStringLiteral("error"), QStringLiteral("site_b"), QStringLiteral("%4\\_\\%%")}));
    }
    void nextPageStartsAfterTheLastRow()
    {
        StatusFilter f;
        f.sortColumn = StatusFilter::Key;
        f.descending = false;
        StatusRow last;
        last.id = QStringLiteral("abc");
        last.key = QStringLiteral("17");
        QVariantList binds;
        const QString sql = SyncStatusStore::pageSql(f, &last, 10, &binds);
        QVERIFY2(sql.contains(QStringLiteral("FROM sync_status WHERE (primary_key > ? OR (primary_key = ? AND id > ?)) "
                                             "ORDER BY primary_key, id LIMIT 10")),
                 qPrintable(sql));
        QCOMPARE(binds, (QVariantList{QStringLiteral("17"), QStringLiteral("17"), QStringLiteral("abc")}));
    }
    void count()
    {
        StatusFilter f;
        f.table = QStringLiteral("items");
        QVariantList binds;
        QCOMPARE(SyncStatusStore::countSql(f, 100000, &binds),
                 QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM sync_status WHERE `table_name` = ? LIMIT 100001) "
                                "AS counted"));
        QCOMPARE(binds.size(), 1);
        binds.clear();
        QCOMPARE(SyncStatusStore::countSql(StatusFilter(), 10, &binds),
                 QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM sync_status LIMIT 11) AS counted"));
        QVERIFY(binds.isEmpty());
    }
    void countsPerRemote()
    {
        QCOMPARE(SyncStatusStore::countsByRemoteSql(),
                 QStringLiteral("SELECT remote, `status`, COUNT(*) FROM sync_status "
                                "WHERE `status` IN ('pending', 'error') GROUP BY remote, `status`"));
    }
    void sortByStatusComparesItsText()
    {
        StatusFilter f;
        f.sortColumn = StatusFilter::Status;
        StatusRow last;
        last.id = QStringLiteral("x");
        last.status = SyncStatus::Pending;
        QVariantList binds;
        SyncStatusStore::pageSql(f, &last, 5, &binds);
        QCOMPARE(binds, (QVariantList{QStringLiteral("pending"), QStringLiteral("pending"), QStringLiteral("x")}));
    }
    void statusText()
    {
        for (SyncStatus s : {SyncStatus::Successful, SyncStatus::Pending, SyncStatus::Error})
            QCOMPARE(syncStatusFromText(syncStatusText(s)), std::optional<SyncStatus>(s));
        QCOMPARE(syncStatusText(SyncStatus::Successful), QStringLiteral("successful"));
        QCOMPARE(syncStatusText(SyncStatus::Error), QStringLiteral("error"));
        QVERIFY(!syncStatusFromText(QStringLiteral("Pending")));
        QVERIFY(!syncStatusFromText(QString()));
    }
};

QTEST_GUILESS_MAIN(TestSyncStatusQuery)
#include "tst_syncstatusquery.moc"
