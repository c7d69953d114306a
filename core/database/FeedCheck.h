#pragma once
// Checks the `feed` section against the database catalogue, at the feed's start and in --check:
// the tokens table and its two columns, every routed table and routing column, every filtered
// column. Each problem is one line naming the file, the key (a JSON path) and the table.
#include "config/Config.h"
#include "database/Catalog.h"

#include <QHash>
#include <QStringList>

namespace mysqlsync {

class FeedCheck {
public:
    // The tables the feed names (tokens table first, then the routed tables, sorted).
    static QStringList tables(const FeedConfig &feed);
    // `catalog` as Catalog::load reads it for tables(); a table missing from it is a problem too.
    static QStringList problems(const Config &config, const QHash<QString, TableInfo> &catalog);
};

} // namespace mysqlsync
