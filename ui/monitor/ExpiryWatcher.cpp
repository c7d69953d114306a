#include "monitor/ExpiryWatcher.h"

#include "monitor/UiLogging.h"

namespace mysqlsync::ui {

ExpiryWatcher::ExpiryWatcher(QObject *parent)
    : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, &ExpiryWatcher::checkNow);
}

void ExpiryWatcher::setConfig(const Config &config, int intervalMs)
{
    m_config = config;
    m_hasConfig = true;
    m_timer.start(intervalMs);
    checkNow();
}

void ExpiryWatcher::checkNow()
{
    if (!m_hasConfig)
        return;
    m_notices = CertificateExpiry::check(m_config);
    for (const ExpiryNotice &n : std::as_const(m_notices))
        qCWarning(lcUiSecurity).noquote() << n.message();
    Q_EMIT checked(m_notices);
}

QString ExpiryWatcher::summary(const QList<ExpiryNotice> &notices)
{
    QStringList parts;
    for (const ExpiryNotice &n : notices) {
        const QString when = n.notAfter.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"));
        if (n.daysLeft < 0)
            parts << tr("%1 (%2, CN %3) expired on %4.").arg(n.key, n.path, n.commonName, when);
        else
            parts << (n.daysLeft == 1 ? tr("%1 (%2, CN %3) expires in 1 day, on %4.")
                                      : tr("%1 (%2, CN %3) expires in %5 days, on %4."))
                         .arg(n.key, n.path, n.commonName, when, QString::number(n.daysLeft));
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace mysqlsync::ui
