#include "protocol/Extensions.h"

#include "common/ClientName.h"
#include "common/Logging.h"
#include "protocol/JsonFields.h"
#include "protocol/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QtEndian>

#define ZLIB_CONST
#include <zlib.h>

namespace mysqlsync::ext {

using namespace json;

namespace {
const QByteArray kZlibPrefix = QByteArrayLiteral("zlib:");
constexpr qsizetype kSmallestWorthCompressing = 512;
// zlib level 1: about three times as fast as the default 6, and the rows of a batch repeat
// their column names so much that it still shrinks them to about a quarter (docs/BENCHMARKS.md).
constexpr int kCompressionLevel = 1;

QString prefix()
{
    return QStringLiteral("/mysql-sync/");
}

// Inflates a zlib stream into exactly `size` bytes, never more: false when it holds more or
// less than that, or is damaged. (qUncompress takes the size as a hint only and grows its
// buffer until everything fits: a small stream could make it allocate gigabytes.)
bool inflateExactly(const QByteArray &stream, quint32 size, QByteArray *out)
{
    if (size == 0 || stream.size() > kMaxMessageBytes)
        return false;
    QByteArray buffer(qsizetype(size), Qt::Uninitialized);
    z_stream z{};
    if (inflateInit(&z) != Z_OK)
        return false;
    z.next_in = reinterpret_cast<const Bytef *>(stream.constData());
    z.avail_in = uInt(stream.size());
    z.next_out = reinterpret_cast<Bytef *>(buffer.data());
    z.avail_out = uInt(size);
    const int rc = inflate(&z, Z_FINISH);
    const bool whole = rc == Z_STREAM_END && z.avail_out == 0;
    inflateEnd(&z);
    if (whole)
        *out = std::move(buffer);
    return whole;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray quoted(const QString &s)
{
    // A JSON string literal, escaped as QJsonDocument escapes it.
    QByteArray out;
    appendString(out, s);
    return out;
}

// One element of a receipt batch's `received` or `errors` (`message` for an error only).
QByteArray receiptRow(const InfoMessage &r)
{
    QJsonObject row;
    row.insert(QStringLiteral("table"), r.table);
    row.insert(QStringLiteral("id"), r.id);
    row.insert(QStringLiteral("date"), millis(r.date));
    if (r.kind == InfoKind::Error)
        row.insert(QStringLiteral("message"), r.message);
    return compact(row);
}

// The row count a message says it has: present, an integer in [0, kMaxRowsPerMessage].
bool readCount(const QJsonObject &o, qsizetype actual, QString *error)
{
    const QJsonValue v = o.value(QStringLiteral("count"));
    if (!v.isDouble() || v.toDouble() != double(v.toInteger(-1)) || v.toInteger() < 0) {
        setError(error, QStringLiteral("field `count` must be a non-negative integer, got %1").arg(jsonTypeName(v)));
        return false;
    }
    if (v.toInteger() != actual) {
        setError(error,
                 QStringLiteral("field `count` says %1 row(s), the message holds %2").arg(v.toInteger()).arg(actual));
        return false;
    }
    return true;
}

// An integer field in [1, max]; `what` names it in the error.
bool readPositive(const QJsonObject &o, const QString &field, const QString &what, qint64 max, qint64 *out,
                  QString *error)
{
    const QJsonValue v = o.value(field);
    const qint64 n = v.toInteger(-1);
    if (!v.isDouble() || v.toDouble() != double(n) || n < 1 || n > max) {
        setError(error,
                 QStringLiteral("%1 must be an integer from 1 to %2, got %3")
                     .arg(what)
                     .arg(max)
                     .arg(v.isDouble() ? QString::number(v.toDouble(), 'g', 17) : jsonTypeName(v)));
        return false;
    }
    *out = n;
    return true;
}

// `batch`: a batch's number, an integer in [1, kMaxBatchNumber].
bool readBatchNumber(const QJsonObject &o, qint64 *out, QString *error)
{
    return readPositive(o, QStringLiteral("batch"), QStringLiteral("field `batch`"), kMaxBatchNumber, out, error);
}

bool readTopicSender(const QJsonObject &o, const QString &topicSender, QString *out, QString *error)
{
    if (!readSender(o, out, error))
        return false;
    if (*out != topicSender) {
        setError(error,
                 QStringLiteral("field `sender` (\"%1\") is not the site the topic names (\"%2\")")
                     .arg(out->left(64), topicSender));
        return false;
    }
    return true;
}
} // namespace

QString capabilityBatch()
{
    return QStringLiteral("batch");
}
QString capabilityZlib()
{
    return QStringLiteral("zlib");
}

QString helloTopic(const QString &sender)
{
    return prefix() + sender + QStringLiteral("/hello");
}
QString batchTopic(const QString &sender, const QString &target)
{
    return prefix() + sender + QStringLiteral("/batch/") + target;
}
QString receiptsTopic(const QString &sender, const QString &target)
{
    return prefix() + sender + QStringLiteral("/receipts/") + target;
}

QStringList subscriptions(const QString &self)
{
    return {prefix() + QStringLiteral("+/hello"), prefix() + QStringLiteral("+/batch/") + self,
            prefix() + QStringLiteral("+/receipts/") + self, prefix() + QStringLiteral("+/verify/") + self};
}

Route parseTopic(const QString &topic)
{
    Route r;
    if (!topic.startsWith(prefix()))
        return r;
    const QStringList parts = topic.mid(prefix().size()).split(QLatin1Char('/'));
    if (parts.isEmpty() || !isValidClientName(parts.at(0)))
        return r;
    if (parts.size() == 2 && parts.at(1) == QLatin1String("hello")) {
        r.kind = Kind::Hello;
    } else if (parts.size() == 3 && isValidClientName(parts.at(2))) {
        if (parts.at(1) == QLatin1String("batch"))
            r.kind = Kind::Batch;
        else if (parts.at(1) == QLatin1String("receipts"))
            r.kind = Kind::Receipts;
        else if (parts.at(1) == QLatin1String("verify"))
            r.kind = Kind::Verify;
        else
            return r;
        r.target = parts.at(2);
    } else {
        return r;
    }
    r.sender = parts.at(0);
    return r;
}

QByteArray frame(const QByteArray &json, bool compress)
{
    if (!compress || json.size() < kSmallestWorthCompressing)
        return json;
    QByteArray packed = kZlibPrefix + qCompress(json, kCompressionLevel);
    return packed.size() < json.size() ? packed : json;
}

bool unframe(const QByteArray &payload, QByteArray *json, QString *error)
{
    if (!payload.startsWith(kZlibPrefix)) {
        if (payload.size() > kMaxMessageBytes) {
            setError(error,
                     QStringLiteral("message of %1 bytes exceeds the limit of %2")
                         .arg(payload.size())
                         .arg(kMaxMessageBytes));
            return false;
        }
        *json = payload;
        return true;
    }
    const QByteArray packed = payload.mid(kZlibPrefix.size());
    if (packed.size() < 4) {
        setError(error, QStringLiteral("compressed message is truncated"));
        return false;
    }
    // qCompress's header: the length the data has once uncompressed, checked before anything is
    // allocated, so that a small message cannot make us allocate gigabytes.
    const quint32 claimed = qFromBigEndian<quint32>(packed.constData());
    if (claimed > quint32(kMaxMessageBytes)) {
        setError(error,
                 QStringLiteral("compressed message claims %1 bytes, more than the limit of %2")
                     .arg(claimed)
                     .arg(kMaxMessageBytes));
        return false;
    }
    if (!inflateExactly(packed.mid(4), claimed, json)) {
        setError(error,
                 QStringLiteral("compressed message is damaged (it does not uncompress to the %1 bytes it claims)")
                     .arg(claimed));
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Announcement

QByteArray Announcement::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("sender"), sender);
    o.insert(QStringLiteral("protocol"), protocol);
    o.insert(QStringLiteral("capabilities"), QJsonArray::fromStringList(capabilities));
    o.insert(QStringLiteral("site"), site);
    return compact(o);
}

bool Announcement::fromJson(const QByteArray &payload, const QString &topicSender, Announcement *out, QString *error)
{
    QJsonObject o;
    if (!parseObject(payload, "announcement", &o, error, 64 * 1024))
        return false;
    Announcement a;
    if (!readTopicSender(o, topicSender, &a.sender, error))
        return false;
    const QJsonValue protocol = o.value(QStringLiteral("protocol"));
    if (!protocol.isDouble() || protocol.toInteger(-1) < 1 || protocol.toDouble() != double(protocol.toInteger())) {
        setError(error,
                 QStringLiteral("field `protocol` must be a positive integer, got %1").arg(jsonTypeName(protocol)));
        return false;
    }
    a.protocol = int(qMin<qint64>(protocol.toInteger(), 1000000));
    const QJsonValue caps = o.value(QStringLiteral("capabilities"));
    if (!caps.isArray() || caps.toArray().size() > 64) {
        setError(error,
                 QStringLiteral("field `capabilities` must be an array of at most 64 names, got %1")
                     .arg(jsonTypeName(caps)));
        return false;
    }
    const QJsonArray capsArray = caps.toArray();
    for (const auto &c : capsArray) {
        if (!c.isString() || c.toString().isEmpty() || c.toString().size() > 64) {
            setError(error, QStringLiteral("field `capabilities` must hold names of 1 to 64 characters"));
            return false;
        }
        a.capabilities.append(c.toString());
    }
    if (!readString(o, QStringLiteral("site"), QStringLiteral("site"), true, &a.site, error))
        return false;
    if (a.site.size() > 64) {
        setError(error, QStringLiteral("field `site` is longer than 64 characters"));
        return false;
    }
    logExtraFields(o,
                   {QStringLiteral("sender"), QStringLiteral("protocol"), QStringLiteral("capabilities"),
                    QStringLiteral("site")},
                   QStringLiteral("announcement"));
    *out = a;
    return true;
}

// ---------------------------------------------------------------------------------------------
// Change batches

bool ReceivedBatch::fromJson(const QByteArray &json, const QString &topicSender, ReceivedBatch *out, QString *error)
{
    *out = ReceivedBatch();
    QJsonObject o;
    if (!parseObject(json, "batch", &o, error, kMaxMessageBytes))
        return false;
    if (!readTopicSender(o, topicSender, &out->sender, error))
        return false;
    if (!readMillis(o, QStringLiteral("date"), QStringLiteral("date"), &out->date, error))
        return false;
    const QJsonValue changes = o.value(QStringLiteral("changes"));
    if (!changes.isArray()) {
        setError(error, QStringLiteral("field `changes` must be an array, got %1").arg(jsonTypeName(changes)));
        return false;
    }
    const QJsonArray rows = changes.toArray();
    if (rows.size() > kMaxRowsPerMessage) {
        setError(error,
                 QStringLiteral("batch of %1 rows exceeds the limit of %2").arg(rows.size()).arg(kMaxRowsPerMessage));
        return false;
    }
    if (!readCount(o, rows.size(), error))
        return false;
    if (o.contains(QStringLiteral("batch")) && !readBatchNumber(o, &out->number, error))
        return false;
    logExtraFields(o,
                   {QStringLiteral("sender"), QStringLiteral("date"), QStringLiteral("count"),
                    QStringLiteral("changes"), QStringLiteral("batch")},
                   QStringLiteral("batch"));
    QSet<QString> keys;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        ChangeMessage change;
        QString rowError;
        if (!rows.at(i).isObject()) {
            rowError = QStringLiteral("changes[%1] must be an object, got %2").arg(i).arg(jsonTypeName(rows.at(i)));
        } else {
            // The row is read as a change message of its own, with the batch's sender and date.
            QJsonObject row = rows.at(i).toObject();
            const QJsonValue version = row.take(QStringLiteral("version"));
            row.insert(QStringLiteral("sender"), out->sender);
            row.insert(QStringLiteral("date"), millis(out->date));
            if (!ChangeMessage::fromObject(row, &change, &rowError))
                rowError = QStringLiteral("changes[%1]: %2").arg(i).arg(rowError);
            else if (!version.isUndefined()
                     && !RowVersion::fromJson(version, QStringLiteral("version"), &change.version, &rowError)) {
                rowError = QStringLiteral("changes[%1]: %2").arg(i).arg(rowError);
                change.version = RowVersion();
            }
        }
        change.sender = out->sender;
        change.date = out->date;
        if (out->number > 0) {
            change.batch = out->number;
            change.batchRows = int(rows.size());
        }
        if (rowError.isEmpty()) {
            // Two states of one key in one message: which one is current cannot be told.
            const QString key = change.table + QLatin1Char('\n') + change.id;
            if (keys.contains(key)) {
                setError(error,
                         QStringLiteral("batch names %1 %2 more than once")
                             .arg(change.table.left(64), change.id.left(64)));
                return false;
            }
            keys.insert(key);
            out->changes.append(change);
        } else {
            out->rejected.append({change, rowError});
        }
    }
    return true;
}

BatchBuilder::BatchBuilder(const QString &sender, qint64 date, int maxRows, qsizetype maxBytes, qint64 firstNumber)
    : m_sender(sender)
    , m_date(date)
    , m_maxRows(qBound(1, maxRows, kMaxRowsPerMessage))
    , m_maxBytes(qBound<qsizetype>(1024, maxBytes, kMaxMessageBytes / 2))
    , m_number(qBound<qint64>(0, firstNumber, kMaxBatchNumber))
{ }

void BatchBuilder::add(const ChangeMessage &change)
{
    // Written as text: building a QJsonObject per row only to print it was most of a send.
    QByteArray text;
    text.reserve(change.entityText.size() + 96);
    text += "{\"table\":";
    appendString(text, change.table);
    text += ",\"id\":";
    appendString(text, change.id);
    text += ",\"entity\":";
    if (!change.entityText.isEmpty())
        text += change.entityText;
    else if (change.entity.isObject())
        appendValue(text, change.entity);
    else
        text += "null";
    if (!change.version.isNull()) {
        text += ",\"version\":";
        appendValue(text, change.version.toJson());
    }
    text += '}';
    if (m_count > 0 && (m_count >= m_maxRows || m_rows.size() + text.size() + 1 > m_maxBytes))
        close();
    if (m_count > 0)
        m_rows += ',';
    m_rows += text;
    ++m_count;
}

void BatchBuilder::close()
{
    if (m_count == 0)
        return;
    QByteArray json;
    json.reserve(m_rows.size() + 128);
    json += "{\"sender\":" + quoted(m_sender) + ",\"date\":" + QByteArray::number(m_date)
        + ",\"count\":" + QByteArray::number(m_count);
    if (m_number > 0)
        json += ",\"batch\":" + QByteArray::number(m_number);
    json += ",\"changes\":[" + m_rows + "]}";
    m_done.append({json, m_count, m_number});
    if (m_number > 0)
        m_number = m_number < kMaxBatchNumber ? m_number + 1 : 1;
    m_rows.clear();
    m_count = 0;
}

QList<BatchBuilder::Batch> BatchBuilder::finish()
{
    close();
    return std::exchange(m_done, {});
}

// ---------------------------------------------------------------------------------------------
// Batch receipts

QList<ReceiptBatch::Encoded> ReceiptBatch::toJson(const QString &sender, const QList<InfoMessage> &receipts,
                                                  int maxRows, qsizetype maxBytes)
{
    maxRows = qBound(1, maxRows, kMaxRowsPerMessage);
    maxBytes = qBound<qsizetype>(1024, maxBytes, kMaxMessageBytes / 2);
    QList<Encoded> out;
    QByteArray received, errors;
    int count = 0;
    auto close = [&] {
        if (count == 0)
            return;
        out.append({"{\"sender\":" + quoted(sender) + ",\"count\":" + QByteArray::number(count) + ",\"received\":["
                        + received + "],\"errors\":[" + errors + "]}",
                    count});
        received.clear();
        errors.clear();
        count = 0;
    };
    for (const InfoMessage &r : receipts) {
        const bool failed = r.kind == InfoKind::Error;
        const QByteArray text = receiptRow(r);
        if (count > 0 && (count >= maxRows || received.size() + errors.size() + text.size() + 1 > maxBytes))
            close();
        QByteArray &list = failed ? errors : received;
        if (!list.isEmpty())
            list += ',';
        list += text;
        ++count;
    }
    close();
    return out;
}

QByteArray ReceiptBatch::summaryJson(const QString &sender, qint64 batch, qint64 date, int rows,
                                     const QList<InfoMessage> &errors)
{
    QByteArray listed;
    for (const InfoMessage &r : errors) {
        if (!listed.isEmpty())
            listed += ',';
        listed += receiptRow(r);
    }
    return "{\"sender\":" + quoted(sender) + ",\"batch\":" + QByteArray::number(batch) + ",\"date\":"
        + QByteArray::number(date) + ",\"count\":" + QByteArray::number(rows) + ",\"errors\":[" + listed + "]}";
}

namespace {
// The receipts of a receipt batch's `rows` (`field` names the array in what is skipped).
void readReceipts(const QJsonArray &rows, const QString &sender, bool failed, const QString &field,
                  QList<InfoMessage> *out, QStringList *skipped)
{
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString where = QStringLiteral("%1[%2]").arg(field).arg(i);
        if (!rows.at(i).isObject()) {
            skipped->append(QStringLiteral("%1 must be an object, got %2").arg(where, jsonTypeName(rows.at(i))));
            continue;
        }
        // Read as the per-row receipt it stands for.
        QJsonObject info;
        info.insert(QStringLiteral("sender"), sender);
        info.insert(QStringLiteral("message"), failed ? QStringLiteral("error") : QStringLiteral("data_received"));
        info.insert(QStringLiteral("args"), rows.at(i));
        InfoMessage r;
        QString rowError;
        if (!InfoMessage::fromObject(info, &r, &rowError)) {
            skipped->append(QStringLiteral("%1: %2").arg(where, rowError));
            continue;
        }
        out->append(r);
    }
}

// The summary form: {"sender", "batch", "date", "count", "errors"}.
bool readSummary(const QJsonObject &o, ReceiptBatch *out, QStringList *skipped, QString *error)
{
    if (!readBatchNumber(o, &out->batch, error)
        || !readMillis(o, QStringLiteral("date"), QStringLiteral("date"), &out->date, error))
        return false;
    qint64 rows = 0;
    if (!readPositive(o, QStringLiteral("count"), QStringLiteral("field `count` of a summary receipt"),
                      kMaxRowsPerMessage, &rows, error))
        return false;
    out->rows = int(rows);
    const QJsonValue errors = o.value(QStringLiteral("errors"));
    if (!errors.isArray() || errors.toArray().size() > rows) {
        setError(error,
                 QStringLiteral("field `errors` of a summary receipt must be an array of at most `count` "
                                "elements, got %1")
                     .arg(errors.isArray() ? QStringLiteral("%1 elements").arg(errors.toArray().size())
                                           : jsonTypeName(errors)));
        return false;
    }
    logExtraFields(o,
                   {QStringLiteral("sender"), QStringLiteral("batch"), QStringLiteral("date"), QStringLiteral("count"),
                    QStringLiteral("errors")},
                   QStringLiteral("summary receipt"));
    QList<InfoMessage> listed;
    readReceipts(errors.toArray(), out->sender, true, QStringLiteral("errors"), &listed, skipped);
    for (const InfoMessage &r : std::as_const(listed)) {
        if (r.date == out->date)
            out->receipts.append(r);
        else
            skipped->append(QStringLiteral("an error of the summary of batch %1 is dated %2, the batch %3")
                                .arg(out->batch)
                                .arg(r.date)
                                .arg(out->date));
    }
    return true;
}
} // namespace

bool ReceiptBatch::fromJson(const QByteArray &json, const QString &topicSender, ReceiptBatch *out, QStringList *skipped,
                            QString *error)
{
    *out = ReceiptBatch();
    QJsonObject o;
    if (!parseObject(json, "receipt batch", &o, error, kMaxMessageBytes))
        return false;
    if (!readTopicSender(o, topicSender, &out->sender, error))
        return false;
    if (o.contains(QStringLiteral("batch")))
        return readSummary(o, out, skipped, error);
    const QJsonValue received = o.value(QStringLiteral("received"));
    const QJsonValue errors = o.value(QStringLiteral("errors"));
    if (!received.isArray() || !errors.isArray()) {
        setError(error, QStringLiteral("fields `received` and `errors` must be arrays"));
        return false;
    }
    const qsizetype total = received.toArray().size() + errors.toArray().size();
    if (total > kMaxRowsPerMessage) {
        setError(error,
                 QStringLiteral("receipt batch of %1 rows exceeds the limit of %2").arg(total).arg(kMaxRowsPerMessage));
        return false;
    }
    if (!readCount(o, total, error))
        return false;
    logExtraFields(o,
                   {QStringLiteral("sender"), QStringLiteral("count"), QStringLiteral("received"),
                    QStringLiteral("errors")},
                   QStringLiteral("receipt batch"));
    readReceipts(received.toArray(), out->sender, false, QStringLiteral("received"), &out->receipts, skipped);
    readReceipts(errors.toArray(), out->sender, true, QStringLiteral("errors"), &out->receipts, skipped);
    return true;
}

} // namespace mysqlsync::ext
