#include "config/Config.h"

#include "common/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLocale>

#include <algorithm>
#include <climits>
#include <cmath>
#include <functional>
#include <initializer_list>

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

    QString uri = scheme + QLatin1String("://") + h + QLatin1Char(':')
            + QString::number(port > 0 ? port : defaultPort);
    if (scheme.startsWith(QLatin1String("ws")))
        uri += path;
    return uri;
}

} // namespace

QString MqttConfig::uri() const
{
    return brokerUri(protocol, host, port, path);
}

QStringList MqttConfig::uris() const
{
    QStringList result{uri()};
    for (const BrokerAddress &server : servers)
        result << brokerUri(server.protocol.isEmpty() ? protocol : server.protocol,
                            server.host, server.port, path);
    return result;
}


// ---------------------------------------------------------------------------
// The reader: one line per key
// ---------------------------------------------------------------------------

namespace {

enum Flag : unsigned {
    Optional = 0,
    Required = 1, // a missing key is an error
    Secret = 2,   // never show the value in a message, only its type
};

// What a string value must look like, beyond being a string.
struct Check {
    QString expected; // e.g. "a non-empty string"
    std::function<bool(const QString &)> valid;
};

Check nonEmpty()
{
    return {QStringLiteral("a non-empty string"), [](const QString &s) { return !s.isEmpty(); }};
}

Check oneOf(const QStringList &choices)
{
    return {QStringLiteral("one of ") + choices.join(QLatin1String(", ")),
            [choices](const QString &s) { return choices.contains(s); }};
}

Check clientNameCheck()
{
    return {QStringLiteral("a client name (2 to 32 characters of A-Z, a-z, 0-9, _ and -)"),
            isValidClientName};
}

Check tableNameCheck()
{
    // MySQL's identifier limit is 64 characters; everything else is checked against the
    // database catalogue later.
    return {QStringLiteral("a table name (a non-empty string of at most 64 characters)"),
            [](const QString &s) { return !s.isEmpty() && s.toUcs4().size() <= 64; }};
}

Check charsetCheck()
{
    // The engine always speaks utf8mb4 with the server (every value travels as UTF-8 JSON);
    // mysqljs's names for UTF-8 (a character set or a collation, any case) are accepted,
    // utf8 (3-byte) included, which the connection widens to utf8mb4.
    return {QStringLiteral("utf8mb4 or utf8, or one of their collations such as UTF8MB4_UNICODE_CI "
                           "(the engine always speaks utf8mb4)"),
            [](const QString &s) {
                static const QRegularExpression utf8(QStringLiteral("^utf8(mb[34])?(_[a-z0-9_]+)?$"),
                                                     QRegularExpression::CaseInsensitiveOption);
                return utf8.match(s).hasMatch();
            }};
}

Check timezoneCheck()
{
    return {QStringLiteral(R"("local", "Z" or an offset "+HH:MM"/"-HH:MM")"),
            [](const QString &s) {
                if (s == QLatin1String("local") || s == QLatin1String("Z"))
                    return true;
                if (s.size() != 6 || (s[0] != QLatin1Char('+') && s[0] != QLatin1Char('-'))
                    || s[3] != QLatin1Char(':'))
                    return false;
                for (int i : {1, 2, 4, 5}) {
                    if (s[i] < QLatin1Char('0') || s[i] > QLatin1Char('9'))
                        return false;
                }
                const int hours = s.mid(1, 2).toInt();
                const int minutes = s.mid(4, 2).toInt();
                return hours <= 14 && minutes <= 59;
            }};
}

// A short, JSON-like description of a value for "got ..." (secrets by type only).
QString describe(const QJsonValue &value, unsigned flags = Optional)
{
    const bool secret = flags & Secret;
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        if (secret)
            return QStringLiteral("a number");
        const double d = value.toDouble();
        if (std::floor(d) == d && std::fabs(d) < 9007199254740992.0) // integral, exactly held
            return QString::number(qint64(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::String: {
        if (secret)
            return QStringLiteral("a string");
        QString s = value.toString();
        const bool cut = s.size() > 60;
        if (cut)
            s = s.left(57);
        QByteArray json = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
        json = json.mid(1, json.size() - 2); // strip [ ]
        QString text = QString::fromUtf8(json);
        if (cut)
            text.insert(text.size() - 1, QLatin1String("..."));
        return text;
    }
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

struct Context {
    QString file;   // the file name as given, first in every message
    QDir baseDir;   // relative paths are resolved against this
    QString error;  // the first error; empty while all is well
};

class Reader {
public:
    Reader(Context *context, QString path, QJsonObject object, bool present = true)
        : m_ctx(context), m_path(std::move(path)), m_object(std::move(object)), m_present(present)
    {}

    bool failed() const { return !m_ctx->error.isEmpty(); }
    bool present() const { return m_present; }

    QString keyPath(const char *key) const
    {
        return m_path.isEmpty() ? QString::fromLatin1(key) : QString(m_path + QLatin1Char('.') + QLatin1String(key));
    }

    // Records the first error: "<file>: <key path>: <message>".
    void fail(const QString &keyPath, const QString &message)
    {
        if (failed())
            return;
        m_ctx->error = keyPath.isEmpty() ? QString(m_ctx->file + QLatin1String(": ") + message)
                                         : QString(m_ctx->file + QLatin1String(": ") + keyPath
                        + QLatin1String(": ") + message);
    }

    void wrong(const QString &keyPath, const QString &expected, const QJsonValue &value,
               unsigned flags = Optional)
    {
        fail(keyPath, QLatin1String("expected ") + expected + QLatin1String(", got ")
                      + describe(value, flags));
    }

    // Unknown keys are errors; call this before reading the keys of an object.
    void allowOnly(std::initializer_list<const char *> keys)
    {
        if (failed() || !m_present)
            return;
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            bool known = false;
            for (const char *key : keys)
                known = known || it.key() == QLatin1String(key);
            if (!known) {
                const QString name = m_path.isEmpty() ? it.key() : m_path + QLatin1Char('.') + it.key();
                fail(QString(), QStringLiteral("unknown key \"%1\"").arg(name));
                return;
            }
        }
    }

    Reader object(const char *key, unsigned flags = Optional)
    {
        const QJsonValue value = take(key, QStringLiteral("an object"), flags);
        if (value.isUndefined())
            return Reader(m_ctx, keyPath(key), {}, false);
        if (!value.isObject()) {
            wrong(keyPath(key), QStringLiteral("an object"), value, flags);
            return Reader(m_ctx, keyPath(key), {}, false);
        }
        return Reader(m_ctx, keyPath(key), value.toObject());
    }

    // An array of objects, one reader per element.
    QList<Reader> objects(const char *key, const QString &expected, unsigned flags = Optional)
    {
        QList<Reader> result;
        const QJsonValue value = take(key, expected, flags);
        if (value.isUndefined())
            return result;
        if (!value.isArray()) {
            wrong(keyPath(key), expected, value, flags);
            return result;
        }
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i) {
            const QString elementPath = keyPath(key) + QStringLiteral("[%1]").arg(i);
            if (!array[i].isObject()) {
                wrong(elementPath, QStringLiteral("an object"), array[i], flags);
                return {};
            }
            result << Reader(m_ctx, elementPath, array[i].toObject());
        }
        return result;
    }

    void string(const char *key, QString *out, unsigned flags = Optional, const Check &check = {})
    {
        const QString expected = check.expected.isEmpty() ? QStringLiteral("a string") : check.expected;
        const QJsonValue value = take(key, expected, flags);
        if (value.isUndefined())
            return;
        if (!value.isString() || (check.valid && !check.valid(value.toString()))) {
            wrong(keyPath(key), expected, value, flags);
            return;
        }
        *out = value.toString();
    }

    void integer(const char *key, int *out, int min, int max, unsigned flags = Optional,
                 const char *unit = nullptr)
    {
        QString expected = max == INT_MAX
                ? QStringLiteral("an integer of at least %1").arg(min)
                : QStringLiteral("an integer from %1 to %2").arg(min).arg(max);
        if (unit)
            expected += QStringLiteral(" (%1)").arg(QLatin1String(unit));
        const QJsonValue value = take(key, expected, flags);
        if (value.isUndefined())
            return;
        const double d = value.toDouble();
        if (!value.isDouble() || !std::isfinite(d) || std::floor(d) != d || d < min || d > max) {
            wrong(keyPath(key), expected, value, flags);
            return;
        }
        *out = int(d);
    }

    void boolean(const char *key, bool *out, unsigned flags = Optional)
    {
        const QString expected = QStringLiteral("true or false");
        const QJsonValue value = take(key, expected, flags);
        if (value.isUndefined())
            return;
        if (!value.isBool()) {
            wrong(keyPath(key), expected, value, flags);
            return;
        }
        *out = value.toBool();
    }

    // A path, made absolute against the configuration file's folder.
    void path(const char *key, QString *out, unsigned flags = Optional)
    {
        QString text;
        string(key, &text, flags, {QStringLiteral("a non-empty path"),
                                   [](const QString &s) { return !s.isEmpty(); }});
        if (!text.isEmpty())
            *out = QDir::cleanPath(m_ctx->baseDir.absoluteFilePath(text));
    }

    // A path to a file that must exist and be readable.
    void file(const char *key, QString *out, unsigned flags = Optional)
    {
        QString resolved;
        path(key, &resolved, flags);
        if (resolved.isEmpty())
            return;
        const QString expected = QLatin1String("expected a readable file, but \"") + resolved
                + QLatin1String("\" ");
        const QFileInfo info(resolved);
        if (!info.exists()) {
            fail(keyPath(key), expected + QLatin1String("does not exist"));
            return;
        }
        if (info.isDir()) {
            fail(keyPath(key), expected + QLatin1String("is a directory"));
            return;
        }
        QFile file(resolved);
        if (!file.open(QIODevice::ReadOnly)) {
            fail(keyPath(key), expected + QLatin1String("cannot be read (") + file.errorString()
                               + QLatin1Char(')'));
            return;
        }
        *out = resolved;
    }

    // A password: a plain string, or a reference {"keychain": account[, "service": name]},
    // {"env": VARIABLE} or {"file": path} (the path made absolute). References leave `out`
    // empty; the daemon resolves them.
    void secret(const char *key, QString *out, SecretRef *ref)
    {
        const QString expected = QStringLiteral(
            R"(a string or one of {"keychain": "account"}, {"env": "VARIABLE"}, {"file": "path"})");
        const QJsonValue value = take(key, expected, Optional);
        ref->key = keyPath(key);
        if (value.isUndefined())
            return;
        if (value.isString()) {
            ref->kind = SecretRef::Kind::Plain;
            *out = value.toString();
            return;
        }
        if (!value.isObject()) {
            wrong(keyPath(key), expected, value, Secret);
            return;
        }
        Reader r(m_ctx, keyPath(key), value.toObject());
        const QJsonObject o = value.toObject();
        if (o.contains(QLatin1String("keychain"))) {
            r.allowOnly({"keychain", "service"});
            ref->kind = SecretRef::Kind::Keychain;
            ref->service = QStringLiteral("mysql-sync");
            r.string("keychain", &ref->name, Required, nonEmpty());
            r.string("service", &ref->service, Optional, nonEmpty());
        } else if (o.contains(QLatin1String("env"))) {
            r.allowOnly({"env"});
            ref->kind = SecretRef::Kind::Env;
            r.string("env", &ref->name, Required,
                     {QStringLiteral("an environment variable name"), [](const QString &s) {
                          return !s.isEmpty() && !s.contains(QLatin1Char('='));
                      }});
        } else if (o.contains(QLatin1String("file"))) {
            r.allowOnly({"file"});
            ref->kind = SecretRef::Kind::File;
            r.path("file", &ref->name, Required);
        } else {
            wrong(keyPath(key), expected, value, Secret);
        }
    }

    // An array of strings, each passing `check`; duplicates are errors.
    void stringList(const char *key, QStringList *out, const QString &expected, const Check &check,
                    unsigned flags = Optional)
    {
        const QJsonValue value = take(key, expected, flags);
        if (value.isUndefined())
            return;
        if (!value.isArray()) {
            wrong(keyPath(key), expected, value, flags);
            return;
        }
        const QJsonArray array = value.toArray();
        QStringList list;
        for (int i = 0; i < array.size(); ++i) {
            const QString elementPath = keyPath(key) + QStringLiteral("[%1]").arg(i);
            const QJsonValue element = array[i];
            if (!element.isString() || !check.valid(element.toString())) {
                wrong(elementPath, check.expected, element, flags);
                return;
            }
            const QString s = element.toString();
            const int first = list.indexOf(s);
            if (first >= 0) {
                fail(elementPath, QStringLiteral("expected no duplicates, got %1 again (first at %2[%3])")
                                          .arg(describe(element, flags), keyPath(key))
                                          .arg(first));
                return;
            }
            list << s;
        }
        *out = list;
    }

private:
    // The key's value; undefined when it is absent (an error if required) or when an error
    // has already been recorded.
    QJsonValue take(const char *key, const QString &expected, unsigned flags)
    {
        if (failed() || !m_present)
            return QJsonValue(QJsonValue::Undefined);
        const auto it = m_object.constFind(QLatin1String(key));
        if (it == m_object.constEnd()) {
            if (flags & Required)
                fail(keyPath(key), QLatin1String("missing required key, expected ") + expected);
            return QJsonValue(QJsonValue::Undefined);
        }
        return it.value();
    }

    Context *m_ctx;
    QString m_path;
    QJsonObject m_object;
    bool m_present;
};

// ---------------------------------------------------------------------------
// The sections
// ---------------------------------------------------------------------------

const QStringList kMqttProtocols{QStringLiteral("mqtt"), QStringLiteral("tcp"),
                                 QStringLiteral("mqtts"), QStringLiteral("ssl"),
                                 QStringLiteral("ws"), QStringLiteral("wss"),
                                 QStringLiteral("wx"), QStringLiteral("wxs")};

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
    r.allowOnly({"host", "port", "protocol", "path", "username", "password", "clientId",
                 "keepalive", "clean", "reconnectPeriod", "connectTimeout", "ca", "cert", "key",
                 "rejectUnauthorized", "servers"});
    r.string("host", &m->host, Optional, nonEmpty());
    r.integer("port", &m->port, 1, 65535);
    r.string("protocol", &m->protocol, Optional, oneOf(kMqttProtocols));
    m->protocol = normalisedProtocol(m->protocol);
    r.string("path", &m->path, Optional,
             {QStringLiteral("a path beginning with \"/\""),
              [](const QString &s) { return s.startsWith(QLatin1Char('/')); }});
    r.string("username", &m->username);
    r.secret("password", &m->password, &m->passwordRef);
    r.string("clientId", &m->clientId);
    r.integer("keepalive", &m->keepaliveSeconds, 0, 65535, Optional, "seconds");
    r.boolean("clean", &m->clean);
    r.integer("reconnectPeriod", &m->reconnectPeriodMs, 0, INT_MAX, Optional, "milliseconds");
    r.integer("connectTimeout", &m->connectTimeoutMs, 1, INT_MAX, Optional, "milliseconds");
    r.file("ca", &m->tls.ca);
    r.file("cert", &m->tls.cert);
    r.file("key", &m->tls.key);
    r.boolean("rejectUnauthorized", &m->tls.rejectUnauthorized);

    const QList<Reader> servers = r.objects("servers", QStringLiteral("an array of brokers"));
    for (Reader s : servers) {
        BrokerAddress broker;
        broker.protocol = m->protocol;
        s.allowOnly({"host", "port", "protocol"});
        s.string("host", &broker.host, Required, nonEmpty());
        s.integer("port", &broker.port, 1, 65535, Required);
        s.string("protocol", &broker.protocol, Optional, oneOf(kMqttProtocols));
        broker.protocol = normalisedProtocol(broker.protocol);
        m->servers << broker;
    }
}

void readTls(Reader r, TlsFiles *tls)
{
    r.allowOnly({"ca", "cert", "key", "rejectUnauthorized"});
    r.file("ca", &tls->ca);
    r.file("cert", &tls->cert);
    r.file("key", &tls->key);
    r.boolean("rejectUnauthorized", &tls->rejectUnauthorized);
}

void readMysql(Reader r, MysqlConfig *m)
{
    r.allowOnly({"host", "port", "user", "password", "database", "socketPath", "charset",
                 "timezone", "connectTimeout", "ssl"});
    r.string("host", &m->host, Optional, nonEmpty());
    r.integer("port", &m->port, 1, 65535);
    r.string("user", &m->user);
    r.secret("password", &m->password, &m->passwordRef);
    r.string("database", &m->database, Required, nonEmpty());
    r.path("socketPath", &m->socketPath);
    r.string("charset", &m->charset, Optional, charsetCheck());
    r.string("timezone", &m->timezone, Optional, timezoneCheck());
    r.integer("connectTimeout", &m->connectTimeoutMs, 1, INT_MAX, Optional, "milliseconds");
    const Reader ssl = r.object("ssl");
    if (ssl.present()) {
        m->sslEnabled = true;
        readTls(ssl, &m->ssl);
    }
}

void readConfig(Reader r, Config *c)
{
    r.allowOnly({"mqttConfig", "mysqlConfig", "syncTables", "receiveTables", "clientName",
                 "remoteClients", "queueDirectory", "checkInterval", "loggingLevel",
                 "transformerDirectory", "captureInterval", "batchSize", "resendTimeout", "sendWindow", "transformTimeout"});
    readMqtt(r.object("mqttConfig", Required), &c->mqtt);
    readMysql(r.object("mysqlConfig", Required), &c->mysql);
    r.stringList("syncTables", &c->syncTables, QStringLiteral("an array of table names"),
                 tableNameCheck(), Required);
    r.stringList("receiveTables", &c->receiveTables, QStringLiteral("an array of table names"),
                 tableNameCheck(), Required);
    r.string("clientName", &c->clientName, Required, clientNameCheck());
    r.stringList("remoteClients", &c->remoteClients, QStringLiteral("an array of client names"),
                 clientNameCheck(), Required);
    const int self = c->remoteClients.indexOf(c->clientName);
    if (!r.failed() && self >= 0)
        r.fail(QStringLiteral("remoteClients[%1]").arg(self),
               QStringLiteral("expected the name of another client, got \"%1\", which is this "
                              "engine's own clientName").arg(c->clientName));
    r.path("queueDirectory", &c->queueDirectory, Required);
    r.integer("checkInterval", &c->checkIntervalMs, 10, 86400000, Required, "milliseconds");
    r.string("loggingLevel", &c->loggingLevel, Optional,
             oneOf({QStringLiteral("error"), QStringLiteral("warn"), QStringLiteral("info"),
                    QStringLiteral("debug"), QStringLiteral("trace")}));
    r.path("transformerDirectory", &c->transformerDirectory);
    r.integer("captureInterval", &c->captureIntervalMs, 1, 1000, Optional, "milliseconds");
    r.integer("batchSize", &c->batchSize, 1, 100000);
    r.integer("resendTimeout", &c->resendTimeoutMs, 100, 86400000, Optional, "milliseconds");
    r.integer("sendWindow", &c->sendWindow, 1, 100000);
    r.integer("transformTimeout", &c->transformTimeoutMs, 10, 600000, Optional, "milliseconds");
}

bool setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

// ---------------------------------------------------------------------------
// ConfigLoader
// ---------------------------------------------------------------------------

bool ConfigLoader::load(const QString &path, Config *config, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists())
        return setError(error, path + QLatin1String(": cannot read the configuration file "
                                                    "(it does not exist)"));
    if (info.isDir())
        return setError(error, path + QLatin1String(": cannot read the configuration file "
                                                    "(it is a directory)"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return setError(error, path + QLatin1String(": cannot read the configuration file (")
                                       + file.errorString() + QLatin1Char(')'));
    return parse(file.readAll(), path, config, error);
}

bool ConfigLoader::parse(const QByteArray &json, const QString &path, Config *config,
                         QString *error)
{
    const QFileInfo info(path.isEmpty() ? QStringLiteral("configuration.json") : path);
    Context context;
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
            return setError(error, context.file + QLatin1String(": expected a JSON object at "
                                                                "the top level, got ")
                                           + describe(wrapped.array().first()));

        const qsizetype offset = std::clamp<qsizetype>(qsizetype(parseError.offset) + skipped, 0,
                                                         json.size());
        const QByteArray before = json.left(offset);
        const qsizetype lineStart = before.lastIndexOf('\n') + 1;
        const int line = int(before.count('\n')) + 1;
        const int column = int(QString::fromUtf8(before.mid(lineStart)).size()) + 1;
        return setError(error, QStringLiteral("%1: invalid JSON at line %2, column %3 (offset %4): %5")
                                       .arg(context.file).arg(line).arg(column).arg(offset)
                                       .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return setError(error, context.file + QLatin1String(": expected a JSON object at the top "
                                                            "level, got ")
                                       + describe(document.isArray() ? QJsonValue(document.array())
                                                                     : QJsonValue()));

    Config result;
    result.filePath = info.absoluteFilePath();
    readConfig(Reader(&context, QString(), document.object()), &result);
    if (!context.error.isEmpty())
        return setError(error, context.error);

    qCDebug(lcConfig).noquote() << "read" << result.filePath << "for client" << result.clientName;
    if (config)
        *config = result;
    if (error)
        error->clear();
    return true;
}

} // namespace mysqlsync
