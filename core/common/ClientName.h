#pragma once
#include <QString>

namespace mysqlsync {
// True for a valid client name: ^[A-Za-z0-9_-]{2,32}$ (no trailing newline either).
bool isValidClientName(const QString &name);
}
