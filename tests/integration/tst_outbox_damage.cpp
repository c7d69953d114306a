// A damaged outbox (issue 11, item 11). site_a owes rows to site_b while site_b is offline, so
// its outbox holds them and sync_status says `pending`; site_a is stopped, its outbox file is
// overwritten with garbage, and site_a is started again. It must start (not exit, which under
// systemd is a crash loop), log that it moved the file aside (naming both paths), rebuild what
// it owes from sync_status, and once site_b is back every row must arrive there and end
// `successful` in site_a's sync_status.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTest>

#include <memory>

#include "EngineProcess.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {
const QString kTable = QStringLiteral("items");
const QString kClientA = QStringLiteral("site_a");
const QString kClientB = QStringLiteral("site_b");
const QString kDatabase = QStringLiteral("outbox_damage");
} // namespace

class TestOutboxDamage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void garbageOutboxIsMovedAsideAndRebuilt();

private:
    bool startAndSee(EngineProcess &engine, const QString &remote);
    qint64 statusCount(const QString &status);

    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_dbA;
    std::unique_ptr<SiteDatabase> m_dbB;
};

void TestOutboxDamage::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    QVERIFY2(QFileInfo(EngineProcess::daemonPath()).isExecutable(),
             qPrintable(QStringLiteral("MYSQL_SYNC_DAEMON is not an executable: ") + EngineProcess::daemonPath()));
    QVERIFY(m_servers.broker(QStringLiteral("start-broker")));
}

bool TestOutboxDamage::startAndSee(EngineProcess &engine, const QString &remote)
{
    const int offset = int(engine.log().size());
    if (!engine.start())
        return false;
    return engine.waitForLog((remote + QStringLiteral(" is online")).toUtf8(), 30000, offset);
}

qint64 TestOutboxDamage::statusCount(const QString &status)
{
    return m_dbA
        ->scalar(QStringLiteral("SELECT COUNT(*) FROM sync_status WHERE remote = ? AND `status` = ?"),
                 {kClientB, status})
        .toLongLong();
}

void TestOutboxDamage::garbageOutboxIsMovedAsideAndRebuilt()
{
    m_dbA = std::make_unique<SiteDatabase>(m_servers, 'A', kDatabase);
    m_dbB = std::make_unique<SiteDatabase>(m_servers, 'B', kDatabase);
    QVERIFY2(m_dbA->isOpen() && m_dbB->isOpen(), qPrintable(m_dbA->lastError() + m_dbB->lastError()));
    const QString ddl =
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(64)) ENGINE=InnoDB");
    QVERIFY(m_dbA->exec(ddl) && m_dbB->exec(ddl));

    const QStringList tables{kTable};
    EngineProcess engineA(kClientA, EngineProcess::config(m_servers, 'A', kDatabase, kClientA, {kClientB}, tables, {}));
    EngineProcess engineB(kClientB, EngineProcess::config(m_servers, 'B', kDatabase, kClientB, {kClientA}, {}, tables));
    QVERIFY(engineA.start());
    QVERIFY(startAndSee(engineB, kClientA));
    QVERIFY(engineA.waitForLog("site_b is online", 30000));

    // In sync first.
    for (int id = 1; id <= 5; ++id)
        QVERIFY(
            m_dbA->exec(QStringLiteral("INSERT INTO items VALUES (?, ?)"), {id, QStringLiteral("before %1").arg(id)}));
    QVERIFY2(waitUntil([&] { return m_dbB->count(kTable) == 5 && statusCount(QStringLiteral("successful")) == 5; },
                       30000),
             "the first rows did not arrive");

    // site_b goes away; 50 new rows and an update wait in site_a's outbox.
    const int offlineOffset = int(engineA.log().size());
    QVERIFY(engineB.stop());
    QVERIFY(engineA.waitForLog("site_b is offline", 20000, offlineOffset));
    for (int id = 101; id <= 150; ++id)
        QVERIFY(m_dbA->exec(QStringLiteral("INSERT INTO items VALUES (?, ?)"),
                            {id, QStringLiteral("while away %1").arg(id)}));
    QVERIFY(m_dbA->exec(QStringLiteral("UPDATE items SET name = 'changed while away' WHERE id = 3")));
    QVERIFY2(waitUntil(
                 [&] {
                     return m_dbA->count(QStringLiteral("table_changes")) == 0
                         && statusCount(QStringLiteral("pending")) == 51;
                 },
                 30000),
             qPrintable(QStringLiteral("site_a did not capture the rows: %1 pending")
                            .arg(statusCount(QStringLiteral("pending")))));
    QVERIFY(engineA.stop());

    // The outbox is not a database any more.
    const QString outboxPath = QDir(engineA.queueDirectory()).absoluteFilePath(QStringLiteral("outbox.sqlite"));
    QVERIFY2(QFileInfo(outboxPath).size() > 0, qPrintable(outboxPath));
    {
        QFile file(outboxPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QByteArray garbage;
        for (int i = 0; i < 64 * 1024; ++i)
            garbage.append(char(0x20 + (i * 7919) % 90));
        QCOMPARE(file.write(garbage), garbage.size());
    }

    // site_a starts anyway, says what it did, and rebuilds what it owes.
    const int restartOffset = int(engineA.log().size());
    QVERIFY(engineA.start());
    const QByteArray movedLine = QStringLiteral("outbox %1 is damaged").arg(outboxPath).toUtf8();
    QVERIFY2(engineA.waitForLog(movedLine, 20000, restartOffset),
             qPrintable(QStringLiteral("no move-aside logged; log:\n")
                        + QString::fromUtf8(engineA.log().mid(restartOffset))));
    QVERIFY(
        engineA.waitForLog(QStringLiteral("moved aside to %1.damaged-").arg(outboxPath).toUtf8(), 1000, restartOffset));
    QVERIFY(engineA.waitForLog("rebuilt from sync_status, 51 key(s) owed again", 20000, restartOffset));
    QVERIFY2(engineA.waitForLog("subscribed to", 20000, restartOffset), "site_a did not get going");
    QVERIFY2(engineA.isRunning(), qPrintable(QString::fromUtf8(engineA.log().mid(restartOffset))));
    const QStringList aside =
        QDir(engineA.queueDirectory()).entryList({QStringLiteral("outbox.sqlite.damaged-*")}, QDir::Files);
    QVERIFY2(!aside.isEmpty(), "the damaged file is not beside the new one");

    // site_b comes back: every row arrives, every status ends successful.
    QVERIFY(startAndSee(engineB, kClientA));
    QVERIFY2(waitUntil(
                 [&] {
                     return statusCount(QStringLiteral("successful")) == 55
                         && statusCount(QStringLiteral("pending")) == 0 && m_dbB->count(kTable) == 55;
                 },
                 60000),
             qPrintable(QStringLiteral("site_b has %1 row(s); site_a: %2 successful, %3 pending, %4 error")
                            .arg(m_dbB->count(kTable))
                            .arg(statusCount(QStringLiteral("successful")))
                            .arg(statusCount(QStringLiteral("pending")))
                            .arg(statusCount(QStringLiteral("error")))));
    QCOMPARE(m_dbB->dump(kTable, QStringLiteral("id")), m_dbA->dump(kTable, QStringLiteral("id")));
    QVERIFY(engineA.isRunning());
    QVERIFY(engineA.stop());
    QVERIFY(engineB.stop());
}

QTEST_GUILESS_MAIN(TestOutboxDamage)
#include "tst_outbox_damage.moc"
