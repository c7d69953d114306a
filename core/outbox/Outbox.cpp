#include "outbox/Outbox.h"

#include "common/Logging.h"
#include "outbox/OutboxSql.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <utility>

namespace mysqlsync {

namespace {
constexpr int kSchemaVersion = 1;
} // namespace

using outboxsql::describe;
using outboxsql::prepared;

Outbox::Outbox(const QString &directory, const QString &connectionName)
    : m_directory(directory)
    , m_connectionName(connectionName)
{
    m_filePath = QDir(directory).absoluteFilePath(QStringLiteral("outbox.sqlite"));
}

Outbox::~Outbox()
{
    close();
}

bool Outbox::open(QString *error)
{
    m_damagedFile.clear();
    if (!QDir().mkpath(m_directory)) {
        *error = QStringLiteral("queueDirectory %1: cannot create the folder").arg(m_directory);
        return false;
    }
    m_createdNew = !QFileInfo::exists(m_filePath);
    QString problem;
    Health health = openChecked(&problem);
    if (health == Health::Damaged) {
        close();
        QString movedTo;
        if (!moveAside(&movedTo, error)) {
            *error = QStringLiteral("outbox %1 is damaged (%2) and cannot be moved aside: %3")
                         .arg(m_filePath, problem, *error);
            return false;
        }
        m_damagedFile = movedTo;
        qCCritical(lcOutbox).noquote() << QStringLiteral(
                                              "outbox %1 is damaged (%2): moved aside to %3; a new outbox is "
                                              "created and what is owed is rebuilt from sync_status")
                                              .arg(m_filePath, problem, movedTo);
        health = openChecked(&problem);
    }
    if (health != Health::Healthy) {
        *error = QStringLiteral("outbox %1: %2").arg(m_filePath, problem);
        close();
        return false;
    }
    if (!createSchema(error)) {
        *error = QStringLiteral("outbox %1: %2").arg(m_filePath, *error);
        close();
        return false;
    }
    qCInfo(lcOutbox) << "outbox" << m_filePath << "opened," << depths().size() << "remote(s) with entries";
    return true;
}

Outbox::Health Outbox::openChecked(QString *problem)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_filePath);
    if (!db.open()) {
        *problem = QStringLiteral("cannot open: %1").arg(db.lastError().text());
        return Health::Failed;
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("PRAGMA busy_timeout=5000"))) {
        *problem = describe(q);
        return Health::Failed;
    }
    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26) mean the file is damaged; anything else
    // (busy, no permission, an I/O error) is not a reason to move someone's file away.
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        *problem = describe(q);
        const int code = q.lastError().nativeErrorCode().toInt() & 0xff;
        return code == 11 || code == 26 ? Health::Damaged : Health::Failed;
    }
    // One finding per line (a row may hold several): the first three are named.
    QStringList findings;
    while (q.next())
        findings += q.value(0).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (findings == QStringList{QStringLiteral("ok")})
        return Health::Healthy;
    QString text = findings.isEmpty() ? describe(q) : QStringList(findings.mid(0, 3)).join(QStringLiteral("; "));
    if (findings.size() > 3)
        text += QStringLiteral("; %1 more finding(s)").arg(findings.size() - 3);
    *problem = QStringLiteral("integrity check: %1").arg(text);
    return Health::Damaged;
}

bool Outbox::moveAside(QString *movedTo, QString *error)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = QStringLiteral("%1.damaged-%2").arg(m_filePath, stamp);
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = QStringLiteral("%1.damaged-%2-%3").arg(m_filePath, stamp).arg(n);
    // The WAL belongs to the damaged file: replayed into a new one it would corrupt it.
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile file(m_filePath + suffix);
        if (file.exists() && !file.rename(target + suffix)) {
            *error =
                QStringLiteral("cannot rename %1 to %2: %3").arg(file.fileName(), target + suffix, file.errorString());
            return false;
        }
    }
    *movedTo = target;
    return true;
}

bool Outbox::createSchema(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // WAL keeps readers and the writer apart, and every commit survives a kill of the
    // process; synchronous=FULL (set per transaction, see begin) makes one survive a power cut.
    const char *pragmas[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=FULL",
        "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY NOT NULL, value TEXT)",
        ("CREATE TABLE IF NOT EXISTS outbox_changes("
         " remote TEXT NOT NULL, table_name TEXT NOT NULL, pk TEXT NOT NULL,"
         " seq INTEGER NOT NULL, sent_date INTEGER NOT NULL DEFAULT 0,"
         " first_sent INTEGER NOT NULL DEFAULT 0,"
         " PRIMARY KEY(remote, table_name, pk)) WITHOUT ROWID"),
        "CREATE INDEX IF NOT EXISTS outbox_changes_order ON outbox_changes(remote, sent_date, seq)",
        ("CREATE TABLE IF NOT EXISTS outbox_receipts("
         " id INTEGER PRIMARY KEY AUTOINCREMENT, remote TEXT NOT NULL, payload BLOB NOT NULL)"),
        "CREATE INDEX IF NOT EXISTS outbox_receipts_remote ON outbox_receipts(remote, id)",
    };
    for (const char *sql : pragmas) {
        if (!exec(QString::fromLatin1(sql), error))
            return false;
    }
    m_synchronous = Durability::PowerSafe;
    QSqlQuery version(db);
    if (!version.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema'"))) {
        *error = describe(version);
        return false;
    }
    if (version.next() && version.value(0).toInt() > kSchemaVersion) {
        *error = QStringLiteral("written by a newer version (schema %1, this one reads %2)")
                     .arg(version.value(0).toString())
                     .arg(kSchemaVersion);
        return false;
    }
    version.finish();
    if (!exec(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('schema', '%1')").arg(kSchemaVersion),
              error))
        return false;
    // The replacement of a damaged file owes a rebuild until markRebuilt(): a crash before
    // that rebuilds again at the next start.
    if (!m_damagedFile.isEmpty()) {
        QSqlQuery mark = prepared(db, QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('rebuild', ?)"));
        mark.bindValue(0, m_damagedFile);
        if (!mark.exec()) {
            *error = describe(mark);
            return false;
        }
    }
    // first_sent (added after schema 1 without changing it: older engines ignore the column):
    // the date of the first send of the state now owed. 0 where an older engine wrote the
    // entry, which then counts as first sent at its sent_date.
    QSqlQuery columns(db);
    if (!columns.exec(
            QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('outbox_changes') WHERE name = 'first_sent'"))
        || !columns.next()) {
        *error = describe(columns);
        return false;
    }
    if (columns.value(0).toInt() == 0
        && !exec(QStringLiteral("ALTER TABLE outbox_changes ADD COLUMN first_sent INTEGER NOT NULL DEFAULT 0"), error))
        return false;
    columns.finish();
    QSqlQuery seq(db);
    if (!seq.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM outbox_changes")) || !seq.next()) {
        *error = describe(seq);
        return false;
    }
    m_nextSeq = seq.value(0).toLongLong() + 1;
    return true;
}

bool Outbox::rebuildOwed() const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT 1 FROM meta WHERE key = 'rebuild'"))) {
        qCWarning(lcOutbox).noquote() << "outbox" << m_filePath
                                      << ": cannot read whether a rebuild is owed:" << describe(q);
        return true; // rebuilding twice only owes keys again
    }
    return q.next();
}

bool Outbox::markRebuilt(QString *error)
{
    if (!writable(error))
        return false;
    return exec(QStringLiteral("DELETE FROM meta WHERE key = 'rebuild'"), error);
}

void Outbox::close()
{
    m_ackDelete.reset();
    m_ackExists.reset();
    m_ackMatch.reset();
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
                                                  : QStringLiteral("PRAGMA synchronous=NORMAL"),
              &error)) {
        qCWarning(lcOutbox) << "cannot set the synchronous mode:" << error;
        return false;
    }
    m_synchronous = durability;
    return true;
}

bool Outbox::writable(QString *error) const
{
    if (m_beginError.isEmpty())
        return true;
    if (error)
        *error = m_beginError;
    return false;
}

bool Outbox::begin(Durability durability)
{
    endRead(); // a write transaction replaces a read one
    if (m_transactionDepth++ > 0) {
        if (durability == Durability::PowerSafe && m_synchronous != Durability::PowerSafe)
            m_syncOnCommit = true;
        return m_beginError.isEmpty();
    }
    m_syncOnCommit = false;
    m_beginError.clear();
    // A failure leaves the stricter mode in place, which is only slower.
    setSynchronous(durability);
    QString error;
    if (!exec(QStringLiteral("BEGIN IMMEDIATE"), &error)) {
        // The transaction stays open as a failed one: what the caller writes next is
        // refused, not committed one statement at a time.
        m_beginError = QStringLiteral("outbox %1: cannot begin a transaction: %2").arg(m_filePath, error);
        qCWarning(lcOutbox).noquote() << m_beginError;
        return false;
    }
    return true;
}

void Outbox::beginRead()
{
    QString error;
    if (m_transactionDepth > 0 || m_reading || !QSqlDatabase::database(m_connectionName, false).isOpen())
        return;
    m_reading = exec(QStringLiteral("BEGIN"), &error);
}

void Outbox::endRead()
{
    QString error;
    if (m_reading && !exec(QStringLiteral("COMMIT"), &error))
        qCWarning(lcOutbox).noquote() << "outbox" << m_filePath << ": cannot end a read transaction:" << error;
    m_reading = false;
}

bool Outbox::commit(QString *error)
{
    if (m_transactionDepth == 0)
        return true;
    if (!m_beginError.isEmpty()) {
        if (error)
            *error = m_beginError;
        if (--m_transactionDepth == 0)
            m_beginError.clear();
        return false;
    }
    if (--m_transactionDepth > 0)
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
    if (!std::exchange(m_beginError, QString()).isEmpty())
        return; // no transaction was opened
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
        if (!begin(Durability::PowerSafe)) {
            writable(error);
            rollback();
            return false;
        }
        if (!put(remote, entries, sentDate, error)) {
            rollback();
            return false;
        }
        return commit(error);
    }
    if (!writable(error))
        return false;
    QSqlQuery q = prepared(
        QSqlDatabase::database(m_connectionName, false),
        QStringLiteral(
            "INSERT INTO outbox_changes(remote, table_name, pk, seq, sent_date, first_sent) VALUES(?, ?, ?, ?, ?, ?) "
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
    if (!writable(error))
        return false;
    QSqlQuery q = prepared(QSqlDatabase::database(m_connectionName, false),
                           QStringLiteral("UPDATE outbox_changes SET sent_date = ?, first_sent = CASE WHEN first_sent "
                                          "= 0 THEN ? ELSE first_sent END "
                                          "WHERE remote = ? AND table_name = ? AND pk = ?"));
    for (const OutboxEntry &e : entries) {
        q.bindValue(0, sentDate);
        q.bindValue(1, sentDate);
        q.bindValue(2, remote);
        q.bindValue(3, e.table);
        q.bindValue(4, e.key);
        if (!q.exec()) {
            *error =
                QStringLiteral("outbox: cannot mark %1 %2 sent to %3: %4").arg(e.table, e.key, remote, describe(q));
            return false;
        }
    }
    return true;
}

QList<OutboxEntry> Outbox::select(const QString &sql, const QVariantList &binds, QString *error) const
{
    QSqlQuery q = prepared(QSqlDatabase::database(m_connectionName, false), sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    QList<OutboxEntry> result;
    if (!q.exec()) {
        *error = QStringLiteral("outbox %1: cannot read what is owed: %2").arg(m_filePath, describe(q));
        qCWarning(lcOutbox).noquote() << *error;
        return result;
    }
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong()});
    if (q.lastError().isValid()) {
        // A step that failed midway ends the rows early: not a complete answer.
        *error = QStringLiteral("outbox %1: cannot read what is owed: %2").arg(m_filePath, describe(q));
        qCWarning(lcOutbox).noquote() << *error;
        result.clear();
    }
    return result;
}

QList<OutboxEntry> Outbox::queued(const QString &remote, int limit, QString *error) const
{
    return select(QStringLiteral("SELECT table_name, pk, seq, sent_date FROM outbox_changes "
                                 "WHERE remote = ? AND sent_date = 0 ORDER BY seq LIMIT ?"),
                  {remote, limit}, error);
}

QList<OutboxEntry> Outbox::unacknowledged(const QString &remote, qint64 sentBefore, int limit, QString *error) const
{
    return select(QStringLiteral("SELECT table_name, pk, seq, sent_date FROM outbox_changes "
                                 "WHERE remote = ? AND sent_date > 0 AND sent_date < ? ORDER BY seq LIMIT ?"),
                  {remote, sentBefore, limit}, error);
}

Outbox::Ack Outbox::acknowledge(const QString &remote, const QString &table, const QString &key, qint64 date,
                                QString *error)
{
    if (!writable(error))
        return Ack::Unknown;
    // One receipt per row sent: these two statements are prepared once.
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!m_ackDelete) {
        m_ackDelete = std::make_unique<QSqlQuery>(
            prepared(db,
                     QStringLiteral(
                         // Any send of the state now owed settles it: a resend carries the same state (a
                         // change of the row owes it again, which resets first_sent), so a receipt that
                         // arrives after a resend, for the send before it, is not stale.
                         "DELETE FROM outbox_changes WHERE remote = ? AND table_name = ? AND pk = ? AND sent_date > 0 "
                         "AND ? BETWEEN (CASE WHEN first_sent > 0 THEN first_sent ELSE sent_date END) AND sent_date")));
        m_ackExists = std::make_unique<QSqlQuery>(
            prepared(db,
                     QStringLiteral(
                         "SELECT sent_date FROM outbox_changes WHERE remote = ? AND table_name = ? AND pk = ?")));
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
    if (!exists.exec()) {
        *error = QStringLiteral("outbox: cannot read what is owed to %1 for %2 %3: %4")
                     .arg(remote, table, key, describe(exists));
        return Ack::Unknown;
    }
    const bool owed = exists.next();
    const qint64 sentDate = owed ? exists.value(0).toLongLong() : 0;
    exists.finish();
    return !owed ? Ack::Unknown : sentDate > 0 && date > sentDate ? Ack::Newer : Ack::Stale;
}

Outbox::Ack Outbox::match(const QString &remote, const QString &table, const QString &key, qint64 date,
                          QString *error) const
{
    if (!m_ackMatch) {
        m_ackMatch =
            std::make_unique<QSqlQuery>(prepared(QSqlDatabase::database(m_connectionName, false),
                                                 QStringLiteral("SELECT first_sent, sent_date FROM outbox_changes "
                                                                "WHERE remote = ? AND table_name = ? AND pk = ?")));
    }
    QSqlQuery &q = *m_ackMatch;
    q.bindValue(0, remote);
    q.bindValue(1, table);
    q.bindValue(2, key);
    if (!q.exec()) {
        *error =
            QStringLiteral("outbox: cannot read what is owed to %1 for %2 %3: %4").arg(remote, table, key, describe(q));
        return Ack::Unknown;
    }
    Ack ack = Ack::Unknown;
    if (q.next()) {
        const OwedKey entry{table, key, q.value(0).toLongLong(), q.value(1).toLongLong()};
        ack = ackFor(&entry, date);
    }
    q.finish();
    return ack;
}

Outbox::Ack Outbox::ackFor(const OwedKey *entry, qint64 date)
{
    // The same condition as acknowledge()'s DELETE.
    if (!entry)
        return Ack::Unknown;
    if (entry->sentDate <= 0)
        return Ack::Stale;
    const qint64 from = entry->firstSent > 0 ? entry->firstSent : entry->sentDate;
    if (date >= from && date <= entry->sentDate)
        return Ack::Matched;
    return date > entry->sentDate ? Ack::Newer : Ack::Stale;
}

bool Outbox::owedKeys(const QString &remote, int limit, QList<OwedKey> *out, QString *error) const
{
    out->clear();
    QSqlQuery q =
        prepared(QSqlDatabase::database(m_connectionName, false),
                 QStringLiteral(
                     "SELECT table_name, pk, first_sent, sent_date FROM outbox_changes WHERE remote = ? LIMIT ?"));
    q.bindValue(0, remote);
    q.bindValue(1, limit + 1);
    if (!q.exec()) {
        *error = QStringLiteral("outbox: cannot read what is owed to %1: %2").arg(remote, describe(q));
        return false;
    }
    while (q.next()) {
        if (out->size() == limit) {
            out->clear();
            return false;
        }
        out->append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong()});
    }
    return true;
}

bool Outbox::forget(const QString &remote, const QString &table, const QString &key, QString *error)
{
    if (!writable(error))
        return false;
    QSqlQuery q = prepared(QSqlDatabase::database(m_connectionName, false),
                           QStringLiteral("DELETE FROM outbox_changes WHERE remote = ? AND table_name = ? AND pk = ?"));
    q.bindValue(0, remote);
    q.bindValue(1, table);
    q.bindValue(2, key);
    if (!q.exec()) {
        *error = describe(q);
        return false;
    }
    return true;
}

int Outbox::owedUpTo(const QString &remote, int limit, QString *error) const
{
    QSqlQuery q =
        prepared(QSqlDatabase::database(m_connectionName, false),
                 QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM outbox_changes WHERE remote = ? LIMIT ?)"));
    q.bindValue(0, remote);
    q.bindValue(1, limit);
    if (!q.exec() || !q.next()) {
        *error = describe(q);
        return limit;
    }
    return q.value(0).toInt();
}

bool Outbox::owes(const QString &remote, const QString &table, const QString &key, QString *error) const
{
    QSqlQuery q =
        prepared(QSqlDatabase::database(m_connectionName, false),
                 QStringLiteral("SELECT 1 FROM outbox_changes WHERE remote = ? AND table_name = ? AND pk = ?"));
    q.bindValue(0, remote);
    q.bindValue(1, table);
    q.bindValue(2, key);
    if (!q.exec()) {
        *error = describe(q);
        return false;
    }
    return q.next();
}

int Outbox::inFlight(const QString &remote)
{
    if (!m_inFlight)
        m_inFlight = std::make_unique<QSqlQuery>(
            prepared(QSqlDatabase::database(m_connectionName, false),
                     QStringLiteral("SELECT COUNT(*) FROM outbox_changes WHERE remote = ? AND sent_date > 0")));
    m_inFlight->bindValue(0, remote);
    int count = kUnknownInFlight;
    if (m_inFlight->exec() && m_inFlight->next())
        count = m_inFlight->value(0).toInt();
    else
        qCWarning(lcOutbox).noquote() << "outbox" << m_filePath << ": cannot count what is in flight to" << remote
                                      << ":" << describe(*m_inFlight) << "- nothing more is sent until it can";
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
    } else {
        qCWarning(lcOutbox).noquote() << "outbox" << m_filePath << ": cannot count the entries:" << describe(q);
    }
    return result;
}

int Outbox::depth(const QString &remote) const
{
    return depths().value(remote);
}

} // namespace mysqlsync
