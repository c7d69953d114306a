#pragma once
// Writing files that may hold secrets: created with their final mode from the start
// (never briefly readable by others), refused when they exist unless overwriting is asked for.
#include <QByteArray>
#include <QString>

namespace mysqlsync {

class SecureFile {
public:
    // Writes `data` to `path` with permission bits `mode` (e.g. 0600 for keys and passwords,
    // 0644 for certificates). An existing file is an error unless `overwrite`.
    static bool write(const QString &path, const QByteArray &data, unsigned mode, bool overwrite, QString *error);
    // True when `path` is readable by its owner only (no group or other permission bits) and
    // owned by the user running this process. `why` says what is wrong otherwise.
    static bool isOwnerOnly(const QString &path, QString *why);
};

} // namespace mysqlsync
