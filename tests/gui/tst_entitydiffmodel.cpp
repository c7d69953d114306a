// EntityDiffModel: a row's columns before and after its transformer, changes marked.
#include "monitor/EntityDiffModel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QJsonDocument>
#include <QTest>

using namespace mysqlsync::ui;
using Change = EntityDiffModel::Change;

static QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

class TestEntityDiffModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void changesAreMarked()
    {
        EntityDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntities(obj(R"({"id":"1","name":"gear","price":"2.50","gone":null})"),
                          obj(R"({"id":"10","name":"gear","price":"2.50","extra":{"a":[1,2]}})"), true);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), 3);
        // The row's columns first, then the ones the transformer added.
        QStringList names;
        for (int r = 0; r < model.rowCount(); ++r)
            names << model.index(r, EntityDiffModel::Name).data().toString();
        QCOMPARE(names,
                 QStringList({QStringLiteral("gone"), QStringLiteral("id"), QStringLiteral("name"),
                              QStringLiteral("price"), QStringLiteral("extra")}));
        QCOMPARE(model.change(0), Change::Removed);
        QCOMPARE(model.change(1), Change::Changed);
        QCOMPARE(model.change(2), Change::Same);
        QCOMPARE(model.change(4), Change::Added);
        QCOMPARE(model.changedCount(), 3);
        QCOMPARE(model.index(1, EntityDiffModel::Before).data().toString(), QStringLiteral("\"1\""));
        QCOMPARE(model.index(1, EntityDiffModel::After).data().toString(), QStringLiteral("\"10\""));
        QCOMPARE(model.index(0, EntityDiffModel::Before).data().toString(), QStringLiteral("null"));
        QCOMPARE(model.index(0, EntityDiffModel::After).data().toString(), QStringLiteral("(removed)"));
        QCOMPARE(model.index(4, EntityDiffModel::Before).data().toString(), QStringLiteral("(absent)"));
        QCOMPARE(model.index(4, EntityDiffModel::After).data().toString(), QStringLiteral("{\"a\":[1,2]}"));
        QVERIFY(model.index(1, EntityDiffModel::After).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model.index(2, EntityDiffModel::After).data(Qt::BackgroundRole).isValid());
        QVERIFY(model.index(1, EntityDiffModel::After).data(Qt::FontRole).value<QFont>().bold());
    }

    void withoutAnAfter()
    {
        EntityDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntities(obj(R"({"id":"1","n":3})"), {}, false);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.changedCount(), 0);
        QCOMPARE(model.index(1, EntityDiffModel::Before).data().toString(), QStringLiteral("3"));
        QCOMPARE(model.index(1, EntityDiffModel::After).data().toString(), QString());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestEntityDiffModel)
#include "tst_entitydiffmodel.moc"
