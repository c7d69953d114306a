#pragma once
// The connection tests of the configuration page, as blocking functions for a worker thread
// (never the GUI thread): they open the database with core's DbConnection and connect to
// the broker with core's MqttClient (whose failures TlsProbe explains), so a test fails for
// exactly the reasons the engine would.
#include "config/Config.h"
#include "monitor/MappingEntry.h"

#include <QCoreApplication>
#include <QStringList>

namespace mysqlsync::ui {

struct ConnectionCheckResult {
    bool ok = false;
    QString message;       // one sentence: what worked, or what failed and why
    QString serverVersion; // database: SELECT VERSION()
    QStringList tables;    // database: its base tables, sorted
    QString tablesError;   // database: connected but the table list could not be read
    TableCatalog catalog;  // database: the tables' columns (for the mapping and filter editors)
};

class ConnectionChecks {
    Q_DECLARE_TR_FUNCTIONS(mysqlsync::ui::ConnectionChecks)
public:
    // Connects as the engine would, reads the server version, the list of tables and their
    // columns. `config` is Config::siteDatabase(): a PostgreSQL site's settings attached.
    static ConnectionCheckResult database(const MysqlConfig &config);
    // Connects (with a client id of its own, so a running engine is not disconnected) and
    // waits for the broker to accept, at most min(connectTimeout, `timeoutMs`).
    static ConnectionCheckResult broker(const MqttConfig &config, const QString &clientName, int timeoutMs = 15000);
};

} // namespace mysqlsync::ui
