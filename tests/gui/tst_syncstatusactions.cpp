// The Sync status tab's action helpers: resend grouping, tab-separated copy, and the page's
// commands that need no rows (rows from a real database: tst_syncstatusmodel).
#include "monitor/SyncStatusActions.h"
#include "monitor/SyncStatusModel.h"
#include "syncstatus/SyncStatusPage.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync;
using namespace mysqlsync::ui;

static StatusRow row(const char *remote, const char *table, const char *key)
{
    StatusRow r;
    r.remote = QString::fromLatin1(remote);
    r.table = QString::fromLatin1(table);
    r.key = QString::fromLatin1(key);
    return r;
}

class TestSyncStatusActions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void groupsByRemoteAndTable()
    {
        const QList<StatusRow> rows{row("site_b", "items", "1"),  row("site_c", "items", "2"),
                                    row("site_b", "orders", "3"), row("site_b", "items", "4"),
                                    row("site_b", "items", "1"), // twice: sent once
                                    row("site_c", "items", "5"),  row("site_b", "orders", "6")};
        const QList<ResendBatch> expected{
            {QStringLiteral("site_b"), QStringLiteral("items"), {QStringLiteral("1"), QStringLiteral("4")}},
            {QStringLiteral("site_c"), QStringLiteral("items"), {QStringLiteral("2"), QStringLiteral("5")}},
            {QStringLiteral("site_b"), QStringLiteral("orders"), {QStringLiteral("3"), QStringLiteral("6")}},
        };
        QCOMPARE(groupForResend(rows), expected);
        QVERIFY(groupForResend({}).isEmpty());
        // The same key in two tables, or for two remotes, is two commands.
        QCOMPARE(groupForResend({row("a", "t", "k"), row("a", "u", "k"), row("b", "t", "k")}).size(), 3);
    }

    void copiesRowsAsTabSeparatedText()
    {
        QStandardItemModel model(4, 3);
        const QStringList cells{QStringLiteral("a"),       QStringLiteral("b\tc"),
                                QStringLiteral("d"),       QStringLiteral("e"),
                                QStringLiteral("f"),       QStringLiteral("line\nbreak"),
                                QStringLiteral("g"),       QString(),
                                QStringLiteral("h,\"i\""), QStringLiteral("x"),
                                QStringLiteral("y"),       QStringLiteral("z")};
        for (int i = 0; i < cells.size(); ++i)
            model.setItem(i / 3, i % 3, new QStandardItem(cells.at(i)));
        // Rows come out in model order, once each, whatever the order of the selection.
        QCOMPARE(rowsAsTsv(model, {2, 0, 1, 0}),
                 QStringLiteral("a\tb c\td\n"
                                "e\tf\tline break\n"
                                "g\t\th,\"i\"\n"));
        QCOMPARE(rowsAsTsv(model, {3}), QStringLiteral("x\ty\tz\n"));
        QCOMPARE(rowsAsTsv(model, {}), QString());
    }

    void pageWithoutRows()
    {
        SyncStatusModel model; // no database: no rows
        SyncStatusPage page(&model);
        QVERIFY(!page.resendAction()->isEnabled());
        QVERIFY(!page.copyAction()->isEnabled());
        QVERIFY(!page.exportAction()->isEnabled());
        QVERIFY(!page.resendErrorsAction()->isEnabled()); // no remotes to ask for
        page.setChoices({QStringLiteral("items")}, {QStringLiteral("site_b"), QStringLiteral("site_c")});
        QVERIFY(page.resendErrorsAction()->isEnabled());

        QSignalSpy resend(&page, &SyncStatusPage::resendRequested);
        QSignalSpy errors(&page, &SyncStatusPage::resendErrorsRequested);
        page.resendSelection();
        QCOMPARE(resend.count(), 0);
        page.resendErrorsFor(QStringLiteral("site_c"));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("site_c"));
        QVERIFY(page.statusText().contains(QStringLiteral("site_c")));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.csv"));
        QString error;
        QVERIFY2(page.exportCsv(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("Table,Key,Remote,Status,Date,Message\r\n"));
        QVERIFY(!page.exportCsv(dir.filePath(QStringLiteral("missing/x.csv")), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestSyncStatusActions)
#include "tst_syncstatusactions.moc"
