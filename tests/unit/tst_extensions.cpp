// Unit tests for core/protocol/Extensions: the extension channel's topics, framing, the
// announcement, change batches and batch receipts (issue 13), hostile input above all.
#include "protocol/Extensions.h"

#include <algorithm>

#include <QFile>
#include <QSet>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

using namespace mysqlsync;

Q_DECLARE_METATYPE(mysqlsync::ext::Kind)

namespace {
const QString kA = QStringLiteral("site_a");
const QString kB = QStringLiteral("site_b");

QByteArray compact(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

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

QJsonObject row(const QString &id, const QJsonValue &entity = QJsonObject{{QStringLiteral("n"), 1}})
{
    return {{QStringLiteral("table"), QStringLiteral("items")}, {QStringLiteral("id"), id}, {QStringLiteral("entity"), entity}};
}

QJsonObject batchEnvelope(const QJsonArray &rows)
{
    return {{QStringLiteral("sender"), kA}, {QStringLiteral("date"), qint64(1700000000000)}, {QStringLiteral("count"), qint64(rows.size())},
            {QStringLiteral("changes"), rows}};
}

QJsonObject announcement()
{
    return {{QStringLiteral("sender"), kA}, {QStringLiteral("protocol"), 1},
            {QStringLiteral("capabilities"), QJsonArray{QStringLiteral("batch"), QStringLiteral("zlib")}},
            {QStringLiteral("site"), QStringLiteral("0f3c9a")}};
}

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
QByteArray zlibStream(const QByteArray &data) { return qCompress(data).mid(4); }
} // namespace

class TestExtensions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // ---- topics -------------------------------------------------------------------------
    void topicStrings()
    {
        QCOMPARE(ext::helloTopic(kA), QStringLiteral("/mysql-sync/site_a/hello"));
        QCOMPARE(ext::batchTopic(kA, kB), QStringLiteral("/mysql-sync/site_a/batch/site_b"));
        QCOMPARE(ext::receiptsTopic(kB, kA), QStringLiteral("/mysql-sync/site_b/receipts/site_a"));
        QCOMPARE(ext::subscriptions(kB), (QStringList{QStringLiteral("/mysql-sync/+/hello"),
                                                      QStringLiteral("/mysql-sync/+/batch/site_b"),
                                                      QStringLiteral("/mysql-sync/+/receipts/site_b")}));
        // What we build, we parse back.
        QCOMPARE(ext::parseTopic(ext::batchTopic(kA, kB)).kind, ext::Kind::Batch);
        QCOMPARE(ext::parseTopic(ext::receiptsTopic(kA, kB)).kind, ext::Kind::Receipts);
        QCOMPARE(ext::parseTopic(ext::helloTopic(kA)).kind, ext::Kind::Hello);
    }

    void parseTopic_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<ext::Kind>("kind");
        QTest::addColumn<QString>("sender");
        QTest::addColumn<QString>("target");
        const auto none = ext::Kind::None;
        QTest::newRow("hello") << "/mysql-sync/site_a/hello" << ext::Kind::Hello << "site_a" << "";
        QTest::newRow("batch") << "/mysql-sync/site_a/batch/site_b" << ext::Kind::Batch << "site_a" << "site_b";
        QTest::newRow("receipts") << "/mysql-sync/Site-9/receipts/ab" << ext::Kind::Receipts << "Site-9" << "ab";
        QTest::newRow("32-char sender") << QStringLiteral("/mysql-sync/%1/hello").arg(QString(32, u'x')) << ext::Kind::Hello << QString(32, u'x') << "";
        QTest::newRow("33-char sender") << QStringLiteral("/mysql-sync/%1/hello").arg(QString(33, u'x')) << none << "" << "";
        QTest::newRow("one-char sender") << "/mysql-sync/a/hello" << none << "" << "";
        QTest::newRow("empty sender") << "/mysql-sync//hello" << none << "" << "";
        QTest::newRow("space in sender") << "/mysql-sync/site a/hello" << none << "" << "";
        QTest::newRow("dot in sender") << "/mysql-sync/site.a/hello" << none << "" << "";
        QTest::newRow("wildcard sender +") << "/mysql-sync/+/hello" << none << "" << "";
        QTest::newRow("wildcard #") << "/mysql-sync/#" << none << "" << "";
        QTest::newRow("newline after sender") << "/mysql-sync/site_a\n/hello" << none << "" << "";
        QTest::newRow("non-ASCII sender") << "/mysql-sync/sité_a/hello" << none << "" << "";
        QTest::newRow("invalid target") << "/mysql-sync/site_a/batch/b" << none << "" << "";
        QTest::newRow("empty target") << "/mysql-sync/site_a/batch/" << none << "" << "";
        QTest::newRow("wildcard target") << "/mysql-sync/site_a/receipts/+" << none << "" << "";
        QTest::newRow("batch without target") << "/mysql-sync/site_a/batch" << none << "" << "";
        QTest::newRow("hello with a target") << "/mysql-sync/site_a/hello/site_b" << none << "" << "";
        QTest::newRow("batch with a level more") << "/mysql-sync/site_a/batch/site_b/x" << none << "" << "";
        QTest::newRow("trailing slash") << "/mysql-sync/site_a/hello/" << none << "" << "";
        QTest::newRow("unknown kind") << "/mysql-sync/site_a/stream/site_b" << none << "" << "";
        QTest::newRow("kind in capitals") << "/mysql-sync/site_a/HELLO" << none << "" << "";
        QTest::newRow("sender only") << "/mysql-sync/site_a" << none << "" << "";
        QTest::newRow("prefix only") << "/mysql-sync/" << none << "" << "";
        QTest::newRow("no leading slash") << "mysql-sync/site_a/hello" << none << "" << "";
        QTest::newRow("other prefix") << "/mysql-syncx/site_a/hello" << none << "" << "";
        QTest::newRow("prefix in capitals") << "/MYSQL-SYNC/site_a/hello" << none << "" << "";
        QTest::newRow("per-row info topic") << "/info/site_a" << none << "" << "";
        QTest::newRow("per-row change topic") << "/change/site_b" << none << "" << "";
        QTest::newRow("empty") << "" << none << "" << "";
    }
    void parseTopic()
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
    void frameSmallStaysPlain()
    {
        const QByteArray json = compact(announcement());
        QVERIFY(json.size() < 512);
        QCOMPARE(ext::frame(json, true), json);
        QCOMPARE(ext::frame(json, false), json);
    }

    void frameCompressesWhenItPays()
    {
        QJsonArray rows;
        for (int i = 0; i < 200; ++i)
            rows.append(row(QString::number(i), QJsonObject{{QStringLiteral("name"), QStringLiteral("bolt, hexagonal")}}));
        const QByteArray json = compact(batchEnvelope(rows));
        QCOMPARE(ext::frame(json, false), json);
        const QByteArray packed = ext::frame(json, true);
        QVERIFY(packed.startsWith("zlib:"));
        QVERIFY2(packed.size() * 4 < json.size(), qPrintable(QStringLiteral("%1 -> %2").arg(json.size()).arg(packed.size())));
        QByteArray back;
        QString error;
        QVERIFY2(ext::unframe(packed, &back, &error), qPrintable(error));
        QCOMPARE(back, json);
        // A plain payload comes out as it went in.
        QVERIFY(ext::unframe(json, &back, &error));
        QCOMPARE(back, json);
    }

    void frameIncompressibleStaysPlain()
    {
        QByteArray noise(8192, '\0');
        QRandomGenerator gen(13);
        for (char &c : noise)
            c = char(gen.bounded(256));
        QCOMPARE(ext::frame(noise, true), noise);
    }

    void unframeRefuses_data()
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
        QTest::newRow("one byte flipped") << [&] { QByteArray p = "zlib:" + good; p[p.size() - 3] = char(p[p.size() - 3] ^ 0x55); return p; }()
                                          << "damaged";
        QTest::newRow("claims fewer bytes than it holds") << zlibPayload(1000, zlibStream(json)) << "";
        QTest::newRow("claims more bytes than it holds") << zlibPayload(3000, zlibStream(json)) << "damaged";
        QTest::newRow("claims zero, holds nothing") << zlibPayload(0, zlibStream({})) << "damaged";
        QTest::newRow("claims 1 GiB") << zlibPayload(1u << 30, zlibStream(json)) << "claims 1073741824";
        QTest::newRow("claims limit + 1") << zlibPayload(quint32(ext::kMaxMessageBytes) + 1, zlibStream(json)) << "claims";
        QTest::newRow("claims 4 GiB - 1") << zlibPayload(0xffffffffu, {}) << "claims 4294967295";
        QTest::newRow("plain over the limit") << QByteArray(ext::kMaxMessageBytes + 1, ' ') << "exceeds the limit";
    }
    void unframeRefuses()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, errorHas);
        QByteArray json = "untouched";
        QString error;
        QVERIFY(!ext::unframe(payload, &json, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(errorHas), qPrintable(error));
    }

    void unframeAcceptsAtTheLimit()
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
    void unframeZipBomb_data()
    {
        QTest::addColumn<quint32>("claimed");
        QTest::newRow("header claims 1 GiB") << quint32(1u << 30);
        QTest::newRow("header lies: claims 4 KiB") << quint32(4096);
        QTest::newRow("header lies: claims the limit") << quint32(ext::kMaxMessageBytes);
    }
    void unframeZipBomb()
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
    void announcementRoundTrip()
    {
        ext::Announcement a;
        a.sender = kA;
        a.capabilities = {ext::capabilityBatch(), ext::capabilityZlib()};
        a.site = QStringLiteral("5b1d7e0c-1f");
        QCOMPARE(QJsonDocument::fromJson(a.toJson()).object(),
                 (QJsonObject{{QStringLiteral("sender"), kA}, {QStringLiteral("protocol"), ext::kProtocolVersion},
                              {QStringLiteral("capabilities"), QJsonArray{QStringLiteral("batch"), QStringLiteral("zlib")}},
                              {QStringLiteral("site"), a.site}}));
        ext::Announcement back;
        QString error;
        QVERIFY2(ext::Announcement::fromJson(a.toJson(), &back, &error), qPrintable(error));
        QCOMPARE(back.sender, a.sender);
        QCOMPARE(back.protocol, 1);
        QCOMPARE(back.capabilities, a.capabilities);
        QCOMPARE(back.site, a.site);
        QVERIFY(back.has(QStringLiteral("batch")) && back.has(QStringLiteral("zlib")) && !back.has(QStringLiteral("Batch")));
    }

    void announcementAccepts_data()
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
    void announcementAccepts()
    {
        QFETCH(QJsonObject, object);
        QFETCH(int, protocol);
        QFETCH(int, capabilities);
        ext::Announcement a;
        QString error;
        QVERIFY2(ext::Announcement::fromJson(compact(object), &a, &error), qPrintable(error));
        QCOMPARE(a.sender, kA);
        QCOMPARE(a.protocol, protocol);
        QCOMPARE(a.capabilities.size(), capabilities);
        QCOMPARE(a.site, QStringLiteral("0f3c9a"));
    }

    void announcementRejects_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("errorHas");
        auto with = [](const QString &field, const QJsonValue &v) {
            QJsonObject o = announcement();
            if (v.isUndefined())
                o.remove(field);
            else
                o.insert(field, v);
            return compact(o);
        };
        const QJsonValue gone(QJsonValue::Undefined);
        QTest::newRow("not JSON") << QByteArray("{\"sender\":") << "not valid JSON";
        QTest::newRow("an array") << QByteArray("[1,2]") << "not a JSON object";
        QTest::newRow("a string") << QByteArray("\"hello\"") << "not a JSON object";
        QTest::newRow("over 64 KiB") << compact(QJsonObject{{QStringLiteral("pad"), QString(70000, u'x')}}) << "exceeds the limit";
        QTest::newRow("sender missing") << with(QStringLiteral("sender"), gone) << "sender";
        QTest::newRow("sender a number") << with(QStringLiteral("sender"), 7) << "sender";
        QTest::newRow("sender invalid") << with(QStringLiteral("sender"), QStringLiteral("a/b")) << "sender";
        QTest::newRow("protocol missing") << with(QStringLiteral("protocol"), gone) << "protocol";
        QTest::newRow("protocol a string") << with(QStringLiteral("protocol"), QStringLiteral("1")) << "protocol";
        QTest::newRow("protocol zero") << with(QStringLiteral("protocol"), 0) << "protocol";
        QTest::newRow("protocol negative") << with(QStringLiteral("protocol"), -1) << "protocol";
        QTest::newRow("protocol fractional") << with(QStringLiteral("protocol"), 1.5) << "protocol";
        QTest::newRow("protocol null") << with(QStringLiteral("protocol"), QJsonValue::Null) << "protocol";
        QTest::newRow("capabilities missing") << with(QStringLiteral("capabilities"), gone) << "capabilities";
        QTest::newRow("capabilities a string") << with(QStringLiteral("capabilities"), QStringLiteral("batch")) << "capabilities";
        QTest::newRow("capabilities an object") << with(QStringLiteral("capabilities"), QJsonObject{{QStringLiteral("batch"), true}}) << "capabilities";
        QTest::newRow("capability a number") << with(QStringLiteral("capabilities"), QJsonArray{QStringLiteral("batch"), 1}) << "capabilities";
        QTest::newRow("capability empty") << with(QStringLiteral("capabilities"), QJsonArray{QString()}) << "capabilities";
        QTest::newRow("capability of 65 chars") << with(QStringLiteral("capabilities"), QJsonArray{QString(65, u'c')}) << "capabilities";
        QJsonArray many;
        for (int i = 0; i < 65; ++i)
            many.append(QStringLiteral("cap%1").arg(i));
        QTest::newRow("65 capabilities") << with(QStringLiteral("capabilities"), many) << "at most 64";
        QTest::newRow("site missing") << with(QStringLiteral("site"), gone) << "site";
        QTest::newRow("site empty") << with(QStringLiteral("site"), QString()) << "site";
        QTest::newRow("site a number") << with(QStringLiteral("site"), 42) << "site";
        QTest::newRow("site of 65 chars") << with(QStringLiteral("site"), QString(65, u's')) << "site";
    }
    void announcementRejects()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, errorHas);
        ext::Announcement a;
        a.sender = QStringLiteral("untouched");
        QString error;
        QVERIFY(!ext::Announcement::fromJson(payload, &a, &error));
        QVERIFY2(error.contains(errorHas), qPrintable(error));
        QCOMPARE(a.sender, QStringLiteral("untouched"));
    }

    // ---- change batches -----------------------------------------------------------------
    void batchRoundTrip()
    {
        const QJsonObject big{{QStringLiteral("id"), QStringLiteral("big")},
                              {QStringLiteral("blob"), QString(300 * 1024, u'\u00e9')}};
        const QList<ChangeMessage> sent{
            change(QStringLiteral("items"), QStringLiteral("1"), QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("qty"), 7}}),
            change(QStringLiteral("items"), QStringLiteral("2"), QJsonObject{{QStringLiteral("id"), 2}, {QStringLiteral("qty"), 8.5}}),
            change(QStringLiteral("items"), QStringLiteral("3"), QJsonValue(QJsonValue::Null)),
            change(QStringLiteral("Grüße"), QStringLiteral("ключ-😀"),
                   QJsonObject{{QStringLiteral("text"), QStringLiteral("\"quoted\"\n\ttab \\ 漢字 😀")}, {QStringLiteral("nothing"), QJsonValue::Null}}),
            change(QStringLiteral("blobs"), QStringLiteral("big"), big),
        };
        ext::BatchBuilder builder(kA, 1700000000123, 100, 4 * 1024 * 1024);
        for (const ChangeMessage &c : sent)
            builder.add(c);
        const QList<ext::BatchBuilder::Batch> batches = builder.finish();
        QCOMPARE(batches.size(), 1);
        QCOMPARE(batches.first().rows, sent.size());
        QCOMPARE(QJsonDocument::fromJson(batches.first().json).object().value(QStringLiteral("count")).toInt(), sent.size());

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
            QCOMPARE(got.date, qint64(1700000000123));   // the batch's date, not the change's
            QCOMPARE(got.table, sent.at(i).table);
            QCOMPARE(got.id, sent.at(i).id);
            QCOMPARE(got.entity, sent.at(i).entity);
        }
        QVERIFY(batch.changes.at(2).isDelete());
        QVERIFY(!batch.changes.at(1).isDelete());
    }

    void batchRefused_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("errorHas");
        const QJsonArray rows{row(QStringLiteral("1")), row(QStringLiteral("2"))};
        auto with = [&](const QString &field, const QJsonValue &v) {
            QJsonObject o = batchEnvelope(rows);
            if (v.isUndefined())
                o.remove(field);
            else
                o.insert(field, v);
            return compact(o);
        };
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
        QJsonArray numeric{row(QStringLiteral("7")), QJsonObject{{QStringLiteral("table"), QStringLiteral("items")},
                                                                {QStringLiteral("id"), 7}, {QStringLiteral("entity"), QJsonValue::Null}}};
        QTest::newRow("a key twice, once as a number") << compact(batchEnvelope(numeric)) << "more than once";
        QTest::newRow("over the byte limit") << QByteArray(ext::kMaxMessageBytes + 1, ' ') << "exceeds the limit";
    }
    void batchRefused()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, errorHas);
        ext::ReceivedBatch batch;
        QString error;
        QVERIFY(!ext::ReceivedBatch::fromJson(payload, kA, &batch, &error));
        QVERIFY2(error.contains(errorHas), qPrintable(error));
    }

    void batchAtTheRowLimit()
    {
        QJsonArray rows;
        for (int i = 0; i < ext::kMaxRowsPerMessage; ++i)
            rows.append(row(QString::number(i)));
        ext::ReceivedBatch batch;
        QString error;
        QVERIFY2(ext::ReceivedBatch::fromJson(compact(batchEnvelope(rows)), kA, &batch, &error), qPrintable(error));
        QCOMPARE(batch.changes.size(), ext::kMaxRowsPerMessage);
    }

    void batchRowRejected_data()
    {
        QTest::addColumn<QJsonValue>("bad");
        QTest::addColumn<QString>("errorHas");
        QTest::addColumn<QString>("readableId");
        const QString t = QStringLiteral("table"), i = QStringLiteral("id"), e = QStringLiteral("entity");
        const QJsonObject entity{{QStringLiteral("n"), 1}};
        QTest::newRow("a number") << QJsonValue(5) << "must be an object, got a number" << "";
        QTest::newRow("a string") << QJsonValue(QStringLiteral("row")) << "must be an object, got a string" << "";
        QTest::newRow("an array") << QJsonValue(QJsonArray{1}) << "must be an object, got an array" << "";
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << "must be an object, got null" << "";
        QTest::newRow("table missing") << QJsonValue(QJsonObject{{i, QStringLiteral("9")}, {e, entity}}) << "table" << "9";
        QTest::newRow("table empty") << QJsonValue(QJsonObject{{t, QString()}, {i, QStringLiteral("9")}, {e, entity}}) << "table" << "9";
        QTest::newRow("table a number") << QJsonValue(QJsonObject{{t, 3}, {i, QStringLiteral("9")}, {e, entity}}) << "table" << "9";
        QTest::newRow("id missing") << QJsonValue(QJsonObject{{t, QStringLiteral("items")}, {e, entity}}) << "id" << "";
        QTest::newRow("id a boolean") << QJsonValue(QJsonObject{{t, QStringLiteral("items")}, {i, true}, {e, entity}}) << "id" << "";
        QTest::newRow("id an object") << QJsonValue(QJsonObject{{t, QStringLiteral("items")}, {i, entity}, {e, entity}}) << "id" << "";
        QTest::newRow("entity missing") << QJsonValue(QJsonObject{{t, QStringLiteral("items")}, {i, QStringLiteral("9")}}) << "entity" << "9";
        QTest::newRow("entity a string") << QJsonValue(QJsonObject{{t, QStringLiteral("items")}, {i, QStringLiteral("9")}, {e, QStringLiteral("{}")}})
                                         << "field `entity` must be an object or null, got a string" << "9";
        QTest::newRow("entity an array") << QJsonValue(QJsonObject{{t, QStringLiteral("items")}, {i, QStringLiteral("9")}, {e, QJsonArray{}}})
                                         << "entity" << "9";
        QTest::newRow("entity a number") << QJsonValue(QJsonObject{{t, QStringLiteral("items")}, {i, QStringLiteral("9")}, {e, 0}}) << "entity" << "9";
    }
    void batchRowRejected()
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

    void batchRowCannotSpeakForAnotherSender()
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

    void batchEmpty()
    {
        ext::ReceivedBatch batch;
        QString error;
        QVERIFY2(ext::ReceivedBatch::fromJson(compact(batchEnvelope({})), kA, &batch, &error), qPrintable(error));
        QVERIFY(batch.changes.isEmpty() && batch.rejected.isEmpty());
        QVERIFY(ext::BatchBuilder(kA, 1, 10, 4096).finish().isEmpty());
    }

    // ---- BatchBuilder -------------------------------------------------------------------
    void builderSplitsByRows()
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
        QVERIFY(builder.finish().isEmpty());   // finish hands the batches over once
    }

    void builderClampsRows()
    {
        ext::BatchBuilder one(kA, 1, 0, 1024 * 1024);   // at least one row per batch
        for (int i = 0; i < 3; ++i)
            one.add(change(QStringLiteral("items"), QString::number(i), QJsonObject{}));
        QCOMPARE(one.finish().size(), 3);
        ext::BatchBuilder many(kA, 1, 1000000, ext::kMaxMessageBytes);   // never past the receiver's limit
        for (int i = 0; i <= ext::kMaxRowsPerMessage; ++i)
            many.add(change(QStringLiteral("t"), QString::number(i), QJsonObject{}));
        const QList<ext::BatchBuilder::Batch> batches = many.finish();
        QCOMPARE(batches.size(), 2);
        QCOMPARE(batches.at(0).rows, ext::kMaxRowsPerMessage);
        QCOMPARE(batches.at(1).rows, 1);
    }

    void builderSplitsByBytes()
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
                QCOMPARE(b.rows, 1);   // a row bigger than the bound travels alone
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
    void receiptsRoundTrip()
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

    void receiptsSplit()
    {
        QList<InfoMessage> sent;
        for (int i = 0; i < 250; ++i) {
            sent << (i % 7 == 0 ? InfoMessage::error(kB, QStringLiteral("items"), QString::number(i), 1000 + i, QString(100, u'e'))
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

    void receiptsRefused_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("errorHas");
        const QJsonObject ok{{QStringLiteral("table"), QStringLiteral("items")}, {QStringLiteral("id"), QStringLiteral("1")},
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
        QTest::newRow("sender not the topic's") << envelope(QJsonArray{ok}, QJsonArray{}, 1, kA) << "not the site the topic names";
        QTest::newRow("received missing") << envelope(gone, QJsonArray{}, 0) << "must be arrays";
        QTest::newRow("errors missing") << envelope(QJsonArray{ok}, gone, 1) << "must be arrays";
        QTest::newRow("received an object") << envelope(ok, QJsonArray{}, 1) << "must be arrays";
        QTest::newRow("count missing") << envelope(QJsonArray{ok}, QJsonArray{}, gone) << "count";
        QTest::newRow("count lies") << envelope(QJsonArray{ok, ok}, QJsonArray{}, 3) << "says 3 row(s), the message holds 2";
        QTest::newRow("count forgets the errors") << envelope(QJsonArray{ok}, QJsonArray{ok}, 1) << "holds 2";
        QJsonArray many;
        for (int i = 0; i < 6000; ++i)
            many.append(ok);
        QTest::newRow("more rows than the limit") << envelope(many, many, 12000) << "exceeds the limit of 10000";
    }
    void receiptsRefused()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, errorHas);
        ext::ReceiptBatch back;
        QStringList skipped;
        QString error;
        QVERIFY(!ext::ReceiptBatch::fromJson(payload, kB, &back, &skipped, &error));
        QVERIFY2(error.contains(errorHas), qPrintable(error));
        QVERIFY(back.receipts.isEmpty());
    }

    void receiptsSkipMalformedRows()
    {
        const QJsonObject ok{{QStringLiteral("table"), QStringLiteral("items")}, {QStringLiteral("id"), 1}, {QStringLiteral("date"), 5}};
        QJsonObject noTable = ok;
        noTable.remove(QStringLiteral("table"));
        QJsonObject stringDate = ok;
        stringDate.insert(QStringLiteral("date"), QStringLiteral("5"));
        QJsonObject error = ok;
        error.insert(QStringLiteral("message"), QStringLiteral("refused"));
        const QJsonObject o{{QStringLiteral("sender"), kB}, {QStringLiteral("count"), 6},
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
};

QTEST_GUILESS_MAIN(TestExtensions)
#include "tst_extensions.moc"
