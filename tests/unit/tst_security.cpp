// core/security without servers: Mosquitto password hashes (also against one written by
// mosquitto_passwd at test time), certificates (SANs, CN, validity, key match, CA signature),
// the ACL and mosquitto.conf text, secret references in the configuration and their
// resolution from the environment and from files, and certificate expiry notices.
#include "config/Config.h"
#include "security/CertificateExpiry.h"
#include "security/CertificateInfo.h"
#include "security/CertificateIssuer.h"
#include "security/MosquittoFiles.h"
#include "security/MosquittoPassword.h"
#include "security/RandomSecret.h"
#include "security/SecretResolver.h"
#include "security/SecureFile.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace mysqlsync;

class TestSecurity : public QObject {
    Q_OBJECT
private slots:
    void passwordHashFormat();
    void passwordVerify();
    void passwordAgainstMosquittoPasswd();
    void randomPasswords();
    void authority();
    void serverCertificateSans();
    void clientCertificate();
    void otherCaDoesNotVerify();
    void invalidInput();
    void aclText();
    void confText();
    void secureFileModes();
    void secretReferencesParse();
    void secretReferencesResolve();
    void expiryNotices();
};

void TestSecurity::passwordHashFormat()
{
    const QString h = MosquittoPassword::hash(QStringLiteral("secret"));
    const QStringList parts = h.split(QLatin1Char('$'));
    QCOMPARE(parts.size(), 5);
    QCOMPARE(parts[1], QStringLiteral("7"));
    QCOMPARE(parts[2], QStringLiteral("101"));
    QCOMPARE(QByteArray::fromBase64(parts[3].toLatin1()).size(), 12);
    QCOMPARE(QByteArray::fromBase64(parts[4].toLatin1()).size(), 64);
    // A fresh salt each time.
    QVERIFY(h != MosquittoPassword::hash(QStringLiteral("secret")));
    // Known answer: PBKDF2-HMAC-SHA512("password", "salt", 1) (RFC-style test vector, first 16 bytes).
    const QString known = MosquittoPassword::hash(QStringLiteral("password"), QByteArray("salt"), 1);
    const QByteArray digest = QByteArray::fromBase64(known.section(QLatin1Char('$'), 4).toLatin1());
    QCOMPARE(digest.left(16).toHex(), QByteArray("867f70cf1ade02cff3752599a3a53dc4"));
    QVERIFY(MosquittoPassword::entry(QStringLiteral("site_a"), QStringLiteral("x"))
                .startsWith(QStringLiteral("site_a:$7$101$")));
}

void TestSecurity::passwordVerify()
{
    const QString h = MosquittoPassword::hash(QStringLiteral("right one"));
    QVERIFY(MosquittoPassword::verify(h, QStringLiteral("right one")));
    QVERIFY(!MosquittoPassword::verify(h, QStringLiteral("right on")));
    QVERIFY(!MosquittoPassword::verify(h, QString()));
    QVERIFY(MosquittoPassword::verify(QStringLiteral("user:") + h, QStringLiteral("right one")));
    QVERIFY(!MosquittoPassword::parse(QStringLiteral("$6$abc$def"), nullptr));
    QVERIFY(!MosquittoPassword::parse(QStringLiteral("$7$x$abc$def"), nullptr));
}

void TestSecurity::passwordAgainstMosquittoPasswd()
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("mosquitto_passwd"));
    QVERIFY2(!tool.isEmpty(), "mosquitto_passwd is not installed (package mosquitto)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("pw"));
    QProcess p;
    p.start(tool,
            {QStringLiteral("-c"), QStringLiteral("-b"), file, QStringLiteral("alice"),
             QStringLiteral("Sesam öffne dich")});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 0);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString line = QString::fromUtf8(f.readAll()).trimmed();
    QVERIFY2(line.startsWith(QStringLiteral("alice:$7$")), qPrintable(line));
    MosquittoHash parsed;
    QVERIFY(MosquittoPassword::parse(line, &parsed));
    QCOMPARE(parsed.hash.size(), 64);
    QVERIFY(MosquittoPassword::verify(line, QStringLiteral("Sesam öffne dich")));
    QVERIFY(!MosquittoPassword::verify(line, QStringLiteral("Sesam offne dich")));
    // Our hash of the same password with its salt and iterations is the same text.
    QCOMPARE(QStringLiteral("alice:")
                 + MosquittoPassword::hash(QStringLiteral("Sesam öffne dich"), parsed.salt, parsed.iterations),
             line);
}

void TestSecurity::randomPasswords()
{
    const QString a = RandomSecret::password(32);
    const QString b = RandomSecret::password(32);
    QCOMPARE(a.size(), 32);
    QVERIFY(a != b);
    for (QChar c : a)
        QVERIFY(c.isLetterOrNumber() && c.unicode() < 128);
}

void TestSecurity::authority()
{
    QString error;
    Validity v;
    v.days = 3650;
    const PemPair ca = CertificateIssuer::createAuthority(QStringLiteral("Test CA"), v, &error);
    QVERIFY2(!ca.isNull(), qPrintable(error));
    const CertificateInfo info = CertificateInfo::fromPem(ca.certificate);
    QVERIFY(info.isValid());
    QVERIFY(info.isAuthority());
    QCOMPARE(info.commonName(), QStringLiteral("Test CA"));
    QVERIFY(info.isSignedBy(ca.certificate)); // self-signed
    QVERIFY(info.matchesKey(ca.key));
    QVERIFY(info.daysUntilExpiry() >= 3649 && info.daysUntilExpiry() <= 3650);
    QVERIFY(ca.key.startsWith("-----BEGIN PRIVATE KEY-----"));
}

void TestSecurity::serverCertificateSans()
{
    QString error;
    const PemPair ca = CertificateIssuer::createAuthority(QStringLiteral("CA"), {}, &error);
    Validity v;
    v.days = 30;
    const PemPair server =
        CertificateIssuer::issueServer(ca,
                                       {QStringLiteral("broker.example.org"), QStringLiteral("localhost"),
                                        QStringLiteral("127.0.0.1"), QStringLiteral("::1")},
                                       v, &error);
    QVERIFY2(!server.isNull(), qPrintable(error));
    const CertificateInfo info = CertificateInfo::fromPem(server.certificate);
    QCOMPARE(info.commonName(), QStringLiteral("broker.example.org"));
    QCOMPARE(info.dnsNames(), (QStringList{QStringLiteral("broker.example.org"), QStringLiteral("localhost")}));
    QCOMPARE(info.ipAddresses(), (QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("::1")}));
    QVERIFY(!info.isAuthority());
    QVERIFY(info.isSignedBy(ca.certificate));
    QVERIFY(info.matchesKey(server.key));
    QVERIFY(!info.matchesKey(ca.key));
    QCOMPARE(info.issuerCommonName(), QStringLiteral("CA"));
    QVERIFY(info.daysUntilExpiry() == 29 || info.daysUntilExpiry() == 30);
    QVERIFY(info.notBefore() <= QDateTime::currentDateTimeUtc());
}

void TestSecurity::clientCertificate()
{
    QString error;
    const PemPair ca = CertificateIssuer::createAuthority(QStringLiteral("CA"), {}, &error);
    const PemPair client = CertificateIssuer::issueClient(ca, QStringLiteral("site_a"), {}, &error);
    QVERIFY2(!client.isNull(), qPrintable(error));
    const CertificateInfo info = CertificateInfo::fromPem(client.certificate);
    QCOMPARE(info.commonName(), QStringLiteral("site_a"));
    QVERIFY(info.dnsNames().isEmpty());
    QVERIFY(info.isSignedBy(ca.certificate));
    QVERIFY(info.matchesKey(client.key));
    // An expired one, for the expiry checks.
    Validity past;
    past.days = 1;
    past.startOffsetSeconds = -10 * 86400;
    const CertificateInfo expired =
        CertificateInfo::fromPem(CertificateIssuer::issueClient(ca, QStringLiteral("old"), past, &error).certificate);
    QVERIFY(expired.daysUntilExpiry() < 0);
}

void TestSecurity::otherCaDoesNotVerify()
{
    QString error;
    const PemPair ca1 = CertificateIssuer::createAuthority(QStringLiteral("CA"), {}, &error);
    const PemPair ca2 = CertificateIssuer::createAuthority(QStringLiteral("CA"), {}, &error); // same name, other key
    const PemPair client = CertificateIssuer::issueClient(ca1, QStringLiteral("site_a"), {}, &error);
    const CertificateInfo info = CertificateInfo::fromPem(client.certificate);
    QVERIFY(info.isSignedBy(ca1.certificate));
    QVERIFY(!info.isSignedBy(ca2.certificate));
    // A CA key that does not belong to the CA certificate is refused.
    PemPair mixed{ca1.certificate, ca2.key};
    QVERIFY(CertificateIssuer::issueClient(mixed, QStringLiteral("x"), {}, &error).isNull());
    QVERIFY(error.contains(QStringLiteral("does not belong")));
}

void TestSecurity::invalidInput()
{
    QString error;
    Validity bad;
    bad.days = 0;
    QVERIFY(CertificateIssuer::createAuthority(QStringLiteral("CA"), bad, &error).isNull());
    QVERIFY(error.contains(QStringLiteral("days")));
    const PemPair ca = CertificateIssuer::createAuthority(QStringLiteral("CA"), {}, &error);
    QVERIFY(CertificateIssuer::issueServer(ca, {}, {}, &error).isNull());
    QVERIFY(CertificateIssuer::issueServer(ca, {QStringLiteral("a b")}, {}, &error).isNull());
    QVERIFY(!CertificateInfo::fromPem("not pem").isValid());
}

void TestSecurity::aclText()
{
    const QString acl = MosquittoAcl::text({QStringLiteral("site_a"), QStringLiteral("site_b")});
    const QString blockA = acl.section(QStringLiteral("user site_a\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
    QCOMPARE(blockA,
             QStringLiteral("topic write /info\ntopic write /info/+\ntopic write /change/+\n"
                            "topic read /info\ntopic read /info/site_a\ntopic read /change/site_a\n"
                            "topic write /mysql-sync/site_a/#\n"
                            "topic read /mysql-sync/+/hello\n"
                            "topic read /mysql-sync/+/batch/site_a\n"
                            "topic read /mysql-sync/+/receipts/site_a\n"
                            "topic read /mysql-sync/+/verify/site_a"));
    const QString blockB = acl.section(QStringLiteral("user site_b\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
    QVERIFY(blockB.contains(QStringLiteral("topic read /change/site_b\n")));
    QVERIFY(blockB.contains(QStringLiteral("topic write /mysql-sync/site_b/#\n")));
    QVERIFY(blockB.contains(QStringLiteral("topic read /mysql-sync/+/batch/site_b\n")));
    QVERIFY(blockB.contains(QStringLiteral("topic read /mysql-sync/+/receipts/site_b\n")));
    QVERIFY(blockB.endsWith(QStringLiteral("topic read /mysql-sync/+/verify/site_b\n")));
    QCOMPARE(acl.count(QStringLiteral("topic read /change/")), 2);
    QVERIFY(!acl.contains(QStringLiteral("topic read /change/+")));
    QVERIFY(!acl.contains(QStringLiteral("pattern")));
    // The extension channel is sender-bound: each login writes only under its own name, and
    // nobody may write or read all of it.
    QCOMPARE(acl.count(QStringLiteral("topic write /mysql-sync/")), 2);
    QVERIFY(!acl.contains(QStringLiteral("topic write /mysql-sync/+")));
    QVERIFY(!acl.contains(QStringLiteral("/mysql-sync/#")));
    QVERIFY(!acl.contains(QStringLiteral("topic read /mysql-sync/+/batch/+")));
    QVERIFY(!acl.contains(QStringLiteral("topic read /mysql-sync/+/receipts/+")));
    QVERIFY(!acl.contains(QStringLiteral("topic read /mysql-sync/+/verify/+")));
    QVERIFY(!acl.contains(QStringLiteral("readwrite")));
    // The header says why the per-row topics cannot be bound to their sender.
    QVERIFY(acl.startsWith(QStringLiteral("# ")));
    QVERIFY(acl.contains(QStringLiteral("cannot be bound to their sender")));
}

void TestSecurity::confText()
{
    MosquittoConfOptions o;
    o.listeners = {MosquittoListener{18883, QStringLiteral("127.0.0.1"), false},
                   MosquittoListener{18884, QString(), true}};
    o.caFile = QStringLiteral("/d/ca.crt");
    o.certFile = QStringLiteral("/d/server.crt");
    o.keyFile = QStringLiteral("/d/server.key");
    o.passwordFile = QStringLiteral("/d/passwordfile");
    o.aclFile = QStringLiteral("/d/acl");
    const QString conf = MosquittoConf::text(o);
    for (const char *line : {"allow_anonymous false\n", "password_file /d/passwordfile\n", "acl_file /d/acl\n",
                             "listener 18883 127.0.0.1\n", "listener 18884\nprotocol websockets\n",
                             "cafile /d/ca.crt\n", "certfile /d/server.crt\n", "keyfile /d/server.key\n",
                             "require_certificate true\n", "use_identity_as_username false\n", "tls_version tlsv1.2\n",
                             "use_username_as_clientid true\n", "retain_available false\n"})
        QVERIFY2(conf.contains(QLatin1String(line)), line);
    QCOMPARE(conf.count(QStringLiteral("require_certificate true")), 2);
}

void TestSecurity::secureFileModes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("k"));
    QString error;
    QVERIFY(SecureFile::write(path, "key", 0600, false, &error));
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
    QVERIFY(!SecureFile::write(path, "again", 0600, false, &error));
    QVERIFY(error.contains(QStringLiteral("already exists")));
    QVERIFY(SecureFile::write(path, "again", 0600, true, &error));
    QString why;
    QVERIFY(SecureFile::isOwnerOnly(path, &why));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    QVERIFY(!SecureFile::isOwnerOnly(path, &why));
    QVERIFY2(why.contains(QStringLiteral("chmod 600")), qPrintable(why));
}

void TestSecurity::secretReferencesParse()
{
    auto parse = [](const QByteArray &mqttPassword, Config *c, QString *error) {
        const QByteArray json = R"({"mqttConfig": {"password": )" + mqttPassword + R"(},
            "mysqlConfig": {"database": "d", "password": "plain"}, "syncTables": [], "receiveTables": [],
            "clientName": "site_a", "remoteClients": ["site_b"], "queueDirectory": "q", "checkInterval": 1000})";
        return ConfigLoader::parse(json, QStringLiteral("/tmp/x/site.json"), c, error);
    };
    Config c;
    QString error;
    QVERIFY2(parse(R"("pw")", &c, &error), qPrintable(error));
    QCOMPARE(c.mqtt.password, QStringLiteral("pw"));
    QVERIFY(!c.mqtt.passwordRef.isReference());
    QCOMPARE(c.mysql.password, QStringLiteral("plain"));
    QVERIFY2(parse(R"({"keychain": "site_a-broker"})", &c, &error), qPrintable(error));
    QCOMPARE(c.mqtt.passwordRef.kind, SecretRef::Kind::Keychain);
    QCOMPARE(c.mqtt.passwordRef.name, QStringLiteral("site_a-broker"));
    QCOMPARE(c.mqtt.passwordRef.service, QStringLiteral("mysql-sync"));
    QCOMPARE(c.mqtt.passwordRef.key, QStringLiteral("mqttConfig.password"));
    QVERIFY(c.mqtt.password.isEmpty());
    QVERIFY2(parse(R"({"env": "BROKER_PW"})", &c, &error), qPrintable(error));
    QCOMPARE(c.mqtt.passwordRef.kind, SecretRef::Kind::Env);
    QVERIFY2(parse(R"({"file": "secret/pw"})", &c, &error), qPrintable(error));
    QCOMPARE(c.mqtt.passwordRef.kind, SecretRef::Kind::File);
    QCOMPARE(c.mqtt.passwordRef.name, QStringLiteral("/tmp/x/secret/pw"));
    QVERIFY(!parse(R"({"vault": "x"})", &c, &error));
    QVERIFY2(error.contains(QStringLiteral("mqttConfig.password: expected a string or one of")), qPrintable(error));
    QVERIFY(!parse(R"({"env": "X", "file": "y"})", &c, &error));
    QVERIFY2(error.contains(QStringLiteral("unknown key \"mqttConfig.password.file\"")), qPrintable(error));
    QVERIFY(!parse(R"(42)", &c, &error));
    QVERIFY2(error.contains(QStringLiteral("got a number")), qPrintable(error)); // secret: type only
}

void TestSecurity::secretReferencesResolve()
{
    QTemporaryDir dir;
    QString error;
    QString out;
    SecretRef env{SecretRef::Kind::Env,
                  QStringLiteral("MYSQL_SYNC_TEST_SECRET_X"),
                  {},
                  QStringLiteral("mqttConfig.password")};
    qunsetenv("MYSQL_SYNC_TEST_SECRET_X");
    QVERIFY(!SecretResolver::resolve(env, &out, &error));
    QCOMPARE(error,
             QStringLiteral("mqttConfig.password: the environment variable MYSQL_SYNC_TEST_SECRET_X is not set "
                            "(it should hold the password)"));
    qputenv("MYSQL_SYNC_TEST_SECRET_X", "from-env");
    QVERIFY2(SecretResolver::resolve(env, &out, &error), qPrintable(error));
    QCOMPARE(out, QStringLiteral("from-env"));

    const QString path = dir.filePath(QStringLiteral("pw"));
    SecretRef file{SecretRef::Kind::File, path, {}, QStringLiteral("mysqlConfig.password")};
    QVERIFY(!SecretResolver::resolve(file, &out, &error));
    QVERIFY2(error.startsWith(QStringLiteral("mysqlConfig.password: refusing the password file: cannot read")),
             qPrintable(error));
    QVERIFY(SecureFile::write(path, "from-file\n", 0644, false, &error));
    QVERIFY(!SecretResolver::resolve(file, &out, &error));
    QVERIFY2(error.contains(QStringLiteral("can be read by other users (mode 0644)")), qPrintable(error));
    QVERIFY(!error.contains(QStringLiteral("from-file")));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY2(SecretResolver::resolve(file, &out, &error), qPrintable(error));
    QCOMPARE(out, QStringLiteral("from-file"));

    Config config;
    config.filePath = QStringLiteral("/etc/site.json");
    config.mqtt.passwordRef = env;
    config.mysql.passwordRef = file;
    QVERIFY(SecretResolver::resolve(&config, &error));
    QCOMPARE(config.mqtt.password, QStringLiteral("from-env"));
    QCOMPARE(config.mysql.password, QStringLiteral("from-file"));
    qunsetenv("MYSQL_SYNC_TEST_SECRET_X");
    QVERIFY(!SecretResolver::resolve(&config, &error));
    QVERIFY(error.startsWith(QStringLiteral("/etc/site.json: mqttConfig.password: the environment variable")));

    // The transformers' database password (mysqlConfig.transformerPassword) resolves the same
    // way, and its errors name its key.
    qputenv("MYSQL_SYNC_TEST_SECRET_X", "from-env");
    config.mysql.transformerUser = QStringLiteral("reader");
    config.mysql.transformerPasswordRef = {SecretRef::Kind::Env,
                                           QStringLiteral("MYSQL_SYNC_TEST_READER_PW"),
                                           {},
                                           QStringLiteral("mysqlConfig.transformerPassword")};
    qunsetenv("MYSQL_SYNC_TEST_READER_PW");
    QVERIFY(!SecretResolver::resolve(&config, &error));
    QCOMPARE(error,
             QStringLiteral("/etc/site.json: mysqlConfig.transformerPassword: the environment variable "
                            "MYSQL_SYNC_TEST_READER_PW is not set (it should hold the password)"));
    qputenv("MYSQL_SYNC_TEST_READER_PW", "reader-pw");
    QVERIFY2(SecretResolver::resolve(&config, &error), qPrintable(error));
    QCOMPARE(config.mysql.transformerPassword, QStringLiteral("reader-pw"));
    QCOMPARE(config.mysql.forTransformers().password, QStringLiteral("reader-pw"));
    QCOMPARE(config.mysql.password, QStringLiteral("from-file"));
    qunsetenv("MYSQL_SYNC_TEST_READER_PW");
    qunsetenv("MYSQL_SYNC_TEST_SECRET_X");
}

void TestSecurity::expiryNotices()
{
    QTemporaryDir dir;
    QString error;
    Validity caValidity;
    caValidity.days = 20;
    const PemPair ca = CertificateIssuer::createAuthority(QStringLiteral("CA"), caValidity, &error);
    const PemPair client = CertificateIssuer::issueClient(ca, QStringLiteral("site_a"), {}, &error);
    QVERIFY(SecureFile::write(dir.filePath(QStringLiteral("ca.crt")), ca.certificate, 0644, false, &error));
    QVERIFY(SecureFile::write(dir.filePath(QStringLiteral("c.crt")), client.certificate, 0644, false, &error));
    Config config;
    config.mqtt.tls.ca = dir.filePath(QStringLiteral("ca.crt"));
    config.mqtt.tls.cert = dir.filePath(QStringLiteral("c.crt"));
    QList<ExpiryNotice> notices = CertificateExpiry::check(config);
    QCOMPARE(notices.size(), 1); // the CA (20 days), not the client certificate (825 days)
    QCOMPARE(notices[0].key, QStringLiteral("mqttConfig.ca"));
    QVERIFY(notices[0].daysLeft == 19 || notices[0].daysLeft == 20);
    QVERIFY2(notices[0].message().contains(QStringLiteral("expires in 19 days"))
                 || notices[0].message().contains(QStringLiteral("expires in 20 days")),
             qPrintable(notices[0].message()));
    notices = CertificateExpiry::check(config, 30, QDateTime::currentDateTimeUtc().addDays(900));
    QCOMPARE(notices.size(), 2);
    QVERIFY(notices[1].message().contains(QStringLiteral("expired on")));
    QVERIFY(CertificateExpiry::check(config, 10).isEmpty());
    // A PostgreSQL site's database CA (issue 17) is watched as mysqlConfig.ssl's is.
    Config pg;
    pg.databaseKind = DatabaseKind::Postgres;
    pg.postgres.tlsEnabled = true;
    pg.postgres.tls.ca = dir.filePath(QStringLiteral("ca.crt"));
    notices = CertificateExpiry::check(pg);
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices[0].key, QStringLiteral("postgresConfig.tls.ca"));

    ExpiryMonitor monitor(config);
    QStringList warnings;
    connect(&monitor, &ExpiryMonitor::warning, this, [&](const QString &w) { warnings << w; });
    monitor.start(100);
    QCOMPARE(warnings.size(), 1);                         // at once
    QTRY_VERIFY_WITH_TIMEOUT(warnings.size() >= 2, 5000); // and again on its timer
}

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
