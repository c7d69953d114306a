#pragma once
#include <QString>

namespace mysqlsync {
// True for a valid client name: ^[A-Za-z0-9_-]{2,32}$ (no trailing newline either).
bool isValidClientName(const QString &name);
// A name that came from the wire, fit for a log line: at most 32 characters (then "..."),
// every character outside [A-Za-z0-9_-] shown as '?'.
QString loggableName(const QString &name);
} // namespace mysqlsync
