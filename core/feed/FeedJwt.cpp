#include "feed/FeedJwt.h"

#include "feed/FeedRouting.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMessageAuthenticationCode>

#include <cmath>

namespace mysqlsync {

namespace {

// One base64url part of a compact JWT (no padding); false when it is not that.
bool decodePart(const QByteArray &part, QByteArray *out)
{
    if (part.isEmpty() || part.contains('='))
        return false;
    const QByteArray::FromBase64Result r =
        QByteArray::fromBase64Encoding(part, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!r)
        return false;
    *out = r.decoded;
    return true;
}

bool jsonObject(const QByteArray &data, QJsonObject *out)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *out = doc.object();
    return true;
}

bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

// A NumericDate claim (seconds); absent is fine, anything but a finite number is not.
bool numericDate(const QJsonObject &claims, const char *name, bool *present, double *value)
{
    const QJsonValue v = claims.value(QLatin1String(name));
    *present = !v.isUndefined();
    if (!*present)
        return true;
    *value = v.toDouble();
    return v.isDouble() && std::isfinite(*value);
}

} // namespace

bool FeedJwt::verify(const QByteArray &token, const QByteArray &key, const QString &userClaim, qint64 nowSeconds,
                     QString *user, QString *why)
{
    const QList<QByteArray> parts = token.split('.');
    QByteArray headerJson;
    QByteArray payloadJson;
    QByteArray signature;
    // An empty signature (an unsecured JWT, alg none) is refused below, by its algorithm.
    if (parts.size() != 3 || !decodePart(parts.at(0), &headerJson) || !decodePart(parts.at(1), &payloadJson)
        || !(parts.at(2).isEmpty() || decodePart(parts.at(2), &signature))) {
        *why = QStringLiteral("not a signed JWT (three base64url parts separated by dots)");
        return false;
    }
    QJsonObject header;
    if (!jsonObject(headerJson, &header)) {
        *why = QStringLiteral("the JWT header is not a JSON object");
        return false;
    }
    // Only HS256: "none" would need no key, and another algorithm is not what the key is for.
    const QJsonValue alg = header.value(QStringLiteral("alg"));
    if (alg.toString() != QLatin1String("HS256")) {
        *why = QStringLiteral("the JWT algorithm is %1; only HS256 is accepted")
                   .arg(alg.isString() ? QStringLiteral("\"%1\"").arg(alg.toString().left(16))
                                       : QStringLiteral("not given"));
        return false;
    }
    if (header.contains(QStringLiteral("crit"))) {
        *why = QStringLiteral("the JWT header has critical extensions (crit), which the feed does not know");
        return false;
    }
    const QByteArray signingInput = parts.at(0) + '.' + parts.at(1);
    const QByteArray expected = QMessageAuthenticationCode::hash(signingInput, key, QCryptographicHash::Sha256);
    if (!sameBytes(signature, expected)) {
        *why = QStringLiteral("the JWT signature is wrong (another key, or the token was altered)");
        return false;
    }
    QJsonObject claims;
    if (!jsonObject(payloadJson, &claims)) {
        *why = QStringLiteral("the JWT payload is not a JSON object");
        return false;
    }
    bool hasExp = false;
    bool hasNbf = false;
    double exp = 0;
    double nbf = 0;
    if (!numericDate(claims, "exp", &hasExp, &exp) || !numericDate(claims, "nbf", &hasNbf, &nbf)) {
        *why = QStringLiteral("the JWT's exp or nbf is not a number of seconds");
        return false;
    }
    if (hasExp && double(nowSeconds) >= exp) {
        *why = QStringLiteral("the JWT expired (exp %1, now %2)").arg(qint64(exp)).arg(nowSeconds);
        return false;
    }
    if (hasNbf && double(nowSeconds) < nbf) {
        *why = QStringLiteral("the JWT is not valid yet (nbf %1, now %2)").arg(qint64(nbf)).arg(nowSeconds);
        return false;
    }
    const QString id = FeedRouting::userId(claims.value(userClaim));
    if (id.isEmpty()) {
        *why = QStringLiteral("the JWT has no \"%1\" claim holding a user id (a string or an integer)").arg(userClaim);
        return false;
    }
    *user = id;
    return true;
}

} // namespace mysqlsync
