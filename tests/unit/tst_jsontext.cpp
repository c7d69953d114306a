// JSON text written without QJsonDocument (core/protocol/JsonText): for every kind of value,
// byte for byte what QJsonDocument's compact form writes, and it reads back equal.
#include "protocol/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using namespace mysqlsync;

Q_DECLARE_METATYPE(QJsonValue)

namespace {
// QJsonDocument's text of `v`, taken out of an array around it (a document holds no scalar).
QByteArray qtText(const QJsonValue &v)
{
    const QByteArray array = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}
} // namespace

class TestJsonText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameAsQt_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("null") << QJsonValue(QJsonValue::Null);
        QTest::newRow("true") << QJsonValue(true);
        QTest::newRow("false") << QJsonValue(false);
        QTest::newRow("0") << QJsonValue(0);
        QTest::newRow("-1") << QJsonValue(-1);
        QTest::newRow("2^53") << QJsonValue(qint64(1) << 53);
        QTest::newRow("2^53 + 1") << QJsonValue((qint64(1) << 53) + 1);
        QTest::newRow("int64 max") << QJsonValue(std::numeric_limits<qint64>::max());
        QTest::newRow("int64 min") << QJsonValue(std::numeric_limits<qint64>::min());
        QTest::newRow("0.1") << QJsonValue(0.1);
        QTest::newRow("-0.5") << QJsonValue(-0.5);
        QTest::newRow("-0.0") << QJsonValue(-0.0);
        QTest::newRow("2.0") << QJsonValue(2.0);
        QTest::newRow("1e15") << QJsonValue(1e15);
        QTest::newRow("1e21") << QJsonValue(1e21);
        QTest::newRow("1e300") << QJsonValue(1e300);
        QTest::newRow("max double") << QJsonValue(std::numeric_limits<double>::max());
        QTest::newRow("smallest double") << QJsonValue(std::numeric_limits<double>::denorm_min());
        QTest::newRow("-1.5e-300") << QJsonValue(-1.5e-300);
        QTest::newRow("3.14 as float") << QJsonValue(double(3.14f));
        QTest::newRow("NaN") << QJsonValue(std::nan(""));
        QTest::newRow("infinity") << QJsonValue(std::numeric_limits<double>::infinity());
        QTest::newRow("empty string") << QJsonValue(QString());
        QTest::newRow("plain") << QJsonValue(QStringLiteral("bolt 42"));
        QTest::newRow("quotes and backslashes") << QJsonValue(QStringLiteral("O'Brien \"q\" \\ \\\\ /"));
        QString controls;
        for (char16_t c = 0; c < 0x20; ++c)
            controls += QChar(c);
        controls += QChar(0x7f);
        QTest::newRow("every control character") << QJsonValue(controls);
        QTest::newRow("non-ASCII") << QJsonValue(QStringLiteral("Grüße 😀🎉 日本語 \u2028\u2029 \uFEFF"));
        QTest::newRow("unpaired high surrogate") << QJsonValue(QString(QChar(0xD800)) + QStringLiteral("x"));
        QTest::newRow("unpaired low surrogate")
            << QJsonValue(QStringLiteral("ü") + QString(QChar(0xDC01)) + QStringLiteral("😀"));
        QTest::newRow("high surrogate at the end") << QJsonValue(QStringLiteral("ü") + QString(QChar(0xDBFF)));
        QTest::newRow("empty object") << QJsonValue(QJsonObject());
        QTest::newRow("empty array") << QJsonValue(QJsonArray());
        QTest::newRow("buffer") << QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("Buffer")},
                                                          {QStringLiteral("data"), QJsonArray{0, 255, 16, 127}}});
        QTest::newRow("nested") << QJsonValue(
            QJsonObject{{QStringLiteral("z"), QJsonArray{1, 2.5, QStringLiteral("x"), QJsonValue(), true}},
                        {QStringLiteral("a\"b"), QJsonObject{{QStringLiteral("ü"), QJsonObject()}}},
                        {QStringLiteral("m"), -7}});
    }

    void sameAsQt()
    {
        QFETCH(QJsonValue, value);
        QByteArray mine;
        json::appendValue(mine, value);
        QCOMPARE(mine, qtText(value));
        // And it reads back as the value (a non-finite number reads back as null, as Qt's).
        const QJsonValue back = QJsonDocument::fromJson("[" + mine + "]").array().at(0);
        QCOMPARE(back, QJsonDocument::fromJson("[" + qtText(value) + "]").array().at(0));
    }

    void appendsToWhatIsThere()
    {
        QByteArray out("{");
        json::appendKey(out, QStringLiteral("name"));
        json::appendString(out, QStringLiteral("tab\there"));
        out += '}';
        QCOMPARE(out, QByteArray("{\"name\":\"tab\\there\"}"));
        QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("name")).toString(),
                 QStringLiteral("tab\there"));
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
