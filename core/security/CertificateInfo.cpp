#include "security/CertificateInfo.h"

#include "security/OpenSslUtil.h"

#include <QFile>
#include <QHostAddress>

#include <openssl/x509v3.h>

namespace mysqlsync {

using namespace ossl;

namespace {

QString commonNameOf(X509_NAME *name)
{
    const int i = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (i < 0)
        return {};
    ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
    unsigned char *utf8 = nullptr;
    const int n = ASN1_STRING_to_UTF8(&utf8, data);
    if (n < 0)
        return {};
    QString s = QString::fromUtf8(reinterpret_cast<const char *>(utf8), n);
    OPENSSL_free(utf8);
    return s;
}

QDateTime toDateTime(const ASN1_TIME *t)
{
    struct tm tm { };
    if (ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     Qt::UTC);
}

} // namespace

CertificateInfo CertificateInfo::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        CertificateInfo info;
        info.m_error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return info;
    }
    CertificateInfo info = fromPem(file.readAll());
    if (!info.m_valid)
        info.m_error = path + QLatin1String(": ") + info.m_error;
    return info;
}

CertificateInfo CertificateInfo::fromPem(const QByteArray &pem)
{
    CertificateInfo info;
    Cert cert = readCert(pem);
    if (!cert) {
        info.m_error = QStringLiteral("not a PEM certificate (%1)").arg(lastError());
        return info;
    }
    info.m_pem = pem;
    info.m_valid = true;
    info.m_commonName = commonNameOf(X509_get_subject_name(cert.get()));
    info.m_issuerCommonName = commonNameOf(X509_get_issuer_name(cert.get()));
    info.m_notBefore = toDateTime(X509_get0_notBefore(cert.get()));
    info.m_notAfter = toDateTime(X509_get0_notAfter(cert.get()));
    info.m_ca = X509_check_ca(cert.get()) > 0;
    auto *names = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(cert.get(), NID_subject_alt_name, nullptr, nullptr));
    if (names) {
        for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
            const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, i);
            if (name->type == GEN_DNS) {
                const ASN1_IA5STRING *s = name->d.dNSName;
                info.m_dns << QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(s)),
                                                  ASN1_STRING_length(s));
            } else if (name->type == GEN_IPADD) {
                const ASN1_OCTET_STRING *s = name->d.iPAddress;
                const unsigned char *d = ASN1_STRING_get0_data(s);
                QHostAddress address;
                if (ASN1_STRING_length(s) == 4)
                    address.setAddress(quint32(d[0]) << 24 | quint32(d[1]) << 16 | quint32(d[2]) << 8 | d[3]);
                else if (ASN1_STRING_length(s) == 16)
                    address.setAddress(d);
                info.m_ips << address.toString();
            }
        }
        GENERAL_NAMES_free(names);
    }
    return info;
}

int CertificateInfo::daysUntilExpiry(const QDateTime &now) const
{
    const qint64 seconds = now.secsTo(m_notAfter);
    return int(seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400));
}

bool CertificateInfo::isSignedBy(const QByteArray &caPem) const
{
    Cert cert = readCert(m_pem);
    Cert ca = readCert(caPem);
    if (!cert || !ca)
        return false;
    EVP_PKEY *caKey = X509_get0_pubkey(ca.get());
    const bool ok = caKey && X509_verify(cert.get(), caKey) == 1
        && X509_NAME_cmp(X509_get_issuer_name(cert.get()), X509_get_subject_name(ca.get())) == 0;
    ERR_clear_error();
    return ok;
}

bool CertificateInfo::matchesKey(const QByteArray &keyPem) const
{
    Cert cert = readCert(m_pem);
    Key key = readKey(keyPem);
    const bool ok = cert && key && X509_check_private_key(cert.get(), key.get()) == 1;
    ERR_clear_error();
    return ok;
}

} // namespace mysqlsync
