// tst_extensions, continued (see tst_extensions.cpp): numbered batches and their summary
// receipts (docs/protocol.md, "Extensions"), each against hostile input.
#include "tst_extensions.h"

#include <QJsonDocument>
#include <QTest>

using namespace mysqlsync;
using namespace extest;

void TestExtensions::builderNumbersBatches()
{
    // Numbered from the first number on, one per batch; unnumbered without one.
    ext::BatchBuilder numbered(kA, 42, 2, 1024 * 1024, 7);
    ext::BatchBuilder plain(kA, 42, 2, 1024 * 1024);
    for (int i = 0; i < 5; ++i) {
        numbered.add(change(QStringLiteral("items"), QString::number(i), QJsonObject{{QStringLiteral("i"), i}}));
        plain.add(change(QStringLiteral("items"), QString::number(i), QJsonObject{{QStringLiteral("i"), i}}));
    }
    QList<qint64> numbers;
    for (const ext::BatchBuilder::Batch &b : numbered.finish()) {
        ext::ReceivedBatch batch;
        QString error;
        QVERIFY2(ext::ReceivedBatch::fromJson(b.json, kA, &batch, &error), qPrintable(error));
        QCOMPARE(batch.number, b.number);
        for (const ChangeMessage &c : std::as_const(batch.changes)) {
            QCOMPARE(c.batch, b.number); // each row knows its batch, for the summary
            QCOMPARE(c.batchRows, b.rows);
        }
        numbers << b.number;
    }
    QCOMPARE(numbers, (QList<qint64>{7, 8, 9}));
    for (const ext::BatchBuilder::Batch &b : plain.finish()) {
        QCOMPARE(b.number, qint64(0));
        QVERIFY(!QJsonDocument::fromJson(b.json).object().contains(QStringLiteral("batch")));
        ext::ReceivedBatch batch;
        QString error;
        QVERIFY2(ext::ReceivedBatch::fromJson(b.json, kA, &batch, &error), qPrintable(error));
        QCOMPARE(batch.number, qint64(0));
        QCOMPARE(batch.changes.first().batch, qint64(0));
    }
}

void TestExtensions::batchNumber_data()
{
    QTest::addColumn<QJsonValue>("number");
    QTest::addColumn<qint64>("read"); // 0: the batch is refused
    QTest::newRow("1") << QJsonValue(1) << qint64(1);
    QTest::newRow("2^53 - 1") << QJsonValue(9007199254740991.0) << qint64(9007199254740991);
    QTest::newRow("0") << QJsonValue(0) << qint64(0);
    QTest::newRow("negative") << QJsonValue(-4) << qint64(0);
    QTest::newRow("fraction") << QJsonValue(1.5) << qint64(0);
    QTest::newRow("2^53") << QJsonValue(9007199254740992.0) << qint64(0);
    QTest::newRow("a string") << QJsonValue(QStringLiteral("5")) << qint64(0);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << qint64(0);
}

void TestExtensions::batchNumber()
{
    QFETCH(QJsonValue, number);
    QFETCH(qint64, read);
    QJsonObject o = batchEnvelope(QJsonArray{row(QStringLiteral("1"))});
    o.insert(QStringLiteral("batch"), number);
    ext::ReceivedBatch batch;
    QString error;
    const bool ok = ext::ReceivedBatch::fromJson(compact(o), kA, &batch, &error);
    if (read == 0) {
        // The envelope is wrong: nothing of it is applied or answered.
        QVERIFY(!ok);
        QVERIFY2(error.contains(QStringLiteral("field `batch` must be an integer from 1 to")), qPrintable(error));
        QVERIFY(batch.changes.isEmpty());
    } else {
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(batch.number, read);
    }
}

void TestExtensions::summaryRoundTrip()
{
    const QList<InfoMessage> errors{
        InfoMessage::error(kB, QStringLiteral("Grüße"), QStringLiteral("ключ"), 1700000000001,
                           QStringLiteral("Duplicate entry 'ä😀' for key \"name\"\n")),
        InfoMessage::error(kB, QStringLiteral("items"), QStringLiteral("2"), 1700000000001, QString()),
    };
    for (const QList<InfoMessage> &listed : {errors, QList<InfoMessage>()}) {
        const QByteArray json = ext::ReceiptBatch::summaryJson(kB, 9007199254740991, 1700000000001, 1000, listed);
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        QVERIFY(!o.contains(QStringLiteral("received"))); // the received rows are not listed
        ext::ReceiptBatch back;
        QStringList skipped;
        QString error;
        QVERIFY2(ext::ReceiptBatch::fromJson(json, kB, &back, &skipped, &error), qPrintable(error));
        QVERIFY(skipped.isEmpty());
        QCOMPARE(back.sender, kB);
        QCOMPARE(back.batch, qint64(9007199254740991));
        QCOMPARE(back.date, qint64(1700000000001));
        QCOMPARE(back.rows, 1000);
        QCOMPARE(back.receipts.size(), listed.size());
        for (qsizetype i = 0; i < listed.size(); ++i) {
            QCOMPARE(back.receipts.at(i).kind, InfoKind::Error);
            QCOMPARE(back.receipts.at(i).sender, kB);
            QCOMPARE(back.receipts.at(i).table, listed.at(i).table);
            QCOMPARE(back.receipts.at(i).id, listed.at(i).id);
            QCOMPARE(back.receipts.at(i).message, listed.at(i).message);
        }
    }
}

void TestExtensions::summaryRefused_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("errorHas");
    const QJsonObject error{{QStringLiteral("table"), QStringLiteral("items")},
                            {QStringLiteral("id"), QStringLiteral("1")},
                            {QStringLiteral("date"), 5},
                            {QStringLiteral("message"), QStringLiteral("refused")}};
    const QJsonObject ok{{QStringLiteral("sender"), kB},
                         {QStringLiteral("batch"), 3},
                         {QStringLiteral("date"), 5},
                         {QStringLiteral("count"), 2},
                         {QStringLiteral("errors"), QJsonArray{error}}};
    const QJsonValue gone(QJsonValue::Undefined);
    QTest::newRow("sender not the topic's")
        << compactWith(ok, QStringLiteral("sender"), kA) << "not the site the topic names";
    QTest::newRow("batch 0") << compactWith(ok, QStringLiteral("batch"), 0) << "field `batch` must be an integer";
    QTest::newRow("batch a string") << compactWith(ok, QStringLiteral("batch"), QStringLiteral("3"))
                                    << "field `batch` must be an integer";
    QTest::newRow("date missing") << compactWith(ok, QStringLiteral("date"), gone) << "date";
    QTest::newRow("count missing") << compactWith(ok, QStringLiteral("count"), gone) << "field `count` of a summary";
    QTest::newRow("count 0") << compactWith(ok, QStringLiteral("count"), 0) << "field `count` of a summary";
    QTest::newRow("count over the limit")
        << compactWith(ok, QStringLiteral("count"), 10001) << "field `count` of a summary";
    QTest::newRow("errors missing") << compactWith(ok, QStringLiteral("errors"), gone) << "field `errors`";
    QTest::newRow("errors an object") << compactWith(ok, QStringLiteral("errors"), error) << "field `errors`";
    QTest::newRow("more errors than rows")
        << compactWith(ok, QStringLiteral("errors"), QJsonArray{error, error, error}) << "at most `count`";
}

void TestExtensions::summaryRefused()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, errorHas);
    expectReceiptsRefused(payload, errorHas);
}

void TestExtensions::summarySkipsMalformedErrors()
{
    // An error that is malformed, or dated otherwise than its batch, is left out and named;
    // the summary still counts.
    const QJsonObject good{{QStringLiteral("table"), QStringLiteral("items")},
                           {QStringLiteral("id"), QStringLiteral("1")},
                           {QStringLiteral("date"), 5},
                           {QStringLiteral("message"), QStringLiteral("refused")}};
    QJsonObject otherDate = good;
    otherDate.insert(QStringLiteral("date"), 6);
    QJsonObject noId = good;
    noId.remove(QStringLiteral("id"));
    const QJsonObject o{{QStringLiteral("sender"), kB},
                        {QStringLiteral("batch"), 3},
                        {QStringLiteral("date"), 5},
                        {QStringLiteral("count"), 4},
                        {QStringLiteral("errors"), QJsonArray{good, otherDate, noId, 17}}};
    ext::ReceiptBatch back;
    QStringList skipped;
    QString error;
    QVERIFY2(ext::ReceiptBatch::fromJson(compact(o), kB, &back, &skipped, &error), qPrintable(error));
    QCOMPARE(back.receipts.size(), 1);
    QCOMPARE(back.receipts.first().id, QStringLiteral("1"));
    QCOMPARE(skipped.size(), 3);
    QVERIFY2(skipped.join(QLatin1Char('\n')).contains(QStringLiteral("is dated 6, the batch 5")),
             qPrintable(skipped.join(QLatin1Char('\n'))));
}
