#pragma once
// ConfigLoader's reader (internal to core/config): reads the keys of one JSON object with
// the type, range, default and requiredness ConfigSchema gives them, and records the first
// error as a ConfigError that names the key.
#include "config/Config.h"
#include "config/ConfigSchema.h"

#include <QDir>
#include <QJsonObject>
#include <QJsonValue>

#include <functional>
#include <initializer_list>

namespace mysqlsync::configreader {

// A short, JSON-like description of a value for "got ..." (secrets by type only).
QString describe(const QJsonValue &value, bool secret = false);

struct Context {
    QString file;      // the file name as given, first in every message
    QDir baseDir;      // relative paths are resolved against this
    ConfigError error; // the first error; empty while all is well
};

class Reader {
public:
    Reader(Context *context, QString path, QJsonObject object, bool present = true);

    bool failed() const { return !m_ctx->error.isEmpty(); }
    bool present() const { return m_present; }
    // Whether the object holds `key` (whatever its value).
    bool has(const char *key) const { return m_present && m_object.contains(QLatin1String(key)); }
    QString keyPath(const char *key) const;

    // Records the first error: "<file>: <key path>: <message>".
    void fail(const QString &keyPath, const QString &message);

    // Unknown keys (not in the schema under this object) are errors.
    void allowOnly();

    // The keys of the schema, read as their type says. Absent optional keys get the
    // schema's default.
    Reader object(const char *key);
    QList<Reader> objects(const char *key);
    void string(const char *key, QString *out);
    void integer(const char *key, int *out);
    void boolean(const char *key, bool *out);
    void path(const char *key, QString *out); // made absolute against the file's folder
    void file(const char *key, QString *out); // a readable file
    void stringList(const char *key, QStringList *out);
    // syncTables / receiveTables: table names, or objects that map a table (ConfigTables.cpp).
    // *names gets the local tables; *out the objects' mappings, keyed by local table.
    void sendTables(const char *key, QStringList *names, QHash<QString, SendMapping> *out);
    void receiveTables(const char *key, QStringList *names, QHash<QString, ReceiveMapping> *out);
    // Table -> conflict policy ("newest", "manual", {"policy": "priority", "sites": [...]}).
    void conflictPolicies(const char *key, QHash<QString, ConflictPolicy> *out);
    // A password or a reference; references leave `out` empty (the daemon resolves them).
    void secret(const char *key, QString *out, SecretRef *ref);
    // feed.listen: "host:port" (ConfigFeed.cpp).
    void listen(const char *key, QString *host, int *port);
    // feed.routing: table -> column | [columns] | "*" (ConfigFeed.cpp).
    void feedRouting(const char *key, QHash<QString, FeedRoute> *out);

private:
    struct Check {
        QString expected;
        std::function<bool(const QString &)> valid;
    };
    const ConfigKey &spec(const char *key) const;
    static Check checkFor(const ConfigKey &k);
    static Check elementCheck(const ConfigKey &k);
    void wrong(const QString &keyPath, const QString &expected, const QJsonValue &value, bool secret = false);
    void allowOnly(std::initializer_list<const char *> keys);
    QJsonValue take(const char *key, const QString &expected, bool required);
    // take() of a key whose value must be an object: false when it is absent or is not one
    // (then the error is recorded).
    bool takeObject(const char *key, QJsonObject *out);
    void rawString(const char *key, QString *out, bool required, const Check &check);
    void rawPath(const char *key, QString *out, bool required);
    // The elements of a syncTables/receiveTables array: names and objects (each object is
    // handed to `object`, which returns its local table or an empty string on failure).
    void tableEntries(const char *key, QStringList *names,
                      const std::function<QString(const QString &path, const QJsonObject &)> &object);
    // A JSON array of `key` without duplicates: `item` turns each element (at `path`) into its
    // string, or records the error and returns false.
    void uniqueList(const char *key, QStringList *out,
                    const std::function<bool(const QString &path, const QJsonValue &element, QString *s)> &item);
    // A string field of a mapping object: a table or column name.
    bool nameField(const QJsonObject &o, const QString &path, const char *field, bool required, QString *out);
    bool columnMap(const QJsonObject &o, const QString &path, const QString &landsOn, QMap<QString, QString> *out);
    bool onlyFields(const QJsonObject &o, const QString &path, const QStringList &fields);

    Context *m_ctx;
    QString m_path;
    QJsonObject m_object;
    bool m_present;
};

// The `feed` section (ConfigFeed.cpp), after the tables are read.
void readFeed(Reader &r, Config *c);
// The `http` section (ConfigFeed.cpp): the daemon's listener for /metrics and /healthz.
void readHttp(Reader &r, Config *c);

} // namespace mysqlsync::configreader
