#include "transform/AsyncTranspiler.h"

#include "transform/AcornSource.h"

#include <QJSEngine>
#include <QJSValue>
#include <QLoggingCategory>
#include <QMutex>

namespace mysqlsync {

namespace {

// Runs in the transpiler's own engine with acorn's exports as `acorn`. Returns
// { code, transformed } or throws a SyntaxError with transformLine set.
const char kTransformScript[] = R"js(
(function (acorn, RUNNER) {
  'use strict';

  function fail(node, message) {
    var e = new SyntaxError(message);
    e.transformLine = node && node.loc ? node.loc.start.line : 0;
    throw e;
  }

  // Index of the first token starting at or after pos (tokens are in source order).
  function lowerBound(tokens, pos) {
    var lo = 0, hi = tokens.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (tokens[mid].start < pos) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  return function transform(src) {
    var tokens = [];
    var ast;
    try {
      ast = acorn.parse(src, { ecmaVersion: 2022, sourceType: 'script', allowReturnOutsideFunction: true,
                               allowHashBang: true, preserveParens: true, locations: true, onToken: tokens });
    } catch (e) {
      if (!(e instanceof SyntaxError) || !e.loc)
        throw e; // not a verdict on the file: a failure of the parser itself
      var err = new SyntaxError(String(e.message).replace(/ \(\d+:\d+\)$/, ''));
      err.transformLine = e.loc.line;
      throw err;
    }

    // kind 0: closer (inserted; inner before outer), 1: opener (inserted; outer before
    // inner), 2: replacement of [pos, end).
    var edits = [];
    function edit(pos, end, text, kind, depth) {
      edits.push({ pos: pos, end: end, text: text, kind: kind, depth: depth, seq: edits.length });
    }

    var statementStarts = Object.create(null);
    var seen = new Set();

    function asyncToken(lo, hi) {
      for (var i = lowerBound(tokens, lo); i < tokens.length && tokens[i].start < hi; ++i) {
        var t = tokens[i];
        if (t.type.label === 'name' && t.value === 'async' && src.slice(t.start, t.end) === 'async')
          return t;
      }
      return null;
    }

    function rewriteFunction(node, parent, depth) {
      if (node.generator)
        fail(node, 'async generator functions are not supported in transformers');
      var isMethod = parent && (parent.type === 'Property' || parent.type === 'MethodDefinition') && parent.value === node;
      var lo = isMethod ? parent.start : node.start;
      var hi = isMethod ? parent.key.start : (node.params.length ? node.params[0].start : node.body.start);
      var tok = asyncToken(lo, hi);
      if (!tok)
        fail(node, 'cannot find the async keyword of this function');
      // An async arrow that begins an expression statement: dropping `async` would let a
      // parenthesised parameter list continue the previous line ("a\n(x) => …" is a call).
      var replacement = node.type === 'ArrowFunctionExpression' && statementStarts[tok.start] ? 'void 0,' : '';
      edit(tok.start, tok.end, replacement, 2, depth);
      var body = node.body;
      if (body.type === 'BlockStatement') {
        edit(body.start + 1, body.start + 1, 'return ' + RUNNER + '(function* () {', 1, depth);
        edit(body.end - 1, body.end - 1, '}.apply(this, arguments));', 0, depth);
      } else {
        edit(body.start, body.start, '{ return ' + RUNNER + '(function* () { return ', 1, depth);
        edit(body.end, body.end, '; }.apply(this, arguments)); }', 0, depth);
      }
    }

    function isNameOnly(node, parent) {
      if (!parent) return false;
      if (parent.type === 'MemberExpression') return parent.property === node && !parent.computed;
      if (parent.type === 'Property' || parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition')
        return parent.key === node && !parent.computed && !parent.shorthand;
      return false;
    }

    function walk(node, parent, depth, inAsync) {
      if (!node || typeof node.type !== 'string' || seen.has(node))
        return;
      seen.add(node);
      var type = node.type;
      var inner = inAsync;
      if (type === 'FunctionDeclaration' || type === 'FunctionExpression' || type === 'ArrowFunctionExpression') {
        if (node.async) {
          rewriteFunction(node, parent, depth);
          inner = true;
        } else if (type !== 'ArrowFunctionExpression') {
          inner = false; // a plain function has its own this/arguments/yield rules
        }
      } else if (type === 'ExpressionStatement') {
        statementStarts[node.start] = true;
      } else if (type === 'AwaitExpression') {
        if (src.slice(node.start, node.start + 5) !== 'await')
          fail(node, 'unexpected form of await');
        edit(node.start, node.start + 5, '(yield', 2, depth);
        edit(node.end, node.end, ')', 0, depth);
      } else if (type === 'ForOfStatement' && node.await) {
        fail(node, "'for await' is not supported in transformers");
      } else if (type === 'Identifier') {
        if (node.name === RUNNER)
          fail(node, RUNNER + ' is a reserved name in transformers');
        if (inAsync && node.name === 'yield' && !isNameOnly(node, parent))
          fail(node, "'yield' cannot be used as a name inside an async function in transformers");
      } else if (inAsync && type === 'Super') {
        fail(node, "'super' inside an async function is not supported in transformers");
      } else if (inAsync && type === 'MetaProperty') {
        fail(node, "'new.target' inside an async function is not supported in transformers");
      }
      for (var key in node) {
        if (key === 'loc' || key === 'type' || key === 'start' || key === 'end')
          continue;
        var value = node[key];
        if (Array.isArray(value)) {
          for (var i = 0; i < value.length; ++i)
            walk(value[i], node, depth + 1, inner);
        } else if (value && typeof value === 'object') {
          walk(value, node, depth + 1, inner);
        }
      }
    }
    walk(ast, null, 0, false);

    if (edits.length === 0)
      return { code: src, transformed: false };
    edits.sort(function (a, b) {
      if (a.pos !== b.pos) return a.pos - b.pos;
      if (a.kind !== b.kind) return a.kind - b.kind;
      if (a.kind === 0) return b.depth - a.depth || b.seq - a.seq;
      if (a.kind === 1) return a.depth - b.depth || a.seq - b.seq;
      return a.seq - b.seq;
    });
    var out = '';
    var cursor = 0;
    for (var j = 0; j < edits.length; ++j) {
      var e = edits[j];
      if (e.pos < cursor)
        fail(null, 'overlapping rewrite');
      out += src.slice(cursor, e.pos) + e.text;
      cursor = e.end;
    }
    out += src.slice(cursor);
    return { code: out, transformed: true };
  };
})
)js";

// Qt's bytecode compiler warns (qt.qml.compiler) about acorn's use of functions before
// their declaration; that is valid JavaScript, and the warnings would only confuse
// operators reading the daemon's log. Silenced while acorn is compiled, nothing else.
QMutex filterMutex;
QLoggingCategory::CategoryFilter previousFilter = nullptr;
void quietCompilerFilter(QLoggingCategory *category)
{
    if (previousFilter)
        previousFilter(category);
    if (qstrcmp(category->categoryName(), "qt.qml.compiler") == 0)
        category->setEnabled(QtWarningMsg, false);
}

} // namespace

struct AsyncTranspiler::Private {
    QJSValue transform;
    QString loadError;
};

AsyncTranspiler::AsyncTranspiler()
    : d(std::make_unique<Private>())
{ }

AsyncTranspiler::~AsyncTranspiler()
{
    d.reset(); // the QJSValue before its engine
    m_engine.reset();
}

bool AsyncTranspiler::ensureLoaded(QString *error)
{
    if (d->transform.isCallable())
        return true;
    if (!d->loadError.isEmpty()) {
        *error = d->loadError;
        return false;
    }
    m_engine = std::make_unique<QJSEngine>();
    // Qt 6.4's V4 compiles `return obj.key = f()` in strict code as a tail call that skips
    // the store (checked: `'use strict'; function s(o) { return o.k = g(); }` leaves o.k
    // undefined), and acorn does exactly that in parsePropertyName, so every object literal
    // failed to parse. V4 makes tail calls in strict functions only: acorn runs unchanged
    // except for its one 'use strict' directive (it is written to run either way).
    QString acornText = QString::fromUtf8(acornSource());
    const QString directive = QStringLiteral("(function (exports) { 'use strict';");
    if (acornText.count(directive) != 1) {
        d->loadError = QStringLiteral("cannot load the async/await transpiler: unexpected acorn build");
        *error = d->loadError;
        return false;
    }
    acornText.replace(directive, QStringLiteral("(function (exports) {"));
    const QString wrapped =
        QStringLiteral("(function () { var module = { exports: {} }; var exports = module.exports;\n") + acornText
        + QStringLiteral("\nreturn module.exports; })()");
    QJSValue acorn;
    {
        QMutexLocker lock(&filterMutex);
        previousFilter = QLoggingCategory::installFilter(quietCompilerFilter);
        acorn = m_engine->evaluate(wrapped, QStringLiteral("acorn.js"));
        QLoggingCategory::installFilter(previousFilter);
        previousFilter = nullptr;
    }
    QJSValue factory = acorn.isError()
        ? acorn
        : m_engine->evaluate(QString::fromUtf8(kTransformScript), QStringLiteral("async-transform.js"));
    QJSValue transform =
        factory.isError() ? factory : factory.call({acorn, QJSValue(QString::fromLatin1(kRunnerName))});
    if (transform.isError() || !transform.isCallable()) {
        d->loadError = QStringLiteral("cannot load the async/await transpiler: %1").arg(transform.toString());
        *error = d->loadError;
        return false;
    }
    d->transform = transform;
    return true;
}

AsyncTranspiler::Result AsyncTranspiler::transpile(const QString &source)
{
    Result r;
    r.code = source;
    // A file without the word cannot hold an async function (the keyword cannot be
    // written with escapes), so it goes to QJSEngine untouched.
    if (!source.contains(QLatin1String("async")))
        return r;
    QString error;
    if (!ensureLoaded(&error)) {
        r.ok = false;
        r.error = error;
        return r;
    }
    const QJSValue out = d->transform.call({QJSValue(source)});
    if (out.isError()) {
        r.ok = false;
        r.error = out.property(QStringLiteral("name")).toString() + QStringLiteral(": ")
            + out.property(QStringLiteral("message")).toString();
        r.line = out.property(QStringLiteral("transformLine")).toInt();
        return r;
    }
    r.transformed = out.property(QStringLiteral("transformed")).toBool();
    r.code = out.property(QStringLiteral("code")).toString();
    return r;
}

} // namespace mysqlsync
