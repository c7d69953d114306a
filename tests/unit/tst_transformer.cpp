// TransformerHost: per-table JavaScript transformers in a sandboxed QJSEngine — file
// matching, the context API and database queries; async/await, Promise results, null/drop,
// errors with line numbers, the time limit, reloading and what a transformer can NOT reach are in
// tst_transformer_runtime.cpp. The test class and the fakes are in tst_transformer.h.
#include "tst_transformer.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlQuery>

void TestTransformer::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_db = new FakeDatabase;
    m_mqtt = new FakePublisher;
    m_host = new TransformerHost(m_dir->path(), m_db, m_mqtt);
}
void TestTransformer::cleanup()
{
    delete m_host;
    delete m_mqtt;
    delete m_db;
    delete m_dir;
}

void TestTransformer::acornIsTheUpstreamFile()
{
    QCOMPARE(QCryptographicHash::hash(acornSource(), QCryptographicHash::Sha256).toHex(), QByteArray(kAcornSha256));
}

void TestTransformer::nameMatching_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<bool>("matches");
    QTest::newRow("snake") << "product_items" << true;
    QTest::newRow("kebab") << "product-items" << true;
    QTest::newRow("spaces") << "product items" << true;
    QTest::newRow("camel") << "productItems" << true;
    QTest::newRow("other table") << "products" << false;
    QTest::newRow("prefix") << "product_items_old" << false;
}
void TestTransformer::nameMatching()
{
    QFETCH(QString, table);
    QFETCH(bool, matches);
    write(QStringLiteral("productItems.js"),
          "module.exports = function (c) { c.entity.seen = true; return c.entity; };");
    QCOMPARE(m_host->hasTransformer(table), matches);
    const TransformResult r = run(table, QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}});
    if (matches) {
        QCOMPARE(r.action, Action::Entity);
        {
            const QJsonObject expected = obj(R"({"id":"1","seen":true})");
            QCOMPARE(r.entity, expected);
        }
    } else {
        QCOMPARE(r.action, Action::Unchanged);
        {
            const QJsonObject expected = obj(R"({"id":"1"})");
            QCOMPARE(r.entity, expected);
        }
    }
}

void TestTransformer::noDirectoryMeansUnchanged()
{
    TransformerHost host(QString(), nullptr, nullptr);
    const TransformResult r =
        host.transform(QStringLiteral("items"), QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}},
                       QStringLiteral("a"), QStringLiteral("b"));
    QCOMPARE(r.action, Action::Unchanged);
    {
        const QJsonObject expected = obj(R"({"id":"1"})");
        QCOMPARE(r.entity, expected);
    }
}

void TestTransformer::seedExampleMapsIds()
{
    QVERIFY(seedProductItems().startsWith("async function transformer(context) {\n"));
    write(QStringLiteral("productItems.js"), seedProductItems());
    QFile f(m_dir->filePath(QStringLiteral("productItems.js")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), seedProductItems());

    m_db->rows = {QVariantMap{{QStringLiteral("id"), QStringLiteral("mapped-42")}}};
    TransformResult r = run(QStringLiteral("product_items"), obj(R"({"id":"42","name":"Chair","price":12.5})"));
    QCOMPARE(r.error, QString());
    QCOMPARE(r.action, Action::Entity);
    {
        const QJsonObject expected = obj(R"({"id":"mapped-42","name":"Chair","price":12.5})");
        QCOMPARE(r.entity, expected);
    }
    QCOMPARE(m_db->queries.size(), 1);
    QCOMPARE(m_db->queries[0].sql, QStringLiteral("SELECT id FROM id_mapping WHERE id = ?"));
    QCOMPARE(m_db->queries[0].values, QVariantList{QStringLiteral("42")});

    m_db->rows.clear(); // no mapping: the entity passes unchanged
    r = run(QStringLiteral("product-items"), obj(R"({"id":"43","name":"Desk"})"));
    QCOMPARE(r.action, Action::Entity);
    {
        const QJsonObject expected = obj(R"({"id":"43","name":"Desk"})");
        QCOMPARE(r.entity, expected);
    }
    QCOMPARE(m_db->queries.size(), 2);
    QCOMPARE(m_db->queries[1].values, QVariantList{QStringLiteral("43")});
}

void TestTransformer::contextApi()
{
    write(QStringLiteral("items.js"), R"js(
module.exports = async function (context) {
  const rows = await context.database.query('SELECT a FROM t WHERE x = ? AND y = ? AND z = ? AND w = ? AND v = ?',
                                            5, 'text', null, true, 2.5);
  const packet = await context.mqtt.publish('custom/topic', 'hello ' + context.entity.id, { qos: 1, retain: true });
  context.entity.seen = true;
  return {
    id: context.entity.id,
    source: context.source,
    target: context.target,
    sameDb: context.mysql === context.database,
    rows: rows,
    nullColumn: rows[0].b === null,
    packet: packet.cmd,
    dropIsObject: typeof context.drop === 'object'
  };
};
)js");
    m_db->rows = {
        QVariantMap{{QStringLiteral("a"), 7}, {QStringLiteral("b"), QVariant(QMetaType(QMetaType::QString))}}};
    const TransformResult r =
        run(QStringLiteral("items"), obj(R"({"id":"9"})"), QStringLiteral("site_a"), QStringLiteral("site_b"));
    QCOMPARE(r.error, QString());
    QCOMPARE(r.action, Action::Entity);
    {
        const QJsonObject expected = obj(R"({"id":"9","source":"site_a","target":"site_b","sameDb":true,
                                   "rows":[{"a":7,"b":null}],"nullColumn":true,"packet":"publish","dropIsObject":true})");
        QCOMPARE(r.entity, expected);
    }
    QCOMPARE(m_db->queries.size(), 1);
    const QVariantList values = m_db->queries[0].values;
    QCOMPARE(values.size(), 5);
    QCOMPARE(values[0], QVariant(qlonglong(5)));
    QCOMPARE(values[1], QVariant(QStringLiteral("text")));
    QVERIFY(values[2].isNull());
    QCOMPARE(values[3], QVariant(true));
    QCOMPARE(values[4], QVariant(2.5));
    QCOMPARE(m_mqtt->published.size(), 1);
    QCOMPARE(m_mqtt->published[0].topic, QStringLiteral("custom/topic"));
    QCOMPARE(m_mqtt->published[0].payload, QByteArray("hello 9"));
    QCOMPARE(m_mqtt->published[0].qos, 1);
    QCOMPARE(m_mqtt->published[0].retain, true);
}

void TestTransformer::entityIsACopy()
{
    // The input is never changed in place, and a delete arrives as entity null.
    write(QStringLiteral("items.js"),
          "module.exports = function (c) { if (c.entity === null) return { wasNull: true };"
          " c.entity.id = 'changed'; return c.entity; };");
    const QJsonObject input = obj(R"({"id":"1"})");
    TransformResult r = run(QStringLiteral("items"), input);
    {
        const QJsonObject expected = obj(R"({"id":"changed"})");
        QCOMPARE(r.entity, expected);
    }
    {
        const QJsonObject expected = obj(R"({"id":"1"})");
        QCOMPARE(input, expected);
    }
    r = run(QStringLiteral("items"), QJsonValue(QJsonValue::Null));
    QCOMPARE(r.action, Action::Entity);
    {
        const QJsonObject expected = obj(R"({"wasNull":true})");
        QCOMPARE(r.entity, expected);
    }
}

void TestTransformer::queryValuesThatCannotBeBound()
{
    write(QStringLiteral("items.js"), R"js(module.exports = async function (c) {
  try { await c.database.query('SELECT 1 WHERE a IN (?)', [1, 2]); } catch (e) { return { message: e.message }; }
  return { message: 'no error' };
};)js");
    const TransformResult r = run(QStringLiteral("items"));
    QCOMPARE(r.action, Action::Entity);
    QVERIFY2(r.entity[QStringLiteral("message")].toString().startsWith(QStringLiteral("query: value 1 is an array")),
             qPrintable(r.entity[QStringLiteral("message")].toString()));
    QCOMPARE(m_db->queries.size(), 0);
}

void TestTransformer::queryErrors()
{
    m_db->error = QStringLiteral("Table 'shop.nope' doesn't exist");
    write(QStringLiteral("caught.js"), R"js(module.exports = async function (c) {
  try { await c.database.query('SELECT * FROM nope'); } catch (e) { return { message: e.message }; }
})js");
    TransformResult r = run(QStringLiteral("caught"));
    QCOMPARE(r.entity,
             (QJsonObject{{QStringLiteral("message"), QStringLiteral("query: Table 'shop.nope' doesn't exist")}}));
    write(QStringLiteral("uncaught.js"),
          "module.exports = async function (c) {\n"
          "  const x = 1;\n"
          "  const rows = await c.database.query('SELECT * FROM nope');\n"
          "  return rows[0];\n"
          "};\n");
    r = run(QStringLiteral("uncaught"));
    QCOMPARE(r.action, Action::Error);
    QCOMPARE(r.line, 3);
    QCOMPARE(r.error, QStringLiteral("transformer uncaught.js line 3: Error: query: Table 'shop.nope' doesn't exist"));
    m_mqtt->error = QStringLiteral("not connected");
    write(QStringLiteral("pub.js"),
          "module.exports = c => c.mqtt.publish('t', 'm').then(() => c.entity, e => ({ message: e.message }));");
    r = run(QStringLiteral("pub"));
    {
        const QJsonObject expected = obj(R"({"message":"publish: not connected"})");
        QCOMPARE(r.entity, expected);
    }
}

void TestTransformer::sqliteBindsParameters()
{
    // The real TransformDatabase: values are bound, never spliced into the SQL.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst_transformer"));
        db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE id_mapping(id TEXT PRIMARY KEY, target TEXT)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO id_mapping VALUES ('42', 'mapped-42'), ('7', NULL)")));
        SqlTransformDatabase sql(QStringLiteral("tst_transformer"));
        TransformerHost host(m_dir->path(), &sql, nullptr);
        write(QStringLiteral("items.js"), R"js(module.exports = async function (c) {
  const hit = await c.database.query('SELECT target FROM id_mapping WHERE id = ?', c.entity.id);
  const injected = await c.database.query('SELECT target FROM id_mapping WHERE id = ?', "x\u0027 OR \u00271\u0027=\u00271");
  const nulls = await c.database.query('SELECT target FROM id_mapping WHERE id = ?', 7);
  return { hit: hit, injected: injected.length, nullTarget: nulls[0].target };
};)js");
        const TransformResult r =
            host.transform(QStringLiteral("items"), obj(R"({"id":"42"})"), QStringLiteral("a"), QStringLiteral("b"));
        QCOMPARE(r.error, QString());
        {
            const QJsonObject expected = obj(R"({"hit":[{"target":"mapped-42"}],"injected":0,"nullTarget":null})");
            QCOMPARE(r.entity, expected);
        }
        write(QStringLiteral("broken.js"),
              "module.exports = c => c.database.query('SELEC nonsense').then(() => c.entity);");
        const TransformResult e =
            host.transform(QStringLiteral("broken"), obj(R"({"id":"1"})"), QStringLiteral("a"), QStringLiteral("b"));
        QCOMPARE(e.action, Action::Error);
        QVERIFY2(e.error.startsWith(QStringLiteral("transformer broken.js line 1: Error: query: ")),
                 qPrintable(e.error));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tst_transformer"));
}

QTEST_GUILESS_MAIN(TestTransformer)
