#pragma once
// Durable per-remote queues, kept in one SQLite database (WAL mode) under queueDirectory.
//
// Changes are kept by key, not by value: an entry says "the current state of
// (table, key) is owed to remote R". Several changes of one key collapse into one
// entry, and the row's state is read from the database at the moment it is sent.
// An entry stays until R acknowledges the exact send (its date) with a receipt.
// Receipts owed to a remote that is offline are kept as whole payloads, in order.
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <QHash>
#include <QString>
#include <memory>

namespace mysqlsync {

struct OutboxKey {
    QString remote;
    QString table;
    QString key;
    friend bool operator==(const OutboxKey &a, const OutboxKey &b)
    {
        return a.remote == b.remote && a.table == b.table && a.key == b.key;
    }
};

struct OutboxEntry {
    QString table;
    QString key;
    qint64 seq = 0;
    qint64 sentDate = 0; // 0: queued, not sent yet
};

struct OutboxReceipt {
    qint64 id = 0;
    QByteArray payload;
};

class Outbox {
public:
    enum class Ack { Matched, Stale, Unknown, Newer };

    Outbox(const QString &directory, const QString &connectionName);
    ~Outbox();
    Outbox(const Outbox &) = delete;
    Outbox &operator=(const Outbox &) = delete;

    // Opens the file, or creates it. A file that fails SQLite's integrity check (or is no
    // database at all) is moved aside (with its -wal and -shm files) to
    // `outbox.sqlite.damaged-<yyyyMMdd-HHmmss>`, the move is logged as an error naming both
    // paths, and a fresh outbox is created that says it owes a rebuild (rebuildOwed()).
    // A file that cannot be read for another reason (locked, no permission) is an error.
    bool open(QString *error);
    void close();
    QString filePath() const { return m_filePath; }
    // Where the damaged file went at this open(); empty when none was found.
    QString damagedFile() const { return m_damagedFile; }
    // Whether this open() created the file (a new site, or a queue directory that was wiped).
    bool createdNew() const { return m_createdNew; }
    // True while what is owed must be rebuilt (from sync_status): the outbox replaced a
    // damaged one and markRebuilt() has not been committed since (survives a restart).
    bool rebuildOwed() const;
    bool markRebuilt(QString *error);

    // How a transaction survives a power cut. Every commit survives a kill of the process
    // (WAL); PowerSafe also waits for the disk (fsync), which costs milliseconds. It is for
    // what nothing else remembers: changes owed once their table_changes rows are gone,
    // relays owed before the received write commits. Sends, acknowledgements and receipts
    // are Relaxed: losing the last of them to a power cut only means sending again.
    enum class Durability { Relaxed, PowerSafe };

    // Several writes in one transaction. Nested calls are flattened; a PowerSafe one nested
    // in a Relaxed one makes the whole transaction reach the disk when it commits.
    // A BEGIN that fails returns false and the transaction stays failed until rollback():
    // every write in it is refused and commit() returns false with the BEGIN's error, so
    // nothing is ever written in autocommit mode behind the caller's back.
    [[nodiscard]] bool begin(Durability durability = Durability::Relaxed);
    bool commit(QString *error);
    void rollback();
    // Many reads as one read transaction: the file is locked once, not once per statement
    // (each lock costs system calls). Nothing happens inside a transaction already open, or
    // when BEGIN fails (the reads then go on one by one).
    void beginRead();
    void endRead();

    // Makes every commit so far reach the disk (a checkpoint, which syncs the WAL first).
    bool syncToDisk(QString *error);

    // Owes the current state of each key to the remote (outside a transaction, in a
    // PowerSafe one of its own). sentDate 0 queues the entry;
    // a date records that it is being sent now with that date. Re-owing a key that is
    // already owed moves it to the end of the queue with the new date.
    bool put(const QString &remote, const QList<OutboxEntry> &entries, qint64 sentDate, QString *error);
    // Records that these entries were (re)sent with this date.
    bool markSent(const QString &remote, const QList<OutboxEntry> &entries, qint64 sentDate, QString *error);
    // Entries never sent, oldest first. A failed read sets *error (and returns nothing): the
    // caller must not take it for "nothing is owed".
    QList<OutboxEntry> queued(const QString &remote, int limit, QString *error) const;
    // Entries sent before `sentBefore` and not acknowledged, oldest first (*error as queued).
    QList<OutboxEntry> unacknowledged(const QString &remote, qint64 sentBefore, int limit, QString *error) const;
    // A receipt for (table, key) sent with `date`: Matched removes the entry; Stale means
    // the key was changed or sent again since (the entry stays); Newer: the entry was last
    // sent before `date`, by a send the outbox did not make (an initial load's chunk, read
    // after it; the entry stays); Unknown: nothing is owed.
    Ack acknowledge(const QString &remote, const QString &table, const QString &key, qint64 date, QString *error);
    // What acknowledge() would answer now, without removing anything (*error as queued).
    Ack match(const QString &remote, const QString &table, const QString &key, qint64 date, QString *error) const;
    // An entry owed to a remote, with its send dates (0: never sent).
    struct OwedKey {
        QString table, key;
        qint64 firstSent = 0, sentDate = 0;
    };
    // Everything `remote` is owed, when that is at most `limit` entries: one read in place of a
    // match() per receipt of a batch (a load's receipts find nothing owed for nearly every key).
    // False, and nothing in *out, when more are owed or on a read error (*error set).
    bool owedKeys(const QString &remote, int limit, QList<OwedKey> *out, QString *error) const;
    // match()'s answer for a receipt of a send made at `date`, from the key's entry (none: Unknown).
    static Ack ackFor(const OwedKey *entry, qint64 date);
    // Removes whatever is owed for the key (an operator's choice, or a remote removed).
    bool forget(const QString &remote, const QString &table, const QString &key, QString *error);
    // How many changes `remote` is owed (queued or unacknowledged), counted up to `limit`.
    int owedUpTo(const QString &remote, int limit, QString *error) const;
    // Whether `remote` is owed the row (queued, or sent and not acknowledged yet).
    bool owes(const QString &remote, const QString &table, const QString &key, QString *error) const;

    bool putReceipt(const QString &remote, const QByteArray &payload, QString *error);
    QList<OutboxReceipt> receipts(const QString &remote, int limit, QString *error) const;
    bool removeReceipts(const QList<qint64> &ids, QString *error);

    // Changes sent to the remote and not acknowledged yet. When it cannot be read:
    // kUnknownInFlight (logged), which leaves no room in any send window.
    static constexpr int kUnknownInFlight = 1 << 30;
    int inFlight(const QString &remote);
    // Entries (changes + receipts) owed to each remote.
    QHash<QString, int> depths() const;
    int depth(const QString &remote) const;

private:
    enum class Health { Healthy, Damaged, Failed };
    Health openChecked(QString *problem);
    bool moveAside(QString *movedTo, QString *error);
    bool createSchema(QString *error);
    bool exec(const QString &sql, QString *error);
    bool setSynchronous(Durability durability);
    bool writable(QString *error) const; // false inside a transaction whose BEGIN failed
    QList<OutboxEntry> select(const QString &sql, const QVariantList &binds, QString *error) const;

    QString m_directory;
    QString m_connectionName;
    QString m_filePath;
    QString m_damagedFile;
    bool m_createdNew = false;
    QString m_beginError; // the failed BEGIN of the open transaction
    qint64 m_nextSeq = 1;
    int m_transactionDepth = 0;
    bool m_reading = false;                           // beginRead() opened a read transaction
    Durability m_synchronous = Durability::PowerSafe; // the connection's PRAGMA synchronous
    bool m_syncOnCommit = false;                      // a PowerSafe write inside a Relaxed transaction
    std::unique_ptr<QSqlQuery> m_ackDelete;
    std::unique_ptr<QSqlQuery> m_ackExists;
    mutable std::unique_ptr<QSqlQuery> m_ackMatch;
    std::unique_ptr<QSqlQuery> m_inFlight;
};

} // namespace mysqlsync
