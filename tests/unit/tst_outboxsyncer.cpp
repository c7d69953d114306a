// OutboxSyncer: checkpoints the outbox on a thread of its own and says which requests are on
// the disk; the Outbox's durability levels and syncToDisk.
#include "outbox/Outbox.h"
#include "outbox/OutboxSyncer.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync;

namespace {
QList<OutboxEntry> entries(int from, int count)
{
    QList<OutboxEntry> list;
    for (int i = from; i < from + count; ++i)
        list.append({QStringLiteral("items"), QString::number(i), 0, 0});
    return list;
}

// The entries of `remote` in the database file alone: a copy without its WAL holds only
// what a checkpoint has moved there.
int entriesInFileOnly(const QString &outboxFile, const QString &remote)
{
    const QString copy = outboxFile + QStringLiteral(".copy");
    QFile::remove(copy);
    if (!QFile::copy(outboxFile, copy))
        return -1;
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("file-only"));
        db.setDatabaseName(copy);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT COUNT(*) FROM outbox_changes WHERE remote = ?"));
            q.addBindValue(remote);
            if (q.exec() && q.next())
                count = q.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("file-only"));
    QFile::remove(copy);
    return count;
}

quint64 lastTicket(const QSignalSpy &spy)
{
    return spy.isEmpty() ? 0 : spy.last().at(0).toULongLong();
}
} // namespace

class TestOutboxSyncer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void relaxedCommitsReachTheFileOnlyThroughTheSyncer()
    {
        QTemporaryDir dir;
        Outbox box(dir.path(), QStringLiteral("box"));
        QString error;
        QVERIFY2(box.open(&error), qPrintable(error));
        // Whatever open() wrote goes to the file first, so that the count below starts at 0.
        QVERIFY2(box.syncToDisk(&error), qPrintable(error));

        QVERIFY(box.begin());
        QVERIFY2(box.put(QStringLiteral("site_b"), entries(0, 50), 0, &error), qPrintable(error));
        QVERIFY2(box.commit(&error), qPrintable(error));
        QCOMPARE(entriesInFileOnly(box.filePath(), QStringLiteral("site_b")), 0); // in the WAL only

        OutboxSyncer syncer(box.filePath(), QStringLiteral("syncer"));
        QSignalSpy synced(&syncer, &OutboxSyncer::synced);
        QSignalSpy failed(&syncer, &OutboxSyncer::failed);
        syncer.request(1);
        QTRY_COMPARE_WITH_TIMEOUT(lastTicket(synced), quint64(1), 5000);
        QVERIFY(failed.isEmpty());
        QCOMPARE(entriesInFileOnly(box.filePath(), QStringLiteral("site_b")), 50);
    }

    void requestsMadeDuringACheckpointAreAnsweredTogether()
    {
        QTemporaryDir dir;
        Outbox box(dir.path(), QStringLiteral("box"));
        QString error;
        QVERIFY2(box.open(&error), qPrintable(error));
        OutboxSyncer syncer(box.filePath(), QStringLiteral("syncer"));
        QSignalSpy synced(&syncer, &OutboxSyncer::synced);
        for (quint64 ticket = 1; ticket <= 20; ++ticket) {
            QVERIFY(box.begin());
            QVERIFY2(box.put(QStringLiteral("site_b"), entries(int(ticket) * 10, 10), 0, &error), qPrintable(error));
            QVERIFY2(box.commit(&error), qPrintable(error));
            syncer.request(ticket);
        }
        QTRY_COMPARE_WITH_TIMEOUT(lastTicket(synced), quint64(20), 5000);
        // Answers never go backwards, and fewer checkpoints than requests did the work.
        quint64 previous = 0;
        for (const QList<QVariant> &args : synced) {
            QVERIFY(args.at(0).toULongLong() >= previous);
            previous = args.at(0).toULongLong();
        }
        QCOMPARE(entriesInFileOnly(box.filePath(), QStringLiteral("site_b")), 200);
    }

    void powerSafeTransactionsNestAndCommit()
    {
        QTemporaryDir dir;
        Outbox box(dir.path(), QStringLiteral("box"));
        QString error;
        QVERIFY2(box.open(&error), qPrintable(error));
        // A PowerSafe transaction nested in a Relaxed one: the whole commits and is checkpointed.
        QVERIFY(box.begin());
        QVERIFY(box.begin(Outbox::Durability::PowerSafe));
        QVERIFY2(box.put(QStringLiteral("site_c"), entries(0, 5), 0, &error), qPrintable(error));
        QVERIFY2(box.commit(&error), qPrintable(error));
        QVERIFY2(box.commit(&error), qPrintable(error));
        QCOMPARE(entriesInFileOnly(box.filePath(), QStringLiteral("site_c")), 5);
        // A put outside a transaction makes a PowerSafe one of its own.
        QVERIFY2(box.put(QStringLiteral("site_c"), entries(5, 5), 0, &error), qPrintable(error));
        QCOMPARE(box.queued(QStringLiteral("site_c"), 100, &error).size(), 10);
        // A rolled-back one leaves nothing.
        QVERIFY(box.begin(Outbox::Durability::PowerSafe));
        QVERIFY2(box.put(QStringLiteral("site_c"), entries(10, 5), 0, &error), qPrintable(error));
        box.rollback();
        QCOMPARE(box.queued(QStringLiteral("site_c"), 100, &error).size(), 10);
    }
};

QTEST_GUILESS_MAIN(TestOutboxSyncer)
#include "tst_outboxsyncer.moc"
