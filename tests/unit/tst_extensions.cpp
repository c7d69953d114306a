// Unit tests for core/protocol/Extensions: the extension channel's topics, framing, the
// announcement, change batches and batch receipts (issue 13), hostile input above all.
// This file: the shared helpers, topics, framing, the announcement; tst_extensions_batches.cpp:
// change batches, BatchBuilder, batch receipts.
#include "tst_extensions.h"

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

using namespace mysqlsync;
using namespace extest;

Q_DECLARE_METATYPE(mysqlsync::ext::Kind)

namespace extest {
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray compactWith(QJsonObject o, const QString &field, const QJsonValue &v)
{
    if (v.isUndefined())
        o.remove(field);
    else
        o.insert(field, v);
    return compact(o);
}

ChangeMessage change(const QString &table, const QString &id, const QJsonValue &entity)
{
    ChangeMessage c;
    c.sender = kA;
    c.table = table;
    c.id = id;
    c.date = 1700000000000;
    c.entity = entity;
    return c;
}

QJsonObject row(const QString &id, const QJsonValue &entity)
{
    return {{QStringLiteral("table"), QStringLiteral("items")},
            {QStringLiteral("id"), id},
            {QStringLiteral("entity"), entity}};
}

QJsonObject batchEnvelope(const QJsonArray &rows)
{
    return {{QStringLiteral("sender"), kA},
            {QStringLiteral("date"), qint64(1700000000000)},
            {QStringLiteral("count"), qint64(rows.size())},
            {QStringLiteral("changes"), rows}};
}

QJsonObject announcement()
{
    return {{QStringLiteral("sender"), kA},
            {QStringLiteral("protocol"), 1},
            {QStringLiteral("capabilities"), QJsonArray{QStringLiteral("batch"), QStringLiteral("zlib")}},
            {QStringLiteral("site"), QStringLiteral("0f3c9a")}};
}
} // namespace extest

namespace {
// The process's peak resident memory (kB), after resetting it to the current size.
qint64 peakKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}
bool resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

// "zlib:" + a 4-byte big-endian size claim + a zlib stream.
QByteArray zlibPayload(quint32 claimed, const QByteArray &stream)
{
    QByteArray header(4, '\0');
    qToBigEndian<quint32>(claimed, header.data());
    return QByteArrayLiteral("zlib:") + header + stream;
}
QByteArray zlibStream(const QByteArray &data)
{
    return qCompress(data).mid(4);
}
} // namespace

// ---- topics -------------------------------------------------------------------------
void TestExtensions::topicStrings()
{
    QCOMPARE(ext::helloTopic(kA), QStringLiteral("/mysql-sync/site_a/hello"));
    QCOMPARE(ext::batchTopic(kA, kB), QStringLiteral("/mysql-sync/site_a/batch/site_b"));
    QCOMPARE(ext::receiptsTopic(kB, kA), QStringLiteral("/mysql-sync/site_b/receipts/site_a"));
    QCOMPARE(ext::subscriptions(kB),
             (QStringList{QStringLiteral("/mysql-sync/+/hello"), QStringLiteral("/mysql-sync/+/batch/site_b"),
                          QStringLiteral("/mysql-sync/+/receipts/site_b"),
                          QStringLiteral("/mysql-sync/+/verify/site_b")}));
    // What we build, we parse back.
    QCOMPARE(ext::parseTopic(ext::batchTopic(kA, kB)).kind, ext::Kind::Batch);
    QCOMPARE(ext::parseTopic(ext::receiptsTopic(kA, kB)).kind, ext::Kind::Receipts);
    QCOMPARE(ext::parseTopic(ext::helloTopic(kA)).kind, ext::Kind::Hello);
}

void TestExtensions::parseTopic_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<ext::Kind>("kind");
    QTest::addColumn<QString>("sender");
    QTest::addColumn<QString>("target");
    const auto none = ext::Kind::None;
    QTest::newRow("hello") << "/mysql-sync/site_a/hello" << ext::Kind::Hello << "site_a"
                           << "";
    QTest::newRow("batch") << "/mysql-sync/site_a/batch/site_b" << ext::Kind::Batch << "site_a"
                           << "site_b";
    QTest::newRow("receipts") << "/mysql-sync/Site-9/receipts/ab" << ext::Kind::Receipts << "Site-9"
                              << "ab";
    QTest::newRow("32-char sender") << QStringLiteral("/mysql-sync/%1/hello").arg(QString(32, u'x')) << ext::Kind::Hello
                                    << QString(32, u'x') << "";
    QTest::newRow("33-char sender") << QStringLiteral("/mysql-sync/%1/hello").arg(QString(33, u'x')) << none << ""
                                    << "";
    QTest::newRow("one-char sender") << "/mysql-sync/a/hello" << none << ""
                                     << "";
    QTest::newRow("empty sender") << "/mysql-sync//hello" << none << ""
                                  << "";
    QTest::newRow("space in sender") << "/mysql-sync/site a/hello" << none << ""
                                     << "";
    QTest::newRow("dot in sender") << "/mysql-sync/site.a/hello" << none << ""
                                   << "";
    QTest::newRow("wildcard sender +") << "/mysql-sync/+/hello" << none << ""
                                       << "";
    QTest::newRow("wildcard #") << "/mysql-sync/#" << none << ""
                                << "";
    QTest::newRow("newline after sender") << "/mysql-sync/site_a\n/hello" << none << ""
                                          << "";
    QTest::newRow("non-ASCII sender") << "/mysql-sync/sité_a/hello" << none << ""
                                      << "";
    QTest::newRow("invalid target") << "/mysql-sync/site_a/batch/b" << none << ""
                                    << "";
    QTest::newRow("empty target") << "/mysql-sync/site_a/batch/" << none << ""
                                  << "";
    QTest::newRow("wildcard target") << "/mysql-sync/site_a/receipts/+" << none << ""
                                     << "";
    QTest::newRow("batch without target") << "/mysql-sync/site_a/batch" << none << ""
                                          << "";
    QTest::newRow("hello with a target") << "/mysql-sync/site_a/hello/site_b" << none << ""
                                         << "";
    QTest::newRow("batch with a level more") << "/mysql-sync/site_a/batch/site_b/x" << none << ""
                                             << "";
    QTest::newRow("trailing slash") << "/mysql-sync/site_a/hello/" << none << ""
                                    << "";
    QTest::newRow("unknown kind") << "/mysql-sync/site_a/stream/site_b" << none << ""
                                  << "";
    QTest::newRow("kind in capitals") << "/mysql-sync/site_a/HELLO" << none << ""
                                      << "";
    QTest::newRow("sender only") << "/mysql-sync/site_a" << none << ""
                                 << "";
    QTest::newRow("prefix only") << "/mysql-sync/" << none << ""
                                 << "";
    QTest::newRow("no leading slash") << "mysql-sync/site_a/hello" << none << ""
                                      << "";
    QTest::newRow("other prefix") << "/mysql-syncx/site_a/hello" << none << ""
                                  << "";
    QTest::newRow("prefix in capitals") << "/MYSQL-SYNC/site_a/hello" << none << ""
                                        << "";
    QTest::newRow("per-row info topic") << "/info/site_a" << none << ""
                                        << "";
    QTest::newRow("per-row change topic") << "/change/site_b" << none << ""
                                          << "";
    QTest::newRow("empty") << "" << none << ""
                           << "";
}
void TestExtensions::parseTopic()
{
    QFETCH(QString, topic);
    QFETCH(ext::Kind, kind);
    QFETCH(QString, sender);
    QFETCH(QString, target);
    const ext::Route r = ext::parseTopic(topic);
    QCOMPARE(r.kind, kind);
    QCOMPARE(r.sender, sender);
    QCOMPARE(r.target, target);
}

// ---- framing ------------------------------------------------------------------------
void TestExtensions::frameSmallStaysPlain()
{
    const QByteArray json = compact(announcement());
    QVERIFY(json.size() < 512);
    QCOMPARE(ext::frame(json, true), json);
    QCOMPARE(ext::frame(json, false), json);
}

void TestExtensions::frameCompressesWhenItPays()
{
    QJsonArray rows;
    for (int i = 0; i < 200; ++i)
        rows.append(row(QString::number(i), QJsonObject{{QStringLiteral("name"), QStringLiteral("bolt, hexagonal")}}));
    const QByteArray json = compact(batchEnvelope(rows));
    QCOMPARE(ext::frame(json, false), json);
    const QByteArray packed = ext::frame(json, true);
    QVERIFY(packed.startsWith("zlib:"));
    QVERIFY2(packed.size() * 4 < json.size(),
             qPrintable(QStringLiteral("%1 -> %2").arg(json.size()).arg(packed.size())));
    QByteArray back;
    QString error;
    QVERIFY2(ext::unframe(packed, &back, &error), qPrintable(error));
    QCOMPARE(back, json);
    // A plain payload comes out as it went in.
    QVERIFY(ext::unframe(json, &back, &error));
    QCOMPARE(back, json);
}

void TestExtensions::frameIncompressibleStaysPlain()
{
    QByteArray noise(8192, '\0');
    QRandomGenerator gen(13);
    for (char &c : noise)
        c = char(gen.bounded(256));
    QCOMPARE(ext::frame(noise, true), noise);
}

void TestExtensions::unframeRefuses_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("errorHas");
    const QByteArray json(2000, 'a');
    const QByteArray good = qCompress(json);
    QTest::newRow("prefix only") << QByteArray("zlib:") << "truncated";
    QTest::newRow("header cut short") << QByteArray("zlib:\x00\x00\x07", 8) << "truncated";
    QTest::newRow("header, no data") << zlibPayload(2000, {}) << "damaged";
    QTest::newRow("garbage after header") << zlibPayload(2000, "this is not a zlib stream at all") << "damaged";
    QTest::newRow("stream cut in half") << QByteArray("zlib:" + good.left(good.size() / 2)) << "damaged";
    QTest::newRow("one byte flipped") << [&] {
        QByteArray p = "zlib:" + good;
        p[p.size() - 3] = char(p[p.size() - 3] ^ 0x55);
        return p;
    }() << "damaged";
    QTest::newRow("claims fewer bytes than it holds") << zlibPayload(1000, zlibStream(json)) << "";
    QTest::newRow("claims more bytes than it holds") << zlibPayload(3000, zlibStream(json)) << "damaged";
    QTest::newRow("claims zero, holds nothing") << zlibPayload(0, zlibStream({})) << "damaged";
    QTest::newRow("claims 1 GiB") << zlibPayload(1u << 30, zlibStream(json)) << "claims 1073741824";
    QTest::newRow("claims limit + 1") << zlibPayload(quint32(ext::kMaxMessageBytes) + 1, zlibStream(json)) << "claims";
    QTest::newRow("claims 4 GiB - 1") << zlibPayload(0xffffffffu, {}) << "claims 4294967295";
    QTest::newRow("plain over the limit") << QByteArray(ext::kMaxMessageBytes + 1, ' ') << "exceeds the limit";
}
void TestExtensions::unframeRefuses()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, errorHas);
    QByteArray json = "untouched";
    QString error;
    QVERIFY(!ext::unframe(payload, &json, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(errorHas), qPrintable(error));
}

void TestExtensions::unframeAcceptsAtTheLimit()
{
    const QByteArray plain(ext::kMaxMessageBytes, ' ');
    QByteArray json;
    QString error;
    QVERIFY2(ext::unframe(plain, &json, &error), qPrintable(error));
    QCOMPARE(json.size(), ext::kMaxMessageBytes);
    QVERIFY2(ext::unframe("zlib:" + qCompress(plain), &json, &error), qPrintable(error));
    QCOMPARE(json, plain);
}

// A zip bomb: a small message whose zlib stream inflates far past the limit. Refused, and
// without ever holding more than the limit in memory, whatever its header claims.
void TestExtensions::unframeZipBomb_data()
{
    QTest::addColumn<quint32>("claimed");
    QTest::newRow("header claims 1 GiB") << quint32(1u << 30);
    QTest::newRow("header lies: claims 4 KiB") << quint32(4096);
    QTest::newRow("header lies: claims the limit") << quint32(ext::kMaxMessageBytes);
}
void TestExtensions::unframeZipBomb()
{
    QFETCH(quint32, claimed);
    static const QByteArray stream = zlibStream(QByteArray(256 * 1024 * 1024, '\0'));
    QVERIFY(stream.size() < 1024 * 1024);
    const QByteArray bomb = zlibPayload(claimed, stream);
    if (!resetPeak())
        QSKIP("/proc/self/clear_refs is not writable: peak memory cannot be measured");
    const qint64 before = peakKb();
    QByteArray json;
    QString error;
    QVERIFY(!ext::unframe(bomb, &json, &error));
    const qint64 grew = peakKb() - before;
    qInfo("peak memory grew by %lld kB", grew);
    QVERIFY2(!error.isEmpty(), "refused without a reason");
    QVERIFY2(grew < 2 * ext::kMaxMessageBytes / 1024,
             qPrintable(QStringLiteral("peak memory grew by %1 kB decompressing a bomb (%2)").arg(grew).arg(error)));
    QVERIFY(json.size() <= ext::kMaxMessageBytes);
}

// ---- announcement -------------------------------------------------------------------
void TestExtensions::announcementRoundTrip()
{
    ext::Announcement a;
    a.sender = kA;
    a.capabilities = {ext::capabilityBatch(), ext::capabilityZlib()};
    a.site = QStringLiteral("5b1d7e0c-1f");
    QCOMPARE(QJsonDocument::fromJson(a.toJson()).object(),
             (QJsonObject{{QStringLiteral("sender"), kA},
                          {QStringLiteral("protocol"), ext::kProtocolVersion},
                          {QStringLiteral("capabilities"), QJsonArray{QStringLiteral("batch"), QStringLiteral("zlib")}},
                          {QStringLiteral("site"), a.site}}));
    ext::Announcement back;
    QString error;
    QVERIFY2(ext::Announcement::fromJson(a.toJson(), kA, &back, &error), qPrintable(error));
    QCOMPARE(back.sender, a.sender);
    QCOMPARE(back.protocol, 1);
    QCOMPARE(back.capabilities, a.capabilities);
    QCOMPARE(back.site, a.site);
    QVERIFY(back.has(QStringLiteral("batch")) && back.has(QStringLiteral("zlib"))
            && !back.has(QStringLiteral("Batch")));
}

void TestExtensions::announcementAccepts_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("capabilities");
    QJsonObject o = announcement();
    QTest::newRow("as sent") << o << 1 << 2;
    o.insert(QStringLiteral("future_field"), QJsonObject{{QStringLiteral("x"), 1}});
    o.insert(QStringLiteral("until"), 5);
    QTest::newRow("unknown extra fields") << o << 1 << 2;
    o = announcement();
    o.insert(QStringLiteral("protocol"), 2);
    o.insert(QStringLiteral("capabilities"), QJsonArray{QStringLiteral("batch"), QStringLiteral("stream")});
    QTest::newRow("newer protocol, unknown capability") << o << 2 << 2;
    o.insert(QStringLiteral("protocol"), 1e12);
    QTest::newRow("huge protocol number clamped") << o << 1000000 << 2;
    o = announcement();
    o.insert(QStringLiteral("capabilities"), QJsonArray{});
    QTest::newRow("no capabilities") << o << 1 << 0;
    QJsonArray many;
    for (int i = 0; i < 64; ++i)
        many.append(QStringLiteral("cap%1").arg(i));
    o.insert(QStringLiteral("capabilities"), many);
    QTest::newRow("64 capabilities") << o << 1 << 64;
}
void TestExtensions::announcementAccepts()
{
    QFETCH(QJsonObject, object);
    QFETCH(int, protocol);
    QFETCH(int, capabilities);
    ext::Announcement a;
    QString error;
    QVERIFY2(ext::Announcement::fromJson(compact(object), kA, &a, &error), qPrintable(error));
    QCOMPARE(a.sender, kA);
    QCOMPARE(a.protocol, protocol);
    QCOMPARE(a.capabilities.size(), capabilities);
    QCOMPARE(a.site, QStringLiteral("0f3c9a"));
}

void TestExtensions::announcementRejects_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("errorHas");
    auto with = [](const QString &field, const QJsonValue &v) { return compactWith(announcement(), field, v); };
    const QJsonValue gone(QJsonValue::Undefined);
    QTest::newRow("not JSON") << QByteArray("{\"sender\":") << "not valid JSON";
    QTest::newRow("an array") << QByteArray("[1,2]") << "not a JSON object";
    QTest::newRow("a string") << QByteArray("\"hello\"") << "not a JSON object";
    QTest::newRow("over 64 KiB") << compact(QJsonObject{{QStringLiteral("pad"), QString(70000, u'x')}})
                                 << "exceeds the limit";
    QTest::newRow("sender missing") << with(QStringLiteral("sender"), gone) << "sender";
    QTest::newRow("sender a number") << with(QStringLiteral("sender"), 7) << "sender";
    QTest::newRow("sender invalid") << with(QStringLiteral("sender"), QStringLiteral("a/b")) << "sender";
    QTest::newRow("sender not the topic's") << with(QStringLiteral("sender"), kB) << "is not the site the topic names";
    QTest::newRow("protocol missing") << with(QStringLiteral("protocol"), gone) << "protocol";
    QTest::newRow("protocol a string") << with(QStringLiteral("protocol"), QStringLiteral("1")) << "protocol";
    QTest::newRow("protocol zero") << with(QStringLiteral("protocol"), 0) << "protocol";
    QTest::newRow("protocol negative") << with(QStringLiteral("protocol"), -1) << "protocol";
    QTest::newRow("protocol fractional") << with(QStringLiteral("protocol"), 1.5) << "protocol";
    QTest::newRow("protocol null") << with(QStringLiteral("protocol"), QJsonValue::Null) << "protocol";
    QTest::newRow("capabilities missing") << with(QStringLiteral("capabilities"), gone) << "capabilities";
    QTest::newRow("capabilities a string")
        << with(QStringLiteral("capabilities"), QStringLiteral("batch")) << "capabilities";
    QTest::newRow("capabilities an object")
        << with(QStringLiteral("capabilities"), QJsonObject{{QStringLiteral("batch"), true}}) << "capabilities";
    QTest::newRow("capability a number") << with(QStringLiteral("capabilities"), QJsonArray{QStringLiteral("batch"), 1})
                                         << "capabilities";
    QTest::newRow("capability empty") << with(QStringLiteral("capabilities"), QJsonArray{QString()}) << "capabilities";
    QTest::newRow("capability of 65 chars")
        << with(QStringLiteral("capabilities"), QJsonArray{QString(65, u'c')}) << "capabilities";
    QJsonArray many;
    for (int i = 0; i < 65; ++i)
        many.append(QStringLiteral("cap%1").arg(i));
    QTest::newRow("65 capabilities") << with(QStringLiteral("capabilities"), many) << "at most 64";
    QTest::newRow("site missing") << with(QStringLiteral("site"), gone) << "site";
    QTest::newRow("site empty") << with(QStringLiteral("site"), QString()) << "site";
    QTest::newRow("site a number") << with(QStringLiteral("site"), 42) << "site";
    QTest::newRow("site of 65 chars") << with(QStringLiteral("site"), QString(65, u's')) << "site";
}
void TestExtensions::announcementRejects()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, errorHas);
    ext::Announcement a;
    a.sender = QStringLiteral("untouched");
    QString error;
    QVERIFY(!ext::Announcement::fromJson(payload, kA, &a, &error));
    QVERIFY2(error.contains(errorHas), qPrintable(error));
    QCOMPARE(a.sender, QStringLiteral("untouched"));
}

QTEST_GUILESS_MAIN(TestExtensions)
