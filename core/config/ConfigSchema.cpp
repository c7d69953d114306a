#include "config/ConfigSchema.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <climits>

namespace mysqlsync {

namespace {

using Type = ConfigKey::Type;
using Group = ConfigKey::Group;

const QStringList kMqttProtocols{QStringLiteral("mqtt"), QStringLiteral("tcp"), QStringLiteral("mqtts"),
                                 QStringLiteral("ssl"),  QStringLiteral("ws"),  QStringLiteral("wss"),
                                 QStringLiteral("wx"),   QStringLiteral("wxs")};
const QStringList kLoggingLevels{QStringLiteral("error"), QStringLiteral("warn"), QStringLiteral("info"),
                                 QStringLiteral("debug"), QStringLiteral("trace")};

ConfigKey key(const char *path, Type type, Group group, const char *label, const char *help)
{
    ConfigKey k;
    k.path = QLatin1String(path);
    k.type = type;
    k.group = group;
    k.label = label;
    k.help = QLatin1String(help);
    return k;
}

ConfigKey required(ConfigKey k)
{
    k.required = true;
    return k;
}

ConfigKey nonEmpty(ConfigKey k)
{
    k.nonEmpty = true;
    return k;
}

ConfigKey withDefault(ConfigKey k, const QJsonValue &value)
{
    k.defaultValue = value;
    return k;
}

ConfigKey integer(const char *path, Group group, int def, int min, int max, const char *unit, const char *label,
                  const char *help)
{
    ConfigKey k = key(path, Type::Integer, group, label, help);
    k.defaultValue = def;
    k.min = min;
    k.max = max;
    if (unit)
        k.unit = QLatin1String(unit);
    return k;
}

ConfigKey choice(const char *path, Group group, const QString &def, const QStringList &choices, const char *label,
                 const char *help)
{
    ConfigKey k = key(path, Type::Choice, group, label, help);
    if (!def.isEmpty())
        k.defaultValue = def;
    k.choices = choices;
    return k;
}

QList<ConfigKey> makeKeys()
{
    const QString localhost = QStringLiteral("localhost");
    return {
        // The site.
        required(key("clientName", Type::ClientName, Group::Site,
                     QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Client name"),
                     "This site's name on the broker's topics; unique among the sites.")),
        required(key("remoteClients", Type::ClientNames, Group::Site,
                     QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Remote clients"),
                     "The other sites this one sends to and hears from.")),
        required(key("syncTables", Type::Tables, Group::Site,
                     QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Sync tables"),
                     "Tables whose changes this site sends.")),
        required(key("receiveTables", Type::Tables, Group::Site,
                     QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Receive tables"),
                     "Tables this site accepts changes of.")),
        key("filters", Type::Columns, Group::Site, QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Filtered columns"),
            "Columns that never leave this site, as table.column (e.g. users.password)."),
        required(key("queueDirectory", Type::Path, Group::Site,
                     QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Queue directory"),
                     "Folder of the outbox (changes owed to remotes), relative to this file.")),
        required(integer("checkInterval", Group::Site, 1000, 10, 86400000, "milliseconds",
                         QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Check interval (ms)"),
                         "How often presence is checked; heartbeats promise twice this plus 3 s.")),
        choice("loggingLevel", Group::Site, QStringLiteral("info"), kLoggingLevels,
               QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Logging level"), "The least severe message logged."),
        withDefault(key("transformerDirectory", Type::Path, Group::Site,
                        QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Transformer directory"),
                        "Folder of per-table JavaScript transformers; empty: none."),
                    QString()),
        integer("captureInterval", Group::Site, 10, 1, 1000, "milliseconds",
                QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Capture interval (ms)"),
                "How often an idle engine looks at table_changes."),
        integer("batchSize", Group::Site, 1000, 1, 100000, nullptr,
                QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Batch size"), "table_changes rows read per capture."),
        integer("resendTimeout", Group::Site, 30000, 100, 86400000, "milliseconds",
                QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Resend timeout (ms)"),
                "An unacknowledged change is sent again after this."),
        integer("sendWindow", Group::Site, 500, 1, 100000, nullptr,
                QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Send window"),
                "Changes a remote may have unacknowledged at most; the rest wait."),
        integer("transformTimeout", Group::Site, 2000, 10, 600000, "milliseconds",
                QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Transformer time limit (ms)"),
                "A transformer that runs longer is interrupted."),
        withDefault(key("initialLoad", Type::Boolean, Group::Site,
                        QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Initial load"),
                        "Send the rows a sync table already holds to each remote that never had them; off: only on "
                        "request (mysql-sync load)."),
                    true),
        integer("verifyInterval", Group::Site, 0, 0, 2147483647, "milliseconds",
                QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Background verification (ms)"),
                "How often each sync table is compared with each remote in the background; 0: never, "
                "else at least 60000."),

        // The extension channel between engines of this product (docs/protocol.md).
        key("extensions", Type::Object, Group::None, nullptr,
            "The fast path between engines of this product; absent: on, with the defaults."),
        withDefault(key("extensions.enabled", Type::Boolean, Group::Site,
                        QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Fast path"),
                        "Announce the extension channel and send batches to remotes that announce it too."),
                    true),
        integer("extensions.batchRows", Group::Site, 1000, 1, 10000, nullptr,
                QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Rows per batch"),
                "The most changes one batch message carries."),
        integer("extensions.batchBytes", Group::Site, 1048576, 1024, 8388608, "bytes",
                QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Bytes per batch"),
                "About the most JSON one batch message carries (a bigger row travels alone)."),
        withDefault(key("extensions.compress", Type::Boolean, Group::Site,
                        QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Compress batches"),
                        "Compress batches with zlib for remotes that announce it, where that makes them smaller."),
                    true),
        key("conflicts", Type::ConflictPolicies, Group::Site,
            QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Conflict policies"),
            "Per bidirectional table: how two changes of one row made without seeing each other are "
            "settled (newest, priority, manual); a table not listed: newest."),

        // The daemon's operations endpoints (docs/protocol.md, "Metrics and health"); file only.
        key("http", Type::Object, Group::None, nullptr,
            "The daemon's HTTP listener for GET /metrics (Prometheus) and GET /healthz; absent: none."),
        required(key("http.listen", Type::Listen, Group::None, nullptr,
                     "Where /metrics and /healthz are served, as host:port (e.g. 127.0.0.1:9108).")),
        // The live feed (docs/protocol.md, "Live feed"); edited in the file only.
        key("feed", Type::Object, Group::None, nullptr,
            "The live feed: WebSocket push of row changes to apps, HTTP /ping and /publish; absent: none."),
        withDefault(key("feed.listen", Type::Listen, Group::None, nullptr,
                        "Where the feed listens (WebSocket and HTTP on one port), as host:port."),
                    QStringLiteral("127.0.0.1:8765")),
        key("feed.tls", Type::Object, Group::None, nullptr, "TLS for the feed (wss://, https://); absent: none."),
        required(key("feed.tls.cert", Type::File, Group::None, nullptr, "The feed's certificate (PEM).")),
        required(key("feed.tls.key", Type::File, Group::None, nullptr, "The feed certificate's private key (PEM).")),
        required(key("feed.tokens", Type::Object, Group::None, nullptr,
                     "How the clients' tokens are checked: looked up in a table (table, tokenColumn, userColumn), or "
                     "signed (jwtKey).")),
        // Either the three lookup keys or jwtKey (the loader checks that).
        nonEmpty(
            key("feed.tokens.table", Type::String, Group::None, nullptr, "The table that holds the clients' tokens.")),
        nonEmpty(key("feed.tokens.tokenColumn", Type::String, Group::None, nullptr, "The column of the token.")),
        nonEmpty(key("feed.tokens.userColumn", Type::String, Group::None, nullptr,
                     "The column of the user id the token stands for.")),
        key("feed.tokens.jwtKey", Type::Secret, Group::None, nullptr,
            "Instead of a table: tokens are JWTs signed with HMAC-SHA256 (HS256) by this shared key (at least 32 "
            "bytes), given as is or as a reference: keychain, environment variable or file."),
        withDefault(nonEmpty(key("feed.tokens.userClaim", Type::String, Group::None, nullptr,
                                 "With jwtKey: the claim that holds the user id.")),
                    QStringLiteral("sub")),
        key("feed.routing", Type::FeedRouting, Group::None, nullptr,
            "Per table: the column(s) holding the user id a row belongs to, or \"*\" for every client; a table not "
            "listed reaches no client."),
        key("feed.filters", Type::Columns, Group::None, nullptr,
            "Columns the feed never pushes, as table.column (e.g. users.password)."),
        key("feed.publishToken", Type::Secret, Group::None, nullptr,
            "The securityToken of POST /publish, or a reference: keychain, environment variable or file; absent: "
            "/publish refused."),
        integer("feed.clientQueue", Group::None, 1000, 1, 1000000, nullptr, nullptr,
                "Messages a client may have waiting; one that falls further behind is told and dropped."),
        integer("feed.cacheRows", Group::None, 100000, 0, 100000000, nullptr, nullptr,
                "Per routed table: rows whose owners the feed remembers (to tell an owner a row left them)."),
        withDefault(key("feed.publishStream", Type::Boolean, Group::None, nullptr,
                        "Also publish each routed change on the broker (/mysql-sync/<clientName>/feed) for "
                        "standalone feed servers (mysql-sync feed)."),
                    false),

        // The database.
        // Exactly one of mysqlConfig and postgresConfig (the loader checks that).
        key("mysqlConfig", Type::Object, Group::None, nullptr,
            "The MySQL/MariaDB database; give this or postgresConfig."),
        withDefault(nonEmpty(key("mysqlConfig.host", Type::String, Group::Database,
                                 QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Host"),
                                 "The database server's host name or address.")),
                    localhost),
        integer("mysqlConfig.port", Group::Database, 3306, 1, 65535, nullptr,
                QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Port"), "The database server's port."),
        withDefault(key("mysqlConfig.user", Type::String, Group::Database,
                        QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "User"), "The database user."),
                    QString()),
        required(nonEmpty(key("mysqlConfig.database", Type::String, Group::Database,
                              QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Database"),
                              "The database (schema) that holds the tables."))),
        withDefault(key("mysqlConfig.socketPath", Type::Path, Group::Database,
                        QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Socket path"),
                        "A Unix socket to connect through instead of host and port; empty: TCP."),
                    QString()),
        withDefault(key("mysqlConfig.charset", Type::Charset, Group::Database,
                        QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Character set"),
                        "UTF-8 as utf8mb4 or utf8, or one of their collations: the engine always speaks utf8mb4."),
                    QStringLiteral("utf8mb4")),
        withDefault(key("mysqlConfig.timezone", Type::Timezone, Group::Database,
                        QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Time zone"),
                        "The session's time zone: local, Z or an offset such as +02:00."),
                    QStringLiteral("local")),
        integer("mysqlConfig.connectTimeout", Group::Database, 10000, 1, INT_MAX, "milliseconds",
                QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Connect timeout (ms)"),
                "How long a connection attempt may take."),
        withDefault(key("mysqlConfig.transformerUser", Type::String, Group::Database,
                        QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Transformers' user"),
                        "The database user of context.database.query in transformers, e.g. one granted only SELECT; "
                        "empty: the engine's user."),
                    QString()),
        key("mysqlConfig.password", Type::Secret, Group::Security, nullptr,
            "The database password, or a reference: keychain, environment variable or file."),
        key("mysqlConfig.transformerPassword", Type::Secret, Group::Security, nullptr,
            "The password of mysqlConfig.transformerUser, or a reference: keychain, environment variable or file."),
        key("mysqlConfig.ssl", Type::Object, Group::Security, nullptr, "TLS to the database; absent: none."),
        key("mysqlConfig.ssl.ca", Type::File, Group::Security, nullptr, "CA certificate that signed the server's."),
        key("mysqlConfig.ssl.cert", Type::File, Group::Security, nullptr, "Client certificate."),
        key("mysqlConfig.ssl.key", Type::File, Group::Security, nullptr, "The client certificate's private key."),
        withDefault(key("mysqlConfig.ssl.rejectUnauthorized", Type::Boolean, Group::Security, nullptr,
                        "Refuse a server whose certificate or host name does not verify."),
                    true),

        // A PostgreSQL database (issue 17): the form shows these in place of mysqlConfig's when
        // the site's database kind is PostgreSQL.
        key("postgresConfig", Type::Object, Group::None, nullptr, "The PostgreSQL database; give this or mysqlConfig."),
        withDefault(nonEmpty(key("postgresConfig.host", Type::String, Group::Database,
                                 QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Host"),
                                 "The PostgreSQL server's host name or address.")),
                    localhost),
        integer("postgresConfig.port", Group::Database, 5432, 1, 65535, nullptr,
                QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Port"), "The PostgreSQL server's port."),
        withDefault(key("postgresConfig.user", Type::String, Group::Database,
                        QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "User"), "The database role."),
                    QString()),
        key("postgresConfig.password", Type::Secret, Group::Security, nullptr,
            "The role's password, or a reference: keychain, environment variable or file."),
        required(nonEmpty(key("postgresConfig.database", Type::String, Group::Database,
                              QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Database"),
                              "The database that holds the tables."))),
        withDefault(nonEmpty(key("postgresConfig.schema", Type::String, Group::Database,
                                 QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Schema"),
                                 "The schema of the tables (and of the engine's own tables).")),
                    QStringLiteral("public")),
        integer("postgresConfig.connectTimeout", Group::Database, 10000, 1000, INT_MAX, "milliseconds",
                QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Connect timeout (ms)"),
                "How long a connection attempt may take."),
        key("postgresConfig.tls", Type::Object, Group::Security, nullptr, "TLS to the database; absent: none."),
        key("postgresConfig.tls.ca", Type::File, Group::Security, nullptr, "CA certificate that signed the server's."),
        key("postgresConfig.tls.cert", Type::File, Group::Security, nullptr, "Client certificate (with its key)."),
        key("postgresConfig.tls.key", Type::File, Group::Security, nullptr, "The client certificate's private key."),
        withDefault(key("postgresConfig.tls.verify", Type::Boolean, Group::Security, nullptr,
                        "Refuse a server whose certificate or host name does not verify (sslmode verify-full)."),
                    true),

        // The broker.
        required(key("mqttConfig", Type::Object, Group::None, nullptr, "The broker connection.")),
        withDefault(nonEmpty(key("mqttConfig.host", Type::String, Group::Broker,
                                 QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Host"),
                                 "The broker's host name or address.")),
                    localhost),
        integer("mqttConfig.port", Group::Broker, 0, 1, 65535, nullptr,
                QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Port"),
                "The broker's port; absent: the protocol's (1883, 8883, 80, 443)."),
        choice("mqttConfig.protocol", Group::Broker, QStringLiteral("mqtt"), kMqttProtocols,
               QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Protocol"),
               "mqtt, mqtts (TLS), ws or wss (WebSocket); tcp, ssl, wx, wxs are the same."),
        withDefault(key("mqttConfig.path", Type::UrlPath, Group::Broker,
                        QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "WebSocket path"),
                        "The WebSocket URL's path (ws and wss only)."),
                    QStringLiteral("/mqtt")),
        withDefault(key("mqttConfig.username", Type::String, Group::Broker,
                        QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "User name"),
                        "The broker login; empty: anonymous."),
                    QString()),
        withDefault(key("mqttConfig.clientId", Type::String, Group::Broker,
                        QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Client id"),
                        "The MQTT client id; empty: made from the client name."),
                    QString()),
        integer("mqttConfig.keepalive", Group::Broker, 60, 0, 65535, "seconds",
                QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Keep-alive (s)"), "Seconds between MQTT pings."),
        withDefault(key("mqttConfig.clean", Type::Boolean, Group::Broker,
                        QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Clean session"),
                        "Start every connection with a clean session."),
                    true),
        integer("mqttConfig.reconnectPeriod", Group::Broker, 1000, 0, INT_MAX, "milliseconds",
                QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Reconnect period (ms)"),
                "Wait between reconnect attempts."),
        integer("mqttConfig.connectTimeout", Group::Broker, 30000, 1, INT_MAX, "milliseconds",
                QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Connect timeout (ms)"),
                "How long a connection attempt may take."),
        key("mqttConfig.servers", Type::Brokers, Group::Broker,
            QT_TRANSLATE_NOOP("mysqlsync::ui::ConfigForm", "Fallback brokers"),
            "Brokers tried in order after host and port, as host:port or protocol://host:port."),
        required(nonEmpty(
            key("mqttConfig.servers[].host", Type::String, Group::None, nullptr, "A fallback broker's host."))),
        required(integer("mqttConfig.servers[].port", Group::None, 0, 1, 65535, nullptr, nullptr,
                         "A fallback broker's port.")),
        choice("mqttConfig.servers[].protocol", Group::None, QString(), kMqttProtocols, nullptr,
               "A fallback broker's protocol; absent: mqttConfig.protocol."),
        key("mqttConfig.password", Type::Secret, Group::Security, nullptr,
            "The broker password, or a reference: keychain, environment variable or file."),
        key("mqttConfig.ca", Type::File, Group::Security, nullptr, "CA certificate that signed the broker's."),
        key("mqttConfig.cert", Type::File, Group::Security, nullptr, "Client certificate."),
        key("mqttConfig.key", Type::File, Group::Security, nullptr, "The client certificate's private key."),
        withDefault(key("mqttConfig.rejectUnauthorized", Type::Boolean, Group::Security, nullptr,
                        "Refuse a broker whose certificate or host name does not verify."),
                    true),
    };
}

} // namespace

QString ConfigKey::name() const
{
    return path.section(QLatin1Char('.'), -1);
}

QString ConfigKey::expected() const
{
    switch (type) {
    case Type::Object:
        return QStringLiteral("an object");
    case Type::String:
        return nonEmpty ? QStringLiteral("a non-empty string") : QStringLiteral("a string");
    case Type::Integer: {
        QString text = max == INT_MAX ? QStringLiteral("an integer of at least %1").arg(min)
                                      : QStringLiteral("an integer from %1 to %2").arg(min).arg(max);
        if (!unit.isEmpty())
            text += QStringLiteral(" (%1)").arg(unit);
        return text;
    }
    case Type::Boolean:
        return QStringLiteral("true or false");
    case Type::Choice:
        return QStringLiteral("one of ") + choices.join(QLatin1String(", "));
    case Type::Path:
    case Type::File:
        return QStringLiteral("a non-empty path");
    case Type::Secret:
        return QStringLiteral(R"(a string or one of {"keychain": "account"}, {"env": "VARIABLE"}, {"file": "path"})");
    case Type::ClientName:
        return QStringLiteral("a client name (2 to 32 characters of A-Z, a-z, 0-9, _ and -)");
    case Type::ClientNames:
        return QStringLiteral("an array of client names");
    case Type::Tables:
        return QStringLiteral("an array of table names or mapping objects");
    case Type::Columns:
        return QStringLiteral("an array of column names as table.column");
    case Type::Charset:
        return QStringLiteral("utf8mb4 or utf8, or one of their collations such as UTF8MB4_UNICODE_CI "
                              "(the engine always speaks utf8mb4)");
    case Type::Timezone:
        return QStringLiteral(R"("local", "Z" or an offset "+HH:MM"/"-HH:MM")");
    case Type::UrlPath:
        return QStringLiteral("a path beginning with \"/\"");
    case Type::Brokers:
        return QStringLiteral("an array of brokers");
    case Type::ConflictPolicies:
        return QStringLiteral(
            R"(an object of table names to "newest", "manual" or {"policy": "priority", "sites": [client names]})");
    case Type::FeedRouting:
        return QStringLiteral(R"(an object of table names to a column name, an array of column names or "*")");
    case Type::Listen:
        return QStringLiteral(R"(an address and port as "host:port" (e.g. "127.0.0.1:8765", "[::1]:8765"))");
    }
    return QStringLiteral("a value");
}

const QList<ConfigKey> &ConfigSchema::keys()
{
    static const QList<ConfigKey> all = makeKeys();
    return all;
}

const ConfigKey *ConfigSchema::find(const QString &path)
{
    for (const ConfigKey &k : keys()) {
        if (k.path == path)
            return &k;
    }
    return nullptr;
}

QStringList ConfigSchema::childNames(const QString &section)
{
    const QString prefix = section.isEmpty() ? QString() : section + QLatin1Char('.');
    QStringList names;
    for (const ConfigKey &k : keys()) {
        if (!k.path.startsWith(prefix))
            continue;
        const QString rest = k.path.mid(prefix.size());
        if (!rest.contains(QLatin1Char('.')) && !rest.contains(QLatin1Char('[')))
            names << rest;
    }
    return names;
}

QString ConfigSchema::schemaPath(const QString &path)
{
    static const QRegularExpression index(QStringLiteral("\\[\\d+\\]"));
    QString result = path;
    result.replace(index, QStringLiteral("[]"));
    if (result.endsWith(QLatin1String("[]")))
        result.chop(2);
    return result;
}

QJsonObject ConfigSchema::starterDocument(const QString &clientName, const QString &queueDirectory)
{
    return QJsonObject{
        {QStringLiteral("mqttConfig"),
         QJsonObject{{QStringLiteral("host"), QStringLiteral("localhost")},
                     {QStringLiteral("port"), 1883},
                     {QStringLiteral("protocol"), QStringLiteral("mqtt")}}},
        {QStringLiteral("mysqlConfig"),
         QJsonObject{{QStringLiteral("host"), QStringLiteral("localhost")},
                     {QStringLiteral("port"), 3306},
                     {QStringLiteral("user"), QString()},
                     {QStringLiteral("password"), QString()},
                     {QStringLiteral("database"), QString()}}},
        {QStringLiteral("syncTables"), QJsonArray()},
        {QStringLiteral("receiveTables"), QJsonArray()},
        {QStringLiteral("clientName"), clientName},
        {QStringLiteral("remoteClients"), QJsonArray()},
        {QStringLiteral("queueDirectory"), queueDirectory},
        {QStringLiteral("checkInterval"), 1000},
    };
}

} // namespace mysqlsync
