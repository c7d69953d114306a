// Transformers between two running engines: the seed's productItems.js byte for byte,
// outgoing and incoming transformers that change rows, drop them, fail (error rows with the
// JavaScript message and line, error receipts), async/await with context.database.query,
// a run past transformTimeout (interrupted, reported with the file and the limit) and
// reloading a file that changes while the engines run.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include "EngineProcess.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {

constexpr int kTimeoutMs = 45000;

// The seed's example (seed 000, "productItems.js"), byte for byte, kept in tests/data.
QByteArray seedProductItems()
{
    QFile f(qEnvironmentVariable("MYSQL_SYNC_SOURCE_DIR") + QStringLiteral("/tests/data/productItems.js"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// site_a, on the way out.
const char kOutgoing[] = "module.exports = function (context) {\n"
                         "  var e = context.entity;\n"
                         "  if (e === null) return null;\n"
                         "  if (e.name === 'skip') return context.drop;\n"
                         "  if (e.name === 'boom')\n"
                         "    throw new Error('boom on the way out');\n"
                         "  if (e.name === 'loop') for (;;) {}\n"
                         "  e.name = e.name + ' via ' + context.source + '->' + context.target;\n"
                         "  return e;\n"
                         "};\n";

const char kOutgoingUpper[] =
    "module.exports = function (context) {\n"
    "  if (context.entity !== null) context.entity.name = context.entity.name.toUpperCase();\n"
    "  return context.entity;\n"
    "};\n";

// site_b, on the way in: async/await with a query bound as a parameter.
const char kIncoming[] = "module.exports = async function (context) {\n"
                         "  if (context.entity === null) return null;\n"
                         "  const rows = await context.database.query('SELECT COUNT(*) AS n FROM id_mapping WHERE id = "
                         "?', context.entity.id);\n"
                         "  if (context.entity.name.indexOf('reject') === 0)\n"
                         "    throw new Error('rejected by ' + context.target);\n"
                         "  context.entity.name = context.entity.name + ' mapped=' + rows[0].n;\n"
                         "  return context.entity;\n"
                         "};\n";

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

} // namespace

class TestTransformers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void transformersRunBetweenTwoEngines();

private:
    Servers m_servers;
};

void TestTransformers::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
}

void TestTransformers::transformersRunBetweenTwoEngines()
{
    const QString database = QStringLiteral("tr_engines");
    SiteDatabase a(m_servers, 'A', database);
    SiteDatabase b(m_servers, 'B', database);
    for (SiteDatabase *db : {&a, &b}) {
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE product_items (id INT PRIMARY KEY, name VARCHAR(64), qty INT)")));
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(128))")));
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE id_mapping (id INT PRIMARY KEY)")));
        QVERIFY(db->exec(QStringLiteral("INSERT INTO id_mapping VALUES (1), (10), (11)")));
    }
    QTemporaryDir dirA, dirB;
    QVERIFY(writeFile(dirA.filePath(QStringLiteral("productItems.js")), seedProductItems()));
    QVERIFY(writeFile(dirA.filePath(QStringLiteral("items.js")), kOutgoing));
    QVERIFY(writeFile(dirB.filePath(QStringLiteral("productItems.js")), seedProductItems()));
    QVERIFY(writeFile(dirB.filePath(QStringLiteral("items.js")), kIncoming));

    const QStringList tables{QStringLiteral("product_items"), QStringLiteral("items")};
    QJsonObject configA = EngineProcess::config(m_servers, 'A', database, QStringLiteral("site_a"),
                                                {QStringLiteral("site_b")}, tables, {});
    configA.insert(QStringLiteral("transformerDirectory"), dirA.path());
    configA.insert(QStringLiteral("transformTimeout"), 500);
    QJsonObject configB = EngineProcess::config(m_servers, 'B', database, QStringLiteral("site_b"),
                                                {QStringLiteral("site_a")}, {}, tables);
    configB.insert(QStringLiteral("transformerDirectory"), dirB.path());
    EngineProcess engineA(QStringLiteral("site_a"), configA);
    EngineProcess engineB(QStringLiteral("site_b"), configB);
    QVERIFY(engineA.start());
    QVERIFY(engineB.start());
    QVERIFY2(engineA.waitForLog("site_b is online", kTimeoutMs), engineA.log().right(3000).constData());
    QVERIFY(engineA.log().contains("productItems.js\" loaded for product_items")
            || engineA.log().contains("productItems.js loaded for product_items"));

    // The seed's example maps ids through id_mapping on both sides: the rows arrive as they are.
    QVERIFY(
        a.exec(QStringLiteral("INSERT INTO product_items VALUES (10, 'bolt', 3), (11, 'nut', 4), (12, 'washer', 5)")));
    QVERIFY2(waitUntil([&] { return b.count(QStringLiteral("product_items")) == 3; }, kTimeoutMs),
             engineB.log().right(3000).constData());
    QCOMPARE(b.dump(QStringLiteral("product_items"), QStringLiteral("id")),
             a.dump(QStringLiteral("product_items"), QStringLiteral("id")));

    // Outgoing and incoming transformers change the row; drop and failures are settled.
    QVERIFY(a.exec(QStringLiteral(
        "INSERT INTO items VALUES (1, 'bolt'), (2, 'skip'), (3, 'boom'), (4, 'reject me'), (5, 'nut'), (7, 'loop')")));
    auto status = [&](int id) {
        return a
            .scalar(QStringLiteral("SELECT status FROM sync_status WHERE table_name = 'items' AND primary_key = ?"),
                    {QString::number(id)})
            .toString();
    };
    QVERIFY2(waitUntil(
                 [&] {
                     return status(1) == QLatin1String("successful") && status(2) == QLatin1String("successful")
                         && status(3) == QLatin1String("error") && status(4) == QLatin1String("error")
                         && status(5) == QLatin1String("successful") && status(7) == QLatin1String("error");
                 },
                 kTimeoutMs),
             QByteArray(engineA.log().right(3000) + engineB.log().right(3000)).constData());
    QCOMPARE(b.scalar(QStringLiteral("SELECT name FROM items WHERE id = 1")).toString(),
             QStringLiteral("bolt via site_a->site_b mapped=1"));
    QCOMPARE(b.scalar(QStringLiteral("SELECT name FROM items WHERE id = 5")).toString(),
             QStringLiteral("nut via site_a->site_b mapped=0"));
    QCOMPARE(b.count(QStringLiteral("items")), 2); // 2 dropped, 3 failed here, 4 refused there
    const QString boom =
        a.scalar(QStringLiteral("SELECT message FROM sync_status WHERE table_name = 'items' AND primary_key = '3'"))
            .toString();
    QVERIFY2(boom.contains(QLatin1String("items.js line 6")) && boom.contains(QLatin1String("boom on the way out")),
             qPrintable(boom));
    const QString rejected =
        a.scalar(QStringLiteral("SELECT message FROM sync_status WHERE table_name = 'items' AND primary_key = '4'"))
            .toString();
    // A run past transformTimeout is interrupted; the row's error names the file and the limit.
    const QString loop =
        a.scalar(QStringLiteral("SELECT message FROM sync_status WHERE table_name = 'items' AND primary_key = '7'"))
            .toString();
    QVERIFY2(loop.startsWith(QLatin1String("transformer items.js"))
                 && loop.contains(QLatin1String("timed out after 500 ms")),
             qPrintable(loop));
    QVERIFY2(rejected.contains(QLatin1String("items.js")) && rejected.contains(QLatin1String("rejected by site_b")),
             qPrintable(rejected));

    // A delete passes through (the transformers return null for it).
    QVERIFY(a.exec(QStringLiteral("DELETE FROM items WHERE id = 1")));
    QVERIFY(waitUntil([&] { return b.count(QStringLiteral("items")) == 1; }, kTimeoutMs));

    // The file changes while the engine runs: the next change uses the new version.
    QVERIFY(writeFile(dirA.filePath(QStringLiteral("items.js")), kOutgoingUpper));
    QTest::qWait(300);
    QVERIFY(a.exec(QStringLiteral("INSERT INTO items VALUES (6, 'gear')")));
    QVERIFY2(waitUntil(
                 [&] {
                     return b.scalar(QStringLiteral("SELECT name FROM items WHERE id = 6")).toString()
                         == QLatin1String("GEAR mapped=0");
                 },
                 kTimeoutMs),
             QByteArray(engineA.log().right(3000) + engineB.log().right(3000)).constData());

    QVERIFY(engineA.isRunning() && engineB.isRunning());
    QVERIFY(engineA.stop());
    QVERIFY(engineB.stop());
}

QTEST_GUILESS_MAIN(TestTransformers)
#include "tst_transformers.moc"
