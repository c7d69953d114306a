// Unit tests for core/protocol/Messages: the five wire messages of docs/protocol.md.
#include "protocol/Messages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mysqlsync;

Q_DECLARE_METATYPE(mysqlsync::InfoKind)
Q_DECLARE_METATYPE(mysqlsync::InfoMessage)

namespace {
QJsonObject sampleEntity()
{
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("42")},
                       {QStringLiteral("name"), QStringLiteral("bolt")},
                       {QStringLiteral("qty"), 7}};
}
} // namespace

class tst_Messages : public QObject {
    Q_OBJECT

private slots:
    void topicStrings();

    void infoExactJson_data();
    void infoExactJson();
    void changeExactJson_data();
    void changeExactJson();

    void infoRoundTrip_data();
    void infoRoundTrip();
    void changeRoundTrip_data();
    void changeRoundTrip();

    void infoAccepts_data();
    void infoAccepts();
    void infoRejects_data();
    void infoRejects();
    void changeRejects_data();
    void changeRejects();
    void changeFailureFillsReadableFields();
    void changeNumericId();
    void changeExtraFieldsTolerated();
    void hugePayloadRejected();

    void syncStatusId_data();
    void syncStatusId();
    void keyToString_data();
    void keyToString();
};

void tst_Messages::topicStrings()
{
    QCOMPARE(topics::info(), QStringLiteral("/info"));
    QCOMPARE(topics::infoFor(QStringLiteral("site_a")), QStringLiteral("/info/site_a"));
    QCOMPARE(topics::changeFor(QStringLiteral("site-b")), QStringLiteral("/change/site-b"));
}

void tst_Messages::infoExactJson_data()
{
    QTest::addColumn<InfoMessage>("message");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("connected") << InfoMessage::connected(QStringLiteral("site_a"), 1767225600000)
                               << QByteArray(
                                      R"({"args":{"until":1767225600000},"message":"connected","sender":"site_a"})");
    QTest::newRow("connection_lost") << InfoMessage::connectionLost(QStringLiteral("site_a"))
                                     << QByteArray(R"({"args":{},"message":"connection_lost","sender":"site_a"})");
    QTest::newRow("data_received")
        << InfoMessage::dataReceived(QStringLiteral("site_b"), QStringLiteral("items"), QStringLiteral("42"),
                                     1767225600123)
        << QByteArray(
               R"({"args":{"date":1767225600123,"id":"42","table":"items"},"message":"data_received","sender":"site_b"})");
    QTest::newRow("error")
        << InfoMessage::error(QStringLiteral("site_b"), QStringLiteral("items"), QStringLiteral("42"), 1767225600123,
                              QStringLiteral("The table is not configured as receive table!"))
        << QByteArray(
               R"({"args":{"date":1767225600123,"id":"42","message":"The table is not configured as receive table!","table":"items"},"message":"error","sender":"site_b"})");
    // A date beyond 2^53 ms still prints as an integer.
    QTest::newRow("connected-large")
        << InfoMessage::connected(QStringLiteral("ab"), 8640000000000000)
        << QByteArray(R"({"args":{"until":8640000000000000},"message":"connected","sender":"ab"})");
}

void tst_Messages::infoExactJson()
{
    QFETCH(InfoMessage, message);
    QFETCH(QByteArray, json);
    QCOMPARE(message.toJson(), json);
}

void tst_Messages::changeExactJson_data()
{
    QTest::addColumn<QJsonValue>("entity");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("update")
        << QJsonValue(sampleEntity())
        << QByteArray(
               R"({"date":1767225600123,"entity":{"id":"42","name":"bolt","qty":7},"id":"42","sender":"site_a","table":"items"})");
    QTest::newRow("delete")
        << QJsonValue(QJsonValue::Null)
        << QByteArray(R"({"date":1767225600123,"entity":null,"id":"42","sender":"site_a","table":"items"})");
}

void tst_Messages::changeExactJson()
{
    QFETCH(QJsonValue, entity);
    QFETCH(QByteArray, json);
    ChangeMessage m;
    m.sender = QStringLiteral("site_a");
    m.table = QStringLiteral("items");
    m.id = QStringLiteral("42");
    m.date = 1767225600123;
    m.entity = entity;
    QCOMPARE(m.toJson(), json);
    QCOMPARE(m.isDelete(), entity.isNull());
}

void tst_Messages::infoRoundTrip_data()
{
    QTest::addColumn<InfoMessage>("message");
    QTest::newRow("connected") << InfoMessage::connected(QStringLiteral("site_a"), 1767225600000);
    QTest::newRow("connection_lost") << InfoMessage::connectionLost(QStringLiteral("site-a"));
    QTest::newRow("data_received") << InfoMessage::dataReceived(QStringLiteral("site_b"), QStringLiteral("items"),
                                                                QStringLiteral("2055d5d7-21e9-410b-954e-bb65772d9c6e"),
                                                                1767225600123);
    QTest::newRow("error") << InfoMessage::error(QStringLiteral("site_b"), QStringLiteral("Bücher"),
                                                 QStringLiteral("ä\"1"), 1,
                                                 QStringLiteral("Duplicate entry 'x' for key \"PRIMARY\"\n"));
    QTest::newRow("error-empty-message") << InfoMessage::error(QStringLiteral("AB"), QStringLiteral("t"),
                                                               QStringLiteral(""), 0, QStringLiteral(""));
}

void tst_Messages::infoRoundTrip()
{
    QFETCH(InfoMessage, message);
    InfoMessage decoded;
    QString error;
    QVERIFY2(InfoMessage::fromJson(message.toJson(), &decoded, &error), qPrintable(error));
    QCOMPARE(decoded.sender, message.sender);
    QCOMPARE(decoded.kind, message.kind);
    QCOMPARE(decoded.until, message.until);
    QCOMPARE(decoded.table, message.table);
    QCOMPARE(decoded.id, message.id);
    QCOMPARE(decoded.date, message.date);
    QCOMPARE(decoded.message, message.message);
    QCOMPARE(decoded.toJson(), message.toJson());
}

void tst_Messages::changeRoundTrip_data()
{
    QTest::addColumn<QJsonValue>("entity");
    QTest::addColumn<qint64>("date");
    QTest::newRow("update") << QJsonValue(sampleEntity()) << qint64(1767225600123);
    QTest::newRow("delete") << QJsonValue(QJsonValue::Null) << qint64(1767225600123);
    QTest::newRow("nested-values") << QJsonValue(
        QJsonObject{{QStringLiteral("id"), QStringLiteral("42")},
                    {QStringLiteral("big"), QStringLiteral("18446744073709551615")},
                    {QStringLiteral("blob"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("Buffer")},
                                 {QStringLiteral("data"), QJsonArray{0, 255}}}},
                    {QStringLiteral("n"), QJsonValue(QJsonValue::Null)}})
                                   << qint64(0);
}

void tst_Messages::changeRoundTrip()
{
    QFETCH(QJsonValue, entity);
    QFETCH(qint64, date);
    ChangeMessage m;
    m.sender = QStringLiteral("site_a");
    m.table = QStringLiteral("items");
    m.id = QStringLiteral("42");
    m.date = date;
    m.entity = entity;

    ChangeMessage decoded;
    QString error;
    QVERIFY2(ChangeMessage::fromJson(m.toJson(), &decoded, &error), qPrintable(error));
    QCOMPARE(decoded.sender, m.sender);
    QCOMPARE(decoded.table, m.table);
    QCOMPARE(decoded.id, m.id);
    QCOMPARE(decoded.date, m.date);
    QCOMPARE(decoded.entity, m.entity);
    QCOMPARE(decoded.isDelete(), entity.isNull());
    QCOMPARE(decoded.toJson(), m.toJson());
}

void tst_Messages::infoAccepts_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<InfoKind>("kind");
    QTest::addColumn<QString>("id");
    QTest::addColumn<qint64>("date");

    QTest::newRow("numeric id") << QByteArray(
        R"({"sender":"site_b","message":"data_received","args":{"table":"items","id":42,"date":5}})")
                                << InfoKind::DataReceived << QStringLiteral("42") << qint64(5);
    QTest::newRow("extra fields") << QByteArray(
        R"({"sender":"site_b","message":"error","x":1,"args":{"table":"t","id":"1","date":7,"message":"m","y":2}})")
                                  << InfoKind::Error << QStringLiteral("1") << qint64(7);
    QTest::newRow("connection_lost without args") << QByteArray(R"({"sender":"site_b","message":"connection_lost"})")
                                                  << InfoKind::ConnectionLost << QString() << qint64(0);
    QTest::newRow("fractional date truncated")
        << QByteArray(R"({"sender":"site_b","message":"data_received","args":{"table":"t","id":"1","date":12.9}})")
        << InfoKind::DataReceived << QStringLiteral("1") << qint64(12);
    QTest::newRow("large date") << QByteArray(
        R"({"sender":"site_b","message":"data_received","args":{"table":"t","id":"1","date":1767225600123}})")
                                << InfoKind::DataReceived << QStringLiteral("1") << qint64(1767225600123);
}

void tst_Messages::infoAccepts()
{
    QFETCH(QByteArray, payload);
    QFETCH(InfoKind, kind);
    QFETCH(QString, id);
    QFETCH(qint64, date);
    InfoMessage m;
    QString error;
    QVERIFY2(InfoMessage::fromJson(payload, &m, &error), qPrintable(error));
    QCOMPARE(m.kind, kind);
    QCOMPARE(m.id, id);
    QCOMPARE(m.date, date);
}

void tst_Messages::infoRejects_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("expected"); // a fragment of the error text

    QTest::newRow("not json") << QByteArray("{\"sender\":") << QStringLiteral("not valid JSON");
    QTest::newRow("not an object") << QByteArray("[1,2]") << QStringLiteral("not a JSON object");
    QTest::newRow("string") << QByteArray("\"hello\"") << QStringLiteral("not a JSON object");
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("not valid JSON");
    QTest::newRow("missing sender") << QByteArray(R"({"message":"connected","args":{"until":1}})")
                                    << QStringLiteral("`sender`");
    QTest::newRow("sender number") << QByteArray(R"({"sender":12,"message":"connected","args":{"until":1}})")
                                   << QStringLiteral("`sender`");
    QTest::newRow("sender too short") << QByteArray(R"({"sender":"a","message":"connected","args":{"until":1}})")
                                      << QStringLiteral("`sender` is not a valid client name");
    QTest::newRow("sender with slash") << QByteArray(R"({"sender":"a/b","message":"connected","args":{"until":1}})")
                                       << QStringLiteral("`sender` is not a valid client name");
    QTest::newRow("sender too long") << QByteArray(
        R"({"sender":"abcdefghijabcdefghijabcdefghijabc","message":"connected","args":{"until":1}})")
                                     << QStringLiteral("`sender` is not a valid client name");
    QTest::newRow("missing message") << QByteArray(R"({"sender":"site_a","args":{}})")
                                     << QStringLiteral("missing field `message`");
    QTest::newRow("message not string") << QByteArray(R"({"sender":"site_a","message":1,"args":{}})")
                                        << QStringLiteral("field `message` must be a string");
    QTest::newRow("unknown kind") << QByteArray(R"({"sender":"site_a","message":"hello","args":{}})")
                                  << QStringLiteral("field `message` names an unknown info message");
    QTest::newRow("missing args") << QByteArray(R"({"sender":"site_a","message":"connected"})")
                                  << QStringLiteral("missing field `args`");
    QTest::newRow("args not object") << QByteArray(R"({"sender":"site_a","message":"connected","args":[]})")
                                     << QStringLiteral("field `args` must be an object");
    QTest::newRow("missing until") << QByteArray(R"({"sender":"site_a","message":"connected","args":{}})")
                                   << QStringLiteral("missing field `args.until`");
    QTest::newRow("until string") << QByteArray(
        R"({"sender":"site_a","message":"connected","args":{"until":"1767225600000"}})")
                                  << QStringLiteral("field `args.until` must be a JSON number");
    QTest::newRow("until bool") << QByteArray(R"({"sender":"site_a","message":"connected","args":{"until":true}})")
                                << QStringLiteral("field `args.until` must be a number");
    QTest::newRow("until out of range") << QByteArray(
        R"({"sender":"site_a","message":"connected","args":{"until":1e300}})")
                                        << QStringLiteral("field `args.until` is out of range");
    QTest::newRow("missing table") << QByteArray(
        R"({"sender":"site_a","message":"data_received","args":{"id":"1","date":1}})")
                                   << QStringLiteral("missing field `args.table`");
    QTest::newRow("empty table") << QByteArray(
        R"({"sender":"site_a","message":"data_received","args":{"table":"","id":"1","date":1}})")
                                 << QStringLiteral("field `args.table` must not be empty");
    QTest::newRow("table number") << QByteArray(
        R"({"sender":"site_a","message":"data_received","args":{"table":5,"id":"1","date":1}})")
                                  << QStringLiteral("field `args.table` must be a string");
    QTest::newRow("missing id") << QByteArray(
        R"({"sender":"site_a","message":"data_received","args":{"table":"t","date":1}})")
                                << QStringLiteral("missing field `args.id`");
    QTest::newRow("id object") << QByteArray(
        R"({"sender":"site_a","message":"data_received","args":{"table":"t","id":{},"date":1}})")
                               << QStringLiteral("field `args.id` must be a string or a number");
    QTest::newRow("missing date") << QByteArray(
        R"({"sender":"site_a","message":"data_received","args":{"table":"t","id":"1"}})")
                                  << QStringLiteral("missing field `args.date`");
    QTest::newRow("date numeric string") << QByteArray(
        R"({"sender":"site_a","message":"data_received","args":{"table":"t","id":"1","date":"1767225600123"}})")
                                         << QStringLiteral("field `args.date` must be a JSON number");
    QTest::newRow("date null") << QByteArray(
        R"({"sender":"site_a","message":"error","args":{"table":"t","id":"1","date":null,"message":"m"}})")
                               << QStringLiteral("field `args.date` must be a number");
    QTest::newRow("error missing message")
        << QByteArray(R"({"sender":"site_a","message":"error","args":{"table":"t","id":"1","date":1}})")
        << QStringLiteral("missing field `args.message`");
    QTest::newRow("error message number")
        << QByteArray(R"({"sender":"site_a","message":"error","args":{"table":"t","id":"1","date":1,"message":3}})")
        << QStringLiteral("field `args.message` must be a string");
}

void tst_Messages::infoRejects()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, expected);
    InfoMessage m;
    QString error;
    QVERIFY(!InfoMessage::fromJson(payload, &m, &error));
    QVERIFY2(error.contains(expected), qPrintable(QStringLiteral("error was: ") + error));
}

void tst_Messages::changeRejects_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("expected");

    QTest::newRow("not json") << QByteArray("{nope}") << QStringLiteral("not valid JSON");
    QTest::newRow("not an object") << QByteArray("42") << QStringLiteral("not a JSON object");
    QTest::newRow("missing sender") << QByteArray(R"({"table":"t","id":"1","date":1,"entity":null})")
                                    << QStringLiteral("missing field `sender`");
    QTest::newRow("bad sender") << QByteArray(R"({"sender":"#","table":"t","id":"1","date":1,"entity":null})")
                                << QStringLiteral("`sender` is not a valid client name");
    QTest::newRow("missing table") << QByteArray(R"({"sender":"site_a","id":"1","date":1,"entity":null})")
                                   << QStringLiteral("missing field `table`");
    QTest::newRow("empty table") << QByteArray(R"({"sender":"site_a","table":"","id":"1","date":1,"entity":null})")
                                 << QStringLiteral("field `table` must not be empty");
    QTest::newRow("table array") << QByteArray(R"({"sender":"site_a","table":[],"id":"1","date":1,"entity":null})")
                                 << QStringLiteral("field `table` must be a string");
    QTest::newRow("missing id") << QByteArray(R"({"sender":"site_a","table":"t","date":1,"entity":null})")
                                << QStringLiteral("missing field `id`");
    QTest::newRow("id bool") << QByteArray(R"({"sender":"site_a","table":"t","id":true,"date":1,"entity":null})")
                             << QStringLiteral("field `id` must be a string or a number");
    QTest::newRow("id null") << QByteArray(R"({"sender":"site_a","table":"t","id":null,"date":1,"entity":null})")
                             << QStringLiteral("field `id` must be a string or a number");
    QTest::newRow("missing date") << QByteArray(R"({"sender":"site_a","table":"t","id":"1","entity":null})")
                                  << QStringLiteral("missing field `date`");
    QTest::newRow("date numeric string") << QByteArray(
        R"({"sender":"site_a","table":"t","id":"1","date":"123","entity":null})")
                                         << QStringLiteral("field `date` must be a JSON number");
    QTest::newRow("date iso string") << QByteArray(
        R"({"sender":"site_a","table":"t","id":"1","date":"2026-01-01T00:00:00Z","entity":null})")
                                     << QStringLiteral("field `date` must be a JSON number");
    QTest::newRow("missing entity") << QByteArray(R"({"sender":"site_a","table":"t","id":"1","date":1})")
                                    << QStringLiteral("missing field `entity`");
    QTest::newRow("entity array") << QByteArray(R"({"sender":"site_a","table":"t","id":"1","date":1,"entity":[]})")
                                  << QStringLiteral("field `entity` must be an object or null");
    QTest::newRow("entity string") << QByteArray(R"({"sender":"site_a","table":"t","id":"1","date":1,"entity":"x"})")
                                   << QStringLiteral("field `entity` must be an object or null");
}

void tst_Messages::changeRejects()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, expected);
    ChangeMessage m;
    QString error;
    QVERIFY(!ChangeMessage::fromJson(payload, &m, &error));
    QVERIFY2(error.contains(expected), qPrintable(QStringLiteral("error was: ") + error));
}

void tst_Messages::changeFailureFillsReadableFields()
{
    ChangeMessage m;
    QString error;
    QVERIFY(!ChangeMessage::fromJson(R"({"sender":"site_a","table":"items","id":7,"date":1767225600123,"entity":[1]})",
                                     &m, &error));
    QVERIFY2(error.contains(QStringLiteral("`entity`")), qPrintable(error));
    QCOMPARE(m.sender, QStringLiteral("site_a"));
    QCOMPARE(m.table, QStringLiteral("items"));
    QCOMPARE(m.id, QStringLiteral("7"));
    QCOMPARE(m.date, qint64(1767225600123));

    // The first problem is reported; later valid fields are still filled.
    QVERIFY(
        !ChangeMessage::fromJson(R"({"sender":"site_a","table":"","id":"9","date":"5","entity":null})", &m, &error));
    QVERIFY2(error.contains(QStringLiteral("`table`")), qPrintable(error));
    QCOMPARE(m.sender, QStringLiteral("site_a"));
    QCOMPARE(m.table, QString());
    QCOMPARE(m.id, QStringLiteral("9"));
    QCOMPARE(m.date, qint64(0));

    // An invalid sender is never filled in (it would become a topic).
    QVERIFY(!ChangeMessage::fromJson(R"({"sender":"x/#","table":"t","id":"1","date":2,"entity":null})", &m, &error));
    QVERIFY(m.sender.isEmpty());
    QCOMPARE(m.table, QStringLiteral("t"));
    QCOMPARE(m.date, qint64(2));
}

void tst_Messages::changeNumericId()
{
    ChangeMessage m;
    QString error;
    QVERIFY2(ChangeMessage::fromJson(
                 R"({"sender":"site_a","table":"items","id":42,"date":1767225600123,"entity":{"id":42,"name":"bolt"}})",
                 &m, &error),
             qPrintable(error));
    QCOMPARE(m.id, QStringLiteral("42"));
    QCOMPARE(mysqlsync::keyToString(m.entity.toObject().value(QStringLiteral("id"))), m.id);
    // Re-encoded, the id goes out as the protocol's string.
    QVERIFY(m.toJson().contains(R"("id":"42")"));
}

void tst_Messages::changeExtraFieldsTolerated()
{
    ChangeMessage m;
    QString error;
    QVERIFY2(ChangeMessage::fromJson(R"({"sender":"site_a","table":"t","id":"1","date":3,"entity":null,"extra":true})",
                                     &m, &error),
             qPrintable(error));
    QVERIFY(m.isDelete());
    // Extra fields are never sent on.
    QVERIFY(!m.toJson().contains("extra"));
}

void tst_Messages::hugePayloadRejected()
{
    QByteArray payload = R"({"sender":"site_a","table":"t","id":"1","date":3,"entity":{"x":")";
    payload.append(QByteArray(16 * 1024 * 1024, 'a'));
    payload.append("\"}}");
    ChangeMessage m;
    QString error;
    QVERIFY(!ChangeMessage::fromJson(payload, &m, &error));
    QVERIFY2(error.contains(QStringLiteral("exceeds the limit")), qPrintable(error));
    InfoMessage info;
    QVERIFY(!InfoMessage::fromJson(payload, &info, &error));
    QVERIFY2(error.contains(QStringLiteral("exceeds the limit")), qPrintable(error));
}

void tst_Messages::syncStatusId_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("remote");
    QTest::addColumn<QString>("md5");
    // printf %s 'items-42-site_b' | md5sum
    QTest::newRow("ascii") << "items"
                           << "42"
                           << "site_b"
                           << "b8f0247718cb6f51a352975ef9277842";
    // printf %s 'Bücher-ä1-site_b' | md5sum   (UTF-8)
    QTest::newRow("utf8") << QStringLiteral("Bücher") << QStringLiteral("ä1") << "site_b"
                          << "0f247d01b80b45f6611a086968997126";
}

void tst_Messages::syncStatusId()
{
    QFETCH(QString, table);
    QFETCH(QString, id);
    QFETCH(QString, remote);
    QFETCH(QString, md5);
    QCOMPARE(mysqlsync::syncStatusId(table, id, remote), md5);
}

void tst_Messages::keyToString_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isNull");

    QTest::newRow("string") << QJsonValue(QStringLiteral("abc-1")) << QStringLiteral("abc-1") << false;
    QTest::newRow("empty string") << QJsonValue(QStringLiteral("")) << QStringLiteral("") << false;
    QTest::newRow("int") << QJsonValue(42) << QStringLiteral("42") << false;
    QTest::newRow("negative") << QJsonValue(-7) << QStringLiteral("-7") << false;
    QTest::newRow("double 42.0") << QJsonValue(42.0) << QStringLiteral("42") << false;
    QTest::newRow("1e15") << QJsonValue(1e15) << QStringLiteral("1000000000000000") << false;
    QTest::newRow("qint64 exact") << QJsonValue(qint64(9007199254740993)) << QStringLiteral("9007199254740993")
                                  << false;
    QTest::newRow("parsed 1767225600123")
        << QJsonDocument::fromJson("[1767225600123]").array().at(0) << QStringLiteral("1767225600123") << false;
    QTest::newRow("parsed 1e15") << QJsonDocument::fromJson("[1e15]").array().at(0)
                                 << QStringLiteral("1000000000000000") << false;
    QTest::newRow("fraction") << QJsonValue(1.5) << QStringLiteral("1.5") << false;
    QTest::newRow("0.1") << QJsonValue(0.1) << QStringLiteral("0.1") << false;
    QTest::newRow("small") << QJsonValue(1e-7) << QStringLiteral("1e-7") << false;
    QTest::newRow("1e21") << QJsonValue(1e21) << QStringLiteral("1e+21") << false;
    QTest::newRow("1e20") << QJsonValue(1e20) << QStringLiteral("100000000000000000000") << false;
    QTest::newRow("bool") << QJsonValue(true) << QString() << true;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QString() << true;
    QTest::newRow("object") << QJsonValue(QJsonObject()) << QString() << true;
}

void tst_Messages::keyToString()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, text);
    QFETCH(bool, isNull);
    const QString result = mysqlsync::keyToString(value);
    QCOMPARE(result.isNull(), isNull);
    if (!isNull)
        QCOMPARE(result, text);
}

QTEST_APPLESS_MAIN(tst_Messages)
#include "tst_messages.moc"
