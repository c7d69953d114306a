#pragma once
// Random bytes and passwords from OpenSSL's CSPRNG (RAND_bytes).
#include <QByteArray>
#include <QString>

namespace mysqlsync {

class RandomSecret {
public:
    // `count` random bytes; empty when the generator fails (never a weak fallback).
    static QByteArray bytes(int count);
    // A password of `length` characters from A-Z a-z 0-9 (no bias: rejection sampling);
    // empty when the generator fails.
    static QString password(int length = 32);
};

} // namespace mysqlsync
