// mysqlConfig.ssl against a private MariaDB started with TLS (certificates from
// CertificateIssuer) on a free loopback port: DbConnection opens an encrypted session when the
// server's certificate verifies against mysqlConfig.ssl.ca and names mysqlConfig.host; another
// CA or a host name the certificate does not list is refused before any password is sent,
// each with its own message; rejectUnauthorized false skips the verification. The same server
// restarted without TLS: "does not offer TLS". A man in the middle that lets the first connection
// (a check) through to the real server and sends the data connection to an impostor (a second
// server whose certificate is from the same CA but for another name) is refused as well: the
// data connection verifies the certificate and the host name itself.
#include "database/DbConnection.h"
#include "database/ServerCheck.h"
#include "security/CertificateIssuer.h"
#include "security/SecureFile.h"

#include "TestUtil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace mysqlsync;
using namespace testsupport;

namespace {

QString tool(const QString &name)
{
    return QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
}

// A TCP relay on a thread of its own: the first connection goes to `first`, every later one
// to `later` (a man in the middle that lets a check through and intercepts what follows).
class Relay : public QThread {
public:
    Relay(quint16 first, quint16 later)
        : m_first(first)
        , m_later(later)
    { }
    ~Relay() override
    {
        quit();
        wait();
    }
    quint16 port()
    {
        while (m_port.load() == 0 && isRunning())
            QThread::msleep(5);
        return m_port.load();
    }
    int connections() const { return m_count.load(); }

protected:
    void run() override
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0))
            return;
        QObject::connect(&server, &QTcpServer::newConnection, &server, [&server, this] {
            while (QTcpSocket *in = server.nextPendingConnection()) {
                const quint16 target = m_count.fetch_add(1) == 0 ? m_first : m_later;
                auto *out = new QTcpSocket(in);
                QObject::connect(in, &QTcpSocket::readyRead, out, [in, out] { out->write(in->readAll()); });
                QObject::connect(out, &QTcpSocket::readyRead, in, [in, out] { in->write(out->readAll()); });
                QObject::connect(in, &QTcpSocket::disconnected, out, &QTcpSocket::disconnectFromHost);
                QObject::connect(out, &QTcpSocket::disconnected, in, &QTcpSocket::disconnectFromHost);
                QObject::connect(in, &QTcpSocket::disconnected, in, &QObject::deleteLater);
                out->connectToHost(QHostAddress::LocalHost, target);
            }
        });
        m_port.store(server.serverPort());
        exec();
    }

private:
    quint16 m_first, m_later;
    std::atomic<quint16> m_port{0};
    std::atomic<int> m_count{0};
};

} // namespace

class TestDbTls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void verifiedAndEncrypted();
    void refused_data();
    void refused();
    void verificationOff();
    void impostorBehindTheCheck();
    void serverWithoutTls();

private:
    bool startServer(bool tls);
    bool startServer(QProcess &server, const QString &name, bool tls, int *port);
    void stopServer();
    MysqlConfig config(const QString &host, const QString &ca) const;

    QTemporaryDir m_dir;
    QProcess m_server;
    QProcess m_impostor;
    int m_port = 0;
    int m_impostorPort = 0;
    QString m_otherCa;
};

bool TestDbTls::startServer(bool tls)
{
    return startServer(m_server, QString(), tls, &m_port);
}

// `name` "" is the real server (files data, server.crt, ...); "impostor" the second one
// (impostor-data, impostor-server.crt, ...).
bool TestDbTls::startServer(QProcess &server, const QString &name, bool tls, int *port)
{
    const QString prefix = name.isEmpty() ? QString() : name + QLatin1Char('-');
    *port = freePort();
    QStringList args{QStringLiteral("--no-defaults"),
                     QStringLiteral("--user=root"),
                     QStringLiteral("--datadir=") + m_dir.filePath(prefix + QStringLiteral("data")),
                     QStringLiteral("--port=%1").arg(*port),
                     QStringLiteral("--bind-address=127.0.0.1"),
                     QStringLiteral("--socket=") + m_dir.filePath(prefix + QStringLiteral("mysql.sock")),
                     QStringLiteral("--pid-file=") + m_dir.filePath(prefix + QStringLiteral("mysql.pid")),
                     QStringLiteral("--skip-grant-tables"),
                     QStringLiteral("--skip-log-bin"),
                     QStringLiteral("--skip-name-resolve"),
                     QStringLiteral("--innodb-buffer-pool-size=16M"),
                     QStringLiteral("--performance-schema=OFF"),
                     QStringLiteral("--log-error=") + m_dir.filePath(prefix + QStringLiteral("err.log"))};
    if (tls)
        args << QStringLiteral("--ssl-ca=") + m_dir.filePath(QStringLiteral("ca.crt"))
             << QStringLiteral("--ssl-cert=") + m_dir.filePath(prefix + QStringLiteral("server.crt"))
             << QStringLiteral("--ssl-key=") + m_dir.filePath(prefix + QStringLiteral("server.key"));
    server.start(tool(QStringLiteral("mariadbd")), args);
    if (!server.waitForStarted(10000))
        return false;
    for (int i = 0; i < 600; ++i) {
        if (server.state() != QProcess::Running)
            return false;
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, quint16(*port));
        if (s.waitForConnected(200) && s.waitForReadyRead(2000))
            return true;
        QTest::qWait(100);
    }
    return false;
}

void TestDbTls::stopServer()
{
    for (QProcess *server : {&m_server, &m_impostor}) {
        if (server->state() == QProcess::Running) {
            server->terminate();
            if (!server->waitForFinished(30000))
                server->kill();
            server->waitForFinished(5000);
        }
    }
}

void TestDbTls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!tool(QStringLiteral("mariadbd")).isEmpty(), "mariadbd not found (scripts/setup.sh installs it)");
    QString error;
    const PemPair ca = CertificateIssuer::createAuthority(QStringLiteral("db CA"), {}, &error);
    const PemPair server = CertificateIssuer::issueServer(ca, {QStringLiteral("127.0.0.1")}, {}, &error);
    const PemPair other = CertificateIssuer::createAuthority(QStringLiteral("other CA"), {}, &error);
    // The impostor's certificate comes from the same CA, for another name.
    const PemPair impostor = CertificateIssuer::issueServer(ca, {QStringLiteral("db.other.example")}, {}, &error);
    QVERIFY2(!ca.isNull() && !server.isNull() && !other.isNull() && !impostor.isNull(), qPrintable(error));
    QVERIFY(SecureFile::write(m_dir.filePath(QStringLiteral("impostor-server.crt")), impostor.certificate, 0644, true,
                              &error));
    QVERIFY(SecureFile::write(m_dir.filePath(QStringLiteral("impostor-server.key")), impostor.key, 0600, true, &error));
    QVERIFY(SecureFile::write(m_dir.filePath(QStringLiteral("ca.crt")), ca.certificate, 0644, true, &error));
    QVERIFY(SecureFile::write(m_dir.filePath(QStringLiteral("server.crt")), server.certificate, 0644, true, &error));
    QVERIFY(SecureFile::write(m_dir.filePath(QStringLiteral("server.key")), server.key, 0600, true, &error));
    m_otherCa = m_dir.filePath(QStringLiteral("other-ca.crt"));
    QVERIFY(SecureFile::write(m_otherCa, other.certificate, 0644, true, &error));

    QProcess install;
    install.setProcessChannelMode(QProcess::MergedChannels);
    install.start(tool(QStringLiteral("mariadb-install-db")),
                  {QStringLiteral("--no-defaults"), QStringLiteral("--user=root"),
                   QStringLiteral("--datadir=") + m_dir.filePath(QStringLiteral("data")),
                   QStringLiteral("--skip-test-db"), QStringLiteral("--auth-root-authentication-method=normal")});
    QVERIFY(install.waitForFinished(180000));
    QVERIFY2(install.exitCode() == 0, install.readAll().constData());
    QVERIFY(QProcess::execute(QStringLiteral("cp"),
                              {QStringLiteral("-a"), m_dir.filePath(QStringLiteral("data")),
                               m_dir.filePath(QStringLiteral("impostor-data"))})
            == 0);
    QVERIFY2(startServer(true),
             qPrintable(QStringLiteral("MariaDB did not start; see ") + m_dir.filePath(QStringLiteral("err.log"))));
}

void TestDbTls::cleanupTestCase()
{
    stopServer();
}

MysqlConfig TestDbTls::config(const QString &host, const QString &ca) const
{
    MysqlConfig c;
    c.host = host;
    c.port = m_port;
    c.user = QStringLiteral("root");
    c.database = QStringLiteral("mysql");
    c.connectTimeoutMs = 5000;
    c.sslEnabled = true;
    c.ssl.ca = ca;
    return c;
}

void TestDbTls::verifiedAndEncrypted()
{
    DbConnection db(config(QStringLiteral("127.0.0.1"), m_dir.filePath(QStringLiteral("ca.crt"))),
                    QStringLiteral("tls-ok"));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    QSqlQuery q(db.db());
    QVERIFY(q.exec(QStringLiteral("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) && q.next());
    QVERIFY2(!q.value(1).toString().isEmpty(), "the session is not encrypted");
}

void TestDbTls::refused_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("otherCa");
    QTest::addColumn<QString>("expected");
    QTest::newRow("another CA") << "127.0.0.1" << true
                                << "over TLS: the database server's certificate is not signed by";
    QTest::newRow("host name not in the certificate") << "localhost" << false
                                                      << "over TLS: the database server's certificate is not issued "
                                                         "for \"localhost\" (it names 127.0.0.1): connect to "
                                                         "one of those names (mysqlConfig.host)";
}

void TestDbTls::refused()
{
    QFETCH(QString, host);
    QFETCH(bool, otherCa);
    QFETCH(QString, expected);
    DbConnection db(config(host, otherCa ? m_otherCa : m_dir.filePath(QStringLiteral("ca.crt"))),
                    QStringLiteral("tls-refused"));
    QString error;
    QVERIFY(!db.open(&error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    if (otherCa)
        QVERIFY2(error.contains(QStringLiteral("(mysqlConfig.ssl.ca)")), qPrintable(error));
    QVERIFY(!db.isOpen());
    // The data connection refuses it by itself, without the check beforehand.
    const ServerCheck passed;
    QVERIFY(!db.open(&error, {}, &passed));
    QVERIFY2(error.contains(QStringLiteral("the data connection's TLS handshake was refused")), qPrintable(error));
    QVERIFY(!db.isOpen());
}

void TestDbTls::verificationOff()
{
    MysqlConfig c = config(QStringLiteral("127.0.0.1"), m_otherCa);
    c.ssl.rejectUnauthorized = false;
    DbConnection db(c, QStringLiteral("tls-noverify"));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    // Not verified, but encrypted all the same.
    QSqlQuery q(db.db());
    QVERIFY(q.exec(QStringLiteral("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) && q.next());
    QVERIFY(!q.value(1).toString().isEmpty());
}

void TestDbTls::impostorBehindTheCheck()
{
    QVERIFY2(startServer(m_impostor, QStringLiteral("impostor"), true, &m_impostorPort),
             qPrintable(QStringLiteral("the impostor did not start; see ")
                        + m_dir.filePath(QStringLiteral("impostor-err.log"))));
    // The impostor alone is refused (host name) ...
    {
        MysqlConfig c = config(QStringLiteral("127.0.0.1"), m_dir.filePath(QStringLiteral("ca.crt")));
        c.port = m_impostorPort;
        DbConnection db(c, QStringLiteral("tls-impostor-direct"));
        QString error;
        QVERIFY(!db.open(&error));
        QVERIFY2(error.contains(QStringLiteral("is not issued for \"127.0.0.1\"")), qPrintable(error));
    }
    // ... and so is the data connection the relay sends to it after a first connection to the
    // real server.
    Relay relay{quint16(m_port), quint16(m_impostorPort)};
    relay.start();
    MysqlConfig c = config(QStringLiteral("127.0.0.1"), m_dir.filePath(QStringLiteral("ca.crt")));
    c.port = relay.port();
    QVERIFY(c.port != 0);
    DbConnection db(c, QStringLiteral("tls-impostor"));
    QString error;
    const bool opened = db.open(&error);
    QString where;
    if (opened) {
        QSqlQuery q(db.db());
        if (q.exec(QStringLiteral("SELECT @@port")) && q.next())
            where = q.value(0).toString();
    }
    QVERIFY2(!opened,
             qPrintable(
                 QStringLiteral("the data connection was opened to the server on port %1 (the impostor is on %2) "
                                "after %3 connection(s) through the relay")
                     .arg(where)
                     .arg(m_impostorPort)
                     .arg(relay.connections())));
    QVERIFY2(relay.connections() >= 2, qPrintable(error)); // a check, then the data connection
    QVERIFY2(error.contains(QStringLiteral("the data connection's TLS handshake was refused")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("something between this host and the database server answers for it")),
             qPrintable(error));
    qInfo().noquote() << error;
    QVERIFY(!db.isOpen());
    m_impostor.terminate();
    QVERIFY(m_impostor.waitForFinished(30000));
}

void TestDbTls::serverWithoutTls()
{
    stopServer();
    QVERIFY(startServer(false));
    DbConnection db(config(QStringLiteral("127.0.0.1"), m_dir.filePath(QStringLiteral("ca.crt"))),
                    QStringLiteral("tls-none"));
    QString error;
    QVERIFY(!db.open(&error));
    QVERIFY2(error.contains(QStringLiteral("the database server does not offer TLS")), qPrintable(error));
    // Without verification the probe is skipped; the session must still be encrypted.
    MysqlConfig c = config(QStringLiteral("127.0.0.1"), m_dir.filePath(QStringLiteral("ca.crt")));
    c.ssl.rejectUnauthorized = false;
    DbConnection plain(c, QStringLiteral("tls-none-noverify"));
    QVERIFY(!plain.open(&error));
    QVERIFY2(error.contains(
                 QStringLiteral("mysqlConfig.ssl is set but the connection to the database")
                 + QStringLiteral(" root@127.0.0.1:%1/mysql is not encrypted (Ssl_cipher is empty)").arg(m_port)),
             qPrintable(error));
}

QTEST_GUILESS_MAIN(TestDbTls)
#include "tst_dbtls.moc"
