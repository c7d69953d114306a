#pragma once
// One asynchronous keychain operation (read, write or delete one secret) through QtKeychain:
// the OS keychain (Secret Service over D-Bus on Linux, Keychain on macOS, Credential Manager
// on Windows). Create, connect finished(), start(); the job deletes itself after finished()
// unless setAutoDelete(false).
#include <QObject>
#include <QString>
#include <QTimer>

namespace QKeychain {
class Job;
}

namespace mysqlsync {

class SecretJob : public QObject {
    Q_OBJECT
public:
    enum class Operation { Read, Write, Delete };
    enum class Error {
        NoError,
        NotFound,     // no secret stored under this account
        Unavailable,  // no keychain: no secret service / D-Bus session, or no backend
        AccessDenied, // the keychain is locked or the user refused access
        Timeout,      // the keychain did not answer (often: locked and waiting for a prompt)
        Other,
    };
    Q_ENUM(Error)

    SecretJob(Operation operation, const QString &service, const QString &account, QObject *parent = nullptr);
    ~SecretJob() override;

    void setSecret(const QString &secret) { m_secret = secret; } // Write
    QString secret() const { return m_secret; }                  // Read, after finished()
    void setTimeout(int ms) { m_timeoutMs = ms; }                // default 20 s
    void setAutoDelete(bool on) { m_autoDelete = on; }

    void start();

    Operation operation() const { return m_operation; }
    QString service() const { return m_service; }
    QString account() const { return m_account; }
    Error error() const { return m_error; }
    // A plain sentence saying what went wrong and what to do; never contains the secret.
    QString errorString() const { return m_errorString; }

Q_SIGNALS:
    void finished(mysqlsync::SecretJob *job);

private:
    void onJobFinished();
    void finish(Error error, const QString &detail);

    Operation m_operation;
    QString m_service;
    QString m_account;
    QString m_secret;
    int m_timeoutMs = 20000;
    bool m_autoDelete = true;
    bool m_done = false;
    Error m_error = Error::NoError;
    QString m_errorString;
    QKeychain::Job *m_job = nullptr;
    QTimer m_timer;
};

// Blocking helpers for the daemon's start (they run a local QEventLoop until the job ends).
class SecretStore {
public:
    static QString defaultService() { return QStringLiteral("mysql-sync"); }
    static SecretJob::Error read(const QString &service, const QString &account, QString *secret, QString *errorString,
                                 int timeoutMs = 20000);
    static SecretJob::Error write(const QString &service, const QString &account, const QString &secret,
                                  QString *errorString, int timeoutMs = 20000);
    static SecretJob::Error remove(const QString &service, const QString &account, QString *errorString,
                                   int timeoutMs = 20000);
};

} // namespace mysqlsync
