// Transformers are contained (issue 11, item 9), with two real engines. site_a sends `items`
// and `slow` to site_b through transformers of its own:
// - slow.js runs `SELECT SLEEP(50)` through context.database.query. The statement is cut at
//   the transformer's time limit (the row arrives marked 'cut'), and meanwhile site_a's
//   heartbeats on /info keep coming before the `until` each one promised, so site_b never
//   sees site_a go offline.
// - items.js, for a row named 'poison', runs SET NAMES latin1, SET @mysql_sync_applying =
//   NULL, SET time_zone and START TRANSACTION. Nothing of it may reach the engine's own
//   sessions: rows changed after it, with 4-byte UTF-8, arrive byte for byte, and site_a's
//   sync_status (written by the engine) is committed and says successful.
// - guarded.js reads through context.database.query and, by the row's name, INSERTs into or
//   UPDATEs site_a's local table `audit`. With the engine's login both writes land; once
//   site_a runs with mysqlConfig.transformerUser (a user granted only SELECT, its password
//   read from an owner-only file), each write is an `error` row naming the denial, `audit` is
//   unchanged, and a row that only reads still arrives.
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "EngineProcess.h"
#include "Mqtt.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "WaitUntil.h"

using namespace testsupport;

namespace {
const QString kClientA = QStringLiteral("site_a");
const QString kClientB = QStringLiteral("site_b");
const QString kDatabase = QStringLiteral("transform_containment");
constexpr int kTimeLimitMs = 500;

const QByteArray kSlowJs = R"js(
module.exports = async function (context) {
  var entity = context.entity;
  try {
    await context.database.query('SELECT SLEEP(50)');
    entity.v = 'slept';
  } catch (e) {
    entity.v = 'cut';
  }
  return entity;
};
)js";

const QByteArray kItemsJs = R"js(
module.exports = async function (context) {
  if (context.entity && context.entity.name === 'poison') {
    await context.database.query('SET NAMES latin1');
    await context.database.query('SET @mysql_sync_applying = NULL');
    await context.database.query("SET time_zone = '+09:00'");
    await context.database.query('START TRANSACTION');
    await context.database.query('SELECT COUNT(*) AS n FROM items FOR UPDATE');
  }
  return context.entity;
};
)js";

const QByteArray kGuardedJs = R"js(
module.exports = async function (context) {
  var entity = context.entity;
  if (!entity)
    return entity;
  var rows = await context.database.query('SELECT COUNT(*) AS n FROM audit');
  entity.name = entity.name + ' saw ' + rows[0].n;
  if (entity.name.indexOf('insert') === 0)
    await context.database.query('INSERT INTO audit VALUES (?, ?)', entity.id, entity.name);
  if (entity.name.indexOf('update') === 0)
    await context.database.query('UPDATE audit SET note = ? WHERE id = 1', entity.name);
  return entity;
};
)js";
const QString kReader = QStringLiteral("tc_reader");
const QString kReaderPassword = QStringLiteral("reader-pw-4711");

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}
} // namespace

class TestTransformContainment : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void sleepingQueryDoesNotSilenceHeartbeats();
    void sessionChangesStayWithTheTransformer();
    void readOnlyUserCannotWrite();

private:
    qint64 statusCount(const QString &table, const QString &status);
    QString status(const QString &table, int id, QString *message = nullptr);

    Servers m_servers;
    QTemporaryDir m_transformers;
    std::unique_ptr<SiteDatabase> m_dbA;
    std::unique_ptr<SiteDatabase> m_dbB;
    std::unique_ptr<EngineProcess> m_engineA;
    std::unique_ptr<EngineProcess> m_engineB;
};

void TestTransformContainment::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    QVERIFY2(QFileInfo(EngineProcess::daemonPath()).isExecutable(),
             qPrintable(QStringLiteral("MYSQL_SYNC_DAEMON is not an executable: ") + EngineProcess::daemonPath()));
    QVERIFY(m_servers.broker(QStringLiteral("start-broker")));

    m_dbA = std::make_unique<SiteDatabase>(m_servers, 'A', kDatabase);
    m_dbB = std::make_unique<SiteDatabase>(m_servers, 'B', kDatabase);
    QVERIFY2(m_dbA->isOpen() && m_dbB->isOpen(), qPrintable(m_dbA->lastError() + m_dbB->lastError()));
    for (SiteDatabase *db : {m_dbA.get(), m_dbB.get()}) {
        QVERIFY(db->exec(QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(64)) "
                                        "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4")));
        QVERIFY(
            db->exec(QStringLiteral("CREATE TABLE slow (id INT NOT NULL PRIMARY KEY, v VARCHAR(20)) ENGINE=InnoDB")));
        QVERIFY(db->exec(
            QStringLiteral("CREATE TABLE guarded (id INT NOT NULL PRIMARY KEY, name VARCHAR(64)) ENGINE=InnoDB")));
    }
    // site_a's own table, written only by guarded.js (not synced).
    QVERIFY(m_dbA->exec(
        QStringLiteral("CREATE TABLE audit (id INT NOT NULL PRIMARY KEY, note VARCHAR(64)) ENGINE=InnoDB")));
    QVERIFY(writeFile(m_transformers.filePath(QStringLiteral("slow.js")), kSlowJs));
    QVERIFY(writeFile(m_transformers.filePath(QStringLiteral("items.js")), kItemsJs));
    QVERIFY(writeFile(m_transformers.filePath(QStringLiteral("guarded.js")), kGuardedJs));

    const QStringList tables{QStringLiteral("items"), QStringLiteral("slow"), QStringLiteral("guarded")};
    QJsonObject configA = EngineProcess::config(m_servers, 'A', kDatabase, kClientA, {kClientB}, tables, {});
    configA.insert(QStringLiteral("transformerDirectory"), m_transformers.path());
    configA.insert(QStringLiteral("transformTimeout"), kTimeLimitMs);
    configA.insert(QStringLiteral("checkInterval"), 1000);
    QJsonObject configB = EngineProcess::config(m_servers, 'B', kDatabase, kClientB, {kClientA}, {}, tables);
    configB.insert(QStringLiteral("checkInterval"), 1000);
    m_engineA = std::make_unique<EngineProcess>(kClientA, configA);
    m_engineB = std::make_unique<EngineProcess>(kClientB, configB);
    QVERIFY(m_engineA->start());
    QVERIFY(m_engineB->start());
    QVERIFY(m_engineA->waitForLog("site_b is online", 30000));
    QVERIFY(m_engineB->waitForLog("site_a is online", 30000));
}

void TestTransformContainment::cleanupTestCase()
{
    if (m_engineA)
        m_engineA->stop();
    if (m_engineB)
        m_engineB->stop();
    if (m_dbA)
        m_dbA->exec(QStringLiteral("DROP USER IF EXISTS '%1'@'127.0.0.1'").arg(kReader));
}

QString TestTransformContainment::status(const QString &table, int id, QString *message)
{
    const QString key = QString::number(id);
    if (message)
        *message = m_dbA
                       ->scalar(QStringLiteral("SELECT message FROM sync_status WHERE remote = ? AND `table_name` = ? "
                                               "AND primary_key = ?"),
                                {kClientB, table, key})
                       .toString();
    return m_dbA
        ->scalar(QStringLiteral(
                     "SELECT status FROM sync_status WHERE remote = ? AND `table_name` = ? AND primary_key = ?"),
                 {kClientB, table, key})
        .toString();
}

qint64 TestTransformContainment::statusCount(const QString &table, const QString &status)
{
    return m_dbA
        ->scalar(QStringLiteral(
                     "SELECT COUNT(*) FROM sync_status WHERE remote = ? AND `table_name` = ? AND `status` = ?"),
                 {kClientB, table, status})
        .toLongLong();
}

void TestTransformContainment::sleepingQueryDoesNotSilenceHeartbeats()
{
    MqttSubscriber info(m_servers, QStringLiteral("/info"));
    QVERIFY(info.isReady());
    const int offsetB = int(m_engineB->log().size());

    // site_a's heartbeats as they arrive: (arrival, until).
    QList<QPair<qint64, qint64>> beats;
    qsizetype seen = 0;
    const auto collect = [&] {
        const QStringList lines = info.lines();
        for (; seen < lines.size(); ++seen) {
            const QString &line = lines.at(seen);
            const QJsonObject o =
                QJsonDocument::fromJson(line.mid(line.indexOf(QLatin1Char(' ')) + 1).toUtf8()).object();
            if (o.value(QStringLiteral("sender")).toString() == kClientA
                && o.value(QStringLiteral("message")).toString() == QLatin1String("connected"))
                beats.append(
                    {QDateTime::currentMSecsSinceEpoch(),
                     qint64(o.value(QStringLiteral("args")).toObject().value(QStringLiteral("until")).toDouble())});
        }
    };
    QVERIFY2(waitUntil(
                 [&] {
                     collect();
                     return beats.size() >= 2;
                 },
                 20000, 10),
             "no heartbeats from site_a");

    QElapsedTimer timer;
    timer.start();
    for (int id = 1; id <= 3; ++id)
        QVERIFY(m_dbA->exec(QStringLiteral("INSERT INTO slow VALUES (?, 'new')"), {id}));
    const bool arrived = waitUntil(
        [&] {
            collect();
            return m_dbB->scalar(QStringLiteral("SELECT COUNT(*) FROM slow WHERE v = 'cut'")).toInt() == 3;
        },
        40000, 10);
    const qint64 arrivedAfter = timer.elapsed();
    // Watch a while longer: heartbeats go on after the transformers ran.
    waitUntil(
        [&] {
            collect();
            return false;
        },
        4000, 10);
    QVERIFY2(arrived,
             qPrintable(QStringLiteral("the rows did not arrive cut short: %1\nsite_a's log ends:\n%2")
                            .arg(m_dbB->dump(QStringLiteral("slow"), QStringLiteral("id")),
                                 QString::fromUtf8(m_engineA->log().right(3000)))));
    qInfo() << "3 rows through SELECT SLEEP(50) in" << arrivedAfter << "ms;" << beats.size() << "heartbeats seen";
    QVERIFY2(arrivedAfter < 20000, qPrintable(QString::number(arrivedAfter)));
    for (qsizetype i = 1; i < beats.size(); ++i) {
        QVERIFY2(beats.at(i).first < beats.at(i - 1).second,
                 qPrintable(QStringLiteral("heartbeat %1 arrived at %2, after the %3 promised by the one before")
                                .arg(i)
                                .arg(beats.at(i).first)
                                .arg(beats.at(i - 1).second)));
    }
    QVERIFY2(!m_engineB->log().mid(offsetB).contains("site_a is offline"),
             qPrintable(QString::fromUtf8(m_engineB->log().mid(offsetB))));
    QCOMPARE(statusCount(QStringLiteral("slow"), QStringLiteral("successful")), 3);
}

void TestTransformContainment::sessionChangesStayWithTheTransformer()
{
    QVERIFY(m_dbA->exec(QStringLiteral("INSERT INTO items VALUES (1, 'poison')")));
    QVERIFY2(waitUntil([&] { return m_dbB->count(QStringLiteral("items")) == 1; }, 20000),
             "the poison row did not arrive");

    // Rows changed after it, read and sent by the engine's own sessions.
    const QString emoji = QString::fromUtf8("\xF0\x9F\x98\x80 \xF0\x9D\x84\x9E \xC3\xA9");
    for (int id = 2; id <= 11; ++id)
        QVERIFY(
            m_dbA->exec(QStringLiteral("INSERT INTO items VALUES (?, ?)"), {id, QString(emoji + QString::number(id))}));
    QVERIFY(m_dbA->exec(QStringLiteral("UPDATE items SET name = ? WHERE id = 1"), {emoji}));
    const bool arrived = waitUntil(
        [&] {
            return m_dbB->count(QStringLiteral("items")) == 11
                && m_dbB->dump(QStringLiteral("items"), QStringLiteral("id"))
                == m_dbA->dump(QStringLiteral("items"), QStringLiteral("id"));
        },
        30000);
    QVERIFY2(arrived,
             qPrintable(QStringLiteral("site_a:\n%1\nsite_b:\n%2")
                            .arg(m_dbA->dump(QStringLiteral("items"), QStringLiteral("id")),
                                 m_dbB->dump(QStringLiteral("items"), QStringLiteral("id")))));
    QCOMPARE(m_dbB->scalar(QStringLiteral("SELECT HEX(name) FROM items WHERE id = 5")).toString(),
             QString::fromLatin1((emoji + QStringLiteral("5")).toUtf8().toHex().toUpper()));
    // The engine's sync_status writes are committed (no transaction left open under them).
    QVERIFY2(waitUntil([&] { return statusCount(QStringLiteral("items"), QStringLiteral("successful")) == 11; }, 20000),
             qPrintable(QStringLiteral("%1 successful")
                            .arg(statusCount(QStringLiteral("items"), QStringLiteral("successful")))));
    // The capture triggers still see the engine's guard on its apply session: nothing was
    // captured on site_b (it only receives), and site_a's table_changes drained.
    QVERIFY(waitUntil([&] { return m_dbA->count(QStringLiteral("table_changes")) == 0; }, 10000));
    QVERIFY(m_engineA->isRunning());
}

void TestTransformContainment::readOnlyUserCannotWrite()
{
    const QString guarded = QStringLiteral("guarded");
    const auto settled = [&](int id, const QString &expected) {
        return waitUntil([&] { return status(guarded, id) == expected; }, 20000);
    };
    const QString logs = QStringLiteral("\nsite_a's log ends:\n%1");

    // Without mysqlConfig.transformerUser the transformers write with the engine's login: the
    // INSERT and the UPDATE land (what the read-only user must prevent below).
    QVERIFY(m_dbA->exec(QStringLiteral("INSERT INTO guarded VALUES (1, 'insert one')")));
    QString message;
    QVERIFY2(settled(1, QStringLiteral("successful")),
             qPrintable(status(guarded, 1, &message) + QLatin1Char(' ') + message));
    QVERIFY(m_dbA->exec(QStringLiteral("INSERT INTO guarded VALUES (2, 'update two')")));
    QVERIFY2(settled(2, QStringLiteral("successful")),
             qPrintable(status(guarded, 2, &message) + QLatin1Char(' ') + message));
    const auto auditRows = [&] {
        return m_dbA
            ->scalar(QStringLiteral("SELECT GROUP_CONCAT(CONCAT(id, '=', note) ORDER BY id SEPARATOR '|') FROM audit"))
            .toString();
    };
    QCOMPARE(auditRows(), QStringLiteral("1=update two saw 1"));
    QVERIFY(waitUntil([&] { return m_dbB->count(guarded) == 2; }, 20000));

    // A user granted only SELECT on the database, for the transformers alone; its password in
    // an owner-only file (the same forms as mysqlConfig.password).
    QVERIFY(m_dbA->exec(QStringLiteral("DROP USER IF EXISTS '%1'@'127.0.0.1'").arg(kReader)));
    QVERIFY(
        m_dbA->exec(QStringLiteral("CREATE USER '%1'@'127.0.0.1' IDENTIFIED BY '%2'").arg(kReader, kReaderPassword)));
    QVERIFY(m_dbA->exec(QStringLiteral("GRANT SELECT ON `%1`.* TO '%2'@'127.0.0.1'").arg(kDatabase, kReader)));
    const QString passwordFile = m_engineA->tempDir() + QStringLiteral("/reader.password");
    QVERIFY(writeFile(passwordFile, kReaderPassword.toUtf8() + '\n'));
    QVERIFY(QFile::setPermissions(passwordFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner));

    QVERIFY(m_engineA->stop());
    QJsonObject config = m_engineA->currentConfig();
    QJsonObject mysql = config.value(QStringLiteral("mysqlConfig")).toObject();
    mysql.insert(QStringLiteral("transformerUser"), kReader);
    mysql.insert(QStringLiteral("transformerPassword"), QJsonObject{{QStringLiteral("file"), passwordFile}});
    config.insert(QStringLiteral("mysqlConfig"), mysql);
    m_engineA->setConfig(config);
    const int offset = int(m_engineA->log().size());
    QVERIFY(m_engineA->start());
    QVERIFY2(m_engineA->waitForLog("site_b is online", 30000, offset), m_engineA->log().mid(offset).constData());
    QVERIFY(m_engineA->log().mid(offset).contains("transformers query the database as user tc_reader"));

    // The writes are refused by the server: error rows naming the denial, audit unchanged,
    // nothing sent.
    QVERIFY(m_dbA->exec(QStringLiteral("INSERT INTO guarded VALUES (3, 'insert three')")));
    QVERIFY(m_dbA->exec(QStringLiteral("INSERT INTO guarded VALUES (4, 'update four')")));
    // A row whose transformer only reads goes through.
    QVERIFY(m_dbA->exec(QStringLiteral("INSERT INTO guarded VALUES (5, 'read five')")));
    QVERIFY2(settled(3, QStringLiteral("error")) && settled(4, QStringLiteral("error"))
                 && settled(5, QStringLiteral("successful")),
             qPrintable(
                 QStringLiteral("3: %1, 4: %2, 5: %3").arg(status(guarded, 3), status(guarded, 4), status(guarded, 5))
                 + logs.arg(QString::fromUtf8(m_engineA->log().mid(offset).right(3000)))));
    status(guarded, 3, &message);
    QVERIFY2(message.contains(QLatin1String("guarded.js")) && message.contains(QLatin1String("INSERT command denied"))
                 && message.contains(kReader),
             qPrintable(message));
    status(guarded, 4, &message);
    QVERIFY2(message.contains(QLatin1String("guarded.js")) && message.contains(QLatin1String("UPDATE command denied"))
                 && message.contains(kReader),
             qPrintable(message));
    QCOMPARE(auditRows(), QStringLiteral("1=update two saw 1"));
    QVERIFY(waitUntil([&] { return m_dbB->count(guarded) == 3; }, 20000));
    QCOMPARE(m_dbB->scalar(QStringLiteral("SELECT name FROM guarded WHERE id = 5")).toString(),
             QStringLiteral("read five saw 1"));
    QCOMPARE(m_dbB->scalar(QStringLiteral("SELECT COUNT(*) FROM guarded WHERE id IN (3, 4)")).toInt(), 0);
    // The password is never logged.
    QVERIFY(!m_engineA->log().contains(kReaderPassword.toUtf8()));
    QVERIFY(m_engineA->isRunning());
}

QTEST_GUILESS_MAIN(TestTransformContainment)
#include "tst_transform_containment.moc"
