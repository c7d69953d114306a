#pragma once
// A bound value written as an SQL literal, for statements that carry many rows at once
// (binding thousands of placeholders costs more in Qt than the statement itself).
// Strings of plain characters are quoted as they are; every other string is its UTF-8 bytes
// as a hex literal marked utf8mb4 (_utf8mb4 X'…'), and bytes become X'…': no value depends on
// the session's sql_mode (NO_BACKSLASH_ESCAPES, ANSI_QUOTES) or escaping rules.
// On PostgreSQL (the QPSQL driver) every value is an E'...' string of unknown type that the
// server converts to the column's type; bytes are E'\\x…'.
#include <QString>
#include <QVariant>

class QSqlDriver;

namespace mysqlsync {

QString sqlLiteral(const QSqlDriver *driver, const QVariant &value);

} // namespace mysqlsync
