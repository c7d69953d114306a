// TransformTrialRunner ("try it" of the Transformers tab) against the harness's MariaDB:
// the row is read as the engine reads it (Catalog + RowStore), the transformer runs off the
// GUI thread with context.database.query on the live database and context.mqtt.publish
// recorded; errors carry the file, line and message; drop and null are reported; an endless
// loop is interrupted at the time limit while the GUI event loop keeps running.
#include "SiteDatabase.h"
#include "StallMeter.h"
#include "database/Catalog.h"
#include "database/RowStore.h"
#include "monitor/EntityDiffModel.h"
#include "monitor/TransformTrialRunner.h"
#include "monitor/TransformerListModel.h"
#include "transformers/TransformersPage.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace mysqlsync;
using namespace mysqlsync::ui;
using namespace testsupport;
using Outcome = TrialResult::Outcome;

namespace {

constexpr int kTimeLimitMs = 700;

const char kItems[] = R"js(async function transformer(context) {
  const rows = await context.database.query('SELECT mapped FROM id_mapping WHERE id = ? AND site = ?',
                                            context.entity.id, context.target);
  if (rows.length > 0)
    context.entity.id = String(rows[0].mapped);
  context.entity.name = context.entity.name.toUpperCase() + ' ' + context.source + '>' + context.target;
  await context.database.query('INSERT INTO audit_log (item) VALUES (?)', context.entity.id);
  await context.mqtt.publish('audit/' + context.target, JSON.stringify({ id: context.entity.id }), { qos: 1 });
  return context.entity;
}
module.exports = transformer;
)js";

const char kThrows[] = "module.exports = function (context) {\n"
                       "  const price = Number(context.entity.price);\n"
                       "  if (price > 1)\n"
                       "    throw new RangeError('price ' + price + ' too high for ' + context.target);\n"
                       "  return context.entity;\n"
                       "};\n";
const char kDrops[] = "module.exports = context => context.drop;\n";
const char kDeletes[] = "module.exports = async context => null;\n";
const char kLoops[] = "module.exports = function (context) {\n  for (;;) {}\n};\n";

} // namespace

class TestTransformTrialRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void readsTheRowAsTheEngineDoes();
    void listsTheFirstKeys();
    void changesAColumnThroughTheDatabase();
    void incomingSetsSourceAndTarget();
    void errorsCarryMessageAndLine();
    void dropAndDelete();
    void missingRowOrTransformer();
    void endlessLoopIsInterrupted();
    void newConfigurationDoesNotWait();
    void pageShowsTheOutcome();

private:
    Config config() const;
    TrialResult run(TransformTrialRunner &runner, const QString &table, const QString &key, bool incoming = false);
    bool write(const QString &name, const char *source);

    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_db;
    QTemporaryDir m_dir;
};

Config TestTransformTrialRunner::config() const
{
    Config c;
    c.mysql = m_db->engineConfig();
    c.clientName = QStringLiteral("site_a");
    c.remoteClients = {QStringLiteral("site_b"), QStringLiteral("site_c")};
    c.syncTables = {QStringLiteral("product_items"), QStringLiteral("throws"), QStringLiteral("drops"),
                    QStringLiteral("deletes"),       QStringLiteral("loops"),  QStringLiteral("plain")};
    c.receiveTables = {QStringLiteral("product_items")};
    c.transformerDirectory = m_dir.path();
    c.transformTimeoutMs = kTimeLimitMs;
    return c;
}

bool TestTransformTrialRunner::write(const QString &name, const char *source)
{
    QFile f(m_dir.filePath(name));
    return f.open(QIODevice::WriteOnly) && f.write(source) == qint64(qstrlen(source));
}

TrialResult TestTransformTrialRunner::run(TransformTrialRunner &runner, const QString &table, const QString &key,
                                          bool incoming)
{
    QSignalSpy finished(&runner, &TransformTrialRunner::finished);
    TrialRequest request;
    request.table = table;
    request.key = key;
    request.incoming = incoming;
    request.remote = QStringLiteral("site_b");
    runner.run(request);
    if (!finished.wait(20000))
        return {};
    return finished.first().first().value<TrialResult>();
}

void TestTransformTrialRunner::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    m_db = std::make_unique<SiteDatabase>(m_servers, 'A', QStringLiteral("gui_transform"));
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->lastError()));
    const QString columns = QStringLiteral("(id INT PRIMARY KEY, name VARCHAR(64) NOT NULL, price DECIMAL(10,2), "
                                           "made DATETIME(3), data VARBINARY(16))");
    for (const char *table : {"product_items", "throws", "drops", "deletes", "loops", "plain"}) {
        QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE %1 %2").arg(QLatin1String(table), columns)));
        QVERIFY(
            m_db->exec(QStringLiteral("INSERT INTO %1 VALUES (1, 'gear', 2.50, '2026-01-02 03:04:05.678', X'00FF'), "
                                      "(2, 'wheel', 0.75, NULL, NULL), (10, 'bolt', NULL, NULL, '')")
                           .arg(QLatin1String(table))));
    }
    QVERIFY(m_db->exec(
        QStringLiteral("CREATE TABLE id_mapping (id INT, site VARCHAR(32), mapped INT, PRIMARY KEY (id, site))")));
    QVERIFY(m_db->exec(
        QStringLiteral("CREATE TABLE audit_log (n INT AUTO_INCREMENT PRIMARY KEY, item VARCHAR(32)) ENGINE=InnoDB")));
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO id_mapping VALUES (1, 'site_b', 501), (1, 'site_c', 601)")));
    QVERIFY(write(QStringLiteral("productItems.js"), kItems));
    QVERIFY(write(QStringLiteral("throws.js"), kThrows));
    QVERIFY(write(QStringLiteral("drops.js"), kDrops));
    QVERIFY(write(QStringLiteral("deletes.js"), kDeletes));
    QVERIFY(write(QStringLiteral("loops.js"), kLoops));
}

void TestTransformTrialRunner::readsTheRowAsTheEngineDoes()
{
    TransformTrialRunner runner;
    runner.setConfiguration(config());
    const TrialResult r = run(runner, QStringLiteral("product_items"), QStringLiteral("1"));
    QCOMPARE(r.outcome, Outcome::Entity);
    // The engine's own reading of the row (Catalog + RowStore + ValueCodec).
    QHash<QString, TableInfo> tables;
    QStringList problems;
    QVERIFY2(Catalog::load(m_db->database(), {QStringLiteral("product_items")}, &tables, &problems),
             qPrintable(problems.join(QStringLiteral("; "))));
    QHash<QString, QJsonObject> rows;
    QString error;
    RowStore store(m_db->name());
    QCOMPARE(store.fetch(tables.value(QStringLiteral("product_items")), {QStringLiteral("1")}, &rows, &error),
             RowStore::Result::Ok);
    QCOMPARE(r.before, rows.value(QStringLiteral("1")));
    QCOMPARE(r.before.value(QStringLiteral("price")).toString(), QStringLiteral("2.50"));
    QCOMPARE(r.before.value(QStringLiteral("id")).toString(), QStringLiteral("1"));
}

void TestTransformTrialRunner::listsTheFirstKeys()
{
    TransformTrialRunner runner;
    runner.setConfiguration(config());
    QSignalSpy listed(&runner, &TransformTrialRunner::keysListed);
    runner.listKeys(QStringLiteral("loops"), 2);
    runner.listKeys(QStringLiteral("product_items")); // the newer request wins
    QVERIFY(listed.wait(20000));
    // One worker thread answers in order: an answer to the older request would have been
    // delivered before this one.
    QCOMPARE(listed.count(), 1);
    QCOMPARE(listed.first().at(0).toString(), QStringLiteral("product_items"));
    QCOMPARE(listed.first().at(1).toStringList(),
             QStringList(
                 {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("10")})); // key order, not text order
    QCOMPARE(listed.first().at(2).toString(), QString());

    listed.clear();
    runner.listKeys(QStringLiteral("no_such_table"));
    QVERIFY(listed.wait(20000));
    QVERIFY2(listed.first().at(2).toString().contains(QLatin1String("no_such_table")),
             qPrintable(listed.first().at(2).toString()));
}

void TestTransformTrialRunner::changesAColumnThroughTheDatabase()
{
    TransformTrialRunner runner;
    runner.setConfiguration(config());
    const TrialResult r = run(runner, QStringLiteral("product_items"), QStringLiteral("1"));
    QCOMPARE(r.outcome, Outcome::Entity);
    QCOMPARE(r.source, QStringLiteral("site_a"));
    QCOMPARE(r.target, QStringLiteral("site_b"));
    QCOMPARE(r.before.value(QStringLiteral("name")).toString(), QStringLiteral("gear"));
    QCOMPARE(r.after.value(QStringLiteral("name")).toString(), QStringLiteral("GEAR site_a>site_b"));
    QCOMPARE(r.after.value(QStringLiteral("id")).toString(),
             QStringLiteral("501")); // from id_mapping, through context.database.query
    QCOMPARE(r.after.value(QStringLiteral("price")), r.before.value(QStringLiteral("price")));
    QCOMPARE(r.queries.size(), 2);
    QVERIFY2(r.queries.first().contains(QLatin1String("FROM id_mapping"))
                 && r.queries.first().contains(QLatin1String("'site_b'")),
             qPrintable(r.queries.first()));
    QVERIFY2(r.queries.last().startsWith(QStringLiteral("INSERT INTO audit_log")), qPrintable(r.queries.last()));
    // The transformer's write ran (no error) and was rolled back: a try changes nothing.
    QCOMPARE(m_db->count(QStringLiteral("audit_log")), qint64(0));
    // Recorded, not published.
    QCOMPARE(r.published.size(), 1);
    QCOMPARE(r.published.first().topic, QStringLiteral("audit/site_b"));
    QCOMPARE(r.published.first().payload, QByteArray(R"({"id":"501"})"));
    QCOMPARE(r.published.first().qos, 1);
    QVERIFY(r.file.endsWith(QStringLiteral("/productItems.js")));

    // A row without a mapping keeps its id; each run records only its own calls.
    const TrialResult r2 = run(runner, QStringLiteral("product_items"), QStringLiteral("2"));
    QCOMPARE(r2.outcome, Outcome::Entity);
    QCOMPARE(r2.after.value(QStringLiteral("id")).toString(), QStringLiteral("2"));
    QCOMPARE(r2.queries.size(), 2);
    QCOMPARE(r2.published.size(), 1);
}

void TestTransformTrialRunner::incomingSetsSourceAndTarget()
{
    TransformTrialRunner runner;
    runner.setConfiguration(config());
    const TrialResult r = run(runner, QStringLiteral("product_items"), QStringLiteral("1"), true);
    QCOMPARE(r.outcome, Outcome::Entity);
    QCOMPARE(r.source, QStringLiteral("site_b"));
    QCOMPARE(r.target, QStringLiteral("site_a"));
    QCOMPARE(r.after.value(QStringLiteral("name")).toString(), QStringLiteral("GEAR site_b>site_a"));
    QCOMPARE(r.after.value(QStringLiteral("id")).toString(), QStringLiteral("1")); // no mapping for target site_a
}

void TestTransformTrialRunner::errorsCarryMessageAndLine()
{
    TransformTrialRunner runner;
    runner.setConfiguration(config());
    TrialResult r = run(runner, QStringLiteral("throws"), QStringLiteral("1"));
    QCOMPARE(r.outcome, Outcome::Error);
    QCOMPARE(r.line, 4);
    QCOMPARE(r.error, QStringLiteral("transformer throws.js line 4: RangeError: price 2.5 too high for site_b"));
    QCOMPARE(r.before.value(QStringLiteral("name")).toString(), QStringLiteral("gear"));
    // The same file passes a cheaper row.
    r = run(runner, QStringLiteral("throws"), QStringLiteral("2"));
    QCOMPARE(r.outcome, Outcome::Entity);
    QCOMPARE(r.after, r.before);
}

void TestTransformTrialRunner::dropAndDelete()
{
    TransformTrialRunner runner;
    runner.setConfiguration(config());
    TrialResult r = run(runner, QStringLiteral("drops"), QStringLiteral("2"));
    QCOMPARE(r.outcome, Outcome::Drop);
    QCOMPARE(r.error, QString());
    r = run(runner, QStringLiteral("deletes"), QStringLiteral("2"));
    QCOMPARE(r.outcome, Outcome::Delete);
}

void TestTransformTrialRunner::missingRowOrTransformer()
{
    TransformTrialRunner runner;
    runner.setConfiguration(config());
    TrialResult r = run(runner, QStringLiteral("plain"), QStringLiteral("2"));
    QCOMPARE(r.outcome, Outcome::Unchanged);
    QCOMPARE(r.after, r.before);
    QVERIFY(r.file.endsWith(QStringLiteral("/plain.js")));
    r = run(runner, QStringLiteral("product_items"), QStringLiteral("999"));
    QCOMPARE(r.outcome, Outcome::Failed);
    QVERIFY2(r.error.contains(QLatin1String("no row with the key 999")), qPrintable(r.error));
    // "01" is the row 1 of an INT key, as the engine would read it.
    r = run(runner, QStringLiteral("plain"), QStringLiteral("01"));
    QCOMPARE(r.outcome, Outcome::Unchanged);
    QCOMPARE(r.before.value(QStringLiteral("id")).toString(), QStringLiteral("1"));
}

void TestTransformTrialRunner::endlessLoopIsInterrupted()
{
    TransformTrialRunner runner;
    runner.setConfiguration(config());
    QSignalSpy finished(&runner, &TransformTrialRunner::finished);
    TrialRequest request{QStringLiteral("loops"), QStringLiteral("1"), false, QStringLiteral("site_b")};
    StallMeter meter;
    QElapsedTimer t;
    t.start();
    runner.run(request);
    QVERIFY(runner.isRunning());
    QVERIFY(finished.wait(20000));
    const qint64 elapsed = t.elapsed();
    const TrialResult r = finished.first().first().value<TrialResult>();
    QCOMPARE(r.outcome, Outcome::Error);
    // Which transformer, and the limit it ran past.
    QVERIFY2(r.error.startsWith(QStringLiteral("transformer loops.js")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("timed out after %1 ms").arg(kTimeLimitMs)), qPrintable(r.error));
    QVERIFY2(elapsed >= kTimeLimitMs && r.elapsedMs >= kTimeLimitMs - 10, qPrintable(QString::number(elapsed)));
    QVERIFY(!runner.isRunning());
    qInfo() << "loop interrupted after" << elapsed << "ms; longest GUI stall" << meter.longestMs() << "ms";
    QVERIFY2(meter.longestMs() < 100, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(meter.longestMs())));
    // The worker's engine is usable afterwards.
    const TrialResult next = run(runner, QStringLiteral("product_items"), QStringLiteral("1"));
    QCOMPARE(next.outcome, Outcome::Entity);
}

void TestTransformTrialRunner::newConfigurationDoesNotWait()
{
    TransformTrialRunner runner;
    runner.setConfiguration(config());
    QSignalSpy finished(&runner, &TransformTrialRunner::finished);
    runner.run(TrialRequest{QStringLiteral("loops"), QStringLiteral("1"), false, QStringLiteral("site_b")});
    QTest::qWait(300); // the loop is running now (or the connection is being opened)
    QElapsedTimer t;
    t.start();
    runner.setConfiguration(config()); // the busy worker is left to finish on its own
    QVERIFY2(t.elapsed() < 100, qPrintable(QString::number(t.elapsed())));
    QVERIFY(!runner.isRunning());
    // The new worker answers; the old run's result is never delivered.
    const TrialResult r = run(runner, QStringLiteral("drops"), QStringLiteral("1"));
    QCOMPARE(r.outcome, Outcome::Drop);
    QTest::qWait(kTimeLimitMs + 300);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().value<TrialResult>().request.table, QStringLiteral("drops"));
}

void TestTransformTrialRunner::pageShowsTheOutcome()
{
    TransformersPage page;
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.setConfiguration(config());
    // The listing: every file matches a table; "plain" has none.
    QCOMPARE(page.listModel()->rowCount(), 6);
    QCOMPARE(page.listModel()->rowOfTable(QStringLiteral("plain")), 5);

    page.tableBox()->setCurrentText(QStringLiteral("throws"));
    QTRY_COMPARE_WITH_TIMEOUT(page.keyBox()->count(), 3, 20000);
    QCOMPARE(page.keyBox()->currentText(), QStringLiteral("1"));
    QVERIFY(page.runButton()->isEnabled());
    page.runButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(page.resultText().startsWith(QStringLiteral("Error")), 20000);
    QVERIFY2(page.resultText().contains(QStringLiteral("throws.js line 4: RangeError: price 2.5 too high")),
             qPrintable(page.resultText()));

    page.tableBox()->setCurrentText(QStringLiteral("product_items"));
    QTRY_COMPARE_WITH_TIMEOUT(page.keyBox()->count(), 3, 20000);
    page.directionBox()->setCurrentIndex(1); // incoming from site_b
    page.runButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(page.diffModel()->changedCount() > 0, 20000);
    QCOMPARE(page.diffModel()->changedCount(), 1); // the name
    QVERIFY2(page.sideEffectsText().contains(QStringLiteral("context.source = site_b, context.target = site_a")),
             qPrintable(page.sideEffectsText()));
    QVERIFY(page.sideEffectsText().contains(QStringLiteral("recorded, not sent): audit/site_a")));

    page.tableBox()->setCurrentText(QStringLiteral("drops"));
    QTRY_COMPARE_WITH_TIMEOUT(page.keyBox()->count(), 3, 20000);
    page.runButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(page.resultText().startsWith(QStringLiteral("Dropped")), 20000);
    page.tableBox()->setCurrentText(QStringLiteral("deletes"));
    QTRY_COMPARE_WITH_TIMEOUT(page.keyBox()->count(), 3, 20000);
    page.runButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(page.resultText().startsWith(QStringLiteral("Delete (null)")), 20000);

    // The endless loop: the button is off while it runs, the event loop keeps going.
    page.tableBox()->setCurrentText(QStringLiteral("loops"));
    page.directionBox()->setCurrentIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(page.keyBox()->count(), 3, 20000);
    StallMeter meter;
    page.runButton()->click();
    QVERIFY(!page.runButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(page.resultText().contains(QStringLiteral("timed out")), 20000);
    QVERIFY(page.resultText().contains(QStringLiteral("loops.js")));
    QVERIFY(page.runButton()->isEnabled());
    QVERIFY2(meter.longestMs() < 100, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(meter.longestMs())));
}

QTEST_MAIN(TestTransformTrialRunner)
#include "tst_transformtrialrunner.moc"
