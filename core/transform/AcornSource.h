#pragma once
// acorn (a small, well-kept ECMAScript parser, MIT) embedded verbatim; see
// third_party/acorn/README.md. Used by AsyncTranspiler only.
#include <QByteArray>

namespace mysqlsync {

extern const char kAcornVersion[];
extern const char kAcornSha256[];
QByteArray acornSource(); // the UTF-8 text of acorn's dist/acorn.js

} // namespace mysqlsync
