#pragma once
// The tables the engine itself keeps in the site's database (Schema creates them). They are
// never tables to sync or receive: pickers and lists of the user's tables leave them out.
#include <QString>
#include <QStringList>

namespace mysqlsync {

inline QStringList engineTableNames()
{
    return {QStringLiteral("table_changes"), QStringLiteral("sync_status"), QStringLiteral("sync_site"),
            QStringLiteral("sync_versions"), QStringLiteral("sync_conflicts"),
            QStringLiteral("sync_loads"), QStringLiteral("sync_verifies")};
}

inline bool isEngineTable(const QString &name)
{
    return engineTableNames().contains(name);
}

} // namespace mysqlsync
