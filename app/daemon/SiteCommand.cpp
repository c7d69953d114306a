#include "SiteCommand.h"

#include "security/SecretResolver.h"

using namespace mysqlsync;

bool openSite(const QString &configPath, const QString &connectionName, Config *config,
              std::unique_ptr<DbConnection> *db, QTextStream &err)
{
    QString error;
    if (!ConfigLoader::load(configPath, config, &error) || !(error = unsupportedDatabaseReason(*config)).isEmpty()
        || !SecretResolver::resolve(config, &error)) {
        err << "mysql-sync: " << error << "\n";
        return false;
    }
    *db = std::make_unique<DbConnection>(config->siteDatabase(), connectionName);
    if (!(*db)->open(&error)) {
        err << "mysql-sync: database: " << error << "\n";
        return false;
    }
    return true;
}
