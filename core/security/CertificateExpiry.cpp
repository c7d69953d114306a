#include "security/CertificateExpiry.h"

#include "security/CertificateInfo.h"

#include <QFileInfo>

namespace mysqlsync {

QString ExpiryNotice::message() const
{
    const QString when = notAfter.toString(Qt::ISODate);
    if (daysLeft < 0)
        return QStringLiteral(
                   "%1: the certificate %2 (CN %3) expired on %4: renew it (mysql-sync setup-broker makes new ones)")
            .arg(key, path, commonName, when);
    return QStringLiteral("%1: the certificate %2 (CN %3) expires in %4 day%5 (%6): renew it before then")
        .arg(key, path, commonName)
        .arg(daysLeft)
        .arg(daysLeft == 1 ? QString() : QStringLiteral("s"), when);
}

bool CertificateExpiry::checkFile(const QString &key, const QString &path, int withinDays, const QDateTime &now,
                                  ExpiryNotice *notice)
{
    if (path.isEmpty() || !QFileInfo::exists(path))
        return false;
    const CertificateInfo info = CertificateInfo::fromFile(path);
    if (!info.isValid())
        return false;
    const int days = info.daysUntilExpiry(now);
    if (days > withinDays)
        return false;
    notice->key = key;
    notice->path = path;
    notice->commonName = info.commonName();
    notice->notAfter = info.notAfter();
    notice->daysLeft = days;
    return true;
}

QList<ExpiryNotice> CertificateExpiry::check(const Config &config, int withinDays, const QDateTime &now)
{
    QList<ExpiryNotice> result;
    const bool postgres = config.databaseKind == DatabaseKind::Postgres;
    const QList<QPair<QString, QString>> files{
        {QStringLiteral("mqttConfig.ca"), config.mqtt.tls.ca},
        {QStringLiteral("mqttConfig.cert"), config.mqtt.tls.cert},
        {QStringLiteral("mysqlConfig.ssl.ca"), config.mysql.sslEnabled ? config.mysql.ssl.ca : QString()},
        {QStringLiteral("mysqlConfig.ssl.cert"), config.mysql.sslEnabled ? config.mysql.ssl.cert : QString()},
        {QStringLiteral("postgresConfig.tls.ca"),
         postgres && config.postgres.tlsEnabled ? config.postgres.tls.ca : QString()},
        {QStringLiteral("postgresConfig.tls.cert"),
         postgres && config.postgres.tlsEnabled ? config.postgres.tls.cert : QString()},
    };
    for (const auto &f : files) {
        ExpiryNotice notice;
        if (checkFile(f.first, f.second, withinDays, now, &notice))
            result << notice;
    }
    return result;
}

ExpiryMonitor::ExpiryMonitor(const Config &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_timer(this)
{
    connect(&m_timer, &QTimer::timeout, this, &ExpiryMonitor::checkNow);
}

void ExpiryMonitor::start(int intervalMs)
{
    m_timer.start(intervalMs);
    checkNow();
}

void ExpiryMonitor::checkNow()
{
    for (const ExpiryNotice &n : CertificateExpiry::check(m_config))
        Q_EMIT warning(n.message());
}

} // namespace mysqlsync
