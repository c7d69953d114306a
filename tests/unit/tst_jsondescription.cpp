// common/JsonDescription: the words that error texts use for a JSON value they did not expect.
#include "common/JsonDescription.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace mysqlsync;

class TestJsonDescription : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void describe_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("typeName");
        QTest::addColumn<QString>("description");
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << "null"
                              << "null";
        QTest::newRow("true") << QJsonValue(true) << "a boolean"
                              << "the boolean true";
        QTest::newRow("false") << QJsonValue(false) << "a boolean"
                               << "the boolean false";
        QTest::newRow("integer") << QJsonValue(5) << "a number"
                                 << "the number 5";
        QTest::newRow("fraction") << QJsonValue(1.5) << "a number"
                                  << "the number 1.5";
        QTest::newRow("string") << QJsonValue(QStringLiteral("abc")) << "a string"
                                << "the string \"abc\"";
        QTest::newRow("40 characters: whole") << QJsonValue(QString(40, QLatin1Char('x'))) << "a string"
                                              << QStringLiteral("the string \"%1\"").arg(QString(40, QLatin1Char('x')));
        QTest::newRow("41 characters: cut")
            << QJsonValue(QString(41, QLatin1Char('x'))) << "a string"
            << QStringLiteral("the string \"%1...\"").arg(QString(40, QLatin1Char('x')));
        QTest::newRow("array") << QJsonValue(QJsonArray{1}) << "an array"
                               << "an array";
        QTest::newRow("object") << QJsonValue(QJsonObject{{QStringLiteral("a"), 1}}) << "an object"
                                << "an object";
        QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << "nothing"
                                   << "nothing";
    }
    void describe()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, typeName);
        QFETCH(QString, description);
        QCOMPARE(jsonTypeName(value), typeName);
        QCOMPARE(jsonValueDescription(value), description);
    }
};

QTEST_GUILESS_MAIN(TestJsonDescription)
#include "tst_jsondescription.moc"
