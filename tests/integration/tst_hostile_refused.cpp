// tst_hostile: changes of table items that the engine answers with exactly one receipt and that
// write nothing (a key that does not match, unknown columns, wrong value types, deletes of keys
// that are not there or are not values of the key column). The test class is in tst_hostile.h.
#include <QJsonArray>
#include <QTest>

#include "tst_hostile.h"

// Each row names the case it was before (the former functions idMismatch, unknownColumn,
// wrongValueType, deleteMissingKey and deleteMalformedKey) before the colon.
void TestHostile::oneReceiptNothingWritten_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QJsonValue>("entity"); // null: a delete
    QTest::addColumn<QString>("receiptKind");
    QTest::addColumn<QString>("message");      // the receipt's whole message; empty: not checked
    QTest::addColumn<QStringList>("mentions"); // the receipt's message contains each
    QTest::addColumn<int>("maxMessageSize");   // 0: not checked
    const auto row = [](const char *scenario, const QString &name) -> QTestData & {
        return QTest::newRow(qPrintable(QLatin1String(scenario) + QStringLiteral(": ") + name));
    };
    const QString error = QStringLiteral("error");

    // 3. The entity's key does not match `id`.
    const auto mismatch = [&](const QString &name, const QString &id, const QJsonObject &e) {
        row("idMismatch", name) << id << QJsonValue(e) << error << kIdMismatch << QStringList() << 0;
    };
    const QJsonObject noIdColumn{{QStringLiteral("name"), QStringLiteral("evil")}, {QStringLiteral("qty"), 666}};
    mismatch(QStringLiteral("entity id 43 (number)"), QStringLiteral("42"), entity(43, QStringLiteral("evil"), 666));
    mismatch(QStringLiteral("entity id \"43\""), QStringLiteral("42"),
             entity(QStringLiteral("43"), QStringLiteral("evil"), 666));
    mismatch(QStringLiteral("entity without id column"), QStringLiteral("42"), noIdColumn);
    mismatch(QStringLiteral("entity id null"), QStringLiteral("42"),
             entity(QJsonValue::Null, QStringLiteral("evil"), 666));
    mismatch(QStringLiteral("entity id \"042\""), QStringLiteral("42"),
             entity(QStringLiteral("042"), QStringLiteral("evil"), 666));
    mismatch(QStringLiteral("empty id, entity without id column"), QStringLiteral(""), noIdColumn);
    mismatch(QStringLiteral("empty id, entity id null"), QStringLiteral(""),
             entity(QJsonValue::Null, QStringLiteral("evil"), 666));
    mismatch(QStringLiteral("empty id, entity id true"), QStringLiteral(""), entity(true, QStringLiteral("evil"), 666));

    // 4. Columns the table does not have are never put into SQL. The message names the column
    // (a long name may be shortened, but its start is there).
    const auto unknown = [&](const QString &name, const QString &column) {
        QJsonObject e = entity(QStringLiteral("42"), QStringLiteral("evil"), 666);
        e.insert(column, 1);
        row("unknownColumn", name) << QStringLiteral("42") << QJsonValue(e) << error << QString()
                                   << QStringList{QStringLiteral("nknown column"), QLatin1Char('"') + column.left(64)}
                                   << 400;
    };
    unknown(QStringLiteral("hostile name"), QStringLiteral("qty`; DROP TABLE t; --"));
    unknown(QStringLiteral("sql expression"), QStringLiteral("1=1"));
    unknown(QStringLiteral("1000 characters"), QString(1000, QLatin1Char('a')));
    unknown(QStringLiteral("empty name"), QStringLiteral(""));
    unknown(QStringLiteral("trailing space"), QStringLiteral("qty "));
    unknown(QStringLiteral("NUL inside"), QStringLiteral("qty") + QChar(0) + QStringLiteral("x"));
    unknown(QStringLiteral("column of another table"), kHostileColumn);
    unknown(QStringLiteral("unicode"), QStringLiteral("名前"));
    unknown(QStringLiteral("comment"), QStringLiteral("name/*"));

    // 6. Values that do not fit the column's type.
    const auto wrongType = [&](const QString &name, const QJsonValue &qty) {
        row("wrongValueType", name) << QStringLiteral("42")
                                    << QJsonValue(entity(QStringLiteral("42"), QStringLiteral("evil"), qty)) << error
                                    << QString() << QStringList{QStringLiteral("qty")} << 0;
    };
    wrongType(QStringLiteral("object"), QJsonValue(QJsonObject{{QStringLiteral("a"), 1}}));
    wrongType(QStringLiteral("string abc"), QJsonValue(QStringLiteral("abc")));
    wrongType(QStringLiteral("array"), QJsonValue(QJsonArray{1, 2}));
    wrongType(QStringLiteral("fraction"), QJsonValue(1.5));
    wrongType(QStringLiteral("digits then junk"), QJsonValue(QStringLiteral("12abc")));
    wrongType(QStringLiteral("digits then sql"), QJsonValue(QStringLiteral("1; DROP TABLE t; --")));
    wrongType(QStringLiteral("beyond 64 bits"), QJsonValue(1e30));
    wrongType(QStringLiteral("beyond INT (server refuses)"), QJsonValue(QStringLiteral("99999999999")));
    wrongType(QStringLiteral("Buffer"),
              QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("Buffer")},
                                     {QStringLiteral("data"), QJsonArray{1}}}));

    // 8. A delete of a key that is not there: harmless.
    const auto deleteMissing = [&](const QString &name, const QString &id) {
        row("deleteMissingKey", name) << id << QJsonValue(QJsonValue::Null) << QStringLiteral("data_received")
                                      << QString() << QStringList() << 0;
    };
    deleteMissing(QStringLiteral("never existed"), QStringLiteral("31337"));
    deleteMissing(QStringLiteral("beyond INT"), QStringLiteral("2147483648"));
    deleteMissing(QStringLiteral("negative"), QStringLiteral("-42"));

    // 8b. A delete whose key is not a value of the key column must not hit a row by MySQL's
    // loose string-to-number conversion ('42abc' = 42, 'abc' = 0, '' = 0): rows 42 and 0 stay.
    const auto deleteMalformed = [&](const QString &name, const QString &id) {
        row("deleteMalformedKey", name) << id << QJsonValue(QJsonValue::Null) << error << QString()
                                        << QStringList{QStringLiteral("id")} << 0;
    };
    deleteMalformed(QStringLiteral("digits then junk"), QStringLiteral("42abc"));
    deleteMalformed(QStringLiteral("digits then sql"), QStringLiteral("42 OR 1=1"));
    deleteMalformed(QStringLiteral("exponent"), QStringLiteral("4.2e1"));
    deleteMalformed(QStringLiteral("fraction"), QStringLiteral("42.0"));
    deleteMalformed(QStringLiteral("letters"), QStringLiteral("abc"));
    deleteMalformed(QStringLiteral("empty"), QStringLiteral(""));
    deleteMalformed(QStringLiteral("space before"), QStringLiteral(" 42"));
}

void TestHostile::oneReceiptNothingWritten()
{
    QFETCH(QString, id);
    QFETCH(QJsonValue, entity);
    QFETCH(QString, receiptKind);
    QFETCH(QString, message);
    QFETCH(QStringList, mentions);
    QFETCH(int, maxMessageSize);

    const QString before = snapshot();
    const int from = mark();
    const qint64 date = nextDate();
    QVERIFY(sendChange(QStringLiteral("items"), id, date, entity));
    const std::optional<Line> receipt = waitForReceipt(date);
    QVERIFY2(receipt, "no receipt");
    const QString shape = checkReceipt(*receipt, receiptKind, QStringLiteral("items"), id, date);
    QVERIFY2(shape.isEmpty(), qPrintable(shape));
    const QString said = args(*receipt).value(QStringLiteral("message")).toString();
    if (!message.isEmpty())
        QCOMPARE(said, message);
    for (const QString &part : mentions)
        QVERIFY2(said.contains(part), qPrintable(said));
    if (maxMessageSize > 0)
        QVERIFY2(said.size() < maxMessageSize, qPrintable(said.left(500)));
    QList<Line> out;
    expectNothingWritten(before, from, &out);
    QCOMPARE(out.size(), 1);
}
