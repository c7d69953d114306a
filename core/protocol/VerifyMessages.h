#pragma once
// Verify and repair between two engines of this product (docs/protocol.md, "Verify and
// repair"): the messages on /mysql-sync/{sender}/verify/{target}. The site that verifies a
// table (the requester) sends its chunk checksums; the other (the responder) answers with the
// rows of the chunks that differ, and with row checksums for keys it is asked about. The
// responder keeps no state between messages. Encode, decode, validate; no I/O.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace mysqlsync::ext {

QString capabilityVerify(); // "verify": answers verify messages
QString verifyTopic(const QString &sender, const QString &target);

inline constexpr int kMaxVerifyChunks = 1000; // chunks in one range message
inline constexpr int kMaxVerifyKeys = 10000;  // keys in one keys message
inline constexpr int kMaxVerifyRows = 200000; // row checksums in one answer
inline constexpr int kMaxVerifyColumns = 4096;

// A row's checksum: 16 lowercase hex digits (the first 64 bits of the MD5 of its canonical
// form, database/RowDigests).
struct RowDigest {
    QString key;
    QString sum;
    bool operator==(const RowDigest &o) const { return key == o.key && sum == o.sum; }
};

// A chunk: the rows after the previous chunk's upper bound (or the message's `from`) up to
// and including `to` (null: no upper bound), how many, and the XOR of their checksums.
struct VerifyChunk {
    QString to;
    qint64 count = 0;
    QString sum;
};

// The XOR of the checksums of rows [begin, end): a chunk's sum ("0000000000000000" when empty).
QString xorDigests(const QList<RowDigest> &rows, qsizetype begin, qsizetype end);

struct VerifyMessage {
    enum class Type { Open, Opened, Range, RangeResult, Keys, KeysResult, Failed };
    Type type = Type::Open;
    QString sender;
    QString run; // the requester's id of the verification
    qint64 seq = 0;
    QString table;       // the table's name on the wire (as the requester sends its changes)
    QStringList columns; // wire names compared, in this order (Open: offered; the rest: agreed)
    // Range: the chunks, from `from` (exclusive; null: the first key).
    QString from;
    QList<VerifyChunk> chunks;
    // RangeResult: rows the responder holds in the whole range, and per differing chunk
    // (by index) its rows there. KeysResult: the checksums of the asked keys it holds.
    qint64 count = 0;
    QList<QPair<int, QList<RowDigest>>> differ;
    QStringList keys;      // Keys
    QList<RowDigest> rows; // KeysResult
    QString message;       // Failed: why
    bool mirror = false;   // Opened: the responder's table is a mirror (rows the source lacks go)

    static QString typeName(Type type);
    QByteArray toJson() const;
    // Refused (false, *error) when malformed, or when `sender` is not the topic's.
    static bool fromJson(const QByteArray &json, const QString &topicSender, VerifyMessage *out, QString *error);
    bool isRequest() const { return type == Type::Open || type == Type::Range || type == Type::Keys; }
};

} // namespace mysqlsync::ext
