// TransformerHost: per-table JavaScript transformers in a sandboxed QJSEngine — file
// matching, the context API, async/await (the seed's productItems.js byte for byte),
// Promise results, null/drop, errors with line numbers, the time limit, reloading, and
// what a transformer can NOT reach.
#include "transform/AcornSource.h"
#include "transform/SqlTransformDatabase.h"
#include "transform/TransformServices.h"
#include "transform/TransformerHost.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync;
using Action = TransformResult::Action;

namespace {

// The seed's example (seed 000, "productItems.js"), byte for byte, kept in tests/data.
QByteArray seedProductItems()
{
    QFile f(qEnvironmentVariable("MYSQL_SYNC_SOURCE_DIR") + QStringLiteral("/tests/data/productItems.js"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Query {
    QString sql;
    QVariantList values;
};

class FakeDatabase : public TransformDatabase {
public:
    QList<Query> queries;
    QList<QVariantMap> rows;
    QString error;
    QList<QVariantMap> query(const QString &sql, const QVariantList &values, QString *err) override
    {
        queries.append({sql, values});
        if (!error.isEmpty()) {
            *err = error;
            return {};
        }
        return rows;
    }
};

struct Publish {
    QString topic;
    QByteArray payload;
    int qos;
    bool retain;
};

class FakePublisher : public TransformPublisher {
public:
    QList<Publish> published;
    QString error;
    bool publish(const QString &topic, const QByteArray &payload, int qos, bool retain, QString *err) override
    {
        if (!error.isEmpty()) {
            *err = error;
            return false;
        }
        published.append({topic, payload, qos, retain});
        return true;
    }
};

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestTransformer : public QObject {
    Q_OBJECT

    QTemporaryDir *m_dir = nullptr;
    FakeDatabase *m_db = nullptr;
    FakePublisher *m_mqtt = nullptr;
    TransformerHost *m_host = nullptr;

    void write(const QString &file, const QByteArray &content)
    {
        QFile f(m_dir->filePath(file));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(content), content.size());
    }
    // Writes and makes sure the modification time differs from the previous version's.
    void rewrite(const QString &file, const QByteArray &content, int secondsAhead)
    {
        write(file, content);
        QFile f(m_dir->filePath(file));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(secondsAhead), QFileDevice::FileModificationTime));
    }
    TransformResult run(const QString &table,
                        const QJsonValue &entity = QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}},
                        const QString &source = QStringLiteral("site_a"),
                        const QString &target = QStringLiteral("site_b"))
    {
        return m_host->transform(table, entity, source, target);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        m_db = new FakeDatabase;
        m_mqtt = new FakePublisher;
        m_host = new TransformerHost(m_dir->path(), m_db, m_mqtt);
    }
    void cleanup()
    {
        delete m_host;
        delete m_mqtt;
        delete m_db;
        delete m_dir;
    }

    void acornIsTheUpstreamFile()
    {
        QCOMPARE(QCryptographicHash::hash(acornSource(), QCryptographicHash::Sha256).toHex(), QByteArray(kAcornSha256));
    }

    void nameMatching_data()
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
    void nameMatching()
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

    void noDirectoryMeansUnchanged()
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

    void seedExampleMapsIds()
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

    void contextApi()
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

    void entityIsACopy()
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

    void queryValuesThatCannotBeBound()
    {
        write(QStringLiteral("items.js"), R"js(module.exports = async function (c) {
  try { await c.database.query('SELECT 1 WHERE a IN (?)', [1, 2]); } catch (e) { return { message: e.message }; }
  return { message: 'no error' };
};)js");
        const TransformResult r = run(QStringLiteral("items"));
        QCOMPARE(r.action, Action::Entity);
        QVERIFY2(r.entity[QStringLiteral("message")].toString().startsWith(
                     QStringLiteral("query: value 1 is an array")),
                 qPrintable(r.entity[QStringLiteral("message")].toString()));
        QCOMPARE(m_db->queries.size(), 0);
    }

    void queryErrors()
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
        QCOMPARE(r.error,
                 QStringLiteral("transformer uncaught.js line 3: Error: query: Table 'shop.nope' doesn't exist"));
        m_mqtt->error = QStringLiteral("not connected");
        write(QStringLiteral("pub.js"),
              "module.exports = c => c.mqtt.publish('t', 'm').then(() => c.entity, e => ({ message: e.message }));");
        r = run(QStringLiteral("pub"));
        {
            const QJsonObject expected = obj(R"({"message":"publish: not connected"})");
            QCOMPARE(r.entity, expected);
        }
    }

    void sqliteBindsParameters()
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
            const TransformResult r = host.transform(QStringLiteral("items"), obj(R"({"id":"42"})"),
                                                     QStringLiteral("a"), QStringLiteral("b"));
            QCOMPARE(r.error, QString());
            {
                const QJsonObject expected = obj(R"({"hit":[{"target":"mapped-42"}],"injected":0,"nullTarget":null})");
                QCOMPARE(r.entity, expected);
            }
            write(QStringLiteral("broken.js"),
                  "module.exports = c => c.database.query('SELEC nonsense').then(() => c.entity);");
            const TransformResult e = host.transform(QStringLiteral("broken"), obj(R"({"id":"1"})"),
                                                     QStringLiteral("a"), QStringLiteral("b"));
            QCOMPARE(e.action, Action::Error);
            QVERIFY2(e.error.startsWith(QStringLiteral("transformer broken.js line 1: Error: query: ")),
                     qPrintable(e.error));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tst_transformer"));
    }

    void asyncForms()
    {
        // Strings, template literals, comments and regular expressions that mention
        // async/await must come through untouched; every kind of async function works.
        write(QStringLiteral("items.js"), R"js(// async function inComment() { await x }
'use strict';
const text = 'async function () { await 1 }';
const tpl = `async ${1 + 1} await`;
const re = /async\s+await/g;
/* await */
var a = 1
async (x) => x
const helper = {
  async twice(v) { return (await v) * 2; },
  async ['comp' + 'uted'](v) { return v + await Promise.resolve(1); }
};
class Mapper {
  constructor(k) { this.k = k; }
  async map(v) { const r = await Promise.resolve(v); return r + this.k; }
  static async make() { return new Mapper(await 100); }
}
const arrow = async v => await v + 1;
const arrowBlock = async (v, w) => { let s = 0; for (let i = 0; i < v; i++) { s += await w; } return s; };
async function usesArguments() { return arguments.length + await arguments[0]; }
async function throwsAndCatches() {
  try { await Promise.reject(new Error('inner')); return 'not reached'; }
  catch (e) { return 'caught ' + e.message; }
  finally { a = 2; }
}
async function nested() { return await (await Promise.resolve(Promise.resolve(5))); }
function plain(await) { return await; } // not async: await is a name
module.exports = async function (context) {
  const m = await Mapper.make();
  return {
    text: text, tpl: tpl, re: String(re), asiKept: a,
    twice: await helper.twice(Promise.resolve(21)),
    computed: await helper.computed(1),
    method: await m.map(1),
    arrow: await arrow(1),
    arrowBlock: await arrowBlock(3, Promise.resolve(2)),
    args: await usesArguments(10, 20, 30),
    caught: await throwsAndCatches(),
    afterFinally: a,
    nested: await nested(),
    plain: plain(7),
    plainValue: await 8,
    all: await Promise.all([1, Promise.resolve(2), arrow(2)]),
    settled: (await Promise.allSettled([Promise.reject(new Error('x'))]))[0].status,
    race: await Promise.race([Promise.resolve('first'), 'second'])
  };
};
)js");
        const TransformResult r = run(QStringLiteral("items"));
        QCOMPARE(r.error, QString());
        {
            const QJsonObject expected =
                obj(R"({"text":"async function () { await 1 }","tpl":"async 2 await","re":"/async\\s+await/g",
            "asiKept":1,"twice":42,"computed":2,"method":101,"arrow":2,"arrowBlock":6,"args":13,"caught":"caught inner",
            "afterFinally":2,"nested":5,"plain":7,"plainValue":8,"all":[1,2,3],"settled":"rejected","race":"first"})");
            QCOMPARE(r.entity, expected);
        }
    }

    void asyncSyntaxErrorsHaveLines()
    {
        write(QStringLiteral("items.js"),
              "async function f(c) {\n  return await c.entity;\n}\nconst x = (;\nmodule.exports = f;\n");
        TransformResult r = run(QStringLiteral("items"));
        QCOMPARE(r.action, Action::Error);
        QCOMPARE(r.line, 4);
        QVERIFY2(r.error.startsWith(QStringLiteral("transformer items.js line 4: SyntaxError: Unexpected token")),
                 qPrintable(r.error));
        write(QStringLiteral("gen.js"), "module.exports = c => c.entity;\nasync function* g() {}\n");
        r = run(QStringLiteral("gen"));
        QCOMPARE(r.line, 2);
        QVERIFY2(r.error.contains(QLatin1String("async generator functions are not supported")), qPrintable(r.error));
    }

    void promiseResults()
    {
        write(QStringLiteral("then.js"),
              "module.exports = function (c) {\n"
              "  return c.database.query('SELECT ?', c.entity.id).then(rows => ({ id: c.entity.id, n: rows.length "
              "}));\n"
              "};");
        m_db->rows = {QVariantMap{{QStringLiteral("x"), 1}}, QVariantMap{{QStringLiteral("x"), 2}}};
        TransformResult r = run(QStringLiteral("then"), obj(R"({"id":"5"})"));
        QCOMPARE(r.action, Action::Entity);
        {
            const QJsonObject expected = obj(R"({"id":"5","n":2})");
            QCOMPARE(r.entity, expected);
        }

        write(QStringLiteral("chain.js"),
              "module.exports = c => new Promise(resolve => resolve(c.entity))"
              ".then(e => Promise.resolve({ id: e.id, chained: true })).finally(() => {});");
        r = run(QStringLiteral("chain"));
        {
            const QJsonObject expected = obj(R"({"id":"1","chained":true})");
            QCOMPARE(r.entity, expected);
        }

        write(QStringLiteral("thenable.js"), "module.exports = c => ({ then(ok) { ok({ fromThenable: true }); } });");
        r = run(QStringLiteral("thenable"));
        {
            const QJsonObject expected = obj(R"({"fromThenable":true})");
            QCOMPARE(r.entity, expected);
        }

        write(QStringLiteral("nulled.js"), "module.exports = () => Promise.resolve(null);");
        QCOMPARE(run(QStringLiteral("nulled")).action, Action::Delete);
        write(QStringLiteral("dropped.js"), "module.exports = c => new Promise(r => r(c.drop));");
        QCOMPARE(run(QStringLiteral("dropped")).action, Action::Drop);

        write(QStringLiteral("rejected.js"),
              "module.exports = function () {\n  return Promise.reject(new TypeError('bad row'));\n};");
        r = run(QStringLiteral("rejected"));
        QCOMPARE(r.action, Action::Error);
        QCOMPARE(r.error, QStringLiteral("transformer rejected.js line 2: TypeError: bad row"));

        write(QStringLiteral("pending.js"), "module.exports = () => new Promise(() => {});");
        r = run(QStringLiteral("pending"));
        QCOMPARE(r.action, Action::Error);
        QVERIFY2(r.error.startsWith(QStringLiteral("transformer pending.js: returned a Promise that never settled")),
                 qPrintable(r.error));
    }

    void nullDeletesAndDropDrops()
    {
        write(QStringLiteral("items.js"),
              "module.exports = c => c.entity.kind === 'gone' ? null : c.entity.kind === 'skip' ? c.drop : c.entity;");
        const QJsonObject gone = obj(R"({"id":"1","kind":"gone"})");
        const QJsonObject skip = obj(R"({"id":"1","kind":"skip"})");
        QCOMPARE(run(QStringLiteral("items"), gone).action, Action::Delete);
        QCOMPARE(run(QStringLiteral("items"), skip).action, Action::Drop);
        const TransformResult keep = run(QStringLiteral("items"), obj(R"({"id":"1","kind":"keep"})"));
        QCOMPARE(keep.action, Action::Entity);
        {
            const QJsonObject expected = obj(R"({"id":"1","kind":"keep"})");
            QCOMPARE(keep.entity, expected);
        }
        write(QStringLiteral("async.js"), "module.exports = async c => { await 0; return c.drop; };");
        QCOMPARE(run(QStringLiteral("async")).action, Action::Drop);
    }

    void badReturnValues_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("type");
        QTest::newRow("undefined") << "undefined"
                                   << "undefined";
        QTest::newRow("number") << "5"
                                << "a number";
        QTest::newRow("string") << "'x'"
                                << "a string";
        QTest::newRow("boolean") << "true"
                                 << "a boolean";
        QTest::newRow("array") << "[1]"
                               << "an array";
        QTest::newRow("function") << "function () {}"
                                  << "a function";
        QTest::newRow("promise of a number") << "Promise.resolve(3)"
                                             << "a number";
    }
    void badReturnValues()
    {
        QFETCH(QString, expression);
        QFETCH(QString, type);
        write(QStringLiteral("productItems.js"),
              (QStringLiteral("module.exports = () => ") + expression + QStringLiteral(";")).toUtf8());
        const TransformResult r = run(QStringLiteral("product_items"));
        QCOMPARE(r.action, Action::Error);
        QCOMPARE(r.error,
                 QStringLiteral("transformer productItems.js returned %1, expected an object, null or context.drop")
                     .arg(type));
    }

    void thrownErrorsCarryLines()
    {
        write(QStringLiteral("items.js"),
              "module.exports = function (c) {\n"
              "  const a = 1;\n"
              "  if (c.entity.id === '1')\n"
              "    throw new RangeError('id 1 is not allowed');\n"
              "  return c.entity.missing.field;\n"
              "};\n");
        TransformResult r = run(QStringLiteral("items"), obj(R"({"id":"1"})"));
        QCOMPARE(r.action, Action::Error);
        QCOMPARE(r.line, 4);
        QCOMPARE(r.error, QStringLiteral("transformer items.js line 4: RangeError: id 1 is not allowed"));
        r = run(QStringLiteral("items"), obj(R"({"id":"2"})"));
        QCOMPARE(r.line, 5);
        QVERIFY2(r.error.startsWith(QStringLiteral("transformer items.js line 5: TypeError: ")), qPrintable(r.error));

        write(QStringLiteral("async.js"),
              "module.exports = async function (c) {\n"
              "  await null;\n"
              "  await c.database.query('SELECT 1');\n"
              "  throw new Error('after awaits');\n"
              "};\n");
        r = run(QStringLiteral("async"));
        QCOMPARE(r.line, 4);
        QCOMPARE(r.error, QStringLiteral("transformer async.js line 4: Error: after awaits"));

        write(QStringLiteral("string.js"), "module.exports = () => { throw 'plain string'; };");
        r = run(QStringLiteral("string"));
        QCOMPARE(r.error, QStringLiteral("transformer string.js: uncaught \"plain string\""));

        write(QStringLiteral("toplevel.js"), "const x = 1;\nnotDefinedAnywhere();\nmodule.exports = c => c.entity;\n");
        r = run(QStringLiteral("toplevel"));
        QCOMPARE(r.line, 2);
        QVERIFY2(r.error.startsWith(QStringLiteral("transformer toplevel.js line 2: ReferenceError: ")),
                 qPrintable(r.error));
    }

    void syntaxErrors()
    {
        write(QStringLiteral("items.js"), "module.exports = function (c) {\n  return c.entity;\n  if (\n};\n");
        TransformResult r = run(QStringLiteral("items"));
        QCOMPARE(r.action, Action::Error);
        QCOMPARE(r.line, 4);
        QVERIFY2(r.error.startsWith(QStringLiteral("transformer items.js line 4: SyntaxError")), qPrintable(r.error));
        // Syntax Qt 6.4's engine lacks (object spread) is reported the same way.
        write(QStringLiteral("chain.js"), "const a = 1;\nmodule.exports = c => ({ ...c.entity });\n");
        r = run(QStringLiteral("chain"));
        QCOMPARE(r.action, Action::Error);
        QCOMPARE(r.line, 2);
        write(QStringLiteral("notfn.js"), "module.exports = { id: 1 };");
        r = run(QStringLiteral("notfn"));
        QCOMPARE(r.error, QStringLiteral("transformer notfn.js: module.exports is an object, expected a function"));
    }

    void timeLimit_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::newRow("loop in the function") << QByteArray("module.exports = function () {\n  for (;;) {}\n};");
        QTest::newRow("loop while loading")
            << QByteArray("let i = 0;\nwhile (true) { i++; }\nmodule.exports = c => c.entity;");
        QTest::newRow("endless promise chain") << QByteArray(
            "module.exports = function () {\n  const next = () => Promise.resolve().then(next);\n  return next();\n};");
        QTest::newRow("loop after await")
            << QByteArray("module.exports = async function () {\n  await 1;\n  while (true) {}\n};");
        QTest::newRow("catch cannot swallow it")
            << QByteArray("module.exports = function () {\n  for (;;) { try { for (;;) {} } catch (e) {} }\n};");
    }
    void timeLimit()
    {
        QFETCH(QByteArray, source);
        m_host->setTimeLimit(300);
        write(QStringLiteral("slow.js"), source);
        QElapsedTimer t;
        t.start();
        TransformResult r = run(QStringLiteral("slow"));
        const qint64 elapsed = t.elapsed();
        QCOMPARE(r.action, Action::Error);
        // The message names the file and the limit (V4 gives no line for an interrupt).
        QVERIFY2(r.error.startsWith(QStringLiteral("transformer slow.js")), qPrintable(r.error));
        QVERIFY2(r.error.contains(QLatin1String("timed out after 300 ms (the transformTimeout limit)")),
                 qPrintable(r.error));
        QVERIFY2(elapsed >= 290 && elapsed < 300 + 1500, qPrintable(QString::number(elapsed)));
        // The engine is usable afterwards: other tables, and this one once fixed.
        write(QStringLiteral("fast.js"), "module.exports = async c => ({ id: c.entity.id, ok: await true });");
        r = run(QStringLiteral("fast"));
        QCOMPARE(r.error, QString());
        {
            const QJsonObject expected = obj(R"({"id":"1","ok":true})");
            QCOMPARE(r.entity, expected);
        }
        rewrite(QStringLiteral("slow.js"), "module.exports = c => c.drop;", 5);
        QCOMPARE(run(QStringLiteral("slow")).action, Action::Drop);
    }

    void defaultTimeLimit() { QCOMPARE(m_host->timeLimit(), 2000); }

    void reloadsChangedFiles()
    {
        QSignalSpy changed(m_host, &TransformerHost::transformersChanged);
        write(QStringLiteral("items.js"), "module.exports = c => ({ version: 1 });");
        {
            const QJsonObject expected = obj(R"({"version":1})");
            QCOMPARE(run(QStringLiteral("items")).entity, expected);
        }

        // Same size, written at once: the file system watcher reports it.
        write(QStringLiteral("items.js"), "module.exports = c => ({ version: 2 });");
        QTRY_VERIFY(changed.count() > 0);
        {
            const QJsonObject expected = obj(R"({"version":2})");
            QCOMPARE(run(QStringLiteral("items")).entity, expected);
        }

        // No event processed at all: the modification time check before each use catches it.
        rewrite(QStringLiteral("items.js"), "module.exports = c => ({ version: 33 });", 10);
        {
            const QJsonObject expected = obj(R"({"version":33})");
            QCOMPARE(run(QStringLiteral("items")).entity, expected);
        }

        // Broken, then fixed, then removed.
        rewrite(QStringLiteral("items.js"), "module.exports = c => {", 20);
        QCOMPARE(run(QStringLiteral("items")).action, Action::Error);
        rewrite(QStringLiteral("items.js"), "module.exports = async c => ({ version: await 4 });", 30);
        {
            const QJsonObject expected = obj(R"({"version":4})");
            QCOMPARE(run(QStringLiteral("items")).entity, expected);
        }
        QVERIFY(QFile::remove(m_dir->filePath(QStringLiteral("items.js"))));
        QCOMPARE(run(QStringLiteral("items")).action, Action::Unchanged);
        QCOMPARE(m_host->check(QStringLiteral("items")), QString());
        write(QStringLiteral("items.js"), "module.exports = 5;");
        QCOMPARE(m_host->check(QStringLiteral("items")),
                 QStringLiteral("transformer items.js: module.exports is a number, expected a function"));
    }

    void sandbox()
    {
        write(QStringLiteral("items.js"), R"js(
var leaked = (function () { return this; })();
Promise = null; JSON = null; // read-only globals: ignored outside strict mode
module.exports = function (context) {
  return {
    require: typeof require, process: typeof process, XMLHttpRequest: typeof XMLHttpRequest, Qt: typeof Qt,
    console: typeof console, print: typeof print, gc: typeof gc, fetch: typeof fetch, setTimeout: typeof setTimeout,
    URL: typeof URL, qsTr: typeof qsTr, importScripts: typeof importScripts,
    globalKeys: Object.getOwnPropertyNames(leaked).filter(function (k) { return typeof leaked[k] === 'object' && k !== 'Math' && k !== 'JSON' && k !== 'Reflect' && k !== 'Atomics'; }),
    promiseKept: typeof Promise, jsonKept: typeof JSON, bridgeHidden: Object.keys(context.database).join(),
    frozenDb: Object.isFrozen(context.database) && Object.isFrozen(context.mqtt)
  };
};)js");
        write(QStringLiteral("strict.js"), "'use strict';\nmodule.exports = function () { JSON = null; return {}; };");
        const TransformResult r = run(QStringLiteral("items"));
        QCOMPARE(r.error, QString());
        {
            const QJsonObject expected =
                obj(R"({"require":"undefined","process":"undefined","XMLHttpRequest":"undefined","Qt":"undefined",
            "console":"undefined","print":"undefined","gc":"undefined","fetch":"undefined","setTimeout":"undefined",
            "URL":"undefined","qsTr":"undefined","importScripts":"undefined","globalKeys":[],"promiseKept":"function",
            "jsonKept":"object","bridgeHidden":"query","frozenDb":true})");
            QCOMPARE(r.entity, expected);
        }
        const TransformResult s = run(QStringLiteral("strict"));
        QCOMPARE(s.action, Action::Error);
        QCOMPARE(s.line, 2);
        QVERIFY2(s.error.contains(QLatin1String("TypeError")), qPrintable(s.error));
    }
};

QTEST_GUILESS_MAIN(TestTransformer)
#include "tst_transformer.moc"
