#include "common/ClientName.h"

namespace mysqlsync {

namespace {
bool isNameChar(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_' || u == '-';
}
constexpr qsizetype kMaxNameLength = 32;
} // namespace

bool isValidClientName(const QString &name)
{
    if (name.size() < 2 || name.size() > kMaxNameLength)
        return false;
    for (const QChar c : name) {
        if (!isNameChar(c))
            return false;
    }
    return true;
}

QString loggableName(const QString &name)
{
    QString out = name.left(kMaxNameLength);
    for (QChar &c : out) {
        if (!isNameChar(c))
            c = QLatin1Char('?');
    }
    if (name.size() > kMaxNameLength)
        out += QStringLiteral("...");
    return out;
}

} // namespace mysqlsync
