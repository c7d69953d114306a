#pragma once
// A bound value written as an SQL literal, for statements that carry many rows at once
// (binding thousands of placeholders costs more in Qt than the statement itself).
// Strings are escaped by the driver (mysql_real_escape_string, for the connection's
// character set); bytes become X'…' hex literals, so no byte is ever reinterpreted.
#include <QString>
#include <QVariant>

class QSqlDriver;

namespace mysqlsync {

QString sqlLiteral(const QSqlDriver *driver, const QVariant &value);

} // namespace mysqlsync
