// TableMapping::toJson: a mapping read by ConfigLoader is written back in the form the engine
// reads (what differs from the defaults; a plain name when nothing is mapped), and reading
// that again gives the same mapping.
#include "config/Config.h"
#include "config/ConfigSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace mysqlsync;

namespace {

Config read(const QJsonArray &sync, const QJsonArray &receive)
{
    QJsonObject doc = ConfigSchema::starterDocument(QStringLiteral("site_a"), QStringLiteral("queue"));
    doc.insert(QStringLiteral("mysqlConfig"), QJsonObject{{QStringLiteral("database"), QStringLiteral("shop")}});
    doc.insert(QStringLiteral("syncTables"), sync);
    doc.insert(QStringLiteral("receiveTables"), receive);
    Config config;
    QString error;
    if (!ConfigLoader::parse(QJsonDocument(doc).toJson(), QStringLiteral("/tmp/site.json"), &config, &error))
        qWarning().noquote() << error;
    return config;
}

QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().at(0);
}

} // namespace

class TestMappingJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void receiveEntries_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("written");
        QTest::newRow("nothing mapped") << R"({"table": "stock"})"
                                        << R"("stock")";
        QTest::newRow("defaults spelled out")
            << R"({"table": "stock", "from": "stock", "insert": true, "delete": true})"
            << R"("stock")";
        QTest::newRow("renamed") << R"({"table": "stock", "from": "items"})"
                                 << R"({"table": "stock", "from": "items"})";
        QTest::newRow("everything")
            << R"({"table": "stock", "from": "items", "columns": {"id": "id", "qty": "quantity"},
                   "update": ["quantity"], "insert": false, "delete": false})"
            << R"({"table": "stock", "from": "items", "columns": {"id": "id", "qty": "quantity"},
                   "update": ["quantity"], "insert": false, "delete": false})";
        QTest::newRow("no column may be updated") << R"({"table": "stock", "update": []})"
                                                  << R"({"table": "stock", "update": []})";
        QTest::newRow("mirror") << R"({"table": "stock", "mirror": true, "insert": true})"
                                << R"({"table": "stock", "mirror": true})";
    }
    void receiveEntries()
    {
        QFETCH(QString, entry);
        QFETCH(QString, written);
        const Config config = read({}, QJsonArray{json(entry.toUtf8().constData())});
        QCOMPARE(config.receiveTables, QStringList{QStringLiteral("stock")});
        ReceiveMapping m = config.receiveMappings.value(QStringLiteral("stock"));
        m.table = QStringLiteral("stock");
        const QJsonValue out = m.toJson();
        QCOMPARE(out, json(written.toUtf8().constData()));
        // Read again: the same rules.
        const Config again = read({}, QJsonArray{out});
        const ReceiveMapping n = again.receiveMappings.value(QStringLiteral("stock"));
        QCOMPARE(n.columns, m.columns);
        QCOMPARE(n.update, m.update);
        QCOMPARE(n.updateListed, m.updateListed);
        QCOMPARE(n.insert, m.insert);
        QCOMPARE(n.remove, m.remove);
        QCOMPARE(n.mirror, m.mirror);
    }

    void sendEntries()
    {
        SendMapping plain;
        plain.table = QStringLiteral("users");
        plain.as = QStringLiteral("users");
        QCOMPARE(plain.toJson(), QJsonValue(QStringLiteral("users")));
        const Config config = read(QJsonArray{json(R"({"table": "users", "as": "members",
                                                    "columns": {"id": "id", "name": "title"}})")},
                                   {});
        const QJsonValue out = config.sendMappings.value(QStringLiteral("users")).toJson();
        QCOMPARE(out, json(R"({"table": "users", "as": "members", "columns": {"id": "id", "name": "title"}})"));
        SendMapping columnsOnly = config.sendMappings.value(QStringLiteral("users"));
        columnsOnly.as = QStringLiteral("users");
        QCOMPARE(columnsOnly.toJson(), json(R"({"table": "users", "columns": {"id": "id", "name": "title"}})"));
    }
};

QTEST_GUILESS_MAIN(TestMappingJson)
#include "tst_mappingjson.moc"
