#pragma once
// The configuration page's security part: the broker and database passwords (kept in the OS
// keychain, the file holding only {"keychain": account}) and the TLS files of both
// connections, checked as they are chosen. ConfigForm embeds it; it reads and writes only
// its own keys: mqttConfig.password/ca/cert/key/rejectUnauthorized, and for the site's kind
// of database either mysqlConfig.password, mysqlConfig.transformerPassword and
// mysqlConfig.ssl, or postgresConfig.password and postgresConfig.tls. The other kind's
// fields are hidden but keep what was typed in them.
#include "config/Config.h"

#include <QJsonObject>
#include <QWidget>

namespace mysqlsync::ui {

class KeychainPasswordField;
class Section;
class TlsFilesEditor;

class SecuritySettings : public QWidget {
    Q_OBJECT
public:
    explicit SecuritySettings(QWidget *parent = nullptr);

    void setDocument(const QJsonObject &document);
    // Writes this widget's keys into `document`, keeping every other key.
    void apply(QJsonObject *document) const;
    // The first thing that keeps the settings from being saved (a typed password that is not
    // in the keychain, a TLS file that does not parse), as "key: what to do"; `key` receives
    // the JSON key. Empty when there is none.
    // `typedPasswordsPending`: passwords typed and not stored yet are not counted.
    QString problem(QString *key = nullptr, bool typedPasswordsPending = false) const;
    // The password fields whose typed password is to go to the keychain and is not there yet
    // (nor on its way: a store that failed counts, to be tried again).
    QList<KeychainPasswordField *> unstoredPasswords() const;
    // The editor of `key` (a password edit, a TLS file edit), or nullptr.
    QWidget *fieldFor(const QString &key) const;
    // The password fields of the broker and of the site's kind of database.
    QList<KeychainPasswordField *> passwords() const;

    // Which database's keys are edited and written (MariaDB: mysqlConfig's, PostgreSQL: postgresConfig's).
    void setDatabaseKind(DatabaseKind kind);
    DatabaseKind databaseKind() const { return m_kind; }

    KeychainPasswordField *brokerPassword() const { return m_brokerPassword; }
    KeychainPasswordField *databasePassword() const { return m_databasePassword; }
    KeychainPasswordField *transformerPassword() const { return m_transformerPassword; }
    KeychainPasswordField *postgresPassword() const { return m_postgresPassword; }
    TlsFilesEditor *brokerTls() const { return m_brokerTls; }
    TlsFilesEditor *databaseTls() const { return m_databaseTls; }
    TlsFilesEditor *postgresTls() const { return m_postgresTls; }

public Q_SLOTS:
    // The keychain entries are named after the site (SecretAccounts).
    void setClientName(const QString &clientName);
    // Relative TLS paths are resolved against this file's folder.
    void setConfigPath(const QString &path);

Q_SIGNALS:
    void changed();

private:
    // Every password field, the hidden kind's too.
    QList<KeychainPasswordField *> allPasswords() const;
    // The TLS editors of the broker and of the site's kind of database.
    QList<TlsFilesEditor *> tlsEditors() const;

    DatabaseKind m_kind = DatabaseKind::MariaDb;
    QList<Section *> m_mysqlSections;
    QList<Section *> m_postgresSections;
    KeychainPasswordField *m_postgresPassword;
    TlsFilesEditor *m_postgresTls;
    KeychainPasswordField *m_brokerPassword;
    KeychainPasswordField *m_databasePassword;
    KeychainPasswordField *m_transformerPassword;
    TlsFilesEditor *m_brokerTls;
    TlsFilesEditor *m_databaseTls;
};

} // namespace mysqlsync::ui
