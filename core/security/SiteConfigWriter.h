#pragma once
// The ready configuration file of one site made by `setup-broker` (DIR/clients/NAME.json).
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace mysqlsync {

struct SiteConfigOptions {
    QString clientName;
    QStringList remoteClients;
    QString brokerHost;
    int brokerPort = 8883;
    QString protocol = QStringLiteral("mqtts");
    // Paths as written into the file (relative to the file's folder).
    QString ca = QStringLiteral("../ca.crt");
    QString cert;         // default NAME.crt
    QString key;          // default NAME.key
    QString passwordFile; // default NAME.password
};

class SiteConfigWriter {
public:
    // mqttConfig: protocol, host, port, username = client name, password {"file": NAME.password},
    // ca/cert/key. mysqlConfig: host localhost, port 3306, database = user = client name,
    // password {"env": "MYSQL_SYNC_DB_PASSWORD"} (the operator completes it).
    // syncTables/receiveTables empty, queueDirectory NAME-queue, checkInterval 1000.
    static QByteArray json(const SiteConfigOptions &options);
    static QString databasePasswordVariable() { return QStringLiteral("MYSQL_SYNC_DB_PASSWORD"); }
};

} // namespace mysqlsync
