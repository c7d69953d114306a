#pragma once
// Shown when there is no configuration to open: a form for the client name, the database,
// the broker, the remotes and the queue directory (ConfigForm, validated by ConfigLoader),
// the connection tests, and where to save. "Create" saves atomically (ConfigFile) and
// reports the file through created(); the main window then opens it.
#include <QJsonObject>
#include <QWidget>

class QLineEdit;
class QLabel;

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

    // Validates and saves; on success emits created(). `error` is the message shown.
    bool create(QString *error = nullptr);

    ConfigForm *form() const { return m_form; }
    ConnectionTestPanel *connectionTests() const { return m_tests; }
    QLineEdit *pathEdit() const { return m_path; }
    QString message() const;

Q_SIGNALS:
    void created(const QString &path);

private:
    void browse();
    void showMessage(const QString &text);

    QLineEdit *m_path;
    ConfigForm *m_form;
    ConnectionTestPanel *m_tests;
    QLabel *m_message;
};

} // namespace mysqlsync::ui
