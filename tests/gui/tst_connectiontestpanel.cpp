// Test database / Test broker against the harness's servers: success names the server
// (version) or the broker, failure says exactly what failed (wrong password, nothing
// listening), the GUI event loop keeps running meanwhile (a 5 ms timer never stalls for
// 100 ms), and a second click while a test runs starts nothing.
#include "Servers.h"
#include "SiteDatabase.h"
#include "StallMeter.h"
#include "configuration/ConfigForm.h"
#include "configuration/ConnectionTestPanel.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>

using namespace mysqlsync;
using namespace mysqlsync::ui;
using namespace testsupport;

class TestConnectionTestPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void databaseSuccess();
    void databaseWrongPassword();
    void databasePasswordFromEnvironment();
    void brokerSuccess();
    void brokerUnreachable();
    void brokerThatNeverAnswers();
    void badFieldIsNamedWithoutConnecting();
    void postgresSuccess();
    void postgresWrongPassword();
    void postgresMissingDatabaseAndUnreachable();

private:
    QJsonObject document() const;
    // The same site on the harness's PostgreSQL server (issue 17), database `database`.
    QJsonObject postgresDocument(const QString &database) const;
    // Tests the database and returns the result line (fails the test when no answer came).
    QString testDatabaseNow(bool expectOk);
    void setText(const QString &key, const QString &text);
    void setNumber(const QString &key, int value);
    // Waits for `spy` while measuring the event loop; fails when it stalled for 100 ms or more.
    void waitResponsive(QSignalSpy &spy, StallMeter &meter);
    static int closedPort();

    Servers m_servers;
    std::unique_ptr<ConfigForm> m_form;
    std::unique_ptr<ConnectionTestPanel> m_panel;
};

void TestConnectionTestPanel::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
}

QJsonObject TestConnectionTestPanel::document() const
{
    QJsonObject doc = QJsonDocument::fromJson(R"({
        "mqttConfig": {"host": "127.0.0.1"},
        "mysqlConfig": {"host": "127.0.0.1", "database": "mysql"},
        "syncTables": ["items"], "receiveTables": ["items"], "clientName": "site_a", "remoteClients": ["site_b"],
        "queueDirectory": "queue", "checkInterval": 1000})")
                          .object();
    QJsonObject mysql = doc.value(QStringLiteral("mysqlConfig")).toObject();
    mysql.insert(QStringLiteral("port"), m_servers.mysqlPortA);
    mysql.insert(QStringLiteral("user"), m_servers.user);
    mysql.insert(QStringLiteral("password"), m_servers.password);
    doc.insert(QStringLiteral("mysqlConfig"), mysql);
    QJsonObject mqtt = doc.value(QStringLiteral("mqttConfig")).toObject();
    mqtt.insert(QStringLiteral("port"), m_servers.mqttPort);
    doc.insert(QStringLiteral("mqttConfig"), mqtt);
    return doc;
}

void TestConnectionTestPanel::init()
{
    m_panel.reset();
    m_form = std::make_unique<ConfigForm>();
    m_form->setDocument(document());
    m_panel = std::make_unique<ConnectionTestPanel>(m_form.get());
    m_panel->setFilePath(QStringLiteral("/tmp/site.json"));
    m_panel->show();
}

void TestConnectionTestPanel::setText(const QString &key, const QString &text)
{
    auto *edit = qobject_cast<QLineEdit *>(m_form->fieldFor(key));
    QVERIFY(edit);
    edit->setText(text);
}

void TestConnectionTestPanel::setNumber(const QString &key, int value)
{
    auto *spin = qobject_cast<QSpinBox *>(m_form->fieldFor(key));
    QVERIFY(spin);
    spin->setValue(value);
}

void TestConnectionTestPanel::waitResponsive(QSignalSpy &spy, StallMeter &meter)
{
    QVERIFY(spy.wait(30000) || spy.count() > 0);
    QVERIFY2(meter.longestMs() < 100, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(meter.longestMs())));
}

int TestConnectionTestPanel::closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort(); // closed again when `server` goes
}

void TestConnectionTestPanel::databaseSuccess()
{
    QSignalSpy tested(m_panel.get(), &ConnectionTestPanel::databaseTested);
    QSignalSpy tables(m_panel.get(), &ConnectionTestPanel::tablesListed);
    StallMeter meter;
    QTest::mouseClick(m_panel->databaseButton(), Qt::LeftButton);
    // Busy: the button says so, and neither a click nor a call starts a second test.
    QVERIFY(m_panel->isDatabaseBusy());
    QVERIFY(!m_panel->databaseButton()->isEnabled());
    QVERIFY(m_panel->databaseButton()->text().contains(QStringLiteral("Testing")));
    QTest::mouseClick(m_panel->databaseButton(), Qt::LeftButton);
    QVERIFY(!m_panel->testDatabase());
    QCOMPARE(tested.count(), 0); // the answer comes later, from the worker
    waitResponsive(tested, meter);
    // One answer, and the panel is idle again: the refused second click started nothing.
    QTRY_VERIFY(!m_panel->isDatabaseBusy());
    QCOMPARE(tested.count(), 1);
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(tested.first().at(1).toString()));
    const QString result = m_panel->databaseResult();
    QVERIFY2(result.contains(QStringLiteral("MariaDB")), qPrintable(result)); // the server version
    QVERIFY2(result.startsWith(QStringLiteral("OK")), qPrintable(result));
    QVERIFY(m_panel->databaseButton()->isEnabled());
    QVERIFY(!m_panel->isDatabaseBusy());
    QCOMPARE(tables.count(), 1);
    QVERIFY(tables.first().at(0).toStringList().contains(QStringLiteral("db"))); // mysql.db
}

void TestConnectionTestPanel::databaseWrongPassword()
{
    setText(QStringLiteral("mysqlConfig.password"), QStringLiteral("not-the-password"));
    QSignalSpy tested(m_panel.get(), &ConnectionTestPanel::databaseTested);
    StallMeter meter;
    QVERIFY(m_panel->testDatabase());
    QCOMPARE(tested.count(), 0);
    waitResponsive(tested, meter);
    QVERIFY(!tested.first().at(0).toBool());
    const QString result = m_panel->databaseResult();
    QVERIFY2(result.startsWith(QStringLiteral("Failed")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("wrong user name or password")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("Access denied")), qPrintable(result));
    QVERIFY2(!result.contains(QStringLiteral("not-the-password")), qPrintable(result));
}

void TestConnectionTestPanel::databasePasswordFromEnvironment()
{
    // A reference is resolved before the test (asynchronously for the keychain; here an environment variable).
    qputenv("GUI_TEST_DB_PASSWORD", m_servers.password.toUtf8());
    QJsonObject doc = document();
    QJsonObject mysql = doc.value(QStringLiteral("mysqlConfig")).toObject();
    mysql.insert(QStringLiteral("password"),
                 QJsonObject{{QStringLiteral("env"), QStringLiteral("GUI_TEST_DB_PASSWORD")}});
    doc.insert(QStringLiteral("mysqlConfig"), mysql);
    m_form->setDocument(doc);
    QSignalSpy tested(m_panel.get(), &ConnectionTestPanel::databaseTested);
    StallMeter meter;
    QVERIFY(m_panel->testDatabase());
    waitResponsive(tested, meter);
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(m_panel->databaseResult()));

    qunsetenv("GUI_TEST_DB_PASSWORD");
    tested.clear();
    QVERIFY(m_panel->testDatabase());
    QVERIFY(tested.wait(10000));
    QVERIFY(!tested.first().at(0).toBool());
    QVERIFY2(m_panel->databaseResult().contains(QStringLiteral("mysqlConfig.password: the environment variable "
                                                               "GUI_TEST_DB_PASSWORD is not set")),
             qPrintable(m_panel->databaseResult()));
}

void TestConnectionTestPanel::brokerSuccess()
{
    QSignalSpy tested(m_panel.get(), &ConnectionTestPanel::brokerTested);
    StallMeter meter;
    QTest::mouseClick(m_panel->brokerButton(), Qt::LeftButton);
    QVERIFY(m_panel->isBrokerBusy());
    QVERIFY(!m_panel->brokerButton()->isEnabled());
    QVERIFY(!m_panel->testBroker());
    waitResponsive(tested, meter);
    QTRY_VERIFY(!m_panel->isBrokerBusy());
    QCOMPARE(tested.count(), 1);
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(m_panel->brokerResult()));
    QVERIFY2(m_panel->brokerResult().contains(QStringLiteral("127.0.0.1:%1").arg(m_servers.mqttPort)),
             qPrintable(m_panel->brokerResult()));
    QVERIFY(m_panel->brokerButton()->isEnabled());
}

void TestConnectionTestPanel::brokerUnreachable()
{
    const int port = closedPort();
    setNumber(QStringLiteral("mqttConfig.port"), port);
    QSignalSpy tested(m_panel.get(), &ConnectionTestPanel::brokerTested);
    StallMeter meter;
    QVERIFY(m_panel->testBroker());
    waitResponsive(tested, meter);
    QVERIFY(!tested.first().at(0).toBool());
    const QString result = m_panel->brokerResult();
    QVERIFY2(result.startsWith(QStringLiteral("Failed")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("cannot reach 127.0.0.1:%1: Connection refused").arg(port)),
             qPrintable(result));
}

void TestConnectionTestPanel::brokerThatNeverAnswers()
{
    // Something accepts TCP connections but never speaks MQTT: the test lasts the connect
    // timeout (2 s) and the GUI event loop runs all the while.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    setNumber(QStringLiteral("mqttConfig.port"), silent.serverPort());
    setNumber(QStringLiteral("mqttConfig.connectTimeout"), 2000);
    QSignalSpy tested(m_panel.get(), &ConnectionTestPanel::brokerTested);
    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    QVERIFY(m_panel->testBroker());
    QCOMPARE(tested.count(), 0);
    waitResponsive(tested, meter);
    qInfo() << "silent broker answered after" << clock.elapsed() << "ms; longest GUI stall" << meter.longestMs()
            << "ms";
    QVERIFY(clock.elapsed() >= 1500);
    QVERIFY(!tested.first().at(0).toBool());
    QVERIFY2(m_panel->brokerResult().contains(QStringLiteral("127.0.0.1:%1 accepts connections but did not answer "
                                                             "as an MQTT broker within 2 s")
                                                  .arg(silent.serverPort())),
             qPrintable(m_panel->brokerResult()));
}

void TestConnectionTestPanel::badFieldIsNamedWithoutConnecting()
{
    setText(QStringLiteral("mysqlConfig.database"), QString());
    QSignalSpy tested(m_panel.get(), &ConnectionTestPanel::databaseTested);
    QVERIFY(!m_panel->testDatabase());
    QCOMPARE(tested.count(), 1);
    QVERIFY2(m_panel->databaseResult().contains(QStringLiteral("mysqlConfig.database")),
             qPrintable(m_panel->databaseResult()));
    QVERIFY(m_panel->databaseButton()->isEnabled());
    // Only the tested section counts: a bad client name does not stop Test broker.
    setText(QStringLiteral("clientName"), QStringLiteral("not a name"));
    QSignalSpy broker(m_panel.get(), &ConnectionTestPanel::brokerTested);
    QVERIFY(m_panel->testBroker());
    QVERIFY(broker.wait(30000));
    QVERIFY2(broker.first().at(0).toBool(), qPrintable(m_panel->brokerResult()));
}

QJsonObject TestConnectionTestPanel::postgresDocument(const QString &database) const
{
    QJsonObject doc = document();
    doc.remove(QStringLiteral("mysqlConfig"));
    doc.insert(QStringLiteral("postgresConfig"),
               QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                           {QStringLiteral("port"), m_servers.pgPort},
                           {QStringLiteral("user"), m_servers.pgUser},
                           {QStringLiteral("password"), m_servers.pgPassword},
                           {QStringLiteral("database"), database}});
    return doc;
}

QString TestConnectionTestPanel::testDatabaseNow(bool expectOk)
{
    QSignalSpy tested(m_panel.get(), &ConnectionTestPanel::databaseTested);
    StallMeter meter;
    if (!m_panel->testDatabase())
        return QStringLiteral("(not started)");
    waitResponsive(tested, meter);
    if (tested.isEmpty())
        return QStringLiteral("(no answer)");
    const QString result = m_panel->databaseResult();
    if (tested.first().at(0).toBool() != expectOk)
        qWarning().noquote() << "unexpected result:" << result;
    return result;
}

void TestConnectionTestPanel::postgresSuccess()
{
    SiteDatabase pg(m_servers, 'P', QStringLiteral("gui_panel_pg"));
    QVERIFY2(pg.isOpen(), qPrintable(pg.lastError()));
    QVERIFY(pg.exec(QStringLiteral("CREATE TABLE items(id integer PRIMARY KEY, name text)")));
    QVERIFY(pg.exec(QStringLiteral("CREATE TABLE orders(id bigint PRIMARY KEY, item integer)")));
    m_form->setDocument(postgresDocument(QStringLiteral("gui_panel_pg")));
    QSignalSpy tables(m_panel.get(), &ConnectionTestPanel::tablesListed);
    TableCatalog listed;
    const QMetaObject::Connection listing = connect(m_panel.get(), &ConnectionTestPanel::catalogueListed, this,
                                                    [&listed](const TableCatalog &catalog) { listed = catalog; });
    const QString result = testDatabaseNow(true);
    QVERIFY2(result.startsWith(QStringLiteral("OK")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("server PostgreSQL")), qPrintable(result)); // SELECT version()
    QVERIFY2(result.contains(QStringLiteral("2 table(s) in gui_panel_pg.public")), qPrintable(result));
    QCOMPARE(tables.count(), 1);
    QCOMPARE(tables.first().at(0).toStringList(), (QStringList{QStringLiteral("items"), QStringLiteral("orders")}));
    QVERIFY(listed.contains(QStringLiteral("items")));
    QCOMPARE(listed.value(QStringLiteral("items")).columns.size(), 2);
    QCOMPARE(listed.value(QStringLiteral("items")).key().name, QStringLiteral("id"));
    disconnect(listing);
}

void TestConnectionTestPanel::postgresWrongPassword()
{
    m_form->setDocument(postgresDocument(m_servers.pgUser)); // the role's own database
    setText(QStringLiteral("postgresConfig.password"), QStringLiteral("not-the-password"));
    const QString result = testDatabaseNow(false);
    QVERIFY2(result.startsWith(QStringLiteral("Failed")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("wrong user name or password (postgresConfig.user / "
                                            "postgresConfig.password)")),
             qPrintable(result));
    QVERIFY2(!result.contains(QStringLiteral("not-the-password")), qPrintable(result));
}

void TestConnectionTestPanel::postgresMissingDatabaseAndUnreachable()
{
    m_form->setDocument(postgresDocument(QStringLiteral("gui_no_such_database")));
    QString result = testDatabaseNow(false);
    QVERIFY2(result.startsWith(QStringLiteral("Failed")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("no such database (postgresConfig.database)")), qPrintable(result));

    setNumber(QStringLiteral("postgresConfig.port"), closedPort());
    result = testDatabaseNow(false);
    QVERIFY2(result.startsWith(QStringLiteral("Failed")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("cannot be reached: check postgresConfig.host and postgresConfig.port")),
             qPrintable(result));
}

QTEST_MAIN(TestConnectionTestPanel)
#include "tst_connectiontestpanel.moc"
