#include "common/ClientName.h"

namespace mysqlsync {

bool isValidClientName(const QString &name)
{
    if (name.size() < 2 || name.size() > 32)
        return false;
    for (const QChar c : name) {
        const ushort u = c.unicode();
        const bool ok = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')
                || u == '_' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace mysqlsync
