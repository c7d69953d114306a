#include "security/MosquittoPassword.h"

#include "security/RandomSecret.h"

#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace mysqlsync {

namespace {

QByteArray pbkdf2(const QString &password, const QByteArray &salt, int iterations)
{
    const QByteArray pw = password.toUtf8();
    QByteArray out(64, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(pw.constData(), int(pw.size()), reinterpret_cast<const unsigned char *>(salt.constData()),
                          int(salt.size()), iterations, EVP_sha512(), int(out.size()),
                          reinterpret_cast<unsigned char *>(out.data()))
        != 1)
        return {};
    return out;
}

} // namespace

QString MosquittoPassword::hash(const QString &password, const QByteArray &salt, int iterations)
{
    const QByteArray digest = pbkdf2(password, salt, iterations);
    if (digest.isEmpty() || salt.isEmpty())
        return {};
    return QStringLiteral("$7$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(digest.toBase64()));
}

QString MosquittoPassword::hash(const QString &password, int iterations)
{
    const QByteArray salt = RandomSecret::bytes(kSaltBytes);
    if (salt.isEmpty())
        return {};
    return hash(password, salt, iterations);
}

QString MosquittoPassword::entry(const QString &user, const QString &password)
{
    const QString h = hash(password);
    return h.isEmpty() ? QString() : user + QLatin1Char(':') + h;
}

bool MosquittoPassword::parse(const QString &hashText, MosquittoHash *out)
{
    QString text = hashText.trimmed();
    const int colon = text.indexOf(QLatin1Char(':'));
    if (colon >= 0)
        text = text.mid(colon + 1);
    const QStringList parts = text.split(QLatin1Char('$'));
    // "", "7", iterations, salt, hash
    if (parts.size() != 5 || !parts[0].isEmpty() || parts[1] != QLatin1String("7"))
        return false;
    bool ok = false;
    const int iterations = parts[2].toInt(&ok);
    if (!ok || iterations < 1)
        return false;
    const auto salt = QByteArray::fromBase64Encoding(parts[3].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto digest = QByteArray::fromBase64Encoding(parts[4].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !digest || salt.decoded.isEmpty() || digest.decoded.size() != 64)
        return false;
    if (out) {
        out->iterations = iterations;
        out->salt = *salt;
        out->hash = *digest;
    }
    return true;
}

bool MosquittoPassword::verify(const QString &hashText, const QString &password)
{
    MosquittoHash h;
    if (!parse(hashText, &h))
        return false;
    const QByteArray digest = pbkdf2(password, h.salt, h.iterations);
    return digest.size() == h.hash.size()
        && CRYPTO_memcmp(digest.constData(), h.hash.constData(), size_t(digest.size())) == 0;
}

} // namespace mysqlsync
