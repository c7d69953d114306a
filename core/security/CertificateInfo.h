#pragma once
// Reads an X.509 certificate (PEM): subject, SANs, validity, and checks against a CA or a key.
#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace mysqlsync {

class CertificateInfo {
public:
    // Parses the first certificate of `pem`; isValid() false (and error()) otherwise.
    static CertificateInfo fromPem(const QByteArray &pem);
    static CertificateInfo fromFile(const QString &path);

    bool isValid() const { return m_valid; }
    QString error() const { return m_error; }
    QString commonName() const { return m_commonName; }
    QString issuerCommonName() const { return m_issuerCommonName; }
    QStringList dnsNames() const { return m_dns; }
    QStringList ipAddresses() const { return m_ips; }
    bool isAuthority() const { return m_ca; }
    QDateTime notBefore() const { return m_notBefore; }
    QDateTime notAfter() const { return m_notAfter; }
    // Whole days from `now` until notAfter (negative once expired).
    int daysUntilExpiry(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    // True when this certificate's signature verifies with `caPem`'s public key and its
    // issuer name is the CA's subject.
    bool isSignedBy(const QByteArray &caPem) const;
    // True when `keyPem` is the private key of this certificate.
    bool matchesKey(const QByteArray &keyPem) const;

private:
    QByteArray m_pem;
    bool m_valid = false;
    QString m_error;
    QString m_commonName;
    QString m_issuerCommonName;
    QStringList m_dns;
    QStringList m_ips;
    bool m_ca = false;
    QDateTime m_notBefore;
    QDateTime m_notAfter;
};

} // namespace mysqlsync
