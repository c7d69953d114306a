#include "config/ConfigReader.h"

#include "common/ClientName.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace mysqlsync::configreader {

QString describe(const QJsonValue &value, bool secret)
{
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

Reader::Reader(Context *context, QString path, QJsonObject object, bool present)
    : m_ctx(context)
    , m_path(std::move(path))
    , m_object(std::move(object))
    , m_present(present)
{ }

QString Reader::keyPath(const char *key) const
{
    if (m_path.isEmpty())
        return QLatin1String(key);
    return m_path + QLatin1Char('.') + QLatin1String(key);
}

void Reader::fail(const QString &keyPath, const QString &message)
{
    if (failed())
        return;
    m_ctx->error.key = keyPath;
    m_ctx->error.message = message;
    m_ctx->error.text = keyPath.isEmpty()
        ? QString(m_ctx->file + QLatin1String(": ") + message)
        : QString(m_ctx->file + QLatin1String(": ") + keyPath + QLatin1String(": ") + message);
}

void Reader::wrong(const QString &keyPath, const QString &expected, const QJsonValue &value, bool secret)
{
    fail(keyPath, QLatin1String("expected ") + expected + QLatin1String(", got ") + describe(value, secret));
}

const ConfigKey &Reader::spec(const char *key) const
{
    const ConfigKey *k = ConfigSchema::find(ConfigSchema::schemaPath(keyPath(key)));
    Q_ASSERT_X(k, "configreader::Reader", "a key that is not in ConfigSchema");
    static const ConfigKey unknown;
    return k ? *k : unknown;
}

Reader::Check Reader::checkFor(const ConfigKey &k)
{
    switch (k.type) {
    case ConfigKey::Type::String:
        if (k.nonEmpty)
            return {k.expected(), [](const QString &s) { return !s.isEmpty(); }};
        return {k.expected(), {}};
    case ConfigKey::Type::Choice: {
        const QStringList choices = k.choices;
        return {k.expected(), [choices](const QString &s) { return choices.contains(s); }};
    }
    case ConfigKey::Type::ClientName:
        return {k.expected(), isValidClientName};
    case ConfigKey::Type::Charset:
        // The engine always speaks utf8mb4 with the server (every value travels as UTF-8 JSON);
        // mysqljs's names for UTF-8 (a character set or a collation, any case) are accepted,
        // utf8 (3-byte) included, which the connection widens to utf8mb4.
        return {k.expected(), [](const QString &s) {
                    static const QRegularExpression utf8(QStringLiteral("^utf8(mb[34])?(_[a-z0-9_]+)?$"),
                                                         QRegularExpression::CaseInsensitiveOption);
                    return utf8.match(s).hasMatch();
                }};
    case ConfigKey::Type::Timezone:
        return {k.expected(), [](const QString &s) {
                    if (s == QLatin1String("local") || s == QLatin1String("Z"))
                        return true;
                    if (s.size() != 6 || (s[0] != QLatin1Char('+') && s[0] != QLatin1Char('-'))
                        || s[3] != QLatin1Char(':'))
                        return false;
                    for (int i : {1, 2, 4, 5}) {
                        if (s[i] < QLatin1Char('0') || s[i] > QLatin1Char('9'))
                            return false;
                    }
                    return s.mid(1, 2).toInt() <= 14 && s.mid(4, 2).toInt() <= 59;
                }};
    case ConfigKey::Type::UrlPath:
        return {k.expected(), [](const QString &s) { return s.startsWith(QLatin1Char('/')); }};
    default:
        return {k.expected(), {}};
    }
}

Reader::Check Reader::elementCheck(const ConfigKey &k)
{
    if (k.type == ConfigKey::Type::ClientNames)
        return {QStringLiteral("a client name (2 to 32 characters of A-Z, a-z, 0-9, _ and -)"), isValidClientName};
    if (k.type == ConfigKey::Type::Columns)
        return {QStringLiteral("a column as table.column (each name non-empty, of at most 64 characters)"),
                [](const QString &s) {
                    const qsizetype dot = s.indexOf(QLatin1Char('.'));
                    const QString table = s.left(dot), column = s.mid(dot + 1);
                    return dot > 0 && !column.isEmpty() && table.toUcs4().size() <= 64 && column.toUcs4().size() <= 64;
                }};
    // MySQL's identifier limit is 64 characters; everything else is checked against the
    // database catalogue later.
    return {QStringLiteral("a table name (a non-empty string of at most 64 characters)"),
            [](const QString &s) { return !s.isEmpty() && s.toUcs4().size() <= 64; }};
}

void Reader::allowOnly()
{
    // The element of an array of objects ("mqttConfig.servers[0]") has the keys of "mqttConfig.servers[]".
    const QString section =
        ConfigSchema::schemaPath(m_path) + (m_path.endsWith(QLatin1Char(']')) ? QStringLiteral("[]") : QString());
    const QStringList names = ConfigSchema::childNames(section);
    if (failed() || !m_present)
        return;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!names.contains(it.key())) {
            const QString name = m_path.isEmpty() ? it.key() : m_path + QLatin1Char('.') + it.key();
            fail(QString(), QStringLiteral("unknown key \"%1\"").arg(name));
            m_ctx->error.key = name;
            return;
        }
    }
}

void Reader::allowOnly(std::initializer_list<const char *> keys)
{
    if (failed() || !m_present)
        return;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        bool known = false;
        for (const char *key : keys)
            known = known || it.key() == QLatin1String(key);
        if (!known) {
            const QString name = m_path + QLatin1Char('.') + it.key();
            fail(QString(), QStringLiteral("unknown key \"%1\"").arg(name));
            m_ctx->error.key = name;
            return;
        }
    }
}

QJsonValue Reader::take(const char *key, const QString &expected, bool required)
{
    if (failed() || !m_present)
        return QJsonValue(QJsonValue::Undefined);
    const auto it = m_object.constFind(QLatin1String(key));
    if (it == m_object.constEnd()) {
        if (required)
            fail(keyPath(key), QLatin1String("missing required key, expected ") + expected);
        return QJsonValue(QJsonValue::Undefined);
    }
    return it.value();
}

bool Reader::takeObject(const char *key, QJsonObject *out)
{
    const ConfigKey &k = spec(key);
    const QJsonValue value = take(key, k.expected(), k.required);
    if (value.isUndefined())
        return false;
    if (!value.isObject()) {
        wrong(keyPath(key), k.expected(), value);
        return false;
    }
    *out = value.toObject();
    return true;
}

Reader Reader::object(const char *key)
{
    QJsonObject value;
    if (!takeObject(key, &value))
        return Reader(m_ctx, keyPath(key), {}, false);
    return Reader(m_ctx, keyPath(key), value);
}

QList<Reader> Reader::objects(const char *key)
{
    const ConfigKey &k = spec(key);
    QList<Reader> result;
    const QJsonValue value = take(key, k.expected(), k.required);
    if (value.isUndefined())
        return result;
    if (!value.isArray()) {
        wrong(keyPath(key), k.expected(), value);
        return result;
    }
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QString elementPath = keyPath(key) + QStringLiteral("[%1]").arg(i);
        if (!array[i].isObject()) {
            wrong(elementPath, QStringLiteral("an object"), array[i]);
            return {};
        }
        result << Reader(m_ctx, elementPath, array[i].toObject());
    }
    return result;
}

void Reader::rawString(const char *key, QString *out, bool required, const Check &check)
{
    const QString expected = check.expected.isEmpty() ? QStringLiteral("a string") : check.expected;
    const QJsonValue value = take(key, expected, required);
    if (value.isUndefined())
        return;
    if (!value.isString() || (check.valid && !check.valid(value.toString()))) {
        wrong(keyPath(key), expected, value);
        return;
    }
    *out = value.toString();
}

void Reader::string(const char *key, QString *out)
{
    const ConfigKey &k = spec(key);
    if (k.defaultValue.isString() && m_present && !m_object.contains(QLatin1String(key)))
        *out = k.defaultValue.toString();
    rawString(key, out, k.required, checkFor(k));
}

void Reader::integer(const char *key, int *out)
{
    const ConfigKey &k = spec(key);
    const QString expected = k.expected();
    const QJsonValue value = take(key, expected, k.required);
    if (value.isUndefined()) {
        if (k.defaultValue.isDouble() && m_present && !failed())
            *out = k.defaultValue.toInt();
        return;
    }
    const double d = value.toDouble();
    if (!value.isDouble() || !std::isfinite(d) || std::floor(d) != d || d < k.min || d > k.max) {
        wrong(keyPath(key), expected, value);
        return;
    }
    *out = int(d);
}

void Reader::boolean(const char *key, bool *out)
{
    const ConfigKey &k = spec(key);
    const QJsonValue value = take(key, k.expected(), k.required);
    if (value.isUndefined()) {
        if (k.defaultValue.isBool() && m_present && !failed())
            *out = k.defaultValue.toBool();
        return;
    }
    if (!value.isBool()) {
        wrong(keyPath(key), k.expected(), value);
        return;
    }
    *out = value.toBool();
}

void Reader::rawPath(const char *key, QString *out, bool required)
{
    QString text;
    rawString(key, &text, required,
              {QStringLiteral("a non-empty path"), [](const QString &s) { return !s.isEmpty(); }});
    if (!text.isEmpty())
        *out = QDir::cleanPath(m_ctx->baseDir.absoluteFilePath(text));
}

void Reader::path(const char *key, QString *out)
{
    rawPath(key, out, spec(key).required);
}

void Reader::file(const char *key, QString *out)
{
    QString resolved;
    path(key, &resolved);
    if (resolved.isEmpty())
        return;
    const QString expected = QLatin1String("expected a readable file, but \"") + resolved + QLatin1String("\" ");
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
        fail(keyPath(key), expected + QLatin1String("cannot be read (") + file.errorString() + QLatin1Char(')'));
        return;
    }
    *out = resolved;
}

void Reader::secret(const char *key, QString *out, SecretRef *ref)
{
    const ConfigKey &k = spec(key);
    const QString expected = k.expected();
    const QJsonValue value = take(key, expected, k.required);
    ref->key = keyPath(key);
    if (value.isUndefined())
        return;
    if (value.isString()) {
        ref->kind = SecretRef::Kind::Plain;
        *out = value.toString();
        return;
    }
    if (!value.isObject()) {
        wrong(keyPath(key), expected, value, true);
        return;
    }
    Reader r(m_ctx, keyPath(key), value.toObject());
    const QJsonObject o = value.toObject();
    const Check nonEmpty{QStringLiteral("a non-empty string"), [](const QString &s) { return !s.isEmpty(); }};
    if (o.contains(QLatin1String("keychain"))) {
        r.allowOnly({"keychain", "service"});
        ref->kind = SecretRef::Kind::Keychain;
        ref->service = QStringLiteral("mysql-sync");
        r.rawString("keychain", &ref->name, true, nonEmpty);
        r.rawString("service", &ref->service, false, nonEmpty);
    } else if (o.contains(QLatin1String("env"))) {
        r.allowOnly({"env"});
        ref->kind = SecretRef::Kind::Env;
        r.rawString("env", &ref->name, true, {QStringLiteral("an environment variable name"), [](const QString &s) {
                                                  return !s.isEmpty() && !s.contains(QLatin1Char('='));
                                              }});
    } else if (o.contains(QLatin1String("file"))) {
        r.allowOnly({"file"});
        ref->kind = SecretRef::Kind::File;
        r.rawPath("file", &ref->name, true);
    } else {
        wrong(keyPath(key), expected, value, true);
    }
}

void Reader::stringList(const char *key, QStringList *out)
{
    const Check check = elementCheck(spec(key));
    uniqueList(key, out, [&](const QString &path, const QJsonValue &element, QString *s) {
        if (!element.isString() || !check.valid(element.toString())) {
            wrong(path, check.expected, element);
            return false;
        }
        *s = element.toString();
        return true;
    });
}

void Reader::uniqueList(const char *key, QStringList *out,
                        const std::function<bool(const QString &path, const QJsonValue &element, QString *s)> &item)
{
    const ConfigKey &k = spec(key);
    const QJsonValue value = take(key, k.expected(), k.required);
    if (value.isUndefined())
        return;
    if (!value.isArray()) {
        wrong(keyPath(key), k.expected(), value);
        return;
    }
    const QJsonArray array = value.toArray();
    QStringList list;
    for (int i = 0; i < array.size(); ++i) {
        const QString elementPath = keyPath(key) + QStringLiteral("[%1]").arg(i);
        QString s;
        if (!item(elementPath, array[i], &s))
            return;
        const int first = list.indexOf(s);
        if (first >= 0) {
            fail(elementPath,
                 QStringLiteral("expected no duplicates, got %1 again (first at %2[%3])")
                     .arg(describe(QJsonValue(s)), keyPath(key))
                     .arg(first));
            return;
        }
        list << s;
    }
    *out = list;
}

void Reader::conflictPolicies(const char *key, QHash<QString, ConflictPolicy> *out)
{
    QJsonObject tables;
    if (!takeObject(key, &tables))
        return;
    QHash<QString, ConflictPolicy> policies;
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        const QString path = keyPath(key) + QLatin1Char('.') + it.key();
        ConflictPolicy policy;
        const QJsonValue v = it.value();
        const QString name = v.isObject() ? v.toObject().value(QStringLiteral("policy")).toString() : v.toString();
        if (name == QLatin1String("newest")) {
            policy.kind = ConflictPolicy::Kind::Newest;
        } else if (name == QLatin1String("manual")) {
            policy.kind = ConflictPolicy::Kind::Manual;
        } else if (name == QLatin1String("priority")) {
            policy.kind = ConflictPolicy::Kind::Priority;
            const QJsonValue sites = v.toObject().value(QStringLiteral("sites"));
            const QJsonArray list = sites.toArray();
            if (!sites.isArray() || list.isEmpty()) {
                wrong(path + QStringLiteral(".sites"),
                      QStringLiteral("a non-empty array of client names, the first "
                                     "winning"),
                      sites);
                return;
            }
            for (int i = 0; i < list.size(); ++i) {
                const QString site = list[i].toString();
                if (!list[i].isString() || !isValidClientName(site) || policy.sites.contains(site)) {
                    wrong(path + QStringLiteral(".sites[%1]").arg(i), QStringLiteral("a client name not listed before"),
                          list[i]);
                    return;
                }
                policy.sites << site;
            }
        } else {
            wrong(path, QStringLiteral(R"("newest", "manual" or {"policy": "priority", "sites": [client names]})"), v);
            return;
        }
        if (v.isObject()) {
            const QStringList allowed = policy.kind == ConflictPolicy::Kind::Priority
                ? QStringList{QStringLiteral("policy"), QStringLiteral("sites")}
                : QStringList{QStringLiteral("policy")};
            const QJsonObject o = v.toObject();
            for (auto field = o.begin(); field != o.end(); ++field) {
                if (!allowed.contains(field.key())) {
                    fail(path + QLatin1Char('.') + field.key(), QStringLiteral("unknown key"));
                    return;
                }
            }
        }
        policies.insert(it.key(), policy);
    }
    *out = policies;
}

} // namespace mysqlsync::configreader
