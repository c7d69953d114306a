#include "security/CertificateIssuer.h"

#include "security/OpenSslUtil.h"

#include <QHostAddress>

#include <openssl/bn.h>
#include <openssl/x509v3.h>

namespace mysqlsync {

using namespace ossl;

namespace {

Key newKey(QString *error)
{
    Key key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key)
        *error = QStringLiteral("cannot generate a key: ") + lastError();
    return key;
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const QString &value, QString *error)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    const QByteArray v = value.toUtf8();
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, v.constData());
    if (!ext) {
        *error = QStringLiteral("cannot add the certificate extension %1 = %2: %3")
                     .arg(QLatin1String(OBJ_nid2sn(nid)), value, lastError());
        return false;
    }
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    if (!ok)
        *error = QStringLiteral("cannot add a certificate extension: ") + lastError();
    return ok;
}

// A certificate for `key` with subject CN=`commonName`, not yet signed.
Cert newCertificate(EVP_PKEY *key, const QString &commonName, const Validity &validity, QString *error)
{
    Cert cert(X509_new());
    if (!cert) {
        *error = lastError();
        return {};
    }
    X509_set_version(cert.get(), 2); // v3
    // 159-bit random positive serial.
    BIGNUM *bn = BN_new();
    bool ok = bn && BN_rand(bn, 159, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1
        && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get())) != nullptr;
    BN_free(bn);
    ok = ok && X509_gmtime_adj(X509_getm_notBefore(cert.get()), long(validity.startOffsetSeconds))
        && X509_time_adj_ex(X509_getm_notAfter(cert.get()), validity.days, long(validity.startOffsetSeconds), nullptr)
        && X509_set_pubkey(cert.get(), key) == 1;
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    ok = ok
        && X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("mysql-sync"),
                                      -1, -1, 0)
            == 1
        && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0)
            == 1;
    if (!ok) {
        *error = QStringLiteral("cannot create the certificate for %1: %2").arg(commonName, lastError());
        return {};
    }
    return cert;
}

PemPair toPem(X509 *cert, EVP_PKEY *key, QString *error)
{
    Bio certBio(BIO_new(BIO_s_mem()));
    Bio keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        *error = QStringLiteral("cannot write PEM: ") + lastError();
        return {};
    }
    return {bioBytes(certBio.get()), bioBytes(keyBio.get())};
}

bool validDays(const Validity &validity, QString *error)
{
    if (validity.days < 1 || validity.days > 36500) {
        *error = QStringLiteral("the validity must be 1 to 36500 days, got %1").arg(validity.days);
        return false;
    }
    return true;
}

PemPair issue(const PemPair &ca, const QString &commonName, const QString &sans, bool server, const Validity &validity,
              QString *error)
{
    if (!validDays(validity, error))
        return {};
    Cert caCert = readCert(ca.certificate);
    Key caKey = readKey(ca.key);
    if (!caCert || !caKey) {
        *error = QStringLiteral("cannot read the CA certificate or key: ") + lastError();
        return {};
    }
    if (X509_check_private_key(caCert.get(), caKey.get()) != 1) {
        *error = QStringLiteral("the CA key does not belong to the CA certificate");
        return {};
    }
    Key key = newKey(error);
    if (!key)
        return {};
    Cert cert = newCertificate(key.get(), commonName, validity, error);
    if (!cert)
        return {};
    X509_set_issuer_name(cert.get(), X509_get_subject_name(caCert.get()));
    if (!addExtension(cert.get(), caCert.get(), NID_basic_constraints, QStringLiteral("critical,CA:FALSE"), error)
        || !addExtension(cert.get(), caCert.get(), NID_key_usage,
                         QStringLiteral("critical,digitalSignature,keyAgreement"), error)
        || !addExtension(cert.get(), caCert.get(), NID_ext_key_usage,
                         server ? QStringLiteral("serverAuth") : QStringLiteral("clientAuth"), error)
        || !addExtension(cert.get(), caCert.get(), NID_subject_key_identifier, QStringLiteral("hash"), error)
        || !addExtension(cert.get(), caCert.get(), NID_authority_key_identifier, QStringLiteral("keyid:always"), error)
        || (!sans.isEmpty() && !addExtension(cert.get(), caCert.get(), NID_subject_alt_name, sans, error)))
        return {};
    if (X509_sign(cert.get(), caKey.get(), EVP_sha256()) <= 0) {
        *error = QStringLiteral("cannot sign the certificate: ") + lastError();
        return {};
    }
    return toPem(cert.get(), key.get(), error);
}

} // namespace

PemPair CertificateIssuer::createAuthority(const QString &commonName, const Validity &validity, QString *error)
{
    if (!validDays(validity, error))
        return {};
    Key key = newKey(error);
    if (!key)
        return {};
    Cert cert = newCertificate(key.get(), commonName, validity, error);
    if (!cert)
        return {};
    X509_set_issuer_name(cert.get(), X509_get_subject_name(cert.get()));
    if (!addExtension(cert.get(), cert.get(), NID_basic_constraints, QStringLiteral("critical,CA:TRUE,pathlen:0"),
                      error)
        || !addExtension(cert.get(), cert.get(), NID_key_usage, QStringLiteral("critical,keyCertSign,cRLSign"), error)
        || !addExtension(cert.get(), cert.get(), NID_subject_key_identifier, QStringLiteral("hash"), error))
        return {};
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) {
        *error = QStringLiteral("cannot sign the CA certificate: ") + lastError();
        return {};
    }
    return toPem(cert.get(), key.get(), error);
}

PemPair CertificateIssuer::issueServer(const PemPair &ca, const QStringList &hosts, const Validity &validity,
                                       QString *error)
{
    if (hosts.isEmpty()) {
        *error = QStringLiteral("a server certificate needs at least one host name or address");
        return {};
    }
    QStringList sans;
    for (const QString &host : hosts) {
        QHostAddress address;
        if (address.setAddress(host))
            sans << QStringLiteral("IP:") + address.toString();
        else if (!host.isEmpty() && !host.contains(QLatin1Char(',')) && !host.contains(QLatin1Char(' ')))
            sans << QStringLiteral("DNS:") + host;
        else {
            *error = QStringLiteral("\"%1\" is not a host name or address").arg(host);
            return {};
        }
    }
    return issue(ca, hosts.first(), sans.join(QLatin1Char(',')), true, validity, error);
}

PemPair CertificateIssuer::issueClient(const PemPair &ca, const QString &clientName, const Validity &validity,
                                       QString *error)
{
    return issue(ca, clientName, QString(), false, validity, error);
}

} // namespace mysqlsync
