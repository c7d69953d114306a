#pragma once
// "Test database" and "Test broker" for the configuration being edited. Each test reads
// its section of the form through ConfigLoader (so a bad field is named), resolves a
// password reference without blocking (AsyncSecretResolver), then runs ConnectionChecks on
// a worker thread; the result is shown next to the button. While a test runs its button
// says so and is disabled: a second click starts nothing.
#include "monitor/ConnectionChecks.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QPushButton;

namespace mysqlsync::ui {

class AsyncSecretResolver;
class ConfigForm;

class ConnectionTestPanel : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionTestPanel(ConfigForm *form, QWidget *parent = nullptr);
    ~ConnectionTestPanel() override;

    // Relative paths of the configuration (mqttConfig.ca, …) are relative to this file's folder.
    void setFilePath(const QString &path) { m_filePath = path; }

    // The buttons' actions. False when that test is already running (nothing started).
    bool testDatabase();
    bool testBroker();
    // Lists the database's tables for the pickers without showing a test result.
    bool listTables();

    bool isDatabaseBusy() const { return m_db.busy; }
    bool isBrokerBusy() const { return m_broker.busy; }
    QPushButton *databaseButton() const { return m_db.button; }
    QPushButton *brokerButton() const { return m_broker.button; }
    QString databaseResult() const;
    QString brokerResult() const;

Q_SIGNALS:
    void databaseTested(bool ok, const QString &message);
    void brokerTested(bool ok, const QString &message);
    // The database's tables (empty with `error` when they could not be listed).
    void tablesListed(const QStringList &tables, const QString &error);
    // Their columns, just before tablesListed() (empty when they could not be listed).
    void catalogueListed(const mysqlsync::ui::TableCatalog &catalog);

private:
    struct Test {
        QPushButton *button = nullptr;
        QLabel *result = nullptr;
        QString idleText;
        QString busyText;
        AsyncSecretResolver *secrets = nullptr;
        QFutureWatcher<ConnectionCheckResult> watcher;
        bool busy = false;
        bool quiet = false;
    };
    bool begin(Test &test, const QString &section, bool quiet, Config *config);
    void finish(Test &test, bool ok, const QString &message);
    void run(Test &test, const Config &config);

    ConfigForm *m_form;
    QString m_filePath;
    Test m_db;
    Test m_broker;
};

} // namespace mysqlsync::ui
