#pragma once
// The desktop app's reading and checking of table mapping entries (config/TableMapping.h),
// by the engine's own rules: an entry is read by ConfigLoader in a frame of a valid
// configuration, and the table lists are checked by ConfigLoader and MappingCheck against the
// live catalogue, so the editor never says other than the engine would at start.
#include "config/TableMapping.h"
#include "database/Catalog.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>

namespace mysqlsync::ui {

// The database's tables with their columns (ConnectionChecks lists them off the GUI thread).
using TableCatalog = QHash<QString, TableInfo>;

enum class MappingSide { Send, Receive };

namespace mappingentry {

// Reads one syncTables entry (a name or an object) as the engine does; false with `error`.
bool readSend(const QJsonValue &entry, SendMapping *out, QString *error);
// Reads one receiveTables entry as the engine does; false with `error`.
bool readReceive(const QJsonValue &entry, ReceiveMapping *out, QString *error);
// The local table an entry names (the name, or the object's "table").
QString tableOf(const QJsonValue &entry);
// Checks `lists` (syncTables, receiveTables, filters) as the engine does at start: the
// configuration's rules, then MappingCheck against `catalog` (tables it lacks are not
// checked). Empty when fine, else the first problem, naming `filePath` and the key.
QString check(const QJsonObject &lists, const TableCatalog &catalog, const QString &filePath);

} // namespace mappingentry
} // namespace mysqlsync::ui
