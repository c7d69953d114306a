#pragma once
// Connects once to a broker as a site would (its certificate, key and password, the CA;
// core's MqttClient, which explains TLS failures with TlsProbe) and subscribes to the site's
// topics, on a thread of its own, then reports success or exactly what failed. The GUI thread
// never waits on the network: verify() returns at once and finished() arrives queued.
#include "config/Config.h"

#include <QObject>
#include <QPointer>
#include <QThread>

namespace mysqlsync::ui {

class BrokerVerifier : public QObject {
    Q_OBJECT
public:
    explicit BrokerVerifier(QObject *parent = nullptr);
    ~BrokerVerifier() override;

    // One check at a time; ignored (false) while one runs. `config` must be complete (TLS
    // files, user name and password); the client id gets "-verify" so that a running engine
    // of the site is not disturbed.
    bool verify(const MqttConfig &config, const QString &clientName);
    bool isRunning() const { return m_running; }

    // The connection settings of a site made by setup-broker (DIR/ca.crt, DIR/clients/NAME.*).
    static MqttConfig siteConfig(const QString &outDir, const QString &clientName, const QString &host, int port,
                                 const QString &password);

Q_SIGNALS:
    // `message`: "connected to …" or the reason the broker or TLS refused the connection.
    void finished(bool ok, const QString &message);

private:
    QThread m_thread;
    bool m_running = false;
};

} // namespace mysqlsync::ui
