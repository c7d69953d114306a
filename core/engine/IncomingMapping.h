#pragma once
// Receiving side of table and column mapping (config/TableMapping.h): a change as its sender
// sent it (the remote's table and column names) becomes a change of the local table, and the
// receive rules ("update", "insert", "delete") say what of it may be written.
#include "config/Config.h"

#include <QJsonObject>
#include <QString>

namespace mysqlsync {

struct ChangeMessage;

namespace incoming {

// Maps `change` onto its local table and columns (columns a mapping does not name are not
// written). Returns an empty string, or the error to answer with: the table is not received,
// or the rules refuse a delete.
QString toLocal(const Config &config, ChangeMessage *change);
// The entity of an update of an existing row reduced to what the rules let a remote change:
// the key and the columns of "update".
QJsonObject updatable(const ReceiveMapping &rules, const QString &keyColumn, const QJsonObject &entity);
// The error of an insert the rules refuse.
QString insertRefused(const ReceiveMapping &rules);

} // namespace incoming
} // namespace mysqlsync
