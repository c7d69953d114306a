#include "transform/TransformerHost.h"

#include "transform/AsyncTranspiler.h"
#include "transform/ScriptWatchdog.h"
#include "transform/TransformBridge.h"
#include "transform/TransformRuntime.h"
#include "transform/TransformServices.h"
#include "transform/TransformerName.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJSEngine>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcTransform)
Q_LOGGING_CATEGORY(lcTransform, "sync.transform", QtInfoMsg)

namespace mysqlsync {

namespace {

// The innermost line of `error` in `fileName` from a V4 stack ("fn@file:///dir/x.js:12").
int lineFromStack(const QJSValue &error, const QString &fileName)
{
    const QStringList frames = error.property(QStringLiteral("stack")).toString().split(QLatin1Char('\n'));
    for (const QString &frame : frames) {
        const int colon = frame.lastIndexOf(QLatin1Char(':'));
        if (colon < 0)
            continue;
        const QString location = frame.left(colon);
        if (location.endsWith(QLatin1Char('/') + fileName) || location.endsWith(QLatin1Char(':') + fileName))
            return frame.mid(colon + 1).toInt();
    }
    return 0;
}

// Qt 6.4's V4 JIT crashed (SIGSEGV inside libQt6Qml, called from JIT-compiled code, about one
// run in forty) when the time limit interrupted an endless promise chain; the interpreter did
// not in 150 runs. A transformer is small and short: it runs in the interpreter. V4 reads the
// switch when an engine is made, so it is set before this host's engine exists.
std::unique_ptr<QJSEngine> makeInterpretingEngine()
{
    if (!qEnvironmentVariableIsSet("QV4_FORCE_INTERPRETER"))
        qputenv("QV4_FORCE_INTERPRETER", "1");
    return std::make_unique<QJSEngine>();
}
} // namespace

struct TransformerHost::Sandbox {
    std::unique_ptr<QJSEngine> engine;
    std::unique_ptr<ScriptWatchdog> watchdog;
    QJSValue runtime;
    QString error;
    ~Sandbox()
    {
        runtime = QJSValue(); // values before their engine
        watchdog.reset();
        engine.reset();
    }
};

TransformerHost::TransformerHost(const QString &directory, TransformDatabase *database, TransformPublisher *publisher,
                                 QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_database(database)
    , m_bridge(std::make_unique<TransformBridge>(database, publisher))
    , m_transpiler(std::make_unique<AsyncTranspiler>())
{
    QJSEngine::setObjectOwnership(m_bridge.get(), QJSEngine::CppOwnership);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        auto it = m_files.find(path);
        if (it != m_files.end())
            it->stale = true;
        // Editors that save by replacing the file end the watch on the old one.
        if (QFileInfo::exists(path) && !m_watcher.files().contains(path))
            m_watcher.addPath(path);
        qCDebug(lcTransform).noquote() << "transformer changed:" << path;
        Q_EMIT transformersChanged();
    });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this](const QString &) {
        markAllStale();
        Q_EMIT transformersChanged();
    });
    if (!m_directory.isEmpty() && QFileInfo(m_directory).isDir())
        m_watcher.addPath(m_directory);
}

TransformerHost::~TransformerHost()
{
    m_files.clear();
}

std::shared_ptr<TransformerHost::Sandbox> TransformerHost::makeSandbox()
{
    auto sandbox = std::make_shared<Sandbox>();
    sandbox->engine = makeInterpretingEngine();
    sandbox->watchdog = std::make_unique<ScriptWatchdog>(sandbox->engine.get());
    // No installExtensions(): no console, no Qt object, no translation functions.
    const QJSValue factory =
        sandbox->engine->evaluate(transformRuntimeSource(), QStringLiteral("mysql-sync-transform-runtime.js"));
    const QJSValue runtime = factory.isError()
        ? factory
        : factory.call({sandbox->engine->globalObject(), sandbox->engine->newQObject(m_bridge.get())});
    if (runtime.isError() || !runtime.isObject()) {
        sandbox->error = QStringLiteral("cannot set up the transformer sandbox: %1").arg(runtime.toString());
        qCCritical(lcTransform).noquote() << sandbox->error;
    } else {
        sandbox->runtime = runtime;
    }
    return sandbox;
}

void TransformerHost::setTimeLimit(int milliseconds)
{
    m_timeLimitMs = qMax(1, milliseconds);
}

QString TransformerHost::filePath(const QString &table) const
{
    return QDir(m_directory).filePath(transformerFileName(table));
}

bool TransformerHost::hasTransformer(const QString &table) const
{
    return !m_directory.isEmpty() && QFileInfo(filePath(table)).isFile();
}

void TransformerHost::markAllStale()
{
    for (Loaded &l : m_files)
        l.stale = true;
}

QString TransformerHost::describeError(const QString &fileName, int line, const QString &message) const
{
    if (line > 0)
        return QStringLiteral("transformer %1 line %2: %3").arg(fileName).arg(line).arg(message);
    return QStringLiteral("transformer %1: %2").arg(fileName, message);
}

QString TransformerHost::interruptedMessage(const QString &fileName, const QJSValue &error, bool memory,
                                            int *line) const
{
    *line = lineFromStack(error, fileName);
    if (*line == 0)
        *line = error.property(QStringLiteral("lineNumber")).toInt();
    if (memory)
        return describeError(fileName, *line,
                             QStringLiteral("used more than %1 MiB of memory and was interrupted")
                                 .arg(ScriptWatchdog::kMemoryLimitBytes >> 20));
    return describeError(fileName, *line,
                         QStringLiteral("timed out after %1 ms (the transformTimeout limit) and was interrupted")
                             .arg(m_timeLimitMs));
}

TransformerHost::Loaded *TransformerHost::ensureLoaded(const QString &path, bool *exists)
{
    const QFileInfo info(path);
    *exists = info.isFile();
    if (!*exists) {
        if (m_files.remove(path))
            m_watcher.removePath(path);
        return nullptr;
    }
    auto it = m_files.find(path);
    if (it != m_files.end() && !it->stale && it->modified == info.lastModified() && it->size == info.size())
        return &*it;
    if (it == m_files.end())
        it = m_files.insert(path, Loaded());
    // Stamp before reading: a write that lands while we read leaves a newer stamp behind.
    it->modified = info.lastModified();
    it->size = info.size();
    it->stale = false;
    load(path, &*it);
    if (!m_watcher.files().contains(path))
        m_watcher.addPath(path);
    return &*it;
}

void TransformerHost::load(const QString &path, Loaded *into)
{
    const QString fileName = QFileInfo(path).fileName();
    into->function = QJSValue();
    into->error.clear();
    into->line = 0;
    // A fresh engine at every load: nothing an earlier version of the file (or another
    // file) did to globals or prototypes is seen.
    into->sandbox = makeSandbox();
    Sandbox &box = *into->sandbox;
    if (!box.error.isEmpty()) {
        into->error = box.error;
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        into->error = describeError(fileName, 0, QStringLiteral("cannot read: %1").arg(file.errorString()));
        return;
    }
    const QString source = QString::fromUtf8(file.readAll());
    const AsyncTranspiler::Result code = m_transpiler->transpile(source);
    if (!code.ok) {
        into->line = code.line;
        into->error = describeError(fileName, code.line, code.error);
        qCWarning(lcTransform).noquote() << into->error;
        return;
    }
    // The wrapper opens on the file's first line, so line numbers stay the file's own.
    QString wrapped = QStringLiteral("(function (module, exports");
    if (code.transformed)
        wrapped += QStringLiteral(", ") + QLatin1String(AsyncTranspiler::kRunnerName);
    wrapped += QStringLiteral(") {") + code.code + QStringLiteral("\n})");

    box.watchdog->arm(m_timeLimitMs);
    QJSValue loaded;
    bool outOfMemory = false;
    try {
        const QJSValue wrapper = box.engine->evaluate(wrapped, path, 1);
        loaded = wrapper.isError() ? wrapper
                                   : box.runtime.property(QStringLiteral("load")).call({wrapper, QJSValue(fileName)});
    } catch (const std::bad_alloc &) {
        outOfMemory = true;
    }
    const ScriptWatchdog::Stop stop = box.watchdog->disarm();
    if (outOfMemory) {
        into->error = describeError(fileName, 0, QStringLiteral("ran out of memory"));
        into->sandbox.reset();
    } else if (stop != ScriptWatchdog::Stop::None) {
        into->error = interruptedMessage(fileName, loaded, stop == ScriptWatchdog::Stop::Memory, &into->line);
    } else if (loaded.isError()) {
        // A syntax error from QJSEngine itself (the file had no async functions, or uses
        // syntax this engine lacks: ?. and object spread, for example).
        into->line = loaded.property(QStringLiteral("lineNumber")).toInt();
        into->error = describeError(fileName, into->line, loaded.toString());
    } else if (!loaded.property(QStringLiteral("ok")).toBool()) {
        into->line = loaded.property(QStringLiteral("line")).toInt();
        into->error = describeError(fileName, into->line, loaded.property(QStringLiteral("message")).toString());
    } else {
        into->function = loaded.property(QStringLiteral("fn"));
        qCInfo(lcTransform).noquote() << "loaded transformer" << path
                                      << (code.transformed ? "(async/await rewritten)" : "");
        return;
    }
    qCWarning(lcTransform).noquote() << into->error;
}

QString TransformerHost::check(const QString &table)
{
    bool exists = false;
    const Loaded *l = ensureLoaded(filePath(table), &exists);
    return l ? l->error : QString();
}

TransformResult TransformerHost::transform(const QString &table, const QJsonValue &entity, const QString &source,
                                           const QString &target)
{
    TransformResult result;
    if (entity.isObject())
        result.entity = entity.toObject();
    if (m_directory.isEmpty())
        return result;
    const QString path = filePath(table);
    const QString fileName = QFileInfo(path).fileName();
    if (m_busy) {
        result.action = TransformResult::Action::Error;
        result.error = describeError(fileName, 0, QStringLiteral("called while another transformer runs"));
        return result;
    }
    bool exists = false;
    Loaded *loaded = ensureLoaded(path, &exists);
    if (!loaded)
        return result; // no transformer for this table
    result.entity = QJsonObject();
    if (!loaded->error.isEmpty()) {
        result.action = TransformResult::Action::Error;
        result.error = loaded->error;
        result.line = loaded->line;
        return result;
    }

    const QJSValue entityJson = entity.isObject()
        ? QJSValue(QString::fromUtf8(QJsonDocument(entity.toObject()).toJson(QJsonDocument::Compact)))
        : QJSValue(QJSValue::NullValue);
    m_busy = true;
    Sandbox &box = *loaded->sandbox;
    box.watchdog->arm(m_timeLimitMs);
    QJSValue out;
    bool outOfMemory = false;
    try {
        out = box.runtime.property(QStringLiteral("invoke"))
                  .call({loaded->function, QJSValue(fileName), entityJson, QJSValue(source), QJSValue(target)});
    } catch (const std::bad_alloc &) {
        outOfMemory = true;
    }
    const ScriptWatchdog::Stop stop = box.watchdog->disarm();
    m_busy = false;
    if (m_database)
        m_database->finished();

    result.action = TransformResult::Action::Error;
    if (outOfMemory) {
        // The engine may be left in any state: the file is loaded into a new one next time.
        result.error = describeError(fileName, 0, QStringLiteral("ran out of memory"));
        loaded->function = QJSValue();
        loaded->stale = true;
    } else if (stop != ScriptWatchdog::Stop::None) {
        result.error = interruptedMessage(fileName, out, stop == ScriptWatchdog::Stop::Memory, &result.line);
    } else if (out.isError()) {
        result.line = lineFromStack(out, fileName);
        result.error = describeError(fileName, result.line, out.toString());
    } else if (out.hasProperty(QStringLiteral("returned"))) {
        result.error = QStringLiteral("transformer %1 returned %2, expected an object, null or context.drop")
                           .arg(fileName, out.property(QStringLiteral("returned")).toString());
    } else if (!out.property(QStringLiteral("ok")).toBool()) {
        result.line = out.property(QStringLiteral("line")).toInt();
        result.error = describeError(fileName, result.line, out.property(QStringLiteral("message")).toString());
    } else {
        const QString action = out.property(QStringLiteral("action")).toString();
        if (action == QLatin1String("drop")) {
            result.action = TransformResult::Action::Drop;
        } else if (action == QLatin1String("delete")) {
            result.action = TransformResult::Action::Delete;
        } else {
            QJsonParseError parseError;
            const QJsonDocument doc =
                QJsonDocument::fromJson(out.property(QStringLiteral("json")).toString().toUtf8(), &parseError);
            if (doc.isObject()) {
                result.action = TransformResult::Action::Entity;
                result.entity = doc.object();
            } else {
                result.error = describeError(fileName, 0,
                                             QStringLiteral("returned an entity that is not JSON: %1")
                                                 .arg(parseError.errorString()));
            }
        }
    }
    if (result.action == TransformResult::Action::Error)
        qCDebug(lcTransform).noquote() << result.error;
    return result;
}

} // namespace mysqlsync
