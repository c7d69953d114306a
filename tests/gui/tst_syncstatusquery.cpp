// The SQL of the Sync status view, built by the core owner of sync_status.
#include "database/SqlDialect.h"
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
        const QString sql = SyncStatusStore::pageSql(SqlDialect::mariaDb(), f, nullptr, 501, &binds);
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
        const QString sql = SyncStatusStore::pageSql(SqlDialect::mariaDb(), f, &last, 10, &binds);
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
        QCOMPARE(SyncStatusStore::countSql(SqlDialect::mariaDb(), f, 100000, &binds),
                 QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM sync_status WHERE `table_name` = ? LIMIT 100001) "
                                "AS counted"));
        QCOMPARE(binds.size(), 1);
        binds.clear();
        QCOMPARE(SyncStatusStore::countSql(SqlDialect::mariaDb(), StatusFilter(), 10, &binds),
                 QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM sync_status LIMIT 11) AS counted"));
        QVERIFY(binds.isEmpty());
    }
    void countsPerRemote()
    {
        QCOMPARE(SyncStatusStore::countsByRemoteSql(SqlDialect::mariaDb()),
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
        SyncStatusStore::pageSql(SqlDialect::mariaDb(), f, &last, 5, &binds);
        QCOMPARE(binds, (QVariantList{QStringLiteral("pending"), QStringLiteral("pending"), QStringLiteral("x")}));
    }
    // A PostgreSQL site's sync_status (issue 17): double-quoted names, the status as text, no
    // index hint; the same binds.
    void postgresStatements()
    {
        const SqlDialect &pg = SqlDialect::postgres();
        StatusFilter f;
        f.status = SyncStatus::Error;
        f.table = QStringLiteral("items");
        f.keySearch = QStringLiteral("4_%");
        f.refusedOnly = true;
        f.sortColumn = StatusFilter::Status;
        StatusRow last;
        last.id = QStringLiteral("abc");
        last.status = SyncStatus::Error;
        QVariantList binds;
        QCOMPARE(SyncStatusStore::pageSql(pg, f, &last, 51, &binds),
                 QStringLiteral("SELECT id, \"table_name\", primary_key, remote, CAST(\"status\" AS text), \"date\", "
                                "message FROM sync_status WHERE \"status\" = ? AND \"table_name\" = ? AND "
                                "primary_key LIKE ? AND \"status\" = 'error' AND (message LIKE ? OR message = ?) AND "
                                "(CAST(\"status\" AS text) < ? OR (CAST(\"status\" AS text) = ? AND id < ?)) "
                                "ORDER BY CAST(\"status\" AS text) DESC, id DESC LIMIT 51"));
        QCOMPARE(binds.size(), 8);
        binds.clear();
        QCOMPARE(SyncStatusStore::countSql(pg, f, 10, &binds),
                 QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM sync_status WHERE \"status\" = ? AND "
                                "\"table_name\" = ? AND primary_key LIKE ? AND \"status\" = 'error' AND "
                                "(message LIKE ? OR message = ?) LIMIT 11) AS counted"));
        QCOMPARE(SyncStatusStore::countsByRemoteSql(pg),
                 QStringLiteral("SELECT remote, \"status\", COUNT(*) FROM sync_status "
                                "WHERE \"status\" IN ('pending', 'error') GROUP BY remote, \"status\""));
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
