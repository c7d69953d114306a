// TableListModel (the syncTables / receiveTables picker) under QAbstractItemModelTester,
// filled from the harness's MariaDB by the configuration page (off the GUI thread): the
// database's tables are listed, configured names are checked, names the database lacks are
// kept and flagged, and the form writes what is checked.
#include "SiteDatabase.h"
#include "StallMeter.h"
#include "configuration/ColumnMapEditor.h"
#include "configuration/ConfigForm.h"
#include "configuration/ConfigPage.h"
#include "configuration/MappingDialog.h"
#include "configuration/TablePicker.h"
#include "monitor/TableListModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync;
using namespace mysqlsync::ui;
using namespace testsupport;

namespace {

// The names a model lists, as shown.
QStringList listed(const TableListModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row).data(Qt::DisplayRole).toString();
    return names;
}

} // namespace

class TestTableListModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void checkingWithoutADatabase();
    void engineTablesAreNotOffered();
    void filledFromTheDatabase();
    void unreachableDatabaseIsSaid();
    void postgresTablesOfTheSchema();

private:
    QString writeConfig(const QJsonArray &syncTables, int port);
    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_db;
    QTemporaryDir m_dir;
};

void TestTableListModel::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    m_db = std::make_unique<SiteDatabase>(m_servers, 'A', QStringLiteral("gui_tables"));
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->lastError()));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE items(id INT PRIMARY KEY, name TEXT)")));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE orders(id INT PRIMARY KEY, item INT)")));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE customers(id INT PRIMARY KEY)")));
    QVERIFY(m_db->exec(QStringLiteral("CREATE VIEW item_names AS SELECT name FROM items"))); // not a base table
    // The engine's own tables, as it creates them in every synced database: never offered.
    QVERIFY(m_db->exec(
        QStringLiteral("CREATE TABLE table_changes(id BIGINT AUTO_INCREMENT PRIMARY KEY, table_name VARCHAR(255))")));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE sync_status(id VARCHAR(32) PRIMARY KEY, status VARCHAR(16))")));
}

QString TestTableListModel::writeConfig(const QJsonArray &syncTables, int port)
{
    QJsonObject doc = QJsonDocument::fromJson(R"({
        "mqttConfig": {"host": "127.0.0.1", "port": 1883},
        "mysqlConfig": {"host": "127.0.0.1", "database": "gui_tables"},
        "receiveTables": ["orders"], "clientName": "site_a", "remoteClients": ["site_b"],
        "queueDirectory": "queue", "checkInterval": 1000})")
                          .object();
    QJsonObject mysql = doc.value(QStringLiteral("mysqlConfig")).toObject();
    mysql.insert(QStringLiteral("port"), port);
    mysql.insert(QStringLiteral("user"), m_servers.user);
    mysql.insert(QStringLiteral("password"), m_servers.password);
    doc.insert(QStringLiteral("mysqlConfig"), mysql);
    doc.insert(QStringLiteral("syncTables"), syncTables);
    const QString path = m_dir.filePath(QStringLiteral("site_%1.json").arg(port));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(QJsonDocument(doc).toJson());
    return path;
}

void TestTableListModel::checkingWithoutADatabase()
{
    TableListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChecked({QStringLiteral("b"), QStringLiteral("a")});
    QCOMPARE(model.rowCount(), 2);
    // Unknown list: nothing is flagged yet.
    QVERIFY(model.unknownChecked().isEmpty());
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("b"));
    model.setAvailable({QStringLiteral("a"), QStringLiteral("c")});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.unknownChecked(), QStringList{QStringLiteral("b")});
    QCOMPARE(model.checked(), (QStringList{QStringLiteral("b"), QStringLiteral("a")})); // configured order kept
    QVERIFY(model.setData(model.index(1), Qt::Checked, Qt::CheckStateRole));            // "c"
    QCOMPARE(model.checked(), (QStringList{QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")}));
    QVERIFY(model.setData(model.index(0), Qt::Unchecked, Qt::CheckStateRole)); // "a"
    QCOMPARE(model.checked(), (QStringList{QStringLiteral("b"), QStringLiteral("c")}));
    QVERIFY(!model.setData(model.index(0), QStringLiteral("renamed"), Qt::EditRole));
    QVERIFY(model.addName(QStringLiteral("  typed ")));
    QVERIFY(!model.addName(QStringLiteral("c"))); // listed already
    QCOMPARE(model.checked().last(), QStringLiteral("typed"));
    QCOMPARE(model.unknownChecked(), (QStringList{QStringLiteral("b"), QStringLiteral("typed")}));
}

void TestTableListModel::engineTablesAreNotOffered()
{
    TableListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAvailable({QStringLiteral("items"), QStringLiteral("sync_status"), QStringLiteral("table_changes")});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("items"));
}

void TestTableListModel::filledFromTheDatabase()
{
    const QString path =
        writeConfig(QJsonArray{QStringLiteral("items"), QStringLiteral("ghost")}, m_servers.mysqlPortA);
    QVERIFY(!path.isEmpty());
    ConfigPage page;
    auto *picker = qobject_cast<TablePicker *>(page.form()->fieldFor(QStringLiteral("syncTables")));
    QVERIFY(picker);
    TableListModel *model = picker->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.show();
    StallMeter meter;
    QVERIFY(page.load(path));
    // Loaded at once with what the file says; the database's list follows from a worker thread.
    QCOMPARE(picker->selected(), (QStringList{QStringLiteral("items"), QStringLiteral("ghost")}));
    QTRY_VERIFY_WITH_TIMEOUT(model->hasAvailable(), 20000);
    QVERIFY2(meter.longestMs() < 100, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(meter.longestMs())));
    const QStringList names = listed(*model);
    QCOMPARE(names,
             (QStringList{QStringLiteral("customers"), QStringLiteral("items"), QStringLiteral("orders"),
                          QStringLiteral("ghost (not in the database)")}));
    QCOMPARE(model->index(1).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model->index(2).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(model->index(1).data(TableListModel::KnownRole).toBool());
    QVERIFY(!model->index(3).data(TableListModel::KnownRole).toBool());
    QVERIFY(model->index(3).data(Qt::ToolTipRole).toString().contains(QStringLiteral("ghost")));
    QVERIFY2(picker->statusText().contains(QStringLiteral("ghost")), qPrintable(picker->statusText()));
    // The receive picker got the same list.
    auto *receive = qobject_cast<TablePicker *>(page.form()->fieldFor(QStringLiteral("receiveTables")));
    QCOMPARE(receive->model()->rowCount(), 3);
    QCOMPARE(receive->selected(), QStringList{QStringLiteral("orders")});

    // Checking and unchecking reaches the document; a typed name is kept and flagged.
    QSignalSpy changed(page.form(), &ConfigForm::changed);
    QVERIFY(model->setData(model->index(2), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model->setData(model->index(3), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(changed.count() >= 2);
    picker->nameEdit()->setText(QStringLiteral("future_table"));
    QTest::keyClick(picker->nameEdit(), Qt::Key_Return);
    const QJsonArray sync = page.form()->document().value(QStringLiteral("syncTables")).toArray();
    QCOMPARE(sync, (QJsonArray{QStringLiteral("items"), QStringLiteral("orders"), QStringLiteral("future_table")}));
    QCOMPARE(model->unknownChecked(), QStringList{QStringLiteral("future_table")});
    QVERIFY(page.form()->validate(path)); // unknown names are allowed, only flagged
}

void TestTableListModel::unreachableDatabaseIsSaid()
{
    // A port nothing listens on: the list stays unknown and the picker says why.
    const QString path = writeConfig(QJsonArray{QStringLiteral("items")}, 1);
    ConfigPage page;
    auto *picker = qobject_cast<TablePicker *>(page.form()->fieldFor(QStringLiteral("syncTables")));
    QVERIFY(page.load(path));
    QTRY_VERIFY_WITH_TIMEOUT(picker->statusText().contains(QStringLiteral("could not be listed")), 20000);
    QVERIFY2(picker->statusText().contains(QStringLiteral("cannot be reached")), qPrintable(picker->statusText()));
    QVERIFY(!picker->model()->hasAvailable());
    QCOMPARE(picker->selected(), QStringList{QStringLiteral("items")});
}

// Issue 17: a PostgreSQL site's pickers list the base tables of its configured schema (not
// public's, never the engine's own), and the mapping dialog offers their columns, all through
// the catalogue code the engine uses.
void TestTableListModel::postgresTablesOfTheSchema()
{
    SiteDatabase pg(m_servers, 'P', QStringLiteral("gui_tables_pg"));
    QVERIFY2(pg.isOpen(), qPrintable(pg.lastError()));
    QVERIFY(pg.exec(QStringLiteral("CREATE SCHEMA app")));
    QVERIFY(pg.exec(QStringLiteral("CREATE TABLE app.items(id integer PRIMARY KEY, name text, price numeric(8,2))")));
    QVERIFY(pg.exec(QStringLiteral("CREATE TABLE app.orders(id bigint PRIMARY KEY, item integer)")));
    QVERIFY(pg.exec(QStringLiteral("CREATE VIEW app.item_names AS SELECT name FROM app.items"))); // not a base table
    QVERIFY(pg.exec(QStringLiteral("CREATE TABLE app.sync_status(id varchar(32) PRIMARY KEY)"))); // the engine's
    QVERIFY(pg.exec(QStringLiteral("CREATE TABLE public.elsewhere(id integer PRIMARY KEY)")));    // another schema

    QJsonObject doc = QJsonDocument::fromJson(R"({
        "mqttConfig": {"host": "127.0.0.1", "port": 1883},
        "postgresConfig": {"host": "127.0.0.1", "database": "gui_tables_pg", "schema": "app"},
        "syncTables": ["items"], "receiveTables": ["orders"], "clientName": "site_a",
        "remoteClients": ["site_b"], "queueDirectory": "queue", "checkInterval": 1000})")
                          .object();
    QJsonObject postgres = doc.value(QStringLiteral("postgresConfig")).toObject();
    postgres.insert(QStringLiteral("port"), m_servers.pgPort);
    postgres.insert(QStringLiteral("user"), m_servers.pgUser);
    postgres.insert(QStringLiteral("password"), m_servers.pgPassword);
    doc.insert(QStringLiteral("postgresConfig"), postgres);
    const QString path = m_dir.filePath(QStringLiteral("site_pg.json"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(doc).toJson());
    }
    ConfigPage page;
    auto *picker = qobject_cast<TablePicker *>(page.form()->fieldFor(QStringLiteral("syncTables")));
    QVERIFY(picker);
    TableListModel *model = picker->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.show();
    QVERIFY(page.load(path));
    QCOMPARE(page.form()->databaseKind(), DatabaseKind::Postgres);
    QTRY_VERIFY_WITH_TIMEOUT(model->hasAvailable(), 20000);
    const QStringList names = listed(*model);
    QCOMPARE(names, (QStringList{QStringLiteral("items"), QStringLiteral("orders")}));
    QCOMPARE(model->index(0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY2(picker->statusText().isEmpty() || !picker->statusText().contains(QStringLiteral("could not")),
             qPrintable(picker->statusText()));

    // The mapping dialog's column list: the table's columns in the table's order.
    picker->view()->setCurrentIndex(model->index(0));
    MappingDialog *dialog = picker->editMapping(-1);
    QVERIFY(dialog);
    QCOMPARE(dialog->tableCombo()->currentText(), QStringLiteral("items"));
    QCOMPARE(dialog->columns()->localColumns(),
             (QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("price")}));
    dialog->reject();

    // The form checks mappings against that catalogue: a column the table lacks is named.
    QJsonObject edited = page.form()->document();
    edited.insert(QStringLiteral("syncTables"),
                  QJsonArray{QJsonObject{{QStringLiteral("table"), QStringLiteral("items")},
                                         {QStringLiteral("columns"),
                                          QJsonObject{{QStringLiteral("id"), QStringLiteral("id")},
                                                      {QStringLiteral("colour"), QStringLiteral("colour")}}}}});
    page.form()->setDocument(edited);
    QString message;
    QVERIFY(!page.form()->validate(path, &message));
    QVERIFY2(message.contains(QStringLiteral("colour")), qPrintable(message));
}

QTEST_MAIN(TestTableListModel)
#include "tst_tablelistmodel.moc"
