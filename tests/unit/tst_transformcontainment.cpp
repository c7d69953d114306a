// TransformerHost containment (issue 11, item 9): one table's transformer cannot change
// another's globals or built-in prototypes (a QJSEngine per file), and allocation bombs are
// an Action::Error for that change, never a crash or an endless native call.
#include "transform/TransformServices.h"
#include "transform/TransformerHost.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync;
using Action = TransformResult::Action;

namespace {
class NullDatabase : public TransformDatabase {
public:
    int finishedCalls = 0;
    QList<QVariantMap> query(const QString &, const QVariantList &, QString *) override { return {}; }
    void finished() override { ++finishedCalls; }
};
} // namespace

class TestTransformContainment : public QObject {
    Q_OBJECT
    QTemporaryDir *m_dir = nullptr;
    NullDatabase *m_db = nullptr;
    TransformerHost *m_host = nullptr;

    void write(const QString &file, const QByteArray &content)
    {
        QFile f(m_dir->filePath(file));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(content), content.size());
    }
    TransformResult run(const QString &table)
    {
        return m_host->transform(table, QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}},
                                 QStringLiteral("site_a"), QStringLiteral("site_b"));
    }

private Q_SLOTS:
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        m_db = new NullDatabase;
        m_host = new TransformerHost(m_dir->path(), m_db, nullptr);
    }
    void cleanup()
    {
        delete m_host;
        delete m_db;
        delete m_dir;
    }

    // a.js changes what it can (prototypes, new globals, sloppy globals); b.js sees none of it.
    void filesDoNotShareGlobalsOrPrototypes()
    {
        write(QStringLiteral("a.js"), R"js(
Array.prototype.map = function () { return 'hacked'; };
Object.prototype.polluted = 'yes';
String.prototype.toUpperCase = function () { return 'hacked'; };
(function () { return this; })().shared = 42;
sloppy = 'leaked';
module.exports = function (context) {
  return { map: [1, 2].map(function (x) { return x * 2; }), shared: typeof shared, polluted: ({}).polluted };
};)js");
        write(QStringLiteral("b.js"), R"js(
module.exports = function (context) {
  return { map: [1, 2].map(function (x) { return x * 2; }).join(), shared: typeof shared, sloppy: typeof sloppy,
           polluted: String(({}).polluted), upper: 'a'.toUpperCase() };
};)js");
        const TransformResult a = run(QStringLiteral("a"));
        QCOMPARE(a.error, QString());
        QCOMPARE(a.entity.value(QStringLiteral("map")).toString(),
                 QStringLiteral("hacked")); // its own world is changed
        const TransformResult b = run(QStringLiteral("b"));
        QCOMPARE(b.error, QString());
        const QJsonObject expected{{QStringLiteral("map"), QStringLiteral("2,4")},
                                   {QStringLiteral("shared"), QStringLiteral("undefined")},
                                   {QStringLiteral("sloppy"), QStringLiteral("undefined")},
                                   {QStringLiteral("polluted"), QStringLiteral("undefined")},
                                   {QStringLiteral("upper"), QStringLiteral("A")}};
        QCOMPARE(b.entity, expected);
        QVERIFY(m_db->finishedCalls >= 2);
    }

    // A reload starts from a clean engine too.
    void reloadStartsClean()
    {
        write(QStringLiteral("a.js"),
              "Array.prototype.join = function () { return 'hacked'; };\n"
              "module.exports = function () { return { v: [1, 2].join() }; };");
        QCOMPARE(run(QStringLiteral("a")).entity.value(QStringLiteral("v")).toString(), QStringLiteral("hacked"));
        write(QStringLiteral("a.js"), "module.exports = function () { return { v: [1, 2].join(), again: 1 }; };");
        QFile f(m_dir->filePath(QStringLiteral("a.js")));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(5), QFileDevice::FileModificationTime));
        f.close();
        QCOMPARE(run(QStringLiteral("a")).entity.value(QStringLiteral("v")).toString(), QStringLiteral("1,2"));
    }

    void allocationBombs_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("repeat 1e9") << QByteArray("return { v: 'x'.repeat(1e9) };") << "repeat: a string of 1000000000";
        QTest::newRow("padStart 1e9") << QByteArray("return { v: 'x'.padStart(1e9) };") << "pad: a string";
        QTest::newRow("padEnd 1e9") << QByteArray("return { v: ''.padEnd(2e9, 'ab') };") << "pad: a string";
        QTest::newRow("fill 1e9") << QByteArray("var a = []; a.length = 1e9; a.fill(0); return {};") << "fill: a range";
        QTest::newRow("new Array fill") << QByteArray("return { n: new Array(2e8).fill(1).length };")
                                        << "fill: a range";
        QTest::newRow("Array.from") << QByteArray("return { n: Array.from({ length: 1e9 }).length };")
                                    << "Array.from: a length";
        QTest::newRow("join") << QByteArray("return { v: new Array(1e6).join('x'.repeat(1000)) };") << "join: a string";
        QTest::newRow("Uint8Array") << QByteArray("return { n: new Uint8Array(3e9).length };") << "Uint8Array: a size";
        QTest::newRow("Float64Array") << QByteArray("return { n: new Float64Array(1e9).length };")
                                      << "Float64Array: a size";
        QTest::newRow("ArrayBuffer") << QByteArray("return { n: new ArrayBuffer(1e10).byteLength };")
                                     << "ArrayBuffer: a size";
        QTest::newRow("huge result") << QByteArray("var s = 'x'.repeat(1 << 24); return { a: s, b: s };")
                                     << "the returned entity: a size in characters";
        QTest::newRow("doubling") << QByteArray(
            "var s = 'x'; for (var i = 0; i < 40; ++i) s += s; return { n: s.length };")
                                  << "and was interrupted"; // by the time limit or the memory limit
        QTest::newRow("many strings")
            << QByteArray("var a = []; for (;;) a.push('y'.repeat(1 << 20) + a.length);")
            << "and was interrupted"; // the memory limit, or the time limit on a loaded machine
        QTest::newRow("huge error") << QByteArray("var s = 'x'.repeat(1 << 24); throw new Error(s);")
                                    << "uncaught error with a message of 16777216 characters";
    }

    void allocationBombs()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        write(QStringLiteral("bomb.js"), "module.exports = function (context) { " + body + " };");
        write(QStringLiteral("fine.js"),
              "module.exports = function (context) { return { ok: [1, 2, 3].map(String).join('') }; };");
        QElapsedTimer timer;
        timer.start();
        const TransformResult r = run(QStringLiteral("bomb"));
        QCOMPARE(r.action, Action::Error);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
        // Both transformers go on working.
        QCOMPARE(run(QStringLiteral("fine")).entity.value(QStringLiteral("ok")).toString(), QStringLiteral("123"));
        write(QStringLiteral("bomb.js"),
              "module.exports = function (context) { return { v: 'ab'.repeat(3).padEnd(8, '-'), "
              "a: new Uint8Array(4).length, f: [0, 0].fill(7).join() }; };");
        QFile f(m_dir->filePath(QStringLiteral("bomb.js")));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(5), QFileDevice::FileModificationTime));
        f.close();
        const TransformResult after = run(QStringLiteral("bomb"));
        QCOMPARE(after.error, QString());
        const QJsonObject ok{{QStringLiteral("v"), QStringLiteral("ababab--")},
                             {QStringLiteral("a"), 4},
                             {QStringLiteral("f"), QStringLiteral("7,7")}};
        QCOMPARE(after.entity, ok);
    }
};

QTEST_GUILESS_MAIN(TestTransformContainment)
#include "tst_transformcontainment.moc"
