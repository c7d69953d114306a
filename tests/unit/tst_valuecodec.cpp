// Unit tests for core/codec/ValueCodec: the "Values in entity" table of docs/protocol.md,
// in both directions, as the earlier engine's Node mysql driver produced and accepted them.
// The test class is in tst_valuecodec.h; decoding is tested in tst_valuecodec_decode.cpp.
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

namespace codectest {

ColumnInfo column(const QString &dataType, const QString &columnType, const QString &name)
{
    return ColumnInfo::fromCatalog(name, dataType, columnType, true);
}

// A JSON value as compact text, so that 1 and "1" and 1.5 are told apart exactly.
QByteArray jsonText(const QJsonValue &v)
{
    const QByteArray array = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// Parses one JSON value from text.
QJsonValue json(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in test data: %s", text.constData());
    return doc.array().at(0);
}

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray b;
    for (int v : values)
        b.append(char(static_cast<unsigned char>(v)));
    return b;
}

} // namespace codectest

using namespace codectest;

void tst_ValueCodec::fromCatalog_data()
{
    QTest::addColumn<QString>("dataType");
    QTest::addColumn<QString>("columnType");
    QTest::addColumn<ColumnKind>("kind");
    QTest::addColumn<bool>("isUnsigned");

    QTest::newRow("tinyint") << "tinyint"
                             << "tinyint(1)" << ColumnKind::Integer << false;
    QTest::newRow("smallint") << "smallint"
                              << "smallint(6)" << ColumnKind::Integer << false;
    QTest::newRow("mediumint") << "mediumint"
                               << "mediumint(8) unsigned" << ColumnKind::Integer << true;
    QTest::newRow("int") << "int"
                         << "int(11)" << ColumnKind::Integer << false;
    QTest::newRow("integer") << "integer"
                             << "int(11)" << ColumnKind::Integer << false;
    QTest::newRow("bigint unsigned") << "bigint"
                                     << "bigint(20) unsigned" << ColumnKind::Integer << true;
    QTest::newRow("bigint upper case") << "BIGINT"
                                       << "BIGINT(20) UNSIGNED ZEROFILL" << ColumnKind::Integer << true;
    QTest::newRow("year") << "year"
                          << "year(4)" << ColumnKind::Integer << false;
    QTest::newRow("float") << "float"
                           << "float" << ColumnKind::Float << false;
    QTest::newRow("double") << "double"
                            << "double" << ColumnKind::Double << false;
    QTest::newRow("real") << "real"
                          << "double" << ColumnKind::Double << false;
    QTest::newRow("decimal") << "decimal"
                             << "decimal(30,9)" << ColumnKind::Decimal << false;
    QTest::newRow("numeric") << "numeric"
                             << "decimal(10,0)" << ColumnKind::Decimal << false;
    QTest::newRow("date") << "date"
                          << "date" << ColumnKind::Date << false;
    QTest::newRow("datetime") << "datetime"
                              << "datetime(3)" << ColumnKind::DateTime << false;
    QTest::newRow("timestamp") << "timestamp"
                               << "timestamp" << ColumnKind::DateTime << false;
    QTest::newRow("binary") << "binary"
                            << "binary(16)" << ColumnKind::Binary << false;
    QTest::newRow("varbinary") << "varbinary"
                               << "varbinary(255)" << ColumnKind::Binary << false;
    QTest::newRow("tinyblob") << "tinyblob"
                              << "tinyblob" << ColumnKind::Binary << false;
    QTest::newRow("blob") << "blob"
                          << "blob" << ColumnKind::Binary << false;
    QTest::newRow("mediumblob") << "mediumblob"
                                << "mediumblob" << ColumnKind::Binary << false;
    QTest::newRow("longblob") << "longblob"
                              << "longblob" << ColumnKind::Binary << false;
    QTest::newRow("bit") << "bit"
                         << "bit(10)" << ColumnKind::Bit << false;
    QTest::newRow("time") << "time"
                          << "time(2)" << ColumnKind::Text << false;
    QTest::newRow("char") << "char"
                          << "char(3)" << ColumnKind::Text << false;
    QTest::newRow("varchar") << "varchar"
                             << "varchar(255)" << ColumnKind::Text << false;
    QTest::newRow("text") << "text"
                          << "text" << ColumnKind::Text << false;
    QTest::newRow("longtext") << "longtext"
                              << "longtext" << ColumnKind::Text << false;
    QTest::newRow("enum") << "enum"
                          << "enum('a','b')" << ColumnKind::Text << false;
    QTest::newRow("set") << "set"
                         << "set('a','b')" << ColumnKind::Text << false;
    QTest::newRow("json") << "json"
                          << "json" << ColumnKind::Text << false;
    QTest::newRow("uuid") << "uuid"
                          << "uuid" << ColumnKind::Text << false;
}

void tst_ValueCodec::fromCatalog()
{
    QFETCH(QString, dataType);
    QFETCH(QString, columnType);
    QFETCH(ColumnKind, kind);
    QFETCH(bool, isUnsigned);
    const ColumnInfo c = ColumnInfo::fromCatalog(QStringLiteral("c"), dataType, columnType, false);
    QCOMPARE(c.kind, kind);
    QCOMPARE(c.isUnsigned, isUnsigned);
    QCOMPARE(c.name, QStringLiteral("c"));
    QCOMPARE(c.dataType, dataType.toLower());
    QCOMPARE(c.columnType, columnType);
    QCOMPARE(c.nullable, false);
}

void tst_ValueCodec::selectExpression_data()
{
    QTest::addColumn<QString>("dataType");
    QTest::addColumn<QString>("columnType");
    QTest::addColumn<QString>("expression");

    const QString cast = QStringLiteral("CAST(`c` AS CHAR) AS `c`");
    QTest::newRow("int") << "int"
                         << "int(11)"
                         << "`c`";
    QTest::newRow("bigint") << "bigint"
                            << "bigint(20) unsigned"
                            << "`c`";
    QTest::newRow("year") << "year"
                          << "year(4)"
                          << "`c`";
    QTest::newRow("float") << "float"
                           << "float" << cast;
    QTest::newRow("double") << "double"
                            << "double"
                            << "`c`";
    QTest::newRow("decimal") << "decimal"
                             << "decimal(30,9)" << cast;
    QTest::newRow("date") << "date"
                          << "date" << cast;
    QTest::newRow("datetime") << "datetime"
                              << "datetime(6)" << cast;
    QTest::newRow("timestamp") << "timestamp"
                               << "timestamp" << cast;
    QTest::newRow("time") << "time"
                          << "time" << cast;
    QTest::newRow("varchar") << "varchar"
                             << "varchar(10)"
                             << "`c`";
    QTest::newRow("json") << "json"
                          << "json"
                          << "`c`";
    QTest::newRow("blob") << "blob"
                          << "blob"
                          << "`c`";
    QTest::newRow("bit") << "bit"
                         << "bit(10)"
                         << "CAST(`c` AS BINARY) AS `c`";
}

void tst_ValueCodec::selectExpression()
{
    QFETCH(QString, dataType);
    QFETCH(QString, columnType);
    QFETCH(QString, expression);
    const ColumnInfo c = ColumnInfo::fromCatalog(QStringLiteral("c"), dataType, columnType, true);
    QCOMPARE(ValueCodec::selectExpression(c, mysqlsync::quoteIdentifier(c.name)), expression);
}

void tst_ValueCodec::encode_data()
{
    QTest::addColumn<QString>("dataType");
    QTest::addColumn<QString>("columnType");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QByteArray>("expected");

    // Integers: numbers up to +-(2^53 - 1), exact digit strings beyond.
    QTest::newRow("tinyint") << "tinyint"
                             << "tinyint(4)" << QVariant(int(-128)) << QByteArray("-128");
    QTest::newRow("smallint") << "smallint"
                              << "" << QVariant(int(32767)) << QByteArray("32767");
    QTest::newRow("int uint") << "int"
                              << "int(10) unsigned" << QVariant(uint(4294967295u)) << QByteArray("4294967295");
    QTest::newRow("bigint 2^53-1") << "bigint"
                                   << "" << QVariant(qlonglong(9007199254740991)) << QByteArray("9007199254740991");
    QTest::newRow("bigint 2^53") << "bigint"
                                 << "" << QVariant(qlonglong(9007199254740992)) << QByteArray("\"9007199254740992\"");
    QTest::newRow("bigint -(2^53-1)") << "bigint"
                                      << "" << QVariant(qlonglong(-9007199254740991))
                                      << QByteArray("-9007199254740991");
    QTest::newRow("bigint -2^53") << "bigint"
                                  << "" << QVariant(qlonglong(-9007199254740992))
                                  << QByteArray("\"-9007199254740992\"");
    QTest::newRow("bigint min") << "bigint"
                                << "" << QVariant(std::numeric_limits<qlonglong>::min())
                                << QByteArray("\"-9223372036854775808\"");
    QTest::newRow("bigint max") << "bigint"
                                << "" << QVariant(std::numeric_limits<qlonglong>::max())
                                << QByteArray("\"9223372036854775807\"");
    QTest::newRow("bigint unsigned max") << "bigint"
                                         << "bigint(20) unsigned" << QVariant(std::numeric_limits<qulonglong>::max())
                                         << QByteArray("\"18446744073709551615\"");
    QTest::newRow("bigint unsigned small") << "bigint"
                                           << "bigint(20) unsigned" << QVariant(qulonglong(7)) << QByteArray("7");
    QTest::newRow("bigint as text") << "bigint"
                                    << "" << QVariant(QStringLiteral("18446744073709551615"))
                                    << QByteArray("\"18446744073709551615\"");
    QTest::newRow("bigint as small text") << "bigint"
                                          << "" << QVariant(QStringLiteral("-42")) << QByteArray("-42");
    QTest::newRow("year") << "year"
                          << "year(4)" << QVariant(int(2026)) << QByteArray("2026");
    QTest::newRow("int zero") << "int"
                              << "" << QVariant(0) << QByteArray("0");

    // FLOAT read as the server's text, DOUBLE read as a double.
    QTest::newRow("float text") << "float"
                                << "" << QVariant(QStringLiteral("3.14")) << QByteArray("3.14");
    QTest::newRow("float text 6 digits") << "float"
                                         << "" << QVariant(QStringLiteral("3.14159")) << QByteArray("3.14159");
    QTest::newRow("float exponent text") << "float"
                                         << "" << QVariant(QStringLiteral("1e30")) << QByteArray("1e+30");
    QTest::newRow("float binary") << "float"
                                  << "" << QVariant(3.14f) << QByteArray("3.14");
    QTest::newRow("double") << "double"
                            << "" << QVariant(0.1) << QByteArray("0.1");
    QTest::newRow("double negative") << "double"
                                     << "" << QVariant(-2.5) << QByteArray("-2.5");
    QTest::newRow("double integral") << "double"
                                     << "" << QVariant(42.0) << QByteArray("42");

    // DECIMAL: the digits exactly.
    QTest::newRow("decimal") << "decimal"
                             << "decimal(30,9)" << QVariant(QStringLiteral("12345678901234567890.123456789"))
                             << QByteArray("\"12345678901234567890.123456789\"");
    QTest::newRow("decimal trailing zeros")
        << "decimal"
        << "decimal(10,2)" << QVariant(QStringLiteral("-1.50")) << QByteArray("\"-1.50\"");
    QTest::newRow("decimal bytes") << "decimal"
                                   << "decimal(10,2)" << QVariant(QByteArray("0.00")) << QByteArray("\"0.00\"");

    // Dates as the server's text.
    QTest::newRow("date") << "date"
                          << "" << QVariant(QStringLiteral("2026-01-01")) << QByteArray("\"2026-01-01\"");
    QTest::newRow("date zero") << "date"
                               << "" << QVariant(QStringLiteral("0000-00-00")) << QByteArray("\"0000-00-00\"");
    QTest::newRow("date QDate") << "date"
                                << "" << QVariant(QDate(2026, 2, 3)) << QByteArray("\"2026-02-03\"");
    QTest::newRow("datetime") << "datetime"
                              << "" << QVariant(QStringLiteral("2026-01-01 12:00:00"))
                              << QByteArray("\"2026-01-01 12:00:00\"");
    QTest::newRow("datetime fsp text") << "datetime"
                                       << "datetime(3)" << QVariant(QStringLiteral("2026-01-01 12:00:00.120"))
                                       << QByteArray("\"2026-01-01 12:00:00.120\"");
    QTest::newRow("datetime6 text") << "datetime"
                                    << "datetime(6)" << QVariant(QStringLiteral("2026-01-01 12:00:00.123456"))
                                    << QByteArray("\"2026-01-01 12:00:00.123456\"");
    QTest::newRow("timestamp") << "timestamp"
                               << "" << QVariant(QStringLiteral("2026-01-01 00:00:01"))
                               << QByteArray("\"2026-01-01 00:00:01\"");
    QTest::newRow("datetime QDateTime no ms")
        << "datetime"
        << "" << QVariant(QDateTime(QDate(2026, 1, 1), QTime(12, 0, 5))) << QByteArray("\"2026-01-01 12:00:05\"");
    QTest::newRow("datetime QDateTime ms, type unknown")
        << "datetime"
        << "" << QVariant(QDateTime(QDate(2026, 1, 1), QTime(12, 0, 5, 7)))
        << QByteArray("\"2026-01-01 12:00:05.007\"");
    QTest::newRow("datetime(3) QDateTime") << "datetime"
                                           << "datetime(3)" << QVariant(QDateTime(QDate(2026, 1, 1), QTime(12, 0, 5)))
                                           << QByteArray("\"2026-01-01 12:00:05.000\"");
    QTest::newRow("datetime(6) QDateTime")
        << "datetime"
        << "datetime(6)" << QVariant(QDateTime(QDate(2026, 1, 1), QTime(12, 0, 5, 120)))
        << QByteArray("\"2026-01-01 12:00:05.120000\"");

    // Textual columns.
    QTest::newRow("time") << "time"
                          << "time(2)" << QVariant(QStringLiteral("-838:59:59.50")) << QByteArray("\"-838:59:59.50\"");
    QTest::newRow("time QTime") << "time"
                                << "time" << QVariant(QTime(1, 2, 3)) << QByteArray("\"01:02:03\"");
    QTest::newRow("char") << "char"
                          << "char(3)" << QVariant(QStringLiteral("abc")) << QByteArray("\"abc\"");
    QTest::newRow("varchar unicode") << "varchar"
                                     << "varchar(10)" << QVariant(QStringLiteral("Grüße €"))
                                     << QByteArray("\"Grüße €\"");
    QTest::newRow("varchar empty") << QStringLiteral("varchar") << QStringLiteral("varchar(10)")
                                   << QVariant(QStringLiteral("")) << QByteArray("\"\"");
    QTest::newRow("text bytes utf8") << "text"
                                     << "" << QVariant(QStringLiteral("ä").toUtf8()) << QByteArray("\"ä\"");
    QTest::newRow("enum") << "enum"
                          << "enum('a','b')" << QVariant(QStringLiteral("b")) << QByteArray("\"b\"");
    QTest::newRow("set") << "set"
                         << "set('a','b')" << QVariant(QStringLiteral("a,b")) << QByteArray("\"a,b\"");
    QTest::newRow("json") << "json"
                          << "json" << QVariant(QStringLiteral("{\"a\": 1}")) << QByteArray("\"{\\\"a\\\": 1}\"");

    // Binary and BIT: Buffers.
    QTest::newRow("blob") << "blob"
                          << "" << QVariant(bytes({0, 1, 127, 128, 255}))
                          << QByteArray(R"({"data":[0,1,127,128,255],"type":"Buffer"})");
    QTest::newRow("blob empty") << "blob"
                                << "" << QVariant(QByteArray("")) << QByteArray(R"({"data":[],"type":"Buffer"})");
    QTest::newRow("binary") << "binary"
                            << "binary(2)" << QVariant(bytes({255, 0}))
                            << QByteArray(R"({"data":[255,0],"type":"Buffer"})");
    QTest::newRow("bit(3) bytes") << "bit"
                                  << "bit(3)" << QVariant(bytes({5})) << QByteArray(R"({"data":[5],"type":"Buffer"})");
    QTest::newRow("bit(10) bytes") << "bit"
                                   << "bit(10)" << QVariant(bytes({0, 5}))
                                   << QByteArray(R"({"data":[0,5],"type":"Buffer"})");
    QTest::newRow("bit(10) integer") << "bit"
                                     << "bit(10)" << QVariant(qulonglong(1023))
                                     << QByteArray(R"({"data":[3,255],"type":"Buffer"})");
    QTest::newRow("bit(64) integer") << "bit"
                                     << "bit(64)" << QVariant(std::numeric_limits<qulonglong>::max())
                                     << QByteArray(R"({"data":[255,255,255,255,255,255,255,255],"type":"Buffer"})");
    QTest::newRow("bit(1) raw string") << "bit"
                                       << "bit(1)" << QVariant(QString(QChar(1)))
                                       << QByteArray(R"({"data":[1],"type":"Buffer"})");

    // NULL, whatever the column.
    QTest::newRow("null invalid") << "int"
                                  << "" << QVariant() << QByteArray("null");
    QTest::newRow("null typed int") << "int"
                                    << "" << QVariant(QMetaType(QMetaType::Int)) << QByteArray("null");
    QTest::newRow("null typed string") << "varchar"
                                       << "" << QVariant(QMetaType(QMetaType::QString)) << QByteArray("null");
    QTest::newRow("null blob") << "blob"
                               << "" << QVariant(QMetaType(QMetaType::QByteArray)) << QByteArray("null");
    QTest::newRow("null date") << "datetime"
                               << "" << QVariant(QMetaType(QMetaType::QString)) << QByteArray("null");
}

void tst_ValueCodec::encode()
{
    QFETCH(QString, dataType);
    QFETCH(QString, columnType);
    QFETCH(QVariant, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(jsonText(ValueCodec::encode(column(dataType, columnType), value)), expected);
}

void tst_ValueCodec::quoteIdentifier_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << "items"
                           << "`items`";
    QTest::newRow("space") << "product items"
                           << "`product items`";
    QTest::newRow("hostile") << "x`; DROP TABLE t; --"
                             << "`x``; DROP TABLE t; --`";
    QTest::newRow("only backticks") << "``"
                                    << "``````";
    QTest::newRow("unicode") << QStringLiteral("Bücher") << QStringLiteral("`Bücher`");
    QTest::newRow("empty") << ""
                           << "``";
}

void tst_ValueCodec::quoteIdentifier()
{
    QFETCH(QString, name);
    QFETCH(QString, quoted);
    QCOMPARE(mysqlsync::quoteIdentifier(name), quoted);
}

QTEST_APPLESS_MAIN(tst_ValueCodec)
