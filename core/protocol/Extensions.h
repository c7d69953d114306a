#pragma once
// The extension channel between engines of this product (docs/protocol.md, "Extensions"):
// topics under /mysql-sync/ that name the sending site, the announcement sent beside each
// heartbeat, change batches and batch receipts. Encode, decode, validate; no I/O.
//
//   /mysql-sync/{sender}/hello              announcement, to everyone
//   /mysql-sync/{sender}/batch/{target}     many changes for {target}
//   /mysql-sync/{sender}/receipts/{target}  many receipts for changes {target} sent
//   /mysql-sync/{sender}/verify/{target}    verify and repair (protocol/VerifyMessages)
//
// Payloads are UTF-8 JSON objects, or, where the receiver announced "zlib", the bytes
// "zlib:" followed by qCompress() of that JSON (a 4-byte big-endian length, then zlib).
#include "protocol/Messages.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace mysqlsync::ext {

inline constexpr int kProtocolVersion = 1;
// A receiver's hard limits, whatever the sender's configuration says.
inline constexpr int kMaxRowsPerMessage = 10000;
inline constexpr qsizetype kMaxMessageBytes = 16 * 1024 * 1024; // after decompression
// Batch numbers are positive JSON integers that a double holds exactly.
inline constexpr qint64 kMaxBatchNumber = (qint64(1) << 53) - 1;

QString capabilityBatch(); // "batch": change batches and batch receipts
QString capabilityZlib();  // "zlib": compressed payloads are understood

QString helloTopic(const QString &sender);
QString batchTopic(const QString &sender, const QString &target);
QString receiptsTopic(const QString &sender, const QString &target);
// What an engine named `self` subscribes to on the channel.
QStringList subscriptions(const QString &self);

enum class Kind { None, Hello, Batch, Receipts, Verify };
struct Route {
    Kind kind = Kind::None;
    QString sender; // from the topic: a valid client name
    QString target; // Batch, Receipts and Verify only
};
// Kind::None for a topic that is not one of the channel's, or names an invalid client.
Route parseTopic(const QString &topic);

// "zlib:" + qCompress(json) when `compress` and that is smaller; else the JSON itself.
QByteArray frame(const QByteArray &json, bool compress);
// The JSON inside a payload; refuses a compressed one that claims or holds more than
// kMaxMessageBytes, and a damaged one.
bool unframe(const QByteArray &payload, QByteArray *json, QString *error);

struct Announcement {
    QString sender;
    int protocol = kProtocolVersion;
    QStringList capabilities;
    QString site; // the site's identity (a random id kept in its database)

    bool has(const QString &capability) const { return capabilities.contains(capability); }
    QByteArray toJson() const;
    // Refused (false, *error) unless `sender` is the site the topic names, as for the others.
    static bool fromJson(const QByteArray &json, const QString &topicSender, Announcement *out, QString *error);
};

// One change batch as received: the changes that passed every check, and those that did not
// (what could be read of them, for an error receipt) with the reason.
struct ReceivedBatch {
    QString sender;
    qint64 date = 0;
    qint64 number = 0; // its `batch` number: the sender takes a summary receipt (0: none)
    QList<ChangeMessage> changes;
    QList<QPair<ChangeMessage, QString>> rejected;
    // Refuses the whole batch (false, *error) when the envelope is wrong: not an object, a
    // sender that is missing or not the topic's, a count that does not match, too many rows,
    // or a key that appears twice. Row by row otherwise.
    static bool fromJson(const QByteArray &json, const QString &topicSender, ReceivedBatch *out, QString *error);
};

// Builds batch payloads row by row, each at most `maxRows` rows and about `maxBytes` bytes
// of JSON (a single row bigger than that travels alone). With `firstNumber` > 0 the batches
// are numbered from it (`batch`), asking the receiver for summary receipts.
class BatchBuilder {
public:
    BatchBuilder(const QString &sender, qint64 date, int maxRows, qsizetype maxBytes, qint64 firstNumber = 0);
    // Adds a change (its sender and date are the builder's). Returns a finished payload's JSON
    // when adding would have overflowed the current one (the row then starts the next).
    void add(const ChangeMessage &change);
    // The finished batches, the last one included; each with its row count.
    struct Batch {
        QByteArray json;
        int rows = 0;
        qint64 number = 0;
    };
    QList<Batch> finish();

private:
    void close();
    QString m_sender;
    qint64 m_date;
    int m_maxRows;
    qsizetype m_maxBytes;
    QByteArray m_rows; // the current batch's rows, comma separated
    int m_count = 0;
    qint64 m_number = 0; // the next batch's number (0: unnumbered)
    QList<Batch> m_done;
};

// Receipts for changes one site sent, many to a message: {"sender", "count", "received":
// [{table, id, date}], "errors": [{table, id, date, message}]}. Or the summary of a numbered
// batch whose every row was answered: {"sender", "batch", "date", "count", "errors"}, every
// row of the batch not among `errors` received.
struct ReceiptBatch {
    QString sender;
    QList<InfoMessage> receipts; // DataReceived and Error only, sender = `sender`
    // A summary: the batch's number (0: not a summary), date and row count; `receipts` then
    // holds its errors only.
    qint64 batch = 0;
    qint64 date = 0;
    int rows = 0;

    // The summary of batch `batch` (sent at `date`, `rows` rows), with its `errors`.
    static QByteArray summaryJson(const QString &sender, qint64 batch, qint64 date, int rows,
                                  const QList<InfoMessage> &errors);

    struct Encoded {
        QByteArray json;
        int rows = 0; // the next `rows` receipts of the input, in order
    };
    // At most maxRows receipts and about maxBytes bytes per payload.
    static QList<Encoded> toJson(const QString &sender, const QList<InfoMessage> &receipts, int maxRows,
                                 qsizetype maxBytes);
    // Whole-message problems refuse it; a receipt that is malformed is left out and named
    // in *skipped (the others count).
    static bool fromJson(const QByteArray &json, const QString &topicSender, ReceiptBatch *out, QStringList *skipped,
                         QString *error);
};

} // namespace mysqlsync::ext
