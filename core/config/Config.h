#pragma once
// The engine's configuration: the earlier engine's JSON file, read unchanged,
// plus a few optional keys of our own (see docs/protocol.md, "Configuration file").
#include "common/ClientName.h"
#include "config/ConfigSchema.h"
#include "config/TableMapping.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace mysqlsync {

struct PostgresConfig;

struct TlsFiles {
    QString ca;   // absolute path or empty
    QString cert; // absolute path or empty
    QString key;  // absolute path or empty
    bool rejectUnauthorized = true;
};

// Where a password comes from (README, "Secrets"). "password": "text" is Plain (the earlier
// engine's files); {"keychain": "account"} (optionally "service", default "mysql-sync"),
// {"env": "VARIABLE"} and {"file": "path"} are references that the daemon resolves
// (security/SecretResolver) into the config's `password` before the engine starts.
struct SecretRef {
    enum class Kind { Plain, Keychain, Env, File };
    Kind kind = Kind::Plain;
    QString name;    // keychain account, environment variable, or absolute file path
    QString service; // keychain service (Keychain only)
    QString key;     // the JSON key it was read from, e.g. "mqttConfig.password"
    bool isReference() const { return kind != Kind::Plain; }
};

struct BrokerAddress {
    QString host;
    int port = 0;     // 0: the protocol's default
    QString protocol; // normalised: mqtt, mqtts, ws, wss ("tcp" -> mqtt, "ssl" -> mqtts, wx -> ws, wxs -> wss)
};

struct MqttConfig {
    QString host = QStringLiteral("localhost");
    int port = 0;                              // 0: the protocol's default (1883, 8883, 80, 443)
    QString protocol = QStringLiteral("mqtt"); // normalised as in BrokerAddress
    QString path = QStringLiteral("/mqtt");    // websockets only
    QString username;
    QString password; // plain, or resolved from passwordRef
    SecretRef passwordRef;
    QString clientId; // empty: generated from the client name
    int keepaliveSeconds = 60;
    bool clean = true;
    int reconnectPeriodMs = 1000;
    int connectTimeoutMs = 30000;
    TlsFiles tls;
    QList<BrokerAddress> servers; // fallback brokers, tried in order after host:port

    // "mqtt://host:port" style URI of the primary broker, for Paho and for logs.
    QString uri() const;
    // The URIs of every broker, primary first.
    QStringList uris() const;
    bool usesTls() const { return protocol == QLatin1String("mqtts") || protocol == QLatin1String("wss"); }
};

struct MysqlConfig {
    QString host = QStringLiteral("localhost");
    int port = 3306;
    QString user;
    QString password; // plain, or resolved from passwordRef
    SecretRef passwordRef;
    QString database;
    QString socketPath; // absolute, or empty
    QString charset = QStringLiteral("utf8mb4");
    QString timezone = QStringLiteral("local"); // "local", "Z", or "+HH:MM"/"-HH:MM"
    int connectTimeoutMs = 10000;
    bool sslEnabled = false; // true when "ssl" is present
    TlsFiles ssl;
    // The login of the transformers' own connection (context.database.query), e.g. a user
    // granted only SELECT; empty: the engine's user and password.
    QString transformerUser;
    QString transformerPassword; // plain, or resolved from transformerPasswordRef
    SecretRef transformerPasswordRef;
    // A PostgreSQL site (Config::siteDatabase()): its postgresConfig, which every connection
    // made from these settings opens in place of MySQL/MariaDB; null for a MySQL/MariaDB site.
    std::shared_ptr<const PostgresConfig> postgres;

    // These settings with the transformers' login in place of the engine's, when one is
    // configured (same host, port, socket, TLS and database).
    MysqlConfig forTransformers() const;
    // Whether a database is named (PostgreSQL's when one is attached): the desktop app's
    // readers connect only then.
    bool namesDatabase() const;
};

// A PostgreSQL site's database (issue 17), in place of mysqlConfig.
struct PostgresConfig {
    QString host = QStringLiteral("localhost");
    int port = 5432;
    QString user;
    QString password; // plain, or resolved from passwordRef
    SecretRef passwordRef;
    QString database;
    QString schema = QStringLiteral("public"); // the sync tables' schema (the session's search_path)
    int connectTimeoutMs = 10000;
    bool tlsEnabled = false; // true when "tls" is present
    // ca, cert, key; rejectUnauthorized is "verify": sslmode verify-full when on, require when off.
    TlsFiles tls;
};

// Which database a site runs on: exactly one of mysqlConfig and postgresConfig is given.
enum class DatabaseKind { MariaDb, Postgres };

// How a bidirectional table settles two changes of one row made without seeing each other
// (docs/protocol.md, "Row versions and conflicts").
struct ConflictPolicy {
    enum class Kind {
        Newest,   // the later change at its origin wins; equal times: the site whose name sorts first
        Priority, // the change of the site earlier in `sites` wins; sites not listed come after
        Manual,   // each site keeps its row until an operator settles it
    };
    Kind kind = Kind::Newest;
    QStringList sites; // Priority only
    static QString kindName(Kind kind);
    friend bool operator==(const ConflictPolicy &a, const ConflictPolicy &b)
    {
        return a.kind == b.kind && a.sites == b.sites;
    }
};

// Who may see the rows of one table in the live feed: every authenticated client ("*"), or the
// users whose id equals the value of one of `columns`.
struct FeedRoute {
    bool everyone = false;
    QStringList columns;
    friend bool operator==(const FeedRoute &a, const FeedRoute &b)
    {
        return a.everyone == b.everyone && a.columns == b.columns;
    }
};

// The optional `feed` section: the live feed's listener, its TLS files, where client tokens are
// looked up, which users each table's rows reach, the columns it never pushes, the token of
// POST /publish and its bounds (docs/protocol.md, "Live feed").
struct FeedConfig {
    bool enabled = false; // the section is present
    QString host = QStringLiteral("127.0.0.1");
    int port = 8765;
    QString tlsCert; // absolute path, or empty (no TLS: ws:// and http://)
    QString tlsKey;
    QString tokenTable; // tokens.table
    QString tokenColumn;
    QString userColumn;
    QHash<QString, FeedRoute> routing; // local table -> route; a table not listed reaches no client
    QStringList filters;               // "table.column": never pushed
    QString publishToken;              // plain, or resolved from publishTokenRef; empty: /publish refused
    SecretRef publishTokenRef;
    int clientQueue = 1000; // messages a client may have waiting; beyond that it is told and dropped
    int cacheRows = 100000; // per routed table: rows whose owners the feed remembers

    // tokens.jwtKey (instead of table, tokenColumn, userColumn): tokens are HS256 JWTs signed by
    // jwtKey (plain, or resolved from jwtKeyRef), the user id in the claim tokens.userClaim.
    bool jwt = false;
    QString jwtKey;
    SecretRef jwtKeyRef;
    QString jwtUserClaim = QStringLiteral("sub");
    // Also publish routed changes on the broker for standalone feed servers (mysql-sync feed).
    bool publishStream = false;

    bool usesTls() const { return !tlsCert.isEmpty(); }
    // The columns of `table` that never reach a client.
    QStringList filteredColumns(const QString &table) const;
};

struct Config {
    QString filePath; // absolute path of the file this was read from
    MqttConfig mqtt;
    MysqlConfig mysql;
    DatabaseKind databaseKind = DatabaseKind::MariaDb;
    PostgresConfig postgres;   // databaseKind Postgres only
    QStringList syncTables;    // local table names (an object entry gives its "table")
    QStringList receiveTables; // local table names (an object entry gives its "table")
    QString clientName;
    QStringList remoteClients;
    QString queueDirectory; // absolute
    int checkIntervalMs = 1000;
    QString loggingLevel = QStringLiteral("info");
    QString transformerDirectory; // absolute, or empty

    // Our own optional keys.
    int captureIntervalMs = 10;    // how often an idle engine looks at table_changes
    int batchSize = 1000;          // table_changes rows read per batch
    int resendTimeoutMs = 30000;   // an unacknowledged change is sent again after this
    int sendWindow = 500;          // changes a remote may have unacknowledged at most
    int transformTimeoutMs = 2000; // a transformer run longer than this is interrupted
    bool initialLoad = true;       // load the existing rows of new (sync table, remote) pairs
    int verifyIntervalMs = 0;      // background verification of each (sync table, remote); 0: off
    struct Extensions {
        bool enabled = true;      // announce the channel, batch to remotes that do too
        int batchRows = 1000;     // changes per batch message at most
        int batchBytes = 1048576; // about the most JSON per batch message
        bool compress = true;     // zlib where the remote announced it and it pays
    } extensions;
    // Per table; a table without an entry: Newest.
    QHash<QString, ConflictPolicy> conflicts;
    FeedConfig feed; // the live feed; feed.enabled false: none
    // The daemon's HTTP listener for GET /metrics and GET /healthz (`http.listen`); httpPort 0: none.
    QString httpHost;
    int httpPort = 0;

    ConflictPolicy conflictPolicy(const QString &table) const { return conflicts.value(table); }

    // Mapping (config/TableMapping.h), keyed by local table: the object entries of syncTables
    // and receiveTables (a bidirectional table with one object entry maps both ways: its other
    // list gets the inverse). Tables without an entry here travel as they are.
    QHash<QString, SendMapping> sendMappings;
    QHash<QString, ReceiveMapping> receiveMappings;
    QStringList filters; // "table.column" (local names): never sent

    // The name a syncTable is published under.
    QString sentName(const QString &table) const;
    // The syncTable published under `wire`, or empty.
    QString sendTableFor(const QString &wire) const;
    // The receiveTable that takes the remote's `wire` table, or empty.
    QString receiveTableFor(const QString &wire) const;
    // The entity of a row of syncTable `table` as it is sent: filtered columns removed, then
    // the mapping's columns only, renamed.
    QJsonObject outgoing(const QString &table, const QJsonObject &row) const;
    // The name a local column of syncTable `table` is sent under (empty: not sent).
    QString sentColumn(const QString &table, const QString &column) const;
    // The receive rules of `table`, or nullptr when it has no object entry.
    const ReceiveMapping *receiveMapping(const QString &table) const;

    bool isBidirectional(const QString &table) const
    {
        return syncTables.contains(table) && receiveTables.contains(table);
    }
    // syncTables and receiveTables, each once (syncTables' order first).
    QStringList configuredTables() const;
    // The site's database settings as every DbConnection and ServerCheck takes them: mysql, with
    // postgres attached for a PostgreSQL site (call it after the secrets are resolved).
    MysqlConfig siteDatabase() const;
};

// Empty when this build's engine can run on the configuration's database; else a plain line
// saying why not. Empty for every configuration now: MySQL/MariaDB and PostgreSQL sites run.
QString unsupportedDatabaseReason(const Config &config);

// Reads and validates a configuration file by ConfigSchema. Every failure is reported in
// `error` with the key it concerns (a JSON path such as "mqttConfig.port") and as one line
// that names the file, the key and what was expected (the QString overloads give that line).
class ConfigLoader {
public:
    static bool load(const QString &path, Config *config, ConfigError *error);
    static bool parse(const QByteArray &json, const QString &path, Config *config, ConfigError *error);
    static bool load(const QString &path, Config *config, QString *error);
    static bool parse(const QByteArray &json, const QString &path, Config *config, QString *error);
};

} // namespace mysqlsync
