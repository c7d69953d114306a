// The live feed's decisions without sockets or servers (issue 18): FeedRouting (deny by
// default, "*", one column, a list, a row moving away, deletes), FeedStream (kinds from what it
// knew, filtered columns, the bounded owner cache, published events) and FeedPublish's status
// codes.
#include "feed/FeedPublish.h"
#include "feed/FeedRouting.h"
#include "feed/FeedServer.h"
#include "feed/FeedStream.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mysqlsync;

namespace {

QJsonObject row(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

struct Sent {
    QString table, key;
    FeedDelivery delivery;
    QJsonObject change, gone;
};

Config feedConfig()
{
    Config c;
    c.feed.enabled = true;
    c.feed.routing.insert(QStringLiteral("orders"), FeedRoute{false, {QStringLiteral("user_id")}});
    c.feed.routing.insert(QStringLiteral("messages"),
                          FeedRoute{false, {QStringLiteral("sender_id"), QStringLiteral("recipient_id")}});
    c.feed.routing.insert(QStringLiteral("news"), FeedRoute{true, {}});
    c.feed.filters = {QStringLiteral("orders.secret")};
    c.filters = {QStringLiteral("orders.internal")};
    return c;
}

} // namespace

class TestFeedRouting : public QObject {
    Q_OBJECT

private slots:
    void userIds()
    {
        QCOMPARE(FeedRouting::userId(QJsonValue(42)), QStringLiteral("42"));
        QCOMPARE(FeedRouting::userId(QJsonValue(QStringLiteral("u-7"))), QStringLiteral("u-7"));
        QVERIFY(FeedRouting::userId(QJsonValue(1.5)).isEmpty());
        QVERIFY(FeedRouting::userId(QJsonValue(QJsonValue::Null)).isEmpty());
        QVERIFY(FeedRouting::userId(QJsonValue(QJsonObject())).isEmpty());
    }

    void decisions()
    {
        const FeedRoute one{false, {QStringLiteral("user_id")}};
        const FeedRoute list{false, {QStringLiteral("sender_id"), QStringLiteral("recipient_id")}};
        const FeedRoute star{true, {}};
        // Deny by default.
        FeedDelivery d = FeedRouting::decide(nullptr, {QStringLiteral("1")}, row(R"({"user_id": 1})"));
        QVERIFY(!d.everyone && d.to.isEmpty() && d.gone.isEmpty());
        d = FeedRouting::decide(&star, {}, row(R"({"id": 1})"));
        QVERIFY(d.everyone);
        d = FeedRouting::decide(&one, {}, row(R"({"user_id": 7})"));
        QCOMPARE(d.to, QSet<QString>{QStringLiteral("7")});
        QVERIFY(d.gone.isEmpty());
        d = FeedRouting::decide(&list, {}, row(R"({"sender_id": 1, "recipient_id": "2"})"));
        QCOMPARE(d.to, (QSet<QString>{QStringLiteral("1"), QStringLiteral("2")}));
        // A null routing value names nobody.
        d = FeedRouting::decide(&one, {}, row(R"({"user_id": null})"));
        QVERIFY(d.to.isEmpty());
        // Moved from 1 to 2: 2 gets it, 1 learns it is gone.
        d = FeedRouting::decide(&one, {QStringLiteral("1")}, row(R"({"user_id": 2})"));
        QCOMPARE(d.to, QSet<QString>{QStringLiteral("2")});
        QCOMPARE(d.gone, QSet<QString>{QStringLiteral("1")});
        // A delete goes to who had the row.
        d = FeedRouting::decide(&list, {QStringLiteral("1"), QStringLiteral("2")}, QJsonValue(QJsonValue::Null));
        QCOMPARE(d.to, (QSet<QString>{QStringLiteral("1"), QStringLiteral("2")}));
        QVERIFY(d.gone.isEmpty());
    }

    void streamKindsFiltersAndGone()
    {
        QList<Sent> sent;
        FeedStream stream(feedConfig(),
                          [&](const QString &t, const QString &k, const FeedDelivery &d, const QByteArray &change,
                              const QByteArray &gone) {
                              sent.append({t, k, d, QJsonDocument::fromJson(change).object(),
                                           QJsonDocument::fromJson(gone).object()});
                          });
        auto change = [&](const char *table, const char *key, const QJsonValue &r) {
            FeedChange c;
            c.table = QLatin1String(table);
            c.key = QLatin1String(key);
            c.row = r;
            c.time = 1000;
            stream.changed(c);
        };
        change("orders", "1", row(R"({"id": "1", "user_id": 1, "secret": "s", "internal": "i", "item": "bolt"})"));
        QCOMPARE(sent.size(), 1);
        const QJsonObject body = sent.last().change.value(QStringLiteral("body")).toObject();
        QCOMPARE(sent.last().change.value(QStringLiteral("action")).toString(), QStringLiteral("change"));
        QCOMPARE(body.value(QStringLiteral("kind")).toString(), QStringLiteral("insert"));
        QCOMPARE(body.value(QStringLiteral("table")).toString(), QStringLiteral("orders"));
        QCOMPARE(body.value(QStringLiteral("key")).toString(), QStringLiteral("1"));
        QCOMPARE(body.value(QStringLiteral("time")).toDouble(), 1000.0);
        const QJsonObject visible = body.value(QStringLiteral("row")).toObject();
        QVERIFY(!visible.contains(QStringLiteral("secret")));
        QVERIFY(!visible.contains(QStringLiteral("internal"))); // never leaves the site at all
        QCOMPARE(visible.value(QStringLiteral("item")).toString(), QStringLiteral("bolt"));

        change("orders", "1", row(R"({"id": "1", "user_id": 2})"));
        QCOMPARE(sent.last().change.value(QStringLiteral("body")).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("update"));
        QCOMPARE(sent.last().delivery.to, QSet<QString>{QStringLiteral("2")});
        QCOMPARE(sent.last().delivery.gone, QSet<QString>{QStringLiteral("1")});
        QCOMPARE(sent.last().gone.value(QStringLiteral("action")).toString(), QStringLiteral("gone"));

        change("orders", "1", QJsonValue(QJsonValue::Null));
        QCOMPARE(sent.last().change.value(QStringLiteral("body")).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("delete"));
        QCOMPARE(sent.last().delivery.to, QSet<QString>{QStringLiteral("2")});
        QCOMPARE(stream.cached(QStringLiteral("orders")), 0);

        // Not routed: nothing at all.
        const qsizetype before = sent.size();
        change("invoices", "9", row(R"({"id": "9", "user_id": 1})"));
        QCOMPARE(sent.size(), before);
    }

    void primedAndBoundedCache()
    {
        Config c = feedConfig();
        c.feed.cacheRows = 2;
        QList<Sent> sent;
        FeedStream stream(c,
                          [&](const QString &t, const QString &k, const FeedDelivery &d, const QByteArray &,
                              const QByteArray &) {
                              sent.append({t, k, d, {}, {}});
                          });
        stream.prime(QStringLiteral("orders"), {{QStringLiteral("5"), row(R"({"user_id": 3})")}});
        FeedChange moved;
        moved.table = QStringLiteral("orders");
        moved.key = QStringLiteral("5");
        moved.row = row(R"({"id": "5", "user_id": 4})");
        stream.changed(moved);
        QCOMPARE(sent.last().delivery.gone, QSet<QString>{QStringLiteral("3")});
        for (const char *key : {"6", "7", "8"}) {
            FeedChange c2 = moved;
            c2.key = QLatin1String(key);
            stream.changed(c2);
        }
        QCOMPARE(stream.cached(QStringLiteral("orders")), 2); // the oldest went first
        moved.row = row(R"({"id": "5", "user_id": 9})");
        stream.changed(moved);
        QVERIFY(sent.last().delivery.gone.isEmpty()); // 5 was forgotten: its owner 4 is not told
    }

    void publishStatusCodes()
    {
        QList<Sent> sent;
        FeedStream stream(feedConfig(),
                          [&](const QString &t, const QString &k, const FeedDelivery &d, const QByteArray &change,
                              const QByteArray &) {
                              sent.append({t, k, d, QJsonDocument::fromJson(change).object(), {}});
                          });
        auto status = [&](const QByteArray &body, const QString &configured = QStringLiteral("pub-token")) {
            return FeedPublish::handle(body, configured, &stream, [](const QString &) { return QString(); }).status;
        };
        QCOMPARE(status("not json"), 400);
        QCOMPARE(status(R"({"data": {}, "type": "insert", "userId": "1", "table": "news"})"), 401);
        // esink's codes: 401 an invalid (wrong or missing) token, 403 no token configured here.
        QCOMPARE(status(R"({"securityToken": "nope", "data": {}, "type": "insert", "userId": "1", "table": "t"})"),
                 401);
        QCOMPARE(status(R"({"securityToken": "pub-token", "data": {}, "type": "insert", "userId": "1", "table": "t"})",
                        QString()),
                 403);
        QCOMPARE(status(R"({"securityToken": "pub-token", "data": 1, "type": "insert", "userId": "1", "table": "t"})"),
                 400);
        QCOMPARE(status(R"({"securityToken": "pub-token", "data": {}, "type": "upsert", "userId": "1", "table": "t"})"),
                 400);
        QCOMPARE(status(R"({"securityToken": "pub-token", "data": {}, "type": "insert", "table": "t"})"), 400);
        QVERIFY(sent.isEmpty());
        QCOMPARE(status(R"({"securityToken": "pub-token", "data": {"id": 3, "user_id": 8, "secret": "x"},
                            "type": "update", "userId": "1", "table": "orders", "timestamp": 5})"),
                 200);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.last().delivery.to, QSet<QString>{QStringLiteral("8")}); // the table's routing
        const QJsonObject body = sent.last().change.value(QStringLiteral("body")).toObject();
        QCOMPARE(body.value(QStringLiteral("key")).toString(), QStringLiteral("3"));
        QCOMPARE(body.value(QStringLiteral("source")).toString(), QStringLiteral("api"));
        QCOMPARE(body.value(QStringLiteral("time")).toDouble(), 5.0);
        QVERIFY(!body.value(QStringLiteral("row")).toObject().contains(QStringLiteral("secret")));
        // A table without routing reaches the user the caller names only.
        QCOMPARE(status(R"({"securityToken": "pub-token", "data": {"id": 1}, "type": "insert", "userId": 12,
                            "table": "alerts"})"),
                 200);
        QCOMPARE(sent.last().delivery.to, QSet<QString>{QStringLiteral("12")});
    }

    void sameSecret()
    {
        QVERIFY(FeedServer::sameSecret(QStringLiteral("abc"), QStringLiteral("abc")));
        QVERIFY(!FeedServer::sameSecret(QStringLiteral("abc"), QStringLiteral("abd")));
        QVERIFY(!FeedServer::sameSecret(QStringLiteral("abc"), QStringLiteral("abcd")));
    }
};

QTEST_GUILESS_MAIN(TestFeedRouting)
#include "tst_feedrouting.moc"
