// Sender-bound topics (issue 13): a real Mosquitto of this test's own, run with exactly the
// files BrokerSetup (what `mysql-sync setup-broker` and the wizard call) writes for three sites,
// its TLS listener, password file and ACL. Through mosquitto_pub / mosquitto_sub with each
// site's certificate and password:
//   - a site's messages on the extension channel under its own name reach their addressee;
//   - site_c cannot speak for site_a there: a batch, a receipt batch or an announcement it
//     publishes under site_a's name is never delivered;
//   - site_c's subscription to another site's batches (or to all of /mysql-sync/#) yields
//     only the announcements, never a batch or receipts meant for someone else;
//   - the per-row topics, which name no sender, stay open to every site (the limit the
//     threat model states).
// Each negative check publishes the forged message, then a legitimate marker with the same
// login that the subscriber does receive: the broker delivers to one subscriber in order, so
// once the marker is in, the forged message would have been too.
#include "Mqtt.h"
#include "TestUtil.h"
#include "WaitUntil.h"

#include "security/BrokerSetup.h"
#include "security/MosquittoFiles.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace testsupport;

namespace {

QString unique(const char *what)
{
    return QLatin1String(what) + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

} // namespace

class TestExtAcl : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void ownNameIsDelivered_data();
    void ownNameIsDelivered();
    void forgedSenderIsNotDelivered_data();
    void forgedSenderIsNotDelivered();
    void othersBatchesAreNotReadable();
    void perRowTopicsNameNoSender();

private:
    MqttEndpoint login(const QString &site) const;
    // mosquitto_pub as `site`; true when it connected and the broker acknowledged (QoS 1; an
    // MQTT 3.1.1 broker acknowledges a publish its ACL refuses, and drops it).
    bool publish(const QString &site, const QString &topic, const QString &payload) const;
    QByteArray brokerLog();
    // Lines of the broker's log "Denied PUBLISH from ID (…, 'TOPIC', ... (BYTES bytes))".
    int deniedCount(const QString &topic, qsizetype bytes);

    QTemporaryDir m_dir;
    QString m_out;
    int m_port = 0;
    QProcess m_broker;
    QByteArray m_brokerLog;
    // site_b listens on everything the engine subscribes to, and the per-row /change/site_b.
    std::unique_ptr<MqttSubscriber> m_siteB;
};

void TestExtAcl::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_out = m_dir.filePath(QStringLiteral("broker"));
    m_port = freePort();
    QVERIFY(m_port > 0);

    mysqlsync::BrokerSetupOptions o;
    o.outDir = m_out;
    o.brokerHosts = {QStringLiteral("127.0.0.1")};
    o.clients = {QStringLiteral("site_a"), QStringLiteral("site_b"), QStringLiteral("site_c")};
    o.port = m_port;
    o.bindAddress = QStringLiteral("127.0.0.1");
    o.days = 30;
    mysqlsync::BrokerSetupResult result;
    QString error;
    QVERIFY2(mysqlsync::BrokerSetup::run(o, &result, &error), qPrintable(error));
    // The broker runs with the ACL setup-broker writes, nothing else.
    QCOMPARE(QString::fromUtf8(readFile(m_out + QStringLiteral("/acl"))), mysqlsync::MosquittoAcl::text(o.clients));

    // The generated configuration as is, plus what a test run needs.
    const QString conf = m_dir.filePath(QStringLiteral("test-mosquitto.conf"));
    QFile f(conf);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(readFile(m_out + QStringLiteral("/mosquitto.conf")));
    f.write("\nuser root\nlog_dest stderr\nlog_type all\n");
    f.close();
    m_broker.setProcessChannelMode(QProcess::MergedChannels);
    const QString mosquitto = QStandardPaths::findExecutable(QStringLiteral("mosquitto"),
                                                             {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    QVERIFY2(!mosquitto.isEmpty(), "mosquitto is not installed");
    m_broker.start(mosquitto, {QStringLiteral("-c"), conf});
    QVERIFY(m_broker.waitForStarted(10000));
    QVERIFY2(waitUntil([&] { return m_broker.state() == QProcess::Running && brokerLog().contains(" running"); },
                       15000),
             m_brokerLog.constData());

    // site_a's messages to site_b are the probes: the broker takes the user name as the
    // client id, so a probe published as site_b would take over site_b's subscriber.
    m_siteB = std::make_unique<MqttSubscriber>(login(QStringLiteral("site_b")),
                                               QStringList{QStringLiteral("/mysql-sync/+/hello"),
                                                           QStringLiteral("/mysql-sync/+/batch/site_b"),
                                                           QStringLiteral("/mysql-sync/+/receipts/site_b"),
                                                           QStringLiteral("/mysql-sync/+/verify/site_b"),
                                                           QStringLiteral("/change/site_b")},
                                               login(QStringLiteral("site_a")),
                                               QStringLiteral("/mysql-sync/site_a/batch/site_b"));
    QVERIFY2(m_siteB->isReady(), m_siteB->errorOutput().constData());
}

void TestExtAcl::cleanupTestCase()
{
    m_siteB.reset();
    if (m_broker.state() == QProcess::Running) {
        m_broker.terminate();
        if (!m_broker.waitForFinished(10000))
            m_broker.kill();
    }
}

MqttEndpoint TestExtAcl::login(const QString &site) const
{
    const QString clients = m_out + QStringLiteral("/clients/");
    return MqttEndpoint(m_port,
                        {QStringLiteral("--cafile"), m_out + QStringLiteral("/ca.crt"), QStringLiteral("--cert"),
                         clients + site + QStringLiteral(".crt"), QStringLiteral("--key"),
                         clients + site + QStringLiteral(".key"), QStringLiteral("-u"), site, QStringLiteral("-P"),
                         QString::fromUtf8(readFile(clients + site + QStringLiteral(".password")).trimmed())});
}

bool TestExtAcl::publish(const QString &site, const QString &topic, const QString &payload) const
{
    return mqttPublish(login(site), topic, payload.toUtf8(), 1);
}

QByteArray TestExtAcl::brokerLog()
{
    m_brokerLog += m_broker.readAll();
    return m_brokerLog;
}

int TestExtAcl::deniedCount(const QString &topic, qsizetype bytes)
{
    const QByteArray tail = QStringLiteral(", '%1', ... (%2 bytes))").arg(topic).arg(bytes).toUtf8();
    int n = 0;
    for (const QByteArray &line : brokerLog().split('\n'))
        if (line.contains(": Denied PUBLISH from ") && line.endsWith(tail))
            ++n;
    return n;
}

void TestExtAcl::ownNameIsDelivered_data()
{
    QTest::addColumn<QString>("topic");
    QTest::newRow("batch") << "/mysql-sync/site_a/batch/site_b";
    QTest::newRow("receipts") << "/mysql-sync/site_a/receipts/site_b";
    QTest::newRow("verify") << "/mysql-sync/site_a/verify/site_b";
    QTest::newRow("hello") << "/mysql-sync/site_a/hello";
}

void TestExtAcl::ownNameIsDelivered()
{
    QFETCH(QString, topic);
    const QString payload = unique("own");
    QVERIFY(publish(QStringLiteral("site_a"), topic, payload));
    QVERIFY2(m_siteB->waitForLine(topic + QLatin1Char(' ') + payload, 15000), qPrintable(m_siteB->lines().join(u'\n')));
}

void TestExtAcl::forgedSenderIsNotDelivered_data()
{
    QTest::addColumn<QString>("forged"); // site_c in site_a's name
    QTest::addColumn<QString>("marker"); // site_c in its own name, to the same subscriber
    QTest::newRow("batch") << "/mysql-sync/site_a/batch/site_b"
                           << "/mysql-sync/site_c/batch/site_b";
    QTest::newRow("receipts") << "/mysql-sync/site_a/receipts/site_b"
                              << "/mysql-sync/site_c/receipts/site_b";
    QTest::newRow("verify") << "/mysql-sync/site_a/verify/site_b"
                            << "/mysql-sync/site_c/verify/site_b";
    QTest::newRow("hello") << "/mysql-sync/site_a/hello"
                           << "/mysql-sync/site_c/hello";
    // Another site's name at the sender's level, whatever follows.
    QTest::newRow("under site_a") << "/mysql-sync/site_a"
                                  << "/mysql-sync/site_c/hello";
    QTest::newRow("in site_b's name") << "/mysql-sync/site_b/batch/site_b"
                                      << "/mysql-sync/site_c/batch/site_b";
}

void TestExtAcl::forgedSenderIsNotDelivered()
{
    QFETCH(QString, forged);
    QFETCH(QString, marker);
    const QString forgedPayload = unique("forged");
    const QString markerPayload = unique("marker");
    const int deniedBefore = deniedCount(forged, forgedPayload.size());
    QVERIFY(publish(QStringLiteral("site_c"), forged, forgedPayload));
    QVERIFY(publish(QStringLiteral("site_c"), marker, markerPayload));
    QVERIFY2(m_siteB->waitForLine(marker + QLatin1Char(' ') + markerPayload, 15000),
             qPrintable(m_siteB->lines().join(u'\n')));
    QCOMPARE(m_siteB->count(forgedPayload), 0);
    // The broker says why.
    QVERIFY2(waitUntil([&] { return deniedCount(forged, forgedPayload.size()) > deniedBefore; }, 5000),
             brokerLog().right(3000).constData());
}

void TestExtAcl::othersBatchesAreNotReadable()
{
    // site_c asks for site_b's batches and receipts, and for the whole channel; Mosquitto may
    // grant the subscription, but it checks every delivery against the ACL.
    MqttSubscriber siteC(login(QStringLiteral("site_c")),
                         {QStringLiteral("/mysql-sync/+/batch/site_b"), QStringLiteral("/mysql-sync/+/receipts/site_b"),
                          QStringLiteral("/mysql-sync/#")},
                         login(QStringLiteral("site_a")), QStringLiteral("/mysql-sync/site_a/hello"));
    QVERIFY2(siteC.isReady(), siteC.errorOutput().constData());
    const QString batch = unique("batch-for-b");
    const QString receipts = unique("receipts-for-b");
    const QString hello = unique("hello");
    QVERIFY(publish(QStringLiteral("site_a"), QStringLiteral("/mysql-sync/site_a/batch/site_b"), batch));
    QVERIFY(publish(QStringLiteral("site_a"), QStringLiteral("/mysql-sync/site_a/receipts/site_b"), receipts));
    QVERIFY(publish(QStringLiteral("site_a"), QStringLiteral("/mysql-sync/site_a/hello"), hello));
    QVERIFY2(siteC.waitForLine(QStringLiteral("/mysql-sync/site_a/hello ") + hello, 15000),
             qPrintable(siteC.lines().join(u'\n')));
    // Both were published indeed: site_b got them.
    QVERIFY(m_siteB->waitForLine(batch, 15000));
    QVERIFY(m_siteB->waitForLine(receipts, 15000));
    QCOMPARE(siteC.count(batch), 0);
    QCOMPARE(siteC.count(receipts), 0);
    QCOMPARE(siteC.count(QStringLiteral("/batch/")), 0);
    QCOMPARE(siteC.count(QStringLiteral("/receipts/")), 0);
}

void TestExtAcl::perRowTopicsNameNoSender()
{
    // What the ACL cannot do for the per-row protocol: /change/site_b names only its
    // addressee, so site_c's change claiming to come from site_a reaches site_b.
    const QString payload = QStringLiteral("{\"sender\":\"site_a\",\"%1\":1}").arg(unique("per-row"));
    QVERIFY(publish(QStringLiteral("site_c"), QStringLiteral("/change/site_b"), payload));
    QVERIFY2(m_siteB->waitForLine(QStringLiteral("/change/site_b ") + payload, 15000),
             qPrintable(m_siteB->lines().join(u'\n')));
}

QTEST_GUILESS_MAIN(TestExtAcl)
#include "tst_extacl.moc"
