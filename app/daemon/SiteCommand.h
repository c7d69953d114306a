#pragma once
// What the daemon's subcommands that work on a site's database alone (conflicts, settle, load,
// verify) share: the configuration read, its secrets resolved, the database opened; each
// failure written to stderr naming the problem.
#include "config/Config.h"
#include "database/DbConnection.h"

#include <QTextStream>

#include <memory>

// False (and the reason on `err`) when the file cannot be loaded or the database not opened.
bool openSite(const QString &configPath, const QString &connectionName, mysqlsync::Config *config,
              std::unique_ptr<mysqlsync::DbConnection> *db, QTextStream &err);
