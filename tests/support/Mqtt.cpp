#include "Mqtt.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDebug>
#include <QElapsedTimer>
#include <QUuid>

#include "WaitUntil.h"

namespace testsupport {

bool mqttPublish(const MqttEndpoint &endpoint, const QString &topic, const QByteArray &payload, int qos, bool retain)
{
    QStringList args{QStringLiteral("-h"),           QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                     QString::number(endpoint.port), QStringLiteral("-t"),        topic,
                     QStringLiteral("-q"),           QString::number(qos)};
    args << endpoint.options;
    if (retain)
        args << QStringLiteral("-r");
    // -s: the whole of stdin is the message, any bytes; -n: a zero-length message.
    args << (payload.isEmpty() ? QStringLiteral("-n") : QStringLiteral("-s"));
    QProcess p;
    p.start(QStringLiteral("mosquitto_pub"), args);
    if (!p.waitForStarted(10000)) {
        qWarning().noquote() << "mqttPublish: cannot run mosquitto_pub (package mosquitto-clients):" << p.errorString();
        return false;
    }
    if (!payload.isEmpty())
        p.write(payload);
    p.closeWriteChannel();
    if (!p.waitForFinished(15000)) {
        p.kill();
        p.waitForFinished(5000);
        qWarning().noquote() << "mqttPublish: mosquitto_pub timed out publishing to" << topic;
        return false;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning().noquote() << "mqttPublish: mosquitto_pub to" << topic << "port" << endpoint.port
                             << "failed:" << p.readAllStandardError() << p.readAllStandardOutput();
        return false;
    }
    return true;
}

bool mqttPublishLines(const Servers &servers, const QString &topic, const QList<QByteArray> &payloads, int qos,
                      int timeoutMs)
{
    const QStringList args{QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                           QStringLiteral("-p"), QString::number(servers.mqttPort),
                           QStringLiteral("-t"), topic,
                           QStringLiteral("-q"), QString::number(qos),
                           QStringLiteral("-l")};
    QByteArray input;
    for (const QByteArray &p : payloads) {
        if (p.contains('\n') || p.isEmpty()) {
            qWarning().noquote() << "mqttPublishLines: a payload is empty or holds a newline";
            return false;
        }
        input += p;
        input += '\n';
    }
    QProcess p;
    p.start(QStringLiteral("mosquitto_pub"), args);
    if (!p.waitForStarted(10000)) {
        qWarning().noquote() << "mqttPublishLines: cannot run mosquitto_pub:" << p.errorString();
        return false;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        qWarning().noquote() << "mqttPublishLines: mosquitto_pub timed out publishing" << payloads.size()
                             << "messages to" << topic;
        return false;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning().noquote() << "mqttPublishLines: mosquitto_pub failed:" << p.readAllStandardError();
        return false;
    }
    return true;
}

MqttSubscriber::MqttSubscriber(const Servers &servers, const QStringList &topics, int qos, QObject *parent)
    : MqttSubscriber(servers, topics, servers,
                     QStringLiteral("testsupport/probe/") + QUuid::createUuid().toString(QUuid::WithoutBraces), qos,
                     parent)
{ }

MqttSubscriber::MqttSubscriber(const MqttEndpoint &login, const QStringList &topics, const MqttEndpoint &prober,
                               const QString &probeTopic, int qos, QObject *parent)
    : QObject(parent)
{
    m_probeTopic = probeTopic;
    const QByteArray probeId = QByteArray("probe-") + QUuid::createUuid().toString(QUuid::Id128).toLatin1() + '-';
    m_probeLine = m_probeTopic + QLatin1Char(' ') + QString::fromLatin1(probeId);
    QStringList args{QStringLiteral("-h"),        QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                     QString::number(login.port), QStringLiteral("-q"),        QString::number(qos),
                     QStringLiteral("-v")};
    args << login.options;
    for (const QString &t : topics)
        args << QStringLiteral("-t") << t;
    args << QStringLiteral("-t") << m_probeTopic;

    m_process = new QProcess(this);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &MqttSubscriber::readOutput);
    connect(m_process, &QProcess::readyReadStandardError, this,
            [this] { m_stderr += m_process->readAllStandardError(); });
    m_process->start(QStringLiteral("mosquitto_sub"), args);
    if (!m_process->waitForStarted(10000)) {
        qWarning().noquote() << "MqttSubscriber: cannot run mosquitto_sub (package mosquitto-clients):"
                             << m_process->errorString();
        return;
    }
    QElapsedTimer timer;
    timer.start();
    int probe = 0;
    while (timer.elapsed() < 15000 && isRunning()) {
        mqttPublish(prober, m_probeTopic, probeId + QByteArray::number(++probe), 1);
        if (waitUntil([this] { return m_ready; }, 300, 10))
            break;
    }
    if (!m_ready)
        qWarning().noquote() << "MqttSubscriber: subscription to" << topics << "on port" << login.port
                             << "not confirmed:" << m_stderr;
}

MqttSubscriber::~MqttSubscriber()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
}

bool MqttSubscriber::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

void MqttSubscriber::readOutput()
{
    m_partial += m_process->readAllStandardOutput();
    int nl;
    while ((nl = m_partial.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_partial.left(nl));
        m_partial.remove(0, nl + 1);
        if (line.startsWith(m_probeLine)) {
            m_ready = true;
            continue;
        }
        m_lines.append(line);
    }
}

QStringList MqttSubscriber::lines() const
{
    if (isRunning()) {
        m_process->waitForReadyRead(0);
    }
    return m_lines;
}

QStringList MqttSubscriber::lines(const QString &contains) const
{
    QStringList out;
    for (const QString &l : lines())
        if (l.contains(contains))
            out << l;
    return out;
}

int MqttSubscriber::count(const QString &contains) const
{
    return lines(contains).size();
}

bool MqttSubscriber::waitForLine(const QString &contains, int timeoutMs)
{
    return waitUntil([&] { return count(contains) > 0; }, timeoutMs, 20);
}

void MqttSubscriber::clear()
{
    lines();
    m_lines.clear();
}

} // namespace testsupport
