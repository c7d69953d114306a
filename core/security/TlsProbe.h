#pragma once
// Tells why a TLS connection to a broker fails, in words an operator can act on. It makes
// its own TLS handshake (OpenSSL's library) with the same CA, certificate and key as the
// MQTT connection and looks at what went wrong: the broker's certificate not signed by
// mqttConfig.ca, expired, or not issued for the host name; this site's certificate refused
// (unknown CA, expired) or missing although the broker requires one.
#include <QString>

namespace mysqlsync {

struct TlsProbeOptions {
    QString host;
    int port = 0;
    QString caFile; // empty: the system's trust store
    QString certFile, keyFile;
    bool verifyPeer = true; // rejectUnauthorized
    int timeoutMs = 5000;
    QString caKey = QStringLiteral("mqttConfig.ca"); // names used in messages
    QString certKey = QStringLiteral("mqttConfig.cert");
    QString keyKey = QStringLiteral("mqttConfig.key");
    QString hostKey = QStringLiteral("mqttConfig.host");
    QString peer = QStringLiteral("the broker"); // "the database server"
    // MySQL/MariaDB: read the server's greeting and send an SSLRequest packet before the TLS
    // handshake (the protocol starts in plain text); no post-handshake read.
    bool mysqlStartTls = false;
};

class TlsProbe {
public:
    enum class Result {
        Ok,
        Unreachable, // TCP connection failed
        WrongCa,     // broker's certificate not signed by caFile
        ServerCertificateExpired,
        ServerCertificateNotYetValid,
        HostMismatch,
        ClientCertificateUnknownCa, // the broker does not trust our certificate
        ClientCertificateExpired,
        ClientCertificateMissing, // the broker requires one and none was sent
        ClientKeyMismatch,
        ProtocolVersion,
        TlsNotOffered, // a MySQL server without TLS (mysqlStartTls)
        Other,
    };
    // Blocking (at most about 2 × timeoutMs). `message` is one plain sentence.
    static Result probe(const TlsProbeOptions &options, QString *message);
};

} // namespace mysqlsync
