// End-to-end synchronisation of every value type of the codec table (docs/protocol.md,
// "Values in entity") between two real engines, A -> B, with the per-row wire forms checked
// on the broker. The other end-to-end scenarios: tst_sync.
#include <QCoreApplication>
#include <QDebug>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <memory>

#include "EngineProcess.h"
#include "Mqtt.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "SiteSet.h"
#include "SitesTest.h"
#include "WaitUntil.h"

using namespace testsupport;

class TestSyncCodec : public SitesTest {
    Q_OBJECT
private slots:
    void everyCodecType();
    void everyCodecTypeByInitialLoad();
};

// ---------------------------------------------------------------------------------------------
// 2. Every type of the codec table, A -> B.

namespace {

struct TypedColumn {
    const char *name;
    const char *type;
    enum Canon { Text, Hex, BitValue } canon;
};

const TypedColumn kTypedColumns[] = {
    {"c_tinyint", "TINYINT", TypedColumn::Text},
    {"c_tinyint_u", "TINYINT UNSIGNED", TypedColumn::Text},
    {"c_smallint", "SMALLINT", TypedColumn::Text},
    {"c_mediumint", "MEDIUMINT", TypedColumn::Text},
    {"c_int", "INT", TypedColumn::Text},
    {"c_int_u", "INT UNSIGNED", TypedColumn::Text},
    {"c_bigint", "BIGINT", TypedColumn::Text},
    {"c_bigint_u", "BIGINT UNSIGNED", TypedColumn::Text},
    {"c_year", "YEAR", TypedColumn::Text},
    {"c_float", "FLOAT", TypedColumn::Text},
    {"c_double", "DOUBLE", TypedColumn::Text},
    {"c_decimal", "DECIMAL(30,10)", TypedColumn::Text},
    {"c_date", "DATE", TypedColumn::Text},
    {"c_datetime", "DATETIME", TypedColumn::Text},
    {"c_datetime6", "DATETIME(6)", TypedColumn::Text},
    {"c_timestamp", "TIMESTAMP NULL DEFAULT NULL", TypedColumn::Text},
    {"c_time", "TIME", TypedColumn::Text},
    {"c_char", "CHAR(10)", TypedColumn::Text},
    {"c_varchar", "VARCHAR(200)", TypedColumn::Text},
    {"c_text", "TEXT", TypedColumn::Text},
    {"c_enum", "ENUM('small','medium','large')", TypedColumn::Text},
    {"c_set", "SET('red','green','blue')", TypedColumn::Text},
    {"c_json", "JSON", TypedColumn::Text},
    {"c_binary", "BINARY(4)", TypedColumn::Hex},
    {"c_varbinary", "VARBINARY(64)", TypedColumn::Hex},
    {"c_blob", "BLOB", TypedColumn::Hex},
    {"c_bit", "BIT(10)", TypedColumn::BitValue},
};

QString typedDdl()
{
    QStringList columns{QStringLiteral("id INT NOT NULL PRIMARY KEY")};
    for (const TypedColumn &c : kTypedColumns)
        columns << QStringLiteral("%1 %2%3").arg(QLatin1String(c.name), QLatin1String(c.type),
                                                 QByteArray(c.type).contains("NULL") ? QString()
                                                                                     : QStringLiteral(" NULL"));
    return QStringLiteral("CREATE TABLE typed (%1) ENGINE=InnoDB").arg(columns.join(QStringLiteral(", ")));
}

// Every column as exact text: HEX for bytes, the number for BIT, CAST AS CHAR otherwise;
// '<NULL>' for NULL (so that an empty value and NULL differ).
QString canonicalSelect()
{
    QStringList exprs{QStringLiteral("id")};
    for (const TypedColumn &c : kTypedColumns) {
        const QString n = QLatin1String(c.name);
        QString e;
        switch (c.canon) {
        case TypedColumn::Hex:
            e = QStringLiteral("HEX(%1)").arg(n);
            break;
        case TypedColumn::BitValue:
            e = QStringLiteral("CAST(%1 + 0 AS CHAR)").arg(n);
            break;
        case TypedColumn::Text:
            e = QStringLiteral("CAST(%1 AS CHAR CHARACTER SET utf8mb4)").arg(n);
            break;
        }
        exprs << QStringLiteral("IFNULL(%1, '<NULL>') AS %2").arg(e, n);
    }
    return QStringLiteral("SELECT %1 FROM typed ORDER BY id").arg(exprs.join(QStringLiteral(", ")));
}

QString describeRows(const QList<QVariantMap> &rows)
{
    QString out;
    for (const QVariantMap &r : rows) {
        QStringList parts;
        for (auto it = r.cbegin(); it != r.cend(); ++it)
            parts << QStringLiteral("%1=%2").arg(it.key(), it.value().toString());
        out += parts.join(QStringLiteral(" | ")) + QLatin1Char('\n');
    }
    return out;
}

// The entity of the change message for `id` among lines "topic payload" of a subscriber.
QJsonObject entityFromLines(const QStringList &lines, const QString &topic, const QString &id, bool *found)
{
    *found = false;
    QJsonObject entity;
    for (const QString &line : lines) {
        if (!line.startsWith(topic + QLatin1Char(' ')))
            continue;
        const QJsonObject message = QJsonDocument::fromJson(line.mid(topic.size() + 1).toUtf8()).object();
        if (message.value(QStringLiteral("id")).toString() != id)
            continue;
        *found = true;
        entity = message.value(QStringLiteral("entity")).toObject(); // the last one wins
    }
    return entity;
}

QJsonArray bufferBytes(const QByteArray &bytes)
{
    QJsonArray data;
    for (char c : bytes)
        data.append(int(static_cast<unsigned char>(c)));
    return data;
}

// The values of the typed rows that the checks name.
struct TypedValues {
    QByteArray allBytes;
    QByteArray binary4{"\x00\xff\x10\x7f", 4};
    QByteArray varbinary{"\x00\xff\x00", 3};
    QString text = QStringLiteral("Grüße 😀🎉 日本語 \"dq\" 'sq' \\ tab\tnewline\nend");
    QString json = QStringLiteral("{\"a\": [1, 2.5, \"x\"], \"b\": null, \"c\": {\"d\": true}, \"u\": \"ü😀\"}");
    TypedValues()
    {
        for (int i = 0; i < 256; ++i)
            allBytes.append(char(i));
    }
};

// Rows 1 to 4 of `typed`: the edges of every type, and NULL in every column (row 2).
bool insertTypedRows(SiteDatabase &db, const TypedValues &v)
{
    const QString columns = [] {
        QStringList names{QStringLiteral("id")};
        for (const TypedColumn &c : kTypedColumns)
            names << QLatin1String(c.name);
        return names.join(QStringLiteral(", "));
    }();
    // The literals go into SQL text where a bound value would pass through a QVariant type.
    return db.exec(QStringLiteral(
                       "INSERT INTO typed (%1) VALUES (1, 127, 255, -32768, 8388607, -2147483648, 4294967295, "
                       "9007199254740993, 18446744073709551615, 2155, 3.14, 2.718281828459045, "
                       "'12345678901234567890.1234567890', '2024-02-29', '2038-01-19 03:14:08', "
                       "'2024-12-31 23:59:59.123456', '2024-06-01 12:34:56', '838:59:59', 'abc', ?, ?, 'medium', "
                       "'red,blue', ?, ?, ?, ?, b'1010101011')")
                       .arg(columns),
                   {QStringLiteral("O'Brien \"q\" \\ tab\t ü"), v.text, v.json, v.binary4, v.varbinary, v.allBytes})
        && db.exec(QStringLiteral("INSERT INTO typed (id) VALUES (2)"))
        && db.exec(QStringLiteral("INSERT INTO typed (%1) VALUES (3, -128, 0, 32767, -8388608, 2147483647, 0, "
                                  "-9223372036854775808, 0, 1901, -0.5, -1.5e-300, '-0.0000000001', '1000-01-01', "
                                  "'1000-01-01 00:00:00', '2000-01-01 00:00:00.000001', '2001-09-09 01:46:40', "
                                  "'-838:59:59', '', '', '', 'small', '', '[]', X'00000000', X'', X'00', b'0')")
                       .arg(columns))
        && db.exec(QStringLiteral("INSERT INTO typed (%1) VALUES (4, 0, 1, 0, 0, 0, 1, 9223372036854775807, "
                                  "9007199254740993, 2024, 0.1, 1.7976931348623157e308, "
                                  "'99999999999999999999.9999999999', '9999-12-31', '9999-12-31 23:59:59', "
                                  "'9999-12-31 23:59:59.999999', '2038-01-19 03:14:07', '00:00:01', 'x y', "
                                  "'trailing  ', ?, 'large', 'red,green,blue', '{}', X'FFFFFFFF', REPEAT(X'FF', 64), "
                                  "REPEAT(X'FF', 3000), b'1111111111')")
                       .arg(columns),
                   {QStringLiteral("🎉")});
}

} // namespace

void TestSyncCodec::everyCodecType()
{
    const QStringList ddl = {typedDdl()};
    SITES_MAKE(*m_sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("tsync_types_a"), ddl);
    SITES_MAKE(*m_sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("tsync_types_b"), ddl);
    m_watchedTables = {QStringLiteral("typed")};
    const QStringList typed = {QStringLiteral("typed")};
    m_sites->configure(a, {b.client}, typed, {});
    m_sites->configure(b, {a.client}, {}, typed);
    // The per-row wire forms: site_b speaks only the five messages, as an earlier engine
    // does (the batch path carries the same entities: tst_fastpath).
    QJsonObject perRow =
        EngineProcess::config(m_servers, b.server, b.db->databaseName(), b.client, {a.client}, {}, typed);
    perRow.insert(QStringLiteral("extensions"), QJsonObject{{QStringLiteral("enabled"), false}});
    b.engine->setConfig(perRow);
    QVERIFY(m_sites->start(a));
    QVERIFY(m_sites->start(b));
    QVERIFY(m_sites->waitReady(a, {b.client}));
    QVERIFY(m_sites->waitReady(b, {a.client}));

    MqttSubscriber wire(m_servers, QStringLiteral("/change/%1").arg(b.client));
    QVERIFY(wire.isReady());

    const TypedValues values;
    const QByteArray &allBytes = values.allBytes;
    const QByteArray &binary4 = values.binary4;
    const QByteArray &varbinary = values.varbinary;
    const QString &text = values.text;
    const QString &json = values.json;
    QVERIFY(insertTypedRows(*a.db, values));

    WAIT_FOR(b.db->count(QStringLiteral("typed")) == 4, kSyncTimeoutMs);
    WAIT_FOR(SiteSet::sameDumps(a, b, QStringLiteral("typed"), QStringLiteral("id")), kSyncTimeoutMs);
    {
        const QList<QVariantMap> ra = a.db->rows(canonicalSelect());
        const QList<QVariantMap> rb = b.db->rows(canonicalSelect());
        QCOMPARE(ra.size(), 4);
        QVERIFY2(ra == rb, qPrintable(QStringLiteral("A:\n%1B:\n%2").arg(describeRows(ra), describeRows(rb))));
    }
    WAIT_FOR(SiteSet::pendingChanges(a) == 0
                 && SiteSet::allSuccessful(a, QStringLiteral("typed"), b.client,
                                           {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                            QStringLiteral("4")}),
             kSyncTimeoutMs);

    // Specific values on B, as exact text.
    auto onB = [&](const QString &expr, int id) {
        return b.db->scalar(QStringLiteral("SELECT %1 FROM typed WHERE id = ?").arg(expr), {id});
    };
    QCOMPARE(onB(QStringLiteral("CAST(c_bigint AS CHAR)"), 1).toString(), QStringLiteral("9007199254740993"));
    QCOMPARE(onB(QStringLiteral("CAST(c_bigint_u AS CHAR)"), 1).toString(), QStringLiteral("18446744073709551615"));
    QCOMPARE(onB(QStringLiteral("CAST(c_bigint AS CHAR)"), 3).toString(), QStringLiteral("-9223372036854775808"));
    QCOMPARE(onB(QStringLiteral("CAST(c_bigint AS CHAR)"), 4).toString(), QStringLiteral("9223372036854775807"));
    QCOMPARE(onB(QStringLiteral("CAST(c_bigint_u AS CHAR)"), 4).toString(), QStringLiteral("9007199254740993"));
    QCOMPARE(onB(QStringLiteral("CAST(c_int_u AS CHAR)"), 1).toString(), QStringLiteral("4294967295"));
    QCOMPARE(onB(QStringLiteral("CAST(c_mediumint AS CHAR)"), 3).toString(), QStringLiteral("-8388608"));
    QCOMPARE(onB(QStringLiteral("CAST(c_decimal AS CHAR)"), 1).toString(),
             QStringLiteral("12345678901234567890.1234567890"));
    QCOMPARE(onB(QStringLiteral("CAST(c_decimal AS CHAR)"), 3).toString(), QStringLiteral("-0.0000000001"));
    QCOMPARE(onB(QStringLiteral("CAST(c_decimal AS CHAR)"), 4).toString(),
             QStringLiteral("99999999999999999999.9999999999"));
    QCOMPARE(onB(QStringLiteral("CAST(c_float AS CHAR)"), 1).toString(), QStringLiteral("3.14"));
    QCOMPARE(onB(QStringLiteral("c_float = CAST(3.14 AS FLOAT)"), 1).toInt(), 1);
    QCOMPARE(onB(QStringLiteral("c_double = 2.718281828459045e0"), 1).toInt(), 1);
    QCOMPARE(onB(QStringLiteral("c_double = -1.5e-300"), 3).toInt(), 1);
    QCOMPARE(onB(QStringLiteral("c_double = 1.7976931348623157e308"), 4).toInt(), 1);
    QCOMPARE(onB(QStringLiteral("CAST(c_year AS CHAR)"), 1).toString(), QStringLiteral("2155"));
    QCOMPARE(onB(QStringLiteral("CAST(c_date AS CHAR)"), 1).toString(), QStringLiteral("2024-02-29"));
    QCOMPARE(onB(QStringLiteral("CAST(c_datetime AS CHAR)"), 1).toString(), QStringLiteral("2038-01-19 03:14:08"));
    QCOMPARE(onB(QStringLiteral("CAST(c_datetime6 AS CHAR)"), 1).toString(),
             QStringLiteral("2024-12-31 23:59:59.123456"));
    QCOMPARE(onB(QStringLiteral("CAST(c_datetime6 AS CHAR)"), 3).toString(),
             QStringLiteral("2000-01-01 00:00:00.000001"));
    QCOMPARE(onB(QStringLiteral("CAST(c_timestamp AS CHAR)"), 1).toString(), QStringLiteral("2024-06-01 12:34:56"));
    QCOMPARE(onB(QStringLiteral("CAST(c_time AS CHAR)"), 1).toString(), QStringLiteral("838:59:59"));
    QCOMPARE(onB(QStringLiteral("CAST(c_time AS CHAR)"), 3).toString(), QStringLiteral("-838:59:59"));
    QCOMPARE(onB(QStringLiteral("c_varchar"), 1).toString(), QStringLiteral("O'Brien \"q\" \\ tab\t ü"));
    QCOMPARE(onB(QStringLiteral("c_varchar"), 4).toString(), QStringLiteral("trailing  "));
    QCOMPARE(onB(QStringLiteral("c_text"), 1).toString(), text);
    QCOMPARE(onB(QStringLiteral("c_text"), 4).toString(), QStringLiteral("🎉"));
    QCOMPARE(onB(QStringLiteral("c_enum"), 1).toString(), QStringLiteral("medium"));
    QCOMPARE(onB(QStringLiteral("c_set"), 1).toString(), QStringLiteral("red,blue"));
    QCOMPARE(onB(QStringLiteral("c_set"), 3).toString(), QString());
    QVERIFY(!onB(QStringLiteral("c_set"), 3).isNull());
    QCOMPARE(onB(QStringLiteral("c_json"), 1).toString(), json);
    QCOMPARE(onB(QStringLiteral("HEX(c_binary)"), 1).toString(), QStringLiteral("00FF107F"));
    QCOMPARE(onB(QStringLiteral("HEX(c_varbinary)"), 1).toString(), QStringLiteral("00FF00"));
    QCOMPARE(onB(QStringLiteral("HEX(c_blob)"), 1).toString(), QString::fromLatin1(allBytes.toHex().toUpper()));
    QCOMPARE(onB(QStringLiteral("HEX(c_varbinary)"), 3).toString(), QString());
    QVERIFY(!onB(QStringLiteral("c_varbinary"), 3).isNull());
    QCOMPARE(onB(QStringLiteral("HEX(c_blob)"), 3).toString(), QStringLiteral("00"));
    QCOMPARE(onB(QStringLiteral("LENGTH(c_blob)"), 4).toInt(), 3000);
    QCOMPARE(onB(QStringLiteral("c_bit + 0"), 1).toInt(), 683);
    QCOMPARE(onB(QStringLiteral("c_bit + 0"), 3).toInt(), 0);
    QCOMPARE(onB(QStringLiteral("c_bit + 0"), 4).toInt(), 1023);
    {
        // Row 2: NULL in every nullable column.
        QStringList nullChecks;
        for (const TypedColumn &c : kTypedColumns)
            nullChecks << QStringLiteral("%1 IS NULL").arg(QLatin1String(c.name));
        QCOMPARE(onB(nullChecks.join(QStringLiteral(" AND ")), 2).toInt(), 1);
    }

    // The wire forms of docs/protocol.md ("Values in entity").
    {
        bool found = false;
        const QString topic = QStringLiteral("/change/%1").arg(b.client);
        WAIT_FOR((entityFromLines(wire.lines(), topic, QStringLiteral("4"), &found), found), 10000);
        const QJsonObject e1 = entityFromLines(wire.lines(), topic, QStringLiteral("1"), &found);
        QVERIFY(found);
        QCOMPARE(e1.value(QStringLiteral("id")), QJsonValue(QStringLiteral("1")));
        QCOMPARE(e1.value(QStringLiteral("c_tinyint")), QJsonValue(127));
        QCOMPARE(e1.value(QStringLiteral("c_int")), QJsonValue(-2147483648LL));
        QCOMPARE(e1.value(QStringLiteral("c_int_u")), QJsonValue(4294967295LL));
        QCOMPARE(e1.value(QStringLiteral("c_bigint")), QJsonValue(QStringLiteral("9007199254740993")));
        QCOMPARE(e1.value(QStringLiteral("c_bigint_u")), QJsonValue(QStringLiteral("18446744073709551615")));
        QCOMPARE(e1.value(QStringLiteral("c_year")), QJsonValue(2155));
        QVERIFY(e1.value(QStringLiteral("c_float")).isDouble());
        QCOMPARE(e1.value(QStringLiteral("c_double")).toDouble(), 2.718281828459045);
        QCOMPARE(e1.value(QStringLiteral("c_decimal")), QJsonValue(QStringLiteral("12345678901234567890.1234567890")));
        QCOMPARE(e1.value(QStringLiteral("c_date")), QJsonValue(QStringLiteral("2024-02-29")));
        QCOMPARE(e1.value(QStringLiteral("c_datetime")), QJsonValue(QStringLiteral("2038-01-19 03:14:08")));
        QCOMPARE(e1.value(QStringLiteral("c_datetime6")), QJsonValue(QStringLiteral("2024-12-31 23:59:59.123456")));
        QCOMPARE(e1.value(QStringLiteral("c_timestamp")), QJsonValue(QStringLiteral("2024-06-01 12:34:56")));
        QCOMPARE(e1.value(QStringLiteral("c_time")), QJsonValue(QStringLiteral("838:59:59")));
        QCOMPARE(e1.value(QStringLiteral("c_text")), QJsonValue(text));
        QCOMPARE(e1.value(QStringLiteral("c_set")), QJsonValue(QStringLiteral("red,blue")));
        QCOMPARE(e1.value(QStringLiteral("c_json")), QJsonValue(json));
        const auto buffer = [](const QByteArray &bytes) {
            return QJsonValue(QJsonObject{{QStringLiteral("type"), QStringLiteral("Buffer")},
                                          {QStringLiteral("data"), bufferBytes(bytes)}});
        };
        QCOMPARE(e1.value(QStringLiteral("c_binary")), buffer(binary4));
        QCOMPARE(e1.value(QStringLiteral("c_varbinary")), buffer(varbinary));
        QCOMPARE(e1.value(QStringLiteral("c_blob")), buffer(allBytes));
        QCOMPARE(e1.value(QStringLiteral("c_bit")), buffer(QByteArray("\x02\xab", 2)));
        const QJsonObject e2 = entityFromLines(wire.lines(), topic, QStringLiteral("2"), &found);
        QVERIFY(found);
        QCOMPARE(int(e2.size()), int(std::size(kTypedColumns)) + 1);
        for (const TypedColumn &c : kTypedColumns)
            QVERIFY2(e2.value(QLatin1String(c.name)).isNull(), c.name);
        const QJsonObject e3 = entityFromLines(wire.lines(), topic, QStringLiteral("3"), &found);
        QCOMPARE(e3.value(QStringLiteral("c_bigint")), QJsonValue(QStringLiteral("-9223372036854775808")));
        QCOMPARE(e3.value(QStringLiteral("c_bigint_u")), QJsonValue(0));
        QCOMPARE(e3.value(QStringLiteral("c_varbinary")), buffer(QByteArray()));
    }

    // Updates carry every type too: row 2 takes row 1's values, row 1 becomes all NULL,
    // row 3 goes.
    {
        QStringList copy, clear;
        for (const TypedColumn &c : kTypedColumns) {
            copy << QStringLiteral("t.%1 = s.%1").arg(QLatin1String(c.name));
            clear << QStringLiteral("%1 = NULL").arg(QLatin1String(c.name));
        }
        QVERIFY(a.db->exec(QStringLiteral("UPDATE typed t JOIN typed s ON s.id = 1 SET %1 WHERE t.id = 2")
                               .arg(copy.join(QStringLiteral(", ")))));
        QVERIFY(a.db->exec(QStringLiteral("UPDATE typed SET %1 WHERE id = 1").arg(clear.join(QStringLiteral(", ")))));
        QVERIFY(a.db->exec(QStringLiteral("DELETE FROM typed WHERE id = 3")));
    }
    WAIT_FOR(b.db->count(QStringLiteral("typed")) == 3
                 && SiteSet::sameDumps(a, b, QStringLiteral("typed"), QStringLiteral("id")),
             kSyncTimeoutMs);
    {
        const QList<QVariantMap> ra = a.db->rows(canonicalSelect());
        const QList<QVariantMap> rb = b.db->rows(canonicalSelect());
        QCOMPARE(ra.size(), 3);
        QVERIFY2(ra == rb, qPrintable(QStringLiteral("A:\n%1B:\n%2").arg(describeRows(ra), describeRows(rb))));
    }
    QCOMPARE(onB(QStringLiteral("HEX(c_blob)"), 2).toString(), QString::fromLatin1(allBytes.toHex().toUpper()));
    QCOMPARE(onB(QStringLiteral("CAST(c_decimal AS CHAR)"), 2).toString(),
             QStringLiteral("12345678901234567890.1234567890"));
    QCOMPARE(onB(QStringLiteral("CAST(c_bigint_u AS CHAR)"), 2).toString(), QStringLiteral("18446744073709551615"));
    QVERIFY(onB(QStringLiteral("c_blob"), 1).isNull());
    WAIT_FOR(SiteSet::pendingChanges(a) == 0
                 && SiteSet::allSuccessful(a, QStringLiteral("typed"), b.client,
                                           {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                            QStringLiteral("4")}),
             kSyncTimeoutMs);
    // B only receives: it never sent anything, so it has nothing in sync_status.
    QCOMPARE(b.db->count(QStringLiteral("sync_status")), 0);
}

void TestSyncCodec::everyCodecTypeByInitialLoad()
{
    // The rows are on A before sync starts: they arrive by the initial load, whose chunks are
    // read as the JSON text they are sent as (RowStore::rowsAfterText), on the batch path.
    const QStringList ddl = {typedDdl()};
    SITES_MAKE(*m_sites, a, QStringLiteral("site_a"), 'A', QStringLiteral("tsync_load_types_a"), ddl);
    SITES_MAKE(*m_sites, b, QStringLiteral("site_b"), 'B', QStringLiteral("tsync_load_types_b"), ddl);
    m_watchedTables = {QStringLiteral("typed")};
    QVERIFY(insertTypedRows(*a.db, TypedValues()));
    const QStringList typed = {QStringLiteral("typed")};
    m_sites->configure(a, {b.client}, typed, {});
    m_sites->configure(b, {a.client}, {}, typed);
    QVERIFY(m_sites->start(b));
    QVERIFY(m_sites->start(a));
    QVERIFY(m_sites->waitReady(a, {b.client}));
    WAIT_FOR(a.db->scalar(QStringLiteral("SELECT state FROM sync_loads WHERE `table_name` = 'typed'")).toString()
                     == QStringLiteral("done")
                 && SiteSet::allSuccessful(a, QStringLiteral("typed"), b.client,
                                           {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                            QStringLiteral("4")}),
             kSyncTimeoutMs);
    WAIT_FOR(SiteSet::logged(a, "site_b is served on the batch path"), 10000); // logged by housekeeping
    const QList<QVariantMap> ra = a.db->rows(canonicalSelect());
    const QList<QVariantMap> rb = b.db->rows(canonicalSelect());
    QCOMPARE(ra.size(), 4);
    QVERIFY2(ra == rb, qPrintable(QStringLiteral("A:\n%1B:\n%2").arg(describeRows(ra), describeRows(rb))));
}

QTEST_GUILESS_MAIN(TestSyncCodec)
#include "tst_sync_codec.moc"
