// Issue 11, group 10: relays terminate. Three bidirectional sites (each sends to and receives
// from the other two) whose table has a user trigger that changes the row on every write
// (BEFORE UPDATE: version = version + 1). One update must cause a bounded number of messages,
// and the three sites must end identical.
#include <QJsonObject>
#include <QTest>

#include "Mqtt.h"
#include "SiteSet.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {
constexpr int kTimeoutMs = 45000;
// One update at one site: to each of the two others, and each of them relays it once to the
// third; nothing beyond that may circle.
constexpr int kMaxMessagesPerUpdate = 6;
} // namespace

class TestRelayLoop : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void versionTriggerThreeSites();

private:
    Servers m_servers;
};

void TestRelayLoop::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
}

void TestRelayLoop::versionTriggerThreeSites()
{
    const QStringList
        ddl{QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, version INT "
                           "NOT NULL DEFAULT 0) "
                           "ENGINE=InnoDB"),
            QStringLiteral(
                "CREATE TRIGGER items_version BEFORE UPDATE ON items FOR EACH ROW SET NEW.version = OLD.version + 1"),
            QStringLiteral("INSERT INTO items (id, name) VALUES (1, 'start'), (2, 'start')")};
    const QStringList tables{QStringLiteral("items")};
    SiteSet sites(m_servers);
    Site *a = sites.make(QStringLiteral("site_a"), 'A', QStringLiteral("relayloop_a"), ddl);
    Site *b = sites.make(QStringLiteral("site_b"), 'B', QStringLiteral("relayloop_b"), ddl);
    Site *c = sites.make(QStringLiteral("site_c"), 'A', QStringLiteral("relayloop_c"), ddl);
    QVERIFY(a && b && c);
    const QList<Site *> all{a, b, c};
    for (Site *s : all) {
        QStringList others;
        for (Site *o : all) {
            if (o != s)
                others << o->client;
        }
        // Seeded alike: no initial load, whose sends would land in the quiet count below.
        sites.configure(*s, others, tables, tables, QJsonObject{{QStringLiteral("initialLoad"), false}});
    }
    for (Site *s : all)
        QVERIFY(sites.start(*s));
    QVERIFY(sites.waitReady(*a, {b->client, c->client}));
    QVERIFY(sites.waitReady(*b, {a->client, c->client}));
    QVERIFY(sites.waitReady(*c, {a->client, b->client}));

    // Per row or, between engines of ours, in batches (issue 13): every row names its table.
    MqttSubscriber changes(m_servers,
                           QStringList{QStringLiteral("/change/#"), QStringLiteral("/mysql-sync/+/batch/#")});
    QVERIFY(changes.isReady());
    auto identical = [&] {
        return SiteSet::sameDumps(*a, *b, QStringLiteral("items"))
            && SiteSet::sameDumps(*a, *c, QStringLiteral("items"));
    };
    auto settled = [&] {
        for (Site *s : all) {
            if (SiteSet::pendingChanges(*s) != 0)
                return false;
            for (Site *o : all) {
                if (o != s && SiteSet::unsettled(*s, o->client) != 0)
                    return false;
            }
        }
        return true;
    };

    // One update on each of two sites, one after the other.
    QVERIFY(a->db->exec(QStringLiteral("UPDATE items SET name = 'changed on A' WHERE id = 1")));
    SITES_WAIT(sites, tables,
               identical() && settled()
                   && b->db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 1")).toString()
                       == QStringLiteral("changed on A"),
               kTimeoutMs);
    QVERIFY(b->db->exec(QStringLiteral("UPDATE items SET name = 'changed on B' WHERE id = 2")));
    SITES_WAIT(sites, tables,
               identical() && settled()
                   && c->db->scalar(QStringLiteral("SELECT name FROM items WHERE id = 2")).toString()
                       == QStringLiteral("changed on B"),
               kTimeoutMs);
    // Quiet: resends (3 s) and relays would show up within this; a loop never stops.
    const auto rowsSent = [&] {
        return changes.lines().join(QLatin1Char('\n')).count(QStringLiteral("\"table\":\"items\""));
    };
    const int settledAt = int(rowsSent());
    QVERIFY(!waitUntil([&] { return rowsSent() > settledAt; }, 8000, 200));
    const int messages = int(rowsSent());
    QVERIFY(messages >= 4); // each update reached two sites: the count sees the wire
    qInfo() << "rows sent for two updates on three sites:" << messages;
    QVERIFY2(messages <= 2 * kMaxMessagesPerUpdate, qPrintable(QString::number(messages)));
    QVERIFY(identical());
    for (Site *s : all)
        QCOMPARE(s->db
                     ->scalar(QStringLiteral(
                         "SELECT GROUP_CONCAT(CONCAT(id, ':', name, ':', version) ORDER BY id) FROM items"))
                     .toString(),
                 QStringLiteral("1:changed on A:1,2:changed on B:1"));
    for (Site *s : all)
        QVERIFY(s->engine->stop());
}

QTEST_GUILESS_MAIN(TestRelayLoop)
#include "tst_relayloop.moc"
