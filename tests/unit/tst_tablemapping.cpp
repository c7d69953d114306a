// Table and column mapping (issue 16): the object forms of syncTables/receiveTables and
// filters as ConfigLoader reads them, their errors (file, key, table), the catalogue check
// (MappingCheck), and the mapping both ways (Config::outgoing, incoming::toLocal).
#include "config/Config.h"
#include "database/MappingCheck.h"
#include "engine/IncomingMapping.h"
#include "protocol/Messages.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mysqlsync;

namespace {

const QString kFile = QStringLiteral("/etc/site.json");

QByteArray configWith(const QByteArray &tables)
{
    return R"({"mqttConfig": {"host": "h"}, "mysqlConfig": {"user": "u", "database": "d"},
               "clientName": "site_a", "remoteClients": ["site_b"], "queueDirectory": "q",
               "checkInterval": 1000, )"
        + tables + "}";
}

ColumnInfo column(const QString &name)
{
    ColumnInfo c;
    c.name = name;
    c.dataType = QStringLiteral("varchar");
    return c;
}

TableInfo table(const QString &name, const QStringList &columns)
{
    TableInfo t;
    t.name = name;
    for (const QString &c : columns) {
        t.columnIndex.insert(c, int(t.columns.size()));
        t.columns.append(column(c));
    }
    t.primaryKey = 0;
    return t;
}

} // namespace

class TestMapping : public QObject {
    Q_OBJECT

private slots:
    void stringFormUnchanged();
    void objectForms();
    void bidirectionalMapsBothWays();
    void errors_data();
    void errors();
    void catalogueCheck_data();
    void catalogueCheck();
    void outgoingFiltersThenMaps();
    void incomingToLocal();
};

void TestMapping::stringFormUnchanged()
{
    Config c;
    QString error;
    QVERIFY2(ConfigLoader::parse(configWith(R"("syncTables": ["a", "b"], "receiveTables": ["b"])"), kFile, &c, &error),
             qPrintable(error));
    QCOMPARE(c.syncTables, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(c.receiveTables, QStringList{QStringLiteral("b")});
    QVERIFY(c.sendMappings.isEmpty());
    QVERIFY(c.receiveMappings.isEmpty());
    QVERIFY(c.filters.isEmpty());
    QCOMPARE(c.sentName(QStringLiteral("a")), QStringLiteral("a"));
    QCOMPARE(c.receiveTableFor(QStringLiteral("b")), QStringLiteral("b"));
    QCOMPARE(c.receiveTableFor(QStringLiteral("a")), QString());
    const QJsonObject row{{QStringLiteral("id"), QStringLiteral("1")}, {QStringLiteral("x"), 2}};
    QCOMPARE(c.outgoing(QStringLiteral("a"), row), row);
}

void TestMapping::objectForms()
{
    Config c;
    QString error;
    QVERIFY2(ConfigLoader::parse(configWith(R"(
        "syncTables": ["orders", {"table": "users", "as": "members", "columns": {"id": "id", "name": "name"}}],
        "receiveTables": ["items", {"table": "stock", "from": "items2", "columns": {"id": "id", "name": "title",
                          "qty": "quantity"}, "update": ["quantity"], "insert": true, "delete": false},
                          {"table": "plain"}],
        "filters": ["orders.secret", "users.password"])"),
                                 kFile, &c, &error),
             qPrintable(error));
    QCOMPARE(c.syncTables, (QStringList{QStringLiteral("orders"), QStringLiteral("users")}));
    QCOMPARE(c.receiveTables, (QStringList{QStringLiteral("items"), QStringLiteral("stock"), QStringLiteral("plain")}));
    QCOMPARE(c.filters, (QStringList{QStringLiteral("orders.secret"), QStringLiteral("users.password")}));

    const SendMapping users = c.sendMappings.value(QStringLiteral("users"));
    QCOMPARE(users.as, QStringLiteral("members"));
    QCOMPARE(users.key, QStringLiteral("syncTables[1]"));
    QCOMPARE(users.columns.size(), 2);
    QCOMPARE(c.sentName(QStringLiteral("users")), QStringLiteral("members"));
    QCOMPARE(c.sendTableFor(QStringLiteral("members")), QStringLiteral("users"));
    QCOMPARE(c.sendTableFor(QStringLiteral("users")), QString()); // not a name it is sent under

    const ReceiveMapping *stock = c.receiveMapping(QStringLiteral("stock"));
    QVERIFY(stock);
    QCOMPARE(stock->from, QStringLiteral("items2"));
    QCOMPARE(stock->key, QStringLiteral("receiveTables[1]"));
    QCOMPARE(stock->localColumn(QStringLiteral("qty")), QStringLiteral("quantity"));
    QCOMPARE(stock->localColumn(QStringLiteral("price")), QString());
    QVERIFY(stock->updateListed);
    QVERIFY(stock->mayUpdate(QStringLiteral("quantity")));
    QVERIFY(!stock->mayUpdate(QStringLiteral("title")));
    QVERIFY(stock->insert);
    QVERIFY(!stock->remove);
    QVERIFY(stock->restricts());
    QCOMPARE(c.receiveTableFor(QStringLiteral("items2")), QStringLiteral("stock"));
    QCOMPARE(c.receiveTableFor(QStringLiteral("stock")), QString());

    // Defaults of an object with only a table: the same name, every right.
    const ReceiveMapping *plain = c.receiveMapping(QStringLiteral("plain"));
    QVERIFY(plain);
    QCOMPARE(plain->from, QStringLiteral("plain"));
    QVERIFY(plain->insert && plain->remove && !plain->updateListed && !plain->restricts());
    QVERIFY(plain->mayUpdate(QStringLiteral("anything")));
}

void TestMapping::bidirectionalMapsBothWays()
{
    Config c;
    QString error;
    QVERIFY2(ConfigLoader::parse(configWith(R"(
        "syncTables": [{"table": "users", "as": "members", "columns": {"id": "uid", "name": "title"}}],
        "receiveTables": ["users", {"table": "notes", "from": "memos", "columns": {"k": "id"}}],
        "conflicts": {"users": "newest"})"),
                                 kFile, &c, &error),
             qPrintable(error));
    QVERIFY(c.isBidirectional(QStringLiteral("users")));
    const ReceiveMapping *users = c.receiveMapping(QStringLiteral("users"));
    QVERIFY(users);
    QCOMPARE(users->from, QStringLiteral("members"));
    QCOMPARE(users->localColumn(QStringLiteral("uid")), QStringLiteral("id"));
    QCOMPARE(users->localColumn(QStringLiteral("title")), QStringLiteral("name"));
    QCOMPARE(c.receiveTableFor(QStringLiteral("members")), QStringLiteral("users"));
    // A table only received gets no send mapping.
    QVERIFY(!c.sendMappings.contains(QStringLiteral("notes")));
}

void TestMapping::errors_data()
{
    QTest::addColumn<QByteArray>("tables");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");

    const QByteArray sync = R"("syncTables": ["orders"], )";
    QTest::newRow("unknown key") << QByteArray(sync + R"("receiveTables": [{"table": "s", "form": "x"}])")
                                 << "receiveTables[0].form"
                                 << R"(unknown key "receiveTables[0].form" (expected table, from, columns, update, )"
                                    R"(insert, delete, mirror))";
    QTest::newRow("missing table") << QByteArray(sync + R"("receiveTables": [{"from": "x"}])")
                                   << "receiveTables[0].table"
                                   << "missing required key, expected a non-empty string of at most 64 characters";
    QTest::newRow("from not a string") << QByteArray(sync + R"("receiveTables": [{"table": "s", "from": 3}])")
                                       << "receiveTables[0].from"
                                       << "expected a non-empty string of at most 64 characters, got 3";
    QTest::newRow("columns array") << QByteArray(sync + R"("receiveTables": [{"table": "s", "columns": ["a"]}])")
                                   << "receiveTables[0].columns"
                                   << "expected a non-empty object of column names to column names, got an array";
    QTest::newRow("column target empty")
        << QByteArray(sync + R"("receiveTables": [{"table": "s", "columns": {"a": ""}}])")
        << "receiveTables[0].columns.a"
        << R"(expected a column name (a non-empty string of at most 64 characters), got "")";
    QTest::newRow("two remote columns onto one local")
        << QByteArray(sync
                      + R"("receiveTables": ["x", {"table": "stock", "columns": {"id": "id", "name": "title", )"
                        R"("qty": "title"}}])")
        << "receiveTables[1].columns.qty"
        << R"(maps onto local column `title`, as "name" does: two columns would )"
           "land on one";
    QTest::newRow("two local columns onto one sent name")
        << QByteArray(R"("receiveTables": [], "syncTables": [{"table": "u", "columns": {"a": "x", "b": "x"}}])")
        << "syncTables[0].columns.b"
        << R"(maps onto sent column `x`, as "a" does: two columns would land on one)";
    QTest::newRow("update not mapped") << QByteArray(
        sync
        + R"("receiveTables": [{"table": "stock", "columns": {"qty": "quantity"}, )"
          R"("update": ["title"]}])") << "receiveTables[0].update[0]"
                                       << R"(`title` is not a local column that "columns" of table `stock` maps onto)";
    QTest::newRow("mirror not a boolean")
        << QByteArray(sync + R"("receiveTables": [{"table": "s", "mirror": 1}])") << "receiveTables[0].mirror"
        << "expected true or false, got 1";
    QTest::newRow("mirror that may not delete")
        << QByteArray(sync + R"("receiveTables": [{"table": "s", "mirror": true, "delete": false}])")
        << "receiveTables[0].mirror"
        << R"(a mirror takes every row of the source and deletes those it lacks: it needs "insert" and "delete" )"
           R"(true, got "delete" false)";
    QTest::newRow("update not an array") << QByteArray(sync + R"("receiveTables": [{"table": "s", "update": "a"}])")
                                         << "receiveTables[0].update"
                                         << R"(expected an array of local column names, got "a")";
    QTest::newRow("insert not a boolean")
        << QByteArray(sync + R"("receiveTables": [{"table": "s", "insert": "no"}])") << "receiveTables[0].insert"
        << R"(expected true or false, got "no")";
    QTest::newRow("delete not a boolean")
        << QByteArray(sync + R"("receiveTables": [{"table": "s", "delete": 0}])") << "receiveTables[0].delete"
        << "expected true or false, got 0";
    QTest::newRow("string and object of one table")
        << QByteArray(sync + R"("receiveTables": ["stock", {"table": "stock", "from": "items"}])") << "receiveTables[1]"
        << R"(expected no duplicates, got "stock" again (first at receiveTables[0]))";
    QTest::newRow("two tables from one remote name")
        << QByteArray(sync + R"("receiveTables": ["items", {"table": "stock", "from": "items"}])")
        << "receiveTables[1].from"
        << R"(table `stock` would receive "items", which table `items` receives already)";
    QTest::newRow("two tables sent as one name")
        << QByteArray(R"("receiveTables": [], "syncTables": ["members", {"table": "users", "as": "members"}])")
        << "syncTables[1].as"
        << R"(table `users` would be sent as "members", which is already the name of table )"
           "`members`";
    QTest::newRow("element neither name nor object")
        << QByteArray(sync + R"("receiveTables": [true])") << "receiveTables[0]"
        << "expected a table name (a non-empty string of at most 64 characters) or a mapping object, got true";
    QTest::newRow("filter without a dot")
        << QByteArray(sync + R"("receiveTables": [], "filters": ["password"])") << "filters[0]"
        << "expected a column as table.column (each name non-empty, of at most 64 "
           R"(characters), got "password")";
    QTest::newRow("filter of a table not sent")
        << QByteArray(sync + R"("receiveTables": [], "filters": ["users.password"])") << "filters[0]"
        << "names table `users`, which is not one of syncTables";
    QTest::newRow("filter of a published column")
        << QByteArray(R"("receiveTables": [], "syncTables": [{"table": "users", "columns": {"id": "id", )"
                      R"("password": "pw"}}], "filters": ["users.password"])")
        << "filters[0]"
        << "column `password` of table `users` is published by syncTables[0].columns; a filtered column is never "
           "sent: remove it from one of them";
}

void TestMapping::errors()
{
    QFETCH(QByteArray, tables);
    QFETCH(QString, key);
    QFETCH(QString, message);
    Config c;
    ConfigError error;
    QVERIFY(!ConfigLoader::parse(configWith(tables), kFile, &c, &error));
    QCOMPARE(error.key, key);
    QCOMPARE(error.message, message);
    QCOMPARE(error.text, kFile + QStringLiteral(": ") + key + QStringLiteral(": ") + message);
}

void TestMapping::catalogueCheck_data()
{
    QTest::addColumn<QByteArray>("tables");
    QTest::addColumn<QStringList>("problems");

    const QString f = kFile + QStringLiteral(": ");
    QTest::newRow("all well") << QByteArray(R"("syncTables": [{"table": "users", "as": "members", "columns": )"
                                            R"({"id": "id", "name": "n"}}], "filters": ["users.password"], )"
                                            R"("receiveTables": [{"table": "stock", "from": "items", "columns": )"
                                            R"({"id": "id", "qty": "quantity"}, "update": ["quantity"]}])")
                              << QStringList();
    QTest::newRow("local column missing")
        << QByteArray(R"("syncTables": [], "receiveTables": [{"table": "stock", "columns": {"id": "id", )"
                      R"("qty": "qty"}}])")
        << QStringList{f + QStringLiteral("receiveTables[0].columns.qty: table `stock` has no column `qty`")};
    QTest::newRow("receive mapping without the key")
        << QByteArray(R"("syncTables": [], "receiveTables": [{"table": "stock", "columns": {"qty": "quantity"}}])")
        << QStringList{
               f
               + QStringLiteral("receiveTables[0].columns: maps no column onto the primary key `id` of table `stock`: "
                                "every change names its row by it")};
    QTest::newRow("send mapping without the key")
        << QByteArray(R"("receiveTables": [], "syncTables": [{"table": "users", "columns": {"name": "name"}}])")
        << QStringList{
               f
               + QStringLiteral("syncTables[0].columns: does not map the primary key `id` of table `users`: every "
                                "change names its row by it")};
    QTest::newRow("sent column missing")
        << QByteArray(R"("receiveTables": [], "syncTables": [{"table": "users", "columns": {"id": "id", )"
                      R"("mail": "mail"}}])")
        << QStringList{f + QStringLiteral("syncTables[0].columns.mail: table `users` has no column `mail`")};
    QTest::newRow("update column missing")
        << QByteArray(R"("syncTables": [], "receiveTables": [{"table": "stock", "update": ["qty"]}])")
        << QStringList{f + QStringLiteral("receiveTables[0].update[0]: table `stock` has no column `qty`")};
    QTest::newRow("filter column missing and filter of the key")
        << QByteArray(R"("syncTables": ["users"], "receiveTables": [], "filters": ["users.pw", "users.id"])")
        << QStringList{f + QStringLiteral("filters[0]: table `users` has no column `pw`"),
                       f
                           + QStringLiteral(
                               "filters[1]: `id` is the primary key of table `users`, which every change must carry")};
}

void TestMapping::catalogueCheck()
{
    QFETCH(QByteArray, tables);
    QFETCH(QStringList, problems);
    Config c;
    QString error;
    QVERIFY2(ConfigLoader::parse(configWith(tables), kFile, &c, &error), qPrintable(error));
    c.filePath = kFile;
    QHash<QString, TableInfo> catalog;
    catalog.insert(QStringLiteral("users"),
                   table(QStringLiteral("users"),
                         {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("password")}));
    catalog.insert(QStringLiteral("stock"),
                   table(QStringLiteral("stock"),
                         {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("quantity")}));
    QCOMPARE(MappingCheck::problems(c, catalog), problems);
}

void TestMapping::outgoingFiltersThenMaps()
{
    Config c;
    QString error;
    QVERIFY2(ConfigLoader::parse(configWith(R"("receiveTables": [], "filters": ["users.password", "orders.token"],
        "syncTables": ["orders", {"table": "users", "as": "members", "columns": {"id": "mid", "name": "name"}}])"),
                                 kFile, &c, &error),
             qPrintable(error));
    const QJsonObject user{{QStringLiteral("id"), QStringLiteral("7")},
                           {QStringLiteral("name"), QStringLiteral("Ann")},
                           {QStringLiteral("password"), QStringLiteral("hash")},
                           {QStringLiteral("local"), 1}};
    QCOMPARE(c.outgoing(QStringLiteral("users"), user),
             (QJsonObject{{QStringLiteral("mid"), QStringLiteral("7")},
                          {QStringLiteral("name"), QStringLiteral("Ann")}}));
    QCOMPARE(c.sentColumn(QStringLiteral("users"), QStringLiteral("id")), QStringLiteral("mid"));
    QCOMPARE(c.sentColumn(QStringLiteral("users"), QStringLiteral("local")), QString());
    const QJsonObject order{{QStringLiteral("id"), QStringLiteral("1")},
                            {QStringLiteral("token"), QStringLiteral("t")}};
    QCOMPARE(c.outgoing(QStringLiteral("orders"), order), (QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}}));
    QCOMPARE(c.sentColumn(QStringLiteral("orders"), QStringLiteral("token")), QString());
}

void TestMapping::incomingToLocal()
{
    Config c;
    QString error;
    QVERIFY2(ConfigLoader::parse(configWith(R"("syncTables": [], "receiveTables": ["items",
        {"table": "stock", "from": "goods", "columns": {"id": "id", "name": "title"}, "delete": false}])"),
                                 kFile, &c, &error),
             qPrintable(error));
    ChangeMessage change;
    change.sender = QStringLiteral("site_b");
    change.table = QStringLiteral("goods");
    change.id = QStringLiteral("4");
    change.entity = QJsonObject{{QStringLiteral("id"), QStringLiteral("4")},
                                {QStringLiteral("name"), QStringLiteral("bolt")},
                                {QStringLiteral("colour"), QStringLiteral("red")}};
    QCOMPARE(incoming::toLocal(c, &change), QString());
    QCOMPARE(change.table, QStringLiteral("stock"));
    QCOMPARE(change.entity.toObject(),
             (QJsonObject{{QStringLiteral("id"), QStringLiteral("4")},
                          {QStringLiteral("title"), QStringLiteral("bolt")}}));

    ChangeMessage gone = change;
    gone.table = QStringLiteral("goods");
    gone.entity = QJsonValue(QJsonValue::Null);
    QCOMPARE(incoming::toLocal(c, &gone),
             QStringLiteral("refused by the receiver's rule \"delete\": false of table stock (receiveTables[1]): a "
                            "remote may not delete its rows"));

    // The local name is not what the remote sends: not received.
    ChangeMessage local = change;
    local.table = QStringLiteral("stock");
    QCOMPARE(incoming::toLocal(c, &local), QStringLiteral("The table is not configured as receive table!"));

    // An update limited to some columns keeps the key.
    ReceiveMapping rules;
    rules.updateListed = true;
    rules.update = QStringList{QStringLiteral("quantity")};
    const QJsonObject row{{QStringLiteral("id"), QStringLiteral("4")},
                          {QStringLiteral("title"), QStringLiteral("x")},
                          {QStringLiteral("quantity"), 3}};
    QCOMPARE(incoming::updatable(rules, QStringLiteral("id"), row),
             (QJsonObject{{QStringLiteral("id"), QStringLiteral("4")}, {QStringLiteral("quantity"), 3}}));
}

QTEST_GUILESS_MAIN(TestMapping)
#include "tst_tablemapping.moc"
