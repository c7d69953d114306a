#pragma once
// Runs the per-table JavaScript transformers of a transformerDirectory (see
// docs/ARCHITECTURE.md, "Transformers"). One QJSEngine, created, used and destroyed on the
// thread that owns the host (the engine's thread); transform() is synchronous.
//
// A file `<dir>/<camelCase(table)>.js` is CommonJS: it is evaluated inside
// `(function (module, exports) { … })` and must assign a function to module.exports.
// The function gets `context` { entity (a deep copy, null for a delete), source, target,
// database and mysql { query(sql, ...values) }, mqtt { publish(topic, message, {qos, retain}) },
// drop } and returns, or resolves to:
//   an object      -> the new entity (Action::Entity)
//   null           -> delete the row (Action::Delete), as the earlier engine did
//   context.drop   -> do not send / do not apply this change at all (Action::Drop)
//   anything else  -> Action::Error "transformer x.js returned <type>, expected an object,
//                     null or context.drop"
// A thrown error, a rejected Promise, a syntax error or a run past the time limit is an
// Action::Error whose message names the file, the line and the JavaScript message.
//
// Sandbox: each file runs in a QJSEngine of its own (made anew at each load), so one
// table's transformer cannot change another's globals or built-in prototypes. The engine
// has no Qt extensions; every global that is not an ECMAScript built-in is removed, every
// global binding is read-only, and the built-ins that allocate by a count are limited
// (TransformRuntime.h); a run that grows the process by more than the memory limit is
// interrupted (ScriptWatchdog). Either is an Action::Error for that change, not a crash. async/await
// is supported by AsyncTranspiler. A file is reloaded when QFileSystemWatcher reports a
// change and whenever its modification time or size differ from the loaded version
// (checked before each use, so a missed event cannot leave a stale transformer).
#include <QDateTime>
#include <QFileSystemWatcher>
#include <QHash>
#include <QJSValue>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>

#include <memory>

class QJSEngine;

namespace mysqlsync {

class AsyncTranspiler;
class ScriptWatchdog;
class TransformBridge;
class TransformDatabase;
class TransformPublisher;

struct TransformResult {
    enum class Action {
        Unchanged, // no transformer file for this table: use the entity as it is
        Entity,    // use `entity`
        Delete,    // the transformer returned null
        Drop,      // the transformer returned context.drop
        Error,     // `error` says why (file, line, JavaScript message)
    };
    Action action = Action::Unchanged;
    QJsonObject entity;
    QString error;
    int line = 0; // line in the transformer file the error refers to, 0 if unknown
};

class TransformerHost : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultTimeLimitMs = 2000;

    // database/publisher may be null (query/publish then reject); they must outlive the host.
    TransformerHost(const QString &directory, TransformDatabase *database, TransformPublisher *publisher,
                    QObject *parent = nullptr);
    ~TransformerHost() override;

    QString directory() const { return m_directory; }
    void setTimeLimit(int milliseconds); // per load and per transform call
    int timeLimit() const { return m_timeLimitMs; }

    QString filePath(const QString &table) const;
    bool hasTransformer(const QString &table) const;
    // Loads (or reloads) the table's transformer: empty when it is absent or loads cleanly,
    // else the error transform() would report. For start-up checks and a "try it" page.
    QString check(const QString &table);

    // entity: the row as a JSON object, or null for a delete.
    TransformResult transform(const QString &table, const QJsonValue &entity, const QString &source,
                              const QString &target);

Q_SIGNALS:
    // A file in the directory changed, appeared or went away (it is reloaded on next use).
    void transformersChanged();

private:
    struct Sandbox; // a file's own QJSEngine, watchdog and runtime
    struct Loaded {
        QDateTime modified;
        qint64 size = -1;
        bool stale = false;
        std::shared_ptr<Sandbox> sandbox; // declared before `function`, which must go first
        QJSValue function;
        QString error;
        int line = 0;
    };

    Loaded *ensureLoaded(const QString &path, bool *exists);
    void load(const QString &path, Loaded *into);
    QString describeError(const QString &fileName, int line, const QString &message) const;
    QString interruptedMessage(const QString &fileName, const QJSValue &error, bool memory, int *line) const;
    std::shared_ptr<Sandbox> makeSandbox();
    void markAllStale();

    QString m_directory;
    TransformDatabase *m_database = nullptr;
    int m_timeLimitMs = kDefaultTimeLimitMs;
    std::unique_ptr<TransformBridge> m_bridge;
    std::unique_ptr<AsyncTranspiler> m_transpiler;
    QHash<QString, Loaded> m_files;
    QFileSystemWatcher m_watcher;
    bool m_busy = false;
};

} // namespace mysqlsync
