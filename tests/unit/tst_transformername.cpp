// Transformer file names: the table name in camel case, as the earlier engine matched them.
#include "transform/TransformerName.h"

#include <QTest>

using namespace mysqlsync;

class TestTransformerName : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void camelCase_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("file");
        QTest::newRow("snake") << "product_items"
                               << "productItems.js";
        QTest::newRow("kebab") << "product-items"
                               << "productItems.js";
        QTest::newRow("spaces") << "product items"
                                << "productItems.js";
        QTest::newRow("already camel") << "productItems"
                                       << "productItems.js";
        QTest::newRow("pascal") << "ProductItems"
                                << "productItems.js";
        QTest::newRow("upper snake") << "PRODUCT_ITEMS"
                                     << "productItems.js";
        QTest::newRow("acronym") << "HTMLParser"
                                 << "htmlParser.js";
        QTest::newRow("single word") << "items"
                                     << "items.js";
        QTest::newRow("digits") << "order_2024_lines"
                                << "order2024Lines.js";
        QTest::newRow("leading and trailing separators") << "__items__"
                                                         << "items.js";
        QTest::newRow("dots") << "a.b.c"
                              << "aBC.js";
    }
    void camelCase()
    {
        QFETCH(QString, table);
        QFETCH(QString, file);
        QCOMPARE(transformerFileName(table), file);
    }
};

QTEST_GUILESS_MAIN(TestTransformerName)
#include "tst_transformername.moc"
