#pragma once
// Which certificates of the open configuration (mqttConfig.ca/cert, mysqlConfig.ssl.ca/cert or
// postgresConfig.tls.ca/cert) expire within 30 days or have expired: core's CertificateExpiry,
// checked when a configuration is opened and once a day. The Overview shows the notices as a banner and the
// tray announces them (MainWindow wires both). Reads small local files only.
#include "config/Config.h"
#include "security/CertificateExpiry.h"

#include <QObject>
#include <QTimer>

namespace mysqlsync::ui {

class ExpiryWatcher : public QObject {
    Q_OBJECT
public:
    explicit ExpiryWatcher(QObject *parent = nullptr);

    // Checks `config` now and then every `intervalMs` (default a day).
    void setConfig(const Config &config, int intervalMs = 24 * 3600 * 1000);
    QList<ExpiryNotice> notices() const { return m_notices; }
    // One plain paragraph for all notices (empty when there are none).
    static QString summary(const QList<ExpiryNotice> &notices);

public Q_SLOTS:
    void checkNow();

Q_SIGNALS:
    // After every check; `notices` may be empty (then nothing expires soon).
    void checked(const QList<mysqlsync::ExpiryNotice> &notices);

private:
    Config m_config;
    bool m_hasConfig = false;
    QTimer m_timer;
    QList<ExpiryNotice> m_notices;
};

} // namespace mysqlsync::ui
