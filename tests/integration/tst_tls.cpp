// A real Mosquitto started with the files `mysql-sync setup-broker` wrote: two engines sync
// over mqtts with their generated certificates and passwords, and once more over wss; the
// broker refuses a client without a certificate, with another CA's certificate, with a wrong
// password, with an expired certificate, and a wrong host name or CA is caught by the client:
// each with its own message (`mysql-sync --check`). The ACL keeps site_a from reading
// /change/site_b (mosquitto_sub with site_a's certificate and password).
#include "EngineProcess.h"
#include "Servers.h"
#include "SiteDatabase.h"
#include "TestUtil.h"
#include "WaitUntil.h"

#include "security/CertificateIssuer.h"
#include "security/SecureFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace testsupport;

namespace { } // namespace

class TestTls : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void passwordFileAcceptedAsIs();
    void twoEnginesSyncOverMqtts();
    void twoEnginesSyncOverWss();
    void refusedWithDistinctErrors_data();
    void refusedWithDistinctErrors();
    void aclKeepsOtherSitesChangesPrivate();

private:
    QJsonObject siteConfig(const QString &client, char server, const QString &database, const QString &protocol,
                           int port);
    QString check(const QJsonObject &config, int *exitCode);
    QStringList subArgs(const QString &client) const;
    void syncBothWays(const QString &protocol, int port, const QString &database);

    Servers m_servers;
    QTemporaryDir m_dir;
    QString m_out;
    int m_port = 0;
    int m_wsPort = 0;
    QProcess m_broker;
};

void TestTls::initTestCase()
{
    m_servers = Servers::fromEnvironment();
    QVERIFY2(m_servers.valid, qPrintable(m_servers.error));
    QVERIFY(m_dir.isValid());
    m_out = m_dir.filePath(QStringLiteral("broker"));
    m_port = freePort();
    m_wsPort = freePort();
    QVERIFY(m_port > 0 && m_wsPort > 0 && m_port != m_wsPort);

    QProcess setup;
    setup.setProcessChannelMode(QProcess::MergedChannels);
    setup.start(EngineProcess::daemonPath(),
                {QStringLiteral("setup-broker"), QStringLiteral("--out"), m_out, QStringLiteral("--broker-host"),
                 QStringLiteral("127.0.0.1"), QStringLiteral("--clients"), QStringLiteral("site_a,site_b"),
                 QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--websockets-port"),
                 QString::number(m_wsPort), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                 QStringLiteral("--days"), QStringLiteral("30")});
    QVERIFY(setup.waitForFinished(60000));
    QVERIFY2(setup.exitCode() == 0, setup.readAll().constData());
    for (const char *f :
         {"ca.crt", "ca.key", "server.crt", "server.key", "mosquitto.conf", "passwordfile", "acl", "clients/site_a.crt",
          "clients/site_a.key", "clients/site_a.password", "clients/site_a.json", "clients/site_b.json"})
        QVERIFY2(QFile::exists(m_out + QLatin1Char('/') + QLatin1String(f)), f);
    QCOMPARE(QFile::permissions(m_out + QStringLiteral("/clients/site_a.key")),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);

    // Running it again without --force changes nothing.
    QProcess again;
    again.setProcessChannelMode(QProcess::MergedChannels);
    again.start(EngineProcess::daemonPath(),
                {QStringLiteral("setup-broker"), QStringLiteral("--out"), m_out, QStringLiteral("--broker-host"),
                 QStringLiteral("127.0.0.1"), QStringLiteral("--clients"), QStringLiteral("site_a")});
    QVERIFY(again.waitForFinished(60000));
    QCOMPARE(again.exitCode(), 1);
    QVERIFY(again.readAll().contains("already exists; nothing was written (use --force to overwrite)"));

    // The broker: the generated configuration as is, plus what a test run needs.
    const QString conf = m_dir.filePath(QStringLiteral("test-mosquitto.conf"));
    QFile f(conf);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(readFile(m_out + QStringLiteral("/mosquitto.conf")));
    f.write("\nuser root\nlog_dest stderr\nlog_type all\n");
    f.close();
    m_broker.setProcessChannelMode(QProcess::MergedChannels);
    m_broker.start(QStandardPaths::findExecutable(QStringLiteral("mosquitto"),
                                                  {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")}),
                   {QStringLiteral("-c"), conf});
    QVERIFY(m_broker.waitForStarted(10000));
    QVERIFY2(waitUntil(
                 [&] {
                     return m_broker.state() == QProcess::Running
                         && QByteArray(m_broker.peek(1 << 20)).contains(" running");
                 },
                 15000),
             m_broker.readAll().constData());
}

void TestTls::cleanupTestCase()
{
    if (m_broker.state() == QProcess::Running) {
        m_broker.terminate();
        if (!m_broker.waitForFinished(10000))
            m_broker.kill();
    }
}

void TestTls::passwordFileAcceptedAsIs()
{
    // The broker runs with the file (checked in initTestCase) and its log shows no complaint.
    const QByteArray log = m_broker.peek(1 << 20);
    QVERIFY2(!log.contains("Error") && !log.contains("rror:"), log.constData());
    QVERIFY(readFile(m_out + QStringLiteral("/passwordfile")).startsWith("site_a:$7$101$"));
}

QJsonObject TestTls::siteConfig(const QString &client, char server, const QString &database, const QString &protocol,
                                int port)
{
    const QString clients = m_out + QStringLiteral("/clients/");
    QJsonObject generated = QJsonDocument::fromJson(readFile(clients + client + QStringLiteral(".json"))).object();
    const QString other = client == QLatin1String("site_a") ? QStringLiteral("site_b") : QStringLiteral("site_a");
    QJsonObject harness = EngineProcess::config(m_servers, server, database, client, {other}, {QStringLiteral("items")},
                                                {QStringLiteral("items")});
    QJsonObject mqtt = generated.value(QStringLiteral("mqttConfig")).toObject();
    // The generated paths are relative to clients/; the engine's config lives elsewhere.
    mqtt[QStringLiteral("ca")] = QDir::cleanPath(clients + mqtt.value(QStringLiteral("ca")).toString());
    mqtt[QStringLiteral("cert")] = QString(clients + mqtt.value(QStringLiteral("cert")).toString());
    mqtt[QStringLiteral("key")] = QString(clients + mqtt.value(QStringLiteral("key")).toString());
    mqtt[QStringLiteral("password")] =
        QJsonObject{{QStringLiteral("file"), QString(clients + client + QStringLiteral(".password"))}};
    mqtt[QStringLiteral("protocol")] = protocol;
    mqtt[QStringLiteral("port")] = port;
    mqtt[QStringLiteral("connectTimeout")] = 5000;
    harness[QStringLiteral("mqttConfig")] = mqtt;
    return harness;
}

QString TestTls::check(const QJsonObject &config, int *exitCode)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("check.json"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(QJsonDocument(config).toJson());
    f.close();
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(EngineProcess::daemonPath(), {QStringLiteral("--check"), path});
    p.waitForFinished(60000);
    *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAll());
}

void TestTls::syncBothWays(const QString &protocol, int port, const QString &database)
{
    const QString ddl = QStringLiteral("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(50))");
    SiteDatabase dbA(m_servers, 'A', database);
    SiteDatabase dbB(m_servers, 'B', database);
    QVERIFY(dbA.isOpen() && dbB.isOpen());
    QVERIFY(dbA.exec(ddl) && dbB.exec(ddl));
    EngineProcess a(QStringLiteral("site_a"), siteConfig(QStringLiteral("site_a"), 'A', database, protocol, port));
    EngineProcess b(QStringLiteral("site_b"), siteConfig(QStringLiteral("site_b"), 'B', database, protocol, port));
    QVERIFY(a.start());
    QVERIFY(b.start());
    QVERIFY2(a.waitForLog("site_b is online", 45000), a.log().right(4000).constData());
    QVERIFY2(b.waitForLog("site_a is online", 45000), b.log().right(4000).constData());
    QVERIFY(a.log().contains(protocol == QLatin1String("wss") ? "wss://127.0.0.1" : "ssl://127.0.0.1"));
    // setup-broker ran with --days 30: the engine warns that its certificate expires soon.
    QVERIFY2(a.log().contains("mqttConfig.cert: the certificate") && a.log().contains("(CN site_a) expires in"),
             a.log().right(4000).constData());
    QVERIFY(dbA.exec(QStringLiteral("INSERT INTO items VALUES (1, 'from a')")));
    QVERIFY(dbB.exec(QStringLiteral("INSERT INTO items VALUES (2, 'from b')")));
    QVERIFY2(
        waitUntil([&] { return dbA.count(QStringLiteral("items")) == 2 && dbB.count(QStringLiteral("items")) == 2; },
                  45000),
        QByteArray(a.log().right(3000) + b.log().right(3000)).constData());
    QCOMPARE(dbB.scalar(QStringLiteral("SELECT name FROM items WHERE id = 1")).toString(), QStringLiteral("from a"));
    QCOMPARE(dbA.scalar(QStringLiteral("SELECT name FROM items WHERE id = 2")).toString(), QStringLiteral("from b"));
    // The password never shows in a log.
    const QByteArray pw = readFile(m_out + QStringLiteral("/clients/site_a.password")).trimmed();
    QVERIFY(!pw.isEmpty());
    QVERIFY(!a.log().contains(pw) && !b.log().contains(pw));
    QVERIFY(a.stop());
    QVERIFY(b.stop());
}

void TestTls::twoEnginesSyncOverMqtts()
{
    syncBothWays(QStringLiteral("mqtts"), m_port, QStringLiteral("tls_mqtts"));
}

void TestTls::twoEnginesSyncOverWss()
{
    syncBothWays(QStringLiteral("wss"), m_wsPort, QStringLiteral("tls_wss"));
}

void TestTls::refusedWithDistinctErrors_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("expected");
    QTest::newRow("accepted") << "ok"
                              << "broker: connected to ssl://127.0.0.1";
    QTest::newRow("no client certificate")
        << "nocert"
        << "cannot connect over TLS: the broker requires a client certificate and none was sent";
    QTest::newRow("certificate of another CA") << "othercert"
                                               << "cannot connect over TLS: the broker refused this site's certificate";
    QTest::newRow("expired certificate") << "expired"
                                         << "(mqttConfig.cert) expired on";
    QTest::newRow("wrong password") << "wrongpw"
                                    << "the broker refused the connection: not authorised: wrong user name or password";
    QTest::newRow("wrong CA") << "otherca"
                              << "cannot connect over TLS: the broker's certificate is not signed by";
    QTest::newRow("host name mismatch")
        << "host"
        << "cannot connect over TLS: the broker's certificate is not issued for \"localhost\" (it names 127.0.0.1)";
}

void TestTls::refusedWithDistinctErrors()
{
    QFETCH(QString, what);
    QFETCH(QString, expected);
    QJsonObject config =
        siteConfig(QStringLiteral("site_a"), 'A', QStringLiteral("tls_check"), QStringLiteral("mqtts"), m_port);
    QJsonObject mqtt = config.value(QStringLiteral("mqttConfig")).toObject();
    QTemporaryDir other;
    QString error;
    const mysqlsync::PemPair otherCa =
        mysqlsync::CertificateIssuer::createAuthority(QStringLiteral("mysql-sync CA"), {}, &error);
    QVERIFY(!otherCa.isNull());
    if (what == QLatin1String("nocert")) {
        mqtt.remove(QStringLiteral("cert"));
        mqtt.remove(QStringLiteral("key"));
    } else if (what == QLatin1String("othercert") || what == QLatin1String("expired")) {
        mysqlsync::PemPair ca = otherCa;
        mysqlsync::Validity validity;
        if (what == QLatin1String("expired")) {
            ca = {readFile(m_out + QStringLiteral("/ca.crt")), readFile(m_out + QStringLiteral("/ca.key"))};
            validity.days = 1;
            validity.startOffsetSeconds = -5 * 86400;
        }
        const mysqlsync::PemPair cert =
            mysqlsync::CertificateIssuer::issueClient(ca, QStringLiteral("site_a"), validity, &error);
        QVERIFY2(!cert.isNull(), qPrintable(error));
        QVERIFY(mysqlsync::SecureFile::write(other.filePath(QStringLiteral("c.crt")), cert.certificate, 0644, true,
                                             &error));
        QVERIFY(mysqlsync::SecureFile::write(other.filePath(QStringLiteral("c.key")), cert.key, 0600, true, &error));
        mqtt[QStringLiteral("cert")] = other.filePath(QStringLiteral("c.crt"));
        mqtt[QStringLiteral("key")] = other.filePath(QStringLiteral("c.key"));
    } else if (what == QLatin1String("wrongpw")) {
        mqtt[QStringLiteral("password")] = QStringLiteral("not-the-password");
    } else if (what == QLatin1String("otherca")) {
        QVERIFY(mysqlsync::SecureFile::write(other.filePath(QStringLiteral("ca.crt")), otherCa.certificate, 0644, true,
                                             &error));
        mqtt[QStringLiteral("ca")] = other.filePath(QStringLiteral("ca.crt"));
    } else if (what == QLatin1String("host")) {
        mqtt[QStringLiteral("host")] = QStringLiteral("localhost");
    }
    config[QStringLiteral("mqttConfig")] = mqtt;
    SiteDatabase db(m_servers, 'A', QStringLiteral("tls_check"));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(50))")));
    int exitCode = -1;
    const QString out = check(config, &exitCode);
    QVERIFY2(out.contains(expected), qPrintable(out));
    QCOMPARE(exitCode, what == QLatin1String("ok") ? 0 : 1);
    // Distinct: no other case's message shows up.
    const QStringList others{QStringLiteral("none was sent"),    QStringLiteral("refused this site's certificate"),
                             QStringLiteral("expired on"),       QStringLiteral("wrong user name or password"),
                             QStringLiteral("is not signed by"), QStringLiteral("is not issued for")};
    int hits = 0;
    for (const QString &o : others)
        hits += out.contains(o) ? 1 : 0;
    QCOMPARE(hits, what == QLatin1String("ok") ? 0 : 1);
}

QStringList TestTls::subArgs(const QString &client) const
{
    const QString clients = m_out + QStringLiteral("/clients/");
    return {QStringLiteral("-h"),
            QStringLiteral("127.0.0.1"),
            QStringLiteral("-p"),
            QString::number(m_port),
            QStringLiteral("--cafile"),
            m_out + QStringLiteral("/ca.crt"),
            QStringLiteral("--cert"),
            clients + client + QStringLiteral(".crt"),
            QStringLiteral("--key"),
            clients + client + QStringLiteral(".key"),
            QStringLiteral("-u"),
            client,
            QStringLiteral("-P"),
            QString::fromUtf8(readFile(clients + client + QStringLiteral(".password")).trimmed())};
}

void TestTls::aclKeepsOtherSitesChangesPrivate()
{
    QProcess sub;
    sub.start(QStringLiteral("mosquitto_sub"),
              subArgs(QStringLiteral("site_a"))
                  + QStringList{QStringLiteral("-v"), QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-t"),
                                QStringLiteral("/change/site_b"), QStringLiteral("-t"),
                                QStringLiteral("/change/site_a")});
    QVERIFY(sub.waitForStarted());
    QByteArray seen;
    auto publish = [&](const QString &topic, const QByteArray &payload) {
        QProcess pub;
        pub.start(QStringLiteral("mosquitto_pub"),
                  subArgs(QStringLiteral("site_b"))
                      + QStringList{QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-t"), topic,
                                    QStringLiteral("-m"), QString::fromUtf8(payload)});
        return pub.waitForFinished(15000) && pub.exitCode() == 0;
    };
    // Until site_a's subscription is active, keep publishing what it may read.
    int n = 0;
    QVERIFY2(waitUntil(
                 [&] {
                     publish(QStringLiteral("/change/site_a"), "for-a-" + QByteArray::number(++n));
                     QTest::qWait(200);
                     seen += sub.readAllStandardOutput();
                     return seen.contains("/change/site_a for-a-");
                 },
                 20000, 100),
             sub.readAllStandardError().constData());
    QVERIFY(publish(QStringLiteral("/change/site_b"), "secret-for-b"));
    QVERIFY(publish(QStringLiteral("/change/site_a"), "after-b"));
    QVERIFY(waitUntil(
        [&] {
            seen += sub.readAllStandardOutput();
            return seen.contains("/change/site_a after-b");
        },
        15000));
    QTest::qWait(500);
    seen += sub.readAllStandardOutput();
    QVERIFY2(!seen.contains("secret-for-b"), seen.constData());
    sub.terminate();
    sub.waitForFinished(5000);
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
