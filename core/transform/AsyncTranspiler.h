#pragma once
// async/await for Qt 6.4's QJSEngine, which parses generators but not async functions.
//
// Why a parser and not a hand-made tokenizer or a full transpiler: the rewrite is only
// sound if it knows exactly where every async function, its body and every `await`
// expression start and end, which needs a real ECMAScript parser (strings, template
// literals, comments, regular expressions, ASI, arrow bodies). acorn (MIT, no
// dependencies, the parser under webpack, rollup and ESLint) gives exact source ranges in
// 240 KB and parses itself in QJSEngine in about 70 ms; @babel/standalone would bring ~3 MB
// and regenerator a parser/printer stack, for a rewrite that needs a dozen splices. acorn
// runs in a QJSEngine of its own (never the one user code runs in) and only for files that
// contain the word `async` at all; a file without it cannot hold an async function.
//
// The rewrite (every inserted text is on the line it replaces, so line numbers of errors
// stay those of the file):
//   async function f(a) { BODY }   ->  function f(a) { return H(function* () { BODY }.apply(this, arguments)); }
//   async (a) => { BODY }          ->  (a) => { return H(function* () { BODY }.apply(this, arguments)); }
//   async a => EXPR                ->  a => { return H(function* () { return EXPR; }.apply(this, arguments)); }
//   async m() { BODY } (methods)   ->  m() { return H(...) }
//   await EXPR                     ->  (yield EXPR)
// where H is the runner passed to the module wrapper (TransformRuntime: each yielded value
// is resolved as a Promise and fed back; a rejection is thrown in at the `yield`). `this`
// and `arguments` keep their meaning through apply(). Rejected with a clear message rather
// than mis-translated: async generators, `for await`, `super`/`new.target` inside async
// functions, and `yield` used as a name inside them.
#include <QString>

#include <memory>

class QJSEngine;

namespace mysqlsync {

class AsyncTranspiler {
public:
    static constexpr const char *kRunnerName = "__mysqlSyncAsync";

    struct Result {
        bool ok = true;
        bool transformed = false; // code differs from the input (the wrapper must pass the runner)
        QString code;
        QString error; // "SyntaxError: Unexpected token" and the like
        int line = 0;  // 1-based line of the error in the input, 0 if unknown
    };

    AsyncTranspiler();
    ~AsyncTranspiler();
    AsyncTranspiler(const AsyncTranspiler &) = delete;
    AsyncTranspiler &operator=(const AsyncTranspiler &) = delete;

    // Not thread-safe; use from one thread.
    Result transpile(const QString &source);

private:
    bool ensureLoaded(QString *error);

    std::unique_ptr<QJSEngine> m_engine;
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mysqlsync
