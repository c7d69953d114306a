#pragma once
// A password of the configuration (mqttConfig.password or mysqlConfig.password) kept in the
// OS keychain. A typed password is stored through SecretJob (asynchronously) when editing
// ends or "Store in keychain" is pressed; the configuration then receives only the reference
// {"keychain": account}. A keychain that is missing or locked is reported in plain words and
// the password is not written anywhere, unless the operator ticks "write it in plain text".
// A reference the file already had ({"keychain"|"env"|"file": …}) is kept until a new
// password is typed.
#include "security/SecretJob.h"

#include <QJsonValue>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace mysqlsync::ui {

class KeychainPasswordField : public QWidget {
    Q_OBJECT
public:
    enum class State { Empty, Kept, Typed, Storing, Stored, Failed };
    Q_ENUM(State)

    // `key`: the JSON key ("mqttConfig.password"), also the object name of the line edit.
    explicit KeychainPasswordField(const QString &key, QWidget *parent = nullptr);

    QString key() const { return m_key; }
    // The keychain account a typed password goes to (SecretAccounts), service "mysql-sync".
    void setAccount(const QString &account) { m_account = account; }
    QString account() const { return m_account; }
    void setService(const QString &service) { m_service = service; }

    // The value in the file: a string, a reference object, or undefined (absent).
    void setValue(const QJsonValue &value);
    // What the file gets: the reference, the plain text (only when chosen), or undefined (leave
    // the key out). A typed password that is not stored yet does not appear: see problem().
    QJsonValue value() const;
    // Empty, or one line naming the key and why the typed password is not saved yet.
    QString problem() const;
    State state() const { return m_state; }
    QString statusText() const;
    QLineEdit *edit() const { return m_edit; }
    QCheckBox *plainBox() const { return m_plain; }

public Q_SLOTS:
    // Stores the typed password in the keychain (nothing to do when none is typed).
    void store();

Q_SIGNALS:
    void changed();
    // A store ended: ok, or failed with `error` (SecretJob's plain sentence).
    void stored(bool ok, const QString &error);

private:
    void setState(State state, const QString &status);
    void onStored(SecretJob *job);

    QString m_key;
    QString m_account;
    QString m_service;
    QJsonValue m_value; // what the file has (or the new reference once stored)
    State m_state = State::Empty;
    QString m_error;
    QLineEdit *m_edit;
    QPushButton *m_storeButton;
    QCheckBox *m_plain;
    QLabel *m_status;
    QPointer<SecretJob> m_job;
};

} // namespace mysqlsync::ui
