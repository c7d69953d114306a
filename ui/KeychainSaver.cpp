#include "KeychainSaver.h"

#include "UiLogging.h"
#include "security/SecretJob.h"

#include <QMetaObject>

namespace mysqlsync::ui {

KeychainSaver::KeychainSaver(QObject *parent)
    : QObject(parent)
{
}

void KeychainSaver::start(const QJsonObject &document)
{
    m_document = document;
    m_notes.clear();
    m_pending = 1; // held until the queued settle below
    const QString client = document.value(QStringLiteral("clientName")).toString();
    const QList<QPair<QString, QString>> sections{{QStringLiteral("mysqlConfig"), QStringLiteral("database")},
                                                  {QStringLiteral("mqttConfig"), QStringLiteral("broker")}};
    for (const auto &[section, suffix] : sections) {
        const QString password = document.value(section).toObject().value(QStringLiteral("password")).toString();
        if (password.isEmpty())
            continue; // none, or already a reference
        ++m_pending;
        auto *job = new SecretJob(SecretJob::Operation::Write, SecretStore::defaultService(),
                                  client + QLatin1Char('-') + suffix, this);
        job->setSecret(password);
        job->setTimeout(m_timeoutMs);
        connect(job, &SecretJob::finished, this, [this, section = section](SecretJob *done) { onJob(section, done); });
        job->start();
    }
    QMetaObject::invokeMethod(this, [this] {
        --m_pending;
        settle();
    }, Qt::QueuedConnection);
}

void KeychainSaver::onJob(const QString &section, SecretJob *job)
{
    QJsonObject inner = m_document.value(section).toObject();
    if (job->error() == SecretJob::Error::NoError) {
        inner.insert(QStringLiteral("password"), QJsonObject{{QStringLiteral("keychain"), job->account()}});
        m_document.insert(section, inner);
        qCInfo(lcUiConfig).noquote() << section + QStringLiteral(".password stored in the keychain as") << job->account();
    } else {
        m_notes << tr("%1.password is kept in the file (readable by you only): the keychain did not take it: %2")
                       .arg(section, job->errorString());
        qCWarning(lcUiConfig).noquote() << m_notes.last();
    }
    --m_pending;
    settle();
}

void KeychainSaver::settle()
{
    if (m_pending > 0)
        return;
    const QJsonObject document = m_document;
    m_document = QJsonObject(); // no password kept here longer than needed
    Q_EMIT finished(document, m_notes);
}

} // namespace mysqlsync::ui
