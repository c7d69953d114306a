#pragma once
// Moves the passwords typed into a new configuration into the OS keychain (SecretJob,
// asynchronous): mysqlConfig.password and mqttConfig.password, when plain text, are written
// under "<clientName>-database" / "<clientName>-broker" (service "mysql-sync") and replaced
// by {"keychain": account}. A password the keychain does not take stays in the file (which
// is owner-only), and a note says why: nothing typed is lost.
#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace mysqlsync {
class SecretJob;
}

namespace mysqlsync::ui {

class KeychainSaver : public QObject {
    Q_OBJECT
public:
    explicit KeychainSaver(QObject *parent = nullptr);

    // finished() follows (queued, also when there is nothing to store).
    void start(const QJsonObject &document);
    bool isBusy() const { return m_pending > 0; }
    void setTimeout(int ms) { m_timeoutMs = ms; }

Q_SIGNALS:
    // `document` with the stored passwords replaced by references; `notes`: one line per
    // password left in the file.
    void finished(const QJsonObject &document, const QStringList &notes);

private:
    void onJob(const QString &section, mysqlsync::SecretJob *job);
    void settle();

    QJsonObject m_document;
    QStringList m_notes;
    int m_pending = 0;
    int m_timeoutMs = 20000;
};

} // namespace mysqlsync::ui
