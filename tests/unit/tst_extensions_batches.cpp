// tst_extensions, continued (see tst_extensions.cpp): change batches, BatchBuilder and batch
// receipts, each against hostile input.
#include "tst_extensions.h"

#include <algorithm>

#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace mysqlsync;
using namespace extest;

// ---- change batches -----------------------------------------------------------------
void TestExtensions::batchRoundTrip()
{
    const QJsonObject big{{QStringLiteral("id"), QStringLiteral("big")},
                          {QStringLiteral("blob"), QString(300 * 1024, u'\u00e9')}};
    const QList<ChangeMessage> sent{
        change(QStringLiteral("items"), QStringLiteral("1"),
               QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("qty"), 7}}),
        change(QStringLiteral("items"), QStringLiteral("2"),
               QJsonObject{{QStringLiteral("id"), 2}, {QStringLiteral("qty"), 8.5}}),
        change(QStringLiteral("items"), QStringLiteral("3"), QJsonValue(QJsonValue::Null)),
        change(QStringLiteral("Grüße"), QStringLiteral("ключ-😀"),
               QJsonObject{{QStringLiteral("text"), QStringLiteral("\"quoted\"\n\ttab \\ 漢字 😀")},
                           {QStringLiteral("nothing"), QJsonValue::Null}}),
        change(QStringLiteral("blobs"), QStringLiteral("big"), big),
    };
    ext::BatchBuilder builder(kA, 1700000000123, 100, 4 * 1024 * 1024);
    for (const ChangeMessage &c : sent)
        builder.add(c);
    const QList<ext::BatchBuilder::Batch> batches = builder.finish();
    QCOMPARE(batches.size(), 1);
    QCOMPARE(batches.first().rows, sent.size());
    QCOMPARE(QJsonDocument::fromJson(batches.first().json).object().value(QStringLiteral("count")).toInt(),
             sent.size());

    ext::ReceivedBatch batch;
    QString error;
    QVERIFY2(ext::ReceivedBatch::fromJson(batches.first().json, kA, &batch, &error), qPrintable(error));
    QCOMPARE(batch.sender, kA);
    QCOMPARE(batch.date, qint64(1700000000123));
    QVERIFY(batch.rejected.isEmpty());
    QCOMPARE(batch.changes.size(), sent.size());
    for (qsizetype i = 0; i < sent.size(); ++i) {
        const ChangeMessage &got = batch.changes.at(i);
        QCOMPARE(got.sender, kA);
        QCOMPARE(got.date, qint64(1700000000123)); // the batch's date, not the change's
        QCOMPARE(got.table, sent.at(i).table);
        QCOMPARE(got.id, sent.at(i).id);
        QCOMPARE(got.entity, sent.at(i).entity);
    }
    QVERIFY(batch.changes.at(2).isDelete());
    QVERIFY(!batch.changes.at(1).isDelete());
}

void TestExtensions::batchRefused_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("errorHas");
    const QJsonArray rows{row(QStringLiteral("1")), row(QStringLiteral("2"))};
    auto with = [&](const QString &field, const QJsonValue &v) { return compactWith(batchEnvelope(rows), field, v); };
    const QJsonValue gone(QJsonValue::Undefined);
    QTest::newRow("not JSON") << QByteArray("{\"changes\":[") << "not valid JSON";
    QTest::newRow("an array") << QByteArray("[{}]") << "not a JSON object";
    QTest::newRow("sender missing") << with(QStringLiteral("sender"), gone) << "sender";
    QTest::newRow("sender not the topic's") << with(QStringLiteral("sender"), kB) << "not the site the topic names";
    QTest::newRow("sender invalid") << with(QStringLiteral("sender"), QStringLiteral("x")) << "sender";
    QTest::newRow("date missing") << with(QStringLiteral("date"), gone) << "date";
    QTest::newRow("date a string") << with(QStringLiteral("date"), QStringLiteral("1700000000000")) << "date";
    QTest::newRow("date out of range") << with(QStringLiteral("date"), 1e300) << "date";
    QTest::newRow("changes missing") << with(QStringLiteral("changes"), gone) << "changes";
    QTest::newRow("changes an object") << with(QStringLiteral("changes"), row(QStringLiteral("1"))) << "changes";
    QTest::newRow("count missing") << with(QStringLiteral("count"), gone) << "count";
    QTest::newRow("count a string") << with(QStringLiteral("count"), QStringLiteral("2")) << "count";
    QTest::newRow("count fractional") << with(QStringLiteral("count"), 2.5) << "count";
    QTest::newRow("count negative") << with(QStringLiteral("count"), -2) << "count";
    QTest::newRow("count lies: more") << with(QStringLiteral("count"), 3) << "says 3 row(s), the message holds 2";
    QTest::newRow("count lies: fewer") << with(QStringLiteral("count"), 1) << "says 1 row(s), the message holds 2";
    QTest::newRow("count lies: huge") << with(QStringLiteral("count"), 1e15) << "count";
    QJsonArray tooMany;
    for (int i = 0; i <= ext::kMaxRowsPerMessage; ++i)
        tooMany.append(row(QString::number(i)));
    QTest::newRow("more rows than the limit") << compact(batchEnvelope(tooMany)) << "exceeds the limit of 10000";
    QJsonArray same{row(QStringLiteral("1")), row(QStringLiteral("2")), row(QStringLiteral("1"), QJsonValue::Null)};
    QTest::newRow("a key twice") << compact(batchEnvelope(same)) << "more than once";
    QJsonArray numeric{row(QStringLiteral("7")),
                       QJsonObject{{QStringLiteral("table"), QStringLiteral("items")},
                                   {QStringLiteral("id"), 7},
                                   {QStringLiteral("entity"), QJsonValue::Null}}};
    QTest::newRow("a key twice, once as a number") << compact(batchEnvelope(numeric)) << "more than once";
    QTest::newRow("over the byte limit") << QByteArray(ext::kMaxMessageBytes + 1, ' ') << "exceeds the limit";
}
void TestExtensions::batchRefused()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, errorHas);
    ext::ReceivedBatch batch;
    QString error;
    QVERIFY(!ext::ReceivedBatch::fromJson(payload, kA, &batch, &error));
    QVERIFY2(error.contains(errorHas), qPrintable(error));
}

void TestExtensions::batchAtTheRowLimit()
{
    QJsonArray rows;
    for (int i = 0; i < ext::kMaxRowsPerMessage; ++i)
        rows.append(row(QString::number(i)));
    ext::ReceivedBatch batch;
    QString error;
    QVERIFY2(ext::ReceivedBatch::fromJson(compact(batchEnvelope(rows)), kA, &batch, &error), qPrintable(error));
    QCOMPARE(batch.changes.size(), ext::kMaxRowsPerMessage);
}

void TestExtensions::batchRowRejected_data()
{
    QTest::addColumn<QJsonValue>("bad");
    QTest::addColumn<QString>("errorHas");
    QTest::addColumn<QString>("readableId");
    const QString t = QStringLiteral("table"), i = QStringLiteral("id"), e = QStringLiteral("entity");
    const QJsonObject entity{{QStringLiteral("n"), 1}};
    QTest::newRow("a number") << QJsonValue(5) << "must be an object, got a number"
                              << "";
    QTest::newRow("a string") << QJsonValue(QStringLiteral("row")) << "must be an object, got a string"
                              << "";
    QTest::newRow("an array") << QJsonValue(QJsonArray{1}) << "must be an object, got an array"
                              << "";
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << "must be an object, got null"
                          << "";
    QTest::newRow("table missing") << QJsonValue(QJsonObject{{i, QStringLiteral("9")}, {e, entity}}) << "table"
                                   << "9";
    QTest::newRow("table empty") << QJsonValue(QJsonObject{{t, QString()}, {i, QStringLiteral("9")}, {e, entity}})
                                 << "table"
                                 << "9";
    QTest::newRow("table a number") << QJsonValue(QJsonObject{{t, 3}, {i, QStringLiteral("9")}, {e, entity}}) << "table"
                                    << "9";
    QTest::newRow("id missing") << QJsonValue(QJsonObject{{t, QStringLiteral("items")}, {e, entity}}) << "id"
                                << "";
    QTest::newRow("id a boolean") << QJsonValue(QJsonObject{{t, QStringLiteral("items")}, {i, true}, {e, entity}})
                                  << "id"
                                  << "";
    QTest::newRow("id an object") << QJsonValue(QJsonObject{{t, QStringLiteral("items")}, {i, entity}, {e, entity}})
                                  << "id"
                                  << "";
    QTest::newRow("entity missing") << QJsonValue(QJsonObject{{t, QStringLiteral("items")}, {i, QStringLiteral("9")}})
                                    << "entity"
                                    << "9";
    QTest::newRow("entity a string") << QJsonValue(
        QJsonObject{{t, QStringLiteral("items")}, {i, QStringLiteral("9")}, {e, QStringLiteral("{}")}})
                                     << "field `entity` must be an object or null, got a string"
                                     << "9";
    QTest::newRow("entity an array") << QJsonValue(
        QJsonObject{{t, QStringLiteral("items")}, {i, QStringLiteral("9")}, {e, QJsonArray{}}})
                                     << "entity"
                                     << "9";
    QTest::newRow("entity a number") << QJsonValue(
        QJsonObject{{t, QStringLiteral("items")}, {i, QStringLiteral("9")}, {e, 0}})
                                     << "entity"
                                     << "9";
    // A row version (issue 15) that is not one: the row is refused, not applied without it.
    const QString v = QStringLiteral("version");
    QTest::newRow("version a string") << QJsonValue(
        QJsonObject{{t, QStringLiteral("items")}, {i, QStringLiteral("9")}, {e, entity}, {v, QStringLiteral("1")}})
                                      << "field `version` must be an object"
                                      << "9";
    QTest::newRow("version with a forged site name") << QJsonValue(
        QJsonObject{{t, QStringLiteral("items")},
                    {i, QStringLiteral("9")},
                    {e, entity},
                    {v,
                     QJsonObject{{QStringLiteral("origin"), QStringLiteral("site_a")},
                                 {QStringLiteral("time"), 5},
                                 {QStringLiteral("vector"),
                                  QJsonObject{{QStringLiteral("site_a"), 5}, {QStringLiteral("../../x"), 1}}}}}})
                                                     << "not a valid client name"
                                                     << "9";
}

void TestExtensions::batchCarriesVersions()
{
    ChangeMessage withVersion =
        change(QStringLiteral("items"), QStringLiteral("1"), QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}});
    withVersion.version = RowVersion{QStringLiteral("site_c"),
                                     1700000000100,
                                     {{QStringLiteral("site_c"), 1700000000100}, {QStringLiteral("site_a"), 99}},
                                     {}};
    const ChangeMessage without = change(QStringLiteral("items"), QStringLiteral("2"), QJsonValue(QJsonValue::Null));
    ext::BatchBuilder builder(kA, 1700000000123, 100, 1024 * 1024);
    builder.add(withVersion);
    builder.add(without);
    const QList<ext::BatchBuilder::Batch> batches = builder.finish();
    QCOMPARE(batches.size(), 1);
    ext::ReceivedBatch batch;
    QString error;
    QVERIFY2(ext::ReceivedBatch::fromJson(batches.first().json, kA, &batch, &error), qPrintable(error));
    QCOMPARE(batch.changes.size(), 2);
    QCOMPARE(batch.changes.at(0).version, withVersion.version);
    QVERIFY(batch.changes.at(1).version.isNull());
    // Never in the per-row message: the earlier engine refuses fields it does not know.
    QVERIFY(!withVersion.toJson().contains("version"));
}
void TestExtensions::batchRowRejected()
{
    QFETCH(QJsonValue, bad);
    QFETCH(QString, errorHas);
    QFETCH(QString, readableId);
    const QJsonArray rows{row(QStringLiteral("1")), bad, row(QStringLiteral("2"), QJsonValue::Null)};
    ext::ReceivedBatch batch;
    QString error;
    QVERIFY2(ext::ReceivedBatch::fromJson(compact(batchEnvelope(rows)), kA, &batch, &error), qPrintable(error));
    QCOMPARE(batch.changes.size(), 2);
    QCOMPARE(batch.changes.at(0).id, QStringLiteral("1"));
    QCOMPARE(batch.changes.at(1).id, QStringLiteral("2"));
    QVERIFY(batch.changes.at(1).isDelete());
    QCOMPARE(batch.rejected.size(), 1);
    const auto &[partial, why] = batch.rejected.first();
    QVERIFY2(why.startsWith(QStringLiteral("changes[1]")), qPrintable(why));
    QVERIFY2(why.contains(errorHas), qPrintable(why));
    // What could be read, for the error receipt; sender and date are the batch's.
    QCOMPARE(partial.sender, kA);
    QCOMPARE(partial.date, qint64(1700000000000));
    QCOMPARE(partial.id, readableId);
}

void TestExtensions::batchRowCannotSpeakForAnotherSender()
{
    QJsonObject forged = row(QStringLiteral("1"));
    forged.insert(QStringLiteral("sender"), kB);
    forged.insert(QStringLiteral("date"), 5);
    forged.insert(QStringLiteral("future_field"), true);
    ext::ReceivedBatch batch;
    QString error;
    QVERIFY2(ext::ReceivedBatch::fromJson(compact(batchEnvelope({forged})), kA, &batch, &error), qPrintable(error));
    QCOMPARE(batch.changes.size(), 1);
    QCOMPARE(batch.changes.first().sender, kA);
    QCOMPARE(batch.changes.first().date, qint64(1700000000000));
}

void TestExtensions::batchEmpty()
{
    ext::ReceivedBatch batch;
    QString error;
    QVERIFY2(ext::ReceivedBatch::fromJson(compact(batchEnvelope({})), kA, &batch, &error), qPrintable(error));
    QVERIFY(batch.changes.isEmpty() && batch.rejected.isEmpty());
    QVERIFY(ext::BatchBuilder(kA, 1, 10, 4096).finish().isEmpty());
}

// ---- BatchBuilder -------------------------------------------------------------------
void TestExtensions::builderSplitsByRows()
{
    ext::BatchBuilder builder(kA, 42, 3, 1024 * 1024);
    for (int i = 0; i < 7; ++i)
        builder.add(change(QStringLiteral("items"), QString::number(i), QJsonObject{{QStringLiteral("i"), i}}));
    const QList<ext::BatchBuilder::Batch> batches = builder.finish();
    QCOMPARE(batches.size(), 3);
    QList<int> sizes;
    int next = 0;
    for (const auto &b : batches) {
        sizes << b.rows;
        ext::ReceivedBatch batch;
        QString error;
        QVERIFY2(ext::ReceivedBatch::fromJson(b.json, kA, &batch, &error), qPrintable(error));
        QCOMPARE(batch.changes.size(), b.rows);
        QCOMPARE(batch.date, qint64(42));
        for (const ChangeMessage &c : std::as_const(batch.changes))
            QCOMPARE(c.id, QString::number(next++));
    }
    QCOMPARE(sizes, (QList<int>{3, 3, 1}));
    QVERIFY(builder.finish().isEmpty()); // finish hands the batches over once
}

void TestExtensions::builderClampsRows()
{
    ext::BatchBuilder one(kA, 1, 0, 1024 * 1024); // at least one row per batch
    for (int i = 0; i < 3; ++i)
        one.add(change(QStringLiteral("items"), QString::number(i), QJsonObject{}));
    QCOMPARE(one.finish().size(), 3);
    ext::BatchBuilder many(kA, 1, 1000000, ext::kMaxMessageBytes); // never past the receiver's limit
    for (int i = 0; i <= ext::kMaxRowsPerMessage; ++i)
        many.add(change(QStringLiteral("t"), QString::number(i), QJsonObject{}));
    const QList<ext::BatchBuilder::Batch> batches = many.finish();
    QCOMPARE(batches.size(), 2);
    QCOMPARE(batches.at(0).rows, ext::kMaxRowsPerMessage);
    QCOMPARE(batches.at(1).rows, 1);
}

void TestExtensions::builderSplitsByBytes()
{
    const qsizetype maxBytes = 4096;
    const QJsonObject entity{{QStringLiteral("text"), QString(300, u'x')}};
    const QJsonObject huge{{QStringLiteral("text"), QString(20000, u'y')}};
    ext::BatchBuilder builder(kA, 7, 1000, maxBytes);
    for (int i = 0; i < 30; ++i)
        builder.add(change(QStringLiteral("items"), QString::number(i), i == 15 ? huge : entity));
    const QList<ext::BatchBuilder::Batch> batches = builder.finish();
    QVERIFY(batches.size() >= 4);
    int total = 0;
    bool hugeAlone = false;
    for (const auto &b : batches) {
        ext::ReceivedBatch batch;
        QString error;
        QVERIFY2(ext::ReceivedBatch::fromJson(b.json, kA, &batch, &error), qPrintable(error));
        QCOMPARE(batch.changes.size(), b.rows);
        QCOMPARE(QJsonDocument::fromJson(b.json).object().value(QStringLiteral("count")).toInt(), b.rows);
        const bool hasHuge = std::any_of(batch.changes.cbegin(), batch.changes.cend(),
                                         [](const ChangeMessage &c) { return c.id == QLatin1String("15"); });
        if (hasHuge) {
            QCOMPARE(b.rows, 1); // a row bigger than the bound travels alone
            hugeAlone = true;
        } else {
            // The rows stay within the bound; the envelope adds a few dozen bytes.
            QVERIFY2(b.json.size() <= maxBytes + 128, qPrintable(QString::number(b.json.size())));
            QVERIFY(b.rows > 1);
        }
        total += b.rows;
    }
    QVERIFY(hugeAlone);
    QCOMPARE(total, 30);
}

// ---- batch receipts -----------------------------------------------------------------
void TestExtensions::receiptsRoundTrip()
{
    const QList<InfoMessage> sent{
        InfoMessage::dataReceived(kB, QStringLiteral("items"), QStringLiteral("1"), 1700000000001),
        InfoMessage::error(kB, QStringLiteral("items"), QStringLiteral("2"), 1700000000002,
                           QStringLiteral("Duplicate entry 'ä😀' for key \"name\"\n")),
        InfoMessage::dataReceived(kB, QStringLiteral("Grüße"), QStringLiteral("ключ"), 3),
        InfoMessage::error(kB, QStringLiteral("items"), QStringLiteral("4"), 4, QString()),
    };
    const QList<ext::ReceiptBatch::Encoded> encoded = ext::ReceiptBatch::toJson(kB, sent, 100, 64 * 1024);
    QCOMPARE(encoded.size(), 1);
    QCOMPARE(encoded.first().rows, 4);
    const QJsonObject o = QJsonDocument::fromJson(encoded.first().json).object();
    QCOMPARE(o.value(QStringLiteral("count")).toInt(), 4);
    QCOMPARE(o.value(QStringLiteral("received")).toArray().size(), 2);
    QCOMPARE(o.value(QStringLiteral("errors")).toArray().size(), 2);

    ext::ReceiptBatch back;
    QStringList skipped;
    QString error;
    QVERIFY2(ext::ReceiptBatch::fromJson(encoded.first().json, kB, &back, &skipped, &error), qPrintable(error));
    QVERIFY(skipped.isEmpty());
    QCOMPARE(back.sender, kB);
    QCOMPARE(back.receipts.size(), 4);
    for (const InfoMessage &want : sent) {
        const auto got = std::find_if(back.receipts.cbegin(), back.receipts.cend(),
                                      [&](const InfoMessage &r) { return r.table == want.table && r.id == want.id; });
        QVERIFY2(got != back.receipts.cend(), qPrintable(want.id));
        QCOMPARE(got->sender, kB);
        QCOMPARE(got->kind, want.kind);
        QCOMPARE(got->date, want.date);
        QCOMPARE(got->message, want.message);
    }
}

void TestExtensions::receiptsSplit()
{
    QList<InfoMessage> sent;
    for (int i = 0; i < 250; ++i) {
        sent << (i % 7 == 0
                     ? InfoMessage::error(kB, QStringLiteral("items"), QString::number(i), 1000 + i, QString(100, u'e'))
                     : InfoMessage::dataReceived(kB, QStringLiteral("items"), QString::number(i), 1000 + i));
    }
    for (const auto &[maxRows, maxBytes] : {std::pair<int, qsizetype>{40, 1024 * 1024}, {1000, 2048}}) {
        const QList<ext::ReceiptBatch::Encoded> encoded = ext::ReceiptBatch::toJson(kB, sent, maxRows, maxBytes);
        QVERIFY(encoded.size() > 1);
        qsizetype first = 0;
        for (const auto &e : encoded) {
            QVERIFY(e.rows <= maxRows);
            QVERIFY2(e.json.size() <= maxBytes + 128, qPrintable(QString::number(e.json.size())));
            ext::ReceiptBatch back;
            QStringList skipped;
            QString error;
            QVERIFY2(ext::ReceiptBatch::fromJson(e.json, kB, &back, &skipped, &error), qPrintable(error));
            QCOMPARE(back.receipts.size(), e.rows);
            // The message holds exactly the next e.rows receipts of the input.
            QSet<QString> ids, want;
            for (const InfoMessage &r : std::as_const(back.receipts))
                ids.insert(r.id);
            for (const InfoMessage &r : sent.mid(first, e.rows))
                want.insert(r.id);
            QCOMPARE(ids, want);
            first += e.rows;
        }
        QCOMPARE(first, sent.size());
    }
    QVERIFY(ext::ReceiptBatch::toJson(kB, {}, 10, 4096).isEmpty());
}

void TestExtensions::receiptsRefused_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("errorHas");
    const QJsonObject ok{{QStringLiteral("table"), QStringLiteral("items")},
                         {QStringLiteral("id"), QStringLiteral("1")},
                         {QStringLiteral("date"), 5}};
    auto envelope = [&](const QJsonValue &received, const QJsonValue &errors, const QJsonValue &count,
                        const QString &sender = QStringLiteral("site_b")) {
        QJsonObject o{{QStringLiteral("sender"), sender}};
        if (!received.isUndefined())
            o.insert(QStringLiteral("received"), received);
        if (!errors.isUndefined())
            o.insert(QStringLiteral("errors"), errors);
        if (!count.isUndefined())
            o.insert(QStringLiteral("count"), count);
        return compact(o);
    };
    const QJsonValue gone(QJsonValue::Undefined);
    QTest::newRow("not JSON") << QByteArray("nope") << "not valid JSON";
    QTest::newRow("sender not the topic's")
        << envelope(QJsonArray{ok}, QJsonArray{}, 1, kA) << "not the site the topic names";
    QTest::newRow("received missing") << envelope(gone, QJsonArray{}, 0) << "must be arrays";
    QTest::newRow("errors missing") << envelope(QJsonArray{ok}, gone, 1) << "must be arrays";
    QTest::newRow("received an object") << envelope(ok, QJsonArray{}, 1) << "must be arrays";
    QTest::newRow("count missing") << envelope(QJsonArray{ok}, QJsonArray{}, gone) << "count";
    QTest::newRow("count lies") << envelope(QJsonArray{ok, ok}, QJsonArray{}, 3)
                                << "says 3 row(s), the message holds 2";
    QTest::newRow("count forgets the errors") << envelope(QJsonArray{ok}, QJsonArray{ok}, 1) << "holds 2";
    QJsonArray many;
    for (int i = 0; i < 6000; ++i)
        many.append(ok);
    QTest::newRow("more rows than the limit") << envelope(many, many, 12000) << "exceeds the limit of 10000";
}
void extest::expectReceiptsRefused(const QByteArray &payload, const QString &errorHas)
{
    ext::ReceiptBatch back;
    QStringList skipped;
    QString error;
    QVERIFY(!ext::ReceiptBatch::fromJson(payload, kB, &back, &skipped, &error));
    QVERIFY2(error.contains(errorHas), qPrintable(error));
    QVERIFY(back.receipts.isEmpty());
}

void TestExtensions::receiptsRefused()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, errorHas);
    expectReceiptsRefused(payload, errorHas);
}

void TestExtensions::receiptsSkipMalformedRows()
{
    const QJsonObject ok{{QStringLiteral("table"), QStringLiteral("items")},
                         {QStringLiteral("id"), 1},
                         {QStringLiteral("date"), 5}};
    QJsonObject noTable = ok;
    noTable.remove(QStringLiteral("table"));
    QJsonObject stringDate = ok;
    stringDate.insert(QStringLiteral("date"), QStringLiteral("5"));
    QJsonObject error = ok;
    error.insert(QStringLiteral("message"), QStringLiteral("refused"));
    const QJsonObject o{{QStringLiteral("sender"), kB},
                        {QStringLiteral("count"), 6},
                        {QStringLiteral("received"), QJsonArray{ok, 17, noTable}},
                        {QStringLiteral("errors"), QJsonArray{stringDate, ok, error}}};
    ext::ReceiptBatch back;
    QStringList skipped;
    QString why;
    QVERIFY2(ext::ReceiptBatch::fromJson(compact(o), kB, &back, &skipped, &why), qPrintable(why));
    QCOMPARE(back.receipts.size(), 2);
    QCOMPARE(back.receipts.at(0).kind, InfoKind::DataReceived);
    QCOMPARE(back.receipts.at(0).id, QStringLiteral("1"));
    QCOMPARE(back.receipts.at(1).kind, InfoKind::Error);
    QCOMPARE(back.receipts.at(1).message, QStringLiteral("refused"));
    QCOMPARE(skipped.size(), 4);
    QVERIFY2(skipped.at(0).startsWith(QStringLiteral("received[1] must be an object")), qPrintable(skipped.at(0)));
    QVERIFY2(skipped.at(1).startsWith(QStringLiteral("received[2]")) && skipped.at(1).contains(QStringLiteral("table")),
             qPrintable(skipped.at(1)));
    QVERIFY2(skipped.at(2).startsWith(QStringLiteral("errors[0]")) && skipped.at(2).contains(QStringLiteral("date")),
             qPrintable(skipped.at(2)));
    QVERIFY2(skipped.at(3).startsWith(QStringLiteral("errors[1]")) && skipped.at(3).contains(QStringLiteral("message")),
             qPrintable(skipped.at(3)));
}
