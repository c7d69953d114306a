#pragma once
// The feed's own database connection (never the engine's): the catalogue of the tables the feed
// names (checked by FeedCheck before any SQL names them), the token lookup, the current rows of
// changed keys and the routing values of a routed table's rows. Lives on the feed's thread.
#include "config/Config.h"
#include "database/Catalog.h"
#include "database/DbConnection.h"
#include "database/RowStore.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace mysqlsync {

class FeedDatabase {
public:
    explicit FeedDatabase(const Config &config);

    // Opens the connection and reads the catalogue; false with `error` naming the problem (a
    // FeedCheck line names the file and key). `fatal`: no retry will help (the configuration).
    bool open(QString *error, bool *fatal);
    const TableInfo *table(const QString &name) const;

    enum class Lookup { Found, NotFound, Failed };
    // The user a token stands for (a parameterised query; the token never reaches a log).
    Lookup userForToken(const QString &token, QString *user, QString *error);
    // The current rows of `keys` of `table` (a key without a row is absent).
    bool rows(const QString &table, const QStringList &keys, QHash<QString, QJsonObject> *out, QString *error);
    // Up to `limit` rows of `table`: key -> the row's routing columns only.
    bool routingValues(const QString &table, const QStringList &columns, int limit, QHash<QString, QJsonObject> *out,
                       QString *error);

private:
    bool ensureOpen(QString *error);

    Config m_config;
    std::unique_ptr<DbConnection> m_db;
    std::unique_ptr<RowStore> m_rows;
    QHash<QString, TableInfo> m_tables;
};

} // namespace mysqlsync
