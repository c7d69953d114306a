#pragma once
// Checks the configuration's table and column mapping (config/TableMapping.h) and its filters
// against the database catalogue, at start and in --check: every mapped or filtered column
// must exist, a mapping must carry the primary key, a filter must not be the key. Each
// problem is one line naming the file, the key (a JSON path) and the table.
#include "config/Config.h"
#include "database/Catalog.h"

#include <QHash>
#include <QStringList>

namespace mysqlsync {

class MappingCheck {
public:
    // Tables missing from `catalog` are left out (Catalog::load names them).
    static QStringList problems(const Config &config, const QHash<QString, TableInfo> &catalog);
};

} // namespace mysqlsync
