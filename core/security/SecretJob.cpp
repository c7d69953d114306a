#include "security/SecretJob.h"

#include <QEventLoop>

#include <qt6keychain/keychain.h>

namespace mysqlsync {

SecretJob::SecretJob(Operation operation, const QString &service, const QString &account, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
    , m_service(service)
    , m_account(account)
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        finish(Error::Timeout,
               QStringLiteral("the keychain did not answer within %1 s; it may be locked: unlock it and try again")
                   .arg(m_timeoutMs / 1000));
    });
}

SecretJob::~SecretJob()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->deleteLater();
    }
}

void SecretJob::start()
{
    switch (m_operation) {
    case Operation::Read: {
        auto *job = new QKeychain::ReadPasswordJob(m_service);
        job->setKey(m_account);
        m_job = job;
        break;
    }
    case Operation::Write: {
        auto *job = new QKeychain::WritePasswordJob(m_service);
        job->setKey(m_account);
        job->setTextData(m_secret);
        m_job = job;
        break;
    }
    case Operation::Delete: {
        auto *job = new QKeychain::DeletePasswordJob(m_service);
        job->setKey(m_account);
        m_job = job;
        break;
    }
    }
    m_job->setAutoDelete(false);
    m_job->setInsecureFallback(false);
    connect(m_job, &QKeychain::Job::finished, this, &SecretJob::onJobFinished);
    m_timer.start(m_timeoutMs);
    m_job->start();
}

void SecretJob::onJobFinished()
{
    const QKeychain::Error e = m_job->error();
    const QString detail = m_job->errorString();
    if (e == QKeychain::NoError) {
        if (m_operation == Operation::Read)
            m_secret = static_cast<QKeychain::ReadPasswordJob *>(m_job)->textData();
        finish(Error::NoError, QString());
        return;
    }
    switch (e) {
    case QKeychain::EntryNotFound:
        finish(Error::NotFound,
               QStringLiteral("there is no secret \"%1\" in the keychain (service \"%2\")").arg(m_account, m_service));
        return;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        finish(Error::AccessDenied,
               QStringLiteral("the keychain refused access (it is locked or access was denied: %1)").arg(detail));
        return;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        finish(Error::Unavailable, QStringLiteral("no keychain is available on this system (%1)").arg(detail));
        return;
    default:
        break;
    }
    // QtKeychain reports a missing D-Bus session / secret service as OtherError.
    if (detail.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("DBus"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("secret"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("ServiceUnknown"))
        || detail.contains(QLatin1String("Could not connect"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("bus"), Qt::CaseInsensitive))
        finish(Error::Unavailable,
               QStringLiteral("no keychain is available: no secret service on the D-Bus session bus (%1)").arg(detail));
    else if (detail.contains(QLatin1String("lock"), Qt::CaseInsensitive))
        finish(Error::AccessDenied, QStringLiteral("the keychain is locked: unlock it and try again (%1)").arg(detail));
    else
        finish(Error::Other, QStringLiteral("the keychain failed: %1").arg(detail));
}

void SecretJob::finish(Error error, const QString &detail)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    m_error = error;
    m_errorString = detail;
    if (m_job)
        m_job->disconnect(this);
    if (error != Error::NoError && m_operation == Operation::Read)
        m_secret.clear();
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}

namespace {

SecretJob::Error runBlocking(SecretJob &job, QString *errorString)
{
    QEventLoop loop;
    bool done = false;
    QObject::connect(&job, &SecretJob::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    job.start();
    if (!done)
        loop.exec();
    if (errorString)
        *errorString = job.errorString();
    return job.error();
}

} // namespace

SecretJob::Error SecretStore::read(const QString &service, const QString &account, QString *secret,
                                   QString *errorString, int timeoutMs)
{
    SecretJob job(SecretJob::Operation::Read, service, account);
    job.setAutoDelete(false);
    job.setTimeout(timeoutMs);
    const SecretJob::Error e = runBlocking(job, errorString);
    if (secret)
        *secret = job.secret();
    return e;
}

SecretJob::Error SecretStore::write(const QString &service, const QString &account, const QString &secret,
                                    QString *errorString, int timeoutMs)
{
    SecretJob job(SecretJob::Operation::Write, service, account);
    job.setAutoDelete(false);
    job.setTimeout(timeoutMs);
    job.setSecret(secret);
    return runBlocking(job, errorString);
}

SecretJob::Error SecretStore::remove(const QString &service, const QString &account, QString *errorString,
                                     int timeoutMs)
{
    SecretJob job(SecretJob::Operation::Delete, service, account);
    job.setAutoDelete(false);
    job.setTimeout(timeoutMs);
    return runBlocking(job, errorString);
}

} // namespace mysqlsync
