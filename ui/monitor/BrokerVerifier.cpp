#include "monitor/BrokerVerifier.h"

#include "monitor/UiLogging.h"
#include "mqtt/MqttClient.h"
#include "protocol/Messages.h"

#include <QDir>
#include <QTimer>

namespace mysqlsync::ui {

BrokerVerifier::BrokerVerifier(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("broker-verify"));
    m_thread.start();
}

BrokerVerifier::~BrokerVerifier()
{
    // A check still running is abandoned: its objects are deleted on their thread as it ends.
    m_thread.quit();
    m_thread.wait();
}

MqttConfig BrokerVerifier::siteConfig(const QString &outDir, const QString &clientName, const QString &host, int port,
                                      const QString &password)
{
    const QDir dir(outDir);
    MqttConfig c;
    c.host = host;
    c.port = port;
    c.protocol = QStringLiteral("mqtts");
    c.username = clientName;
    c.password = password;
    c.connectTimeoutMs = 10000;
    c.tls.ca = dir.absoluteFilePath(QStringLiteral("ca.crt"));
    c.tls.cert = dir.absoluteFilePath(QStringLiteral("clients/%1.crt").arg(clientName));
    c.tls.key = dir.absoluteFilePath(QStringLiteral("clients/%1.key").arg(clientName));
    c.tls.rejectUnauthorized = true;
    return c;
}

bool BrokerVerifier::verify(const MqttConfig &config, const QString &clientName)
{
    if (m_running)
        return false;
    m_running = true;
    MqttConfig c = config;
    c.clientId =
        (c.clientId.isEmpty() ? QStringLiteral("mysql-sync-") + clientName : c.clientId) + QStringLiteral("-verify");
    // The run lives on the worker thread; it is deleted there when it has answered (or when
    // the thread ends).
    auto *run = new QObject;
    run->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, run, &QObject::deleteLater);
    QPointer<BrokerVerifier> self(this);
    QMetaObject::invokeMethod(
        run,
        [run, c, clientName, self] {
            const QStringList topicsToRead{topics::info(), topics::infoFor(clientName), topics::changeFor(clientName)};
            auto *client = new MqttClient(c, clientName, topicsToRead, QByteArray(), run);
            auto *timer = new QTimer(run);
            auto done = std::make_shared<bool>(false);
            auto report = [run, client, timer, done, self, topicsToRead](bool ok, const QString &detail) {
                if (*done)
                    return;
                *done = true;
                timer->stop();
                const QString message = ok
                    ? BrokerVerifier::tr("Connected to %1 with the certificate and password of %2; the broker accepted "
                                         "the subscriptions %3.")
                          .arg(client->brokerDescription(), client->property("site").toString(),
                               topicsToRead.join(QStringLiteral(", ")))
                    : BrokerVerifier::tr("Failed: %1").arg(detail);
                qCInfo(lcUiSecurity).noquote() << "broker check:" << message;
                client->stop(QByteArray(), 2000);
                if (self)
                    QMetaObject::invokeMethod(
                        self.data(),
                        [self, ok, message] {
                            if (!self)
                                return;
                            self->m_running = false;
                            Q_EMIT self->finished(ok, message);
                        },
                        Qt::QueuedConnection);
                run->deleteLater();
            };
            client->setProperty("site", clientName);
            QObject::connect(client, &MqttClient::ready, run, [report] { report(true, QString()); });
            QObject::connect(client, &MqttClient::down, run,
                             [report](const QString &reason) { report(false, reason); });
            timer->setSingleShot(true);
            QObject::connect(timer, &QTimer::timeout, run, [report, c] {
                report(false,
                       BrokerVerifier::tr("the broker did not answer within %1 s").arg(c.connectTimeoutMs / 1000 + 5));
            });
            timer->start(c.connectTimeoutMs + 5000);
            client->start();
        },
        Qt::QueuedConnection);
    return true;
}

} // namespace mysqlsync::ui
