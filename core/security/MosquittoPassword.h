#pragma once
// Mosquitto 2.0 password file entries: "user:$7$<iterations>$<base64 salt>$<base64 hash>",
// the hash being PBKDF2-HMAC-SHA512 of the password over the salt (64 bytes), as
// mosquitto_passwd writes them (12 salt bytes, 101 iterations by default).
#include <QByteArray>
#include <QString>

namespace mysqlsync {

struct MosquittoHash {
    int iterations = 0;
    QByteArray salt;
    QByteArray hash;
};

class MosquittoPassword {
public:
    static constexpr int kDefaultIterations = 101;
    static constexpr int kSaltBytes = 12;

    // "$7$..." for `password` with a fresh random salt; empty if the random generator fails.
    static QString hash(const QString &password, int iterations = kDefaultIterations);
    // The same with a given salt (for tests).
    static QString hash(const QString &password, const QByteArray &salt, int iterations);
    // One password file line, "user:$7$...".
    static QString entry(const QString &user, const QString &password);

    // Splits "$7$iter$salt$hash"; false when it is not in that form.
    static bool parse(const QString &hashText, MosquittoHash *out);
    // True when `password` matches `hashText` ("$7$..." or a whole "user:$7$..." line).
    static bool verify(const QString &hashText, const QString &password);
};

} // namespace mysqlsync
