#pragma once
// Signed feed tokens (feed.tokens.jwtKey): a JWT in compact form (RFC 7519) signed with
// HMAC-SHA256 (alg HS256; RFC 7518 3.2) by a key the feed shares with whoever issues them. The
// feed needs no database to accept one: the user id is a claim of the token. Anything but HS256
// is refused (`none` above all), as is a header with `crit`; `exp` and `nbf` are compared with
// the feed's clock (seconds since the epoch, no leeway). No state: usable from any thread.
#include <QByteArray>
#include <QString>

namespace mysqlsync {

class FeedJwt {
public:
    static constexpr int kMinKeyBytes = 32; // HS256 wants a key at least as long as its hash

    // The user id `token` stands for (its `userClaim`: a string as it is, an integer in
    // decimal); false with `why` saying what is wrong with it (never the token itself).
    static bool verify(const QByteArray &token, const QByteArray &key, const QString &userClaim, qint64 nowSeconds,
                       QString *user, QString *why);
};

} // namespace mysqlsync
