// The Configuration page's feed settings (issue 18): ConfigForm shows the `feed` section in
// FeedSettings, writes back exactly what was there when nothing changed, writes edits (routing,
// filters, publish token reference, publishStream) in the form ConfigLoader reads, marks a
// routing text it cannot read, and removes the section when the feed is switched off.
#include "config/Config.h"
#include "configuration/ConfigForm.h"
#include "configuration/FeedSettings.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QTest>

using namespace mysqlsync::ui;

namespace {
QJsonObject config(bool withFeed)
{
    QJsonObject o = QJsonDocument::fromJson(R"({
        "mqttConfig": { "host": "127.0.0.1", "port": 1883, "protocol": "mqtt" },
        "mysqlConfig": { "host": "127.0.0.1", "port": 3306, "user": "sync", "password": "secret",
                         "database": "shop" },
        "syncTables": ["orders", "messages", "news"], "receiveTables": [],
        "clientName": "site_a", "remoteClients": ["site_b"],
        "queueDirectory": "queue", "checkInterval": 1000
    })")
                        .object();
    if (withFeed)
        o.insert(QStringLiteral("feed"),
                 QJsonDocument::fromJson(R"({ "listen": "0.0.0.0:9000",
            "tokens": { "table": "users", "tokenColumn": "token", "userColumn": "id" },
            "routing": { "orders": "user_id", "messages": ["sender_id", "recipient_id"], "news": "*" },
            "filters": ["users.password"], "publishToken": { "keychain": "site_a-feed" },
            "clientQueue": 50 })")
                     .object());
    return o;
}

QLineEdit *line(ConfigForm &form, const char *key)
{
    return qobject_cast<QLineEdit *>(form.fieldFor(QLatin1String(key)));
}

QJsonObject feedOf(const ConfigForm &form)
{
    return form.document().value(QStringLiteral("feed")).toObject();
}
} // namespace

class TestFeedSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsAndKeepsTheSection()
    {
        ConfigForm form;
        form.setDocument(config(true));
        QVERIFY(form.feedSettings()->box()->isChecked());
        QCOMPARE(line(form, "feed.listen")->text(), QStringLiteral("0.0.0.0:9000"));
        QCOMPARE(line(form, "feed.tokens.tokenColumn")->text(), QStringLiteral("token"));
        QCOMPARE(line(form, "feed.routing")->text(),
                 QStringLiteral("messages=sender_id,recipient_id; news=*; orders=user_id"));
        QCOMPARE(line(form, "feed.filters")->text(), QStringLiteral("users.password"));
        QCOMPARE(line(form, "feed.publishToken")->text(), QStringLiteral("keychain:site_a-feed"));
        // Nothing changed: the section written back as it was.
        QCOMPARE(feedOf(form), config(true).value(QStringLiteral("feed")).toObject());
        QVERIFY2(form.validate(QStringLiteral("/tmp/site.json")), qPrintable(form.validationMessage()));
    }

    void editsAreWrittenAsTheLoaderReadsThem()
    {
        ConfigForm form;
        form.setDocument(config(true));
        line(form, "feed.routing")->setText(QStringLiteral("orders = owner_id ; news=*"));
        line(form, "feed.filters")->setText(QStringLiteral("users.password, orders.secret"));
        line(form, "feed.publishToken")->setText(QStringLiteral("env:FEED_TOKEN"));
        qobject_cast<QCheckBox *>(form.fieldFor(QStringLiteral("feed.publishStream")))->setChecked(true);
        const QJsonObject feed = feedOf(form);
        QCOMPARE(feed.value(QStringLiteral("routing")).toObject(),
                 (QJsonObject{{QStringLiteral("orders"), QStringLiteral("owner_id")},
                              {QStringLiteral("news"), QStringLiteral("*")}}));
        QCOMPARE(feed.value(QStringLiteral("filters")).toArray().size(), 2);
        QCOMPARE(feed.value(QStringLiteral("publishToken")).toObject().value(QStringLiteral("env")).toString(),
                 QStringLiteral("FEED_TOKEN"));
        QCOMPARE(feed.value(QStringLiteral("publishStream")).toBool(), true);
        QCOMPARE(feed.value(QStringLiteral("clientQueue")).toInt(), 50); // not shown: kept
        QVERIFY2(form.validate(QStringLiteral("/tmp/site.json")), qPrintable(form.validationMessage()));
        mysqlsync::Config parsed;
        mysqlsync::ConfigError error;
        QVERIFY(mysqlsync::ConfigLoader::parse(QJsonDocument(form.document()).toJson(),
                                               QStringLiteral("/tmp/site.json"), &parsed, &error));
        QVERIFY(parsed.feed.publishStream);
        QCOMPARE(parsed.feed.routing.value(QStringLiteral("orders")).columns, QStringList{QStringLiteral("owner_id")});
    }

    void wrongTextIsMarked()
    {
        ConfigForm form;
        form.setDocument(config(true));
        line(form, "feed.routing")->setText(QStringLiteral("orders"));
        QVERIFY(!form.validate(QStringLiteral("/tmp/site.json")));
        QCOMPARE(form.invalidKey(), QStringLiteral("feed.routing"));
        QVERIFY(form.validationMessage().contains(QLatin1String("feed.routing")));
        line(form, "feed.routing")->setText(QStringLiteral("orders=user_id"));
        line(form, "feed.publishToken")->setText(QStringLiteral("the-token-itself"));
        QVERIFY(!form.validate(QStringLiteral("/tmp/site.json")));
        QCOMPARE(form.invalidKey(), QStringLiteral("feed.publishToken"));
        // A table the engine does not sync: the loader's own check, on the feed's field.
        line(form, "feed.publishToken")->clear();
        line(form, "feed.routing")->setText(QStringLiteral("users=id"));
        QVERIFY(!form.validate(QStringLiteral("/tmp/site.json")));
        QVERIFY2(form.validationMessage().contains(QLatin1String("feed.routing.users")),
                 qPrintable(form.validationMessage()));
    }

    void switchedOnAndOff()
    {
        ConfigForm form;
        form.setDocument(config(false));
        QVERIFY(!form.feedSettings()->box()->isChecked());
        QVERIFY(!form.document().contains(QStringLiteral("feed")));
        form.feedSettings()->box()->setChecked(true);
        line(form, "feed.tokens.table")->setText(QStringLiteral("users"));
        line(form, "feed.tokens.tokenColumn")->setText(QStringLiteral("token"));
        line(form, "feed.tokens.userColumn")->setText(QStringLiteral("id"));
        line(form, "feed.routing")->setText(QStringLiteral("news=*"));
        QVERIFY2(form.validate(QStringLiteral("/tmp/site.json")), qPrintable(form.validationMessage()));
        QVERIFY(!feedOf(form).contains(QStringLiteral("listen"))); // the default, not written
        form.feedSettings()->box()->setChecked(false);
        QVERIFY(!form.document().contains(QStringLiteral("feed")));
    }
};

QTEST_MAIN(TestFeedSettings)
#include "tst_feedsettings.moc"
