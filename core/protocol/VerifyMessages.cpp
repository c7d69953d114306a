#include "protocol/VerifyMessages.h"

#include "protocol/JsonFields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mysqlsync::ext {

using namespace json;

namespace {

constexpr int kMaxRunLength = 64;
constexpr int kMaxNameLength = 255; // table, column and key strings

const QList<QPair<VerifyMessage::Type, QString>> &typeNames()
{
    static const QList<QPair<VerifyMessage::Type, QString>> names = {
        {VerifyMessage::Type::Open, QStringLiteral("open")},
        {VerifyMessage::Type::Opened, QStringLiteral("opened")},
        {VerifyMessage::Type::Range, QStringLiteral("range")},
        {VerifyMessage::Type::RangeResult, QStringLiteral("range-result")},
        {VerifyMessage::Type::Keys, QStringLiteral("keys")},
        {VerifyMessage::Type::KeysResult, QStringLiteral("keys-result")},
        {VerifyMessage::Type::Failed, QStringLiteral("failed")},
    };
    return names;
}

bool isDigest(const QString &s)
{
    if (s.size() != 16)
        return false;
    for (const QChar c : s) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

// A key or bound: a string (a number is taken as the protocol's ids are) of at most 255 characters.
bool readKey(const QJsonValue &v, const QString &path, bool nullable, QString *out, QString *error)
{
    if (nullable && v.isNull()) {
        *out = QString();
        return true;
    }
    if (!v.isString() && !v.isDouble()) {
        setError(error,
                 QStringLiteral("field `%1` must be a string%2, got %3")
                     .arg(path, nullable ? QStringLiteral(" or null") : QString(), jsonTypeName(v)));
        return false;
    }
    *out = v.isString() ? v.toString() : QString::number(v.toInteger());
    if (out->isNull())
        *out = QStringLiteral("");
    if (out->size() > kMaxNameLength) {
        setError(error, QStringLiteral("field `%1` is longer than %2 characters").arg(path).arg(kMaxNameLength));
        return false;
    }
    return true;
}

bool readArray(const QJsonObject &o, const QString &field, qsizetype max, QJsonArray *out, QString *error)
{
    const QJsonValue v = o.value(field);
    if (!v.isArray()) {
        setError(error, QStringLiteral("field `%1` must be an array, got %2").arg(field, jsonTypeName(v)));
        return false;
    }
    *out = v.toArray();
    if (out->size() > max) {
        setError(error,
                 QStringLiteral("field `%1` holds %2 entries, at most %3 are allowed")
                     .arg(field)
                     .arg(out->size())
                     .arg(max));
        return false;
    }
    return true;
}

bool readCount(const QJsonValue &v, const QString &path, qint64 *out, QString *error)
{
    if (!v.isDouble() || v.toDouble() != double(v.toInteger(-1)) || v.toInteger() < 0) {
        setError(error, QStringLiteral("field `%1` must be a non-negative integer, got %2").arg(path, jsonTypeName(v)));
        return false;
    }
    *out = v.toInteger();
    return true;
}

bool readDigest(const QJsonValue &v, const QString &path, QString *out, QString *error)
{
    if (!v.isString() || !isDigest(v.toString())) {
        setError(error, QStringLiteral("field `%1` must be 16 lowercase hexadecimal digits").arg(path));
        return false;
    }
    *out = v.toString();
    return true;
}

// [["key", "sum"], ...]
bool readRows(const QJsonArray &a, const QString &path, QList<RowDigest> *out, QString *error)
{
    out->reserve(a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString at = QStringLiteral("%1[%2]").arg(path).arg(i);
        const QJsonArray pair = a.at(i).toArray();
        if (!a.at(i).isArray() || pair.size() != 2) {
            setError(error, QStringLiteral("field `%1` must be a [key, checksum] pair").arg(at));
            return false;
        }
        RowDigest d;
        if (!readKey(pair.at(0), at + QStringLiteral("[0]"), false, &d.key, error)
            || !readDigest(pair.at(1), at + QStringLiteral("[1]"), &d.sum, error))
            return false;
        out->append(d);
    }
    return true;
}

QJsonArray rowsJson(const QList<RowDigest> &rows)
{
    QJsonArray a;
    for (const RowDigest &d : rows)
        a.append(QJsonArray{d.key, d.sum});
    return a;
}

QJsonValue nullable(const QString &s)
{
    return s.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

QString capabilityVerify()
{
    return QStringLiteral("verify");
}

QString verifyTopic(const QString &sender, const QString &target)
{
    return QStringLiteral("/mysql-sync/") + sender + QStringLiteral("/verify/") + target;
}

QString xorDigests(const QList<RowDigest> &rows, qsizetype begin, qsizetype end)
{
    quint64 sum = 0;
    for (qsizetype i = begin; i < end; ++i)
        sum ^= rows.at(i).sum.toULongLong(nullptr, 16);
    return QStringLiteral("%1").arg(sum, 16, 16, QLatin1Char('0'));
}

QString VerifyMessage::typeName(Type type)
{
    for (const auto &[t, name] : typeNames()) {
        if (t == type)
            return name;
    }
    return QString();
}

QByteArray VerifyMessage::toJson() const
{
    QJsonObject o{{QStringLiteral("sender"), sender},
                  {QStringLiteral("type"), typeName(type)},
                  {QStringLiteral("run"), run},
                  {QStringLiteral("seq"), seq},
                  {QStringLiteral("table"), table}};
    if (type != Type::Failed)
        o.insert(QStringLiteral("columns"), QJsonArray::fromStringList(columns));
    switch (type) {
    case Type::Open:
        break;
    case Type::Opened:
        o.insert(QStringLiteral("mirror"), mirror);
        break;
    case Type::Range: {
        o.insert(QStringLiteral("from"), nullable(from));
        QJsonArray a;
        for (const VerifyChunk &c : chunks)
            a.append(QJsonObject{{QStringLiteral("to"), nullable(c.to)},
                                 {QStringLiteral("count"), c.count},
                                 {QStringLiteral("sum"), c.sum}});
        o.insert(QStringLiteral("chunks"), a);
        break;
    }
    case Type::RangeResult: {
        o.insert(QStringLiteral("count"), count);
        QJsonArray a;
        for (const auto &[chunk, rows] : differ)
            a.append(QJsonObject{{QStringLiteral("chunk"), chunk}, {QStringLiteral("rows"), rowsJson(rows)}});
        o.insert(QStringLiteral("differ"), a);
        break;
    }
    case Type::Keys:
        o.insert(QStringLiteral("keys"), QJsonArray::fromStringList(keys));
        break;
    case Type::KeysResult:
        o.insert(QStringLiteral("rows"), rowsJson(rows));
        break;
    case Type::Failed:
        o.insert(QStringLiteral("message"), message);
        break;
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool VerifyMessage::fromJson(const QByteArray &json, const QString &topicSender, VerifyMessage *out, QString *error)
{
    QJsonObject o;
    if (!parseObject(json, "verify message", &o, error))
        return false;
    VerifyMessage m;
    if (!readSender(o, &m.sender, error))
        return false;
    if (m.sender != topicSender) {
        setError(error,
                 QStringLiteral("field `sender` (\"%1\") is not the site the topic names (\"%2\")")
                     .arg(m.sender.left(64), topicSender));
        return false;
    }
    QString type;
    if (!readString(o, QStringLiteral("type"), QStringLiteral("type"), true, &type, error))
        return false;
    bool known = false;
    for (const auto &[t, name] : typeNames()) {
        if (name == type) {
            m.type = t;
            known = true;
        }
    }
    if (!known) {
        setError(error, QStringLiteral("field `type` (\"%1\") is not a verify message type").arg(type.left(64)));
        return false;
    }
    if (!readString(o, QStringLiteral("run"), QStringLiteral("run"), true, &m.run, error))
        return false;
    if (m.run.size() > kMaxRunLength) {
        setError(error, QStringLiteral("field `run` is longer than %1 characters").arg(kMaxRunLength));
        return false;
    }
    if (!readCount(o.value(QStringLiteral("seq")), QStringLiteral("seq"), &m.seq, error))
        return false;
    if (!readString(o, QStringLiteral("table"), QStringLiteral("table"), true, &m.table, error))
        return false;
    if (m.table.size() > kMaxNameLength) {
        setError(error, QStringLiteral("field `table` is longer than %1 characters").arg(kMaxNameLength));
        return false;
    }
    if (m.type == Type::Failed) {
        if (!readString(o, QStringLiteral("message"), QStringLiteral("message"), false, &m.message, error))
            return false;
        m.message.truncate(1024);
        *out = m;
        return true;
    }
    QJsonArray columns;
    if (!readArray(o, QStringLiteral("columns"), kMaxVerifyColumns, &columns, error))
        return false;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const QString path = QStringLiteral("columns[%1]").arg(i);
        if (!columns.at(i).isString() || columns.at(i).toString().isEmpty()
            || columns.at(i).toString().size() > kMaxNameLength) {
            setError(error, QStringLiteral("field `%1` must be a column name").arg(path));
            return false;
        }
        if (m.columns.contains(columns.at(i).toString())) {
            setError(error, QStringLiteral("field `%1` names a column twice").arg(path));
            return false;
        }
        m.columns.append(columns.at(i).toString());
    }
    switch (m.type) {
    case Type::Opened: {
        const QJsonValue v = o.value(QStringLiteral("mirror"));
        if (!v.isUndefined() && !v.isBool()) {
            setError(error, QStringLiteral("field `mirror` must be true or false, got %1").arg(jsonTypeName(v)));
            return false;
        }
        m.mirror = v.toBool(false);
        break;
    }
    case Type::Open:
    case Type::Failed:
        break;
    case Type::Range: {
        if (!readKey(o.value(QStringLiteral("from")), QStringLiteral("from"), true, &m.from, error))
            return false;
        QJsonArray a;
        if (!readArray(o, QStringLiteral("chunks"), kMaxVerifyChunks, &a, error))
            return false;
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString path = QStringLiteral("chunks[%1]").arg(i);
            const QJsonObject c = a.at(i).toObject();
            VerifyChunk chunk;
            if (!a.at(i).isObject()
                || !readKey(c.value(QStringLiteral("to")), path + QStringLiteral(".to"), true, &chunk.to, error)
                || !readCount(c.value(QStringLiteral("count")), path + QStringLiteral(".count"), &chunk.count, error)
                || !readDigest(c.value(QStringLiteral("sum")), path + QStringLiteral(".sum"), &chunk.sum, error)) {
                if (!a.at(i).isObject())
                    setError(error, QStringLiteral("field `%1` must be an object").arg(path));
                return false;
            }
            // Only the last chunk may be open above.
            if (chunk.to.isNull() && i != a.size() - 1) {
                setError(error, QStringLiteral("field `%1.to` is null before the last chunk").arg(path));
                return false;
            }
            m.chunks.append(chunk);
        }
        if (m.chunks.isEmpty()) {
            setError(error, QStringLiteral("field `chunks` is empty"));
            return false;
        }
        break;
    }
    case Type::RangeResult: {
        if (!readCount(o.value(QStringLiteral("count")), QStringLiteral("count"), &m.count, error))
            return false;
        QJsonArray a;
        if (!readArray(o, QStringLiteral("differ"), kMaxVerifyChunks, &a, error))
            return false;
        qsizetype total = 0;
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString path = QStringLiteral("differ[%1]").arg(i);
            const QJsonObject d = a.at(i).toObject();
            qint64 chunk = 0;
            QJsonArray rows;
            QList<RowDigest> digests;
            if (!readCount(d.value(QStringLiteral("chunk")), path + QStringLiteral(".chunk"), &chunk, error))
                return false;
            if (!readArray(d, QStringLiteral("rows"), kMaxVerifyRows, &rows, error))
                return false;
            total += rows.size();
            if (chunk >= kMaxVerifyChunks || total > kMaxVerifyRows) {
                setError(error, QStringLiteral("field `%1` is out of bounds").arg(path));
                return false;
            }
            if (!readRows(rows, path + QStringLiteral(".rows"), &digests, error))
                return false;
            m.differ.append({int(chunk), digests});
        }
        break;
    }
    case Type::Keys: {
        QJsonArray a;
        if (!readArray(o, QStringLiteral("keys"), kMaxVerifyKeys, &a, error))
            return false;
        for (qsizetype i = 0; i < a.size(); ++i) {
            QString key;
            if (!readKey(a.at(i), QStringLiteral("keys[%1]").arg(i), false, &key, error))
                return false;
            m.keys.append(key);
        }
        break;
    }
    case Type::KeysResult: {
        QJsonArray a;
        if (!readArray(o, QStringLiteral("rows"), kMaxVerifyKeys, &a, error)
            || !readRows(a, QStringLiteral("rows"), &m.rows, error))
            return false;
        break;
    }
    }
    *out = m;
    return true;
}

} // namespace mysqlsync::ext
