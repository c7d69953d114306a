#pragma once
// Everything `mysql-sync setup-broker` (and the desktop wizard) writes into one folder:
//   DIR/ca.crt ca.key server.crt server.key mosquitto.conf passwordfile acl
//   DIR/clients/NAME.crt NAME.key NAME.password NAME.json
// Keys and passwords are written 0600, the rest 0644. Existing files are refused unless
// `force`; nothing is written before every input has been checked.
#include <QString>
#include <QStringList>

namespace mysqlsync {

struct BrokerSetupOptions {
    QString outDir;
    QStringList brokerHosts; // server certificate SANs; the first is the sites' mqttConfig.host
    QStringList clients;     // site names (client-name rule)
    int days = 825;          // validity of every certificate (the CA gets 10 years at least)
    int port = 8883;         // the TLS listener
    QString bindAddress;     // empty: every interface
    int websocketsPort = 0;  // >0: a second listener, websockets over TLS, same certificates
    bool force = false;      // overwrite existing files
};

struct BrokerSetupResult {
    QStringList files;     // absolute paths written, in order
    QStringList passwords; // one per client, same order as options.clients (for the app's keychain)
};

class BrokerSetup {
public:
    static bool run(const BrokerSetupOptions &options, BrokerSetupResult *result, QString *error);
    // The checks of run() without writing anything.
    static bool validate(const BrokerSetupOptions &options, QString *error);
};

} // namespace mysqlsync
