// The Configuration page's mapping and filter editors (issue 16) against the harness's MariaDB
// (fixture "servers"): the local columns offered are the live catalogue's, listed off the GUI
// thread when the file is loaded; an entry edited in the MappingDialog is saved in exactly the
// JSON form the engine reads; object entries of a file are shown, edited and written back
// unchanged; a mapping the engine would refuse (two remote columns onto one local column, the
// primary key not mapped, a column listed twice) shows its error in the dialog and is not
// taken; filters are picked as table.column and checked against the catalogue.
#include "SiteDatabase.h"
#include "config/Config.h"
#include "configuration/ColumnMapEditor.h"
#include "configuration/ConfigForm.h"
#include "configuration/ConfigPage.h"
#include "configuration/FiltersEditor.h"
#include "configuration/MappingDialog.h"
#include "configuration/TablePicker.h"
#include "monitor/TableListModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync;
using namespace mysqlsync::ui;
using namespace testsupport;

namespace {

QJsonArray array(const char *json)
{
    return QJsonDocument::fromJson(json).array();
}

QStringList checkedItems(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            out << list->item(i)->text();
    }
    return out;
}

QStringList comboItems(const QComboBox *combo)
{
    QStringList out;
    for (int i = 0; i < combo->count(); ++i)
        out << combo->itemText(i);
    return out;
}

void clickOk(MappingDialog *dialog)
{
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
}

} // namespace

class TestMappingEditor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pickColumnsFromCatalogueAndSave();
    void objectEntriesShownAndKept();
    void invalidMappingShowsErrorAndIsNotTaken();
    void filtersPickedFromCatalogue();

private:
    // Writes a configuration for the test database with `lists` (syncTables, receiveTables,
    // filters) and loads it into `page`, waiting for the catalogue.
    void load(ConfigPage *page, const QJsonObject &lists);
    QJsonObject saved() const;
    TablePicker *picker(ConfigPage *page, const char *key) const;

    Servers m_servers;
    std::unique_ptr<SiteDatabase> m_db;
    QTemporaryDir m_dir;
    QString m_path;
};

void TestMappingEditor::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    m_db = std::make_unique<SiteDatabase>(m_servers, 'A', QStringLiteral("gui_mapping"));
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->lastError()));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE items(id INT PRIMARY KEY, name VARCHAR(40), qty INT)")));
    QVERIFY(m_db->exec(
        QStringLiteral("CREATE TABLE stock(id INT PRIMARY KEY, title VARCHAR(40), quantity INT, note VARCHAR(40))")));
    QVERIFY(
        m_db->exec(QStringLiteral("CREATE TABLE users(id INT PRIMARY KEY, name VARCHAR(40), password VARCHAR(80))")));
    // The engine's own tables are never offered.
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE sync_status(id VARCHAR(32) PRIMARY KEY, message VARCHAR(255))")));
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("site.json"));
}

void TestMappingEditor::load(ConfigPage *page, const QJsonObject &lists)
{
    QJsonObject doc = QJsonDocument::fromJson(R"({
        "mqttConfig": {"host": "127.0.0.1", "port": 1883},
        "mysqlConfig": {"host": "127.0.0.1", "database": "gui_mapping"},
        "syncTables": ["items"], "receiveTables": ["items"], "clientName": "site_a",
        "remoteClients": ["site_b"], "queueDirectory": "queue", "checkInterval": 1000})")
                          .object();
    QJsonObject mysql = doc.value(QStringLiteral("mysqlConfig")).toObject();
    mysql.insert(QStringLiteral("port"), m_servers.mysqlPortA);
    mysql.insert(QStringLiteral("user"), m_servers.user);
    mysql.insert(QStringLiteral("password"), m_servers.password);
    doc.insert(QStringLiteral("mysqlConfig"), mysql);
    for (auto it = lists.constBegin(); it != lists.constEnd(); ++it)
        doc.insert(it.key(), it.value());
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(doc).toJson());
    file.close();
    QVERIFY(page->load(m_path));
    // The tables and their columns are listed off the GUI thread after loading.
    QTRY_VERIFY_WITH_TIMEOUT(picker(page, "receiveTables")->model()->hasAvailable(), 30000);
    QVERIFY2(picker(page, "receiveTables")->statusText().isEmpty(),
             qPrintable(picker(page, "receiveTables")->statusText()));
}

QJsonObject TestMappingEditor::saved() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

TablePicker *TestMappingEditor::picker(ConfigPage *page, const char *key) const
{
    return qobject_cast<TablePicker *>(page->form()->fieldFor(QLatin1String(key)));
}

void TestMappingEditor::pickColumnsFromCatalogueAndSave()
{
    ConfigPage page;
    load(&page, {});
    TablePicker *receive = picker(&page, "receiveTables");
    QPointer<MappingDialog> dialog = receive->editMapping(-1);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->side(), MappingSide::Receive);
    // The tables and the local table's columns come from the database's catalogue.
    QCOMPARE(comboItems(dialog->tableCombo()),
             (QStringList{QStringLiteral("items"), QStringLiteral("stock"), QStringLiteral("users")}));
    dialog->tableCombo()->setCurrentIndex(dialog->tableCombo()->findText(QStringLiteral("stock")));
    QCOMPARE(dialog->columns()->localColumns(),
             (QStringList{QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("quantity"),
                          QStringLiteral("note")}));
    dialog->nameEdit()->setText(QStringLiteral("goods"));
    dialog->mapColumnsBox()->setChecked(true);
    QVERIFY(dialog->columns()->isEnabled());
    // Three rows, each local column picked in its row's list of the catalogue's columns.
    const QList<QPair<QString, QString>> wanted = {{QStringLiteral("id"), QStringLiteral("id")},
                                                   {QStringLiteral("title"), QStringLiteral("name")},
                                                   {QStringLiteral("quantity"), QStringLiteral("qty")}};
    QTableWidget *table = dialog->columns()->table();
    for (int r = 0; r < wanted.size(); ++r) {
        dialog->columns()->findChild<QPushButton *>(QStringLiteral("addColumn"))->click();
        auto *combo = qobject_cast<QComboBox *>(table->cellWidget(r, 0));
        QVERIFY(combo);
        QCOMPARE(comboItems(combo), dialog->columns()->localColumns());
        combo->setCurrentIndex(combo->findText(wanted.at(r).first));
        QCOMPARE(table->item(r, 1)->text(), wanted.at(r).first); // the same name until renamed
        table->item(r, 1)->setText(wanted.at(r).second);
    }
    QCOMPARE(dialog->columns()->pairs(), wanted);
    // Update rights: the mapped local columns, quantity ticked.
    dialog->limitUpdatesBox()->setChecked(true);
    QListWidget *update = dialog->updateList();
    QCOMPARE(update->count(), 3);
    QCOMPARE(update->item(2)->text(), QStringLiteral("quantity"));
    update->item(2)->setCheckState(Qt::Checked);
    QVERIFY(dialog->insertBox()->isChecked());
    QVERIFY(dialog->deleteBox()->isChecked());
    dialog->deleteBox()->setChecked(false);
    clickOk(dialog);
    QVERIFY2(dialog.isNull() || !dialog->isVisible(), qPrintable(dialog ? dialog->errorText() : QString()));
    QCOMPARE(receive->mappedList()->count(), 1);
    QVERIFY2(receive->mappedText().contains(QStringLiteral("stock (as goods)")), qPrintable(receive->mappedText()));

    QString error;
    QVERIFY2(page.save(&error), qPrintable(error + page.form()->validationMessage()));
    const QJsonArray expected = array(R"(["items", {"table": "stock", "from": "goods",
        "columns": {"id": "id", "name": "title", "qty": "quantity"}, "update": ["quantity"], "delete": false}])");
    QCOMPARE(saved().value(QStringLiteral("receiveTables")).toArray(), expected);
    QCOMPARE(saved().value(QStringLiteral("syncTables")).toArray(), array(R"(["items"])"));
    QVERIFY(!saved().contains(QStringLiteral("filters")));
    // The engine reads it as mapped.
    Config config;
    QVERIFY2(ConfigLoader::load(m_path, &config, &error), qPrintable(error));
    const ReceiveMapping *m = config.receiveMapping(QStringLiteral("stock"));
    QVERIFY(m);
    QCOMPARE(m->localColumn(QStringLiteral("qty")), QStringLiteral("quantity"));
    QVERIFY(!m->remove);
    QVERIFY(m->insert);

    // Edited back to nothing mapped: a plain name again.
    dialog = receive->editMapping(0);
    dialog->nameEdit()->clear();
    dialog->mapColumnsBox()->setChecked(false);
    dialog->limitUpdatesBox()->setChecked(false);
    dialog->deleteBox()->setChecked(true);
    clickOk(dialog);
    QVERIFY2(dialog.isNull() || !dialog->isVisible(), qPrintable(dialog ? dialog->errorText() : QString()));
    QCOMPARE(receive->entries(), array(R"(["items", "stock"])"));
    QCOMPARE(receive->mappedList()->count(), 0);
}

void TestMappingEditor::objectEntriesShownAndKept()
{
    const QJsonArray sync = array(R"(["items", {"table": "users", "as": "members",
        "columns": {"id": "id", "name": "name"}}])");
    const QJsonArray receive = array(R"(["items", {"table": "stock", "from": "goods",
        "columns": {"id": "id", "qty": "quantity"}, "update": ["quantity"], "insert": true, "delete": false}])");
    const QJsonArray filters = array(R"(["users.password"])");
    ConfigPage page;
    load(&page,
         {{QStringLiteral("syncTables"), sync},
          {QStringLiteral("receiveTables"), receive},
          {QStringLiteral("filters"), filters}});
    TablePicker *receivePicker = picker(&page, "receiveTables");
    TablePicker *syncPicker = picker(&page, "syncTables");
    QCOMPARE(receivePicker->selected(), QStringList{QStringLiteral("items")});
    QCOMPARE(receivePicker->mappedList()->count(), 1);
    QVERIFY2(receivePicker->mappedText().contains(QStringLiteral("stock (as goods)"))
                 && receivePicker->mappedText().contains(QStringLiteral("no delete")),
             qPrintable(receivePicker->mappedText()));
    QVERIFY2(syncPicker->mappedText().contains(QStringLiteral("users (as members)")),
             qPrintable(syncPicker->mappedText()));
    auto *filterEditor = qobject_cast<FiltersEditor *>(page.form()->fieldFor(QStringLiteral("filters")));
    QVERIFY(filterEditor);
    QCOMPARE(filterEditor->filters(), QStringList{QStringLiteral("users.password")});

    // The receive entry in the editor.
    QPointer<MappingDialog> dialog = receivePicker->editMapping(0);
    QCOMPARE(dialog->tableCombo()->currentText(), QStringLiteral("stock"));
    QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("goods"));
    QVERIFY(dialog->mapColumnsBox()->isChecked());
    QCOMPARE(dialog->columns()->pairs(),
             (QList<QPair<QString, QString>>{{QStringLiteral("id"), QStringLiteral("id")},
                                             {QStringLiteral("quantity"), QStringLiteral("qty")}}));
    QVERIFY(dialog->limitUpdatesBox()->isChecked());
    QCOMPARE(checkedItems(dialog->updateList()), QStringList{QStringLiteral("quantity")});
    QCOMPARE(dialog->updateList()->count(), 2); // the mapped local columns
    QVERIFY(dialog->insertBox()->isChecked());
    QVERIFY(!dialog->deleteBox()->isChecked());
    QVERIFY(!dialog->mirrorBox()->isChecked());
    // OK without a change: the entry as the file had it ("insert": true included).
    clickOk(dialog);
    QVERIFY2(dialog.isNull() || !dialog->isVisible(), qPrintable(dialog ? dialog->errorText() : QString()));
    QCOMPARE(receivePicker->entries(), receive);

    // The sync entry in the editor (then cancelled).
    dialog = syncPicker->editMapping(0);
    QCOMPARE(dialog->side(), MappingSide::Send);
    QCOMPARE(dialog->tableCombo()->currentText(), QStringLiteral("users"));
    QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("members"));
    QCOMPARE(dialog->columns()->pairs(),
             (QList<QPair<QString, QString>>{{QStringLiteral("id"), QStringLiteral("id")},
                                             {QStringLiteral("name"), QStringLiteral("name")}}));
    QVERIFY(!dialog->limitUpdatesBox());
    dialog->nameEdit()->setText(QStringLiteral("changed"));
    dialog->reject();
    QCOMPARE(syncPicker->entries(), sync);

    QString error;
    QVERIFY2(page.save(&error), qPrintable(error + page.form()->validationMessage()));
    QCOMPARE(saved().value(QStringLiteral("syncTables")).toArray(), sync);
    QCOMPARE(saved().value(QStringLiteral("receiveTables")).toArray(), receive);
    QCOMPARE(saved().value(QStringLiteral("filters")).toArray(), filters);
}

void TestMappingEditor::invalidMappingShowsErrorAndIsNotTaken()
{
    ConfigPage page;
    load(&page, {});
    TablePicker *receive = picker(&page, "receiveTables");
    QPointer<MappingDialog> dialog = receive->editMapping(-1);
    dialog->tableCombo()->setCurrentText(QStringLiteral("stock"));
    dialog->nameEdit()->setText(QStringLiteral("goods"));
    dialog->mapColumnsBox()->setChecked(true);
    // Two remote columns onto one local column: the engine's own words.
    dialog->columns()->addPair(QStringLiteral("id"), QStringLiteral("id"));
    dialog->columns()->addPair(QStringLiteral("title"), QStringLiteral("name"));
    dialog->columns()->addPair(QStringLiteral("title"), QStringLiteral("qty"));
    clickOk(dialog);
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY2(dialog->errorText().contains(QStringLiteral("receiveTables[1].columns.qty"))
                 && dialog->errorText().contains(QStringLiteral("two columns would land on one")),
             qPrintable(dialog->errorText()));
    QCOMPARE(receive->entries(), array(R"(["items"])"));

    // The primary key not mapped: checked against the catalogue, as the engine does at start.
    dialog->columns()->table()->selectRow(0);
    dialog->columns()->removeSelected();
    auto *combo = qobject_cast<QComboBox *>(dialog->columns()->table()->cellWidget(1, 0));
    combo->setCurrentText(QStringLiteral("quantity"));
    clickOk(dialog);
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY2(dialog->errorText().contains(QStringLiteral("primary key `id` of table `stock`")),
             qPrintable(dialog->errorText()));
    QVERIFY2(dialog->errorText().contains(m_path), qPrintable(dialog->errorText()));

    // A column the table does not have.
    dialog->columns()->addPair(QStringLiteral("id"), QStringLiteral("id"));
    dialog->columns()->addPair(QStringLiteral("nope"), QStringLiteral("nope"));
    clickOk(dialog);
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY2(dialog->errorText().contains(QStringLiteral("table `stock` has no column `nope`")),
             qPrintable(dialog->errorText()));

    // A remote column listed twice (a JSON object could not hold both).
    dialog->columns()->table()->selectRow(3);
    dialog->columns()->removeSelected();
    dialog->columns()->addPair(QStringLiteral("note"), QStringLiteral("qty"));
    clickOk(dialog);
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY2(dialog->errorText().contains(QStringLiteral("Remote column `qty` is listed twice")),
             qPrintable(dialog->errorText()));
    dialog->reject();
    QCOMPARE(receive->entries(), array(R"(["items"])"));
    QCOMPARE(page.form()->document().value(QStringLiteral("receiveTables")).toArray(), array(R"(["items"])"));

    // A name another entry receives already.
    dialog = receive->editMapping(-1);
    dialog->tableCombo()->setCurrentText(QStringLiteral("stock"));
    dialog->nameEdit()->setText(QStringLiteral("items"));
    dialog->deleteBox()->setChecked(false);
    clickOk(dialog);
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY2(dialog->errorText().contains(QStringLiteral("which table `items` receives already")),
             qPrintable(dialog->errorText()));
    dialog->reject();
    QCOMPARE(receive->entries(), array(R"(["items"])"));
}

void TestMappingEditor::filtersPickedFromCatalogue()
{
    ConfigPage page;
    load(&page, {{QStringLiteral("syncTables"), array(R"(["items", "users"])")}});
    auto *filters = qobject_cast<FiltersEditor *>(page.form()->fieldFor(QStringLiteral("filters")));
    QVERIFY(filters);
    filters->tableCombo()->setCurrentText(QStringLiteral("users"));
    QCOMPARE(comboItems(filters->columnCombo()),
             (QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("password")}));
    filters->columnCombo()->setCurrentIndex(2);
    filters->findChild<QPushButton *>(QStringLiteral("addFilter"))->click();
    QCOMPARE(page.form()->document().value(QStringLiteral("filters")).toArray(), array(R"(["users.password"])"));
    QString error;
    QVERIFY2(page.save(&error), qPrintable(error + page.form()->validationMessage()));
    QCOMPARE(saved().value(QStringLiteral("filters")).toArray(), array(R"(["users.password"])"));

    // The primary key may not be filtered: the catalogue says which it is.
    filters->columnCombo()->setCurrentIndex(0);
    filters->findChild<QPushButton *>(QStringLiteral("addFilter"))->click();
    QVERIFY(!page.form()->validate(m_path));
    QVERIFY2(page.form()->validationMessage().contains(QStringLiteral("filters[1]"))
                 && page.form()->validationMessage().contains(QStringLiteral("primary key of table `users`")),
             qPrintable(page.form()->validationMessage()));
    QCOMPARE(page.form()->invalidKey(), QStringLiteral("filters"));
    QVERIFY(!page.save(&error));
    QCOMPARE(saved().value(QStringLiteral("filters")).toArray(), array(R"(["users.password"])"));
    // Removed again: valid.
    filters->list()->setCurrentRow(1);
    filters->removeSelected();
    QVERIFY2(page.form()->validate(m_path), qPrintable(page.form()->validationMessage()));
}

QTEST_MAIN(TestMappingEditor)
#include "tst_mappingeditor.moc"
