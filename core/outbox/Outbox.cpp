#include "outbox/Outbox.h"

#include "common/Logging.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <utility>

namespace mysqlsync {

namespace {
constexpr int kSchemaVersion = 1;

QSqlQuery prepared(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    return q;
}

QString describe(const QSqlQuery &q)
{
    return q.lastError().text();
}
} // namespace

Outbox::Outbox(const QString &directory, const QString &connectionName)
    : m_directory(directory), m_connectionName(connectionName)
{
    m_filePath = QDir(directory).absoluteFilePath(QStringLiteral("outbox.sqlite"));
}

Outbox::~Outbox()
{
    close();
}

bool Outbox::open(QString *error)
{
    if (!QDir().mkpath(m_directory)) {
        *error = QStringLiteral("queueDirectory %1: cannot create the folder").arg(m_directory);
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_filePath);
    if (!db.open()) {
        *error = QStringLiteral("outbox %1: cannot open: %2").arg(m_filePath, db.lastError().text());
        return false;
    }
    // WAL keeps readers and the writer apart, and every commit survives a kill of the
    // process; synchronous=FULL (set per transaction, see begin) makes one survive a power cut.
    const char *pragmas[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=FULL",
        "PRAGMA busy_timeout=5000",
        "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY NOT NULL, value TEXT)",
        "CREATE TABLE IF NOT EXISTS outbox_changes("
        " remote TEXT NOT NULL, table_name TEXT NOT NULL, pk TEXT NOT NULL,"
        " seq INTEGER NOT NULL, sent_date INTEGER NOT NULL DEFAULT 0,"
        " first_sent INTEGER NOT NULL DEFAULT 0,"
        " PRIMARY KEY(remote, table_name, pk)) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS outbox_changes_order ON outbox_changes(remote, sent_date, seq)",
        "CREATE TABLE IF NOT EXISTS outbox_receipts("
        " id INTEGER PRIMARY KEY AUTOINCREMENT, remote TEXT NOT NULL, payload BLOB NOT NULL)",
        "CREATE INDEX IF NOT EXISTS outbox_receipts_remote ON outbox_receipts(remote, id)",
    };
    for (const char *sql : pragmas) {
        if (!exec(QString::fromLatin1(sql), error)) {
            *error = QStringLiteral("outbox %1: %2").arg(m_filePath, *error);
            close();
            return false;
        }
    }
    // first_sent (added after schema 1 without changing it: older engines ignore the column):
    // the date of the first send of the state now owed. 0 where an older engine wrote the
    // entry, which then counts as first sent at its sent_date.
    QSqlQuery columns(db);
    columns.exec(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('outbox_changes') WHERE name = 'first_sent'"));
    if (columns.next() && columns.value(0).toInt() == 0
        && !exec(QStringLiteral("ALTER TABLE outbox_changes ADD COLUMN first_sent INTEGER NOT NULL DEFAULT 0"), error)) {
        *error = QStringLiteral("outbox %1: %2").arg(m_filePath, *error);
        close();
        return false;
    }
    QSqlQuery version(db);
    version.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema'"));
    if (version.next() && version.value(0).toInt() > kSchemaVersion) {
        *error = QStringLiteral("outbox %1 was written by a newer version (schema %2, this one reads %3)")
                     .arg(m_filePath, version.value(0).toString()).arg(kSchemaVersion);
        close();
        return false;
    }
    exec(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('schema', '%1')").arg(kSchemaVersion), error);
    QSqlQuery seq(db);
    seq.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM outbox_changes"));
    m_nextSeq = (seq.next() ? seq.value(0).toLongLong() : 0) + 1;
    qCInfo(lcOutbox) << "outbox" << m_filePath << "opened," << depths().size() << "remote(s) with entries";
    return true;
}

void Outbox::close()
{
    m_ackDelete.reset();
    m_ackExists.reset();
    m_inFlight.reset();
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Outbox::exec(const QString &sql, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(sql)) {
        if (error)
            *error = describe(q);
        return false;
    }
    return true;
}

bool Outbox::setSynchronous(Durability durability)
{
    if (durability == m_synchronous)
        return true;
    // SQLite refuses to change it inside a transaction, so it is set before BEGIN.
    QString error;
    if (!exec(durability == Durability::PowerSafe ? QStringLiteral("PRAGMA synchronous=FULL")
                                                  : QStringLiteral("PRAGMA synchronous=NORMAL"), &error)) {
        qCWarning(lcOutbox) << "cannot set the synchronous mode:" << error;
        return false;
    }
    m_synchronous = durability;
    return true;
}

bool Outbox::begin(Durability durability)
{
    if (m_transactionDepth++ > 0) {
        if (durability == Durability::PowerSafe && m_synchronous != Durability::PowerSafe)
            m_syncOnCommit = true;
        return true;
    }
    m_syncOnCommit = false;
    // A failure leaves the stricter mode in place, which is only slower.
    setSynchronous(durability);
    QString error;
    if (!exec(QStringLiteral("BEGIN IMMEDIATE"), &error)) {
        qCWarning(lcOutbox) << "cannot begin a transaction:" << error;
        m_transactionDepth = 0;
        return false;
    }
    return true;
}

bool Outbox::commit(QString *error)
{
    if (m_transactionDepth == 0 || --m_transactionDepth > 0)
        return true;
    if (!exec(QStringLiteral("COMMIT"), error)) {
        exec(QStringLiteral("ROLLBACK"), nullptr);
        return false;
    }
    if (std::exchange(m_syncOnCommit, false)) {
        // The commit reached the WAL file only: a checkpoint syncs the WAL first.
        if (!exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"), error))
            return false;
    }
    return true;
}

void Outbox::rollback()
{
    if (m_transactionDepth == 0)
        return;
    m_transactionDepth = 0;
    m_syncOnCommit = false;
    exec(QStringLiteral("ROLLBACK"), nullptr);
}

bool Outbox::syncToDisk(QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(FULL)")) || !q.next()) {
        *error = QStringLiteral("outbox %1: checkpoint failed: %2").arg(m_filePath, describe(q));
        return false;
    }
    if (q.value(0).toInt() != 0) {
        *error = QStringLiteral("outbox %1: checkpoint incomplete (busy)").arg(m_filePath);
        return false;
    }
    return true;
}

bool Outbox::put(const QString &remote, const QList<OutboxEntry> &entries, qint64 sentDate, QString *error)
{
    if (m_transactionDepth == 0) {
        begin(Durability::PowerSafe);
        if (!put(remote, entries, sentDate, error)) {
            rollback();
            return false;
        }
        return commit(error);
    }
    QSqlQuery q = prepared(QSqlDatabase::database(m_connectionName, false),
        QStringLiteral("INSERT INTO outbox_changes(remote, table_name, pk, seq, sent_date, first_sent) VALUES(?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT(remote, table_name, pk) DO UPDATE SET seq = excluded.seq, sent_date = excluded.sent_date, "
                       "first_sent = excluded.first_sent"));
    for (const OutboxEntry &e : entries) {
        q.bindValue(0, remote);
        q.bindValue(1, e.table);
        q.bindValue(2, e.key);
        q.bindValue(3, m_nextSeq++);
        q.bindValue(4, sentDate);
        q.bindValue(5, sentDate);
        if (!q.exec()) {
            *error = QStringLiteral("outbox: cannot queue %1 %2 for %3: %4").arg(e.table, e.key, remote, describe(q));
            return false;
        }
    }
    return true;
}

bool Outbox::markSent(const QString &remote, const QList<OutboxEntry> &entries, qint64 sentDate, QString *error)
{
    QSqlQuery q = prepared(QSqlDatabase::database(m_connectionName, false),
        QStringLiteral("UPDATE outbox_changes SET sent_date = ?, first_sent = CASE WHEN first_sent = 0 THEN ? ELSE first_sent END "
                       "WHERE remote = ? AND table_name = ? AND pk = ?"));
    for (const OutboxEntry &e : entries) {
        q.bindValue(0, sentDate);
        q.bindValue(1, sentDate);
        q.bindValue(2, remote);
        q.bindValue(3, e.table);
        q.bindValue(4, e.key);
        if (!q.exec()) {
            *error = QStringLiteral("outbox: cannot mark %1 %2 sent to %3: %4").arg(e.table, e.key, remote, describe(q));
            return false;
        }
    }
    return true;
}

QList<OutboxEntry> Outbox::select(const QString &sql, const QVariantList &binds) const
{
    QSqlQuery q = prepared(QSqlDatabase::database(m_connectionName, false), sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    QList<OutboxEntry> result;
    if (!q.exec()) {
        qCWarning(lcOutbox) << "outbox query failed:" << describe(q);
        return result;
    }
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong()});
    return result;
}

QList<OutboxEntry> Outbox::queued(const QString &remote, int limit) const
{
    return select(QStringLiteral("SELECT table_name, pk, seq, sent_date FROM outbox_changes "
                                 "WHERE remote = ? AND sent_date = 0 ORDER BY seq LIMIT ?"),
                  {remote, limit});
}

QList<OutboxEntry> Outbox::unacknowledged(const QString &remote, qint64 sentBefore, int limit) const
{
    return select(QStringLiteral("SELECT table_name, pk, seq, sent_date FROM outbox_changes "
                                 "WHERE remote = ? AND sent_date > 0 AND sent_date < ? ORDER BY seq LIMIT ?"),
                  {remote, sentBefore, limit});
}

Outbox::Ack Outbox::acknowledge(const QString &remote, const QString &table, const QString &key, qint64 date, QString *error)
{
    // One receipt per row sent: these two statements are prepared once.
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!m_ackDelete) {
        m_ackDelete = std::make_unique<QSqlQuery>(prepared(db, QStringLiteral(
            // Any send of the state now owed settles it: a resend carries the same state (a
            // change of the row owes it again, which resets first_sent), so a receipt that
            // arrives after a resend, for the send before it, is not stale.
            "DELETE FROM outbox_changes WHERE remote = ? AND table_name = ? AND pk = ? AND sent_date > 0 "
            "AND ? BETWEEN (CASE WHEN first_sent > 0 THEN first_sent ELSE sent_date END) AND sent_date")));
        m_ackExists = std::make_unique<QSqlQuery>(prepared(db, QStringLiteral(
            "SELECT 1 FROM outbox_changes WHERE remote = ? AND table_name = ? AND pk = ?")));
    }
    QSqlQuery &del = *m_ackDelete;
    del.bindValue(0, remote);
    del.bindValue(1, table);
    del.bindValue(2, key);
    del.bindValue(3, date);
    if (!del.exec()) {
        *error = QStringLiteral("outbox: cannot acknowledge %1 %2 from %3: %4").arg(table, key, remote, describe(del));
        return Ack::Unknown;
    }
    if (del.numRowsAffected() > 0)
        return Ack::Matched;
    QSqlQuery &exists = *m_ackExists;
    exists.bindValue(0, remote);
    exists.bindValue(1, table);
    exists.bindValue(2, key);
    exists.exec();
    const bool stale = exists.next();
    exists.finish();
    return stale ? Ack::Stale : Ack::Unknown;
}

bool Outbox::forget(const QString &remote, const QString &table, const QString &key, QString *error)
{
    QSqlQuery q = prepared(QSqlDatabase::database(m_connectionName, false), QStringLiteral(
        "DELETE FROM outbox_changes WHERE remote = ? AND table_name = ? AND pk = ?"));
    q.bindValue(0, remote);
    q.bindValue(1, table);
    q.bindValue(2, key);
    if (!q.exec()) {
        *error = describe(q);
        return false;
    }
    return true;
}

bool Outbox::putReceipt(const QString &remote, const QByteArray &payload, QString *error)
{
    QSqlQuery q = prepared(QSqlDatabase::database(m_connectionName, false),
                           QStringLiteral("INSERT INTO outbox_receipts(remote, payload) VALUES(?, ?)"));
    q.bindValue(0, remote);
    q.bindValue(1, payload);
    if (!q.exec()) {
        *error = QStringLiteral("outbox: cannot queue a receipt for %1: %2").arg(remote, describe(q));
        return false;
    }
    return true;
}

QList<OutboxReceipt> Outbox::receipts(const QString &remote, int limit) const
{
    QSqlQuery q = prepared(QSqlDatabase::database(m_connectionName, false), QStringLiteral(
        "SELECT id, payload FROM outbox_receipts WHERE remote = ? ORDER BY id LIMIT ?"));
    q.bindValue(0, remote);
    q.bindValue(1, limit);
    QList<OutboxReceipt> result;
    if (!q.exec()) {
        qCWarning(lcOutbox) << "outbox query failed:" << describe(q);
        return result;
    }
    while (q.next())
        result.append({q.value(0).toLongLong(), q.value(1).toByteArray()});
    return result;
}

bool Outbox::removeReceipts(const QList<qint64> &ids, QString *error)
{
    QSqlQuery q = prepared(QSqlDatabase::database(m_connectionName, false),
                           QStringLiteral("DELETE FROM outbox_receipts WHERE id = ?"));
    for (qint64 id : ids) {
        q.bindValue(0, id);
        if (!q.exec()) {
            *error = describe(q);
            return false;
        }
    }
    return true;
}

int Outbox::inFlight(const QString &remote)
{
    if (!m_inFlight)
        m_inFlight = std::make_unique<QSqlQuery>(prepared(QSqlDatabase::database(m_connectionName, false), QStringLiteral(
            "SELECT COUNT(*) FROM outbox_changes WHERE remote = ? AND sent_date > 0")));
    m_inFlight->bindValue(0, remote);
    int count = 0;
    if (m_inFlight->exec() && m_inFlight->next())
        count = m_inFlight->value(0).toInt();
    m_inFlight->finish();
    return count;
}

QHash<QString, int> Outbox::depths() const
{
    QHash<QString, int> result;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT remote, COUNT(*) FROM outbox_changes GROUP BY remote "
                              "UNION ALL SELECT remote, COUNT(*) FROM outbox_receipts GROUP BY remote"))) {
        while (q.next())
            result[q.value(0).toString()] += q.value(1).toInt();
    }
    return result;
}

int Outbox::depth(const QString &remote) const
{
    return depths().value(remote);
}

} // namespace mysqlsync
