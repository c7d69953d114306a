#pragma once
// MariaDB / MySQL SQL (the engine's original dialect; docs/protocol.md's database contract).
#include "database/SqlDialect.h"

namespace mysqlsync {

class MariaDbDialect final : public SqlDialect {
public:
    Kind kind() const override { return Kind::MariaDb; }
    QString productName() const override { return QStringLiteral("MariaDB"); }
    QString quoteIdentifier(const QString &name) const override;
    QString textCast(const QString &expression) const override
    {
        return QStringLiteral("CAST(%1 AS CHAR)").arg(expression);
    }
    QString stringLiteral(const QString &value) const override;
    QString lockWaitSql(int seconds) const override
    {
        return QStringLiteral("SET SESSION innodb_lock_wait_timeout = %1").arg(seconds);
    }
    QString catalogColumnsSql() const override;
    QString otherUniqueKeyTablesSql() const override;
    QString tableNamesSql() const override;
    QString rowEstimatesSql(int count) const override;
    bool mapColumn(const QString &table, const QString &column, const QString &dataType, const QString &columnType,
                   bool nullable, ColumnInfo *out, QString *problem) const override;
    QStringList engineTableDdl() const override;
    QString utcNow() const override { return QStringLiteral("UTC_TIMESTAMP()"); }
    QString upsertClause(const QStringList &keyColumns) const override;
    QString insertedValue(const QString &quotedColumn) const override;
};

} // namespace mysqlsync
