#pragma once
// The keychain entries the desktop app writes (service "mysql-sync", SecretStore::defaultService):
// "<site>-broker" for a site's broker password (the wizard and the configuration page use the
// same name), "<site>-database" for its database password, "<site>-transformers" for the
// password of its transformers' database user (mysqlConfig.transformerPassword).
#include <QString>

namespace mysqlsync::ui {

struct SecretAccounts {
    static QString broker(const QString &site) { return site + QStringLiteral("-broker"); }
    static QString database(const QString &site) { return site + QStringLiteral("-database"); }
    static QString transformers(const QString &site) { return site + QStringLiteral("-transformers"); }
};

} // namespace mysqlsync::ui
