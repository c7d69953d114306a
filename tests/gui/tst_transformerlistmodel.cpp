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
        QVERIFY(write(dir.filePath(QStringLiteral("productItems.js"))));
        QVERIFY(write(dir.filePath(QStringLiteral("orphan.js"))));
        QVERIFY(write(dir.filePath(QStringLiteral("Orders.js")))); // not orders.js: the engine never loads it
        QVERIFY(write(dir.filePath(QStringLiteral("notes.txt")))); // not a transformer at all
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub.js"))); // a folder, not a file

        TransformerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfiguration(dir.path(), {QStringLiteral("product_items"), QStringLiteral("orders")},
                               {QStringLiteral("product-items"), QStringLiteral("customer accounts")});
        QCOMPARE(model.problem(), QString());
        const QStringList expected = {
            QStringLiteral("Orders.js||no table"),
            QStringLiteral("orphan.js||no table"),
            QStringLiteral("productItems.js|product-items,product_items|matched"),
            QStringLiteral("customerAccounts.js|customer accounts|no file"),
            QStringLiteral("orders.js|orders|no file"),
        };
        QCOMPARE(listing(model), expected);
        QCOMPARE(model.columnCount(), int(TransformerListModel::ColumnCount));
        QCOMPARE(model.index(2, TransformerListModel::Tables).data().toString(),
                 QStringLiteral("product-items (receive), product_items (send)"));
        QCOMPARE(model.index(0, TransformerListModel::State).data().toString(),
                 QStringLiteral("matches no configured table"));
        QCOMPARE(model.index(4, TransformerListModel::File).data().toString(), QStringLiteral("(no orders.js)"));
        QCOMPARE(model.index(0, TransformerListModel::File).data(TransformerListModel::StateRole).toInt(),
                 int(State::NoTable));
        QVERIFY(model.index(0, TransformerListModel::File)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("Orders")));
        QVERIFY(model.index(4, TransformerListModel::File)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("orders.js")));
        QCOMPARE(model.rowOfTable(QStringLiteral("product_items")), 2);
        QCOMPARE(model.rowOfTable(QStringLiteral("orders")), 4);
        QCOMPARE(model.rowOfTable(QStringLiteral("elsewhere")), -1);
        QCOMPARE(model.tables(),
                 QStringList({QStringLiteral("customer accounts"), QStringLiteral("orders"),
                              QStringLiteral("product-items"), QStringLiteral("product_items")}));
    }

    void refreshesWhenTheFolderChanges()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(write(dir.filePath(QStringLiteral("orphan.js"))));
        TransformerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfiguration(dir.path(), {QStringLiteral("orders")}, {});
        QCOMPARE(listing(model),
                 QStringList({QStringLiteral("orphan.js||no table"), QStringLiteral("orders.js|orders|no file")}));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(write(dir.filePath(QStringLiteral("orders.js"))));
        QTRY_COMPARE(listing(model),
                     QStringList({QStringLiteral("orders.js|orders|matched"), QStringLiteral("orphan.js||no table")}));
        QVERIFY(reset.count() >= 1);

        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("orphan.js"))));
        QTRY_COMPARE(listing(model), QStringList({QStringLiteral("orders.js|orders|matched")}));
        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("orders.js")), dir.filePath(QStringLiteral("orders.old"))));
        QTRY_COMPARE(listing(model), QStringList({QStringLiteral("orders.js|orders|no file")}));

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
        const QString path = parent.filePath(QStringLiteral("transformers"));
        TransformerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfiguration(path, {QStringLiteral("orders")}, {});
        QVERIFY2(model.problem().contains(QLatin1String("does not exist")), qPrintable(model.problem()));
        QCOMPARE(model.rowCount(), 0);

        QVERIFY(QDir(parent.path()).mkdir(QStringLiteral("transformers")));
        QTRY_COMPARE(model.problem(), QString());
        QCOMPARE(listing(model), QStringList({QStringLiteral("orders.js|orders|no file")}));
        QVERIFY(write(QDir(path).filePath(QStringLiteral("orders.js"))));
        QTRY_COMPARE(listing(model), QStringList({QStringLiteral("orders.js|orders|matched")}));

        // The folder goes away again.
        QVERIFY(QDir(path).removeRecursively());
        QTRY_VERIFY(model.problem().contains(QLatin1String("does not exist")));
        QCOMPARE(model.rowCount(), 0);
    }

    void noFolderConfigured()
    {
        TransformerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfiguration(QString(), {QStringLiteral("orders")}, {});
        QVERIFY(model.problem().contains(QLatin1String("transformerDirectory")));
        QCOMPARE(model.rowCount(), 0);
        QTemporaryDir dir;
        QVERIFY(write(dir.filePath(QStringLiteral("notAFolder.js"))));
        model.setConfiguration(dir.filePath(QStringLiteral("notAFolder.js")), {QStringLiteral("orders")}, {});
        QVERIFY2(model.problem().contains(QLatin1String("not a folder")), qPrintable(model.problem()));
    }
};

QTEST_MAIN(TestTransformerListModel)
#include "tst_transformerlistmodel.moc"
