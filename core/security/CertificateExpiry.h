#pragma once
// Which configured certificates (the broker's CA and this site's certificate, and those of
// mysqlConfig.ssl or postgresConfig.tls) expire soon. ExpiryMonitor checks at start and once a day and emits a
// plain warning for each; the engine forwards it as an EngineError, the app can call check().
#include "config/Config.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimer>

namespace mysqlsync {

struct ExpiryNotice {
    QString key; // e.g. "mqttConfig.ca"
    QString path;
    QString commonName;
    QDateTime notAfter;
    int daysLeft = 0; // negative: already expired
    QString message() const;
};

class CertificateExpiry {
public:
    static constexpr int kWarnDays = 30;
    // Notices for the certificates of `config` that expire within `withinDays` (or have
    // expired). Files that cannot be read are left out (the connection reports those).
    static QList<ExpiryNotice> check(const Config &config, int withinDays = kWarnDays,
                                     const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The same for one file.
    static bool checkFile(const QString &key, const QString &path, int withinDays, const QDateTime &now,
                          ExpiryNotice *notice);
};

class ExpiryMonitor : public QObject {
    Q_OBJECT
public:
    explicit ExpiryMonitor(const Config &config, QObject *parent = nullptr);
    // Checks now and then every `intervalMs` (default a day).
    void start(int intervalMs = 24 * 3600 * 1000);

Q_SIGNALS:
    void warning(const QString &message);

private:
    void checkNow();
    Config m_config;
    QTimer m_timer;
};

} // namespace mysqlsync
