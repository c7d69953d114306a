// The five wire messages of docs/protocol.md ("Messages").
//
// Output is strict: exactly the protocol's fields, because the earlier TypeScript engine
// rejects additional properties. Input is liberal where it costs nothing (extra fields are
// tolerated and logged at debug level, a numeric `id` is converted to its string form) and
// strict everywhere else: every rejection names the field.
#include "protocol/Messages.h"

#include "protocol/JsonFields.h"

#include "common/ClientName.h"

#include "common/Logging.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QStringList>
#include <QVariant>

#include <cmath>
#include <cstdlib>
#include <limits>

namespace mysqlsync {

namespace {
// ECMAScript's Date range: +-8.64e15 ms around the epoch.
constexpr double kMaxDateMs = 8.64e15;
} // namespace

namespace json {

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// Parses the payload into an object; `what` names the message kind for the error text.
bool parseObject(const QByteArray &payload, const char *what, QJsonObject *out, QString *error, qsizetype maxBytes)
{
    if (payload.size() > maxBytes) {
        setError(error,
                 QStringLiteral("%1 message rejected: payload of %2 bytes exceeds the limit of %3 bytes")
                     .arg(QLatin1String(what))
                     .arg(payload.size())
                     .arg(maxBytes));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt rejects a bare scalar ("42", "\"x\"") as a parse error: tell that case apart.
        QJsonParseError wrappedError;
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + payload + ']', &wrappedError);
        if (wrappedError.error == QJsonParseError::NoError && wrapped.array().size() == 1) {
            setError(error, QStringLiteral("%1 message is not a JSON object").arg(QLatin1String(what)));
            return false;
        }
        setError(error,
                 QStringLiteral("%1 message is not valid JSON: %2 at offset %3")
                     .arg(QLatin1String(what), parseError.errorString())
                     .arg(parseError.offset));
        return false;
    }
    if (!doc.isObject()) {
        setError(error, QStringLiteral("%1 message is not a JSON object").arg(QLatin1String(what)));
        return false;
    }
    *out = doc.object();
    return true;
}

void logExtraFields(const QJsonObject &object, const QStringList &known, const QString &where)
{
    if (!lcProtocol().isDebugEnabled())
        return;
    QStringList extra;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            extra << it.key();
    }
    if (!extra.isEmpty())
        qCDebug(lcProtocol).noquote() << "ignoring unknown field(s) in" << where << ":"
                                      << extra.join(QStringLiteral(", "));
}

// `sender`: present, a string, a valid client name.
bool readSender(const QJsonObject &o, QString *out, QString *error)
{
    const QJsonValue v = o.value(QStringLiteral("sender"));
    if (v.isUndefined()) {
        setError(error, QStringLiteral("missing field `sender`"));
        return false;
    }
    if (!v.isString()) {
        setError(error, QStringLiteral("field `sender` must be a string, got %1").arg(jsonTypeName(v)));
        return false;
    }
    if (!isValidClientName(v.toString())) {
        setError(error,
                 QStringLiteral("field `sender` is not a valid client name (^[A-Za-z0-9_-]{2,32}$): \"%1\"")
                     .arg(v.toString().left(64)));
        return false;
    }
    *out = v.toString();
    return true;
}

// A non-empty string field (`table`, `message`).
bool readString(const QJsonObject &o, const QString &field, const QString &path, bool nonEmpty, QString *out,
                QString *error)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined()) {
        setError(error, QStringLiteral("missing field `%1`").arg(path));
        return false;
    }
    if (!v.isString()) {
        setError(error, QStringLiteral("field `%1` must be a string, got %2").arg(path, jsonTypeName(v)));
        return false;
    }
    if (nonEmpty && v.toString().isEmpty()) {
        setError(error, QStringLiteral("field `%1` must not be empty").arg(path));
        return false;
    }
    *out = v.toString();
    return true;
}

// `id`: a string, or a number (an earlier engine may send one) converted with keyToString.
bool readId(const QJsonObject &o, const QString &path, QString *out, QString *error)
{
    const QJsonValue v = o.value(QStringLiteral("id"));
    if (v.isUndefined()) {
        setError(error, QStringLiteral("missing field `%1`").arg(path));
        return false;
    }
    if (!v.isString() && !v.isDouble()) {
        setError(error, QStringLiteral("field `%1` must be a string or a number, got %2").arg(path, jsonTypeName(v)));
        return false;
    }
    if (v.isDouble())
        qCDebug(lcProtocol).noquote() << "field" << path << "sent as a number, converted to" << keyToString(v);
    *out = keyToString(v);
    return true;
}

// A date field (`date`, `until`): a JSON number of milliseconds since the epoch.
// A fractional number is truncated towards zero. Strings (numeric or not) are rejected.
bool readMillis(const QJsonObject &o, const QString &field, const QString &path, qint64 *out, QString *error)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined()) {
        setError(error, QStringLiteral("missing field `%1`").arg(path));
        return false;
    }
    if (v.isString()) {
        setError(error,
                 QStringLiteral(
                     "field `%1` must be a JSON number (milliseconds since the epoch), got the string \"%2\"")
                     .arg(path, v.toString().left(64)));
        return false;
    }
    if (!v.isDouble()) {
        setError(error,
                 QStringLiteral("field `%1` must be a number (milliseconds since the epoch), got %2")
                     .arg(path, jsonTypeName(v)));
        return false;
    }
    if (v.toVariant().typeId() == QMetaType::LongLong) {
        const qint64 n = v.toInteger();
        if (n > qint64(kMaxDateMs) || n < -qint64(kMaxDateMs)) {
            setError(error, QStringLiteral("field `%1` is out of range: %2").arg(path).arg(n));
            return false;
        }
        *out = n;
        return true;
    }
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::fabs(d) > kMaxDateMs) {
        setError(error, QStringLiteral("field `%1` is out of range: %2").arg(path, keyToString(v)));
        return false;
    }
    *out = qint64(std::trunc(d));
    return true;
}

QJsonValue millis(qint64 ms)
{
    return QJsonValue(ms); // Qt 6 keeps qint64 as an integer: prints 1767225600123, not 1.767e12
}

} // namespace json

namespace {
using namespace json;

QString infoKindName(InfoKind kind)
{
    switch (kind) {
    case InfoKind::Connected:
        return QStringLiteral("connected");
    case InfoKind::ConnectionLost:
        return QStringLiteral("connection_lost");
    case InfoKind::DataReceived:
        return QStringLiteral("data_received");
    case InfoKind::Error:
        return QStringLiteral("error");
    }
    return QString();
}

// Formats a double as ECMAScript's Number.prototype.toString does.
QString jsNumberToString(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v < 0 ? QStringLiteral("-Infinity") : QStringLiteral("Infinity");
    if (v == 0)
        return QStringLiteral("0");
    const bool negative = v < 0;
    // Shortest round-trip digits in scientific form: "d.ddde+XX".
    const QString sci = QString::number(std::fabs(v), 'e', QLocale::FloatingPointShortest);
    const qsizetype ePos = sci.indexOf(QLatin1Char('e'));
    QString digits = sci.left(ePos);
    digits.remove(QLatin1Char('.'));
    const int exponent = sci.mid(ePos + 1).toInt(); // value = 0.d1d2... * 10^(exponent+1)
    const int k = int(digits.size());
    const int n = exponent + 1;
    QString result;
    if (k <= n && n <= 21) {
        result = digits + QString(n - k, QLatin1Char('0'));
    } else if (0 < n && n <= 21) {
        result = digits.left(n) + QLatin1Char('.') + digits.mid(n);
    } else if (-6 < n && n <= 0) {
        result = QStringLiteral("0.") + QString(-n, QLatin1Char('0')) + digits;
    } else {
        const int e = n - 1;
        const QString expText = (e >= 0 ? QStringLiteral("+") : QStringLiteral("-")) + QString::number(std::abs(e));
        if (k == 1)
            result = digits + QLatin1Char('e') + expText;
        else
            result = digits.left(1) + QLatin1Char('.') + digits.mid(1) + QLatin1Char('e') + expText;
    }
    return negative ? QLatin1Char('-') + result : result;
}

} // namespace

namespace topics {
QString info()
{
    return QStringLiteral("/info");
}
QString infoFor(const QString &client)
{
    return QStringLiteral("/info/") + client;
}
QString changeFor(const QString &client)
{
    return QStringLiteral("/change/") + client;
}
} // namespace topics

// ---------------------------------------------------------------------------------------------
// InfoMessage

InfoMessage InfoMessage::connected(const QString &sender, qint64 until)
{
    InfoMessage m;
    m.sender = sender;
    m.kind = InfoKind::Connected;
    m.until = until;
    return m;
}

InfoMessage InfoMessage::connectionLost(const QString &sender)
{
    InfoMessage m;
    m.sender = sender;
    m.kind = InfoKind::ConnectionLost;
    return m;
}

InfoMessage InfoMessage::dataReceived(const QString &sender, const QString &table, const QString &id, qint64 date)
{
    InfoMessage m;
    m.sender = sender;
    m.kind = InfoKind::DataReceived;
    m.table = table;
    m.id = id;
    m.date = date;
    return m;
}

InfoMessage InfoMessage::error(const QString &sender, const QString &table, const QString &id, qint64 date,
                               const QString &message)
{
    InfoMessage m = dataReceived(sender, table, id, date);
    m.kind = InfoKind::Error;
    m.message = message;
    return m;
}

QJsonObject InfoMessage::toObject() const
{
    QJsonObject args;
    switch (kind) {
    case InfoKind::Connected:
        args.insert(QStringLiteral("until"), millis(until));
        break;
    case InfoKind::ConnectionLost:
        break;
    case InfoKind::Error:
        args.insert(QStringLiteral("message"), message);
        Q_FALLTHROUGH();
    case InfoKind::DataReceived:
        args.insert(QStringLiteral("table"), table);
        args.insert(QStringLiteral("id"), id);
        args.insert(QStringLiteral("date"), millis(date));
        break;
    }
    QJsonObject o;
    o.insert(QStringLiteral("sender"), sender);
    o.insert(QStringLiteral("message"), infoKindName(kind));
    o.insert(QStringLiteral("args"), args);
    return o;
}

QByteArray InfoMessage::toJson() const
{
    return QJsonDocument(toObject()).toJson(QJsonDocument::Compact);
}

bool InfoMessage::fromJson(const QByteArray &payload, InfoMessage *out, QString *error)
{
    QJsonObject o;
    return parseObject(payload, "info", &o, error) && fromObject(o, out, error);
}

bool InfoMessage::fromObject(const QJsonObject &o, InfoMessage *out, QString *error)
{
    InfoMessage m;
    if (!readSender(o, &m.sender, error))
        return false;

    QString kindName;
    if (!readString(o, QStringLiteral("message"), QStringLiteral("message"), false, &kindName, error))
        return false;
    if (kindName == QLatin1String("connected"))
        m.kind = InfoKind::Connected;
    else if (kindName == QLatin1String("connection_lost"))
        m.kind = InfoKind::ConnectionLost;
    else if (kindName == QLatin1String("data_received"))
        m.kind = InfoKind::DataReceived;
    else if (kindName == QLatin1String("error"))
        m.kind = InfoKind::Error;
    else {
        setError(error, QStringLiteral("field `message` names an unknown info message: \"%1\"").arg(kindName.left(64)));
        return false;
    }

    logExtraFields(o, {QStringLiteral("sender"), QStringLiteral("message"), QStringLiteral("args")},
                   QStringLiteral("info message"));

    const QJsonValue argsValue = o.value(QStringLiteral("args"));
    QJsonObject args;
    if (argsValue.isUndefined()) {
        // connection_lost carries no arguments: tolerate an omitted `args` there.
        if (m.kind != InfoKind::ConnectionLost) {
            setError(error, QStringLiteral("missing field `args`"));
            return false;
        }
        qCDebug(lcProtocol) << "connection_lost without `args` accepted";
    } else if (!argsValue.isObject()) {
        setError(error, QStringLiteral("field `args` must be an object, got %1").arg(jsonTypeName(argsValue)));
        return false;
    } else {
        args = argsValue.toObject();
    }

    switch (m.kind) {
    case InfoKind::Connected:
        if (!readMillis(args, QStringLiteral("until"), QStringLiteral("args.until"), &m.until, error))
            return false;
        logExtraFields(args, {QStringLiteral("until")}, QStringLiteral("connected args"));
        break;
    case InfoKind::ConnectionLost:
        logExtraFields(args, {}, QStringLiteral("connection_lost args"));
        break;
    case InfoKind::DataReceived:
    case InfoKind::Error:
        if (!readString(args, QStringLiteral("table"), QStringLiteral("args.table"), true, &m.table, error))
            return false;
        if (!readId(args, QStringLiteral("args.id"), &m.id, error))
            return false;
        if (!readMillis(args, QStringLiteral("date"), QStringLiteral("args.date"), &m.date, error))
            return false;
        if (m.kind == InfoKind::Error) {
            if (!readString(args, QStringLiteral("message"), QStringLiteral("args.message"), false, &m.message, error))
                return false;
            logExtraFields(args,
                           {QStringLiteral("table"), QStringLiteral("id"), QStringLiteral("date"),
                            QStringLiteral("message")},
                           QStringLiteral("error args"));
        } else {
            logExtraFields(args, {QStringLiteral("table"), QStringLiteral("id"), QStringLiteral("date")},
                           QStringLiteral("data_received args"));
        }
        break;
    }

    if (out)
        *out = m;
    return true;
}

// ---------------------------------------------------------------------------------------------
// ChangeMessage

QByteArray ChangeMessage::toJson() const
{
    return QJsonDocument(toObject()).toJson(QJsonDocument::Compact);
}

QJsonObject ChangeMessage::toObject() const
{
    QJsonObject o;
    o.insert(QStringLiteral("sender"), sender);
    o.insert(QStringLiteral("table"), table);
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("date"), millis(date));
    o.insert(QStringLiteral("entity"), entity.isObject() ? entity : QJsonValue(QJsonValue::Null));
    return o;
}

bool ChangeMessage::fromJson(const QByteArray &payload, ChangeMessage *out, QString *error)
{
    if (out)
        *out = ChangeMessage();
    QJsonObject o;
    return parseObject(payload, "change", &o, error) && fromObject(o, out, error);
}

bool ChangeMessage::fromObject(const QJsonObject &o, ChangeMessage *out, QString *error)
{
    ChangeMessage scratch;
    ChangeMessage &m = out ? *out : scratch;
    m = ChangeMessage();

    // Read every field, keeping whatever is valid, and report the first problem
    // (in the order sender, table, id, date, entity).
    QString firstError;
    QString fieldError;
    auto note = [&](bool ok) {
        if (!ok && firstError.isEmpty())
            firstError = fieldError;
    };

    QString value;
    bool ok = readSender(o, &value, &fieldError);
    if (ok)
        m.sender = value;
    note(ok);

    ok = readString(o, QStringLiteral("table"), QStringLiteral("table"), true, &value, &fieldError);
    if (ok)
        m.table = value;
    note(ok);

    ok = readId(o, QStringLiteral("id"), &value, &fieldError);
    if (ok)
        m.id = value;
    note(ok);

    qint64 date = 0;
    ok = readMillis(o, QStringLiteral("date"), QStringLiteral("date"), &date, &fieldError);
    if (ok)
        m.date = date;
    note(ok);

    const QJsonValue entity = o.value(QStringLiteral("entity"));
    if (entity.isUndefined()) {
        fieldError = QStringLiteral("missing field `entity` (an object, or null for a delete)");
        note(false);
    } else if (!entity.isObject() && !entity.isNull()) {
        fieldError = QStringLiteral("field `entity` must be an object or null, got %1").arg(jsonTypeName(entity));
        note(false);
    } else {
        m.entity = entity;
    }
    if (m.entity.isUndefined())
        m.entity = QJsonValue(QJsonValue::Null);

    logExtraFields(o,
                   {QStringLiteral("sender"), QStringLiteral("table"), QStringLiteral("id"), QStringLiteral("date"),
                    QStringLiteral("entity")},
                   QStringLiteral("change message"));

    if (!firstError.isEmpty()) {
        setError(error, firstError);
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------

QString syncStatusId(const QString &table, const QString &id, const QString &remote)
{
    const QByteArray data = (table + QLatin1Char('-') + id + QLatin1Char('-') + remote).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
}

QString keyToString(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (!value.isDouble())
        return QString();
    // Qt 6 keeps integers that fit in 64 bits exactly: print those digits.
    if (value.toVariant().typeId() == QMetaType::LongLong)
        return QString::number(value.toInteger());
    const double d = value.toDouble();
    constexpr double two63 = 9223372036854775808.0;
    if (std::isfinite(d) && d == std::trunc(d) && d < two63 && d >= -two63)
        return QString::number(qint64(d));
    // Not integral or beyond 64 bits: the shortest round-trip text, as JavaScript prints it.
    return jsNumberToString(d);
}

} // namespace mysqlsync
