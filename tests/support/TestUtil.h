#pragma once
// Small things several test programs need.
#include <QByteArray>
#include <QString>

namespace testsupport {

// A TCP port on 127.0.0.1 that was free a moment ago (0 when none could be had).
int freePort();
// The whole file, or an empty array when it cannot be read.
QByteArray readFile(const QString &path);

} // namespace testsupport
