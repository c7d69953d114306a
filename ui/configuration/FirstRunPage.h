#pragma once
// Shown when there is no configuration to open: a form for the client name, the database,
// the broker, the remotes and the queue directory (ConfigForm, validated by ConfigLoader),
// the connection tests, and where to save. "Create" stores typed passwords in the keychain
// (the form's KeychainPasswordFields: the file gets references only, plain text only where the
// operator ticked it), saves atomically (ConfigFile) and reports the file through created();
// the main window then opens it.
#include <QJsonObject>
#include <QWidget>

class QLineEdit;
class QLabel;
class QPushButton;

namespace mysqlsync::ui {

class ConfigForm;
class ConnectionTestPanel;

class FirstRunPage : public QWidget {
    Q_OBJECT
public:
    explicit FirstRunPage(QWidget *parent = nullptr);

    // Where the configuration will be saved (default: the app's configuration folder).
    void setTargetPath(const QString &path);
    QString targetPath() const;
    static QString defaultTargetPath();
    // The document a new site starts from.
    static QJsonObject starterDocument();

    // Validates, then stores the passwords and saves in the background: created() or
    // failed() follows. False (and `error`, the message shown) when it could not start.
    bool create(QString *error = nullptr);

    ConfigForm *form() const { return m_form; }
    ConnectionTestPanel *connectionTests() const { return m_tests; }
    QLineEdit *pathEdit() const { return m_path; }
    QString message() const;

Q_SIGNALS:
    void created(const QString &path);
    void failed(const QString &message);

private:
    void browse();
    void showMessage(const QString &text);
    void save(const QString &path);
    void setBusy(bool busy);

    QLineEdit *m_path;
    ConfigForm *m_form;
    ConnectionTestPanel *m_tests;
    int m_storing = 0; // typed passwords the keychain has not answered for yet
    QLabel *m_message;
    QPushButton *m_create;
};

} // namespace mysqlsync::ui
