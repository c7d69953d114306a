// tst_hostile: malformed payloads on every topic the engine subscribes to. The test class is in
// tst_hostile.h.
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

#include "tst_hostile.h"

namespace {

// `bytes` of printable garbage (no newline, so that it stays one line in mosquitto_sub's output).
QByteArray garbage(int bytes)
{
    QByteArray out;
    out.reserve(bytes);
    QRandomGenerator rng(4711);
    for (int i = 0; i < bytes; ++i)
        out.append(char(0x21 + rng.bounded(0x7e - 0x21)));
    return out;
}

} // namespace

// 7. Malformed payloads on every topic the engine subscribes to.
void TestHostile::malformed_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("receipt"); // an error receipt on /info/site_a expected
    QTest::addColumn<QString>("receiptTable");
    QTest::addColumn<QString>("receiptId");
    QTest::addColumn<qint64>("receiptDate");
    QTest::addColumn<QString>("mentions"); // the receipt's message contains this

    const QByteArray big = garbage(1024 * 1024);
    const QByteArray badUtf8("\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc\xff\xfe", 13);
    QByteArray nested;
    for (int i = 0; i < 5000; ++i)
        nested += '[';
    for (int i = 0; i < 5000; ++i)
        nested += ']';

    // Would delete row 42 if it were ever executed.
    auto del = [](const QJsonObject &extra, const QStringList &drop = {}) {
        QJsonObject o{{QStringLiteral("sender"), kRemote},
                      {QStringLiteral("table"), QStringLiteral("items")},
                      {QStringLiteral("id"), QStringLiteral("42")},
                      {QStringLiteral("date"), 1767225600123LL},
                      {QStringLiteral("entity"), QJsonValue::Null}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), it.value());
        for (const QString &k : drop)
            o.remove(k);
        return compact(o);
    };

    // --- /change/site_b, sender unreadable: nothing is sent anywhere.
    struct Silent {
        const char *name;
        QByteArray payload;
    };
    const QList<Silent> silentChanges{
        {"not JSON", QByteArray("{\"sender\":\"site_a\",\"table\":\"items\",\"id\":\"42\",\"date\":1,\"entity\":null")},
        {"empty", QByteArray()},
        {"whitespace", QByteArray("   ")},
        {"JSON array", "[" + del({}) + "]"},
        {"JSON number", QByteArray("42")},
        {"JSON string", QByteArray("\"DROP TABLE t\"")},
        {"JSON null", QByteArray("null")},
        {"missing sender", del({}, {QStringLiteral("sender")})},
        {"sender number", del({{QStringLiteral("sender"), 7}})},
        {"sender null", del({{QStringLiteral("sender"), QJsonValue::Null}})},
        {"sender invalid name", del({{QStringLiteral("sender"), QStringLiteral("x y")}})},
        {"sender with slash", del({{QStringLiteral("sender"), QStringLiteral("site_a/../x")}})},
        {"sender too long", del({{QStringLiteral("sender"), QString(33, QLatin1Char('a'))}})},
        {"own name but malformed",
         del({{QStringLiteral("sender"), kSelf}, {QStringLiteral("date"), QStringLiteral("soon")}})},
        {"1 MB of garbage", big},
        {"invalid UTF-8 bytes", badUtf8},
        {"invalid UTF-8 inside a string",
         QByteArray("{\"sender\":\"site_a\",\"table\":\"items\",\"id\":\"42\",\"date\":1,\"entity\":{\"id\":\"42\","
                    "\"name\":\"")
             + badUtf8 + QByteArray("\",\"qty\":1}}")},
        {"invalid UTF-8 in the sender",
         QByteArray("{\"sender\":\"site_a\xff\",\"table\":\"items\",\"id\":\"42\",\"date\":1,\"entity\":null}")},
        {"deeply nested",
         QByteArray("{\"sender\":\"site_a\",\"table\":\"items\",\"id\":\"42\",\"date\":1,\"entity\":") + nested + "}"},
        {"NUL bytes", QByteArray("\0\0\0\0", 4)},
        {"duplicate keys",
         QByteArray(
             "{\"sender\":\"site_a\",\"sender\":7,\"table\":\"items\",\"id\":\"42\",\"date\":1,\"entity\":null}")},
    };
    for (const Silent &s : silentChanges)
        QTest::newRow(qPrintable(QStringLiteral("change: ") + QLatin1String(s.name)))
            << kChangeTopic << s.payload << false << QString() << QString() << qint64(0) << QString();

    // --- /change/site_b, sender readable: an error receipt with what could be read.
    struct Answered {
        const char *name;
        QByteArray payload;
        QString table;
        QString id;
        qint64 date;
        QString mentions;
    };
    const qint64 d = 1767225600123LL;
    const QList<Answered> answeredChanges{
        {"missing table", del({}, {QStringLiteral("table")}), QStringLiteral(""), QStringLiteral("42"), d,
         QStringLiteral("table")},
        {"table number", del({{QStringLiteral("table"), 5}}), QStringLiteral(""), QStringLiteral("42"), d,
         QStringLiteral("table")},
        {"table empty", del({{QStringLiteral("table"), QStringLiteral("")}}), QStringLiteral(""), QStringLiteral("42"),
         d, QStringLiteral("table")},
        {"missing id", del({}, {QStringLiteral("id")}), QStringLiteral("items"), QStringLiteral(""), d,
         QStringLiteral("id")},
        {"id object", del({{QStringLiteral("id"), QJsonObject{{QStringLiteral("a"), 1}}}}), QStringLiteral("items"),
         QStringLiteral(""), d, QStringLiteral("id")},
        {"id null", del({{QStringLiteral("id"), QJsonValue::Null}}), QStringLiteral("items"), QStringLiteral(""), d,
         QStringLiteral("id")},
        {"missing date", del({}, {QStringLiteral("date")}), QStringLiteral("items"), QStringLiteral("42"), 0,
         QStringLiteral("date")},
        {"date as string", del({{QStringLiteral("date"), QStringLiteral("1767225600123")}}), QStringLiteral("items"),
         QStringLiteral("42"), 0, QStringLiteral("date")},
        {"date out of range", del({{QStringLiteral("date"), 1e300}}), QStringLiteral("items"), QStringLiteral("42"), 0,
         QStringLiteral("date")},
        {"missing entity (not a delete)", del({}, {QStringLiteral("entity")}), QStringLiteral("items"),
         QStringLiteral("42"), d, QStringLiteral("entity")},
        {"entity as string", del({{QStringLiteral("entity"), QStringLiteral("DROP TABLE t")}}), QStringLiteral("items"),
         QStringLiteral("42"), d, QStringLiteral("entity")},
        {"entity as array", del({{QStringLiteral("entity"), QJsonArray{1, 2}}}), QStringLiteral("items"),
         QStringLiteral("42"), d, QStringLiteral("entity")},
        {"entity as number", del({{QStringLiteral("entity"), 42}}), QStringLiteral("items"), QStringLiteral("42"), d,
         QStringLiteral("entity")},
        {"entity false", del({{QStringLiteral("entity"), false}}), QStringLiteral("items"), QStringLiteral("42"), d,
         QStringLiteral("entity")},
        {"1 MB value for VARCHAR(100)",
         del({{QStringLiteral("entity"),
               QJsonObject{{QStringLiteral("id"), QStringLiteral("42")},
                           {QStringLiteral("name"), QString::fromLatin1(big)},
                           {QStringLiteral("qty"), 1}}}}),
         QStringLiteral("items"), QStringLiteral("42"), d, QStringLiteral("name")},
    };
    for (const Answered &a : answeredChanges)
        QTest::newRow(qPrintable(QStringLiteral("change: ") + QLatin1String(a.name)))
            << kChangeTopic << a.payload << true << a.table << a.id << a.date << a.mentions;

    // --- /info/site_b (receipts) and /info (presence): never answered, never acted on.
    auto info = [](const QJsonValue &from, const QJsonValue &message, const QJsonValue &argsValue) {
        QJsonObject o;
        if (!from.isUndefined())
            o.insert(QStringLiteral("sender"), from);
        if (!message.isUndefined())
            o.insert(QStringLiteral("message"), message);
        if (!argsValue.isUndefined())
            o.insert(QStringLiteral("args"), argsValue);
        return compact(o);
    };
    const QJsonObject receiptArgs{{QStringLiteral("table"), QStringLiteral("items")},
                                  {QStringLiteral("id"), QStringLiteral("42")},
                                  {QStringLiteral("date"), d}};
    const QJsonValue none(QJsonValue::Undefined);
    const QList<Silent> silentInfos{
        {"not JSON", QByteArray("{\"sender\":\"site_a\",\"message\":")},
        {"empty", QByteArray()},
        {"JSON array", "[" + info(kRemote, QStringLiteral("connection_lost"), QJsonObject()) + "]"},
        {"JSON number", QByteArray("1767225600123")},
        {"missing sender", info(none, QStringLiteral("connection_lost"), QJsonObject())},
        {"sender number", info(7, QStringLiteral("connection_lost"), QJsonObject())},
        {"sender invalid name", info(QStringLiteral("x y"), QStringLiteral("connection_lost"), QJsonObject())},
        {"missing message", info(kRemote, none, QJsonObject{{QStringLiteral("until"), 1}})},
        {"unknown message", info(kRemote, QStringLiteral("drop_tables"), QJsonObject())},
        {"message number", info(kRemote, 3, QJsonObject())},
        {"connected, args missing", info(kRemote, QStringLiteral("connected"), none)},
        {"connected, until as string",
         info(kRemote, QStringLiteral("connected"), QJsonObject{{QStringLiteral("until"), QStringLiteral("1")}})},
        {"connected, until missing", info(kRemote, QStringLiteral("connected"), QJsonObject())},
        {"connection_lost, args string", info(kRemote, QStringLiteral("connection_lost"), QStringLiteral("gone"))},
        {"data_received, args missing", info(kRemote, QStringLiteral("data_received"), none)},
        {"data_received, args string", info(kRemote, QStringLiteral("data_received"), QStringLiteral("x"))},
        {"data_received, date as string",
         info(kRemote, QStringLiteral("data_received"),
              QJsonObject{{QStringLiteral("table"), QStringLiteral("items")},
                          {QStringLiteral("id"), QStringLiteral("42")},
                          {QStringLiteral("date"), QStringLiteral("1767225600123")}})},
        {"data_received, table missing",
         info(kRemote, QStringLiteral("data_received"),
              QJsonObject{{QStringLiteral("id"), QStringLiteral("42")}, {QStringLiteral("date"), d}})},
        {"error, message missing", info(kRemote, QStringLiteral("error"), receiptArgs)},
        {"1 MB of garbage", big},
        {"invalid UTF-8 bytes", badUtf8},
        {"invalid UTF-8 in a string",
         QByteArray("{\"sender\":\"site_a\",\"message\":\"connection_lost\",\"args\":{\"x\":\"") + badUtf8 + "\"}}"},
        {"deeply nested",
         QByteArray("{\"sender\":\"site_a\",\"message\":\"connection_lost\",\"args\":") + nested + "}"},
    };
    for (const QString &topic : {kOwnInfoTopic, kInfoTopic}) {
        for (const Silent &s : silentInfos)
            QTest::newRow(qPrintable(topic + QStringLiteral(": ") + QLatin1String(s.name)))
                << topic << s.payload << false << QString() << QString() << qint64(0) << QString();
    }
}

void TestHostile::malformed()
{
    QFETCH(QString, topic);
    QFETCH(QByteArray, payload);
    QFETCH(bool, receipt);
    QFETCH(QString, receiptTable);
    QFETCH(QString, receiptId);
    QFETCH(qint64, receiptDate);
    QFETCH(QString, mentions);

    const QString before = snapshot();
    const int from = mark();
    QVERIFY(publish(topic, payload));
    QList<Line> out;
    // Still running, still subscribed, still online for site_a (a malformed connection_lost was
    // not taken for one), and it still applies a valid change after it.
    expectNothingWritten(before, from, &out);
    if (!receipt) {
        QStringList seen;
        for (const Line &l : out)
            seen << l.topic + QLatin1Char(' ') + l.payload.left(300);
        QVERIFY2(out.isEmpty(),
                 qPrintable(QStringLiteral("the engine published: ") + seen.join(QStringLiteral(" | "))));
        return;
    }
    QCOMPARE(out.size(), 1);
    QCOMPARE(out[0].topic, kReceiptTopic);
    const QString shape = checkReceipt(out[0], QStringLiteral("error"), receiptTable, receiptId, receiptDate);
    QVERIFY2(shape.isEmpty(), qPrintable(shape));
    const QString message = args(out[0]).value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(mentions), qPrintable(message));
    QVERIFY2(message.size() < 1000, qPrintable(message.left(1000)));
}
