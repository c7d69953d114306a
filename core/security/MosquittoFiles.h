#pragma once
// The text of the Mosquitto files that `setup-broker` writes: the ACL file (per-site topic
// rights) and mosquitto.conf (a TLS listener using the generated certificates, the password
// file and the ACL file).
#include <QString>
#include <QStringList>

namespace mysqlsync {

class MosquittoAcl {
public:
    // One "user NAME" block per client: it may publish /info, /info/+ and /change/+ and read
    // only /info, /info/NAME and /change/NAME (the per-row topics, which name no sender);
    // on the extension channel it may publish only under its own name, /mysql-sync/NAME/#,
    // and read /mysql-sync/+/hello, /mysql-sync/+/batch/NAME and /mysql-sync/+/receipts/NAME.
    static QString text(const QStringList &clients);
};

struct MosquittoListener {
    int port = 8883;
    QString bindAddress;     // empty: every interface
    bool websockets = false; // "protocol websockets" (same certificates)
};

struct MosquittoConfOptions {
    QList<MosquittoListener> listeners{MosquittoListener{}};
    QString caFile, certFile, keyFile; // absolute paths
    QString passwordFile, aclFile;     // absolute paths
};

class MosquittoConf {
public:
    // per_listener_settings false, allow_anonymous false, password_file, acl_file, then per
    // listener: cafile/certfile/keyfile, require_certificate true, use_identity_as_username
    // false, tls_version tlsv1.2 (the minimum version).
    static QString text(const MosquittoConfOptions &options);
};

} // namespace mysqlsync
