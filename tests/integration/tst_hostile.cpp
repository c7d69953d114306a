// Hostile and malformed input against one real engine (docs/protocol.md, "Receiving a change"
// and "Messages"). The test plays the remote site "site_a" by publishing raw payloads with
// mosquitto_pub and listens for what the engine "site_b" answers.
//
// "Nothing happened" is proven without sleeping: after a bad message the test sends a valid
// sentinel change on the same topic and waits for ITS receipt (the engine handles one topic in
// order), then checks the database and everything the engine published in between.
//
// The test class is in tst_hostile.h.
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "WaitUntil.h"
#include "tst_hostile.h"

namespace hostile {

Line parseLine(const QString &line)
{
    Line l;
    const qsizetype space = line.indexOf(QLatin1Char(' '));
    l.topic = space < 0 ? line : line.left(space);
    l.payload = space < 0 ? QString() : line.mid(space + 1);
    if (l.topic.startsWith(QLatin1Char('/')) && l.payload.size() < 100000) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(l.payload.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && doc.isObject()) {
            l.json = doc.object();
            l.isJson = true;
        }
    }
    return l;
}

QString senderOf(const Line &l)
{
    return l.json.value(QStringLiteral("sender")).toString();
}
QString kind(const Line &l)
{
    return l.json.value(QStringLiteral("message")).toString();
}
QJsonObject args(const Line &l)
{
    return l.json.value(QStringLiteral("args")).toObject();
}

// Whether a line is something the engine published (its heartbeats left out). The test
// publishes only on /change/site_b, /info/site_b and /info, never with sender site_b on the
// two /info topics, so everything else on the watched topics is the engine's.
bool isEngineOutput(const Line &l)
{
    if (!l.topic.startsWith(QLatin1Char('/')))
        return false; // a continuation line of a multi-line payload (none are sent)
    if (l.topic == kChangeTopic)
        return false; // ours (case 10 publishes sender site_b here on purpose)
    if (l.topic == kInfoTopic)
        return senderOf(l) == kSelf && kind(l) != QLatin1String("connected");
    if (l.topic == kOwnInfoTopic)
        return senderOf(l) == kSelf; // the engine answering itself would be a bug
    return true;                     // /info/<anyone else>, /change/<anyone else>
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject entity(const QJsonValue &id, const QJsonValue &name, const QJsonValue &qty)
{
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("qty"), qty}};
}

// A change message as raw bytes; `id` and `entity` may be any JSON value (even undefined: left out).
QByteArray changePayload(const QString &from, const QString &table, const QJsonValue &id, qint64 date,
                         const QJsonValue &entityValue)
{
    QJsonObject o;
    o.insert(QStringLiteral("sender"), from);
    o.insert(QStringLiteral("table"), table);
    if (!id.isUndefined())
        o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("date"), date);
    if (!entityValue.isUndefined())
        o.insert(QStringLiteral("entity"), entityValue);
    return compact(o);
}

} // namespace hostile

// ---------------------------------------------------------------------------------------------
// helpers

QList<Line> TestHostile::engineOutputSince(int fromMark) const
{
    QList<Line> out;
    const QStringList lines = m_all->lines();
    for (qsizetype i = fromMark; i < lines.size(); ++i) {
        Line l = parseLine(lines.at(i));
        if (isEngineOutput(l))
            out.append(l);
    }
    return out;
}

std::optional<Line> TestHostile::waitForReceipt(qint64 date, int timeoutMs)
{
    std::optional<Line> found;
    int scanned = 0;
    waitUntil(
        [&] {
            const QStringList lines = m_all->lines();
            for (; scanned < lines.size(); ++scanned) {
                const QString &raw = lines.at(scanned);
                if (!raw.startsWith(kReceiptTopic + QLatin1Char(' ')))
                    continue;
                const Line l = parseLine(raw);
                if (l.isJson && args(l).value(QStringLiteral("date")).toInteger(-1) == date) {
                    found = l;
                    return true;
                }
            }
            return false;
        },
        timeoutMs, 10);
    return found;
}

QString TestHostile::sentinel(qint64 *dateOut)
{
    const int qty = ++m_sentinelRuns;
    const qint64 date = nextDate();
    if (dateOut)
        *dateOut = date;
    const QString id = QString::number(kSentinelId);
    if (!sendChange(QStringLiteral("items"), id, date, entity(id, QStringLiteral("sentinel"), qty)))
        return QStringLiteral("cannot publish the sentinel change");
    const std::optional<Line> receipt = waitForReceipt(date);
    if (!receipt)
        return QStringLiteral("no receipt for sentinel change #%1 (engine running: %2)")
            .arg(qty)
            .arg(m_engine->isRunning());
    const QString shape = checkReceipt(*receipt, QStringLiteral("data_received"), QStringLiteral("items"), id, date);
    if (!shape.isEmpty())
        return QStringLiteral("sentinel receipt: ") + shape;
    const int stored = m_db->scalar(QStringLiteral("SELECT qty FROM items WHERE id = ?"), {kSentinelId}).toInt();
    if (stored != qty)
        return QStringLiteral("sentinel row has qty %1, expected %2").arg(stored).arg(qty);
    return QString();
}

QString TestHostile::snapshot()
{
    QString out;
    const QList<QVariantMap> tables =
        m_db->rows(QStringLiteral(
                       "SELECT table_name AS n FROM information_schema.tables WHERE table_schema = ? ORDER BY 1"),
                   {kDatabase});
    for (const QVariantMap &t : tables)
        out += QStringLiteral("table ") + t.value(QStringLiteral("n")).toString() + QLatin1Char('\n');
    for (const QString &table :
         {QStringLiteral("items"), QStringLiteral("notreceived"), kHostileTable, QStringLiteral("t")}) {
        const QString sql = table == QLatin1String("items")
            ? QStringLiteral("SELECT * FROM items WHERE id <> %1 ORDER BY id").arg(kSentinelId)
            : QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(SiteDatabase::quoteIdentifier(table));
        out += QStringLiteral("== ") + table + QLatin1Char('\n');
        for (const QVariantMap &row : m_db->rows(sql)) {
            QStringList cells;
            for (auto it = row.cbegin(); it != row.cend(); ++it)
                cells << it.key() + QLatin1Char('=')
                        + (it.value().isNull() ? QStringLiteral("NULL") : it.value().toString());
            out += cells.join(QLatin1Char('\t')) + QLatin1Char('\n');
        }
    }
    return out;
}

bool TestHostile::tableTExists()
{
    return m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND "
                                       "table_name = 't'"),
                        {kDatabase})
               .toInt()
        == 1
        && m_db->count(QStringLiteral("t")) == 1;
}

QString TestHostile::checkReceipt(const Line &receipt, const QString &kindName, const QString &table, const QString &id,
                                  qint64 date)
{
    if (!receipt.isJson)
        return QStringLiteral("not a JSON object: ") + receipt.payload.left(300);
    const QJsonObject &o = receipt.json;
    QStringList keys = o.keys();
    if (keys != QStringList{QStringLiteral("args"), QStringLiteral("message"), QStringLiteral("sender")})
        return QStringLiteral("top-level fields are %1").arg(keys.join(QLatin1Char(',')));
    if (o.value(QStringLiteral("sender")).toString() != kSelf)
        return QStringLiteral("sender is %1").arg(o.value(QStringLiteral("sender")).toString());
    if (o.value(QStringLiteral("message")).toString() != kindName)
        return QStringLiteral("message is %1, expected %2: %3")
            .arg(o.value(QStringLiteral("message")).toString(), kindName, receipt.payload.left(600));
    const QJsonObject a = o.value(QStringLiteral("args")).toObject();
    QStringList expectedKeys{QStringLiteral("date"), QStringLiteral("id"), QStringLiteral("table")};
    if (kindName == QLatin1String("error"))
        expectedKeys = QStringList{QStringLiteral("date"), QStringLiteral("id"), QStringLiteral("message"),
                                   QStringLiteral("table")};
    if (a.keys() != expectedKeys)
        return QStringLiteral("args fields are %1").arg(a.keys().join(QLatin1Char(',')));
    if (!a.value(QStringLiteral("table")).isString() || a.value(QStringLiteral("table")).toString() != table)
        return QStringLiteral("args.table is %1, expected %2").arg(a.value(QStringLiteral("table")).toString(), table);
    if (!a.value(QStringLiteral("id")).isString() || a.value(QStringLiteral("id")).toString() != id)
        return QStringLiteral("args.id is %1 (string: %2), expected \"%3\"")
            .arg(a.value(QStringLiteral("id")).toVariant().toString())
            .arg(a.value(QStringLiteral("id")).isString())
            .arg(id);
    if (!a.value(QStringLiteral("date")).isDouble() || a.value(QStringLiteral("date")).toInteger() != date)
        return QStringLiteral("args.date is %1, expected %2")
            .arg(a.value(QStringLiteral("date")).toInteger())
            .arg(date);
    return QString();
}

void TestHostile::expectNothingWritten(const QString &before, int fromMark, QList<Line> *engineOutput)
{
    qint64 sentinelDate = 0;
    const QString problem = sentinel(&sentinelDate);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(m_engine->isRunning());
    QList<Line> out = engineOutputSince(fromMark);
    // The sentinel's receipt is the last thing the engine said.
    QVERIFY2(!out.isEmpty(), "no output at all");
    QVERIFY2(out.last().topic == kReceiptTopic
                 && args(out.last()).value(QStringLiteral("date")).toInteger() == sentinelDate,
             qPrintable(out.last().topic + QLatin1Char(' ') + out.last().payload.left(300)));
    out.removeLast();
    *engineOutput = out;
    QCOMPARE(snapshot(), before);
    QVERIFY(tableTExists());
}

// ---------------------------------------------------------------------------------------------

void TestHostile::initTestCase()
{
    m_clock.start();
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    QVERIFY2(!EngineProcess::daemonPath().isEmpty(), "MYSQL_SYNC_DAEMON is not set");
    m_dateBase = QDateTime::currentMSecsSinceEpoch();

    m_db = std::make_unique<SiteDatabase>(m_servers, 'B', kDatabase);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->lastError()));
    QVERIFY(m_db->exec(
        QStringLiteral("CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NULL, qty INT NULL)")));
    QVERIFY(m_db->exec(QStringLiteral(
        "CREATE TABLE notreceived (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NULL, qty INT NULL)")));
    QVERIFY(m_db->exec(
        QStringLiteral("CREATE TABLE %1 (id INT NOT NULL PRIMARY KEY, %2 VARCHAR(100) NULL)")
            .arg(SiteDatabase::quoteIdentifier(kHostileTable), SiteDatabase::quoteIdentifier(kHostileColumn))));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE t (id INT NOT NULL PRIMARY KEY)")));
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO t VALUES (1)")));
    QVERIFY(
        m_db->exec(QStringLiteral(
                       "INSERT INTO items VALUES (0, 'zero', 0), (1, 'one', 1), (42, 'bolt', 7), (?, 'sentinel', 0)"),
                   {kSentinelId}));
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO notreceived VALUES (1, 'kept', 1), (42, 'kept', 42)")));
    QVERIFY(m_db->exec(
        QStringLiteral("INSERT INTO %1 VALUES (1, 'first')").arg(SiteDatabase::quoteIdentifier(kHostileTable))));
    // The hostile name is real in the catalogue.
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = ? "
                                         "AND table_name = ? AND column_name <> 'id'"),
                          {kDatabase, kHostileTable})
                 .toString(),
             kHostileColumn);

    m_all = std::make_unique<MqttSubscriber>(m_servers,
                                             QStringList{QStringLiteral("/info/#"), QStringLiteral("/change/#")});
    QVERIFY(m_all->isReady());

    QJsonObject config =
        EngineProcess::config(m_servers, 'B', kDatabase, kSelf, {kRemote},
                              {QStringLiteral("notreceived"), kHostileTable}, {QStringLiteral("items"), kHostileTable});
    // The rows put in place count as synced: only what a test sends is published.
    config.insert(QStringLiteral("initialLoad"), false);
    m_engine = std::make_unique<EngineProcess>(kSelf, config);
    QVERIFY(m_engine->start());
    // Its first heartbeat comes once it is subscribed.
    QVERIFY2(waitUntil(
                 [&] {
                     for (const QString &raw : m_all->lines(QStringLiteral("/info {"))) {
                         const Line l = parseLine(raw);
                         if (l.topic == kInfoTopic && senderOf(l) == kSelf && kind(l) == QLatin1String("connected"))
                             return true;
                     }
                     return !m_engine->isRunning();
                 },
                 30000)
                 && m_engine->isRunning(),
             m_engine->log().right(3000).constData());

    // site_a is online for the whole test: receipts go out directly.
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + 10 * 60 * 1000;
    QVERIFY(publish(kInfoTopic,
                    compact(QJsonObject{{QStringLiteral("sender"), kRemote},
                                        {QStringLiteral("message"), QStringLiteral("connected")},
                                        {QStringLiteral("args"), QJsonObject{{QStringLiteral("until"), until}}}})));
    const QString problem = sentinel();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    qInfo() << "engine up and answering after" << m_clock.elapsed() << "ms";
}

void TestHostile::cleanupTestCase()
{
    if (m_engine && m_engine->isRunning())
        m_engine->stop();
    m_engine.reset();
    m_all.reset();
    m_db.reset();
    qInfo() << "whole test took" << m_clock.elapsed() << "ms";
}

// 1. The baseline: a valid change is written and answered with data_received echoing table/id/date.
void TestHostile::validChange_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QJsonObject>("entity");
    QTest::addColumn<QVariant>("expectedName");
    QTest::addColumn<QVariant>("expectedQty");

    QTest::newRow("insert") << QStringLiteral("100") << entity(QStringLiteral("100"), QStringLiteral("bolt"), 7)
                            << QVariant(QStringLiteral("bolt")) << QVariant(7);
    QTest::newRow("update") << QStringLiteral("100") << entity(QStringLiteral("100"), QStringLiteral("nut"), 8)
                            << QVariant(QStringLiteral("nut")) << QVariant(8);
    QTest::newRow("partial entity keeps other columns")
        << QStringLiteral("100")
        << QJsonObject{{QStringLiteral("id"), QStringLiteral("100")}, {QStringLiteral("qty"), 9}}
        << QVariant(QStringLiteral("nut")) << QVariant(9);
    QTest::newRow("nulls") << QStringLiteral("101") << entity(QStringLiteral("101"), QJsonValue::Null, QJsonValue::Null)
                           << QVariant() << QVariant();
    const QString tricky = QStringLiteral("Grüße 'x' \"y\" \\ 😀 `; DROP TABLE t; --");
    QTest::newRow("quotes, backticks, unicode")
        << QStringLiteral("102") << entity(QStringLiteral("102"), tricky, -5) << QVariant(tricky) << QVariant(-5);
    QTest::newRow("integer as digit string")
        << QStringLiteral("103") << entity(QStringLiteral("103"), QStringLiteral("s"), QStringLiteral("12"))
        << QVariant(QStringLiteral("s")) << QVariant(12);
}

void TestHostile::validChange()
{
    QFETCH(QString, id);
    QFETCH(QJsonObject, entity);
    QFETCH(QVariant, expectedName);
    QFETCH(QVariant, expectedQty);

    const qint64 date = nextDate();
    QVERIFY(sendChange(QStringLiteral("items"), id, date, entity));
    const std::optional<Line> receipt = waitForReceipt(date);
    QVERIFY2(receipt, "no receipt");
    const QString shape = checkReceipt(*receipt, QStringLiteral("data_received"), QStringLiteral("items"), id, date);
    QVERIFY2(shape.isEmpty(), qPrintable(shape));

    const QList<QVariantMap> rows =
        m_db->rows(QStringLiteral("SELECT name, qty FROM items WHERE id = ?"), {id.toInt()});
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].value(QStringLiteral("name")).isNull(), expectedName.isNull());
    QCOMPARE(rows[0].value(QStringLiteral("qty")).isNull(), expectedQty.isNull());
    if (!expectedName.isNull())
        QCOMPARE(rows[0].value(QStringLiteral("name")).toString(), expectedName.toString());
    if (!expectedQty.isNull())
        QCOMPARE(rows[0].value(QStringLiteral("qty")).toInt(), expectedQty.toInt());
    QVERIFY(tableTExists());
}

// 2. A table that is not a receive table: the exact error, nothing written anywhere.
void TestHostile::notReceiveTable_data()
{
    QTest::addColumn<QString>("table");
    QTest::newRow("sync table only") << "notreceived";
    QTest::newRow("table that does not exist") << "no_such_table";
    QTest::newRow("hostile table name") << "items`; DROP TABLE t; --";
    QTest::newRow("existing table not configured") << "t";
    QTest::newRow("case variant of a receive table") << "ITEMS";
    QTest::newRow("engine's own table_changes") << "table_changes";
    QTest::newRow("engine's own sync_status") << "sync_status";
    QTest::newRow("other database") << "mysql.user";
}

void TestHostile::notReceiveTable()
{
    QFETCH(QString, table);
    const QString before = snapshot();
    const int from = mark();
    const qint64 date = nextDate();
    QVERIFY(sendChange(table, QStringLiteral("42"), date, entity(QStringLiteral("42"), QStringLiteral("evil"), 666)));
    const std::optional<Line> receipt = waitForReceipt(date);
    QVERIFY2(receipt, "no receipt");
    const QString shape = checkReceipt(*receipt, QStringLiteral("error"), table, QStringLiteral("42"), date);
    QVERIFY2(shape.isEmpty(), qPrintable(shape));
    QCOMPARE(args(*receipt).value(QStringLiteral("message")).toString(), kNotReceiveTable);

    // A delete of an existing key is refused the same way.
    const qint64 deleteDate = nextDate();
    QVERIFY(sendChange(table, QStringLiteral("1"), deleteDate, QJsonValue::Null));
    const std::optional<Line> deleteReceipt = waitForReceipt(deleteDate);
    QVERIFY2(deleteReceipt, "no receipt for the delete");
    QCOMPARE(kind(*deleteReceipt), QStringLiteral("error"));
    QCOMPARE(args(*deleteReceipt).value(QStringLiteral("message")).toString(), kNotReceiveTable);

    QList<Line> out;
    expectNothingWritten(before, from, &out);
    QCOMPARE(out.size(), 2); // the two errors, nothing else
}

// 3, 4, 6, 8 and 8b are in tst_hostile_refused.cpp, 7 in tst_hostile_malformed.cpp.

// 5. A real column whose name is an injection attempt: written correctly, captured correctly.
void TestHostile::hostileColumnTable()
{
    const QString quotedTable = SiteDatabase::quoteIdentifier(kHostileTable);
    const QString quotedColumn = SiteDatabase::quoteIdentifier(kHostileColumn);
    auto value = [&](int id) {
        return m_db->scalar(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(quotedColumn, quotedTable), {id});
    };

    // Insert, then update, through the engine.
    const QStringList values{QStringLiteral("it's `fine`; DROP TABLE t; --"), QStringLiteral("second \\ value")};
    for (const QString &v : values) {
        const qint64 date = nextDate();
        QVERIFY(sendChange(kHostileTable, QStringLiteral("5"), date,
                           QJsonObject{{QStringLiteral("id"), QStringLiteral("5")}, {kHostileColumn, v}}));
        const std::optional<Line> receipt = waitForReceipt(date);
        QVERIFY2(receipt, "no receipt");
        const QString shape =
            checkReceipt(*receipt, QStringLiteral("data_received"), kHostileTable, QStringLiteral("5"), date);
        QVERIFY2(shape.isEmpty(), qPrintable(shape));
        QCOMPARE(value(5).toString(), v);
        QVERIFY(tableTExists());
    }
    QCOMPARE(value(1).toString(), QStringLiteral("first"));

    // A delete.
    {
        const qint64 date = nextDate();
        QVERIFY(sendChange(kHostileTable, QStringLiteral("5"), date, QJsonValue::Null));
        const std::optional<Line> receipt = waitForReceipt(date);
        QVERIFY2(receipt, "no receipt");
        const QString shape =
            checkReceipt(*receipt, QStringLiteral("data_received"), kHostileTable, QStringLiteral("5"), date);
        QVERIFY2(shape.isEmpty(), qPrintable(shape));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE id = 5").arg(quotedTable)).toInt(), 0);
    }

    // The other way: a local insert is captured (triggers, lookup) and sent with the real name.
    const int from = mark();
    QVERIFY(
        m_db->exec(QStringLiteral("INSERT INTO %1 (id, %2) VALUES (6, 'local `x`')").arg(quotedTable, quotedColumn)));
    std::optional<Line> change;
    QVERIFY2(waitUntil(
                 [&] {
                     const QStringList lines = m_all->lines();
                     for (qsizetype i = from; i < lines.size(); ++i) {
                         const Line l = parseLine(lines.at(i));
                         if (l.topic == QLatin1String("/change/site_a")
                             && l.json.value(QStringLiteral("id")).toString() == QLatin1String("6")) {
                             change = l;
                             return true;
                         }
                     }
                     return false;
                 },
                 kTimeoutMs),
             "the local insert was not sent to site_a");
    QCOMPARE(change->json.value(QStringLiteral("sender")).toString(), kSelf);
    QCOMPARE(change->json.value(QStringLiteral("table")).toString(), kHostileTable);
    const QJsonObject sent = change->json.value(QStringLiteral("entity")).toObject();
    QCOMPARE(sent.keys(), (QStringList{QStringLiteral("id"), kHostileColumn}));
    QCOMPARE(sent.value(QStringLiteral("id")).toString(), QStringLiteral("6"));
    QCOMPARE(sent.value(kHostileColumn).toString(), QStringLiteral("local `x`"));
    // Acknowledge it, so that it is not resent, and see sync_status settle.
    const qint64 sentDate = change->json.value(QStringLiteral("date")).toInteger();
    QVERIFY(publish(kOwnInfoTopic,
                    compact(QJsonObject{{QStringLiteral("sender"), kRemote},
                                        {QStringLiteral("message"), QStringLiteral("data_received")},
                                        {QStringLiteral("args"),
                                         QJsonObject{{QStringLiteral("table"), kHostileTable},
                                                     {QStringLiteral("id"), QStringLiteral("6")},
                                                     {QStringLiteral("date"), sentDate}}}})));
    QVERIFY2(waitUntil(
                 [&] {
                     return m_db->scalar(QStringLiteral("SELECT status FROM sync_status WHERE id = MD5(?)"),
                                         {QString(kHostileTable + QStringLiteral("-6-") + kRemote)})
                                .toString()
                         == QLatin1String("successful");
                 },
                 kTimeoutMs),
             "sync_status did not become successful");
    QVERIFY(tableTExists());
    const QString problem = sentinel();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

// 9. An earlier engine's numeric keys: compared as strings, accepted.
void TestHostile::numericIdFromEarlierEngine_data()
{
    QTest::addColumn<QJsonValue>("id");
    QTest::addColumn<QJsonValue>("entityId");
    QTest::addColumn<int>("row");
    QTest::newRow("id \"7\", entity.id 7") << QJsonValue(QStringLiteral("7")) << QJsonValue(7) << 7;
    QTest::newRow("id 8, entity.id 8") << QJsonValue(8) << QJsonValue(8) << 8;
    QTest::newRow("id 9, entity.id \"9\"") << QJsonValue(9) << QJsonValue(QStringLiteral("9")) << 9;
}

void TestHostile::numericIdFromEarlierEngine()
{
    QFETCH(QJsonValue, id);
    QFETCH(QJsonValue, entityId);
    QFETCH(int, row);
    const qint64 date = nextDate();
    QVERIFY(sendChange(QStringLiteral("items"), id, date, entity(entityId, QStringLiteral("old engine"), row * 10)));
    const std::optional<Line> receipt = waitForReceipt(date);
    QVERIFY2(receipt, "no receipt");
    // The receipt's id is the string form.
    const QString shape =
        checkReceipt(*receipt, QStringLiteral("data_received"), QStringLiteral("items"), QString::number(row), date);
    QVERIFY2(shape.isEmpty(), qPrintable(shape));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT qty FROM items WHERE id = ? AND name = 'old engine'"), {row}).toInt(),
             row * 10);
}

// 10. A change that claims to come from ourselves.
void TestHostile::ownSenderIgnored()
{
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO items VALUES (42, 'bolt', 7) ON DUPLICATE KEY UPDATE id = id")));
    const QString before = snapshot();
    const int from = mark();
    QVERIFY(publish(kChangeTopic,
                    changePayload(kSelf, QStringLiteral("items"), QStringLiteral("500"), nextDate(),
                                  entity(QStringLiteral("500"), QStringLiteral("echo"), 1))));
    QVERIFY(publish(kChangeTopic,
                    changePayload(kSelf, QStringLiteral("items"), QStringLiteral("42"), nextDate(), QJsonValue::Null)));
    QVERIFY(publish(kChangeTopic,
                    changePayload(kSelf, QStringLiteral("notreceived"), QStringLiteral("42"), nextDate(),
                                  QJsonValue::Null)));
    QList<Line> out;
    expectNothingWritten(before, from, &out);
    QStringList seen;
    for (const Line &l : out)
        seen << l.topic + QLatin1Char(' ') + l.payload.left(300);
    QVERIFY2(out.isEmpty(), qPrintable(seen.join(QStringLiteral(" | "))));
    QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE id IN (42, 500)")).toInt(), 1);
}

// The engine's own log: never a password; and it did log the rejections.
void TestHostile::logHasNoSecrets()
{
    QVERIFY(m_engine->isRunning());
    QVERIFY2(m_engine->stop(), "the engine did not stop cleanly");
    const QByteArray log = m_engine->log();
    QVERIFY(!m_servers.password.isEmpty());
    QVERIFY2(!log.contains(m_servers.password.toUtf8()), "the mysql password appears in the engine's log");
    QVERIFY2(!log.contains("sync-test-pw"), "the mysql password appears in the engine's log");
    QVERIFY2(log.contains("rejected a change message"), log.right(2000).constData());
    qInfo() << "engine log:" << log.size() << "bytes";
}

QTEST_GUILESS_MAIN(TestHostile)
