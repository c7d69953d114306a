#include "transform/AcornSource.h"

#include <QFile>

namespace mysqlsync {

// acorn's dist/acorn.js, verbatim (third_party/acorn/acorn.js, compiled in as a Qt resource).
const char kAcornVersion[] = "8.15.0";
const char kAcornSha256[] = "fdb08546776ec6228b03e8d02b40d4ab3255bae5f401adba7ff5dad927ac5c9c";

QByteArray acornSource()
{
    QFile file(QStringLiteral(":/mysql-sync/acorn.js"));
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

} // namespace mysqlsync
