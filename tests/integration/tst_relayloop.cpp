// Issue 11, group 10: relays terminate. Three bidirectional sites (each sends to and receives
// from the other two) whose table has a user trigger that changes the row on every write
// (BEFORE UPDATE: version = version + 1). One update must cause a bounded number of messages,
// an update made on each site reaches the other two, and the three sites must end identical;
// once with three MariaDB sites, once with site_c on PostgreSQL (issue 17).
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
    void versionTriggerThreeSites_data();
    void versionTriggerThreeSites();

private:
    Servers m_servers;
};

void TestRelayLoop::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
}

void TestRelayLoop::versionTriggerThreeSites_data()
{
    QTest::addColumn<char>("serverC");
    QTest::newRow("three MariaDB sites") << 'A';
    QTest::newRow("site_c on PostgreSQL") << 'P';
}

void TestRelayLoop::versionTriggerThreeSites()
{
    QFETCH(char, serverC);
    const QString seed = QStringLiteral("INSERT INTO items (id, name) VALUES (1, 'start'), (2, 'start'), (3, 'start')");
    const QStringList ddl{QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, "
                                         "version INT NOT NULL DEFAULT 0) ENGINE=InnoDB"),
                          QStringLiteral("CREATE TRIGGER items_version BEFORE UPDATE ON items FOR EACH ROW SET "
                                         "NEW.version = OLD.version + 1"),
                          seed};
    const QStringList
        pgDdl{QStringLiteral("CREATE TABLE items (id integer PRIMARY KEY, name varchar(50) NOT NULL, version integer "
                             "NOT NULL DEFAULT 0)"),
              QStringLiteral("CREATE FUNCTION items_version() RETURNS trigger LANGUAGE plpgsql AS "
                             "$$ BEGIN NEW.version := OLD.version + 1; RETURN NEW; END $$"),
              QStringLiteral(
                  "CREATE TRIGGER items_version BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION items_version()"),
              seed};
    const QStringList tables{QStringLiteral("items")};
    SiteSet sites(m_servers);
    Site *a = sites.make(QStringLiteral("site_a"), 'A', QStringLiteral("relayloop_a"), ddl);
    Site *b = sites.make(QStringLiteral("site_b"), 'B', QStringLiteral("relayloop_b"), ddl);
    Site *c =
        sites.make(QStringLiteral("site_c"), serverC, QStringLiteral("relayloop_c"), serverC == 'P' ? pgDdl : ddl);
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

    // One update on each site, one after the other; each reaches the other two.
    const QList<QPair<Site *, int>> updates{{a, 1}, {b, 2}, {c, 3}};
    for (const auto &[site, id] : updates) {
        const QString name = QStringLiteral("changed on ") + site->client;
        QVERIFY(site->db->exec(QStringLiteral("UPDATE items SET name = ? WHERE id = ?"), {name, id}));
        auto everywhere = [&, id = id] {
            for (Site *s : all) {
                if (s->db->scalar(QStringLiteral("SELECT name FROM items WHERE id = ?"), {id}).toString() != name)
                    return false;
            }
            return true;
        };
        SITES_WAIT(sites, tables, everywhere() && identical() && settled(), kTimeoutMs);
    }
    // Quiet: resends (3 s) and relays would show up within this; a loop never stops.
    const auto rowsSent = [&] {
        return changes.lines().join(QLatin1Char('\n')).count(QStringLiteral("\"table\":\"items\""));
    };
    const int settledAt = int(rowsSent());
    QVERIFY(!waitUntil([&] { return rowsSent() > settledAt; }, 8000, 200));
    const int messages = int(rowsSent());
    QVERIFY(messages >= 6); // each update reached two sites: the count sees the wire
    qInfo() << "rows sent for three updates on three sites:" << messages;
    QVERIFY2(messages <= 3 * kMaxMessagesPerUpdate, qPrintable(QString::number(messages)));
    QVERIFY(identical());
    for (Site *s : all) {
        QStringList rows;
        for (const QVariantMap &r : s->db->rows(QStringLiteral("SELECT id, name, version FROM items ORDER BY id")))
            rows << QStringLiteral("%1:%2:%3")
                        .arg(r.value(QStringLiteral("id")).toString(), r.value(QStringLiteral("name")).toString(),
                             r.value(QStringLiteral("version")).toString());
        QCOMPARE(rows.join(QLatin1Char(',')),
                 QStringLiteral("1:changed on site_a:1,2:changed on site_b:1,3:changed on site_c:1"));
    }
    for (Site *s : all)
        QVERIFY(s->engine->stop());
}

QTEST_GUILESS_MAIN(TestRelayLoop)
#include "tst_relayloop.moc"
