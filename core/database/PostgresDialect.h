#pragma once
// PostgreSQL SQL (issue 17): the connection's current schema (search_path) is the site's schema.
#include "database/SqlDialect.h"

namespace mysqlsync {

class PostgresDialect final : public SqlDialect {
public:
    Kind kind() const override { return Kind::Postgres; }
    QString productName() const override { return QStringLiteral("PostgreSQL"); }
    QString quoteIdentifier(const QString &name) const override;
    QString textCast(const QString &expression) const override
    {
        return QStringLiteral("CAST(%1 AS text)").arg(expression);
    }
    QString stringLiteral(const QString &value) const override;
    // lock_timeout 0 waits for ever: "not at all" is the shortest wait instead.
    QString lockWaitSql(int seconds) const override
    {
        return seconds > 0 ? QStringLiteral("SET lock_timeout = '%1s'").arg(seconds)
                           : QStringLiteral("SET lock_timeout = '1ms'");
    }
    QString catalogColumnsSql() const override;
    QString otherUniqueKeyTablesSql() const override;
    QString tableNamesSql() const override;
    QString rowEstimatesSql(int count) const override;
    // PostgreSQL's types onto the engine's column kinds (PostgresTypes.cpp).
    bool mapColumn(const QString &table, const QString &column, const QString &dataType, const QString &columnType,
                   bool nullable, ColumnInfo *out, QString *problem) const override;
    QStringList engineTableDdl() const override;
    QString utcNow() const override { return QStringLiteral("(now() AT TIME ZONE 'UTC')"); }
    QString upsertClause(const QStringList &keyColumns) const override;
    QString insertedValue(const QString &quotedColumn) const override;
};

} // namespace mysqlsync
