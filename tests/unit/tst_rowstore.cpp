// The receiver's validation (RowStore::validate) against a hand-made TableInfo: what an
// incoming entity must be before anything is executed. No server.
#include "database/RowStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace mysqlsync;

namespace {
TableInfo itemsTable()
{
    TableInfo t;
    t.name = QStringLiteral("items");
    t.columns = {ColumnInfo::fromCatalog(QStringLiteral("id"), QStringLiteral("int"), QStringLiteral("int(11)"), false),
                 ColumnInfo::fromCatalog(QStringLiteral("name"), QStringLiteral("varchar"),
                                         QStringLiteral("varchar(40)"), true),
                 ColumnInfo::fromCatalog(QStringLiteral("qty"), QStringLiteral("int"),
                                         QStringLiteral("int(10) unsigned"), true),
                 ColumnInfo::fromCatalog(QStringLiteral("photo"), QStringLiteral("blob"), QStringLiteral("blob"),
                                         true)};
    for (int i = 0; i < t.columns.size(); ++i)
        t.columnIndex.insert(t.columns.at(i).name, i);
    t.primaryKey = 0;
    return t;
}

QJsonObject entity(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestRowStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valid()
    {
        QString error;
        qint64 bytes = -1;
        QVERIFY2(RowStore::validate(itemsTable(), QStringLiteral("7"), entity(R"({"id": 7, "name": "pen", "qty": 3})"),
                                    &error, &bytes),
                 qPrintable(error));
        QCOMPARE(bytes, qint64(16 + 3 * 3 + 16)); // numbers as 16, text at most 3 bytes per unit
        // Only some columns: the others are left as the row has them.
        QVERIFY2(RowStore::validate(itemsTable(), QStringLiteral("7"), entity(R"({"id": 7})"), &error),
                 qPrintable(error));
        // The key as a string is the same key.
        QVERIFY2(RowStore::validate(itemsTable(), QStringLiteral("7"), entity(R"({"id": "7", "name": null})"), &error),
                 qPrintable(error));
        // Bytes travel as a Buffer.
        QVERIFY2(RowStore::validate(itemsTable(), QStringLiteral("7"),
                                    entity(R"({"id": 7, "photo": {"type": "Buffer", "data": [1, 2, 255]}})"), &error,
                                    &bytes),
                 qPrintable(error));
        QCOMPARE(bytes, qint64(16 + 3));
    }

    void unknownColumn()
    {
        QString error;
        QVERIFY(
            !RowStore::validate(itemsTable(), QStringLiteral("7"), entity(R"({"id": 7, "colour": "red"})"), &error));
        QCOMPARE(error, QStringLiteral("Unknown column \"colour\" in table `items`"));
        // Names are exact: a column of another case is another column.
        QVERIFY(!RowStore::validate(itemsTable(), QStringLiteral("7"), entity(R"({"id": 7, "Name": "x"})"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("Unknown column \"Name\"")), qPrintable(error));
        // A long hostile name is cut in the message.
        const QString longName(500, QLatin1Char('x'));
        QJsonObject e = entity(R"({"id": 7})");
        e.insert(longName, 1);
        QVERIFY(!RowStore::validate(itemsTable(), QStringLiteral("7"), e, &error));
        QVERIFY2(error.size() < 120, qPrintable(error));
    }

    void valueThatDoesNotDecode_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("text for an integer") << QByteArray(R"({"id": 7, "qty": "three"})");
        QTest::newRow("fraction for an integer") << QByteArray(R"({"id": 7, "qty": 1.5})");
        QTest::newRow("object that is no Buffer") << QByteArray(R"({"id": 7, "photo": {"a": 1}})");
        QTest::newRow("Buffer byte out of range")
            << QByteArray(R"({"id": 7, "photo": {"type": "Buffer", "data": [256]}})");
    }
    void valueThatDoesNotDecode()
    {
        QFETCH(QByteArray, json);
        QString error;
        QVERIFY(!RowStore::validate(itemsTable(), QStringLiteral("7"), entity(json.constData()), &error));
        QVERIFY(!error.isEmpty());
    }

    void keyMustBeTheSentId_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("another key") << "7" << QByteArray(R"({"id": 8})");
        QTest::newRow("key missing") << "7" << QByteArray(R"({"name": "pen"})");
        QTest::newRow("null key, empty id") << "" << QByteArray(R"({"id": null})");
        QTest::newRow("boolean key") << "true" << QByteArray(R"({"id": true})");
        QTest::newRow("missing key, empty id") << "" << QByteArray(R"({"name": "pen"})");
    }
    void keyMustBeTheSentId()
    {
        QFETCH(QString, id);
        QFETCH(QByteArray, json);
        QString error;
        QVERIFY(!RowStore::validate(itemsTable(), id, entity(json.constData()), &error));
        QCOMPARE(error, QStringLiteral("Sent id does not match entity id!"));
    }
};

QTEST_GUILESS_MAIN(TestRowStore)
#include "tst_rowstore.moc"
