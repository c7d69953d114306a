#pragma once
// The configuration file's keys in one table: name (as a JSON path), type, whether it is
// required, default, range, the form's label and a line of help. ConfigLoader validates by
// it (unknown keys, types, ranges, choices) and the desktop app's ConfigForm builds its
// fields from it, so a key added here is read, checked and edited alike.
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace mysqlsync {

struct ConfigKey {
    enum class Type {
        Object, // a section (mqttConfig, mysqlConfig, mysqlConfig.ssl)
        String,
        Integer, // min..max
        Boolean,
        Choice, // one of `choices`
        Path,   // made absolute against the file's folder
        File,   // a path to a readable file
        Secret, // a password or a reference ({"keychain"}, {"env"}, {"file"})
        ClientName,
        ClientNames,      // an array of client names
        Tables,           // an array of table names or mapping objects (syncTables, receiveTables)
        Columns,          // an array of "table.column" names
        Charset,          // UTF-8 character set or collation names
        Timezone,         // "local", "Z", "+HH:MM"
        UrlPath,          // starts with "/"
        Brokers,          // an array of {host, port, protocol}
        ConflictPolicies, // table -> "newest" | "manual" | {"policy": "priority", "sites": [...]}
        FeedRouting,      // table -> "column" | ["column", ...] | "*" (feed.routing)
        Listen,           // "host:port" (feed.listen)
    };
    // Where the desktop app edits it.
    enum class Group { None, Site, Database, Broker, Security };

    QString path; // "mqttConfig.port"; the keys of an array's objects: "mqttConfig.servers[].host"
    Type type = Type::String;
    bool required = false;
    bool nonEmpty = false;   // strings: "" is refused
    QJsonValue defaultValue; // Undefined: none
    int min = 0;
    int max = 0;
    QString unit; // "milliseconds", "seconds" (integers)
    QStringList choices;
    Group group = Group::None;
    const char *label = nullptr; // the form's label, translated in the context "mysqlsync::ui::ConfigForm"
    QString help;                // one line for a tooltip or --help

    // The last part of the path ("port").
    QString name() const;
    // What a valid value looks like, as error messages say it ("an integer from 1 to 65535").
    QString expected() const;
};

// A loader error: the key it concerns (a JSON path such as "mqttConfig.port" or
// "remoteClients[1]"; empty for errors of the whole file) and the message; `text` is the
// line shown to people: "<file>: <key>: <message>".
struct ConfigError {
    QString key;
    QString message;
    QString text;
    bool isEmpty() const { return text.isEmpty(); }
};

class ConfigSchema {
public:
    // Every key, sections before their keys, in the form's order.
    static const QList<ConfigKey> &keys();
    // The key at `path` (indices of arrays written "[]"), or nullptr.
    static const ConfigKey *find(const QString &path);
    // The names of the keys directly under `section` ("" for the top level).
    static QStringList childNames(const QString &section);
    // `path` with array indices removed ("remoteClients[1]" -> "remoteClients",
    // "mqttConfig.servers[0].host" -> "mqttConfig.servers[].host").
    static QString schemaPath(const QString &path);

    // The smallest configuration to start from (the first-run page, setup-broker's site
    // files, the connection tests): localhost broker and database, no tables, no remotes.
    static QJsonObject starterDocument(const QString &clientName, const QString &queueDirectory);
};

} // namespace mysqlsync
