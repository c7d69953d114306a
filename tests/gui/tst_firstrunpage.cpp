// The first-run page: fills in a new site, moves the typed passwords into the keychain,
// writes a configuration file that ConfigLoader accepts (owner-only), and refuses a bad
// field with a message that names it (nothing written). Runs inside
// tests/harness/with-keyring.sh (a private, unlocked gnome-keyring).
#include "config/Config.h"
#include "configuration/ConfigForm.h"
#include "configuration/FirstRunPage.h"
#include "configuration/TablePicker.h"
#include "security/SecretResolver.h"

#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace mysqlsync;
using namespace mysqlsync::ui;

class TestFirstRunPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createsAValidConfiguration();
    void createsAPostgresSite();
    void badFieldIsNamed_data();
    void badFieldIsNamed();
    void existingFileIsNotOverwritten();

private:
    static void fill(FirstRunPage *page, const QString &folder);
    static void setText(FirstRunPage *page, const QString &key, const QString &text)
    {
        auto *edit = qobject_cast<QLineEdit *>(page->form()->fieldFor(key));
        QVERIFY2(edit, qPrintable(key));
        edit->setText(text);
    }
};

void TestFirstRunPage::fill(FirstRunPage *page, const QString &folder)
{
    setText(page, QStringLiteral("clientName"), QStringLiteral("site_a"));
    setText(page, QStringLiteral("remoteClients"), QStringLiteral("site_b, site_c"));
    setText(page, QStringLiteral("mysqlConfig.host"), QStringLiteral("127.0.0.1"));
    setText(page, QStringLiteral("mysqlConfig.user"), QStringLiteral("sync"));
    setText(page, QStringLiteral("mysqlConfig.password"), QStringLiteral("s3cret"));
    setText(page, QStringLiteral("mysqlConfig.database"), QStringLiteral("shop"));
    setText(page, QStringLiteral("mqttConfig.host"), QStringLiteral("broker.example.org"));
    setText(page, QStringLiteral("mqttConfig.password"), QStringLiteral("broker-pw"));
    setText(page, QStringLiteral("queueDirectory"), folder + QStringLiteral("/queue"));
    auto *sync = qobject_cast<TablePicker *>(page->form()->fieldFor(QStringLiteral("syncTables")));
    auto *receive = qobject_cast<TablePicker *>(page->form()->fieldFor(QStringLiteral("receiveTables")));
    QVERIFY(sync && receive);
    sync->setSelected({QStringLiteral("items"), QStringLiteral("orders")});
    receive->setSelected({QStringLiteral("items")});
}

void TestFirstRunPage::createsAValidConfiguration()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new/folder/site.json"));
    FirstRunPage page;
    QVERIFY(!page.targetPath().isEmpty()); // a default place to save
    page.setTargetPath(path);
    fill(&page, dir.path());
    QSignalSpy created(&page, &FirstRunPage::created);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("create")), Qt::LeftButton);
    QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("create"))->isEnabled()); // busy storing the passwords
    QVERIFY(created.wait(30000));
    QCOMPARE(created.first().at(0).toString(), path);
    QVERIFY2(page.message().isEmpty(), qPrintable(page.message()));
    Config config;
    QString error;
    QVERIFY2(ConfigLoader::load(path, &config, &error), qPrintable(error));
    QCOMPARE(config.clientName, QStringLiteral("site_a"));
    QCOMPARE(config.remoteClients, (QStringList{QStringLiteral("site_b"), QStringLiteral("site_c")}));
    QCOMPARE(config.syncTables, (QStringList{QStringLiteral("items"), QStringLiteral("orders")}));
    QCOMPARE(config.receiveTables, QStringList{QStringLiteral("items")});
    QCOMPARE(config.mysql.database, QStringLiteral("shop"));
    QCOMPARE(config.mqtt.host, QStringLiteral("broker.example.org"));
    QCOMPARE(config.mqtt.port, 1883);
    QCOMPARE(config.queueDirectory, dir.filePath(QStringLiteral("queue")));
    // The file names keychain entries, never the passwords; they resolve to what was typed.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(!text.contains("s3cret") && !text.contains("broker-pw"), text.constData());
    QCOMPARE(config.mysql.passwordRef.kind, SecretRef::Kind::Keychain);
    QCOMPARE(config.mysql.passwordRef.name, QStringLiteral("site_a-database"));
    QCOMPARE(config.mqtt.passwordRef.name, QStringLiteral("site_a-broker"));
    QVERIFY2(SecretResolver::resolve(&config, &error), qPrintable(error)); // the blocking helper: fine in a test
    QCOMPARE(config.mysql.password, QStringLiteral("s3cret"));
    QCOMPARE(config.mqtt.password, QStringLiteral("broker-pw"));
    // It holds a password: readable by its owner only, from the start.
    QCOMPARE(QFile::permissions(path)
                 & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                    | QFileDevice::WriteOther),
             QFileDevice::Permissions());
}

// Issue 17: the page offers the database kind; with PostgreSQL the file has postgresConfig
// (and no mysqlConfig), its typed password in the keychain, and ConfigLoader accepts it. The
// MariaDB password typed before the switch is neither stored nor written.
void TestFirstRunPage::createsAPostgresSite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pg-site.json"));
    FirstRunPage page;
    page.setTargetPath(path);
    fill(&page, dir.path());
    QComboBox *kind = page.form()->databaseKindBox();
    kind->setCurrentIndex(kind->findText(QStringLiteral("PostgreSQL")));
    setText(&page, QStringLiteral("postgresConfig.host"), QStringLiteral("127.0.0.1"));
    auto *port = qobject_cast<QSpinBox *>(page.form()->fieldFor(QStringLiteral("postgresConfig.port")));
    QVERIFY(port);
    QCOMPARE(port->value(), 5432);
    port->setValue(5433);
    setText(&page, QStringLiteral("postgresConfig.user"), QStringLiteral("syncer"));
    setText(&page, QStringLiteral("postgresConfig.password"), QStringLiteral("pg-s3cret"));
    setText(&page, QStringLiteral("postgresConfig.database"), QStringLiteral("pgshop"));
    setText(&page, QStringLiteral("postgresConfig.schema"), QStringLiteral("app"));
    QSignalSpy created(&page, &FirstRunPage::created);
    QString error;
    QVERIFY2(page.create(&error), qPrintable(error));
    QVERIFY(created.wait(30000));
    QVERIFY2(page.message().isEmpty(), qPrintable(page.message()));
    Config config;
    QVERIFY2(ConfigLoader::load(path, &config, &error), qPrintable(error));
    QCOMPARE(config.databaseKind, DatabaseKind::Postgres);
    QCOMPARE(config.postgres.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(config.postgres.port, 5433);
    QCOMPARE(config.postgres.user, QStringLiteral("syncer"));
    QCOMPARE(config.postgres.database, QStringLiteral("pgshop"));
    QCOMPARE(config.postgres.schema, QStringLiteral("app"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(!text.contains("pg-s3cret") && !text.contains("s3cret"), text.constData());
    QVERIFY(!QJsonDocument::fromJson(text).object().contains(QStringLiteral("mysqlConfig")));
    QCOMPARE(config.postgres.passwordRef.kind, SecretRef::Kind::Keychain);
    QCOMPARE(config.postgres.passwordRef.name, QStringLiteral("site_a-database"));
    QVERIFY2(SecretResolver::resolve(&config, &error), qPrintable(error));
    QCOMPARE(config.postgres.password, QStringLiteral("pg-s3cret"));
}

void TestFirstRunPage::badFieldIsNamed_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::newRow("client name") << "clientName"
                                 << "not a name";
    QTest::newRow("database") << "mysqlConfig.database"
                              << "";
    QTest::newRow("remote clients") << "remoteClients"
                                    << "site_a";
    QTest::newRow("queue directory") << "queueDirectory"
                                     << "";
}

void TestFirstRunPage::badFieldIsNamed()
{
    QFETCH(QString, key);
    QFETCH(QString, text);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("site.json"));
    FirstRunPage page;
    page.setTargetPath(path);
    fill(&page, dir.path());
    setText(&page, key, text);
    QSignalSpy created(&page, &FirstRunPage::created);
    QString error;
    QVERIFY(!page.create(&error));
    QCOMPARE(created.count(), 0);
    QVERIFY(!QFile::exists(path));
    QVERIFY2(error.contains(key), qPrintable(error));
    QCOMPARE(page.form()->invalidKey().isEmpty() ? QString() : key, key);
    QVERIFY2(page.form()->validationMessage().contains(key), qPrintable(page.form()->validationMessage()));
}

void TestFirstRunPage::existingFileIsNotOverwritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("site.json"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{}");
    }
    FirstRunPage page;
    page.setTargetPath(path);
    fill(&page, dir.path());
    QString error;
    QVERIFY(!page.create(&error));
    QVERIFY2(error.contains(QStringLiteral("already exists")), qPrintable(error));
    QVERIFY(page.message().contains(QStringLiteral("already exists")));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("{}"));
}

QTEST_MAIN(TestFirstRunPage)
#include "tst_firstrunpage.moc"
