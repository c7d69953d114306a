#include "monitor/AsyncSecretResolver.h"

#include "monitor/UiLogging.h"
#include "security/SecretJob.h"
#include "security/SecretResolver.h"

#include <QMetaObject>

namespace mysqlsync::ui {

AsyncSecretResolver::AsyncSecretResolver(QObject *parent)
    : QObject(parent)
{ }

SecretRef &AsyncSecretResolver::ref(Slot slot)
{
    switch (slot) {
    case Broker:
        return m_config.mqtt.passwordRef;
    case Database:
        break;
    case Transformers:
        return m_config.mysql.transformerPasswordRef;
    }
    return m_config.databaseKind == DatabaseKind::Postgres ? m_config.postgres.passwordRef : m_config.mysql.passwordRef;
}

QString &AsyncSecretResolver::password(Slot slot)
{
    switch (slot) {
    case Broker:
        return m_config.mqtt.password;
    case Database:
        break;
    case Transformers:
        return m_config.mysql.transformerPassword;
    }
    return m_config.databaseKind == DatabaseKind::Postgres ? m_config.postgres.password : m_config.mysql.password;
}

void AsyncSecretResolver::start(const Config &config)
{
    const quint64 generation = m_generation.next();
    m_config = config;
    for (QString &e : m_errors)
        e.clear();
    m_pending = 1; // held until the queued settle below: finished() never comes from inside start()
    for (Slot slot : {Broker, Database, Transformers}) {
        const SecretRef r = ref(slot);
        if (r.kind == SecretRef::Kind::Keychain) {
            ++m_pending;
            auto *job = new SecretJob(SecretJob::Operation::Read, r.service, r.name, this);
            job->setTimeout(m_timeoutMs);
            connect(job, &SecretJob::finished, this,
                    [this, generation, slot](SecretJob *done) { onJob(generation, slot, done); });
            qCDebug(lcUiConfig).noquote() << "reading" << r.key << "from the keychain";
            job->start();
        } else if (r.isReference()) {
            // Environment variables and owner-only files: read at once, nothing to wait for.
            SecretResolver::resolve(r, &password(slot), &m_errors[slot]);
        }
    }
    QMetaObject::invokeMethod(
        this,
        [this, generation] {
            if (!m_generation.isCurrent(generation))
                return;
            --m_pending;
            settle();
        },
        Qt::QueuedConnection);
}

void AsyncSecretResolver::onJob(quint64 generation, Slot slot, SecretJob *job)
{
    if (!m_generation.isCurrent(generation))
        return; // superseded by a newer start()
    SecretResolver::keychainResult(ref(slot), job->error(), job->errorString(), job->secret(), &password(slot),
                                   &m_errors[slot]);
    --m_pending;
    settle();
}

void AsyncSecretResolver::settle()
{
    if (m_pending > 0)
        return;
    // The broker's password first, then the database's, as SecretResolver reports them.
    QString error;
    for (const QString &e : m_errors) {
        if (error.isEmpty())
            error = e;
    }
    Config config = m_config;
    m_config.mqtt.password.clear();
    m_config.mysql.password.clear();
    m_config.mysql.transformerPassword.clear();
    m_config.postgres.password.clear();
    if (!error.isEmpty()) {
        const QString message = SecretResolver::inFile(config, error);
        qCWarning(lcUiConfig).noquote() << message;
        Q_EMIT finished(false, config, message);
        return;
    }
    Q_EMIT finished(true, config, QString());
}

} // namespace mysqlsync::ui
