#pragma once
// Creates keys and X.509 certificates with OpenSSL's library: a self-signed certificate
// authority, server certificates whose subject alternative names cover the broker's host
// names and addresses, and client certificates whose common name is the client's name.
// Keys are EC P-256; certificates are signed with SHA-256. Everything is PEM.
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace mysqlsync {

struct PemPair {
    QByteArray certificate; // PEM
    QByteArray key;         // PEM (PKCS#8, unencrypted)
    bool isNull() const { return certificate.isEmpty() || key.isEmpty(); }
};

struct Validity {
    int days = 825;                   // how long from notBefore
    qint64 startOffsetSeconds = -300; // notBefore relative to now (a little in the past for clock skew)
};

class CertificateIssuer {
public:
    // A self-signed CA certificate (basicConstraints CA:TRUE, keyCertSign, cRLSign).
    static PemPair createAuthority(const QString &commonName, const Validity &validity, QString *error);
    // A server certificate signed by `ca`: CN = first host; subjectAltName DNS:/IP: per host
    // (an address becomes an IP entry, anything else a DNS entry); extendedKeyUsage serverAuth.
    static PemPair issueServer(const PemPair &ca, const QStringList &hosts, const Validity &validity, QString *error);
    // A client certificate signed by `ca`: CN = clientName; extendedKeyUsage clientAuth.
    static PemPair issueClient(const PemPair &ca, const QString &clientName, const Validity &validity, QString *error);
};

} // namespace mysqlsync
