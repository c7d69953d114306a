// Unit tests for core/protocol/VerifyMessages (issue 14): every verify message survives its
// own encoding, chunk sums are the XOR of the row checksums, and hostile input is refused
// with an error that names the field.
#include "protocol/Extensions.h"
#include "protocol/VerifyMessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mysqlsync;
using namespace mysqlsync::ext;

namespace {
const QString kA = QStringLiteral("site_a");

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject range()
{
    return {{QStringLiteral("sender"), kA},
            {QStringLiteral("type"), QStringLiteral("range")},
            {QStringLiteral("run"), QStringLiteral("r1")},
            {QStringLiteral("seq"), 2},
            {QStringLiteral("table"), QStringLiteral("items")},
            {QStringLiteral("columns"), QJsonArray{QStringLiteral("id"), QStringLiteral("name")}},
            {QStringLiteral("from"), QJsonValue(QJsonValue::Null)},
            {QStringLiteral("chunks"),
             QJsonArray{QJsonObject{{QStringLiteral("to"), QStringLiteral("10")},
                                    {QStringLiteral("count"), 10},
                                    {QStringLiteral("sum"), QStringLiteral("00112233445566ff")}},
                        QJsonObject{{QStringLiteral("to"), QJsonValue(QJsonValue::Null)},
                                    {QStringLiteral("count"), 0},
                                    {QStringLiteral("sum"), QStringLiteral("0000000000000000")}}}}};
}
} // namespace

class TestVerifyMessages : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void xorOfRows();
    void topic();
    void refused_data();
    void refused();
};

void TestVerifyMessages::roundTrip_data()
{
    QTest::addColumn<int>("type");
    for (int t = 0; t <= int(VerifyMessage::Type::Failed); ++t)
        QTest::newRow(qPrintable(VerifyMessage::typeName(VerifyMessage::Type(t)))) << t;
}

void TestVerifyMessages::roundTrip()
{
    QFETCH(int, type);
    VerifyMessage m;
    m.type = VerifyMessage::Type(type);
    m.sender = kA;
    m.run = QStringLiteral("6f1c");
    m.seq = 7;
    m.table = QStringLiteral("items");
    m.columns = {QStringLiteral("id"), QStringLiteral("naïve")};
    m.from = QStringLiteral("41");
    m.chunks = {{QStringLiteral("50"), 9, QStringLiteral("0123456789abcdef")},
                {QString(), 3, QStringLiteral("00000000000000ff")}};
    m.count = 12;
    m.differ = {{1, {{QStringLiteral("51"), QStringLiteral("aaaaaaaaaaaaaaaa")}}}};
    m.keys = {QStringLiteral("1"), QStringLiteral("x y")};
    m.rows = {{QStringLiteral("1"), QStringLiteral("bbbbbbbbbbbbbbbb")}};
    m.message = QStringLiteral("why");
    m.mirror = true;
    VerifyMessage back;
    QString error;
    QVERIFY2(VerifyMessage::fromJson(m.toJson(), kA, &back, &error), qPrintable(error));
    QCOMPARE(int(back.type), type);
    QCOMPARE(back.run, m.run);
    QCOMPARE(back.seq, m.seq);
    QCOMPARE(back.table, m.table);
    switch (m.type) {
    case VerifyMessage::Type::Range:
        QCOMPARE(back.from, m.from);
        QCOMPARE(back.chunks.size(), 2);
        QVERIFY(back.chunks.at(1).to.isNull());
        QCOMPARE(back.chunks.at(0).sum, m.chunks.at(0).sum);
        QCOMPARE(back.columns, m.columns);
        break;
    case VerifyMessage::Type::RangeResult:
        QCOMPARE(back.count, 12);
        QCOMPARE(back.differ.size(), 1);
        QCOMPARE(back.differ.at(0).first, 1);
        QCOMPARE(back.differ.at(0).second, m.differ.at(0).second);
        break;
    case VerifyMessage::Type::Keys:
        QCOMPARE(back.keys, m.keys);
        break;
    case VerifyMessage::Type::KeysResult:
        QCOMPARE(back.rows, m.rows);
        break;
    case VerifyMessage::Type::Failed:
        QCOMPARE(back.message, m.message);
        break;
    case VerifyMessage::Type::Opened:
        QVERIFY(back.mirror);
        QCOMPARE(back.columns, m.columns);
        break;
    case VerifyMessage::Type::Open:
        QVERIFY(!back.mirror); // only `opened` carries it
        QCOMPARE(back.columns, m.columns);
        break;
    }
}

void TestVerifyMessages::xorOfRows()
{
    const QList<RowDigest> rows = {{QStringLiteral("1"), QStringLiteral("00000000000000f0")},
                                   {QStringLiteral("2"), QStringLiteral("000000000000000f")},
                                   {QStringLiteral("3"), QStringLiteral("80000000000000ff")}};
    QCOMPARE(xorDigests(rows, 0, 0), QStringLiteral("0000000000000000"));
    QCOMPARE(xorDigests(rows, 0, 2), QStringLiteral("00000000000000ff"));
    QCOMPARE(xorDigests(rows, 0, 3), QStringLiteral("8000000000000000"));
    // Order does not matter; a row counted twice cancels out (so the count travels too).
    QCOMPARE(xorDigests({rows.at(2), rows.at(0), rows.at(1)}, 0, 3), xorDigests(rows, 0, 3));
}

void TestVerifyMessages::topic()
{
    QCOMPARE(verifyTopic(kA, QStringLiteral("site_b")), QStringLiteral("/mysql-sync/site_a/verify/site_b"));
    const Route r = parseTopic(QStringLiteral("/mysql-sync/site_a/verify/site_b"));
    QCOMPARE(int(r.kind), int(Kind::Verify));
    QCOMPARE(r.sender, kA);
    QCOMPARE(r.target, QStringLiteral("site_b"));
    QVERIFY(subscriptions(QStringLiteral("site_b")).contains(QStringLiteral("/mysql-sync/+/verify/site_b")));
    QCOMPARE(int(parseTopic(QStringLiteral("/mysql-sync/site_a/verify")).kind), int(Kind::None));
}

void TestVerifyMessages::refused_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("named");
    auto with = [](const QString &field, const QJsonValue &v) {
        QJsonObject o = range();
        if (v.isUndefined())
            o.remove(field);
        else
            o.insert(field, v);
        return json(o);
    };
    QJsonObject badChunk = range();
    QJsonArray chunks = badChunk.value(QStringLiteral("chunks")).toArray();
    QJsonObject first = chunks.at(0).toObject();
    first.insert(QStringLiteral("sum"), QStringLiteral("00112233445566FF")); // upper case
    chunks.replace(0, first);
    badChunk.insert(QStringLiteral("chunks"), chunks);
    QJsonObject openEarly = range();
    QJsonArray swapped{chunks.at(1), chunks.at(0)};
    openEarly.insert(QStringLiteral("chunks"), swapped);
    QJsonArray tooMany;
    for (int i = 0; i <= kMaxVerifyChunks; ++i)
        tooMany.append(chunks.at(1));

    QTest::newRow("not json") << QByteArray("{") << QString();
    QTest::newRow("other sender") << with(QStringLiteral("sender"), QStringLiteral("site_c"))
                                  << QStringLiteral("sender");
    QTest::newRow("unknown type") << with(QStringLiteral("type"), QStringLiteral("drop")) << QStringLiteral("type");
    QTest::newRow("no run") << with(QStringLiteral("run"), QJsonValue()) << QStringLiteral("run");
    QTest::newRow("long run") << with(QStringLiteral("run"), QString(65, QLatin1Char('r'))) << QStringLiteral("run");
    QTest::newRow("negative seq") << with(QStringLiteral("seq"), -1) << QStringLiteral("seq");
    QTest::newRow("columns not array") << with(QStringLiteral("columns"), QStringLiteral("id"))
                                       << QStringLiteral("columns");
    QTest::newRow("column twice") << with(QStringLiteral("columns"),
                                          QJsonArray{QStringLiteral("id"), QStringLiteral("id")})
                                  << QStringLiteral("columns[1]");
    QTest::newRow("bound an object") << with(QStringLiteral("from"), QJsonObject{}) << QStringLiteral("from");
    QTest::newRow("sum upper case") << json(badChunk) << QStringLiteral("chunks[0].sum");
    QTest::newRow("open chunk first") << json(openEarly) << QStringLiteral("chunks[0].to");
    QTest::newRow("no chunks") << with(QStringLiteral("chunks"), QJsonArray{}) << QStringLiteral("chunks");
    QTest::newRow("too many chunks") << with(QStringLiteral("chunks"), tooMany) << QStringLiteral("chunks");
    QJsonObject keys = range();
    keys.insert(QStringLiteral("type"), QStringLiteral("keys"));
    keys.insert(QStringLiteral("keys"), QJsonArray{QJsonArray{}});
    QTest::newRow("key an array") << json(keys) << QStringLiteral("keys[0]");
    QJsonObject result = range();
    result.insert(QStringLiteral("type"), QStringLiteral("keys-result"));
    result.insert(QStringLiteral("rows"), QJsonArray{QJsonArray{QStringLiteral("1")}});
    QTest::newRow("row not a pair") << json(result) << QStringLiteral("rows[0]");
}

void TestVerifyMessages::refused()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, named);
    VerifyMessage m;
    QString error;
    QVERIFY(!VerifyMessage::fromJson(payload, kA, &m, &error));
    QVERIFY(!error.isEmpty());
    if (!named.isEmpty())
        QVERIFY2(error.contains(QStringLiteral("`%1`").arg(named)) || error.contains(named), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestVerifyMessages)
#include "tst_verifymessages.moc"
