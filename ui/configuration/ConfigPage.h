#pragma once
// Configuration tab: the ConfigForm, a raw JSON view of what would be saved, and
// Validate / Save / Save and restart. Saving is atomic and keeps `<file>.bak`. Test
// database / Test broker run off the GUI thread (ConnectionTestPanel); loading a file lists
// the database's tables for the table pickers the same way.
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace mysqlsync::ui {

class ConfigForm;
class ConnectionTestPanel;

class ConfigPage : public QWidget {
    Q_OBJECT
public:
    explicit ConfigPage(QWidget *parent = nullptr);

    // Reads `path` into the form; false (and a message shown) when it cannot be read.
    bool load(const QString &path);
    QString path() const { return m_path; }
    ConfigForm *form() const { return m_form; }
    ConnectionTestPanel *connectionTests() const { return m_tests; }
    // Validates and saves; true when saved.
    bool save(QString *error = nullptr);

Q_SIGNALS:
    // Saved and asked to run: the main window restarts the engine with `path`.
    void applyRequested(const QString &path);

private:
    void updateRaw();

    QString m_path;
    ConfigForm *m_form;
    ConnectionTestPanel *m_tests;
    QPlainTextEdit *m_raw;
    QLabel *m_file;
};

} // namespace mysqlsync::ui
