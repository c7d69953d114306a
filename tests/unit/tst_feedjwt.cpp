// Signed feed tokens (issue 18): FeedJwt accepts an HS256 JWT signed with the shared key and
// refuses every other: a wrong signature, an expired or not yet valid one, alg none or another
// algorithm, crit, a malformed token, one without the user claim.
#include "feed/FeedJwt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QtTest>

using namespace mysqlsync;

namespace {

const QByteArray kKey = "an-independent-test-key-of-40-bytes-long";
constexpr qint64 kNow = 1767225600; // 2026-01-01

QByteArray part(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray sign(const QJsonObject &header, const QJsonObject &claims, const QByteArray &key = kKey)
{
    const QByteArray input = part(json(header)) + '.' + part(json(claims));
    return input + '.' + part(QMessageAuthenticationCode::hash(input, key, QCryptographicHash::Sha256));
}

QJsonObject obj(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

QJsonObject hs256()
{
    return obj(R"({"alg": "HS256", "typ": "JWT"})");
}

} // namespace

class TestFeedJwt : public QObject {
    Q_OBJECT

private:
    static bool verify(const QByteArray &token, QString *user, QString *why,
                       const QString &claim = QStringLiteral("sub"))
    {
        return FeedJwt::verify(token, kKey, claim, kNow, user, why);
    }

private slots:
    void independentVectorAccepted()
    {
        // Made by Python's hmac and base64 modules, not by this code: {"sub": "42", "exp": 4102444800}.
        const QByteArray token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsImV4cCI6NDEwMjQ0NDgwMH0."
                                 "KkzVtygowyflX4HM0HV-HqsC4GK_ZOYbHLptjKKxy1k";
        QString user;
        QString why;
        QVERIFY2(verify(token, &user, &why), qPrintable(why));
        QCOMPARE(user, QStringLiteral("42"));
    }

    void goodTokens()
    {
        QString user;
        QString why;
        QVERIFY2(verify(sign(hs256(),
                             obj("{\"sub\": 7, \"exp\": " + QByteArray::number(kNow + 60)
                                 + ", \"nbf\": " + QByteArray::number(kNow) + "}")),
                        &user, &why),
                 qPrintable(why));
        QCOMPARE(user, QStringLiteral("7")); // an integer in decimal
        QVERIFY2(verify(sign(obj(R"({"alg": "HS256"})"), obj(R"({"uid": "u-9"})")), &user, &why, QStringLiteral("uid")),
                 qPrintable(why)); // another claim; no exp, no typ
        QCOMPARE(user, QStringLiteral("u-9"));
    }

    void badSignature()
    {
        QString user;
        QString why;
        QVERIFY(!verify(sign(hs256(), obj(R"({"sub": "7"})"), "another-key-another-key-another-key!"), &user, &why));
        QVERIFY2(why.contains(QStringLiteral("signature is wrong")), qPrintable(why));
        // The claims changed after signing.
        const QByteArray good = sign(hs256(), obj(R"({"sub": "7"})"));
        const QList<QByteArray> parts = good.split('.');
        const QByteArray altered = parts[0] + '.' + part(R"({"sub":"8"})") + '.' + parts[2];
        QVERIFY(!verify(altered, &user, &why));
        QVERIFY2(why.contains(QStringLiteral("signature is wrong")), qPrintable(why));
        // HS256 said, no signature given.
        QVERIFY(!verify(parts[0] + '.' + parts[1] + '.', &user, &why));
        QVERIFY2(why.contains(QStringLiteral("signature is wrong")), qPrintable(why));
        QVERIFY(user.isEmpty());
    }

    void expiredAndNotYetValid()
    {
        QString user;
        QString why;
        QVERIFY(
            !verify(sign(hs256(), obj("{\"sub\": \"7\", \"exp\": " + QByteArray::number(kNow) + "}")), &user, &why));
        QVERIFY2(why.contains(QStringLiteral("expired")), qPrintable(why));
        QVERIFY(!verify(sign(hs256(), obj("{\"sub\": \"7\", \"nbf\": " + QByteArray::number(kNow + 10) + "}")), &user,
                        &why));
        QVERIFY2(why.contains(QStringLiteral("not valid yet")), qPrintable(why));
        QVERIFY(!verify(sign(hs256(), obj(R"({"sub": "7", "exp": "tomorrow"})")), &user, &why));
        QVERIFY2(why.contains(QStringLiteral("not a number")), qPrintable(why));
    }

    void otherAlgorithmsRefused()
    {
        QString user;
        QString why;
        // alg none: no signature at all, or one made with the key anyway.
        const QByteArray unsigned_ = part(R"({"alg":"none"})") + '.' + part(R"({"sub":"7"})") + '.';
        QVERIFY(!verify(unsigned_, &user, &why));
        QVERIFY(!verify(sign(obj(R"({"alg": "none"})"), obj(R"({"sub": "7"})")), &user, &why));
        QVERIFY2(why.contains(QStringLiteral("\"none\"")) && why.contains(QStringLiteral("only HS256")),
                 qPrintable(why));
        for (const char *alg : {"HS512", "RS256", "hs256"}) {
            QVERIFY(!verify(sign(obj(QByteArray(R"({"alg": ")") + alg + "\"}"), obj(R"({"sub": "7"})")), &user, &why));
            QVERIFY2(why.contains(QStringLiteral("only HS256")), qPrintable(why));
        }
        QVERIFY(!verify(sign(QJsonObject{}, obj(R"({"sub": "7"})")), &user, &why));
        QVERIFY2(why.contains(QStringLiteral("not given")), qPrintable(why));
        QJsonObject crit = hs256();
        crit.insert(QStringLiteral("crit"), QJsonArray{QStringLiteral("b64")});
        QVERIFY(!verify(sign(crit, obj(R"({"sub": "7"})")), &user, &why));
        QVERIFY2(why.contains(QStringLiteral("crit")), qPrintable(why));
    }

    void malformed()
    {
        QString user;
        QString why;
        const QByteArray good = sign(hs256(), obj(R"({"sub": "7"})"));
        for (const QByteArray &token :
             QList<QByteArray>{QByteArray(), QByteArray("abc"), QByteArray("a.b"), QByteArray(good + ".x"),
                               QByteArray("..."), QByteArray("e30.e30.%%%"), QByteArray(good).replace('-', '+'),
                               QByteArray(part("not json") + '.' + part("{}") + ".AA")}) {
            QVERIFY2(!verify(token, &user, &why), token.constData());
            QVERIFY(!why.isEmpty());
        }
        // A payload that is not a JSON object, correctly signed.
        const QByteArray input = part(json(hs256())) + '.' + part("[1,2]");
        QVERIFY(!verify(input + '.' + part(QMessageAuthenticationCode::hash(input, kKey, QCryptographicHash::Sha256)),
                        &user, &why));
        QVERIFY2(why.contains(QStringLiteral("payload")), qPrintable(why));
        // No user claim, or one that names nobody.
        QVERIFY(!verify(sign(hs256(), obj(R"({"name": "x"})")), &user, &why));
        QVERIFY2(why.contains(QStringLiteral("\"sub\"")), qPrintable(why));
        QVERIFY(!verify(sign(hs256(), obj(R"({"sub": 1.5})")), &user, &why));
        QVERIFY(user.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFeedJwt)
#include "tst_feedjwt.moc"
