#include "security/RandomSecret.h"

#include <openssl/rand.h>

namespace mysqlsync {

QByteArray RandomSecret::bytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (count <= 0)
        return {};
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        return {};
    return out;
}

QString RandomSecret::password(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    constexpr int size = int(sizeof(alphabet)) - 1; // 62
    constexpr int limit = 256 - (256 % size);       // 248: bytes at or above are rejected
    QString result;
    while (result.size() < length) {
        const QByteArray chunk = bytes(length * 2);
        if (chunk.isEmpty())
            return {};
        for (char c : chunk) {
            const int v = static_cast<unsigned char>(c);
            if (v < limit && result.size() < length)
                result += QLatin1Char(alphabet[v % size]);
        }
    }
    return result;
}

} // namespace mysqlsync
