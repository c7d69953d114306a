#pragma once
// Resolves the password references of a configuration without blocking the GUI thread:
// keychain entries are read with SecretJob (asynchronous), environment variables and files
// at once through SecretResolver. Messages are SecretResolver's. A new start() supersedes
// the one in progress (its result is never reported).
#include "config/Config.h"
#include "monitor/RequestGeneration.h"

#include <QObject>

namespace mysqlsync {
class SecretJob;
}

namespace mysqlsync::ui {

class AsyncSecretResolver : public QObject {
    Q_OBJECT
public:
    explicit AsyncSecretResolver(QObject *parent = nullptr);

    // Resolves mqttConfig.password, the database password (mysqlConfig.password or
    // postgresConfig.password) and mysqlConfig.transformerPassword
    // of `config`; finished() follows
    // (queued: never from inside start()).
    void start(const Config &config);
    bool isBusy() const { return m_pending > 0; }
    void setKeychainTimeout(int ms) { m_timeoutMs = ms; }

Q_SIGNALS:
    // `config` with its passwords filled in when ok; otherwise `error` names the file and key.
    void finished(bool ok, const mysqlsync::Config &config, const QString &error);

private:
    enum Slot { Broker, Database, Transformers };
    void onJob(quint64 generation, Slot slot, SecretJob *job);
    void settle();
    SecretRef &ref(Slot slot);
    QString &password(Slot slot);

    Config m_config;
    QString m_errors[3];
    int m_pending = 0;
    RequestGeneration m_generation;
    int m_timeoutMs = 20000;
};

} // namespace mysqlsync::ui
