// Outbox: durable per-remote queues in SQLite (collapse, order, acknowledgement, receipts,
// survival of a reopen and of kill -9).
#include "outbox/Outbox.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <unistd.h>
#include <utility>

using namespace mysqlsync;

namespace {
// Every read below reports its failure here; cleanup() checks that none failed.
QString g_readError;

QList<OutboxEntry> entries(std::initializer_list<const char *> keys, const char *table = "items")
{
    QList<OutboxEntry> list;
    for (const char *k : keys)
        list.append({QString::fromLatin1(table), QString::fromLatin1(k), 0, 0});
    return list;
}

QStringList keysOf(const QList<OutboxEntry> &list)
{
    QStringList keys;
    for (const OutboxEntry &e : list)
        keys << e.key;
    return keys;
}

// Child mode: commits entries one by one, reporting each, until killed.
int runWriter(const QString &dir)
{
    Outbox box(dir, QStringLiteral("writer"));
    QString error;
    if (!box.open(&error))
        return 3;
    for (int i = 0;; ++i) {
        if (!box.begin())
            return 5;
        box.put(QStringLiteral("site_b"), {{QStringLiteral("items"), QString::number(i), 0, 0}}, 0, &error);
        if (!box.commit(&error))
            return 4;
        std::printf("%d\n", i);
        std::fflush(stdout);
        if (i > 200)
            ::usleep(2000);
    }
}
} // namespace

class TestOutbox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void queuedInOrderAndCollapsed();
    void sentEntriesWaitForTheirReceipt();
    void acknowledgeMatchedStaleUnknown();
    void owedKeysOnlyWhenFew();
    void remotesAreSeparate();
    void receiptsKeepTheirOrder();
    void depthsCountChangesAndReceipts();
    void survivesReopen();
    void survivesKill9();
    void rollbackLeavesNothing();
    void unwritableDirectoryIsAClearError();
    void garbageFileIsMovedAside();
    void corruptPagesAreMovedAside();
    void failedBeginRefusesTheWrites();
    void readErrorsAreReported();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Outbox> m_box;
};

void TestOutbox::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_box = std::make_unique<Outbox>(m_dir->path() + QStringLiteral("/queue"), QStringLiteral("test-outbox"));
    QString error;
    QVERIFY2(m_box->open(&error), qPrintable(error));
}

void TestOutbox::cleanup()
{
    QVERIFY2(std::exchange(g_readError, QString()).isEmpty(), qPrintable(g_readError));
    m_box.reset();
    m_dir.reset();
}

void TestOutbox::queuedInOrderAndCollapsed()
{
    QString error;
    const QString b = QStringLiteral("site_b");
    QVERIFY(m_box->put(b, entries({"1", "2", "3"}), 0, &error));
    QCOMPARE(keysOf(m_box->queued(b, 10, &g_readError)),
             (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    // Key 1 changes again: one entry, now behind the others.
    QVERIFY(m_box->put(b, entries({"1"}), 0, &error));
    QCOMPARE(keysOf(m_box->queued(b, 10, &g_readError)),
             (QStringList{QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("1")}));
    QCOMPARE(m_box->depth(b), 3);
    QCOMPARE(keysOf(m_box->queued(b, 2, &g_readError)), (QStringList{QStringLiteral("2"), QStringLiteral("3")}));
    // Same key in another table is another entry.
    QVERIFY(m_box->put(b, entries({"1"}, "other"), 0, &error));
    QCOMPARE(m_box->depth(b), 4);
}

void TestOutbox::sentEntriesWaitForTheirReceipt()
{
    QString error;
    const QString b = QStringLiteral("site_b");
    QVERIFY(m_box->put(b, entries({"1", "2"}), 1000, &error));
    QVERIFY(m_box->queued(b, 10, &g_readError).isEmpty());
    QVERIFY(m_box->unacknowledged(b, 1000, 10, &g_readError).isEmpty()); // sent at 1000, not before
    QCOMPARE(keysOf(m_box->unacknowledged(b, 1001, 10, &g_readError)),
             (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    QCOMPARE(m_box->unacknowledged(b, 1001, 10, &g_readError).first().sentDate, 1000);
    QVERIFY(m_box->markSent(b, entries({"1"}), 2000, &error));
    QCOMPARE(keysOf(m_box->unacknowledged(b, 1001, 10, &g_readError)), (QStringList{QStringLiteral("2")}));
}

void TestOutbox::acknowledgeMatchedStaleUnknown()
{
    QString error;
    const QString b = QStringLiteral("site_b");
    // match() answers as acknowledge() then does, and removes nothing; so does the answer from
    // a snapshot of everything owed (owedKeys + ackFor, StatusTracker's way for a batch).
    const auto matchThenAck = [&](const QString &key, qint64 date) {
        const int depth = m_box->depth(b);
        const Outbox::Ack matched = m_box->match(b, QStringLiteral("items"), key, date, &error);
        if (m_box->depth(b) != depth)
            return Outbox::Ack(-1);
        QList<Outbox::OwedKey> owed;
        if (!m_box->owedKeys(b, 10, &owed, &error))
            return Outbox::Ack(-3);
        const Outbox::OwedKey *entry = nullptr;
        for (const Outbox::OwedKey &o : std::as_const(owed))
            entry = o.table == QLatin1String("items") && o.key == key ? &o : entry;
        if (Outbox::ackFor(entry, date) != matched)
            return Outbox::Ack(-4);
        const Outbox::Ack acked = m_box->acknowledge(b, QStringLiteral("items"), key, date, &error);
        return matched == acked ? acked : Outbox::Ack(-2);
    };
    QVERIFY(m_box->put(b, entries({"1", "2"}), 1000, &error));
    QCOMPARE(matchThenAck(QStringLiteral("1"), 1000), Outbox::Ack::Matched);
    QCOMPARE(m_box->depth(b), 1);
    // Acknowledging again: nothing owed any more.
    QCOMPARE(matchThenAck(QStringLiteral("1"), 1000), Outbox::Ack::Unknown);
    // Key 2 changed after it was sent: the receipt of the old send does not settle it.
    QVERIFY(m_box->put(b, entries({"2"}), 0, &error));
    QCOMPARE(matchThenAck(QStringLiteral("2"), 1000), Outbox::Ack::Stale);
    QCOMPARE(matchThenAck(QStringLiteral("2"), 5000), Outbox::Ack::Stale); // queued, not sent: stale whatever the date
    QCOMPARE(keysOf(m_box->queued(b, 10, &g_readError)), (QStringList{QStringLiteral("2")}));
    // Sent again at 3000 and resent unchanged at 4000: the receipt for 3000, arriving after
    // the resend, settles it (the same state); one for a send before 3000 does not.
    QVERIFY(m_box->markSent(b, entries({"2"}), 3000, &error));
    QVERIFY(m_box->markSent(b, entries({"2"}), 4000, &error));
    QCOMPARE(matchThenAck(QStringLiteral("2"), 2999), Outbox::Ack::Stale);
    // A send after the last one the outbox made (an initial load's chunk, which bypasses the
    // outbox, read after the entry's send): Newer, its receipt is not dropped as stale.
    QCOMPARE(matchThenAck(QStringLiteral("2"), 4001), Outbox::Ack::Newer);
    QCOMPARE(m_box->depth(b), 1);
    QCOMPARE(matchThenAck(QStringLiteral("2"), 3000), Outbox::Ack::Matched);
    QCOMPARE(m_box->depth(b), 0);
    QVERIFY(error.isEmpty());
}

void TestOutbox::owedKeysOnlyWhenFew()
{
    QString error;
    const QString b = QStringLiteral("site_b");
    QList<Outbox::OwedKey> owed;
    QVERIFY(m_box->owedKeys(b, 3, &owed, &error));
    QVERIFY(owed.isEmpty());
    QVERIFY(m_box->put(b, entries({"1", "2", "3"}), 1000, &error));
    QVERIFY(m_box->put(QStringLiteral("site_c"), entries({"9"}), 0, &error));
    QVERIFY(m_box->owedKeys(b, 3, &owed, &error));
    QStringList keys;
    for (const Outbox::OwedKey &o : std::as_const(owed)) {
        QCOMPARE(o.table, QStringLiteral("items"));
        QCOMPARE(o.sentDate, 1000);
        keys << o.key;
    }
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    // More owed than the limit: no snapshot (the caller looks each receipt up instead).
    QVERIFY(!m_box->owedKeys(b, 2, &owed, &error));
    QVERIFY(owed.isEmpty());
    QVERIFY(error.isEmpty());
}

void TestOutbox::remotesAreSeparate()
{
    QString error;
    QVERIFY(m_box->put(QStringLiteral("site_b"), entries({"1"}), 0, &error));
    QVERIFY(m_box->put(QStringLiteral("site_c"), entries({"1", "2"}), 0, &error));
    QCOMPARE(m_box->depth(QStringLiteral("site_b")), 1);
    QCOMPARE(m_box->depth(QStringLiteral("site_c")), 2);
    QCOMPARE(m_box->acknowledge(QStringLiteral("site_b"), QStringLiteral("items"), QStringLiteral("2"), 0, &error),
             Outbox::Ack::Unknown);
    QVERIFY(m_box->forget(QStringLiteral("site_c"), QStringLiteral("items"), QStringLiteral("1"), &error));
    QCOMPARE(keysOf(m_box->queued(QStringLiteral("site_c"), 10, &g_readError)), (QStringList{QStringLiteral("2")}));
    QCOMPARE(m_box->depth(QStringLiteral("site_b")), 1);
}

void TestOutbox::receiptsKeepTheirOrder()
{
    QString error;
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_box->putReceipt(QStringLiteral("site_b"), QByteArray::number(i), &error));
    QVERIFY(m_box->putReceipt(QStringLiteral("site_c"), "c", &error));
    const QList<OutboxReceipt> first = m_box->receipts(QStringLiteral("site_b"), 3, &g_readError);
    QCOMPARE(first.size(), 3);
    QCOMPARE(first.at(0).payload, QByteArray("0"));
    QCOMPARE(first.at(2).payload, QByteArray("2"));
    QVERIFY(m_box->removeReceipts({first.at(0).id, first.at(1).id, first.at(2).id}, &error));
    const QList<OutboxReceipt> rest = m_box->receipts(QStringLiteral("site_b"), 10, &g_readError);
    QCOMPARE(rest.size(), 2);
    QCOMPARE(rest.at(0).payload, QByteArray("3"));
    QCOMPARE(m_box->receipts(QStringLiteral("site_c"), 10, &g_readError).size(), 1);
}

void TestOutbox::depthsCountChangesAndReceipts()
{
    QString error;
    QVERIFY(m_box->put(QStringLiteral("site_b"), entries({"1", "2"}), 0, &error));
    QVERIFY(m_box->putReceipt(QStringLiteral("site_b"), "r", &error));
    QVERIFY(m_box->putReceipt(QStringLiteral("site_c"), "r", &error));
    const QHash<QString, int> d = m_box->depths();
    QCOMPARE(d.value(QStringLiteral("site_b")), 3);
    QCOMPARE(d.value(QStringLiteral("site_c")), 1);
    QCOMPARE(d.size(), 2);
}

void TestOutbox::survivesReopen()
{
    QString error;
    QVERIFY(m_box->put(QStringLiteral("site_b"), entries({"a", "b"}), 0, &error));
    QVERIFY(m_box->put(QStringLiteral("site_b"), entries({"c"}), 777, &error));
    const QString path = m_box->filePath();
    m_box.reset();
    m_box = std::make_unique<Outbox>(m_dir->path() + QStringLiteral("/queue"), QStringLiteral("test-outbox-2"));
    QVERIFY2(m_box->open(&error), qPrintable(error));
    QCOMPARE(m_box->filePath(), path);
    QCOMPARE(keysOf(m_box->queued(QStringLiteral("site_b"), 10, &g_readError)),
             (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(keysOf(m_box->unacknowledged(QStringLiteral("site_b"), 778, 10, &g_readError)),
             (QStringList{QStringLiteral("c")}));
    // New entries still sort after the old ones.
    QVERIFY(m_box->put(QStringLiteral("site_b"), entries({"d"}), 0, &error));
    QCOMPARE(keysOf(m_box->queued(QStringLiteral("site_b"), 10, &g_readError)),
             (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("d")}));
}

void TestOutbox::survivesKill9()
{
    const QString dir = m_dir->path() + QStringLiteral("/killed");
    QProcess writer;
    writer.setProgram(QCoreApplication::applicationFilePath());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OUTBOX_WRITER_DIR"), dir);
    writer.setProcessEnvironment(env);
    writer.start();
    QVERIFY(writer.waitForStarted());
    // Let it commit a few hundred entries, then kill it without warning.
    QString last;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 20000) {
        writer.waitForReadyRead(200);
        const QStringList lines =
            QString::fromLatin1(writer.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (!lines.isEmpty())
            last = lines.last();
        if (last.toInt() >= 300)
            break;
    }
    ::kill(pid_t(writer.processId()), SIGKILL);
    writer.waitForFinished();
    last =
        QString::fromLatin1(writer.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).value(0, last);
    const int reported = last.toInt();
    QVERIFY2(reported >= 300, qPrintable(last));

    Outbox box(dir, QStringLiteral("after-kill"));
    QString error;
    QVERIFY2(box.open(&error), qPrintable(error));
    // Every entry the writer reported as committed is there (the one in flight may be too).
    const int depth = box.depth(QStringLiteral("site_b"));
    QVERIFY2(depth >= reported + 1, qPrintable(QStringLiteral("depth %1, reported %2").arg(depth).arg(reported)));
    const QList<OutboxEntry> queued = box.queued(QStringLiteral("site_b"), 100000, &g_readError);
    for (int i = 0; i <= reported; ++i)
        QCOMPARE(queued.at(i).key, QString::number(i));
}

void TestOutbox::rollbackLeavesNothing()
{
    QString error;
    QVERIFY(m_box->begin());
    QVERIFY(m_box->put(QStringLiteral("site_b"), entries({"1"}), 0, &error));
    m_box->rollback();
    QCOMPARE(m_box->depth(QStringLiteral("site_b")), 0);
    // Nested begin/commit commit once, at the outer level.
    QVERIFY(m_box->begin());
    QVERIFY(m_box->begin());
    QVERIFY(m_box->put(QStringLiteral("site_b"), entries({"2"}), 0, &error));
    QVERIFY(m_box->commit(&error));
    QVERIFY(m_box->commit(&error));
    QCOMPARE(m_box->depth(QStringLiteral("site_b")), 1);
}

void TestOutbox::unwritableDirectoryIsAClearError()
{
    QTemporaryDir dir;
    QFile blocker(dir.path() + QStringLiteral("/file"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    Outbox box(dir.path() + QStringLiteral("/file/queue"), QStringLiteral("bad"));
    QString error;
    QVERIFY(!box.open(&error));
    QVERIFY2(error.contains(QStringLiteral("queueDirectory")) && error.contains(QStringLiteral("/file/queue")),
             qPrintable(error));
}

// Not a database at all: moved aside with its WAL, a plain error names both paths, and the
// fresh outbox owes a rebuild until markRebuilt() (across a reopen).
void TestOutbox::garbageFileIsMovedAside()
{
    QString error;
    QVERIFY(m_box->put(QStringLiteral("site_b"), entries({"1", "2"}), 0, &error));
    const QString path = m_box->filePath();
    const QString dir = QFileInfo(path).absolutePath();
    m_box.reset();
    QByteArray garbage;
    for (int i = 0; i < 20000; ++i)
        garbage.append(char('A' + i % 26));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(garbage), garbage.size());
    }
    QTest::ignoreMessage(QtCriticalMsg,
                         QRegularExpression(
                             QStringLiteral(
                                 "^outbox %1 is damaged \\(.*\\): moved aside to %1\\.damaged-\\d{8}-\\d{6}; ")
                                 .arg(QRegularExpression::escape(path))));
    Outbox box(dir, QStringLiteral("reopened"));
    QVERIFY2(box.open(&error), qPrintable(error));
    QVERIFY(!box.damagedFile().isEmpty());
    QFile aside(box.damagedFile());
    QVERIFY(aside.open(QIODevice::ReadOnly));
    QCOMPARE(aside.readAll(), garbage);
    QCOMPARE(box.depth(QStringLiteral("site_b")), 0);
    QVERIFY(box.rebuildOwed());
    QVERIFY(box.put(QStringLiteral("site_b"), entries({"3"}), 0, &error));
    box.close();

    // Still owed after a restart (a crash before the rebuild), until marked rebuilt.
    Outbox again(dir, QStringLiteral("again"));
    QVERIFY2(again.open(&error), qPrintable(error));
    QVERIFY(again.damagedFile().isEmpty());
    QVERIFY(again.rebuildOwed());
    QVERIFY2(again.markRebuilt(&error), qPrintable(error));
    QVERIFY(!again.rebuildOwed());
    QCOMPARE(keysOf(again.queued(QStringLiteral("site_b"), 10, &g_readError)), QStringList{QStringLiteral("3")});
}

// A database whose pages were overwritten fails the integrity check: moved aside too.
void TestOutbox::corruptPagesAreMovedAside()
{
    QString error;
    QList<OutboxEntry> many;
    for (int i = 0; i < 3000; ++i)
        many.append({QStringLiteral("items"), QStringLiteral("key-%1").arg(i, 6, 10, QLatin1Char('0')), 0, 0});
    QVERIFY(m_box->put(QStringLiteral("site_b"), many, 0, &error));
    const QString path = m_box->filePath();
    m_box.reset(); // the last connection checkpoints the WAL into the file
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")) || QFileInfo(path + QStringLiteral("-wal")).size() == 0);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() > 8 * 4096);
        QVERIFY(file.seek(3 * 4096));
        QCOMPARE(file.write(QByteArray(4 * 4096, char(0x5a))), 4 * 4096);
    }
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("is damaged .* moved aside to ")));
    Outbox box(QFileInfo(path).absolutePath(), QStringLiteral("reopened"));
    QVERIFY2(box.open(&error), qPrintable(error));
    QVERIFY(!box.damagedFile().isEmpty());
    QVERIFY(QFileInfo::exists(box.damagedFile()));
    QVERIFY(box.rebuildOwed());
    QCOMPARE(box.depth(QStringLiteral("site_b")), 0);
}

// Another connection holds the write lock while BEGIN runs: the transaction is a failed
// one. What the caller writes next (even once the lock is gone) is refused, commit fails,
// and nothing lands in autocommit mode.
void TestOutbox::failedBeginRefusesTheWrites()
{
    QString error;
    QSqlQuery(QSqlDatabase::database(QStringLiteral("test-outbox"))).exec(QStringLiteral("PRAGMA busy_timeout=0"));
    {
        QSqlDatabase blocker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("blocker"));
        blocker.setDatabaseName(m_box->filePath());
        QVERIFY(blocker.open());
        QSqlQuery lock(blocker);
        QVERIFY2(lock.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(lock.lastError().text()));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot begin a transaction")));
        QVERIFY(!m_box->begin());
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        blocker.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("blocker"));
    QVERIFY(!m_box->put(QStringLiteral("site_b"), entries({"1"}), 0, &error));
    QVERIFY2(error.contains(QStringLiteral("cannot begin a transaction")), qPrintable(error));
    QVERIFY(!m_box->putReceipt(QStringLiteral("site_b"), "{}", &error));
    error.clear();
    QVERIFY(!m_box->commit(&error));
    QVERIFY2(error.contains(QStringLiteral("cannot begin a transaction")), qPrintable(error));
    QCOMPARE(m_box->depth(QStringLiteral("site_b")), 0);
    // The failed transaction is over; the next one works.
    QVERIFY(m_box->begin());
    QVERIFY(m_box->put(QStringLiteral("site_b"), entries({"2"}), 0, &error));
    QVERIFY2(m_box->commit(&error), qPrintable(error));
    QCOMPARE(m_box->depth(QStringLiteral("site_b")), 1);
}

// A read that fails says so; it never reads as "nothing is owed".
void TestOutbox::readErrorsAreReported()
{
    QString error;
    QVERIFY(m_box->put(QStringLiteral("site_b"), entries({"1"}), 0, &error));
    QVERIFY(m_box->putReceipt(QStringLiteral("site_b"), "{}", &error));
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        other.setDatabaseName(m_box->filePath());
        QVERIFY(other.open());
        QSqlQuery q(other);
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE outbox_changes RENAME TO moved_changes")));
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE outbox_receipts RENAME TO moved_receipts")));
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot read what is owed")));
    QVERIFY(m_box->queued(QStringLiteral("site_b"), 10, &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("cannot read what is owed")), qPrintable(error));
    error.clear();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot read what is owed")));
    QVERIFY(m_box->unacknowledged(QStringLiteral("site_b"), 1000, 10, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    error.clear();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot read the receipts owed")));
    QVERIFY(m_box->receipts(QStringLiteral("site_b"), 10, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    // Unknown in-flight count: no room in any send window.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot count what is in flight")));
    QCOMPARE(m_box->inFlight(QStringLiteral("site_b")), Outbox::kUnknownInFlight);
    error.clear();
    QCOMPARE(m_box->acknowledge(QStringLiteral("site_b"), QStringLiteral("items"), QStringLiteral("1"), 5, &error),
             Outbox::Ack::Unknown);
    QVERIFY(!error.isEmpty());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot count the entries")));
    m_box->depths();
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QByteArray writerDir = qgetenv("OUTBOX_WRITER_DIR");
    if (!writerDir.isEmpty())
        return runWriter(QString::fromLocal8Bit(writerDir));
    TestOutbox test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_outbox.moc"
