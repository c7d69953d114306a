// tst_transformer: async/await (the seed's productItems.js byte for byte), Promise results,
// null/drop, errors with line numbers, the time limit, reloading, and what a transformer can NOT
// reach. The test class and the fakes are in tst_transformer.h.
#include "tst_transformer.h"

#include <QElapsedTimer>
#include <QSignalSpy>

void TestTransformer::asyncForms()
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

void TestTransformer::asyncSyntaxErrorsHaveLines()
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

void TestTransformer::promiseResults()
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

void TestTransformer::nullDeletesAndDropDrops()
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

void TestTransformer::badReturnValues_data()
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
void TestTransformer::badReturnValues()
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

void TestTransformer::thrownErrorsCarryLines()
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

void TestTransformer::syntaxErrors()
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

void TestTransformer::timeLimit_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::newRow("loop in the function") << QByteArray("module.exports = function () {\n  for (;;) {}\n};");
    QTest::newRow("loop while loading") << QByteArray(
        "let i = 0;\nwhile (true) { i++; }\nmodule.exports = c => c.entity;");
    QTest::newRow("endless promise chain") << QByteArray(
        "module.exports = function () {\n  const next = () => Promise.resolve().then(next);\n  return next();\n};");
    QTest::newRow("loop after await") << QByteArray(
        "module.exports = async function () {\n  await 1;\n  while (true) {}\n};");
    QTest::newRow("catch cannot swallow it")
        << QByteArray("module.exports = function () {\n  for (;;) { try { for (;;) {} } catch (e) {} }\n};");
}
void TestTransformer::timeLimit()
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

void TestTransformer::defaultTimeLimit()
{
    QCOMPARE(m_host->timeLimit(), 2000);
}

void TestTransformer::reloadsChangedFiles()
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

void TestTransformer::sandbox()
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
