// TransformerListModel: the files of transformerDirectory and the configured tables they
// match by the engine's camel-case rule, flags for files without a table and tables without
// a file, and refreshing when the folder changes.
#include "monitor/TransformerListModel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync::ui;
using State = TransformerListModel::EntryState;

namespace {

bool write(const QString &path, const QByteArray &text = "module.exports = c => c.entity;\n")
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

// "file|table,table|state" per row, for one comparison of the whole listing.
QStringList listing(const TransformerListModel &m)
{
    QStringList rows;
    for (int i = 0; i < m.rowCount(); ++i) {
        const TransformerListModel::Entry e = m.entry(i);
        const char *state = e.state == State::Matched ? "matched" : e.state == State::NoTable ? "no table" : "no file";
        rows << QStringLiteral("%1|%2|%3").arg(e.file, e.tables.join(QLatin1Char(',')), QLatin1String(state));
    }
    return rows;
}

} // namespace

class TestTransformerListModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesFilesToTables()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(write(dir.filePath("productItems.js")));
        QVERIFY(write(dir.filePath("orphan.js")));
        QVERIFY(write(dir.filePath("Orders.js")));     // not orders.js: the engine never loads it
        QVERIFY(write(dir.filePath("notes.txt")));     // not a transformer at all
        QVERIFY(QDir(dir.path()).mkdir("sub.js"));     // a folder, not a file

        TransformerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfiguration(dir.path(), {"product_items", "orders"}, {"product-items", "customer accounts"});
        QCOMPARE(model.problem(), QString());
        const QStringList expected = {
            "Orders.js||no table",
            "orphan.js||no table",
            "productItems.js|product-items,product_items|matched",
            "customerAccounts.js|customer accounts|no file",
            "orders.js|orders|no file",
        };
        QCOMPARE(listing(model), expected);
        QCOMPARE(model.columnCount(), int(TransformerListModel::ColumnCount));
        QCOMPARE(model.index(2, TransformerListModel::Tables).data().toString(),
                 QStringLiteral("product-items (receive), product_items (send)"));
        QCOMPARE(model.index(0, TransformerListModel::State).data().toString(), QStringLiteral("matches no configured table"));
        QCOMPARE(model.index(4, TransformerListModel::File).data().toString(), QStringLiteral("(no orders.js)"));
        QCOMPARE(model.index(0, TransformerListModel::File).data(TransformerListModel::StateRole).toInt(), int(State::NoTable));
        QVERIFY(model.index(0, TransformerListModel::File).data(Qt::ToolTipRole).toString().contains("Orders"));
        QVERIFY(model.index(4, TransformerListModel::File).data(Qt::ToolTipRole).toString().contains("orders.js"));
        QCOMPARE(model.rowOfTable("product_items"), 2);
        QCOMPARE(model.rowOfTable("orders"), 4);
        QCOMPARE(model.rowOfTable("elsewhere"), -1);
        QCOMPARE(model.tables(), QStringList({"customer accounts", "orders", "product-items", "product_items"}));
    }

    void refreshesWhenTheFolderChanges()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(write(dir.filePath("orphan.js")));
        TransformerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfiguration(dir.path(), {"orders"}, {});
        QCOMPARE(listing(model), QStringList({"orphan.js||no table", "orders.js|orders|no file"}));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(write(dir.filePath("orders.js")));
        QTRY_COMPARE(listing(model), QStringList({"orders.js|orders|matched", "orphan.js||no table"}));
        QVERIFY(reset.count() >= 1);

        QVERIFY(QFile::remove(dir.filePath("orphan.js")));
        QTRY_COMPARE(listing(model), QStringList({"orders.js|orders|matched"}));
        QVERIFY(QFile::rename(dir.filePath("orders.js"), dir.filePath("orders.old")));
        QTRY_COMPARE(listing(model), QStringList({"orders.js|orders|no file"}));

        // A refresh that finds nothing new leaves the rows (and a view's selection) alone.
        reset.clear();
        QSignalSpy refreshed(&model, &TransformerListModel::refreshed);
        model.refresh();
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(reset.count(), 0);
    }

    void waitsForAFolderThatDoesNotExistYet()
    {
        QTemporaryDir parent;
        QVERIFY(parent.isValid());
        const QString path = parent.filePath("transformers");
        TransformerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfiguration(path, {"orders"}, {});
        QVERIFY2(model.problem().contains("does not exist"), qPrintable(model.problem()));
        QCOMPARE(model.rowCount(), 0);

        QVERIFY(QDir(parent.path()).mkdir("transformers"));
        QTRY_COMPARE(model.problem(), QString());
        QCOMPARE(listing(model), QStringList({"orders.js|orders|no file"}));
        QVERIFY(write(QDir(path).filePath("orders.js")));
        QTRY_COMPARE(listing(model), QStringList({"orders.js|orders|matched"}));

        // The folder goes away again.
        QVERIFY(QDir(path).removeRecursively());
        QTRY_VERIFY(model.problem().contains("does not exist"));
        QCOMPARE(model.rowCount(), 0);
    }

    void noFolderConfigured()
    {
        TransformerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfiguration(QString(), {"orders"}, {});
        QVERIFY(model.problem().contains("transformerDirectory"));
        QCOMPARE(model.rowCount(), 0);
        QTemporaryDir dir;
        QVERIFY(write(dir.filePath("notAFolder.js")));
        model.setConfiguration(dir.filePath("notAFolder.js"), {"orders"}, {});
        QVERIFY2(model.problem().contains("not a folder"), qPrintable(model.problem()));
    }
};

QTEST_MAIN(TestTransformerListModel)
#include "tst_transformerlistmodel.moc"
