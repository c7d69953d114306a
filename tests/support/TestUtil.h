#pragma once
// Small things several test programs need.
#include <QByteArray>
#include <QSet>
#include <QString>

namespace testsupport {

// A TCP port on 127.0.0.1 that was free a moment ago (0 when none could be had).
int freePort();
// The whole file, or an empty array when it cannot be read.
QByteArray readFile(const QString &path);
// The id sync_status gives (table, key, remote), computed here from docs/protocol.md's rule
// (MD5 hex of "table-key-remote"), independently of the engine's code.
QString statusId(const QString &table, const QString &key, const QString &remote);
// The first `limit` of `keys`, sorted, comma-separated, and how many there are in all.
QString keyText(const QSet<int> &keys, int limit = 20);
// The warnings, errors and lifecycle lines of an engine's log (last 40), then its last `lines` lines.
QString logTail(const QByteArray &log, int lines);

} // namespace testsupport
