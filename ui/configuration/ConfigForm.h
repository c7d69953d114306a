#pragma once
// A form for every key of the configuration file, built from ConfigSchema (label, default,
// help as the tooltip). It edits a JSON object: keys the form does not know are kept as they
// are, optional keys are written only when the file had them or their value differs from the
// default. Passwords (kept in the keychain) and TLS files are SecuritySettings' part: a
// reference ({"env": …}, {"file": …}, {"keychain": …}) is kept unless a new password is typed.
// Validation is ConfigLoader's own, then MappingCheck's against the live catalogue (table
// mappings and filters); its error carries the key, and the field of that key is marked.
// Mapped entries are edited in TablePicker's MappingDialog, filters in a FiltersEditor, both
// with columns picked from the catalogue (setCatalogue, listed off the GUI thread).
// The site's database is MariaDB/MySQL or PostgreSQL (the "Database kind" choice): the form
// shows and writes mysqlConfig or postgresConfig, never both; the other kind's fields keep
// what was typed in them until the form is given a new document.
#include "config/Config.h"
#include "monitor/MappingEntry.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QFormLayout;

namespace mysqlsync {
struct ConfigKey;
}

namespace mysqlsync::ui {

class FeedSettings;
class SecuritySettings;

class ConfigForm : public QWidget {
    Q_OBJECT
public:
    explicit ConfigForm(QWidget *parent = nullptr);

    void setDocument(const QJsonObject &object);
    QJsonObject document() const;

    // Checks document() with ConfigLoader (paths relative to `filePath`'s folder). On
    // failure shows the message, marks the field and returns false.
    // `typedPasswordsPending`: a typed password not in the keychain yet is no problem (the
    // caller stores it before saving).
    bool validate(const QString &filePath, QString *message = nullptr, bool typedPasswordsPending = false);
    // The JSON key ("mqttConfig.port") of the field marked by the last validate(), or empty.
    QString invalidKey() const { return m_invalidKey; }
    // The editor of `key` (for tests and focus), or nullptr.
    QWidget *fieldFor(const QString &key) const;
    QString validationMessage() const;
    SecuritySettings *security() const { return m_security; }
    // The site's kind of database, chosen in the form (a document with postgresConfig: PostgreSQL).
    DatabaseKind databaseKind() const;
    void setDatabaseKind(DatabaseKind kind);
    QComboBox *databaseKindBox() const { return m_kind; }
    // The section a kind of database is configured in: "mysqlConfig" or "postgresConfig".
    static QString sectionOf(DatabaseKind kind);
    FeedSettings *feedSettings() const { return m_feed; }
    // The live database's tables for the syncTables / receiveTables pickers; `error` when
    // they could not be listed.
    void setAvailableTables(const QStringList &tables, const QString &error = QString());
    // The live database's tables with their columns, for the mapping and filter editors and
    // the mapping checks of validate().
    void setCatalogue(const TableCatalog &catalog);
    // The file being edited (named in the mapping editor's errors).
    void setFilePath(const QString &path) { m_filePath = path; }

Q_SIGNALS:
    void changed();

private:
    enum class Kind { Text, Int, Bool, Choice, List, Tables, Filters, Brokers, Policies };
    struct Field {
        QString key; // JSON path, e.g. "mqttConfig.port"
        Kind kind;
        QWidget *editor;
        QVariant defaultValue;
        bool required;
    };
    void add(QFormLayout *form, const mysqlsync::ConfigKey &key);
    void clearMarks();
    // The first text of a field that cannot become its JSON (conflicts), with its key; empty if none.
    QString textProblem(QString *key) const;
    // The key of the field that shows the value at `key` (a loader error's key path), or empty.
    QString fieldKeyFor(const QString &key) const;

    // Whether `key` belongs to the database section of the kind not chosen (not shown, not written).
    bool otherDatabaseKey(const QString &key) const;
    void showDatabaseKind();

    QList<Field> m_fields;
    QJsonObject m_base;
    QComboBox *m_kind;
    QWidget *m_mysqlBox;
    QWidget *m_postgresBox;
    QLabel *m_message;
    SecuritySettings *m_security;
    FeedSettings *m_feed;
    QString m_invalidKey;
    QString m_filePath;
    TableCatalog m_catalog;
};

} // namespace mysqlsync::ui
