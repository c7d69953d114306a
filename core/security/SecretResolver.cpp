#include "security/SecretResolver.h"

#include "security/SecretJob.h"
#include "security/SecureFile.h"

#include <QFile>

namespace mysqlsync {

bool SecretResolver::resolve(const SecretRef &ref, QString *out, QString *error, int keychainTimeoutMs)
{
    switch (ref.kind) {
    case SecretRef::Kind::Plain:
        return true;
    case SecretRef::Kind::Env: {
        const QByteArray name = ref.name.toLocal8Bit();
        if (!qEnvironmentVariableIsSet(name.constData())) {
            *error = QStringLiteral("%1: the environment variable %2 is not set (it should hold the password)")
                         .arg(ref.key, ref.name);
            return false;
        }
        *out = qEnvironmentVariable(name.constData());
        if (out->isEmpty()) {
            *error = QStringLiteral("%1: the environment variable %2 is empty").arg(ref.key, ref.name);
            return false;
        }
        return true;
    }
    case SecretRef::Kind::File: {
        QString why;
        if (!SecureFile::isOwnerOnly(ref.name, &why)) {
            *error = QStringLiteral("%1: refusing the password file: %2").arg(ref.key, why);
            return false;
        }
        QFile file(ref.name);
        if (!file.open(QIODevice::ReadOnly)) {
            *error =
                QStringLiteral("%1: cannot read the password file %2: %3").arg(ref.key, ref.name, file.errorString());
            return false;
        }
        QByteArray data = file.readAll();
        // One trailing line break (as editors and `echo` leave it) is not part of the password.
        if (data.endsWith('\n'))
            data.chop(1);
        if (data.endsWith('\r'))
            data.chop(1);
        if (data.isEmpty()) {
            *error = QStringLiteral("%1: the password file %2 is empty").arg(ref.key, ref.name);
            return false;
        }
        *out = QString::fromUtf8(data);
        return true;
    }
    case SecretRef::Kind::Keychain: {
        QString detail;
        QString secret;
        const SecretJob::Error e = SecretStore::read(ref.service, ref.name, &secret, &detail, keychainTimeoutMs);
        return keychainResult(ref, e, detail, secret, out, error);
    }
    }
    return false;
}

bool SecretResolver::keychainResult(const SecretRef &ref, SecretJob::Error e, const QString &detail,
                                    const QString &secret, QString *out, QString *error)
{
    if (e != SecretJob::Error::NoError) {
        *error = QStringLiteral("%1: cannot read the password from the keychain: %2").arg(ref.key, detail);
        if (e == SecretJob::Error::Unavailable)
            *error += QStringLiteral(". On a server without a keychain use {\"env\": \"VARIABLE\"} or "
                                     "{\"file\": \"path\"} instead");
        return false;
    }
    if (secret.isEmpty()) {
        *error = QStringLiteral("%1: the keychain entry \"%2\" is empty").arg(ref.key, ref.name);
        return false;
    }
    *out = secret;
    return true;
}

QString SecretResolver::inFile(const Config &config, const QString &message)
{
    const QString file = config.filePath.isEmpty() ? QStringLiteral("(configuration)") : config.filePath;
    return file + QLatin1String(": ") + message;
}

bool SecretResolver::resolve(Config *config, QString *error, int keychainTimeoutMs)
{
    QString message;
    if (!resolve(config->mqtt.passwordRef, &config->mqtt.password, &message, keychainTimeoutMs)
        || !resolve(config->mysql.passwordRef, &config->mysql.password, &message, keychainTimeoutMs)
        || !resolve(config->postgres.passwordRef, &config->postgres.password, &message, keychainTimeoutMs)
        || !resolve(config->mysql.transformerPasswordRef, &config->mysql.transformerPassword, &message,
                    keychainTimeoutMs)
        || !resolve(config->feed.publishTokenRef, &config->feed.publishToken, &message, keychainTimeoutMs)
        || !resolve(config->feed.jwtKeyRef, &config->feed.jwtKey, &message, keychainTimeoutMs)) {
        *error = inFile(*config, message);
        return false;
    }
    return true;
}

} // namespace mysqlsync
