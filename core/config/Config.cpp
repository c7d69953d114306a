#include "config/Config.h"

#include "common/Logging.h"
#include "config/ConfigReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <algorithm>

namespace mysqlsync {

// ---------------------------------------------------------------------------
// Broker URIs
// ---------------------------------------------------------------------------

namespace {

QString brokerUri(const QString &protocol, const QString &host, int port, const QString &path)
{
    QString scheme;
    int defaultPort = 1883;
    if (protocol == QLatin1String("mqtts")) {
        scheme = QStringLiteral("ssl");
        defaultPort = 8883;
    } else if (protocol == QLatin1String("ws")) {
        scheme = QStringLiteral("ws");
        defaultPort = 80;
    } else if (protocol == QLatin1String("wss")) {
        scheme = QStringLiteral("wss");
        defaultPort = 443;
    } else {
        scheme = QStringLiteral("tcp");
    }

    QString h = host;
    if (h.contains(QLatin1Char(':')) && !h.startsWith(QLatin1Char('[')))
        h = QLatin1Char('[') + h + QLatin1Char(']'); // IPv6 literal

    QString uri = scheme + QLatin1String("://") + h + QLatin1Char(':') + QString::number(port > 0 ? port : defaultPort);
    if (scheme.startsWith(QLatin1String("ws")))
        uri += path;
    return uri;
}

} // namespace

QString MqttConfig::uri() const
{
    return brokerUri(protocol, host, port, path);
}

QString ConflictPolicy::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Newest:
        return QStringLiteral("newest");
    case Kind::Priority:
        return QStringLiteral("priority");
    case Kind::Manual:
        return QStringLiteral("manual");
    }
    return QString();
}

QStringList Config::configuredTables() const
{
    QStringList tables = syncTables;
    for (const QString &t : receiveTables) {
        if (!tables.contains(t))
            tables << t;
    }
    return tables;
}

MysqlConfig MysqlConfig::forTransformers() const
{
    MysqlConfig login = *this;
    if (!transformerUser.isEmpty()) {
        login.user = transformerUser;
        login.password = transformerPassword;
        login.passwordRef = transformerPasswordRef;
    }
    return login;
}

bool MysqlConfig::namesDatabase() const
{
    return postgres ? !postgres->database.isEmpty() : !database.isEmpty();
}

MysqlConfig Config::siteDatabase() const
{
    MysqlConfig site = mysql;
    if (databaseKind == DatabaseKind::Postgres)
        site.postgres = std::make_shared<const PostgresConfig>(postgres);
    return site;
}

QStringList MqttConfig::uris() const
{
    QStringList result{uri()};
    for (const BrokerAddress &server : servers)
        result << brokerUri(server.protocol.isEmpty() ? protocol : server.protocol, server.host, server.port, path);
    return result;
}


// ---------------------------------------------------------------------------
// The sections: which key goes where (ConfigSchema says what each may hold)
// ---------------------------------------------------------------------------

namespace {

using configreader::Reader;

QString normalisedProtocol(const QString &protocol)
{
    if (protocol == QLatin1String("tcp"))
        return QStringLiteral("mqtt");
    if (protocol == QLatin1String("ssl"))
        return QStringLiteral("mqtts");
    if (protocol == QLatin1String("wx"))
        return QStringLiteral("ws");
    if (protocol == QLatin1String("wxs"))
        return QStringLiteral("wss");
    return protocol;
}

void readMqtt(Reader r, MqttConfig *m)
{
    r.allowOnly();
    r.string("host", &m->host);
    r.integer("port", &m->port);
    r.string("protocol", &m->protocol);
    m->protocol = normalisedProtocol(m->protocol);
    r.string("path", &m->path);
    r.string("username", &m->username);
    r.secret("password", &m->password, &m->passwordRef);
    r.string("clientId", &m->clientId);
    r.integer("keepalive", &m->keepaliveSeconds);
    r.boolean("clean", &m->clean);
    r.integer("reconnectPeriod", &m->reconnectPeriodMs);
    r.integer("connectTimeout", &m->connectTimeoutMs);
    r.file("ca", &m->tls.ca);
    r.file("cert", &m->tls.cert);
    r.file("key", &m->tls.key);
    r.boolean("rejectUnauthorized", &m->tls.rejectUnauthorized);

    const QList<Reader> servers = r.objects("servers");
    for (Reader s : servers) {
        BrokerAddress broker;
        broker.protocol = m->protocol;
        s.allowOnly();
        s.string("host", &broker.host);
        s.integer("port", &broker.port);
        s.string("protocol", &broker.protocol);
        broker.protocol = normalisedProtocol(broker.protocol);
        m->servers << broker;
    }
}

void readTls(Reader r, TlsFiles *tls)
{
    r.allowOnly();
    r.file("ca", &tls->ca);
    r.file("cert", &tls->cert);
    r.file("key", &tls->key);
    r.boolean("rejectUnauthorized", &tls->rejectUnauthorized);
}

void readMysql(Reader r, MysqlConfig *m)
{
    r.allowOnly();
    r.string("host", &m->host);
    r.integer("port", &m->port);
    r.string("user", &m->user);
    r.secret("password", &m->password, &m->passwordRef);
    r.string("database", &m->database);
    r.path("socketPath", &m->socketPath);
    r.string("charset", &m->charset);
    r.string("timezone", &m->timezone);
    r.integer("connectTimeout", &m->connectTimeoutMs);
    const Reader ssl = r.object("ssl");
    if (ssl.present()) {
        m->sslEnabled = true;
        readTls(ssl, &m->ssl);
    }
    r.string("transformerUser", &m->transformerUser);
    r.secret("transformerPassword", &m->transformerPassword, &m->transformerPasswordRef);
    // A password without its user would silently log the transformers in as the engine's user.
    if (!r.failed() && r.has("transformerPassword") && m->transformerUser.isEmpty()) {
        const QString needed = QStringLiteral("the transformers' database user that mysqlConfig.transformerPassword "
                                              "belongs to (a non-empty string)");
        r.fail(r.keyPath("transformerUser"),
               r.has("transformerUser") ? QStringLiteral("expected %1, got \"\"").arg(needed)
                                        : QStringLiteral("missing required key, expected %1").arg(needed));
    }
}

void readPostgres(Reader r, PostgresConfig *p)
{
    r.allowOnly();
    r.string("host", &p->host);
    r.integer("port", &p->port);
    r.string("user", &p->user);
    r.secret("password", &p->password, &p->passwordRef);
    r.string("database", &p->database);
    r.string("schema", &p->schema);
    r.integer("connectTimeout", &p->connectTimeoutMs);
    Reader tls = r.object("tls");
    if (!tls.present())
        return;
    p->tlsEnabled = true;
    tls.allowOnly();
    tls.file("ca", &p->tls.ca);
    tls.file("cert", &p->tls.cert);
    tls.file("key", &p->tls.key);
    tls.boolean("verify", &p->tls.rejectUnauthorized);
    // A client certificate is useless without its key, and a key without its certificate.
    if (!tls.failed() && p->tls.cert.isEmpty() != p->tls.key.isEmpty()) {
        const char *missing = p->tls.cert.isEmpty() ? "cert" : "key";
        tls.fail(tls.keyPath(missing),
                 QStringLiteral("missing required key, expected the client certificate's %1 (a readable file): "
                                "postgresConfig.tls.cert and postgresConfig.tls.key go together")
                     .arg(p->tls.cert.isEmpty() ? QStringLiteral("certificate") : QStringLiteral("private key")));
    }
}

// Exactly one of mysqlConfig and postgresConfig: the site's database.
void readDatabase(Reader &r, Config *c)
{
    Reader mysql = r.object("mysqlConfig");
    Reader postgres = r.object("postgresConfig");
    if (r.failed())
        return;
    if (mysql.present() && postgres.present()) {
        r.fail(QStringLiteral("postgresConfig"),
               QStringLiteral("mysqlConfig is given too: a site's database is either MySQL/MariaDB (mysqlConfig) or "
                              "PostgreSQL (postgresConfig); give exactly one of them"));
        return;
    }
    if (!mysql.present() && !postgres.present()) {
        r.fail(QStringLiteral("mysqlConfig"),
               QStringLiteral("missing required key, expected the site's database: mysqlConfig (MySQL/MariaDB) or "
                              "postgresConfig (PostgreSQL), exactly one of them"));
        return;
    }
    if (postgres.present()) {
        c->databaseKind = DatabaseKind::Postgres;
        readPostgres(postgres, &c->postgres);
    } else {
        c->databaseKind = DatabaseKind::MariaDb;
        readMysql(mysql, &c->mysql);
    }
}

// A bidirectional table mapped in one list maps both ways (the other list gets the inverse);
// filters name sent tables, and never a column the mapping publishes or the key.
void checkMappings(Reader &r, Config *c)
{
    if (r.failed())
        return;
    for (const QString &table : std::as_const(c->syncTables)) {
        if (!c->receiveTables.contains(table))
            continue;
        const bool sends = c->sendMappings.contains(table);
        const bool receives = c->receiveMappings.contains(table);
        if (sends && !receives) {
            const SendMapping &s = c->sendMappings.value(table);
            ReceiveMapping inverse;
            inverse.table = table;
            inverse.from = s.as;
            inverse.key = s.key;
            for (auto it = s.columns.cbegin(); it != s.columns.cend(); ++it)
                inverse.columns.insert(it.value(), it.key());
            c->receiveMappings.insert(table, inverse);
        } else if (receives && !sends) {
            const ReceiveMapping &m = c->receiveMappings.value(table);
            SendMapping inverse;
            inverse.table = table;
            inverse.as = m.from;
            inverse.key = m.key;
            for (auto it = m.columns.cbegin(); it != m.columns.cend(); ++it)
                inverse.columns.insert(it.value(), it.key());
            c->sendMappings.insert(table, inverse);
        }
    }
    // The inverse names must not clash with the names other tables travel under.
    for (const QString &table : std::as_const(c->syncTables)) {
        const QString other = c->sendTableFor(c->sentName(table));
        if (other != table) {
            r.fail(c->sendMappings.value(table).key,
                   QStringLiteral("table `%1` would be sent as \"%2\", which is already the name of table `%3`")
                       .arg(table, c->sentName(table), other));
            return;
        }
    }
    for (const QString &table : std::as_const(c->receiveTables)) {
        const ReceiveMapping *m = c->receiveMapping(table);
        const QString other = c->receiveTableFor(m ? m->from : table);
        if (other != table) {
            r.fail(m ? m->key : QStringLiteral("receiveTables"),
                   QStringLiteral("table `%1` would receive \"%2\", which table `%3` receives already")
                       .arg(table, m ? m->from : table, other));
            return;
        }
    }
    for (int i = 0; i < c->filters.size(); ++i) {
        const QString &filter = c->filters.at(i);
        const qsizetype dot = filter.indexOf(QLatin1Char('.'));
        const QString table = filter.left(dot);
        const QString column = filter.mid(dot + 1);
        const QString at = QStringLiteral("filters[%1]").arg(i);
        if (!c->syncTables.contains(table)) {
            r.fail(at, QStringLiteral("names table `%1`, which is not one of syncTables").arg(table));
            return;
        }
        auto mapping = c->sendMappings.constFind(table);
        if (mapping != c->sendMappings.cend() && mapping->columns.contains(column)) {
            r.fail(at,
                   QStringLiteral("column `%1` of table `%2` is published by %3.columns; a filtered column is "
                                  "never sent: remove it from one of them")
                       .arg(column, table, mapping->key));
            return;
        }
    }
}

void readConfig(Reader r, Config *c)
{
    r.allowOnly();
    readMqtt(r.object("mqttConfig"), &c->mqtt);
    readDatabase(r, c);
    r.sendTables("syncTables", &c->syncTables, &c->sendMappings);
    r.receiveTables("receiveTables", &c->receiveTables, &c->receiveMappings);
    r.string("clientName", &c->clientName);
    r.stringList("remoteClients", &c->remoteClients);
    const int self = c->remoteClients.indexOf(c->clientName);
    if (!r.failed() && self >= 0)
        r.fail(QStringLiteral("remoteClients[%1]").arg(self),
               QStringLiteral("expected the name of another client, got \"%1\", which is this "
                              "engine's own clientName")
                   .arg(c->clientName));
    r.path("queueDirectory", &c->queueDirectory);
    r.integer("checkInterval", &c->checkIntervalMs);
    r.string("loggingLevel", &c->loggingLevel);
    r.path("transformerDirectory", &c->transformerDirectory);
    r.integer("captureInterval", &c->captureIntervalMs);
    r.integer("batchSize", &c->batchSize);
    r.integer("resendTimeout", &c->resendTimeoutMs);
    r.integer("sendWindow", &c->sendWindow);
    r.integer("transformTimeout", &c->transformTimeoutMs);
    r.boolean("initialLoad", &c->initialLoad);
    r.integer("verifyInterval", &c->verifyIntervalMs);
    if (!r.failed() && c->verifyIntervalMs > 0 && c->verifyIntervalMs < 60000)
        r.fail(r.keyPath("verifyInterval"),
               QStringLiteral("expected 0 (no background verification) or at least 60000 ms, got %1")
                   .arg(c->verifyIntervalMs));
    Reader ext = r.object("extensions");
    ext.allowOnly();
    ext.boolean("enabled", &c->extensions.enabled);
    ext.integer("batchRows", &c->extensions.batchRows);
    ext.integer("batchBytes", &c->extensions.batchBytes);
    ext.boolean("compress", &c->extensions.compress);
    r.stringList("filters", &c->filters);
    checkMappings(r, c);
    r.conflictPolicies("conflicts", &c->conflicts);
    for (auto it = c->conflicts.cbegin(); !r.failed() && it != c->conflicts.cend(); ++it) {
        if (!c->isBidirectional(it.key()))
            r.fail(QStringLiteral("conflicts.") + it.key(),
                   QStringLiteral("names a table that is not in both syncTables and receiveTables: conflicts "
                                  "arise only on bidirectional tables"));
    }
    readFeed(r, c);
    readHttp(r, c);
}

bool setError(ConfigError *error, const QString &text)
{
    if (error)
        *error = {QString(), text, text};
    return false;
}

} // namespace

QString unsupportedDatabaseReason(const Config &)
{
    // Every database a configuration can name is supported: MySQL/MariaDB and PostgreSQL.
    return QString();
}

// ---------------------------------------------------------------------------
// ConfigLoader
// ---------------------------------------------------------------------------

bool ConfigLoader::load(const QString &path, Config *config, QString *error)
{
    ConfigError e;
    const bool ok = load(path, config, &e);
    if (error)
        *error = e.text;
    return ok;
}

bool ConfigLoader::parse(const QByteArray &json, const QString &path, Config *config, QString *error)
{
    ConfigError e;
    const bool ok = parse(json, path, config, &e);
    if (error)
        *error = e.text;
    return ok;
}

bool ConfigLoader::load(const QString &path, Config *config, ConfigError *error)
{
    const QFileInfo info(path);
    if (!info.exists())
        return setError(error,
                        path
                            + QLatin1String(": cannot read the configuration file "
                                            "(it does not exist)"));
    if (info.isDir())
        return setError(error,
                        path
                            + QLatin1String(": cannot read the configuration file "
                                            "(it is a directory)"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return setError(error,
                        path + QLatin1String(": cannot read the configuration file (") + file.errorString()
                            + QLatin1Char(')'));
    return parse(file.readAll(), path, config, error);
}

bool ConfigLoader::parse(const QByteArray &json, const QString &path, Config *config, ConfigError *error)
{
    const QFileInfo info(path.isEmpty() ? QStringLiteral("configuration.json") : path);
    configreader::Context context;
    context.file = path.isEmpty() ? QStringLiteral("(configuration)") : path;
    context.baseDir = QDir(info.absolutePath());

    // Editors on Windows like to start UTF-8 files with a byte order mark.
    const QByteArray bom("\xEF\xBB\xBF");
    const int skipped = json.startsWith(bom) ? bom.size() : 0;

    QJsonParseError parseError;
    const QByteArray text = json.mid(skipped);
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt 6.4 refuses a lone scalar at the top level: report that as the wrong type.
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + text + ']');
        if (wrapped.isArray() && wrapped.array().size() == 1)
            return setError(error,
                            context.file
                                + QLatin1String(": expected a JSON object at "
                                                "the top level, got ")
                                + configreader::describe(wrapped.array().first()));

        const qsizetype offset = std::clamp<qsizetype>(qsizetype(parseError.offset) + skipped, 0, json.size());
        const QByteArray before = json.left(offset);
        const qsizetype lineStart = before.lastIndexOf('\n') + 1;
        const int line = int(before.count('\n')) + 1;
        const int column = int(QString::fromUtf8(before.mid(lineStart)).size()) + 1;
        return setError(error,
                        QStringLiteral("%1: invalid JSON at line %2, column %3 (offset %4): %5")
                            .arg(context.file)
                            .arg(line)
                            .arg(column)
                            .arg(offset)
                            .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return setError(error,
                        context.file
                            + QLatin1String(": expected a JSON object at the top "
                                            "level, got ")
                            + configreader::describe(document.isArray() ? QJsonValue(document.array()) : QJsonValue()));

    Config result;
    result.filePath = info.absoluteFilePath();
    readConfig(Reader(&context, QString(), document.object()), &result);
    if (!context.error.isEmpty()) {
        if (error)
            *error = context.error;
        return false;
    }

    qCDebug(lcConfig).noquote() << "read" << result.filePath << "for client" << result.clientName;
    if (config)
        *config = result;
    if (error)
        *error = {};
    return true;
}

} // namespace mysqlsync
