// tst_valuecodec: decoding JSON values for the database, its errors, round trips of every row
// of the protocol table and NULL. The test class is in tst_valuecodec.h.
#include "tst_valuecodec.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTime>
#include <QtTest>

#include <limits>

using namespace mysqlsync;
using namespace codectest;

void tst_ValueCodec::decode_data()
{
    QTest::addColumn<QString>("dataType");
    QTest::addColumn<QString>("columnType");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QVariant>("expected");

    QTest::newRow("int") << "int"
                         << "" << QByteArray("42") << QVariant(qlonglong(42));
    QTest::newRow("int negative") << "int"
                                  << "" << QByteArray("-42") << QVariant(qlonglong(-42));
    QTest::newRow("int as 42.0") << "int"
                                 << "" << QByteArray("42.0") << QVariant(qlonglong(42));
    QTest::newRow("int 1e3") << "int"
                             << "" << QByteArray("1e3") << QVariant(qlonglong(1000));
    QTest::newRow("bigint 2^53-1 number")
        << "bigint"
        << "" << QByteArray("9007199254740991") << QVariant(qlonglong(9007199254740991));
    QTest::newRow("bigint 2^53 string") << "bigint"
                                        << "" << QByteArray("\"9007199254740992\"")
                                        << QVariant(qlonglong(9007199254740992));
    QTest::newRow("bigint min string") << "bigint"
                                       << "" << QByteArray("\"-9223372036854775808\"")
                                       << QVariant(std::numeric_limits<qlonglong>::min());
    QTest::newRow("bigint unsigned max string") << "bigint"
                                                << "bigint(20) unsigned" << QByteArray("\"18446744073709551615\"")
                                                << QVariant(std::numeric_limits<qulonglong>::max());
    QTest::newRow("int numeric string") << "int"
                                        << "" << QByteArray("\"7\"") << QVariant(qlonglong(7));
    QTest::newRow("int true") << "tinyint"
                              << "tinyint(1)" << QByteArray("true") << QVariant(qlonglong(1));
    QTest::newRow("int false") << "tinyint"
                               << "tinyint(1)" << QByteArray("false") << QVariant(qlonglong(0));
    QTest::newRow("year") << "year"
                          << "year(4)" << QByteArray("2026") << QVariant(qlonglong(2026));

    QTest::newRow("float") << "float"
                           << "" << QByteArray("3.14") << QVariant(3.14);
    QTest::newRow("double") << "double"
                            << "" << QByteArray("0.1") << QVariant(0.1);
    QTest::newRow("double integer") << "double"
                                    << "" << QByteArray("5") << QVariant(5.0);
    QTest::newRow("double string") << "double"
                                   << "" << QByteArray("\"-2.5e3\"") << QVariant(-2500.0);
    QTest::newRow("double true") << "double"
                                 << "" << QByteArray("true") << QVariant(1.0);

    QTest::newRow("decimal string") << "decimal"
                                    << "decimal(30,9)" << QByteArray("\"12345678901234567890.123456789\"")
                                    << QVariant(QStringLiteral("12345678901234567890.123456789"));
    QTest::newRow("decimal negative") << "decimal"
                                      << "" << QByteArray("\"-0.50\"") << QVariant(QStringLiteral("-0.50"));
    QTest::newRow("decimal integer string") << "decimal"
                                            << "" << QByteArray("\"12\"") << QVariant(QStringLiteral("12"));
    QTest::newRow("decimal number") << "decimal"
                                    << "" << QByteArray("12.5") << QVariant(QStringLiteral("12.5"));
    QTest::newRow("decimal int number") << "decimal"
                                        << "" << QByteArray("12") << QVariant(QStringLiteral("12"));
    QTest::newRow("decimal tiny number") << "decimal"
                                         << "" << QByteArray("1e-7") << QVariant(QStringLiteral("0.0000001"));
    QTest::newRow("decimal huge number") << "decimal"
                                         << "" << QByteArray("1e21")
                                         << QVariant(QStringLiteral("1000000000000000000000"));

    QTest::newRow("date") << "date"
                          << "" << QByteArray("\"2026-01-01\"") << QVariant(QStringLiteral("2026-01-01"));
    QTest::newRow("datetime") << "datetime"
                              << "" << QByteArray("\"2026-01-01 12:00:00\"")
                              << QVariant(QStringLiteral("2026-01-01 12:00:00"));
    QTest::newRow("datetime fsp") << "datetime"
                                  << "datetime(3)" << QByteArray("\"2026-01-01 12:00:00.120\"")
                                  << QVariant(QStringLiteral("2026-01-01 12:00:00.120"));
    QTest::newRow("date number") << "date"
                                 << "" << QByteArray("20260101") << QVariant(QStringLiteral("20260101"));

    QTest::newRow("time") << "time"
                          << "" << QByteArray("\"-838:59:59\"") << QVariant(QStringLiteral("-838:59:59"));
    QTest::newRow("varchar") << "varchar"
                             << "" << QByteArray("\"Grüße\"") << QVariant(QStringLiteral("Grüße"));
    QTest::newRow("varchar empty") << QStringLiteral("varchar") << QStringLiteral("") << QByteArray("\"\"")
                                   << QVariant(QStringLiteral(""));
    QTest::newRow("varchar number") << "varchar"
                                    << "" << QByteArray("42") << QVariant(QStringLiteral("42"));
    QTest::newRow("varchar fraction") << "varchar"
                                      << "" << QByteArray("1.5") << QVariant(QStringLiteral("1.5"));
    QTest::newRow("varchar true") << "varchar"
                                  << "" << QByteArray("true") << QVariant(int(1));
    QTest::newRow("json object") << "json"
                                 << "" << QByteArray("{ \"b\": [1, 2], \"a\": null }")
                                 << QVariant(QStringLiteral("{\"a\":null,\"b\":[1,2]}"));
    QTest::newRow("json array") << "longtext"
                                << "" << QByteArray("[1, \"x\"]") << QVariant(QStringLiteral("[1,\"x\"]"));

    QTest::newRow("blob buffer") << "blob"
                                 << "" << QByteArray(R"({"type":"Buffer","data":[0,1,128,255]})")
                                 << QVariant(bytes({0, 1, 128, 255}));
    QTest::newRow("blob empty buffer") << "blob"
                                       << "" << QByteArray(R"({"type":"Buffer","data":[]})")
                                       << QVariant(QByteArray(""));
    QTest::newRow("blob string") << "varbinary"
                                 << "" << QByteArray("\"ä\"") << QVariant(QStringLiteral("ä").toUtf8());

    QTest::newRow("bit buffer 1 byte") << "bit"
                                       << "bit(3)" << QByteArray(R"({"type":"Buffer","data":[5]})")
                                       << QVariant(qulonglong(5));
    QTest::newRow("bit buffer 2 bytes") << "bit"
                                        << "bit(10)" << QByteArray(R"({"type":"Buffer","data":[3,255]})")
                                        << QVariant(qulonglong(1023));
    QTest::newRow("bit buffer 8 bytes") << "bit"
                                        << "bit(64)"
                                        << QByteArray(R"({"type":"Buffer","data":[255,255,255,255,255,255,255,255]})")
                                        << QVariant(std::numeric_limits<qulonglong>::max());
    QTest::newRow("bit buffer leading zeros")
        << "bit"
        << "bit(8)" << QByteArray(R"({"type":"Buffer","data":[0,0,0,0,0,0,0,0,0,7]})") << QVariant(qulonglong(7));
    QTest::newRow("bit number") << "bit"
                                << "bit(8)" << QByteArray("6") << QVariant(qulonglong(6));
    QTest::newRow("bit true") << "bit"
                              << "bit(1)" << QByteArray("true") << QVariant(qulonglong(1));
}

void tst_ValueCodec::decode()
{
    QFETCH(QString, dataType);
    QFETCH(QString, columnType);
    QFETCH(QByteArray, input);
    QFETCH(QVariant, expected);
    QVariant out;
    QString error;
    QVERIFY2(ValueCodec::decode(column(dataType, columnType), json(input), &out, &error), qPrintable(error));
    QCOMPARE(out.typeId(), expected.typeId());
    QCOMPARE(out, expected);
    QVERIFY(!out.isNull());
}

void tst_ValueCodec::decodeErrors_data()
{
    QTest::addColumn<QString>("dataType");
    QTest::addColumn<QString>("columnType");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected"); // a fragment of the error after "column `qty`: "

    QTest::newRow("int object") << "int"
                                << "" << QByteArray("{}") << "expected an integer, got an object";
    QTest::newRow("int array") << "int"
                               << "" << QByteArray("[1]") << "expected an integer, got an array";
    QTest::newRow("int fraction") << "int"
                                  << "" << QByteArray("1.5") << "expected an integer, got the number 1.5";
    QTest::newRow("int word") << "int"
                              << "" << QByteArray("\"abc\"")
                              << "expected an integer (a number, or a string of digits), got the string \"abc\"";
    QTest::newRow("int decimal string") << "int"
                                        << "" << QByteArray("\"1.5\"")
                                        << "expected an integer (a number, or a string of digits)";
    QTest::newRow("int empty string") << "int"
                                      << "" << QByteArray("\"\"")
                                      << "expected an integer (a number, or a string of digits)";
    QTest::newRow("int spaced string") << "int"
                                       << "" << QByteArray("\" 1\"")
                                       << "expected an integer (a number, or a string of digits)";
    QTest::newRow("bigint beyond 64 bits")
        << "bigint"
        << "bigint(20) unsigned" << QByteArray("\"18446744073709551616\"") << "integer out of range";
    QTest::newRow("bigint below min") << "bigint"
                                      << "" << QByteArray("\"-9223372036854775809\"") << "integer out of range";
    QTest::newRow("bigint huge number") << "bigint"
                                        << "" << QByteArray("1e30") << "integer out of range";
    QTest::newRow("float word") << "float"
                                << "" << QByteArray("\"abc\"")
                                << "expected a number (or a numeric string), got the string \"abc\"";
    QTest::newRow("double object") << "double"
                                   << "" << QByteArray("{}") << "expected a number, got an object";
    QTest::newRow("double array") << "double"
                                  << "" << QByteArray("[]") << "expected a number, got an array";
    QTest::newRow("double nan string") << "double"
                                       << "" << QByteArray("\"nan\"") << "expected a number (or a numeric string)";
    QTest::newRow("decimal exponent string") << "decimal"
                                             << "" << QByteArray("\"1e5\"") << "expected a decimal";
    QTest::newRow("decimal word") << "decimal"
                                  << "" << QByteArray("\"abc\"") << "expected a decimal";
    QTest::newRow("decimal trailing dot") << "decimal"
                                          << "" << QByteArray("\"1.\"") << "expected a decimal";
    QTest::newRow("decimal leading dot") << "decimal"
                                         << "" << QByteArray("\".5\"") << "expected a decimal";
    QTest::newRow("decimal object") << "decimal"
                                    << "" << QByteArray("{}") << "expected a decimal";
    QTest::newRow("date object") << "date"
                                 << "" << QByteArray("{}") << "expected a date string (\"YYYY-MM-DD\"), got an object";
    QTest::newRow("datetime array") << "datetime"
                                    << "" << QByteArray("[]")
                                    << "expected a date-time string (\"YYYY-MM-DD HH:MM:SS\"), got an array";
    QTest::newRow("timestamp buffer") << "timestamp"
                                      << "" << QByteArray(R"({"type":"Buffer","data":[]})")
                                      << "expected a date-time string";
    QTest::newRow("blob number")
        << "blob"
        << "" << QByteArray("5")
        << "expected a Buffer ({\"type\":\"Buffer\",\"data\":[bytes]}) or a string, got the number 5";
    QTest::newRow("blob bool") << "blob"
                               << "" << QByteArray("true") << "got the boolean true";
    QTest::newRow("blob array") << "blob"
                                << "" << QByteArray("[1,2]") << "got an array";
    QTest::newRow("blob not a buffer") << "blob"
                                       << "" << QByteArray(R"({"type":"Other","data":[]})")
                                       << "whose `type` is not \"Buffer\"";
    QTest::newRow("blob data not array") << "blob"
                                         << "" << QByteArray(R"({"type":"Buffer","data":"abc"})")
                                         << "whose `data` is not an array";
    QTest::newRow("blob byte 256") << "blob"
                                   << "" << QByteArray(R"({"type":"Buffer","data":[0,256]})")
                                   << "at Buffer data[1], got the number 256";
    QTest::newRow("blob byte -1") << "blob"
                                  << "" << QByteArray(R"({"type":"Buffer","data":[-1]})")
                                  << "at Buffer data[0], got the number -1";
    QTest::newRow("blob byte fraction") << "blob"
                                        << "" << QByteArray(R"({"type":"Buffer","data":[1.5]})")
                                        << "at Buffer data[0], got the number 1.5";
    QTest::newRow("blob byte string") << "blob"
                                      << "" << QByteArray(R"({"type":"Buffer","data":["1"]})")
                                      << "at Buffer data[0], got the string \"1\"";
    QTest::newRow("bit negative") << "bit"
                                  << "bit(8)" << QByteArray("-1") << "or a non-negative integer, got the number -1";
    QTest::newRow("bit fraction") << "bit"
                                  << "bit(8)" << QByteArray("0.5") << "or a non-negative integer, got the number 0.5";
    QTest::newRow("bit word") << "bit"
                              << "bit(8)" << QByteArray("\"x\"") << "or a non-negative integer, got the string \"x\"";
    QTest::newRow("bit array") << "bit"
                               << "bit(8)" << QByteArray("[]") << "got an array";
    QTest::newRow("bit 9 bytes") << "bit"
                                 << "bit(64)" << QByteArray(R"({"type":"Buffer","data":[1,0,0,0,0,0,0,0,0]})")
                                 << "does not fit in 64 bits";
    QTest::newRow("bit bad byte") << "bit"
                                  << "bit(8)" << QByteArray(R"({"type":"Buffer","data":[300]})") << "at Buffer data[0]";
}

void tst_ValueCodec::decodeErrors()
{
    QFETCH(QString, dataType);
    QFETCH(QString, columnType);
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QVariant out;
    QString error;
    const ColumnInfo c = column(dataType, columnType, QStringLiteral("qty"));
    QVERIFY(!ValueCodec::decode(c, json(input), &out, &error));
    QVERIFY2(error.startsWith(QStringLiteral("column `qty`: ")), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(QStringLiteral("error was: ") + error));
}

// Every row of the protocol table: the value read from the database -> JSON -> the value to bind.
void tst_ValueCodec::roundTrip_data()
{
    QTest::addColumn<QString>("dataType");
    QTest::addColumn<QString>("columnType");
    QTest::addColumn<QVariant>("read");   // as selectExpression() delivers it
    QTest::addColumn<QByteArray>("wire"); // the JSON in entity
    QTest::addColumn<QVariant>("bound");  // what decode() gives to bind

    QTest::newRow("tinyint") << "tinyint"
                             << "tinyint(4)" << QVariant(int(-5)) << QByteArray("-5") << QVariant(qlonglong(-5));
    QTest::newRow("smallint") << "smallint"
                              << "smallint(6)" << QVariant(int(300)) << QByteArray("300") << QVariant(qlonglong(300));
    QTest::newRow("mediumint") << "mediumint"
                               << "mediumint(9)" << QVariant(int(-8388608)) << QByteArray("-8388608")
                               << QVariant(qlonglong(-8388608));
    QTest::newRow("int") << "int"
                         << "int(11)" << QVariant(int(2147483647)) << QByteArray("2147483647")
                         << QVariant(qlonglong(2147483647));
    QTest::newRow("bigint safe") << "bigint"
                                 << "bigint(20)" << QVariant(qlonglong(9007199254740991))
                                 << QByteArray("9007199254740991") << QVariant(qlonglong(9007199254740991));
    QTest::newRow("bigint 2^53") << "bigint"
                                 << "bigint(20)" << QVariant(qlonglong(9007199254740992))
                                 << QByteArray("\"9007199254740992\"") << QVariant(qlonglong(9007199254740992));
    QTest::newRow("bigint min") << "bigint"
                                << "bigint(20)" << QVariant(std::numeric_limits<qlonglong>::min())
                                << QByteArray("\"-9223372036854775808\"")
                                << QVariant(std::numeric_limits<qlonglong>::min());
    QTest::newRow("bigint unsigned max") << "bigint"
                                         << "bigint(20) unsigned" << QVariant(std::numeric_limits<qulonglong>::max())
                                         << QByteArray("\"18446744073709551615\"")
                                         << QVariant(std::numeric_limits<qulonglong>::max());
    QTest::newRow("year") << "year"
                          << "year(4)" << QVariant(int(1999)) << QByteArray("1999") << QVariant(qlonglong(1999));
    QTest::newRow("float") << "float"
                           << "float" << QVariant(QStringLiteral("-1.5")) << QByteArray("-1.5") << QVariant(-1.5);
    QTest::newRow("double") << "double"
                            << "double" << QVariant(1.0 / 3.0) << QByteArray("0.3333333333333333")
                            << QVariant(1.0 / 3.0);
    QTest::newRow("decimal") << "decimal"
                             << "decimal(30,9)" << QVariant(QStringLiteral("12345678901234567890.123456789"))
                             << QByteArray("\"12345678901234567890.123456789\"")
                             << QVariant(QStringLiteral("12345678901234567890.123456789"));
    QTest::newRow("date") << "date"
                          << "date" << QVariant(QStringLiteral("2026-01-01")) << QByteArray("\"2026-01-01\"")
                          << QVariant(QStringLiteral("2026-01-01"));
    QTest::newRow("datetime") << "datetime"
                              << "datetime" << QVariant(QStringLiteral("2026-01-01 23:59:59"))
                              << QByteArray("\"2026-01-01 23:59:59\"")
                              << QVariant(QStringLiteral("2026-01-01 23:59:59"));
    QTest::newRow("datetime(6)") << "datetime"
                                 << "datetime(6)" << QVariant(QStringLiteral("2026-01-01 23:59:59.000001"))
                                 << QByteArray("\"2026-01-01 23:59:59.000001\"")
                                 << QVariant(QStringLiteral("2026-01-01 23:59:59.000001"));
    QTest::newRow("timestamp") << "timestamp"
                               << "timestamp" << QVariant(QStringLiteral("1970-01-01 00:00:01"))
                               << QByteArray("\"1970-01-01 00:00:01\"")
                               << QVariant(QStringLiteral("1970-01-01 00:00:01"));
    QTest::newRow("time") << "time"
                          << "time" << QVariant(QStringLiteral("12:34:56")) << QByteArray("\"12:34:56\"")
                          << QVariant(QStringLiteral("12:34:56"));
    QTest::newRow("char") << "char"
                          << "char(2)" << QVariant(QStringLiteral("ab")) << QByteArray("\"ab\"")
                          << QVariant(QStringLiteral("ab"));
    QTest::newRow("varchar") << "varchar"
                             << "varchar(20)" << QVariant(QStringLiteral("x'\"\\`y")) << QByteArray(R"("x'\"\\`y")")
                             << QVariant(QStringLiteral("x'\"\\`y"));
    QTest::newRow("text") << "text"
                          << "text" << QVariant(QStringLiteral("line\nline")) << QByteArray(R"("line\nline")")
                          << QVariant(QStringLiteral("line\nline"));
    QTest::newRow("enum") << "enum"
                          << "enum('on','off')" << QVariant(QStringLiteral("off")) << QByteArray("\"off\"")
                          << QVariant(QStringLiteral("off"));
    QTest::newRow("set") << "set"
                         << "set('r','w')" << QVariant(QStringLiteral("r,w")) << QByteArray("\"r,w\"")
                         << QVariant(QStringLiteral("r,w"));
    QTest::newRow("json") << "json"
                          << "longtext" << QVariant(QStringLiteral("{\"a\":1}")) << QByteArray(R"("{\"a\":1}")")
                          << QVariant(QStringLiteral("{\"a\":1}"));
    QTest::newRow("binary") << "binary"
                            << "binary(4)" << QVariant(bytes({0, 255, 0, 255}))
                            << QByteArray(R"({"data":[0,255,0,255],"type":"Buffer"})")
                            << QVariant(bytes({0, 255, 0, 255}));
    QTest::newRow("varbinary") << "varbinary"
                               << "varbinary(8)" << QVariant(bytes({10, 13}))
                               << QByteArray(R"({"data":[10,13],"type":"Buffer"})") << QVariant(bytes({10, 13}));
    QTest::newRow("blob") << "blob"
                          << "blob" << QVariant(bytes({0, 128, 255}))
                          << QByteArray(R"({"data":[0,128,255],"type":"Buffer"})") << QVariant(bytes({0, 128, 255}));
    QTest::newRow("longblob") << "longblob"
                              << "longblob" << QVariant(bytes({})) << QByteArray(R"({"data":[],"type":"Buffer"})")
                              << QVariant(QByteArray(""));
    QTest::newRow("bit(3)") << "bit"
                            << "bit(3)" << QVariant(bytes({5})) << QByteArray(R"({"data":[5],"type":"Buffer"})")
                            << QVariant(qulonglong(5));
    QTest::newRow("bit(10)") << "bit"
                             << "bit(10)" << QVariant(bytes({0, 5})) << QByteArray(R"({"data":[0,5],"type":"Buffer"})")
                             << QVariant(qulonglong(5));
    QTest::newRow("bit(64)") << "bit"
                             << "bit(64)" << QVariant(bytes({128, 0, 0, 0, 0, 0, 0, 1}))
                             << QByteArray(R"({"data":[128,0,0,0,0,0,0,1],"type":"Buffer"})")
                             << QVariant(qulonglong(0x8000000000000001ULL));
}

void tst_ValueCodec::roundTrip()
{
    QFETCH(QString, dataType);
    QFETCH(QString, columnType);
    QFETCH(QVariant, read);
    QFETCH(QByteArray, wire);
    QFETCH(QVariant, bound);
    const ColumnInfo c = column(dataType, columnType);

    const QJsonValue encoded = ValueCodec::encode(c, read);
    QCOMPARE(jsonText(encoded), wire);

    // Through the wire text, as a receiver sees it.
    const QJsonValue received = json(wire);
    QVariant out;
    QString error;
    QVERIFY2(ValueCodec::decode(c, received, &out, &error), qPrintable(error));
    QCOMPARE(out.typeId(), bound.typeId());
    QCOMPARE(out, bound);
}

void tst_ValueCodec::decodeNull_data()
{
    QTest::addColumn<QString>("dataType");
    QTest::newRow("int") << "int";
    QTest::newRow("bigint") << "bigint";
    QTest::newRow("float") << "float";
    QTest::newRow("double") << "double";
    QTest::newRow("decimal") << "decimal";
    QTest::newRow("date") << "date";
    QTest::newRow("datetime") << "datetime";
    QTest::newRow("time") << "time";
    QTest::newRow("varchar") << "varchar";
    QTest::newRow("json") << "json";
    QTest::newRow("blob") << "blob";
    QTest::newRow("bit") << "bit";
}

void tst_ValueCodec::decodeNull()
{
    QFETCH(QString, dataType);
    const ColumnInfo c = column(dataType);
    QVariant out(42);
    QString error;
    QVERIFY(ValueCodec::decode(c, QJsonValue(QJsonValue::Null), &out, &error));
    QVERIFY(out.isValid()); // typed, so that QMYSQL binds NULL of a known type
    QVERIFY(out.isNull());
    // And a NULL read from the database encodes as null.
    QCOMPARE(jsonText(ValueCodec::encode(c, out)), QByteArray("null"));
}
